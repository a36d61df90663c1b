# shipped-content.sh: the shipped content validates, and `list --format tsv`
# shows at least 20 prompts over at least 8 topics, and one template, for
# each of the four bands.
. "$top_srcdir/tests/lib.sh"

run "$TALKPACT" validate
expect_rc 0 "the shipped content validates"
expect_match out 'no problems' "validate says there are no problems"

run "$TALKPACT" list --format tsv
expect_rc 0 "list --format tsv exits 0"
printf '%s\n' "$out" >"$T/list.tsv"

bad=$(awk -F'\t' 'NF != 5' "$T/list.tsv" | head -n 3)
expect_eq "$bad" "" "every row has five columns"

for band in 4-7 8-10 11-13 14-17; do
	prompts=$(awk -F'\t' -v b="$band" '$1 == "prompt" && $3 == b' "$T/list.tsv" | wc -l)
	topics=$(awk -F'\t' -v b="$band" '$1 == "prompt" && $3 == b { print $4 }' "$T/list.tsv" | sort -u | wc -l)
	templates=$(awk -F'\t' -v b="$band" '$1 == "template" && $3 == b' "$T/list.tsv" | wc -l)
	if [ "$prompts" -ge 20 ]; then ok "$band has $prompts prompts (>= 20)"; else
		not_ok "$band has at least 20 prompts" "only $prompts"; fi
	if [ "$topics" -ge 8 ]; then ok "$band covers $topics topics (>= 8)"; else
		not_ok "$band covers at least 8 topics" "only $topics"; fi
	expect_eq "$templates" 1 "$band has exactly one template"
done

done_testing
