# sigkill.sh: kill the saving program with SIGKILL at random moments and
# check that the session file always loads cleanly and holds every change
# the program confirmed, and that what it made is private although it runs
# under umask 000 (where a folder made 0777 or a file made 0666 would stay
# so): every folder 0700, every file (temporary ones too) 0600. Odd rounds
# start from a state folder that exists and is open to all (0777): once
# the program has saved, it must have closed it to 0700.
. "$top_srcdir/tests/lib.sh"

driver="$top_builddir/tests/unit/session_driver"
[ -x "$driver" ] || skip_all "no session_driver"

rounds=${SIGKILL_ROUNDS:-12}
i=0
while [ $i -lt $rounds ]; do
	i=$((i + 1))
	dir="$T/state$i"
	if [ $((i % 2)) -eq 1 ]; then
		mkdir -p "$dir" && chmod 0777 "$dir"
		start="an open state folder"
	else
		start="no state folder"
	fi
	(umask 000 && exec "$driver" run "$dir") >"$T/progress$i" 2>"$T/err$i" &
	pid=$!
	# A different moment each round: 10 to 410 ms after the start.
	sleep "0.$(printf '%03d' $((10 + (i * 37) % 400)))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	last=$(tail -n 1 "$T/progress$i" | sed -n 's/^saved //p')
	[ -n "$last" ] || last=-1
	if "$driver" check "$dir" "$last" >"$T/why$i"; then
		ok "round $i ($start): killed after change $last; the file loads and holds it"
	else
		not_ok "round $i ($start): killed after change $last" "$(cat "$T/why$i" "$T/err$i")"
	fi
	# Before the first save the program may not have reached the folder
	# it was given; after it, that folder must be private too.
	if [ "$last" -ge 0 ] || [ ! -d "$dir" ] || [ $((i % 2)) -eq 0 ]; then
		loose_dirs=$(find "$dir" -type d ! -perm 0700 2>/dev/null)
	else
		loose_dirs=$(find "$dir" -mindepth 1 -type d ! -perm 0700 2>/dev/null)
	fi
	loose_files=$(find "$dir" ! -type d ! -perm 0600 2>/dev/null)
	made=$(find "$dir" 2>/dev/null | wc -l | tr -d ' ')
	if [ -z "$loose_dirs$loose_files" ]; then
		ok "round $i: under umask 000, folders are 0700 and files 0600 ($made checked)"
	else
		not_ok "round $i: under umask 000, folders are 0700 and files 0600" \
		    "$(ls -ld $loose_dirs $loose_files)"
	fi
done

done_testing
