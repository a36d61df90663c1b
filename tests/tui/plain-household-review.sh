# plain-household-review.sh: a review in plain mode on the sample
# household, after a second child (Ivy) has signed: the item Maya had not
# agreed to yet comes first; keeping it brings it into force (no longer
# "Still to agree"); dropping the house rule in Maya's review changes the
# house rules, so Ivy's agreement is marked "house rules changed since you
# signed" (in 'sessions' and on the welcome menu), not Maya's own earlier
# version, and no signed session file is rewritten.
. "$top_srcdir/tests/lib.sh"

state="$HOME/.local/state/talkpact"
mkdir -p "$HOME/.local/state"
cp -R "$top_srcdir/tests/sessions/household" "$state"
chmod -R u+w "$state"
TZ=UTC
export TZ
house='Phones sleep in the kitchen at nine, grown-ups too'

# Ivy: a short talk, everything skipped and left as offered, signed.
{
	printf '1\nIvy\n9\n\n/short\n'
	i=0; while [ $i -lt 15 ]; do printf '/skip\n'; i=$((i + 1)); done
	i=0; while [ $i -lt 150 ]; do printf '\n'; i=$((i + 1)); done
	printf 'Ivy\nPriya\nTom\n'
} >"$T/ivy"
run sh -c "TALKPACT_NOW=2026-12-01T17:00:00Z '$TALKPACT' --plain <'$T/ivy'"
expect_match out '== Signed ==' "Ivy signs, from the household"
ivy=$(basename "$(ls "$state"/sessions/*-ivy-*.yaml)" .yaml)
cp "$state/sessions/$ivy.yaml" "$T/ivy-before"
cp "$state/sessions/2026-11-20-maya-1800.yaml" "$T/maya-before"

# Where the house rule comes in Maya's review: a look first, in a copy.
mkdir -p "$T/look"
cp -R "$state" "$T/look/talkpact"
i=0; while [ $i -lt 300 ]; do printf '\n'; i=$((i + 1)); done >"$T/enters"
printf '/quit\n' >>"$T/enters"
run sh -c "XDG_STATE_HOME='$T/look' TALKPACT_NOW=2026-12-10T17:00:00Z '$TALKPACT' --plain review 2026-11-20-maya <'$T/enters'"
rm -rf "$T/look"
first=$(printf '%s\n' "$out" | grep -A1 '^\[Still to agree · 1 of' | tail -n 1)
expect_eq "$first" "We keep meal times phone-free, and that includes the grown-ups." \
    "the item still to agree comes first in the review"
expect_match out '^Not agreed yet by Maya: Tom checks the football scores at dinner\. Keep: everyone agrees now\.' \
    "with who had not agreed and why, and what keeping it means"
k=$(printf '%s\n' "$out" | grep -B1 -x "$house" | sed -n 's/^\[A rule · \([0-9]*\) of.*/\1/p' | head -n 1)
[ -n "$k" ] && ok "the house rule is one of the review's rules ($k)" ||
	not_ok "the house rule is one of the review's rules" "$out"

# The review: keep the item still to agree, drop the house rule, sign.
{
	printf 'keep\nOK, phones away at dinner\nTom too\nFine by me\n'
	i=2; while [ $i -lt "${k:-2}" ]; do printf '\n\n\n\n'; i=$((i + 1)); done
	printf 'drop\nIt never worked\n\n\n'
	i=0; while [ $i -lt 300 ]; do printf '\n'; i=$((i + 1)); done
	printf 'Maya\nPriya\nTom\n'
} >"$T/review"
run sh -c "TALKPACT_NOW=2026-12-10T17:00:00Z '$TALKPACT' --plain review 2026-11-20-maya <'$T/review'"
expect_rc 0 "the review signs and exits 0"
expect_match out '== Signed ==' "Maya's version 2 is signed"
expect_match out "^Maya's words: Priya's words \\(Enter to pass\\): Tom's words \\(Enter to pass\\): " \
    "each grown-up is asked in turn, under their own name"
v2=$(grep -l '^version: 2$' "$state"/sessions/*.yaml | head -n 1)
# Each grown-up's line under their own name in the note, no shared line.
note=$(sed -n '/^- item: "still\/clause\/phone-free-meals"/,/^- item/p' "$v2")
expect_eq "$(printf '%s\n' "$note" | grep -A2 '^  voices:')" \
    "$(printf '  voices:\n    Priya: "Tom too"\n    Tom: "Fine by me"')" \
    "Priya's and Tom's lines are kept under their own names"
case $note in
*"grown-up:"*) not_ok "and not as one shared line" "$note" ;;
*) ok "and not as one shared line" ;;
esac
run "$TALKPACT" render "$(basename "$v2" .yaml)" -f md
expect_no_match out 'Still to agree' "kept: nothing is still to agree in version 2"
expect_match out 'We keep meal times phone-free' "the item agreed now is in force"
all=$(printf '%s\n' "$out" | sed -n '/^## What we all do/,/^## /p')
case $all in
*"$house"*) not_ok "the dropped house rule is no longer among the rules" "$all" ;;
*) ok "the dropped house rule is no longer among the rules" ;;
esac
expect_match out "\*\*Dropped\*\*: $house" "and 'What changed' says it was dropped"
if grep -q "$house" "$state/household.yaml"; then not_ok "the household's house rules changed" "$(cat "$state/household.yaml")"; else
	ok "the household's house rules changed"; fi

run "$TALKPACT" sessions
expect_match out "^$ivy .*house rules changed since you signed" "Ivy's agreement is marked for review"
expect_no_match out '^2026-11-20-maya-1800 .*house rules changed' "Maya's own earlier version is not"
expect_no_match out "^$(basename "$v2" .yaml) .*house rules changed" "nor the review that changed them"
printf '/quit\n' | "$TALKPACT" --plain >"$T/menu" 2>&1
if grep -q 'Ivy.*house rules changed since you signed' "$T/menu"; then ok "the welcome menu says so too"; else
	not_ok "the welcome menu says so too" "$(cat "$T/menu")"; fi
if cmp -s "$T/ivy-before" "$state/sessions/$ivy.yaml" && cmp -s "$T/maya-before" "$state/sessions/2026-11-20-maya-1800.yaml"; then
	ok "no signed session file is rewritten"; else not_ok "no signed session file is rewritten"; fi

done_testing
