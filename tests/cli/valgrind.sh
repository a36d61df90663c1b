# valgrind.sh: the loader under valgrind on good content and on bad
# fixtures of every family (syntax, shape, bytes, aliases, folders): no
# invalid reads or writes, and no leaks, whatever the input. Skips where
# valgrind is missing or cannot run the program (a sanitizer build).
. "$top_srcdir/tests/lib.sh"

: "${VALGRIND:=$(command -v valgrind || true)}"
[ -n "$VALGRIND" ] || skip_all "valgrind is not installed"
if ! "$VALGRIND" -q --error-exitcode=99 "$TALKPACT" --version >/dev/null 2>&1; then
	skip_all "valgrind cannot run this build (sanitizers?)"
fi

cd "$top_srcdir" || exit 99
B=tests/content/bad

# vg RC DESCRIPTION ARGS...: talkpact ARGS under valgrind must exit RC.
vg() {
	_want=$1 _desc=$2
	shift 2
	"$VALGRIND" -q --leak-check=full --show-leak-kinds=definite,indirect \
	    --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
	    "$TALKPACT" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -eq "$_want" ] && ! grep -q '^==[0-9]*==' "$T/err"; then
		ok "valgrind: $_desc"
	else
		not_ok "valgrind: $_desc" "exit $rc (want $_want); $(grep '^==' "$T/err" | head -20)"
	fi
}

vg 0 "validate the shipped content" validate
vg 0 "list the shipped content" list
vg 0 "replace shipped items" --content tests/content/good list --format tsv
vg 65 "unknown and duplicate keys, bad values" validate $B/unknown-key.yaml \
    $B/duplicate-key.yaml $B/wrong-type.yaml $B/bad-defaults.yaml $B/unknown-blank.yaml
vg 65 "syntax errors" validate $B/tab-indent.yaml $B/unclosed-quote.yaml \
    $B/unclosed-bracket.yaml $B/bad-indent.yaml $B/two-documents.yaml
vg 65 "bad bytes" validate $B/invalid-utf8.yaml $B/nul.yaml $B/control.yaml \
    $B/control-escape.yaml $B/empty.yaml
vg 65 "anchors, aliases and tags" validate $B/anchor-loop.yaml $B/anchor.yaml $B/tag.yaml
vg 65 "duplicate ids in a folder" validate $B/duplicate-across $B/duplicate-id.yaml
vg 65 "a device" validate /dev/null
vg 66 "a missing file" validate "$T/nope.yaml"
awk 'BEGIN { printf "pack:\n  id: "; for (i = 0; i < 40; i++) printf "["; for (i = 0; i < 40; i++) printf "]"; printf "\n" }' >"$T/deep.yaml"
vg 65 "deep nesting" validate "$T/deep.yaml"

# A review started, a note given, left; then history.
mkdir -p "$HOME/.local/state/talkpact/sessions"
cp tests/sessions/8-10.yaml "$HOME/.local/state/talkpact/sessions/2026-11-29-sam-1412.yaml"
printf 'change\nMore time.\nAgreed.\ndrop\n\n\n/quit\n' >"$T/review.in"
vg 0 "a review in plain mode" --plain review 2026-11-29-sam-1412 <"$T/review.in"
vg 0 "history" history Sam
sed -e 's/^stage: signed$/stage: agreeing/' -e '/^signatures:/,$d' \
    tests/sessions/8-10.yaml >"$T/unsigned.yaml"
vg 65 "a review of a session not signed" review "$T/unsigned.yaml"
printf '/quit\n' >"$T/quit.in"
vg 0 "a review in progress, by its file" --plain review tests/sessions/review.yaml <"$T/quit.in"

done_testing
