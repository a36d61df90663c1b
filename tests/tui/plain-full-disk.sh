# plain-full-disk.sh: on a full disk (a small tmpfs in a private mount
# namespace, as root) plain mode says "Not saved: ... No space left on
# device" for each change, never ends with "Saved.", says what was not
# saved and how to keep it, and exits 74; the file saved before is left
# whole and still loads.
. "$top_srcdir/tests/lib.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root for a private tmpfs"
command -v unshare >/dev/null 2>&1 || skip_all "unshare is not installed"
unshare -m --propagation private true 2>/dev/null || skip_all "no private mount namespace here"

state="$T/state"
mkdir -p "$state"
cat >"$T/inner.sh" <<'INNER'
set -u
state=$1 talkpact=$2 content=$3 out=$4
mount -t tmpfs -o size=64k,mode=0700 tmpfs "$state" || exit 99
export XDG_STATE_HOME="$state"
# With room: a session is saved.
printf '1\nAda\n9\n\nKim\n\nUK\nFirst answer\n\n/quit\n' |
    "$talkpact" --plain --only-content --content "$content" >"$out.1" 2>&1
echo "rc=$?" >>"$out.1"
cp "$state"/talkpact/sessions/*.yaml "$out.before"
# Fill the disk.
dd if=/dev/zero of="$state/fill" bs=1k count=200 2>/dev/null
# A new conversation, and the saved one carried on: nothing can be saved.
printf '1\nBo\n9\n\nKim\n\n\n/quit\n' |
    "$talkpact" --plain --only-content --content "$content" >"$out.2" 2>&1
echo "rc=$?" >>"$out.2"
printf 'Second answer\nyes\n/quit\n' |
    "$talkpact" --plain --only-content --content "$content" resume >"$out.3" 2>&1
echo "rc=$?" >>"$out.3"
cp "$state"/talkpact/sessions/*.yaml "$out.after"
ls -a "$state"/talkpact/sessions >"$out.ls"
"$talkpact" sessions >"$out.sessions" 2>&1
INNER
unshare -m --propagation private sh "$T/inner.sh" "$state" "$TALKPACT" \
    "$top_srcdir/tests/tui/content" "$T/o"
o1=$(cat "$T/o.1"); o2=$(cat "$T/o.2"); o3=$(cat "$T/o.3")
case $o1 in *"Saved. Carry on later with: talkpact resume "*"rc=0"*) ok "with room: saved, exit 0";; *) not_ok "with room" "$o1";; esac
n=$(printf '%s\n' "$o2" | grep -c '! Not saved: .*No space left on device')
if [ "$n" -ge 3 ]; then ok "a new conversation on a full disk: 'Not saved' for each change ($n)"
else not_ok "Not saved for each change" "$o2"; fi
if printf '%s\n' "$o2" | grep -q '^Saved\.'; then not_ok "never 'Saved.'" "$o2"; else ok "never 'Saved.' when it was not"; fi
last=$(printf '%s\n' "$o2" | grep -v '^rc=' | tail -n 1)
case $last in *"not saved"*"free some space"*) ok "the last line says what was not saved and how to keep it";; *) not_ok "last line" "$last";; esac
case $o2 in *"rc=74"*) ok "exit 74";; *) not_ok "exit 74" "$o2";; esac
if printf '%s\n' "$o3" | grep -q '! Not saved: .*No space left on device'; then ok "carrying on: the answer is not saved, and it says so"
else not_ok "resume: not saved" "$o3"; fi
case $o3 in *"talkpact resume 20"*"rc=74"*) ok "carrying on: the last line says how to carry on from what was saved, exit 74";; *) not_ok "resume last line" "$o3";; esac
if printf '%s\n' "$o3" | grep -q '^Saved\.'; then not_ok "resume: never Saved." "$o3"; else ok "carrying on: never 'Saved.'"; fi
if cmp -s "$T/o.before" "$T/o.after"; then ok "the file saved before is untouched"; else not_ok "untouched" "$(diff "$T/o.before" "$T/o.after")"; fi
if grep -q 'tmp' "$T/o.ls"; then not_ok "no temporary files left" "$(cat "$T/o.ls")"; else ok "no temporary files left"; fi
if grep -q 'Ada' "$T/o.sessions"; then ok "the saved session still loads"; else not_ok "still loads" "$(cat "$T/o.sessions")"; fi
done_testing
