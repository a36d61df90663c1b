# region.sh: the family's help lines come from the locale, in tmux at
# 80x24: LANG=en_AU.UTF-8 (not installed here: the screen still shows
# UTF-8) offers Australia's; LC_ALL comes before LC_MESSAGES before LANG;
# a territory with no help lines gives none and the screen says so; none
# can be chosen on purpose and is kept.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"
sessions="$HOME/.local/state/talkpact/sessions"

family() {	# family: the family screen filled in, the cursor on the region
	tui_check 'Start a new conversation' "the welcome screen"
	tui_keys Enter
	tui_check 'Who is talking today' "the family screen"
	tui_type "Zoë"; tui_keys Enter
	tui_type "9"; tui_keys Enter
	tui_type "Kim 李"; tui_keys Enter Enter
}

tui_start env -u LC_ALL -u LC_MESSAGES LANG=en_AU.UTF-8 "$TALKPACT"
family
tui_check 'Help lines for +◂ +Australia' "LANG=en_AU.UTF-8: Australia's help lines are offered"
tui_check '│ Zoë ' "a locale that is not installed still shows UTF-8"
tui_check '│ Kim 李 ' "wide characters too"
tui_keys Down Enter
tui_check ' 1 of [0-9]+' "start talking"
tui_keys F10
tui_check '^\[exit 0\]$' "F10"
tui_stop
f=$(ls "$sessions"/*.yaml | head -n 1)
if grep -q 'region: "AU"' "$f"; then ok "the session keeps AU"; else not_ok "AU kept" "$(cat "$f")"; fi
rm -f "$sessions"/*.yaml "$sessions/../household.yaml"	# a new family

tui_start env LC_ALL=en_GB.UTF-8 LC_MESSAGES=en_IE.UTF-8 LANG=en_AU.UTF-8 "$TALKPACT"
family
tui_check 'Help lines for +◂ +United Kingdom' "LC_ALL comes first: en_GB gives the UK"
tui_keys F10
tui_stop

tui_start env -u LC_ALL LC_MESSAGES=en_IE.UTF-8 LANG=en_AU.UTF-8 "$TALKPACT"
family
tui_check 'Help lines for +◂ +Ireland' "then LC_MESSAGES: en_IE gives Ireland"
tui_keys F10
tui_stop

tui_start env -u LC_ALL -u LC_MESSAGES LANG=en_NZ.UTF-8 "$TALKPACT"
family
tui_check 'none: no help lines for en_NZ yet' "a territory with no help lines: none, and the screen says so"
tui_keys F10
tui_stop

# None on purpose: chosen with the arrows, kept in the file.
rm -f "$sessions"/*.yaml "$sessions/../household.yaml"	# a new family
tui_start env -u LC_ALL -u LC_MESSAGES LANG=en_AU.UTF-8 "$TALKPACT"
family
tui_check 'Help lines for +◂ +Australia' "Australia first"
tui_keys Right
tui_check 'none \(no help lines in the agreement\)' "Right from the last region: none, on purpose"
tui_keys Down Enter
tui_check ' 1 of [0-9]+' "start talking with none"
tui_keys F10
tui_check '^\[exit 0\]$' "F10"
tui_stop
f=$(ls "$sessions"/*.yaml | head -n 1)
if grep -q 'region:' "$f"; then not_ok "none is kept" "$(cat "$f")"; else ok "none chosen on purpose is kept"; fi
done_testing
