# plain.sh: plain mode from a script on stdin: the welcome choice, the
# family, answers in both voices with accents, CJK and emoji, /skip,
# /later, /back, a blank checked and refused, the clauses, and end of
# input saving and exiting 0. Checks the saved session's content. Then a
# whole session to a signed agreement, and the written files.
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

# A whole session to a signed agreement from a script, on a small content
# folder of the test's own (three prompts, one template) so the script
# does not depend on how many prompts ship.
rm -rf "$HOME/.local"
agreements="$HOME/.local/state/talkpact/agreements"
{
	printf '1\nZoë\n9\n\nAlex 李\n\n'			# family: band and 2nd grown-up defaulted
	printf 'We play Minecraft 😀 with 小明\nGood to know, café\n'
	printf '/later\n/skip\n'					# question 2 later, 3 skipped
	printf '\n'							# come back to these: go on
	printf '25:00\n20:15\n'					# a refused time, then a good one
	printf '\n\ny\n'						# clauses: keep, keep, switch one on
	printf 'We dance 💃 on Fridays\n\n\n'			# an own rule, for everyone; done
	printf '\n\n12\n'						# promises kept; look again in 12 months
	printf 'Zoë\nAlex 李\n'					# signatures
} >"$T/whole"
run sh -c "'$TALKPACT' --only-content --content '$top_srcdir/tests/tui/content' <'$T/whole'"
expect_rc 0 "a whole session from a script exits 0"
expect_match out '! 25 is not an hour' "the impossible time is refused with a message"
expect_match out '== Your agreement ==' "the agreement is shown before signing"
expect_match out '^2 questions are still open \(put off or skipped\)\.$' "before signing: how many questions are still open"
expect_match out '== Signed ==' "both signatures are taken"
expect_match out 'How to print: open the .html file in a web browser and choose Print' "it says how to print"
fp=$(printf '%s\n' "$out" | sed -nE 's/^Fingerprint: (([0-9a-f]{4} ){7}[0-9a-f]{4}) .*/\1/p')
[ -n "$fp" ] && ok "the fingerprint is printed in groups of four" || not_ok "fingerprint" "$out"
md=$(printf '%s\n' "$out" | sed -n 's/^Markdown: //p')
html=$(printf '%s\n' "$out" | sed -n 's/^To print (web page): //p')
txt=$(printf '%s\n' "$out" | sed -n 's/^Plain text: //p')
ics=$(printf '%s\n' "$out" | sed -n 's/^Review date for a calendar (import it on a phone): //p')
expect_eq "$md" "$agreements/$(basename "$md")" "the files go in the agreements folder"
expect_eq "$ics" "${md%.md}.ics" "the review date for a calendar is written beside them, and named"
grep -q '^DTSTART;VALUE=DATE:[0-9]\{8\}.$' "$ics" 2>/dev/null &&
	ok "the .ics holds the all-day review date" ||
	not_ok "the .ics holds the all-day review date" "$(cat "$ics" 2>&1)"
case $md in */agreement-zoe-*.md) ok "named after the child, Zoë as zoe";; *) not_ok "file name" "$md";; esac
expect_eq "$(stat -c %a "$agreements" "$md" "$html" "$txt" "$ics" 2>&1 | tr '\n' ' ')" "700 600 600 600 600 " "folder 0700, files 0600"
for f in "$html" "$txt"; do
	missing=""
	for want in 'Zoë' 'Alex 李' \
	    'bed at' '20:15' 'We play a game together every week' 'We dance 💃 on Fridays' \
	    '12 months' "$fp"; do
		grep -qF -- "$want" "$f" || missing="$missing [$want]"
	done
	# The conversation is written only by render --record.
	for unwanted in 'We play Minecraft 😀 with 小明' 'Good to know, café' 'a silly photo'; do
		grep -qF -- "$unwanted" "$f" && missing="$missing [not: $unwanted]"
	done
	if [ -z "$missing" ]; then ok "the ${f##*.} has the names, clauses and the fingerprint, not the conversation"; else not_ok "${f##*.} content" "missing:$missing"; fi
done
grep -qF "$fp" "$md" && ok "the md has the fingerprint" || not_ok "md content" "$(cat "$md")"
id=$(printf '%s\n' "$out" | sed -n 's/^Copies somewhere else: talkpact render \([^ ]*\) .*/\1/p')
run sh -c "'$TALKPACT' --only-content --content '$top_srcdir/tests/tui/content' render '$id' --record"
if printf '%s\n' "$out" | grep -qF 'We play Minecraft 😀 with 小明' &&
    printf '%s\n' "$out" | grep -q 'a silly photo' &&
    ! printf '%s\n' "$out" | grep -q 'When should tablets go to bed'; then
	ok "render --record: both voices, later is listed, skipped is not"
else
	not_ok "render --record: both voices, later and skipped" "$out"
fi
run "$TALKPACT" verify "$md"
expect_rc 0 "talkpact verify: the written .md is unchanged"

# The same signed session again, by 'resume': its files are written again
# under the same names, nothing new.
id=$(printf '%s\n' "$out" | sed -n 's/^Copies somewhere else: talkpact render \([^ ]*\) .*/\1/p')
run sh -c "'$TALKPACT' --only-content --content '$top_srcdir/tests/tui/content' resume '$id' </dev/null"
expect_rc 0 "resume of a signed session in plain mode exits 0"
expect_match out "Markdown: $md" "it shows the same files"
expect_eq "$(ls "$agreements" | wc -l | tr -d ' ')" 4 "and writes no new ones"

# "Come back to these": after the last question, the questions put off and
# skipped are listed by their text; one is talked about, then the list
# again without it; only "go on" leaves for the agreement.
rm -rf "$HOME/.local"
{
	printf '1\nAda\n9\n\nKim\n\n'				# family
	printf 'Friends from school\n\n'			# question 1 answered
	printf '/later\n/skip\n'				# question 2 later, 3 skipped
	printf '7\n'						# not on the list
	printf '1\n'						# talk about question 2 now
	printf 'We would not send it on\nGood\n'
	printf '/quit\n'
} >"$T/back"
run sh -c "'$TALKPACT' --only-content --content '$top_srcdir/tests/tui/content' <'$T/back'"
expect_rc 0 "come back to these: exits 0"
expect_eq "$(printf '%s\n' "$out" | grep -c '^== Come back to these ==$')" 2 "the list comes after the last question, and again after one is talked about"
expect_match out '^1\. What would you do if a friend sent you a silly photo of someone else\? \(later\)$' "the question put off is listed by its text"
expect_match out '^2\. When should tablets go to bed\? \(skipped\)$' "the skipped one too"
expect_match out '^3\. Go on to choosing the agreement$' "and a way to go on"
expect_match out '! Type a number from 1 to 3\.' "a number not on the list is refused"
expect_match out 'That was the last question\. 1 question was put off or skipped:' "after talking about one, one is left"
expect_no_match out '== Choosing the agreement' "without 'go on' the agreement does not start"
f=$(ls "$HOME/.local/state/talkpact/sessions/"*.yaml | head -n 1)
if grep -q 'We would not send it on' "$f"; then ok "the question talked about again is saved"; else not_ok "saved" "$(cat "$f")"; fi

# At the list, /skip (or /later) goes on too; /back from the first blank
# comes back to the list, and /back there to the last question.
rm -rf "$HOME/.local"
printf '1\nAda\n9\n\nKim\n\n/later\n/later\n/later\n/skip\n/back\n/back\n/quit\n' >"$T/back2"
run sh -c "'$TALKPACT' --only-content --content '$top_srcdir/tests/tui/content' <'$T/back2'"
expect_match out '== Choosing the agreement' "/skip at the list goes on to the agreement"
expect_eq "$(printf '%s\n' "$out" | grep -c '^== Come back to these ==$')" 2 "/back from the first blank comes back to the list"
expect_eq "$(printf '%s\n' "$out" | grep -c '3 of 3\]$')" 2 "/back at the list goes to the last question"

# The region from the locale: LC_ALL, then LC_MESSAGES, then LANG; "none"
# chosen on purpose.
rm -rf "$HOME/.local"
printf '1\nAda\n9\n\nKim\n\n\n/quit\n' >"$T/reg"
run env -u LC_ALL -u LC_MESSAGES LANG=en_AU.UTF-8 "$TALKPACT" --plain <"$T/reg"
expect_match out 'Region code \[AU\]: ' "LANG=en_AU.UTF-8 offers Australia's help lines"
expect_match out ', or none$' "none is offered too"
# Each a new family: a household would give the region it chose.
rm -rf "$HOME/.local"
run env LC_ALL=en_GB.UTF-8 LC_MESSAGES=en_IE.UTF-8 LANG=en_AU.UTF-8 "$TALKPACT" --plain <"$T/reg"
expect_match out 'Region code \[UK\]: ' "LC_ALL comes first (en_GB: UK)"
rm -rf "$HOME/.local"
run env -u LC_ALL LC_MESSAGES=en_IE.UTF-8 LANG=en_AU.UTF-8 "$TALKPACT" --plain <"$T/reg"
expect_match out 'Region code \[IE\]: ' "then LC_MESSAGES (en_IE: Ireland)"
rm -rf "$HOME/.local"
run env -u LC_ALL -u LC_MESSAGES LANG=en_NZ.UTF-8 "$TALKPACT" --plain <"$T/reg"
expect_match out 'Region code \[none\]: ' "a territory with no help lines: none"
rm -rf "$HOME/.local"
printf '1\nAda\n9\n\nKim\n\nNone\n/quit\n' >"$T/reg"
run env -u LC_ALL -u LC_MESSAGES LANG=en_AU.UTF-8 "$TALKPACT" --plain <"$T/reg"
f=$(ls "$HOME/.local/state/talkpact/sessions/"*.yaml | head -n 1)
if [ -n "$f" ] && ! grep -q 'region:' "$f"; then ok "none typed on purpose is kept"; else not_ok "none kept" "$(cat "$f")"; fi

# A NUL byte in a line is refused with a word, not cut off there.
rm -rf "$HOME/.local"
printf '1\nAda\n9\n\nKim\n\nUK\nbefore\000after\nwhole\n\n/quit\n' >"$T/nul"
run sh -c "'$TALKPACT' --plain <'$T/nul'"
expect_match out '! That line has a control character \(NUL\) in it; please type it again\.' \
    "a line with a NUL byte is refused"
f=$(ls "$HOME/.local/state/talkpact/sessions/"*.yaml | head -n 1)
if grep -q 'child: "whole"' "$f" && ! grep -q 'before' "$f"; then
	ok "the answer typed again is saved, the cut one is not"
else not_ok "NUL line not saved" "$(cat "$f")"; fi

done_testing
