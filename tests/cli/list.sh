# list.sh: 'talkpact list' in both formats, its filters, and its usage
# mistakes. The expected rows are worked out from the YAML itself, so a
# prompt the loader dropped or invented shows up as a failure.
. "$top_srcdir/tests/lib.sh"

cd "$top_srcdir" || exit 99
G=tests/content/good

# Every shipped prompt, once per band, and every template.
run "$TALKPACT" list --format tsv
expect_rc 0 "list --format tsv exits 0"
printf '%s\n' "$out" >"$T/tsv"
awk '/^  - id: /{id=$3} /^    bands: /{gsub(/[][,]/, " "); for (i = 2; i <= NF; i++) print "prompt", id, $i}' \
    prompts/*.yaml | sort >"$T/want-prompts"
awk -F'\t' '$1 == "prompt" {print $1, $2, $3}' "$T/tsv" | sort >"$T/got-prompts"
if cmp -s "$T/want-prompts" "$T/got-prompts" && [ -s "$T/want-prompts" ]; then
	ok "every shipped prompt is listed once for each of its bands ($(wc -l <"$T/want-prompts") rows)"
else
	not_ok "every shipped prompt is listed once for each of its bands" \
	    "$(diff "$T/want-prompts" "$T/got-prompts" | head -20)"
fi
awk '/^template:/{t=1} t && /^  id: /{id=$2} t && /^  band: /{print "template", id, $2; t=0}' \
    agreements/*.yaml | sort >"$T/want-templates"
awk -F'\t' '$1 == "template" {print $1, $2, $3}' "$T/tsv" | sort >"$T/got-templates"
if cmp -s "$T/want-templates" "$T/got-templates" && [ "$(wc -l <"$T/want-templates")" -eq 4 ]; then
	ok "every shipped template is listed with its band"
else
	not_ok "every shipped template is listed with its band" \
	    "$(diff "$T/want-templates" "$T/got-templates")"
fi
expect_eq "$(awk -F'\t' 'NF != 5' "$T/tsv" | wc -l | tr -d ' ')" 0 "every row has five columns"
expect_eq "$(awk -F'\t' '$1 == "template" && $4 != ""' "$T/tsv" | wc -l | tr -d ' ')" 0 \
    "templates have an empty topic"
expect_match out "^prompt	8-10-why-13	8-10	ratings	Lots of apps say you have to be a certain age to join\. Why do you think that is\?\$" \
    "a prompt row has kind, id, band, topic and question"
expect_match out "^template	agreement-8-10	8-10		Our family device agreement\$" \
    "a template row has kind, id, band, no topic and title"

# Filters.
run "$TALKPACT" list --format tsv --age 8-10
expect_rc 0 "--age 8-10 exits 0"
expect_eq "$(printf '%s\n' "$out" | awk -F'\t' '$3 != "8-10"' | wc -l | tr -d ' ')" 0 "--age 8-10 lists only 8-10"
expect_eq "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "$(awk -F'\t' '$3 == "8-10"' "$T/tsv" | wc -l | tr -d ' ')" \
    "--age 8-10 lists all of 8-10"
run "$TALKPACT" list --format tsv --age 9
expect_eq "$(printf '%s\n' "$out" | awk -F'\t' '{print $3}' | sort -u)" "8-10" "--age 9 means the 8-10 band"
run "$TALKPACT" list --format tsv --topic photos
expect_rc 0 "--topic photos exits 0"
expect_eq "$(printf '%s\n' "$out" | awk -F'\t' '{print $1, $4}' | sort -u)" "prompt photos" \
    "--topic photos lists only photo prompts, no templates"
expect_eq "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "$(awk -F'\t' '$4 == "photos"' "$T/tsv" | wc -l | tr -d ' ')" \
    "--topic photos lists all photo prompts"

# The text format, for people.
run "$TALKPACT" list --age 8-10
expect_rc 0 "list (text) exits 0"
expect_match out '^Ages 8-10$' "text: a heading for the band"
expect_match out '^  Photos and sharing \(photos\)$' "text: a heading for each topic"
expect_match out '^    8-10-why-13$' "text: prompt ids"
expect_match out '^      Lots of apps say you have to be a certain age to join\. Why do you think$' \
    "text: the question under its id"
expect_match out '^  Agreement template$' "text: the template for the band"
expect_eq "$(printf '%s\n' "$out" | awk 'length($0) > 80' | wc -l | tr -d ' ')" 0 \
    "text: lines are wrapped at 80 columns"
expect_no_match out '^Ages 4-7$' "text: --age leaves other bands out"

# Tabs and line breaks in a question become spaces in tsv.
run "$TALKPACT" --only-content --content "$G" list --format tsv
expect_rc 0 "list on a folder of one's own exits 0"
expect_match out '^prompt	school-tablet-rules	11-13	places	At school the tablets stay in class\. Where should they stay at home\?$' \
    "tsv: tabs and line breaks in a question become spaces"
expect_eq "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 4 "--only-content leaves the shipped content out"

# Mistakes.
run "$TALKPACT" list --age 8-11
expect_rc 64 "an unknown band exits 64"
expect_match err "unknown age band '8-11'; did you mean '8-10'\?" "an unknown band suggests one"
run "$TALKPACT" list --age 3
expect_rc 64 "an age under 4 exits 64"
run "$TALKPACT" list --topic photo
expect_rc 64 "an unknown topic exits 64"
expect_match err "unknown topic 'photo'; did you mean 'photos'\?" "an unknown topic suggests one"
run "$TALKPACT" list --format tvs
expect_rc 64 "an unknown format exits 64"
expect_match err "did you mean 'tsv'\?" "an unknown format suggests one"
run "$TALKPACT" list --age
expect_rc 64 "--age without a value exits 64"
run "$TALKPACT" list extra
expect_rc 64 "an extra argument exits 64"
run "$TALKPACT" --content tests/content/bad/duplicate-across list
expect_rc 65 "list on bad content exits 65"
expect_match err 'duplicate prompt id' "list on bad content shows the problem"
run "$TALKPACT" list --help
expect_rc 0 "list --help exits 0"
expect_match out '^Usage: talkpact list' "list --help shows its usage"

done_testing
