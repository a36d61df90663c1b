# rules.sh: a rule of the family's own, in tmux at 80x24: Esc while typing
# a new rule keeps it (as a draft, back when the screen opens again, and
# after leaving with F10 and 'talkpact resume'); x asks before removing a
# rule and only a second x removes it; the status line says whom a rule is
# for as the choice changes.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"
content="$top_srcdir/tests/tui/content"
sessions="$HOME/.local/state/talkpact/sessions"

# A session at the agreement, made in plain mode.
printf '1\nAda\n9\n\nKim\n\n\n/skip\n/skip\n/skip\n\n/quit\n' |
    "$TALKPACT" --plain --only-content --content "$content" >"$T/plain.out"
f=$(ls "$sessions"/*.yaml | head -n 1)
id=$(basename "$f" .yaml)
grep -q 'stage: agreeing' "$f" && ok "a session at the agreement" || not_ok "setup" "$(cat "$T/plain.out")"

tui_start "$TALKPACT" --only-content --content "$content" resume "$id"
tui_check 'Fill in the blanks' "the agreement screen"
tui_keys Down Down Down Down
tui_check '\+ +◂ for everyone' "Down to adding a rule"
tui_type "Phones charge in the hall"
tui_keys Escape
tui_check ' of [0-9]+|Come back to these' "Esc goes back to talking"
tui_keys End Enter
tui_check 'Fill in the blanks' "back on the agreement screen (Go on)"
tui_keys Down Down Down Down
tui_check 'Phones charge in the hall' "the rule half typed before Esc is still there"
tui_keys F10
tui_check '^Carry on with' "F10"
tui_stop
grep -q 'rule/new' "$f" && ok "kept as a draft in the file" || not_ok "draft in file" "$(cat "$f")"

tui_start "$TALKPACT" --only-content --content "$content" resume "$id"
tui_check 'Fill in the blanks' "resume: the agreement screen"
tui_keys Down Down Down Down
tui_check 'Phones charge in the hall' "resume: the rule half typed is back"
tui_keys Enter
tui_check "Rule added, for everyone" "the rule is added for whom the choice said"
tui_keys Up
tui_check 'Phones charge in the hall \(for ' "the rule is listed"
tui_keys Right
tui_check 'This rule is now for ' "Right on a rule: the status line says whom it is now for"
now=$(tui_screen | sed -nE 's/.*This rule is now for (.*)\./\1/p' | head -n 1)
tui_check "Phones charge in the hall \\(for $now\\)" "and the rule shows the same"
tui_keys x
tui_check 'Press x again to remove "Phones charge in the hall"' "x asks first, naming the rule"
tui_keys Down
sleep 0.3
tui_keys Up
tui_check 'Phones charge in the hall \(for ' "another key keeps the rule"
tui_keys x x
tui_check 'Rule removed' "x twice removes it"
tui_keys F10
tui_stop
if grep -q 'Phones charge' "$f"; then not_ok "removed in the file" "$(cat "$f")"; else ok "removed in the file, draft forgotten"; fi

# A blank's value typed, then F10: back in its box after resume.
tui_start "$TALKPACT" --only-content --content "$content" resume "$id"
tui_check 'Fill in the blanks' "the agreement screen, on the first blank"
tui_keys C-u
tui_type "20:45"
tui_check '20:45' "a value typed"
tui_keys F10
tui_check '^Carry on with' "F10"
tui_stop
grep -q 'blank/.*20:45' "$f" && ok "the blank's value is kept as a draft" || not_ok "blank draft" "$(cat "$f")"
tui_start "$TALKPACT" --only-content --content "$content" resume "$id"
tui_check '20:45' "resume: the value typed is back in its box"
tui_keys Down
tui_check 'Saved\.' "moving on confirms it"
tui_keys F10
tui_stop
if grep -q 'blank/' "$f"; then not_ok "draft forgotten" "$(cat "$f")"
elif grep -q '20:45' "$f"; then ok "confirmed: the value saved, the draft forgotten"
else not_ok "value saved" "$(cat "$f")"; fi
done_testing
