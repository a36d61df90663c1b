# paste.sh: bracketed paste in tmux at 80x24: a three-line paste stays in
# the answer box it was pasted into (newlines kept, not taken as Enter);
# in a one-line box (a name) newlines become spaces; a paste longer than a
# box holds is cut with a message; a byte that is not UTF-8 becomes
# U+FFFD and the rest of the paste is kept.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"
sessions="$HOME/.local/state/talkpact/sessions"

paste() {	# paste TEXT: as the terminal pastes it (bracketed, if asked for)
	"$TUI_TMUX" -S "$TUI_SOCK" -f /dev/null set-buffer -b p -- "$1"
	"$TUI_TMUX" -S "$TUI_SOCK" -f /dev/null paste-buffer -p -d -b p -t t
}

tui_start "$TALKPACT"
tui_check 'Start a new conversation' "the welcome screen"
tui_keys Enter
tui_check 'Who is talking today' "the family screen"
paste "Ria
Rose"
tui_check 'Ria Rose' "a two-line paste into a name box: one line"
tui_keys Enter
tui_type "12"; tui_keys Enter
tui_type "Sol"; tui_keys Enter Enter Down Enter
tui_check ' 1 of [0-9]+' "the first question"
paste "first line
second line
third line"
tui_check 'third line' "the paste is in the box"
if tui_screen | grep -q ' 1 of [0-9]'; then ok "a three-line paste stays on the same question"
else not_ok "still question 1" "$(tui_screen)"; fi
if tui_screen | grep -q '│ first line  *│' && tui_screen | grep -q '│ second line  *│'; then
	ok "its newlines are kept"
else not_ok "newlines kept" "$(tui_screen)"; fi
if tui_screen | grep -q "Sol's words.*" && tui_screen | sed -n '/Sol.s words/,$p' | grep -q 'line'; then
	not_ok "nothing spills into the grown-up's box" "$(tui_screen)"
else ok "nothing spills into the grown-up's box"; fi
tui_keys Tab Enter
tui_check ' 2 of [0-9]+' "Enter saves it"
f=$(ls "$sessions"/*.yaml | head -n 1)
if grep -q 'child: "first line\\nsecond line\\nthird line"' "$f"; then ok "saved with its newlines"
else not_ok "saved with newlines" "$(cat "$f")"; fi

# A byte that is not UTF-8 becomes U+FFFD; the rest of the paste is
# kept, its newline still text (curses alone drops all that follows).
printf 'kept\377after\nand the last line' >"$T/bad"
"$TUI_TMUX" -S "$TUI_SOCK" -f /dev/null load-buffer -b p "$T/bad"
"$TUI_TMUX" -S "$TUI_SOCK" -f /dev/null paste-buffer -p -d -b p -t t
tui_check 'and the last line' "a paste with a byte that is not UTF-8 is kept whole"
if tui_screen | grep -q 'kept�after' && tui_screen | grep -q ' 2 of [0-9]'; then
	ok "the byte shows as U+FFFD, on the same question"
else not_ok "U+FFFD, same question" "$(tui_screen)"; fi

# Longer than the box holds (16 KiB): cut, with a message.
head -c 20000 /dev/zero | tr '\0' 'a' >"$T/long"
"$TUI_TMUX" -S "$TUI_SOCK" -f /dev/null load-buffer -b p "$T/long"
"$TUI_TMUX" -S "$TUI_SOCK" -f /dev/null paste-buffer -p -d -b p -t t
tui_check 'paste was cut' "a paste over the limit is cut with a message"
tui_keys F10
tui_check '^\[exit 0\]$' "F10 exits 0"
tui_stop
done_testing
