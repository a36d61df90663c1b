# plain-review.sh: 'talkpact review' in plain mode, from the signed 8-10
# sample (29 November 2026) with the clock at 15 December 2026: a review
# in progress is resumed; each rule and promise is kept, changed or
# dropped with a line from each voice, then the band's review questions,
# then choosing (45 -> 60 minutes) and signing as before. The result is
# version 2, "-v2" in its file names, with "Version 2, replacing the
# agreement of 29 November 2026" and "What changed since 29 November
# 2026"; both versions verify and 'history' lists both; a second review
# on the same day is version 3 in files of its own; 'review' of a
# session not signed exits 65.
. "$top_srcdir/tests/lib.sh"

sessions="$HOME/.local/state/talkpact/sessions"
agreements="$HOME/.local/state/talkpact/agreements"
tpl="$top_srcdir/agreements/8-10.yaml"
TZ=UTC
export TZ
# Nothing signed yet: nothing to review, no history.
run "$TALKPACT" review
expect_rc 66 "review with no signed agreement: exit 66"
run "$TALKPACT" history
expect_rc 0 "history with no signed agreement: exit 0"
expect_eq "$out" "No signed agreements yet." "history says there are none"

mkdir -p "$sessions"
cp "$top_srcdir/tests/sessions/8-10.yaml" "$sessions/2026-11-29-sam-1412.yaml"
NOW=2026-12-15T10:00:00Z

# Version 1's files, as signing writes them, to check they stay as they are.
run "$TALKPACT" render 2026-11-29-sam-1412 -f all -o "$agreements/"
expect_rc 0 "version 1's files are written"
v1="$agreements/agreement-sam-2026-11-29"
v1sum=$(cat "$v1.md" "$v1.html" "$v1.txt" | cksum)

# A session not signed yet cannot be reviewed.
printf '1\nKim\n9\n\nPat\n\n\n/quit\n' >"$T/kim"
run sh -c "TALKPACT_NOW=2026-12-14T09:00:00Z '$TALKPACT' --plain <'$T/kim'"
kim=$(basename "$(ls "$sessions"/*kim*.yaml)" .yaml)
run "$TALKPACT" review "$kim"
expect_rc 65 "review of a session not signed: exit 65"
expect_eq "$err" "talkpact: not signed yet: talkpact resume $kim" \
    "review of a session not signed says to resume it"
rm -f "$sessions/$kim.yaml"

# The first rule changed, then a pause.
# Two grown-ups (Alex Smith and Jo): each is asked in turn.
printf 'change\nMore time would be fair.\nWe agree: 60 minutes.\nFine by me.\n/quit\n' >"$T/one"
run sh -c "TALKPACT_NOW=$NOW '$TALKPACT' --plain review 2026-11-29-sam <'$T/one'"
expect_rc 0 "a review started and left: exit 0"
expect_match out '^== Reviewing together: version 2 ==$' "the review is version 2"
expect_match out '^Looking again at the agreement signed on 29 November 2026' \
    "it names the agreement it looks at again"
expect_match out '^\[A rule · 1 of [0-9]+\]$' "the rules come one at a time"
first=$(printf '%s\n' "$out" | grep -A1 '^\[A rule · 1 of' | tail -n 1)
expect_eq "$first" "We keep meal times phone-free, grown-ups too." \
    "the first rule is the agreement's first, as it was signed"
f=$(grep -l '^stage: reviewing$' "$sessions"/*.yaml)
if [ -n "$f" ] && grep -q '^version: 2$' "$f" &&
    grep -q '^  session: "2026-11-29-sam-1412"$' "$f" &&
    grep -q '^  decision: change$' "$f" &&
    grep -q '^  child: "More time would be fair."$' "$f" &&
    grep -q '^    Alex Smith: "We agree: 60 minutes."$' "$f" &&
    grep -q '^    Jo: "Fine by me."$' "$f"; then
	ok "the review is saved: version 2, what it replaces, the first note, each grown-up's line under their name"
else
	not_ok "the review is saved" "$(cat "$f" 2>/dev/null)"
fi
expect_match out 'Carry on later with: talkpact resume 2026-12-15-sam-1000' \
    "the review can be carried on"
run "$TALKPACT" history Sam
expect_match out '^Version 2, being reviewed now \(Reviewing together\): carry on with: talkpact review 2026-12-15-sam-1000$' \
    "history shows the review in progress"

# Resumed: the rest of the rules and promises (one dropped), the questions,
# the agreement (the school-day minutes now 60) and the signatures.
n=$(grep -c '^  - item:' "$f")
drop=$(grep '^  - item:' "$f" | grep -n 'clause/ai-not-people' | cut -d: -f1)
nq=$(awk '/^review:/ { r = 1; next } /^[a-z]/ { r = 0 } r && /^  - id:/ { n++ } END { print n }' "$tpl")
blanks=$(awk '/^blanks:/ { b = 1; next } /^[a-z]/ { b = 0 } b && /^  - id:/ { print $3 }' "$tpl")
nc=$(grep -c '^      - id:' "$tpl")
np=$(awk '/^promises:/ { p = 1; next } /^[a-z]/ { p = 0 } p && /^  - id:/ { n++ } END { print n }' "$tpl")
{
	i=2; while [ "$i" -le "$n" ]; do
		if [ "$i" = "$drop" ]; then printf 'drop\n\nNot needed now.\n\n'
		else printf '\n\n\n\n'; fi
		i=$((i + 1))
	done
	printf 'It mostly worked.\nBedtimes were kept.\n\n'
	i=2; while [ "$i" -le "$nq" ]; do printf '\n\n\n'; i=$((i + 1)); done
	for b in $blanks; do
		if [ "$b" = game-minutes ]; then echo 60; else echo; fi
	done
	i=0; while [ "$i" -lt $((nc + 1 + np + 1)) ]; do echo; i=$((i + 1)); done
	printf 'Sam\nAlex Smith\nJo\n'
} >"$T/rest"
run sh -c "TALKPACT_NOW=2026-12-15T10:30:00Z '$TALKPACT' --plain review <'$T/rest'"
expect_rc 0 "the review carried on and signed: exit 0"
expect_match out '^\[A rule · 2 of [0-9]+\]$' "it carries on at the second rule"
expect_no_match out '^\[A rule · 1 of' "the first rule is not asked again"
expect_match out '^\[A promise · [0-9]+ of [0-9]+\]$' "the promises are reviewed too"
expect_match out '^What worked well since we signed our agreement\?$' \
    "the band's review questions are asked"
expect_match out '^In the review you said you would change:$' \
    "choosing the agreement lists what the family said they would change"
expect_match out '^- We keep meal times phone-free, grown-ups too\.$' \
    "the rule marked 'change'"
expect_match out '^== Signed ==$' "version 2 is signed"
v2="$agreements/agreement-sam-2026-12-15-v2"
expect_match out "^Markdown: $v2.md\$" "version 2's files have names of their own"
md=$(cat "$v2.md" 2>/dev/null)
expect_match md '^Version 2, replacing the agreement of 29 November 2026\.$' \
    "the agreement says which it replaces"
expect_match md '^## What changed since 29 November 2026$' "it has 'What changed since'"
expect_match md '^- \*\*Changed\*\*: Sam has 60 minutes of games and videos on a school day, 90 on other days\. \(45 → 60 minutes\)$' \
    "a changed rule with what changed: 45 → 60 minutes"
expect_match md '^- \*\*Dropped\*\*: AI chatbots can be wrong and are not people, so we tell them nothing private\.$' \
    "a dropped rule"
expect_no_match md 'Added' "nothing was added"
changed=$(awk '/^## What changed/ { c = 1; next } /^## / { c = 0 } c && /^- / { n++ } END { print n }' "$v2.md")
expect_eq "$changed" 2 "two lines of what changed"
html=$(sed 's/<[^>]*>//g' "$v2.html" 2>/dev/null)
expect_match html 'Version 2, replacing the agreement of 29 November 2026\.' \
    "the pact (HTML) says 'Version 2, replacing the agreement of 29 November 2026'"
txt=$(cat "$v2.txt" 2>/dev/null)
expect_match txt '^WHAT CHANGED SINCE 29 NOVEMBER 2026|^What changed since 29 November 2026' \
    "the plain text has what changed too"

# Both versions verify, and version 1's files are untouched.
run "$TALKPACT" verify "$v1.md"
expect_rc 0 "version 1 still verifies"
run "$TALKPACT" verify "$v2.md"
expect_rc 0 "version 2 verifies"
expect_match out 'unchanged since signed on 15 December 2026 by Sam, Alex Smith and Jo' \
    "version 2 was signed on 15 December 2026"
expect_eq "$(cat "$v1.md" "$v1.html" "$v1.txt" | cksum)" "$v1sum" \
    "version 1's files are unchanged"

# history lists both, newest first, with date, signers, fingerprint and files.
run env TALKPACT_NOW=2026-12-16T10:00:00Z "$TALKPACT" history sam
expect_rc 0 "history: exit 0"
expect_match out "^Sam's agreement: 2 versions, newest first\$" "history counts two versions"
expect_match out '^Version 2, signed 15 December 2026 by Sam, Alex Smith and Jo, replacing the agreement of 29 November 2026$' \
    "history: version 2 with its date and signers"
expect_match out '^Version 1, signed 29 November 2026 by Sam, Alex Smith and Jo$' \
    "history: version 1"
v2fp=$(printf '%s\n' "$md" | sed -n 's/^SHA-256 fingerprint: //p')
expect_match out "^  fingerprint: $v2fp\$" "history: version 2's fingerprint"
expect_match out "^  files:       $v2.md\$" "history: version 2's files"
expect_match out "^  files:       $v1.md\$" "history: version 1's files"
first=$(printf '%s\n' "$out" | grep '^Version' | head -n 1)
expect_match first '^Version 2' "history: newest first"
run "$TALKPACT" history
expect_match out "^Sam's agreement: 2 versions" "history without a child lists every child's"
run "$TALKPACT" history Nobody
expect_rc 66 "history of a child with no agreement: exit 66"

# A second review on the same day: version 3, in files of its own.
v2id=$(grep -l '^version: 2$' "$sessions"/*.yaml | xargs grep -l '^stage: signed$')
n3=$(grep -c '^  - item:' "$v2id")
{
	i=0; while [ "$i" -lt $((4 * n3 + 3 * nq)) ]; do echo; i=$((i + 1)); done
	for b in $blanks; do echo; done
	i=0; while [ "$i" -lt $((nc + 1 + np + 1)) ]; do echo; i=$((i + 1)); done
	printf 'Sam\nAlex Smith\nJo\n'
} >"$T/third"
run sh -c "TALKPACT_NOW=2026-12-15T18:00:00Z '$TALKPACT' --plain review <'$T/third'"
expect_rc 0 "a second review the same day: exit 0"
expect_match out '^== Reviewing together: version 3 ==$' "it reviews version 2 as version 3"
expect_match out "^Markdown: $agreements/agreement-sam-2026-12-15-v3.md\$" \
    "version 3's files do not clash with version 2's"
v3md=$(cat "$agreements/agreement-sam-2026-12-15-v3.md" 2>/dev/null)
expect_match v3md '^- Nothing changed: we agreed the same rules and promises again\.$' \
    "nothing changed since version 2"
run "$TALKPACT" verify "$v2.md"
expect_rc 0 "version 2 still verifies after version 3"
run "$TALKPACT" history Sam
expect_match out "^Sam's agreement: 3 versions, newest first\$" "history counts three versions"

# The welcome menu offers to review the latest version.
printf '2\n/quit\n' >"$T/menu"
run sh -c "TALKPACT_NOW=2026-12-16T09:00:00Z '$TALKPACT' --plain <'$T/menu'"
expect_match out "^2\) Review it together: Sam's agreement \(review on 15 June 2027\)\$" \
    "plain welcome: 'Review it together' for the latest version"
expect_eq "$(printf '%s\n' "$out" | grep -c 'Review it together')" 1 \
    "only the latest version is offered"
expect_match out '^== Reviewing together: version 4 ==$' "choosing it starts version 4"

done_testing
