#!/bin/sh
# typing.sh: what one keypress costs the interactive program, in CPU time.
# Starts talkpact in a detached tmux window of 200x60, walks to the first
# question, types an 1100-character answer (it wraps and scrolls in the box),
# then sends KEYS (default 1000) more keys, alternating a character and
# Backspace, and reads the process's CPU time (/proc/PID/schedstat, in
# nanoseconds; utime+stime from /proc/PID/stat if that is missing) before
# and after. Prints one line: typing_ms_per_key=0.123
#
#   TALKPACT=path/to/talkpact KEYS=1000 sh tests/bench/typing.sh
# make bench passes top_builddir; it needs tmux and Linux's /proc.
set -u
TP=${TALKPACT:-${top_builddir:-.}/src/talkpact}
KEYS=${KEYS:-1000}
command -v tmux >/dev/null 2>&1 || { echo "typing.sh: tmux is not installed" >&2; exit 77; }
W=$(mktemp -d "${TMPDIR:-/tmp}/talkpact-typing.XXXXXX")
S="$W/tmux.sock"
trap 'tmux -S "$S" kill-server >/dev/null 2>&1; rm -rf "$W"' EXIT
mkdir -p "$W/home"

tm() { tmux -S "$S" -f /dev/null "$@"; }
screen() { tm capture-pane -p -t t; }
wait_for() {	# wait_for REGEX: up to 20 s
	_i=0
	while ! screen | grep -Eq -- "$1"; do
		_i=$((_i + 1))
		if [ "$_i" -gt 400 ]; then
			echo "typing.sh: timed out waiting for /$1/" >&2
			screen >&2
			exit 1
		fi
		sleep 0.05
	done
}
cpu_ns() {	# on-CPU time of PID $1 in nanoseconds
	if [ -r "/proc/$1/schedstat" ]; then
		cut -d' ' -f1 "/proc/$1/schedstat"
	else
		awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1e9 / hz }' \
		    "/proc/$1/stat"
	fi
}

tm new-session -d -s t -x 200 -y 60 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    TERM=screen-256color ESCDELAY=25 HOME='$W/home' TZ=UTC '$TP'; sleep 600" || exit 1
tm resize-window -t t -x 200 -y 60 >/dev/null 2>&1
wait_for 'Start a new conversation'
tm send-keys -t t Enter
wait_for 'Who is talking today'
tm send-keys -t t -l 'Sam'; tm send-keys -t t Enter
tm send-keys -t t -l '9'; tm send-keys -t t Enter
tm send-keys -t t -l 'Alex'; tm send-keys -t t Enter Enter Enter Enter
wait_for '1 of [0-9]+'
pid=$(pgrep -P "$(tm list-panes -t t -F '#{pane_pid}' | head -n 1)" talkpact | head -n 1)
[ -n "$pid" ] || { echo "typing.sh: talkpact is not running" >&2; exit 1; }

# A long answer first: 1100 characters of words, more than the box shows.
long=$(awk 'BEGIN { for (i = 0; i < 100; i++) printf "word%03d ab ", i }')
tm send-keys -t t -l "$long"
wait_for 'word099'
sleep 0.5

before=$(cpu_ns "$pid")
i=0
while [ "$i" -lt "$KEYS" ]; do
	# 50 keys per send: 25 times a character and Backspace.
	tm send-keys -t t x BSpace x BSpace x BSpace x BSpace x BSpace \
	    x BSpace x BSpace x BSpace x BSpace x BSpace \
	    x BSpace x BSpace x BSpace x BSpace x BSpace \
	    x BSpace x BSpace x BSpace x BSpace x BSpace \
	    x BSpace x BSpace x BSpace x BSpace x BSpace
	i=$((i + 50))
done
# Then a marker, and wait until it is drawn: every key has been handled.
tm send-keys -t t -l ' END'
wait_for 'word099 ab +END'
after=$(cpu_ns "$pid")
awk -v a="$before" -v b="$after" -v n="$((i + 4))" \
    'BEGIN { printf "typing_ms_per_key=%.3f\n", (b - a) / 1e6 / n }'
