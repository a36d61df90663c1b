# sigkill.sh: kill the saving program with SIGKILL at random moments and
# check that the session file always loads cleanly, holds every change the
# program confirmed, and that no temporary file is readable by others.
. "$top_srcdir/tests/lib.sh"

driver="$top_builddir/tests/unit/session_driver"
[ -x "$driver" ] || skip_all "no session_driver"

rounds=${SIGKILL_ROUNDS:-12}
i=0
while [ $i -lt $rounds ]; do
	i=$((i + 1))
	dir="$T/state$i"
	mkdir -p "$dir"
	"$driver" run "$dir" >"$T/progress$i" 2>"$T/err$i" &
	pid=$!
	# A different moment each round: 10 to 10+20*i ms after the start.
	sleep "0.$(printf '%03d' $((10 + (i * 37) % 400)))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	last=$(tail -n 1 "$T/progress$i" | sed -n 's/^saved //p')
	[ -n "$last" ] || last=-1
	if "$driver" check "$dir" "$last" >"$T/why$i"; then
		ok "round $i: killed after change $last; the file loads and holds it"
	else
		not_ok "round $i: killed after change $last" "$(cat "$T/why$i" "$T/err$i")"
	fi
	loose=$(find "$dir" -name '*.tmp-*' -perm /077 | head -n 1)
	if [ -z "$loose" ]; then
		ok "round $i: no temporary file readable by others"
	else
		not_ok "round $i: no temporary file readable by others" "$(ls -l "$loose")"
	fi
	[ -f "$dir/sessions/kill.yaml" ] && [ "$(stat -c %a "$dir/sessions/kill.yaml")" != 600 ] &&
		not_ok "round $i: the session file is 0600" "$(stat -c %a "$dir/sessions/kill.yaml")"
done

done_testing
