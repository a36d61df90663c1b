# render.sh: 'talkpact render' and 'talkpact verify' on the command line:
# formats, -o for one and for all, default names, private files, exit
# codes for every kind of failure, and verify catching changes.
. "$top_srcdir/tests/lib.sh"

TZ=UTC
export TZ
sess="$top_srcdir/tests/sessions/8-10.yaml"
cd "$T" || exit 1

run "$TALKPACT" render "$sess"
expect_rc 0 "render writes Markdown to stdout by default"
expect_match out '^# Our family device agreement for Sam$' "it starts with the title"
expect_match out '^## Fingerprint$' "it has the fingerprint block"

expect_match out '^SHA-256 fingerprint: [0-9a-f]{4}( [0-9a-f]{4}){7}$' "md shows 8 groups of 4 hex digits"
expect_match out '^Section checks:$' "md keeps the section checks verify reads"
fp=$(printf '%s\n' "$out" | sed -n 's/^SHA-256 fingerprint: //p')
run "$TALKPACT" render "$sess" -f txt
expect_match out "^Fingerprint $fp: check the file with" "txt: the fingerprint as one line"
expect_no_match out 'Section checks|SHA-256' "txt: no section checks on paper"
expect_no_match out 'Mostly my friends' "txt: no conversation without --record"
run "$TALKPACT" render "$sess" -f html
expect_match out "@bottom-left \\{ content: \"Fingerprint $fp: check the file with talkpact verify\"" "the HTML page's foot carries the same fingerprint"
expect_match out 'size: A4;' "a UK session's page is A4"
expect_no_match out 'Mostly my friends|Section checks' "html: no conversation and no section checks"
run "$TALKPACT" render "$sess" -f html --record --paper letter
expect_match out 'size: letter;' "--paper letter"
expect_match out 'Our conversation \(private to our family\)' "--record adds the conversation"
expect_match out 'Mostly my friends' "with both voices"
run "$TALKPACT" render "$sess" -f md --paper a4
expect_rc 64 "--paper with md exits 64"
run "$TALKPACT" render "$sess" -f txt --paper a4
expect_rc 64 "--paper with txt exits 64"
run "$TALKPACT" render "$sess" -f html --paper a5
expect_rc 64 "an unknown paper exits 64"
run "$TALKPACT" render "$sess" -f md --record
expect_match out '^## Our conversation \(private to our family\)$' "md --record: the conversation"
printf '%s\n' "$out" >"$T/record.md"
run "$TALKPACT" verify "$T/record.md"
expect_rc 0 "verify: the record after the fingerprint is not part of it"
sed 's/Mostly my friends/Only my friends/' "$T/record.md" >"$T/record2.md"
run "$TALKPACT" verify "$T/record2.md"
expect_rc 0 "verify: the record is the family's own notes"
expect_no_match out '<script|href=' "no script and no links in the HTML"

run "$TALKPACT" render "$sess" -f html -o "$T/one.html"
expect_rc 0 "-o writes one file"
[ "$(stat -c %a "$T/one.html")" = 600 ] && ok "the file is private (0600)" || not_ok "the file is private (0600)"
expect_eq "$out" "" "nothing on stdout with -o"

run "$TALKPACT" render "$sess" -f all
expect_rc 0 "--format all"
for ext in md html txt; do
	[ -s "$T/agreement-sam-2026-11-29.$ext" ] && ok "all: agreement-sam-2026-11-29.$ext in the current folder" ||
		not_ok "all: agreement-sam-2026-11-29.$ext in the current folder" "$(ls "$T")"
done
mkdir "$T/out-dir"
run "$TALKPACT" render "$sess" -f all -o "$T/out-dir"
[ -s "$T/out-dir/agreement-sam-2026-11-29.html" ] && ok "all into a folder" || not_ok "all into a folder"
run "$TALKPACT" render "$sess" -f all -o "$T/family"
[ -s "$T/family.md" ] && [ -s "$T/family.txt" ] && ok "all next to a stem" || not_ok "all next to a stem"

run "$TALKPACT" render "$sess" -o "$T/no/such/dir/a.md"
expect_rc 73 "an output that cannot be created exits 73"
expect_match err "cannot create $T/no/such/dir/a.md" "and says which"
run "$TALKPACT" render "$sess" -f pdf
expect_rc 64 "an unknown format exits 64"
run "$TALKPACT" render
expect_rc 64 "no session exits 64"
run "$TALKPACT" render "$T/missing.yaml"
expect_rc 66 "a missing session file exits 66"
printf 'format: 1\nstage: [\n' >"$T/bad.yaml"
run "$TALKPACT" render "$T/bad.yaml"
expect_rc 65 "a damaged session exits 65"
expect_match err "bad.yaml:3:1: error:" "with its place"
run "$TALKPACT" render no-such-id
expect_rc 66 "an unknown id exits 66"

# verify
md="$T/agreement-sam-2026-11-29.md"
run "$TALKPACT" verify "$md"
expect_rc 0 "verify: an untouched agreement exits 0"
expect_eq "$out" "$md: unchanged since signed on 29 November 2026 by Sam, Alex Smith and Jo" "verify: says when and by whom"
sed 's/phone-free, grown-ups too/phone-free/' "$md" >"$T/c1.md"
run "$TALKPACT" verify "$T/c1.md"
expect_rc 1 "verify: a changed rule exits 1"
expect_match out 'the section "What we all do" changed' "verify: names the section"
sed 's/29 November 2026 by Sam/28 November 2026 by Sam/' "$md" >"$T/c2.md"
run "$TALKPACT" verify "$T/c2.md"
expect_rc 1 "verify: a changed signing date exits 1"
expect_match out 'the "Signed on" line changed' "verify: names the signing line"
sed 's/^\*\*Jo\*\*$/**Joe**/' "$md" >"$T/c3.md"
run "$TALKPACT" verify "$T/c3.md"
expect_rc 1 "verify: a changed signature exits 1"
expect_match out 'the section "Signatures" changed' "verify: names the signatures"
sed 's/^\(SHA-256 fingerprint: \)..../\10000/' "$md" >"$T/c4.md"
run "$TALKPACT" verify "$T/c4.md"
expect_rc 1 "verify: a changed fingerprint exits 1"
expect_match out 'the fingerprint line changed' "verify: names the fingerprint line"
tr -d '\r' <"$md" | sed 's/$/\r/' >"$T/crlf.md"
run "$TALKPACT" verify "$T/crlf.md"
expect_rc 0 "verify: CRLF line endings are not a change"
printf '# Notes\n\nNot an agreement.\n' >"$T/notes.md"
run "$TALKPACT" verify "$T/notes.md"
expect_rc 65 "verify: a file that is not an agreement exits 65"
expect_match err "not a talkpact agreement" "verify: says so"
printf '\377\376bin' >"$T/bin.md"
run "$TALKPACT" verify "$T/bin.md"
expect_rc 65 "verify: a binary file exits 65"
run "$TALKPACT" verify "$T/nope.md"
expect_rc 66 "verify: a missing file exits 66"
run "$TALKPACT" verify
expect_rc 64 "verify: no file exits 64"

# verify --fingerprint: the paper is the anchor
txt="$T/agreement-sam-2026-11-29.txt"
html="$T/agreement-sam-2026-11-29.html"
paper=$(sed -n 's/^SHA-256 fingerprint: //p' "$md")
expect_match paper '^[0-9a-f]{4}( [0-9a-f]{4}){7}$' "the .md shows the paper's short fingerprint"
run "$TALKPACT" verify "$md" --fingerprint "$paper"
expect_rc 0 "verify --fingerprint: the untouched .md matches the paper"
expect_match out "its words match the fingerprint on the paper, $paper\$" "verify --fingerprint: says the words match the paper"
upper=$(printf '%s' "$paper" | tr 'a-f' 'A-F' | tr -d ' ')
run "$TALKPACT" verify "$md" --fingerprint "  $upper "
expect_rc 0 "verify --fingerprint: spaces and case do not matter"
run "$TALKPACT" verify "$txt" --fingerprint "$paper"
expect_rc 0 "verify --fingerprint: the untouched .txt states the paper's fingerprint"
expect_match out "^$txt: states the fingerprint on the paper, $paper\$" "verify .txt: says it states the paper's fingerprint"
expect_match out "Its words are not checked" "verify .txt: says honestly its words are not checked"
run "$TALKPACT" verify "$txt"
expect_rc 64 "verify .txt without --fingerprint exits 64: nothing it can check alone"
expect_match err "states the fingerprint $paper, but its words cannot be checked" "and says why"
run "$TALKPACT" verify "$html" -p "$paper"
expect_rc 0 "verify --fingerprint: the .html states it too"
# The paper's fingerprint with its first digit changed.
case $paper in 0*) wrong="1${paper#?}" ;; *) wrong="0${paper#?}" ;; esac
run "$TALKPACT" verify "$md" --fingerprint "$wrong"
expect_rc 1 "verify --fingerprint: a wrong fingerprint exits 1"
expect_match out "DIFFERENT from the paper: its words have the fingerprint $paper, the paper says $wrong" "and says plainly they differ"
run "$TALKPACT" verify "$txt" --fingerprint "$wrong"
expect_rc 1 "verify .txt --fingerprint: a wrong fingerprint exits 1"
expect_match out "DIFFERENT from the paper: it states the fingerprint $paper" "verify .txt: says they differ"
sed "s/^Fingerprint $paper:/Fingerprint $wrong:/" "$txt" >"$T/c5.txt"
run "$TALKPACT" verify "$T/c5.txt" --fingerprint "$paper"
expect_rc 1 "verify .txt: a .txt stating another fingerprint exits 1"
for bad in "0795 0b7" "zz95 0b70 0535 b936 713a fdef fb42 4ff0" "" "$paper $paper 0"; do
	run "$TALKPACT" verify "$md" --fingerprint "$bad"
	expect_rc 64 "verify --fingerprint '$bad' (malformed) exits 64"
done
expect_match err "is not a fingerprint" "verify: says the fingerprint is malformed"
run "$TALKPACT" verify "$md" --fingerprint
expect_rc 64 "verify --fingerprint without a value exits 64"

# A forged .md: a word edited and the whole fingerprint block recomputed
# (here by rendering the edited format-1 copy of the session, which has no
# digest to refuse it), so the file agrees with itself.
sed "s/not even Dad's/not even Mum's/" \
    "$top_srcdir/tests/sessions/format1/8-10.yaml" >"$T/forged.yaml"
run "$TALKPACT" render "$T/forged.yaml" -o "$T/forged.md"
expect_rc 0 "render the edited session"
forged=$(cat "$T/forged.md")
expect_match forged "not even Mum's" "the forged .md has the edited word"
expect_no_match forged "^SHA-256 fingerprint: $paper\$" "and its own, recomputed fingerprint"
run "$TALKPACT" verify "$T/forged.md"
expect_rc 0 "verify alone cannot see the forgery: its block was recomputed"
run "$TALKPACT" verify "$T/forged.md" --fingerprint "$paper"
expect_rc 1 "verify --fingerprint: the forged .md fails against the paper"
expect_match out "DIFFERENT from the paper" "and says it differs from the paper"

# -o - is standard output, not a file called "-".
run sh -c 'cd "$1" && shift && exec "$@"' sh "$T" \
    "$TALKPACT" render "$top_srcdir/tests/sessions/8-10.yaml" -o -
expect_rc 0 "render -o - writes to standard output"
expect_match out "^SHA-256 fingerprint:" "the agreement is on standard output"
if [ -e "$T/-" ]; then not_ok "and no file called '-' is made"
else ok "and no file called '-' is made"; fi

done_testing
