# clock.sh: the time comes from main.c alone. TALKPACT_NOW (for tests
# only) fixes main's clock, and the library sees it as an argument: a
# rendered draft shows that date, and its review date follows it; plain
# mode signs, names the session and its files by it.
. "$top_srcdir/tests/lib.sh"

TZ=UTC
export TZ
cd "$T" || exit 1
sed -e '/^signatures:/,$d' -e 's/^stage: signed$/stage: agreeing/' \
    "$top_srcdir/tests/sessions/8-10.yaml" >"$T/draft.yaml"

run env TALKPACT_NOW=2026-12-15T10:00:00Z "$TALKPACT" render "$T/draft.yaml" -f txt
expect_rc 0 "render a draft with TALKPACT_NOW"
expect_match out 'a draft of 15 December 2026\.' "the draft shows TALKPACT_NOW's date"
expect_match out 'again together by 15 June 2027 ' "and its review date follows it"
run env TALKPACT_NOW=2030-02-03T23:59:59Z "$TALKPACT" render "$T/draft.yaml" -f txt
expect_match out 'a draft of 3 February 2030\.' "another TALKPACT_NOW, another date"
expect_no_match out '15 December 2026' "not the first one"
run env TALKPACT_NOW=2026-12-15T10:00:00Z "$TALKPACT" render "$T/draft.yaml" -f all
expect_rc 0 "render all with TALKPACT_NOW"
[ -s "$T/agreement-sam-2026-12-15.md" ] && ok "the default file name takes TALKPACT_NOW's date" ||
	not_ok "the default file name takes TALKPACT_NOW's date" "$(ls "$T")"

# A signed agreement keeps its signing date, whatever the clock.
run env TALKPACT_NOW=2030-02-03T23:59:59Z "$TALKPACT" render "$top_srcdir/tests/sessions/8-10.yaml" -f txt
expect_match out 'agreed on 29 November 2026\.' "a signed agreement shows its signing date, not TALKPACT_NOW's"

# Plain mode takes the same clock: the signing times, the session's id and
# the written file's name all come from TALKPACT_NOW.
{
	printf '1\nZoë\n9\n\nAlex\n\n'
	printf 'We play\nGood\n/later\n/skip\n\n20:15\n\n\n\n\n\n\n6\n'
	printf 'Zoë\nAlex\n'
} >"$T/whole"
run sh -c "TALKPACT_NOW=2027-03-04T10:20:00Z '$TALKPACT' --plain --only-content --content '$top_srcdir/tests/tui/content' <'$T/whole'"
expect_rc 0 "plain mode: a whole session with TALKPACT_NOW"
expect_match out 'agreement-zoe-2027-03-04\.md$' "plain mode: the file is named by TALKPACT_NOW's date"
md=$(printf '%s\n' "$out" | sed -n 's/^Markdown: //p')
signed=$(grep '^Signed on' "$md" 2>/dev/null)
expect_eq "$signed" "Signed on 4 March 2027 by Zoë and Alex." "plain mode: signed on TALKPACT_NOW's date"
[ -f "$HOME/.local/state/talkpact/sessions/2027-03-04-zoe-1020.yaml" ] && ok "plain mode: the session's id from TALKPACT_NOW" ||
	not_ok "plain mode: the session's id from TALKPACT_NOW" "$(ls "$HOME/.local/state/talkpact/sessions" 2>&1)"

for bad in 2026-12-15 2026-02-31T10:00:00Z tomorrow 2026-12-15T10:00:00; do
	run env TALKPACT_NOW=$bad "$TALKPACT" render "$T/draft.yaml"
	expect_rc 64 "TALKPACT_NOW=$bad (not a UTC time) exits 64"
done
expect_match err 'TALKPACT_NOW must be a UTC time like 2026-12-15T10:00:00Z' "and says what it must be"

done_testing
