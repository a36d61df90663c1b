# tmux.sh: drive the real program in a detached tmux session, the way a
# person would, and compare what is on screen with expected files.
# Source after lib.sh. Each test gets a private socket, an 80x24 window,
# LANG=C.UTF-8, ESCDELAY=25 and the temp HOME from lib.sh.
#
#   tui_start [-s COLSxROWS] [VAR=value]... CMD [ARG]...
#   tui_keys KEY...             tmux send-keys (names like Enter, Escape, C-a)
#   tui_type TEXT               literal text (send-keys -l)
#   tui_wait_for REGEX [SECS]   until the screen matches (default 10 s)
#   tui_wait_gone REGEX [SECS]  until the screen no longer matches
#   tui_check REGEX DESC [SECS] tui_wait_for as a test: ok DESC, or not ok
#                               DESC with the screen it saw at the timeout
#   tui_settle [MS]             until the screen stops changing for MS ms
#   tui_until DESC CMD [ARG]... until CMD succeeds (10 s), as a test: ok
#                               DESC, or not ok DESC with the screen
#   tui_cursor_under LABEL      does the cursor show, in the body, on the
#                               row under one naming LABEL (a box's border)?
#   tui_key_change KEY          send KEY and wait until the screen changes
#   tui_screen                  the screen as text (capture-pane -p)
#   tui_expect_screen NAME DESC compare with tests/screens/NAME.txt;
#                               GENERATE=1 writes the file instead
#   tui_resize COLS ROWS
#   tui_pid                     the program's pid
#   tui_alive                   is the program still running?
#   tui_stop                    end the server, and wait until it has gone

TUI_TMUX=${TMUX_BIN:-$(command -v tmux 2>/dev/null)}
# A fresh server (and socket) for each tui_start: a new session must never
# reach the previous server while it is still shutting down.
TUI_N=0
TUI_SOCK="$T/tmux.0.sock"

tui_available() { [ -n "$TUI_TMUX" ] && [ -x "$TUI_TMUX" ]; }

_tmux() { "$TUI_TMUX" -S "$TUI_SOCK" -f /dev/null "$@"; }

tui_start() {
	TUI_N=$((TUI_N + 1))
	TUI_SOCK="$T/tmux.$TUI_N.sock"
	_size=80x24
	if [ "$1" = "-s" ]; then _size=$2; shift 2; fi
	_cols=${_size%x*}
	_rows=${_size#*x}
	# The command line runs under env so variables and HOME are exact.
	_cmd="env LANG=C.UTF-8 LC_ALL=C.UTF-8 ESCDELAY=25 TERM=screen-256color HOME='$HOME' TZ=UTC"
	for _a in "$@"; do
		_cmd="$_cmd '$(printf '%s' "$_a" | sed "s/'/'\\\\''/g")'"
	done
	# Keep the pane after the program exits so its last screen is readable.
	_tmux new-session -d -s t -x "$_cols" -y "$_rows" \
	    "$_cmd; echo \"[exit \$?]\"; sleep 600" || return 1
	_tmux set-option -g status off >/dev/null
	_tmux set-option -g remain-on-exit on >/dev/null
	_tmux resize-window -t t -x "$_cols" -y "$_rows" >/dev/null 2>&1 || true
}

tui_keys() { _tmux send-keys -t t "$@"; }
tui_type() { _tmux send-keys -t t -l "$1"; }
tui_screen() { _tmux capture-pane -p -t t; }
tui_resize() { _tmux resize-window -t t -x "$1" -y "$2"; }
tui_pid() { _tmux list-panes -t t -F '#{pane_pid}' | head -n 1; }

tui_wait_for() {
	_deadline=$(( $(date +%s) + ${2:-10} ))
	while :; do
		if tui_screen | grep -Eq -- "$1"; then return 0; fi
		if [ "$(date +%s)" -ge "$_deadline" ]; then
			echo "# timed out waiting for /$1/; screen was:"
			tui_screen | sed 's/^/#   /'
			return 1
		fi
		sleep 0.05
	done
}

tui_check() {
	if tui_wait_for "$1" "${3:-10}" >"$T/wait"; then
		ok "$2"
	else
		not_ok "$2" "$(sed 's/^# //' "$T/wait")"
	fi
}

tui_wait_gone() {
	_deadline=$(( $(date +%s) + ${2:-10} ))
	while tui_screen | grep -Eq -- "$1"; do
		if [ "$(date +%s)" -ge "$_deadline" ]; then
			echo "# timed out waiting for /$1/ to go; screen was:"
			tui_screen | sed 's/^/#   /'
			return 1
		fi
		sleep 0.05
	done
	return 0
}

tui_settle() {
	_quiet_ms=${1:-200}
	_last=""
	_same=0
	_tries=0
	while [ "$_same" -lt "$_quiet_ms" ] && [ "$_tries" -lt 400 ]; do
		_now=$(tui_screen)
		if [ "$_now" = "$_last" ]; then _same=$((_same + 50)); else _same=0; fi
		_last=$_now
		_tries=$((_tries + 1))
		sleep 0.05
	done
}

tui_expect_screen() {
	_file="$top_srcdir/tests/screens/$1.txt"
	tui_settle
	if [ "${GENERATE:-}" = 1 ]; then
		mkdir -p "$(dirname "$_file")"
		tui_screen >"$_file"
		ok "$2 (screen $1 generated)"
		return
	fi
	if [ ! -f "$_file" ]; then
		not_ok "$2" "no expected screen $_file (run with GENERATE=1)"
		return
	fi
	if tui_screen | diff -u "$_file" - >"$T/screen.diff"; then
		ok "$2"
	else
		not_ok "$2" "$(cat "$T/screen.diff")"
	fi
}

tui_alive() {
	_pane_dead=$(_tmux list-panes -t t -F '#{pane_dead}' 2>/dev/null | head -n 1)
	[ "$_pane_dead" = 0 ] && ! tui_screen | grep -q '^\[exit [0-9]*\]'
}

# Stop the server and wait (up to 5 s) until it and the program are gone.
tui_stop() {
	_spid=$(_tmux display-message -p '#{pid}' 2>/dev/null)
	_tmux kill-server >/dev/null 2>&1 || true
	_i=0
	while [ -n "$_spid" ] && kill -0 "$_spid" 2>/dev/null && [ "$_i" -lt 100 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
}

tui_until() {
	_desc=$1
	shift
	_deadline=$(( $(date +%s) + 10 ))
	while ! "$@"; do
		if [ "$(date +%s)" -ge "$_deadline" ]; then
			not_ok "$_desc" "$(tui_screen; _tmux display -p -t t 'cursor #{cursor_x},#{cursor_y} shown #{cursor_flag}')"
			return 1
		fi
		sleep 0.05
	done
	ok "$_desc"
}

tui_cursor_under() {
	_y=$(_tmux display -p -t t '#{cursor_y}')
	_rows=$(_tmux display -p -t t '#{pane_height}')
	[ "$(_tmux display -p -t t '#{cursor_flag}')" = 1 ] && [ "$_y" -ge 2 ] &&
	    [ "$_y" -lt $((_rows - 2)) ] && tui_screen | sed -n "${_y}p" | grep -q -- "$1"
}

tui_key_change() {
	_before=$(tui_screen)
	tui_keys "$1"
	_deadline=$(( $(date +%s) + 10 ))
	while [ "$(tui_screen)" = "$_before" ] && [ "$(date +%s)" -lt "$_deadline" ]; do
		sleep 0.05
	done
}
