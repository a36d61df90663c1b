# fuzz-regressions.sh: every input that ever crashed a fuzzer, kept as a
# fixture, now gets a clear message and the right exit code.
. "$top_srcdir/tests/lib.sh"
R="$top_srcdir/tests/fuzz/regressions"

# A year the reader took but the writer would print as "121-...".
run "$TALKPACT" render "$R/session-year-0121.yaml" --format md
expect_rc 65 "a session time in the year 121 is refused (65)"
expect_match err 'session-year-0121\.yaml:57:9: error: time is not a real time' \
    "the refusal names file, line and column"

# Other impossible times are refused the same way, so none can drift.
for bad in 2026-02-31T10:00:00Z 2026-11-29T23:59:60Z 10000-01-01T00:00:00Z; do
	sed "s/^  time: 0121-11-29T15:20:00Z\$/  time: $bad/" \
	    "$R/session-year-0121.yaml" >"$T/s.yaml"
	run "$TALKPACT" render "$T/s.yaml" --format md
	expect_rc 65 "the time $bad is refused"
done

# A NUL byte in a file given to verify.
run "$TALKPACT" verify "$R/verify-nul.md"
expect_rc 65 "verify: a file with a NUL byte is not an agreement (65)"
expect_match err 'not a talkpact agreement' "verify says it is not an agreement"

# Plain mode's standard input: what fuzz_plain found in the plain.c of
# issue 11 (/back at the grown-up's words freed the child's words twice).
# Each now runs to its end and exits 0, with nothing from valgrind (where
# it can run this build) or the sanitizers.
: "${VALGRIND:=$(command -v valgrind || true)}"
VG=""
if [ -n "$VALGRIND" ] &&
    { "$VALGRIND" -q --error-exitcode=99 "$TALKPACT" --version; } >/dev/null 2>&1; then
	VG="$VALGRIND -q --error-exitcode=99 --leak-check=full
	    --errors-for-leak-kinds=definite,indirect"
fi
for f in "$R"/plain-*.txt; do
	rm -rf "$HOME/.local"
	# shellcheck disable=SC2086
	run $VG "$TALKPACT" --plain <"$f"
	if [ "$rc" -eq 0 ] && ! printf '%s\n' "$err" | grep -Eq '^==[0-9]+==|Sanitizer|runtime error'; then
		ok "plain mode: $(basename "$f") exits 0 with no memory error"
	else
		not_ok "plain mode: $(basename "$f") exits 0 with no memory error" \
		    "exit $rc; $(printf '%s\n' "$err" | head -n 30)"
	fi
	expect_match out 'Carry on later with: talkpact resume ' \
	    "plain mode: $(basename "$f") saves and says how to carry on"
done

done_testing
