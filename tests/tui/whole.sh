# whole.sh: the real program in tmux at 80x24, from the welcome screen to a
# signed agreement, the way a family would: who is talking (accents, CJK),
# an answer in both voices with emoji, talk-again-later, skipping, a blank
# refused then filled, a rule of their own, the review screen scrolled
# (and resized too small and back), both signatures, the done screen; then
# the written .md/.html/.txt files' content and modes, 'talkpact verify' on
# the .md, and opening the signed agreement again from the welcome screen.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"
state="$HOME/.local/state/talkpact"

# Dates change every day: compare screens with them replaced.
norm_screen() {
	tui_screen | sed -E 's/[0-9]{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{4}/D MONTH YYYY/g; s/[0-9]{4}-[0-9]{2}-[0-9]{2}/YYYY-MM-DD/g'
}
expect_norm_screen() {	# NAME DESC
	_file="$top_srcdir/tests/screens/$1.txt"
	tui_settle
	if [ "${GENERATE:-}" = 1 ]; then
		norm_screen >"$_file"
		ok "$2 (screen $1 generated)"
	elif norm_screen | diff -u "$_file" - >"$T/screen.diff"; then
		ok "$2"
	else
		not_ok "$2" "$(cat "$T/screen.diff")"
	fi
}

tui_start "$TALKPACT"
tui_wait_for 'Start a new conversation' || true
tui_keys Enter
tui_wait_for 'Who is talking today' || true
tui_type "Zoë"; tui_keys Enter
tui_type "8"; tui_keys Enter
tui_wait_for 'ages 8-10 \(suggested\)' || true
# Enter after the age goes straight on to the grown-up's name.
tui_type "Alex 李"; tui_keys Enter Enter
tui_keys Right
tui_wait_for 'Help lines for +◂ +[A-Z]' && ok "a region is picked with the arrows" || not_ok "region"
tui_keys Enter Enter
tui_wait_for '1 of [0-9]+' && ok "Start talking opens the first question" || not_ok "first question"
total=$(tui_screen | sed -nE 's/.* 1 of ([0-9]+).*/\1/p' | head -n 1)

tui_type "Sam 😀 and 小明 from school"
tui_keys Tab
tui_type "Good, café after"
tui_keys Enter
tui_wait_for ' 2 of ' && ok "both voices saved, on to question 2" || not_ok "question 2"
tui_keys F4
tui_wait_for ' 3 of ' && ok "F4 marks talk-again-later and goes on" || not_ok "later"
i=3
while [ "$i" -le "$total" ]; do tui_keys F3; i=$((i + 1)); done
tui_wait_for 'Come back to these' && ok "after the last question: the questions put off and skipped" || not_ok "come back to these"
tui_keys End Enter
tui_wait_for 'Fill in the blanks' && ok "Go on: choosing the agreement" || not_ok "agreement screen"

# The first blank is a time: a wrong one is refused as it is typed.
tui_keys C-u
tui_type "25"
tui_wait_for '25 is not an hour' && ok "an impossible hour is refused while typing" || not_ok "blank check"
tui_keys C-u
tui_type "20:15"
tui_keys Enter
tui_wait_for '20:15' || true
# Down past the blanks to the clauses, where letters are commands.
n=0
while ! tui_screen | grep -Eq 'Space +on/off' && [ "$n" -lt 40 ]; do
	tui_keys Down; tui_settle 100; n=$((n + 1))
done
tui_keys a
tui_wait_for 'Enter +add' && ok "a jumps to adding a rule of their own" || not_ok "add a rule"
tui_type "We dance 💃 on Fridays"
tui_keys Enter
tui_wait_for 'Rule added' || true
if tui_screen | grep -A3 'Our own rules' | grep -q 'We dance 💃 on Fridays'; then ok "their rule is listed under Our own rules"; else not_ok "own rule" "$(tui_screen)"; fi
tui_keys Tab
tui_wait_for 'Space +on/off' || true
tui_keys End
tui_wait_for 'Enter +read it through' || true
tui_keys Enter
tui_wait_for 'still open \(put off or skipped\)\. Enter: sign it' && ok "the review screen opens and says how many questions are still open" || not_ok "review"
expect_norm_screen review-top "the review screen, top of the agreement"
if tui_screen | grep -q 'Zoë (8) with Alex 李'; then ok "the review shows the names"; else not_ok "review names" "$(tui_screen)"; fi

# Scrolling: a page down moves on; End shows the end; Home the title again.
tui_keys NPage
tui_wait_gone '^  Our family device agreement for Zoë' && ok "PgDn scrolls" || not_ok "PgDn scrolls"
tui_keys End
tui_wait_for '100%' && ok "End shows the end of the agreement" || not_ok "End"
tui_wait_for 'talkpact verify' && ok "the end of the agreement says how to check it" || not_ok "end text"
tui_keys Home
tui_wait_for '^  Our family device agreement for Zoë' && ok "Home goes back to the title" || not_ok "Home"
tui_keys Down Down
# Two lines down, the family line is fourth from the top (the
# first row is the title bar). Wait for it rather than for the old screen
# to go, which a slow machine may not have redrawn yet.
scrolled=no
for _i in $(seq 1 100); do
	if tui_screen | sed -n 4p | grep -q '^  Zoë (8) with'; then scrolled=yes; break; fi
	sleep 0.05
done
[ "$scrolled" = yes ] && ok "Down scrolls a line" || not_ok "Down scrolls a line" "$(tui_screen)"
tui_keys Up Up
tui_wait_for '^  Our family device agreement for Zoë' >/dev/null || true

# Too small, then back: the notice, then the same review screen.
tui_resize 50 15
tui_wait_for 'Please make the window larger' && ok "too small mid-session shows the notice" || not_ok "too small"
tui_resize 80 24
tui_wait_for 'still open \(put off or skipped\)' && ok "back to the review screen after growing" || not_ok "resize back"
expect_norm_screen review-top "the review screen is redrawn the same after a resize"

tui_keys Enter
tui_wait_for 'Sign your agreement' && ok "Enter goes on to signing" || not_ok "sign screen"
# Straight to the button with no names: refused, back to the first box.
tui_keys Down Down Down Enter
tui_wait_for 'Everyone signs: Zoë still needs to type a name' && ok "signing with no names is refused" || not_ok "empty signatures"
tui_type "Zoë"; tui_keys Enter
tui_type "Alex 李"; tui_keys Enter
tui_wait_for 'in 6 months \(suggested\)' && ok "the template's review time is suggested" || not_ok "suggested months"
tui_keys Right
tui_wait_for 'in 12 months' && ok "Right chooses a longer time" || not_ok "12 months"
tui_keys Enter Enter
tui_wait_for 'Well done, Zoë and Alex 李!' && ok "signing opens the done screen" || not_ok "done screen"
done_screen=$(tui_screen)
if printf '%s\n' "$done_screen" | grep -q 'open the .html file in a web browser and choose Print'; then ok "the done screen says how to print"; else not_ok "how to print" "$done_screen"; fi
fp=$(printf '%s\n' "$done_screen" | sed -nE 's/.*Fingerprint: +(([0-9a-f]{4} ){7}[0-9a-f]{4}).*/\1/p')
[ -n "$fp" ] && ok "the done screen shows the fingerprint in groups of four" || not_ok "fingerprint" "$done_screen"
if printf '%s\n' "$done_screen" | tr -d ' \n' | grep -q "$(printf '%s' "$state/agreements/" | tr -d ' ')"; then ok "the done screen names the agreements folder"; else not_ok "folder" "$done_screen"; fi
tui_keys Enter
tui_wait_for '^\[exit 0\]$' && ok "Enter finishes with exit 0" || not_ok "finish"
tui_stop

# The files.
md=$(ls "$state"/agreements/agreement-zoe-*.md 2>/dev/null | head -n 1)
base=${md%.md}
if [ -n "$md" ] && [ -f "$base.html" ] && [ -f "$base.txt" ] && [ -f "$base.ics" ]; then ok "three files and the .ics named after the child (Zoë: zoe)"; else not_ok "files" "$(ls -la "$state/agreements" 2>&1)"; fi
expect_eq "$(ls "$state/agreements" | wc -l | tr -d ' ')" 4 "nothing else in the folder"
expect_eq "$(stat -c %a "$state/agreements")" 700 "the agreements folder is private (0700)"
expect_eq "$(stat -c %a "$md" "$base.html" "$base.txt" | sort -u)" 600 "each file is private (0600)"
# Markdown may write a character as a reference (&#115;) or escape it
# (\*) next to emphasis: compare the text a reader sees.
perl -CSD -pe 's/&#(\d+);/chr($1)/ge; s/&#x([0-9a-f]+);/chr(hex($1))/gie; s/\\([[:punct:]])/$1/g' \
    "$md" >"$T/md-text"
for f in "$T/md-text" "$base.html" "$base.txt"; do
	ext=${f##*.}
	[ "$f" = "$T/md-text" ] && ext=md
	missing=""
	for want in 'Zoë' 'Alex 李' '20:15' 'We dance 💃 on Fridays' "$fp"; do
		grep -qF -- "$want" "$f" || missing="$missing [$want]"
	done
	# The conversation is written only with render --record.
	for unwanted in 'Sam 😀 and 小明 from school' 'Good, café after'; do
		grep -qF -- "$unwanted" "$f" && missing="$missing [not: $unwanted]"
	done
	if [ -z "$missing" ]; then ok "the .$ext has the names, the filled clause, their rule and the fingerprint, and not the conversation"; else not_ok ".$ext content" "missing:$missing; $(grep -n -i -a 'fridays' "$f")"; fi
done
grep -q 'in 12 months\|12 months' "$md" && ok "the chosen review time is in the agreement" || not_ok "review time" "$(grep -i month "$md")"
run "$TALKPACT" verify "$md"
expect_rc 0 "talkpact verify says the written .md is unchanged"
expect_match out 'unchanged' "verify reports it unchanged"

# The welcome screen offers the signed agreement; it opens at the review
# screen and its done screen reuses the same files.
tui_start "$TALKPACT"
tui_wait_for 'Look at the signed agreement: Zoë' && ok "the welcome screen lists the signed agreement" || not_ok "welcome lists signed"
tui_keys Down Enter
tui_wait_for 'This agreement is signed' && ok "it opens at the review screen" || not_ok "signed review"
tui_keys Enter
tui_wait_for 'Well done' && ok "Enter shows its files again" || not_ok "done again"
expect_eq "$(ls "$state/agreements" | wc -l | tr -d ' ')" 4 "writing the same agreement again reuses its files"
tui_keys q
tui_wait_for '^\[exit 0\]$' && ok "q quits" || not_ok "q quits"
tui_stop

done_testing
