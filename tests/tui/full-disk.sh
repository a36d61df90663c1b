# full-disk.sh: the full-screen program on a full disk (a small tmpfs in a
# private mount namespace, as root), in tmux at 80x24: a change that
# cannot be saved shows "Not saved: ... No space left on device" on the
# status line, never "Saved.", and leaving says what was not saved and how
# to keep it, with exit status 74.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"
[ "$(id -u)" -eq 0 ] || skip_all "needs root for a private tmpfs"
unshare -m --propagation private true 2>/dev/null || skip_all "no private mount namespace here"

state="$T/state"
mkdir -p "$state"
cat >"$T/run.sh" <<'RUN'
mount -t tmpfs -o size=64k,mode=0700 tmpfs "$1" || exit 99
dd if=/dev/zero of="$1/fill" bs=1k count=200 2>/dev/null
XDG_STATE_HOME="$1" exec "$2"
RUN
tui_start unshare -m --propagation private sh "$T/run.sh" "$state" "$TALKPACT"
tui_check 'Start a new conversation' "the welcome screen"
tui_keys Enter
tui_check 'Who is talking today' "the family screen"
tui_type "Ada"; tui_keys Enter
tui_check 'Not saved: .*No space left' "a change that cannot be saved says so on the status line"
if tui_screen | grep -q 'Saved\.'; then not_ok "never 'Saved.'" "$(tui_screen)"; else ok "never 'Saved.'"; fi
tui_keys F10
tui_check '^\[exit 74\]$' "leaving exits 74"
tui_check 'The latest change is not saved.*free some space' "leaving says what was not saved and how to keep it"
tui_stop
done_testing
