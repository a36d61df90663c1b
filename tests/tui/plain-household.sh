# plain-household.sh: plain mode on the sample household (grown-ups Priya
# and Tom): a new child's conversation starts from the household (no
# grown-ups or region asked, nothing of the other children's answers on
# screen), the house rule is offered as agreed, three voices are recorded
# in turn, the child questions the house rule ("not agreed yet", who and
# why), and they sign; then 'sessions', the record and the pact. A third
# child adding a rule for everyone changes the house rules: the other
# signed agreements are marked "house rules changed since you signed" in
# the household file, and their session files are not rewritten.
. "$top_srcdir/tests/lib.sh"

state="$HOME/.local/state/talkpact"
mkdir -p "$HOME/.local/state"
cp -R "$top_srcdir/tests/sessions/household" "$state"
chmod -R u+w "$state"
export TZ=UTC
content="--only-content --content $top_srcdir/tests/tui/content"

{
	printf '1\nIvy\n9\n\n'					# no grown-ups or region asked
	printf 'I play with Ben\nBen is lovely\nI would like to meet his mum\n'
	printf '/skip\n/skip\n\n'				# the rest skipped; go on
	printf '\n\n\n\n'					# the blank, three clauses
	printf '?\nivy\nI read in bed till nine\n'		# the house rule: not yet
	printf '\n\n\n\n'					# no own rule, promises, review
	printf 'Ivy\nPriya\nTom\n'				# signatures
} >"$T/ivy"
run sh -c "TALKPACT_NOW=2026-12-01T17:00:00Z '$TALKPACT' $content <'$T/ivy'"
expect_rc 0 "the second child's conversation from a script exits 0"
expect_match out 'From your household: Priya and Tom' "the household's grown-ups are said, not asked"
expect_no_match out "Grown-up's name" "no grown-up's name is asked"
expect_no_match out 'Help lines for your country' "no region is asked"
expect_match out 'House rule: Phones sleep in the kitchen at nine, grown-ups too \[agreed' \
    "the house rule is offered as already agreed"
expect_match out "Ivy's words: Priya's words \(Enter to pass\): Tom's words \(Enter to pass\): " \
    "each voice is asked in turn"
expect_no_match out 'cousins|football|Ben from next door|class group' \
    "nothing of the other children's answers is on screen"
expect_match out '== Signed ==' "they sign what is agreed"
f=$(ls "$state"/sessions/*-ivy-*.yaml 2>/dev/null | head -n 1)
if [ -n "$f" ] && grep -q '^  house: true' "$f"; then ok "the session keeps its own copy of the house rule"; else
	not_ok "the session keeps its own copy of the house rule" "$(cat "$f" 2>/dev/null)"; fi
if grep -q '^  who: "Ivy"' "$f" && grep -q '^- item: "rule/1"' "$f"; then ok "the questioned house rule is recorded as not agreed by Ivy"; else
	not_ok "the questioned house rule is recorded as not agreed by Ivy" "$(cat "$f")"; fi

run "$TALKPACT" $content sessions
expect_match out 'Ivy +9 .*Signed' "sessions lists the new child as signed"
expect_match out 'Maya' "and the others"
expect_no_match out 'I play with Ben' "sessions shows no answer text"

id=$(basename "$f" .yaml)
run "$TALKPACT" $content render "$id" --record -f md
expect_rc 0 "render --record of the new child exits 0"
expect_match out '^\*\*Ivy\*\*: I play with Ben$' "the record has the child's words"
expect_match out '^\*\*Priya\*\*: Ben is lovely$' "Priya's words under her name"
expect_match out '^\*\*Tom\*\*: I would like to meet his mum$' "Tom's words under his name"
expect_match out '^## Still to agree$' "the pact has 'Still to agree'"
expect_match out 'Not agreed yet by \*\*Ivy\*\*: I read in bed till nine' "with who and why"
run "$TALKPACT" $content render "$id" -f txt
expect_match out 'Still to agree' "the printed pact has it too"

# A third child adds a rule for everyone: the house rules change.
cp "$state/sessions/2026-11-20-maya-1800.yaml" "$T/maya-before"
{
	printf '1\nZed\n10\n\n/skip\n/skip\n/skip\n\n'
	printf '\n\n\n\n\n'					# blank, clauses, house rule
	printf 'We charge phones downstairs\n\n\n'		# a rule for everyone; done
	printf '\n\n\n'						# promises, review
	printf 'Zed\nPriya\nTom\n'
} >"$T/zed"
run sh -c "TALKPACT_NOW=2026-12-02T17:00:00Z '$TALKPACT' $content <'$T/zed'"
expect_rc 0 "the third child signs"
if grep -q 'We charge phones downstairs' "$state/household.yaml"; then ok "the new rule for everyone is a house rule now"; else
	not_ok "the new rule for everyone is a house rule now" "$(cat "$state/household.yaml")"; fi
run "$TALKPACT" $content sessions
expect_match out 'Maya .*house rules changed since you signed' "Maya's agreement is marked for review"
expect_match out 'Ivy .*house rules changed since you signed' "Ivy's agreement is marked for review"
expect_no_match out 'Zed .*house rules changed' "the agreement that changed them is not"
if cmp -s "$T/maya-before" "$state/sessions/2026-11-20-maya-1800.yaml"; then
	ok "a signed session is never rewritten for it"; else not_ok "a signed session is never rewritten for it"; fi

done_testing
