# tmux-harness.sh: the harness that drives the real TUI works: it starts a
# program at 80x24 with a private HOME, types, waits and reads the screen;
# a wait that times out fails showing the screen; a stopped server is gone
# before the next one starts; the helpers that wait on the cursor and on a
# key's change to the screen. Not one of talkpact's tests, so not counted
# in make check: run it with make check-harness (.ci/run does).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"

tui_start sh -c 'printf "size %sx%s\n" "$(tput cols)" "$(tput lines)"; printf "home %s\n" "$HOME"; printf "lang %s\n" "$LANG"; read -r line; printf "typed <%s>\n" "$line"'
if tui_wait_for '^size 80x24$' 5; then ok "the window is 80x24"; else not_ok "the window is 80x24"; fi
if tui_screen | grep -q "^home $HOME\$"; then ok "HOME is the test's own"; else not_ok "HOME is the test's own" "$(tui_screen)"; fi
if tui_screen | grep -q '^lang C.UTF-8$'; then ok "LANG is C.UTF-8"; else not_ok "LANG is C.UTF-8"; fi
tui_type "héllo 世界"
tui_keys Enter
if tui_wait_for '^typed <héllo 世界>$' 5; then ok "typed UTF-8 text arrives"; else not_ok "typed UTF-8 text arrives"; fi
if tui_wait_for '^\[exit 0\]$' 5; then ok "the exit status is visible"; else not_ok "the exit status is visible"; fi
tui_stop

tui_start sh -c 'echo visible-line; sleep 30'
tui_wait_for '^visible-line$' 5 >/dev/null
out=$(tui_check 'never-on-screen' "a wait" 1)
case $out in
"not ok "*" - a wait"*"timed out waiting for /never-on-screen/"*visible-line*)
	ok "a wait that times out is a failed test showing the screen" ;;
*)	not_ok "a wait that times out is a failed test showing the screen" "$out" ;;
esac
spid=$(_tmux display-message -p '#{pid}')
tui_stop
if [ -n "$spid" ] && ! kill -0 "$spid" 2>/dev/null; then
	ok "tui_stop returns once the server has gone"
else
	not_ok "tui_stop returns once the server has gone" "server pid '$spid'"
fi
tui_start sh -c 'echo second; sleep 30'
tui_check '^second$' "a session started right after tui_stop runs" 5
tui_stop

# tui_until, tui_key_change and tui_cursor_under: a box drawn with its
# label on the row above the cursor, and a key that changes the screen.
tui_start sh -c 'printf "\n\n+- Name -+\n| "; read -r a; printf "got %s\n" "$a"; sleep 30'
tui_until "tui_until: the cursor is under the box's label" tui_cursor_under 'Name'
out=$(tui_until "a wait" tui_cursor_under 'Nowhere' 2>&1)
case $out in
"not ok "*" - a wait"*"+- Name -+"*) ok "tui_until: a wait that times out fails showing the screen" ;;
*)	not_ok "tui_until: a wait that times out fails showing the screen" "$out" ;;
esac
tui_type "x"
tui_key_change Enter
if tui_screen | grep -q '^got x$'; then ok "tui_key_change returns once the screen has changed"; else
	not_ok "tui_key_change returns once the screen has changed" "$(tui_screen)"; fi
tui_stop

done_testing
