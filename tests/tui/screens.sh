# screens.sh: the real program in tmux: the welcome screen and the family
# screen at 80x24, a conversation with accents, CJK and emoji, the
# too-small notice and recovery, NO_COLOR, the first-frame exit, the
# conversation at 200x60, and SIGKILL mid-session followed by 'talkpact
# resume' with every confirmed answer still there.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"
sessions="$HOME/.local/state/talkpact/sessions"

# First frame only: draws the welcome screen and exits 0.
tui_start env TALKPACT_EXIT_AFTER_FIRST_FRAME=1 "$TALKPACT"
if tui_wait_for '^\[exit 0\]$' 10; then ok "TALKPACT_EXIT_AFTER_FIRST_FRAME=1 exits 0 after one frame"; else not_ok "first-frame exit"; fi
tui_stop

tui_start "$TALKPACT"
tui_wait_for 'Start a new conversation' || true
# The welcome screen names the test's temporary HOME, so it is checked by content.
if tui_screen | tr -d '\n ' | grep -q "keptin$(printf '%s' "$HOME" | tr -d ' ')/.local/state/talkpact,"; then ok "the welcome screen says where files are kept"; else not_ok "where files are kept" "$(tui_screen)"; fi
if tui_screen | grep -q '▸ Start a new conversation'; then ok "the first choice is marked"; else not_ok "the first choice is marked"; fi

tui_keys Enter
tui_wait_for 'Who is talking today' || true
tui_type "Zoë"
tui_keys Enter
tui_type "8"
tui_keys Enter
tui_wait_for 'ages 8-10 \(suggested\)' && ok "the age suggests a band" || not_ok "the age suggests a band"
tui_type "Alex 李"
tui_keys Enter Enter Right
tui_wait_for 'United Kingdom' && ok "a region is chosen from the content" || not_ok "region"
tui_expect_screen family "the family screen, filled in"
tui_keys Down Enter
tui_wait_for '1 of [0-9]+' && ok "the conversation starts with progress" || not_ok "progress"

tui_type "Sam 😀 and 小明 from school"
tui_keys Tab
tui_type "Good, café after"
tui_keys Enter
tui_wait_for '2 of [0-9]+' && ok "Enter in the grown-up's box saves and moves on" || not_ok "save and move on"
f=$(ls "$sessions"/*.yaml 2>/dev/null | head -n 1)
if [ -n "$f" ] && grep -Eq 'Sam (😀|\\U0001F600) and 小明 from school' "$f"; then ok "the child's words are saved at once"; else not_ok "saved at once" "$(cat "$f" 2>/dev/null)"; fi

# Too small, then big again: the notice, then the same screen.
tui_resize 50 15
tui_wait_for 'Please make the window larger' && ok "a too-small window shows the notice" || not_ok "too-small notice"
tui_expect_screen too-small "the too-small notice"
tui_resize 80 24
tui_wait_for '2 of [0-9]+' && ok "growing the window brings the screen back" || not_ok "recover after resize"

# The help overlay, then back.
tui_keys F1
tui_wait_for 'Keys that work everywhere' && ok "F1 shows help for the screen" || not_ok "help"
tui_keys Escape
tui_wait_for 'F2  tip' && ok "Esc closes help" || not_ok "close help"

# Type a second answer, confirm it, and kill the program hard.
tui_type "Only people I know"
tui_keys Tab
tui_type "Agreed"
tui_keys Enter
tui_wait_for '3 of [0-9]+' || true
pid=$(pgrep -P "$(tui_pid)" | head -n 1)
[ -n "$pid" ] && kill -9 "$pid"
tui_wait_for '\[exit 137\]' 5 && ok "SIGKILL ends the program" || not_ok "SIGKILL"
tui_stop

tui_start "$TALKPACT"
tui_wait_for 'Carry on: Zoë' && ok "the welcome screen offers to carry on with Zoë" || not_ok "carry on offered"
tui_keys q
tui_stop

# 'talkpact resume' carries on with the latest unfinished conversation.
tui_start "$TALKPACT" resume
tui_wait_for '3 of [0-9]+' && ok "talkpact resume returns to the question after the last confirmed one" || not_ok "resume position"
tui_keys Escape
tui_wait_for 'Only people I know' && ok "the answer confirmed before the kill is there" || not_ok "answer after kill" "$(tui_screen)"
tui_keys Escape
tui_wait_for 'Sam 😀 and 小明 from school' && ok "the first answer is there too, emoji and CJK intact" || not_ok "first answer after kill"
tui_keys F10
tui_wait_for '^\[exit 0\]$' && ok "F10 quits with exit 0" || not_ok "F10 quits"
tui_stop

# 'talkpact resume' with nothing to resume, and with a session that does
# not exist: clear messages and sysexits.
run "$TALKPACT" resume no-such-session
expect_rc 66 "resume of an unknown session exits 66"
expect_match err 'no-such-session' "and names it"

# A tall, wide window: the same conversation uses the room.
# (Esc went back twice above, so it carries on at the first question.)
tui_start -s 200x60 "$TALKPACT" resume
tui_wait_for ' 1 of [0-9]+ ' || true
tui_expect_screen talk-200x60 "the conversation at 200x60"
tui_keys F2
tui_wait_for 'Then ask' && ok "F2 shows the tip and follow-ups at 200x60" || not_ok "tip at 200x60"
tui_keys F10
tui_wait_for '^\[exit 0\]$' || true
tui_stop

# NO_COLOR: the same screen, drawn without colour escape sequences.
tui_start env NO_COLOR=1 "$TALKPACT"
tui_wait_for 'Start a new conversation' || true
if _tmux capture-pane -e -p -t t | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m"; then
	not_ok "NO_COLOR draws no colours" "$(_tmux capture-pane -e -p -t t | head -5 | od -c | head)"
else
	ok "NO_COLOR draws no colours"
fi
if _tmux capture-pane -e -p -t t | grep -q "$(printf '\033')\[[0-9;]*7m"; then ok "NO_COLOR still marks the choice (reverse video)"; else not_ok "NO_COLOR reverse"; fi
tui_keys q
tui_wait_for '^\[exit 0\]$' && ok "q quits from the welcome screen" || not_ok "q quits"
tui_stop

done_testing
