# plain.sh: plain mode from a script on stdin: the welcome choice, the
# family, answers in both voices with accents, CJK and emoji, /skip,
# /later, /back, a blank checked and refused, the clauses, and end of
# input saving and exiting 0. Checks the saved session's content.
. "$top_srcdir/tests/lib.sh"

sessions="$HOME/.local/state/talkpact/sessions"

# Not a terminal: plain mode starts by itself.
printf '1\nZoë\n9\n\nAlex 李\n\nUK\n' >"$T/in"
printf 'We play Minecraft 😀 with Léa\nGood to know\n' >>"$T/in"
printf '/skip\n/back\nChanged my mind\n\n/later\n' >>"$T/in"
run sh -c "'$TALKPACT' <'$T/in'"
expect_rc 0 "end of input exits 0"
expect_match out '^1\) Start a new conversation' "the welcome choices are numbered"
expect_match out '1 of [0-9]+\]' "progress is shown as N of M"
expect_match out "Zoë's words:" "the child's box is named for the child"
expect_match out "Alex 李's words:" "the grown-up's box is named for the grown-up"
expect_match out 'Carry on later with: talkpact resume ' "how to carry on is printed"
f=$(ls "$sessions"/*.yaml 2>/dev/null | head -n 1)
if [ -n "$f" ] && [ -f "$f" ]; then ok "a session file was saved"; else not_ok "a session file was saved"; fi
mode=$(stat -c %a "$f" 2>/dev/null)
expect_eq "$mode" 600 "the session file is private (0600)"
# The store may write the emoji as a YAML escape.
if grep -Eq 'Minecraft (😀|\\U0001F600) with Léa' "$f"; then ok "the child's words are saved as typed"; else not_ok "the child's words are saved as typed" "$(cat "$f")"; fi
if grep -q 'Good to know' "$f"; then ok "the grown-up's words are saved"; else not_ok "the grown-up's words are saved"; fi
if grep -q 'Changed my mind' "$f"; then ok "/back went to the question before, whose answer was saved"; else not_ok "/back then answer" "$(cat "$f")"; fi
if grep -q 'state: skipped' "$f"; then not_ok "/back then an answer replaces the skip" "$(cat "$f")"; else ok "/back then an answer replaces the skip"; fi
if grep -q 'state: later' "$f"; then ok "/later is recorded"; else not_ok "/later is recorded" "$(cat "$f")"; fi

# --plain with a bad age and a bad band: clear messages, then it goes on.
rm -rf "$HOME/.local"
printf '1\nSam\n40\n8\n20-30\n\nJo\n\n\n/quit\n' >"$T/in2"
run sh -c "'$TALKPACT' --plain <'$T/in2'"
expect_rc 0 "/quit exits 0"
expect_match out '! Please type an age from 4 to 17' "an impossible age is refused with a message"
expect_match out '! Type one of 4-7, 8-10, 11-13 or 14-17' "an unknown band is refused with a message"
expect_match out '== Talking together ==' "the family step completes after the mistakes"

done_testing
