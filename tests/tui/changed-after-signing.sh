# changed-after-signing.sh: the welcome screen (the real program in tmux)
# with a signed session that was edited after signing beside one that was
# not: it says "changed after signing", will not open it, and leaves its
# file exactly as it was.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"
dir="$HOME/.local/state/talkpact/sessions"
mkdir -p "$dir"
cp "$top_srcdir/tests/sessions/tampered/8-10-bedtime.yaml" "$dir/2026-11-29-sam-1412.yaml"
sed -e 's/^id: .*/id: "2026-11-29-ayo-1412"/' \
    "$top_srcdir/tests/sessions/11-13.yaml" >"$dir/2026-11-29-ayo-1412.yaml"
cp "$dir/2026-11-29-sam-1412.yaml" "$T/before.yaml"

tui_start "$TALKPACT"
tui_check 'Look at the signed agreement: Sam, 9, changed after signing' \
    "the welcome screen says the edited one was changed after signing"
tui_check 'Look at the signed agreement: Ayo, 12, signed on 2026-11-29' \
    "and the untouched one is signed as before"
# Down to the edited one (listed second: both changed at the same time,
# then by name), Enter.
tui_keys Down Down Enter
tui_check 'changed after signing, so it is not opened' "opening it is refused, with why"
tui_check 'Look at the signed agreement: Sam' "the welcome screen stays"
tui_keys q
tui_check '^\[exit 0\]$' "q quits"
tui_stop
cmp -s "$T/before.yaml" "$dir/2026-11-29-sam-1412.yaml" &&
	ok "the edited file is left exactly as it was" ||
	not_ok "the edited file is left exactly as it was"

done_testing
