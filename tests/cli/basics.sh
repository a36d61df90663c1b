# basics.sh: the command line skeleton: help, version, usage mistakes and
# their exit codes, and "did you mean" for a mistyped command.
. "$top_srcdir/tests/lib.sh"

run "$TALKPACT" --version
expect_rc 0 "--version exits 0"
expect_match out '^talkpact [0-9]+\.[0-9]+\.[0-9]+$' "--version prints talkpact X.Y.Z"

run "$TALKPACT" --help
expect_rc 0 "--help exits 0"
expect_match out '^Usage: talkpact' "--help starts with a usage line"
expect_match out 'validate' "--help lists the validate command"

run "$TALKPACT" --no-such-flag
expect_rc 64 "an unknown option exits 64"
expect_match err "unknown option '--no-such-flag'" "an unknown option is named"
expect_match err "Try 'talkpact --help'" "an unknown option gives a hint"

run "$TALKPACT" --content
expect_rc 64 "an option missing its value exits 64"

run "$TALKPACT" valdate
expect_rc 64 "a mistyped command exits 64"
expect_match err "did you mean 'validate'" "a mistyped command suggests 'validate'"

run "$TALKPACT" frobnicate
expect_rc 64 "an unknown command exits 64"

expect_no_match err "did you mean" "a far-off command suggests nothing"

# The man page lists the exit codes and documents every command in --help.
man="$top_srcdir/doc/talkpact.1"
for code in 0 1 64 65 66 73 74; do
	if grep -q "^\.B $code\$" "$man"; then
		ok "man page lists exit code $code"
	else
		not_ok "man page lists exit code $code"
	fi
done
"$TALKPACT" --help | awk '/^Commands:/{c=1;next} /^$/{c=0} c{print $1}' >"$T/cmds"
while read -r cmd; do
	if grep -q "^\.SS \"*talkpact $cmd" "$man"; then
		ok "man page documents '$cmd'"
	else
		not_ok "man page documents '$cmd'"
	fi
done <"$T/cmds"

done_testing
