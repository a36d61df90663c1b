# mouse.sh: clicks and the wheel, sent as the terminal sends them (X10
# mouse reports, ESC [ M b x y, written into the pane with send-keys -H):
# a click chooses an item and a second one opens it; a click focuses a box
# (what is typed then goes there) and presses a button; the wheel moves
# through a list and scrolls the help. With --no-mouse the program does
# not ask the terminal for mouse reports and the same bytes move nothing.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"

# mouse B COL ROW: a report for button code B at 0-based COL, ROW.
mouse() {
	tui_keys -H 1b 5b 4d "$(printf '%x' $((32 + $1)))" \
	    "$(printf '%x' $((33 + $2)))" "$(printf '%x' $((33 + $3)))"
}
click() { mouse 0 "$1" "$2"; mouse 3 "$1" "$2"; }	# press, release
# The 0-based row of the first line with TEXT, and the column where it starts.
row_of() { tui_screen | grep -n -- "$1" | head -n 1 | cut -d: -f1 | awk '{ print $1 - 1 }'; }
col_of() { tui_screen | grep -- "$1" | head -n 1 | awk -v s="$1" '{ print index($0, s) - 1 }'; }
mouse_on() { [ "$(_tmux display -p -t t '#{mouse_any_flag}')" = 1 ]; }

tui_start "$TALKPACT"
tui_check '▸ Start a new conversation' "the welcome screen, the first item chosen"
tui_until "the program asks the terminal for mouse reports" mouse_on
mouse 65 10 10
tui_check '▸ Quit' "the wheel down the welcome list chooses the next item"
mouse 64 10 10
tui_check '▸ Start a new conversation' "and up again"
click 10 "$(row_of 'Quit')"
tui_check '▸ Quit' "a click on Quit chooses it"
click 10 "$(row_of 'Start a new conversation')"
tui_check '▸ Start a new conversation' "a click on the first item chooses it"
click 10 "$(row_of 'Start a new conversation')"
tui_check 'Who is talking today' "a second click opens it: the family screen"
tui_type "Kim"; tui_keys Enter
tui_type "9"; tui_keys Enter
tui_until "the keys put the cursor in the first grown-up's box" tui_cursor_under "Grown-up's name"
tui_type "Pat"
r=$(row_of 'Another grown-up')
click 10 $((r + 1))
tui_until "a click in the second grown-up's box moves the cursor there" tui_cursor_under "Another grown-up"
tui_type "Jo"
tui_check '│ Jo ' "what is typed goes into the box clicked"
click 10 $(($(row_of "Grown-up's name") + 1))
tui_until "a click back in the first grown-up's box" tui_cursor_under "Grown-up's name"
tui_type "!"
tui_check '│ Pat! ' "typed there"
click "$(col_of 'Start talking')" "$(row_of 'Start talking')"
tui_check ' 1 of [0-9]+' "a click on Start talking presses it"
tui_until "the cursor starts in the child's box" tui_cursor_under "Kim's words"
# Two grown-ups: a box each (household); a click in the second one's.
click 10 $(($(row_of "Jo's words") + 1))
tui_until "a click in a grown-up's answer box moves the cursor there" tui_cursor_under "Jo's words"
tui_type "Clicked"
tui_check '│ Clicked' "and what is typed goes there"
tui_keys F1
tui_check '┌─ Help' "the help"
mouse 65 10 10
tui_check '↑ more' "the wheel scrolls the help down"
mouse 64 10 10
tui_wait_gone '↑ more' >/dev/null
tui_check 'Talking together' "and up again"
tui_keys F10
tui_check '^\[exit 0\]$' "F10"
tui_stop

tui_start "$TALKPACT" --no-mouse
tui_check '▸ Start a new conversation' "--no-mouse: the welcome screen"
[ "$(_tmux display -p -t t '#{mouse_any_flag}')" = 0 ] &&
    ok "--no-mouse: the program does not ask for mouse reports" ||
    not_ok "--no-mouse: no mouse reports" "$(_tmux display -p -t t '#{mouse_any_flag}')"
click 10 "$(row_of 'Quit')"
# Keys are read in order: once the help is up, the click has been read.
tui_keys F1
tui_check '┌─ Help' "--no-mouse: the help (after the click)"
tui_keys Escape
tui_wait_gone '┌─ Help' >/dev/null
tui_check '▸ Start a new conversation' "--no-mouse: a click does not move the choice"
tui_screen | grep -q '▸ Quit' && not_ok "--no-mouse: Quit is not chosen" "$(tui_screen)" ||
    ok "--no-mouse: Quit is not chosen"
tui_keys q
tui_check '^\[exit 0\]$' "q"
tui_stop

done_testing
