# screens.sh: the real program in tmux: the welcome screen and the family
# screen at 80x24, a conversation with accents, CJK and emoji, the
# too-small notice and recovery, NO_COLOR, the first-frame exit, the
# conversation at 200x60, and SIGKILL mid-session followed by 'talkpact
# resume' with every confirmed answer still there. Every wait is a test:
# one that times out fails with the screen it saw.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"
sessions="$HOME/.local/state/talkpact/sessions"

# First frame only: draws the welcome screen and exits 0.
tui_start env TALKPACT_EXIT_AFTER_FIRST_FRAME=1 "$TALKPACT"
tui_check '^\[exit 0\]$' "TALKPACT_EXIT_AFTER_FIRST_FRAME=1 exits 0 after one frame"
tui_stop

tui_start "$TALKPACT"
tui_check 'Start a new conversation' "the welcome screen appears"
# The welcome screen names the test's temporary HOME, so it is checked by content.
if tui_screen | tr -d '\n ' | grep -q "keptin$(printf '%s' "$HOME" | tr -d ' ')/.local/state/talkpact,"; then ok "the welcome screen says where files are kept"; else not_ok "where files are kept" "$(tui_screen)"; fi
if tui_screen | grep -q '▸ Start a new conversation'; then ok "the first choice is marked"; else not_ok "the first choice is marked"; fi

tui_keys Enter
tui_check 'Who is talking today' "Enter starts a new conversation: the family screen"
tui_type "Zoë"
tui_keys Enter
tui_type "8"
tui_keys Enter
tui_check 'ages 8-10 \(suggested\)' "the age suggests a band"
tui_type "Alex 李"
tui_keys Enter Enter Right
tui_check 'United Kingdom' "a region is chosen from the content"
tui_expect_screen family "the family screen, filled in"
tui_keys Down Enter
tui_check '1 of [0-9]+' "the conversation starts with progress"

tui_type "Sam 😀 and 小明 from school"
tui_keys Tab
tui_type "Good, café after"
tui_keys Enter
tui_check '2 of [0-9]+' "Enter in the grown-up's box saves and moves on"
f=$(ls "$sessions"/*.yaml 2>/dev/null | head -n 1)
if [ -n "$f" ] && grep -Eq 'Sam (😀|\\U0001F600) and 小明 from school' "$f"; then ok "the child's words are saved at once"; else not_ok "saved at once" "$(cat "$f" 2>/dev/null)"; fi

# Too small, then big again: the notice, then the same screen.
tui_resize 50 15
tui_check 'Please make the window larger' "a too-small window shows the notice"
tui_expect_screen too-small "the too-small notice"
tui_resize 80 24
tui_check '2 of [0-9]+' "growing the window brings the screen back"

# The help overlay, then back.
tui_keys F1
tui_check 'Keys on this screen' "F1 shows help for the screen"
tui_check 'F2, \^T +Show the grown-up.s tip' "the help lists the screen's keys from the table"
tui_keys Escape
tui_check 'F2 +tip' "Esc closes help"

# Type a second answer, confirm it, and kill the program hard.
tui_type "Only people I know"
tui_keys Tab
tui_type "Agreed"
tui_keys Enter
tui_check '3 of [0-9]+' "the second answer is saved and the third question shows"
command -v pgrep >/dev/null 2>&1 ||
	not_ok "pgrep is installed, to find the program (procps: ./bootstrap installs it)"
pid=$(pgrep -P "$(tui_pid)" | head -n 1)
[ -n "$pid" ] && kill -9 "$pid"
tui_check '\[exit 137\]' "SIGKILL ends the program" 5
tui_stop

tui_start "$TALKPACT"
tui_check 'Carry on: Zoë' "the welcome screen offers to carry on with Zoë"
tui_keys q
tui_stop

# 'talkpact resume' carries on with the latest unfinished conversation.
tui_start "$TALKPACT" resume
tui_check '3 of [0-9]+' "talkpact resume returns to the question after the last confirmed one"
tui_keys Escape
tui_check 'Only people I know' "the answer confirmed before the kill is there"
tui_keys Escape
tui_check 'Sam 😀 and 小明 from school' "the first answer is there too, emoji and CJK intact"
tui_keys F10
tui_check '^\[exit 0\]$' "F10 quits with exit 0"
tui_stop

# 'talkpact resume' with nothing to resume, and with a session that does
# not exist: clear messages and sysexits.
run "$TALKPACT" resume no-such-session
expect_rc 66 "resume of an unknown session exits 66"
expect_match err 'no-such-session' "and names it"

# A tall, wide window: the same conversation uses the room.
# (Esc went back twice above, so it carries on at the first question.)
tui_start -s 200x60 "$TALKPACT" resume
tui_check ' 1 of [0-9]+ ' "resume at 200x60 opens at the first question"
tui_expect_screen talk-200x60 "the conversation at 200x60"
tui_keys F2
tui_check 'Then ask' "F2 shows the tip and follow-ups at 200x60"
tui_keys F10
tui_check '^\[exit 0\]$' "F10 quits at 200x60"
tui_stop

# NO_COLOR: the same screen, drawn without colour escape sequences.
tui_start env NO_COLOR=1 "$TALKPACT"
tui_check 'Start a new conversation' "NO_COLOR: the welcome screen appears"
if _tmux capture-pane -e -p -t t | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m"; then
	not_ok "NO_COLOR draws no colours" "$(_tmux capture-pane -e -p -t t | head -5 | od -c | head)"
else
	ok "NO_COLOR draws no colours"
fi
if _tmux capture-pane -e -p -t t | grep -q "$(printf '\033')\[[0-9;]*7m"; then ok "NO_COLOR still marks the choice (reverse video)"; else not_ok "NO_COLOR reverse"; fi
tui_keys q
tui_check '^\[exit 0\]$' "q quits from the welcome screen"
tui_stop

done_testing
