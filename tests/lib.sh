# lib.sh: a little TAP for shell tests. Source it, call plan-free helpers,
# and finish with 'done_testing'. Each test runs in its own temp HOME.
set -u

: "${top_srcdir:?run me through make check}"
: "${TALKPACT:=$top_builddir/src/talkpact}"

T=$(mktemp -d "${TMPDIR:-/tmp}/talkpact-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
HOME="$T/home"
mkdir -p "$HOME"
export HOME
unset XDG_DATA_HOME XDG_STATE_HOME XDG_CONFIG_HOME NO_COLOR

_n=0
_failed=0

ok() {		# ok DESCRIPTION: record a pass
	_n=$((_n + 1))
	echo "ok $_n - $1"
}

not_ok() {	# not_ok DESCRIPTION [DETAIL]: record a failure
	_n=$((_n + 1))
	_failed=$((_failed + 1))
	echo "not ok $_n - $1"
	[ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/# /'
	return 0
}

skip_all() {	# skip_all REASON
	echo "1..0 # SKIP $1"
	exit 0
}

skip() {	# skip DESCRIPTION REASON
	_n=$((_n + 1))
	echo "ok $_n - $1 # SKIP $2"
}

# run CMD...: runs it, keeping stdout in $out, stderr in $err, status in $rc.
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

# expect_rc N DESCRIPTION: after run, the status must be N.
expect_rc() {
	if [ "$rc" -eq "$1" ]; then ok "$2"; else
		not_ok "$2" "expected exit $1, got $rc; stderr: $err"; fi
}

# expect_match WHAT REGEX DESCRIPTION: WHAT is "out" or "err".
expect_match() {
	eval "_v=\$$1"
	if printf '%s\n' "$_v" | grep -Eq -- "$2"; then ok "$3"; else
		not_ok "$3" "no match for /$2/ in $1: $_v"; fi
}

expect_no_match() {
	eval "_v=\$$1"
	if printf '%s\n' "$_v" | grep -Eq -- "$2"; then
		not_ok "$3" "unexpected /$2/ in $1: $_v"; else ok "$3"; fi
}

# expect_eq GOT WANT DESCRIPTION
expect_eq() {
	if [ "$1" = "$2" ]; then ok "$3"; else
		not_ok "$3" "got:  $1
want: $2"; fi
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
	exit $?
}
