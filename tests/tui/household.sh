# household.sh: a second child's conversation in tmux, started from the
# sample household (grown-ups Priya and Tom): at 80x24 the family screen
# asks only the child's name and age (no grown-up's name, no region) and
# shows the house rule as agreed; the welcome screen shows nothing of the
# other children's answers; the child's box and each grown-up's box are
# reached with Tab and saved each under its own name; at 60x18 the boxes
# still fit (the child's and the grown-up speaking now). Then choosing
# the agreement: the house rule is offered as agreed, n marks it not
# agreed yet by Ivy with her reason, and what is agreed is signed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"
content="$top_srcdir/tests/tui/content"
state="$HOME/.local/state/talkpact"
mkdir -p "$HOME/.local/state"
cp -R "$top_srcdir/tests/sessions/household" "$state"
chmod -R u+w "$state"

tui_start "$TALKPACT" --only-content --content "$content"
tui_check 'Start a new conversation' "the welcome screen"
tui_check 'Carry on: Leo, 9' "Leo's conversation is offered to carry on"
if tui_screen | grep -Eq 'cousins|Ben from next door|class group'; then
	not_ok "the welcome screen shows no answers" "$(tui_screen)"; else ok "the welcome screen shows no answers"; fi
tui_keys Enter
tui_check 'Who is talking today' "the family screen"
tui_type "Ivy"; tui_keys Enter
tui_type "9"; tui_keys Enter
tui_check 'Grown-ups +Priya and Tom' "the household's grown-ups are shown, not asked"
tui_check 'House rules +1, already agreed' "the house rule is offered as agreed"
if tui_screen | grep -q "Grown-up's name"; then not_ok "no grown-up's name is asked" "$(tui_screen)"; else
	ok "no grown-up's name is asked"; fi
if tui_screen | grep -q "Help lines for +◂"; then not_ok "no region is asked" "$(tui_screen)"; else
	ok "no region is asked"; fi
tui_keys Enter
tui_check ' 1 of 3' "start talking"
tui_check "Ivy's words" "the child's box"
tui_check "Priya's words" "Priya's box"
tui_check "Tom's words" "Tom's box"
tui_type "I play with Ben"
tui_keys Tab
tui_type "Ben is lovely"
tui_keys Tab
tui_type "I would like to meet his mum"
tui_check '│ I would like to meet his mum' "each box takes its own words"
tui_resize 60 18
tui_check "Tom's words \(2 of 2; Tab: next\)" "at 60x18: the child's box and the grown-up speaking now"
tui_check '│ I play with Ben' "the child's words are still there"
tui_keys BTab
tui_check "Priya's words \(1 of 2; Tab: next\)" "Shift-Tab to the grown-up before"
tui_resize 80 24
tui_keys Tab Enter
tui_check 'Saved\.' "Enter in the last box saves"
tui_check ' 2 of 3' "and goes on"
tui_keys F10
tui_check '^Carry on with' "F10"
tui_stop
f=$(ls "$state"/sessions/*-ivy-*.yaml 2>/dev/null | head -n 1)
if [ -n "$f" ] && grep -q '^    Priya: "Ben is lovely"$' "$f" && grep -q '^    Tom: "I would like to meet his mum"$' "$f" &&
    grep -q '^  child: "I play with Ben"$' "$f"; then ok "three voices are saved, each under its own name"; else
	not_ok "three voices are saved, each under its own name" "$(cat "$f" 2>/dev/null)"; fi
if grep -q '^  house: true$' "$f"; then ok "the house rule is in the new session"; else not_ok "the house rule is in the new session" "$(cat "$f")"; fi

# The agreement: the house rule offered as agreed; n marks it not agreed
# yet by Ivy, in her words; the rest is signed.
id=$(basename "$f" .yaml)
printf '/skip\n/skip\n\n/quit\n' | "$TALKPACT" --plain --only-content --content "$content" resume "$id" >"$T/on"
tui_start "$TALKPACT" --only-content --content "$content" resume "$id"
tui_check 'Fill in the blanks' "the agreement screen"
tui_check 'Phones sleep in the kitchen at nine, grown-ups too \(for everyone; a' "the house rule is listed"
tui_check 'house rule, agreed\)' "as agreed"
tui_keys Down Down Down Down
tui_check 'n +not yet' "the key line offers n: not yet"
tui_keys n
tui_check 'Not agreed yet by ◂ Ivy ▸, why:' "n asks who does not agree yet (the child first) and why"
tui_type "I read in bed till nine"
tui_keys Enter
tui_check 'Not agreed yet by Ivy: I read in bed till nine' "it shows under the rule, in her words"
tui_keys End Enter
tui_check 'Enter: sign it' "on to reading it through"
tui_keys NPage
tui_check 'Still to agree' "the agreement has 'Still to agree', further down"
tui_keys Enter
tui_check 'Sign your agreement' "what is agreed can still be signed"
tui_type "Ivy"; tui_keys Enter
tui_type "Priya"; tui_keys Enter
tui_type "Tom"; tui_keys Enter
tui_keys Enter Enter
tui_check 'Well done' "signed"
tui_keys F10
tui_stop
if grep -q '^- item: "rule/1"$' "$f" && grep -q '^  who: "Ivy"$' "$f" &&
    grep -q '^  reason: "I read in bed till nine"$' "$f"; then ok "the session keeps who and why"; else
	not_ok "the session keeps who and why" "$(cat "$f")"; fi
run "$TALKPACT" --only-content --content "$content" render "$id" --record -f md
expect_match out 'Not agreed yet by \*\*Ivy\*\*: I read in bed till nine' "the pact says it under 'Still to agree'"
expect_match out '^\*\*Tom\*\*: I would like to meet his mum$' "the record has Tom's own words"

# A damaged household file: the family screen says where, asks for the
# grown-ups as for a first child, and the file is not written over.
printf 'format: 1\ngrown-ups: [Priya, {x: 1}]\n' >"$state/household.yaml"
cp "$state/household.yaml" "$T/damaged"
tui_start "$TALKPACT" --only-content --content "$content"
tui_check 'Start a new conversation' "the welcome screen, with a damaged household"
tui_keys Enter
tui_check 'household\.yaml:2:[0-9]+' "the family screen gives the household's problem as FILE:LINE:COL"
tui_check "Grown-up's name" "and asks for the grown-ups"
tui_keys F10
tui_stop
if cmp -s "$T/damaged" "$state/household.yaml"; then ok "the damaged household file is not written over"; else
	not_ok "the damaged household file is not written over" "$(cat "$state/household.yaml")"; fi

# A review with two grown-ups: a box for each, reached with Tab, and each
# line kept under its own name (in a fresh copy of the household).
mkdir -p "$T/rv"
cp -R "$top_srcdir/tests/sessions/household" "$T/rv/talkpact"
chmod -R u+w "$T/rv/talkpact"
tui_start env XDG_STATE_HOME="$T/rv" TZ=UTC TALKPACT_NOW=2026-12-10T17:00:00Z "$TALKPACT" review 2026-11-20-maya
tui_check 'Reviewing together, version 2 · Still to agree · 1 of' "the review starts with the item still to agree"
tui_keys Enter
tui_check 'Maya: how did it go\?' "the child's box"
tui_type "OK, phones away at dinner"
tui_keys Tab
tui_check 'Priya: how did it go\?' "Priya's own box"
tui_type "Tom too"
tui_keys Tab
tui_check 'Tom: how did it go\?' "Tom's own box"
tui_type "Fine by me"
tui_check '│ Fine by me' "each box takes its own words"
if tui_screen | grep -q "The grown-ups: how did it go"; then not_ok "no shared grown-ups' box" "$(tui_screen)"; else
	ok "no shared grown-ups' box"; fi
tui_keys Enter
tui_check 'Saved\.' "Enter in the last box saves"
tui_check ' 2 of ' "and goes on"
tui_keys F10
tui_check '^Carry on with' "F10 leaves the review"
tui_stop
r=$(grep -l '^version: 2$' "$T/rv/talkpact"/sessions/*.yaml | head -n 1)
note=$(sed -n '/^- item: "still\/clause\/phone-free-meals"/,/^- item/p' "$r" 2>/dev/null)
expect_eq "$(printf '%s\n' "$note" | grep -A3 '^  child:')" \
    "$(printf '  child: "OK, phones away at dinner"\n  voices:\n    Priya: "Tom too"\n    Tom: "Fine by me"')" \
    "the review note keeps the child's line and each grown-up's under their own name"

done_testing
