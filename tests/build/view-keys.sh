# view-keys.sh: no screen writes a key's name by hand. The keys line, the
# F1 help and every sentence that names a key take it from keys.c's table
# (struct tui_binding, tui_key()), so a string literal in src/view_*.c that
# names a key ("F2", "Tab", "Esc", "Enter", "PgUp", "Ctrl-K", "press x",
# "x again") is a key written by hand, and fails here. The check is shown
# to bite on a string that does.
. "$top_srcdir/tests/lib.sh"

# keys FILE...: "FILE:LINE: literal" for each string literal naming a key.
keys() {
	for f in "$@"; do
		grep -n '"' "$f" | grep -v '^[0-9]*:[[:space:]]*\(/\*\|\*\)' |
		while IFS= read -r line; do
			n=${line%%:*}
			printf '%s\n' "${line#*:}" | grep -oE '"([^"\\]|\\.)*"' |
			    grep -E '\<(F[0-9]{1,2}|Tab|S-Tab|Esc|Escape|Enter|Return|PgUp|PgDn|PageUp|PageDown|Home|End|Space|Bksp|Backspace|Del|Delete|Up|Down|Left|Right)\>|\<(Ctrl|Alt|Shift|C|M)-[A-Za-z]|\^[A-Z@]|[Pp]ress [a-z?]\>|(^|[ "])[a-z?] (again|twice)\>' |
			    # "Left out." is what a promise switched off says, not a key.
			    grep -v '"Left out\."' | sed "s|^|$f:$n: |"
		done
	done
}

views=$(ls "$top_srcdir"/src/view_*.c)
[ -n "$views" ] && ok "the views are there to read" || not_ok "src/view_*.c"
keys $views >"$T/found"
if [ -s "$T/found" ]; then
	not_ok "no view names a key by hand (use a tui_binding or tui_key())" "$(cat "$T/found")"
else
	ok "no view names a key by hand (use a tui_binding or tui_key())"
fi

# The check must be able to fail.
cat >"$T/view_bad.c" <<'C'
	tui_note(t, "Press Enter to go on, Esc to go back.");
	static const struct tui_hint h[] = { { "F2", "tip" }, { "Tab", "other box" } };
	tui_warn(t, "Press x again to remove it.");
	/* Enter in a comment is fine. */
C
keys "$T/view_bad.c" >"$T/bad"
[ "$(wc -l <"$T/bad")" -eq 4 ] && ok "the check finds keys written by hand (and not in comments)" ||
    not_ok "the check finds keys written by hand" "$(cat "$T/bad")"

done_testing
