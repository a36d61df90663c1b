# drafts.sh: what is being typed is never lost. In tmux at 80x24: text
# typed into an answer, then F10, Ctrl-C, SIGTERM, SIGHUP or SIGQUIT (the
# Ctrl-\ a paste may hold), or a pause in
# typing followed by SIGKILL, is back in its box after 'talkpact resume';
# leaving says "Carry on with: talkpact resume ID"; confirming the answer
# forgets the draft.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"
sessions="$HOME/.local/state/talkpact/sessions"

# The pid of talkpact itself, the pane's shell's child.
prog_pid() { pgrep -P "$(tui_pid)" -x talkpact | head -n 1; }

tui_start "$TALKPACT"
tui_check 'Start a new conversation' "the welcome screen"
tui_keys Enter
tui_check 'Who is talking today' "the family screen"
tui_type "Mia"; tui_keys Enter
tui_type "9"; tui_keys Enter
tui_type "Jo"; tui_keys Enter Enter Down Enter
tui_check '1 of [0-9]+' "the first question"
tui_type "half an answer about games"
tui_keys Tab
tui_type "and the grown-up too"
tui_keys F10
tui_check '^Carry on with: talkpact resume 20[0-9-]+-mia-[0-9]+' "F10 says how to carry on"
tui_check '^\[exit 0\]$' "F10 exits 0"
f=$(ls "$sessions"/*.yaml | head -n 1)
id=$(basename "$f" .yaml)
if grep -q '^drafts:' "$f" && grep -q 'half an answer about games' "$f"; then
	ok "the draft is in the session file"
else not_ok "draft in the file" "$(cat "$f")"; fi
tui_stop

tui_start "$TALKPACT" resume "$id"
tui_check 'half an answer about games' "resume: the child's draft is back in its box"
tui_check 'and the grown-up too' "resume: the grown-up's draft is back in its box"
tui_keys C-u
tui_type "typed before Ctrl-C"
# (Ctrl-C flushes input not yet read: wait until the program has it.)
tui_check 'typed before Ctrl-C' "typed (Ctrl-C)"
tui_keys C-c
tui_check '^Carry on with: talkpact resume' "Ctrl-C says how to carry on"
tui_stop

last="Ctrl-C"
for sig in TERM HUP QUIT; do
	tui_start "$TALKPACT" resume "$id"
	tui_check "typed before $last" "resume after $last: the draft is back"
	last="SIG$sig"
	tui_keys C-u
	tui_type "typed before SIG$sig"
	tui_check "typed before SIG$sig" "typed (SIG$sig)"
	kill -"$sig" "$(prog_pid)"
	tui_check '^\[exit ' "SIG$sig ends the program"
	tui_stop
	if grep -q "typed before SIG$sig" "$f"; then ok "SIG$sig keeps the draft"
	else not_ok "SIG$sig keeps the draft" "$(cat "$f")"; fi
done

# A pause in typing keeps it, even if the program is then killed outright.
tui_start "$TALKPACT" resume "$id"
tui_check "typed before $last" "resume after $last: the draft is back"
tui_keys C-u
tui_type "kept after a pause"
sleep 3.5
kill -KILL "$(prog_pid)"
tui_check 'Killed' "SIGKILL ends the program"
tui_stop
if grep -q "kept after a pause" "$f"; then ok "a pause in typing keeps the draft"
else not_ok "a pause keeps the draft" "$(cat "$f")"; fi

# Confirming the answer forgets the draft.
tui_start "$TALKPACT" resume "$id"
tui_check 'kept after a pause' "resume after SIGKILL: the draft is back"
tui_keys Enter Enter
tui_check '2 of [0-9]+' "the answer is confirmed"
tui_keys F10
tui_check '^\[exit 0\]$' "F10 exits 0"
tui_stop
if grep -q '^drafts:' "$f"; then not_ok "no drafts left" "$(cat "$f")"
elif grep -q 'kept after a pause' "$f"; then ok "a confirmed answer forgets its draft"
else not_ok "the answer is saved" "$(cat "$f")"; fi

done_testing
