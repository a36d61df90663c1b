# sizes.sh: every screen at the smallest window (60x18) and at 80x24, with
# the focused item in sight: the welcome list; each box and choice of the
# family screen down to "Start talking"; a four-line question with its tip
# open and the cursor in the second answer box; the tip's "more" mark and
# paging; the last-question screen; the agreement's last item; the signing
# boxes and button; the done screen, scrolled down to its end; reviewing
# the signed agreement together; another child's family screen from the
# household; the talk screen with a box for each of two grown-ups. The status
# line ends in an ellipsis when it is too long, and the keys line always
# keeps help and quit.
# NO_COLOR, so the chosen item is reverse video in capture-pane -e.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"
content="$top_srcdir/tests/tui/sizes-content"

# The row with TEXT is on screen in reverse video (chosen), inside the body.
chosen() {
	_row=$(tui_screen | grep -n -- "$1" | head -n 1 | cut -d: -f1)
	[ -n "$_row" ] && [ "$_row" -gt 2 ] && [ "$_row" -le $((rows - 2)) ] &&
	    _tmux capture-pane -e -p -t t | sed -n "${_row}p" |
	    grep -Eq "$(printf '\033')\\[([0-9]+;)*7(;[0-9]+)*m"
}

# A choice shows its arrows only with the focus.
choice_focused() {
	tui_screen | grep -Eq -- "$1 +◂ "
}

keys_line() { tui_screen | tail -n 1; }
keys_end() { keys_line | grep -Eq 'F1 +help +F10 +quit *$'; }

for size in 60x18 80x24; do
	rows=${size#*x}
	rm -rf "$HOME/.local/state/talkpact"
	tui_start -s "$size" env NO_COLOR=1 "$TALKPACT" --only-content --content "$content"
	tui_check 'Start a new conversation' "$size: the welcome screen"
	tui_until "$size: welcome: the first item is chosen" chosen 'Start a new conversation'
	tui_until "$size: welcome: the keys line keeps help and quit" keys_end
	tui_keys Enter
	tui_until "$size: family: the name box has the cursor" tui_cursor_under "Child's first name"
	tui_type "Kim"; tui_keys Enter
	tui_until "$size: family: the age box" tui_cursor_under "Age"
	tui_type "9"; tui_keys Enter
	tui_until "$size: family: the first grown-up's box" tui_cursor_under "Grown-up's name"
	tui_type "Pat"; tui_keys Up
	tui_until "$size: family: Up to the band choice" choice_focused 'Questions for'
	tui_keys Down Down
	tui_until "$size: family: the second grown-up's box" tui_cursor_under "Another grown-up"
	tui_keys Down
	tui_until "$size: family: the third grown-up's box, scrolled to" tui_cursor_under "Another grown-up"
	tui_keys Down
	tui_until "$size: family: the region choice" choice_focused 'Help lines for'
	tui_keys Down
	tui_until "$size: family: \"How long\"" choice_focused 'How long'
	tui_keys Down
	tui_until "$size: family: the last button, \"Start talking\", is in sight and chosen" chosen 'Start talking'
	tui_until "$size: family: the keys line keeps help and quit" keys_end
	tui_keys Up Up Up Up Up
	tui_until "$size: family: back up to the first grown-up" tui_cursor_under "Grown-up's name"
	tui_keys Down Down Down Down Down
	tui_until "$size: family: down to the button again" chosen 'Start talking'
	tui_keys Enter

	tui_check ' 1 of 2' "$size: talk: the four-line question"
	tui_until "$size: talk: the child's box has the cursor" tui_cursor_under "Kim's words"
	tui_check 'who would you tell about it' "$size: talk: the question's last line shows"
	tui_keys F2
	tui_check '↓ more' "$size: talk: the tip is cut, and marked more"
	tui_until "$size: talk: with the tip open the child's box still has the cursor" tui_cursor_under "Kim's words"
	tui_keys Tab
	tui_until "$size: talk: the second answer box, with a four-line question and its tip open" tui_cursor_under "Pat's words"
	tui_type "Second box"
	tui_check '│ Second box' "$size: talk: what is typed shows in the second box"
	keys_line | grep -q 'more tip' && ok "$size: talk: the keys line offers the rest of the tip" ||
	    not_ok "$size: talk: more tip" "$(tui_screen)"
	# F2 pages on through the tip; each press changes the screen.
	_i=0
	while [ "$_i" -lt 8 ] && ! tui_screen | grep -q 'Then ask: Who else could you ask'; do
		tui_key_change F2
		_i=$((_i + 1))
	done
	tui_check 'Then ask: Who else could you ask' "$size: talk: F2 pages through the tip to its follow-ups"
	tui_until "$size: talk: paging the tip keeps the cursor in the second box" tui_cursor_under "Pat's words"
	tui_keys Enter
	tui_check ' 2 of 2' "$size: talk: saved, the scenario, from its top"
	tui_keys Enter
	tui_until "$size: talk: Enter in an empty first box goes to the second" tui_cursor_under "Pat's words"
	tui_keys Enter
	tui_check 'Nothing typed yet' "$size: talk: a long mistake on the status line"
	if [ "$size" = 60x18 ]; then
		tui_screen | grep -q 'Nothing typed yet.*…$' &&
		    ok "$size: the status line ends in an ellipsis, not cut off" ||
		    not_ok "$size: ellipsis" "$(tui_screen)"
	fi
	tui_type "ok"; tui_keys Enter Enter
	tui_check 'Our test family agreement' "$size: every question answered: the agreement"
	tui_keys Escape
	tui_check 'That was the last question' "$size: Esc: the last-question screen"
	tui_until "$size: last question: the keys line keeps help and quit" keys_end
	if keys_line | grep -Eq 'Tab|F2|F3|F4'; then
		not_ok "$size: last question: no Tab, F2, F3 or F4 where they do nothing" "$(keys_line)"
	else
		ok "$size: last question: no Tab, F2, F3 or F4 where they do nothing"
	fi
	tui_keys F1
	tui_check 'Help' "$size: last question: the help"
	# All of the help, page by page (each PgDn changes the screen until the end).
	help=$(tui_screen)
	_i=0
	while [ "$_i" -lt 6 ] && ! printf '%s\n' "$help" | grep -q 'saved at once'; do
		tui_key_change PageDown
		help="$help
$(tui_screen)"
		_i=$((_i + 1))
	done
	if printf '%s\n' "$help" | grep -q 'Keys on this screen' &&
	    printf '%s\n' "$help" | grep -Eq '^ *│ +Enter +Go on to choosing the agreement' &&
	    ! printf '%s\n' "$help" | grep -Eq 'Tab|F2|F3|F4'; then
		ok "$size: last question: the help lists the same keys, and no Tab, F2, F3 or F4"
	else
		not_ok "$size: last question: the help lists the same keys" "$help"
	fi
	tui_keys Escape
	tui_wait_gone '┌─ Help' >/dev/null
	tui_keys Enter
	tui_check 'Our test family agreement' "$size: the agreement screen"
	tui_until "$size: agreement: the first blank has the cursor" tui_cursor_under "Devices go to bed at"
	tui_keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down
	tui_until "$size: agreement: the last item, in sight and chosen" chosen 'Read it through and sign'
	tui_keys Enter
	tui_check 'Reading it through' "$size: the read-through screen"
	tui_until "$size: read-through: the keys line keeps help and quit" keys_end
	tui_keys Enter
	tui_until "$size: signing: the child's box has the cursor" tui_cursor_under "Kim signs here"
	tui_type "Kim"; tui_keys Enter
	tui_until "$size: signing: the grown-up's box" tui_cursor_under "Pat signs here"
	tui_type "Pat"; tui_keys Enter
	tui_until "$size: signing: the review time" choice_focused 'Look at it again'
	tui_keys Down
	tui_until "$size: signing: the button, in sight and chosen" chosen 'Sign and write it'
	tui_keys Enter
	tui_check 'Well done' "$size: the done screen"
	tui_until "$size: done: the keys line keeps help and quit" keys_end
	# Taller than a small window: it scrolls down to its last line.
	_i=0
	while [ "$_i" -lt 15 ] && ! tui_screen | grep -q 'Press Enter to finish'; do
		tui_key_change Down
		_i=$((_i + 1))
	done
	tui_check 'Press Enter to finish' "$size: done: scrolled to its last line"
	tui_check 'talkpact verify on' "$size: done: the line before it shows too"
	tui_keys Enter
	tui_check '^\[exit 0\]$' "$size: Enter finishes"
	tui_stop

	# Kim's agreement is signed: reviewing it together, each item's
	# decision and boxes in sight.
	tui_start -s "$size" env NO_COLOR=1 "$TALKPACT" --only-content --content "$content"
	tui_check 'Review it together' "$size: welcome: review it together"
	tui_keys Down Down
	tui_until "$size: welcome: review it together, chosen" chosen 'Review it together'
	tui_keys Enter
	tui_check 'Reviewing together' "$size: the reviewing screen"
	tui_until "$size: reviewing: keep, change or drop, focused" chosen 'Keep it'
	tui_until "$size: reviewing: the keys line keeps help and quit" keys_end
	keys_line | grep -q 'keep / change / drop' && ok "$size: reviewing: the keys line from its bindings" ||
	    not_ok "$size: reviewing: keep / change / drop on the keys line" "$(keys_line)"
	tui_keys Enter
	tui_until "$size: reviewing: the child's box" tui_cursor_under "Kim: how did it go?"
	tui_keys Enter
	tui_until "$size: reviewing: the grown-up's box, in sight" tui_cursor_under "Pat: how did it go?"
	tui_type "Fine"
	tui_check '│ Fine' "$size: reviewing: what is typed shows"
	tui_keys F1
	tui_check 'Reviewing together' "$size: reviewing: the help"
	help=$(tui_screen)
	_i=0
	while [ "$_i" -lt 6 ] && ! printf '%s\n' "$help" | grep -q 'The item before'; do
		tui_key_change PageDown
		help="$help
$(tui_screen)"
		_i=$((_i + 1))
	done
	printf '%s\n' "$help" | grep -q 'Keys on this screen' &&
	    printf '%s\n' "$help" | grep -Eq '│ +Enter +Next box; in the last, save and go on' &&
	    ok "$size: reviewing: the help lists the keys of its bindings" ||
	    not_ok "$size: reviewing: the help lists the keys" "$help"
	tui_keys Escape
	tui_wait_gone '┌─ Help' >/dev/null
	tui_keys F10
	tui_check '^\[exit 0\]$' "$size: reviewing: F10 leaves"
	tui_stop

	# Another child from the household: only the name and age are asked.
	tui_start -s "$size" env NO_COLOR=1 "$TALKPACT" --only-content --content "$content"
	tui_check 'Start a new conversation' "$size: welcome again"
	tui_keys Enter
	tui_until "$size: household family: the name box" tui_cursor_under "Child's first name"
	tui_check 'Grown-ups +Pat' "$size: household family: the household's grown-up"
	tui_type "Ash"; tui_keys Enter
	tui_until "$size: household family: the age box" tui_cursor_under "Age"
	tui_type "9"; tui_keys Enter
	tui_until "$size: household family: past the household to \"How long\"" choice_focused 'How long'
	tui_keys Down
	tui_until "$size: household family: \"Start talking\", in sight and chosen" chosen 'Start talking'
	tui_check 'House rules +0, already agreed' "$size: household family: the house rules line"
	tui_until "$size: household family: the keys line keeps help and quit" keys_end
	tui_keys F10
	tui_check '^\[exit 0\]$' "$size: household family: F10 leaves"
	tui_stop

	# Two grown-ups: a box each on the talk screen, Tab through them.
	rm -rf "$HOME/.local/state/talkpact"
	tui_start -s "$size" env NO_COLOR=1 "$TALKPACT" --only-content --content "$content"
	tui_check 'Start a new conversation' "$size: two grown-ups: welcome"
	tui_keys Enter
	tui_until "$size: two grown-ups: the name box" tui_cursor_under "Child's first name"
	tui_type "Kim"; tui_keys Enter
	tui_until "$size: two grown-ups: the age box" tui_cursor_under "Age"
	tui_type "9"; tui_keys Enter
	tui_until "$size: two grown-ups: the first grown-up's box" tui_cursor_under "Grown-up's name"
	tui_type "Pat"; tui_keys Enter
	tui_until "$size: two grown-ups: the second grown-up's box" tui_cursor_under "Another grown-up"
	tui_type "Jo"; tui_keys Enter Enter Enter
	tui_until "$size: two grown-ups: \"Start talking\"" chosen 'Start talking'
	tui_keys Enter
	tui_check ' 1 of 2' "$size: two grown-ups: the four-line question"
	tui_until "$size: two grown-ups: the child's box has the cursor" tui_cursor_under "Kim's words"
	tui_keys Tab
	tui_until "$size: two grown-ups: Tab: Pat's own box" tui_cursor_under "Pat's words"
	tui_type "Pat here"
	tui_check '│ Pat here' "$size: two grown-ups: Pat's words show"
	tui_keys Tab
	tui_until "$size: two grown-ups: Tab: Jo's own box" tui_cursor_under "Jo's words"
	tui_type "Jo here"
	tui_check '│ Jo here' "$size: two grown-ups: Jo's words show"
	if [ "$size" = 60x18 ]; then
		tui_check "Jo's words \(2 of 2; Tab: next\)" "$size: two grown-ups: too low for three boxes, the one speaking shows"
	else
		tui_check "Pat's words" "$size: two grown-ups: Pat's box shows beside Jo's"
	fi
	tui_keys F2
	tui_until "$size: two grown-ups: with the tip open, Jo's box keeps the cursor" tui_cursor_under "Jo's words"
	tui_until "$size: two grown-ups: the keys line keeps help and quit" keys_end
	tui_keys F10
	tui_check '^\[exit 0\]$' "$size: two grown-ups: F10 leaves"
	tui_stop
done

done_testing
