# golden.sh: for each age band, a fixed signed session (tests/sessions/)
# renders with the shipped content to exactly the expected Markdown, HTML
# and text in tests/golden/; each expected .md verifies as unchanged.
# GENERATE=1 rewrites the expected files.
. "$top_srcdir/tests/lib.sh"

TZ=UTC
export TZ
for band in 4-7 8-10 11-13 14-17; do
	for fmt in md html txt; do
		want="$top_srcdir/tests/golden/$band.$fmt"
		run "$TALKPACT" render "$top_srcdir/tests/sessions/$band.yaml" --format "$fmt"
		if [ "$rc" -ne 0 ]; then
			not_ok "$band: render --format $fmt" "exit $rc: $err"
			continue
		fi
		if [ "${GENERATE:-}" = 1 ]; then
			cp "$T/out" "$want"
			ok "$band.$fmt: written"
			continue
		fi
		if cmp -s "$T/out" "$want"; then
			ok "$band: the $fmt is as expected"
		else
			not_ok "$band: the $fmt is as expected" \
			    "$(diff -u "$want" "$T/out" | head -n 40)"
		fi
	done
	run "$TALKPACT" verify "$top_srcdir/tests/golden/$band.md"
	expect_rc 0 "$band: the expected .md verifies"
	expect_match out "unchanged since signed on 29 November 2026 by " "$band: verify names the date"
done

done_testing
