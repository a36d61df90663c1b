# sessions.sh: 'talkpact sessions' lists saved sessions, newest first, and
# reports a damaged file with its place and exit 65 without changing it;
# the sessions folder is created private.
. "$top_srcdir/tests/lib.sh"

dir="$HOME/.local/state/talkpact/sessions"

run "$TALKPACT" sessions
expect_rc 0 "no sessions: exit 0"
expect_match out "No sessions yet" "no sessions: says so"
if [ "$(stat -c %a "$dir")" = 700 ] && [ "$(stat -c %a "$HOME/.local/state/talkpact")" = 700 ]; then
	ok "the sessions folder is created 0700"
else
	not_ok "the sessions folder is created 0700" "$(ls -ld "$dir")"
fi

chmod 755 "$dir"
cp "$top_srcdir/tests/sessions/8-10.yaml" "$dir/2026-11-29-sam-1412.yaml"
cat >"$dir/2026-11-30-kim-0900.yaml" <<'YAML'
format: 1
id: "2026-11-30-kim-0900"
created: 2026-11-30T09:00:00Z
updated: 2026-11-30T09:10:00Z
stage: talking
family: {child: "Kim", age: 5, band: 4-7, grown-ups: ["Pat"]}
answers:
- {prompt: "x", state: skipped}
- {prompt: "y", state: given, child: "yes"}
- {prompt: "z", state: later}
- {prompt: "w", state: skipped}
YAML
run "$TALKPACT" sessions
expect_rc 0 "two sessions: exit 0"
[ "$(stat -c %a "$dir")" = 700 ] && ok "a loose sessions folder is made 0700" ||
	not_ok "a loose sessions folder is made 0700"
expect_match out '^ID +CHILD +AGE +CHANGED +STAGE$' "a header line"
first=$(printf '%s\n' "$out" | sed -n 2p)
second=$(printf '%s\n' "$out" | sed -n 3p)
expect_eq "$(echo "$first" | awk '{print $1, $2, $3}')" "2026-11-30-kim-0900 Kim 5" "newest first"
expect_match out 'Talking \(1 answered, 1 for later, 2 skipped\)$' "talking shows how many answered, apart from those for later and skipped"
expect_eq "$(echo "$second" | awk '{print $1, $2, $3}')" "2026-11-29-sam-1412 Sam 9" "then the older one"
expect_match out 'sam-1412 .*Signed, review (on|due since) [0-9]+ [A-Z][a-z]+ [0-9]{4}$' "a signed session says so, with its review date"

printf 'format: 1\nstage: talking\nfamily: [\n' >"$dir/broken.yaml"
before=$(cat "$dir/broken.yaml")
run "$TALKPACT" sessions
expect_rc 65 "a damaged file: exit 65"
expect_match err "broken.yaml:4:1: error: this is not a readable session file" "the damage is named with file, line and column"
expect_match out '^broken.yaml +\? .*damaged' "the damaged file is listed"
expect_match out 'kim-0900' "good sessions are still listed"
expect_eq "$(cat "$dir/broken.yaml")" "$before" "the damaged file is unchanged"

printf 'format: 3\nstage: future\n' >"$dir/broken.yaml"
run "$TALKPACT" sessions
expect_match err "broken.yaml:1:9: error: this session was saved by a newer talkpact \(format 3\)" "a newer format is refused clearly"

run "$TALKPACT" sessions extra
expect_rc 64 "an extra argument: exit 64"
run "$TALKPACT" sessions --help
expect_rc 0 "--help exits 0"
expect_match out '^Usage: talkpact sessions' "--help shows usage"

run env XDG_STATE_HOME="$T/xdg" "$TALKPACT" sessions
[ -d "$T/xdg/talkpact/sessions" ] && ok "XDG_STATE_HOME is used" || not_ok "XDG_STATE_HOME is used"

done_testing
