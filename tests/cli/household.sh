# household.sh: the sample household (tests/sessions/household/, grown-ups
# Priya and Tom; Maya signed, Leo in progress) copied into an empty state
# folder: 'sessions' lists both children and no answer text; 'render
# --record' of the signed one gives each grown-up's words under their own
# name and "Still to agree"; 'show' prints what is kept about one child;
# 'forget' asks, refuses without a terminal, and removes exactly one
# child's files; a household file is made when missing; a damaged one is
# reported FILE:LINE:COL, never written over, and 'sessions' still lists.
. "$top_srcdir/tests/lib.sh"

state="$HOME/.local/state/talkpact"
fresh() {	# a fresh copy of the sample household
	rm -rf "$HOME/.local"
	mkdir -p "$HOME/.local/state"
	cp -R "$top_srcdir/tests/sessions/household" "$state"
	chmod -R u+w "$state"
}
fresh
export TZ=UTC

run "$TALKPACT" sessions
expect_rc 0 "sessions on the sample household exits 0"
expect_match out '^2026-11-20-maya-1800 +Maya +12 .*Signed' "sessions lists Maya, signed"
expect_match out '^2026-11-27-leo-1730 +Leo +9 .*Talking \(1 answered\)' "sessions lists Leo, in progress"
expect_no_match out 'cousins|kitchen|Ben from next door|football' "sessions shows no answer text"

run "$TALKPACT" render 2026-11-20-maya-1800 --record -f md
expect_rc 0 "render --record of the signed child exits 0"
expect_match out '^\*\*Priya\*\*: I would rather it slept in the kitchen$' "Priya's words are her own paragraph under her name"
expect_match out '^\*\*Tom\*\*: The landing is fine by me$' "Tom's words are his own paragraph under his name"
expect_match out '^\*\*Maya\*\*: On the landing' "the child's words under her name"
expect_no_match out 'Grown-ups\*\*' "never 'Grown-ups' for two people"
expect_match out '^## Still to agree$' "the pact has a 'Still to agree' section"
expect_match out 'Not agreed yet by \*\*Maya\*\*: Tom checks the football scores at dinner' \
    "who is not agreeing yet and why, in her words"
still=$(printf '%s\n' "$out" | sed -n '/^## Still to agree/,/^## /p')
case $still in
*"meal times phone-free"*) ok "the rule not agreed yet is under 'Still to agree'" ;;
*) not_ok "the rule not agreed yet is under 'Still to agree'" "$still" ;;
esac
rules=$(printf '%s\n' "$out" | sed -n '/^## What we all do/,/^## /p')
case $rules in
*"meal times phone-free"*) not_ok "a rule not agreed yet is not among the rules in force" "$rules" ;;
*) ok "a rule not agreed yet is not among the rules in force" ;;
esac
expect_match out 'Phones sleep in the kitchen at nine, grown-ups too' "the house rule is in the pact"

# show: everything kept about one child, nothing of the other's.
run "$TALKPACT" show Leo
expect_rc 0 "show Leo exits 0"
expect_match out 'Ben from next door' "show prints Leo's answers"
expect_match out 'The class group is new to us' "show prints each grown-up's words"
expect_match out 'household.yaml' "show says what the household shares"
expect_no_match out 'cousins|football' "show Leo prints nothing of Maya's"
run "$TALKPACT" show maya
expect_match out 'agreement-maya-2026-11-20\.md' "show lists the child's agreement files"
run "$TALKPACT" show Nobody
expect_rc 66 "show of an unknown child exits 66"

# forget: no terminal and no --yes deletes nothing.
before=$(cd "$state" && find . -type f | sort)
run "$TALKPACT" forget Maya </dev/null
expect_rc 64 "forget without a terminal and without --yes exits 64"
expect_eq "$(cd "$state" && find . -type f | sort)" "$before" "nothing was deleted"
run "$TALKPACT" forget --yes Nobody
expect_rc 66 "forget of an unknown child exits 66"

# Two children called Sam (ages that cannot be one child): ambiguous.
cp "$top_srcdir/tests/sessions/8-10.yaml" "$state/sessions/2026-11-29-sam-1412.yaml"
sed -e 's/^id: .*/id: "2026-11-29-sam-1500"/' -e 's/^  age: 9/  age: 15/' \
    -e 's/^  band: 8-10/  band: 14-17/' "$top_srcdir/tests/sessions/8-10.yaml" \
    >"$state/sessions/2026-11-29-sam-1500.yaml"
run "$TALKPACT" forget --yes Sam
expect_rc 64 "a name two children share exits 64"
expect_match err '2026-11-29-sam-1412' "and lists the first one's id"
expect_match err '2026-11-29-sam-1500' "and the second one's"
rm -f "$state/sessions/2026-11-29-sam-"*

# forget Maya: exactly her files go, Leo's and the household stay.
before=$(cd "$state" && find . -type f | sort)
run "$TALKPACT" forget --yes Maya
expect_rc 0 "forget --yes Maya exits 0"
expect_match out '^Deleted:' "forget lists what it deleted"
expect_match out 'render -o.*not touched' "forget says copies written with -o are not touched"
after=$(cd "$state" && find . -type f | sort)
gone=$(printf '%s\n' "$before" | grep -vxF "$after")
want="./agreements/agreement-maya-2026-11-20.html
./agreements/agreement-maya-2026-11-20.ics
./agreements/agreement-maya-2026-11-20.md
./agreements/agreement-maya-2026-11-20.txt
./sessions/2026-11-20-maya-1800.yaml"
expect_eq "$gone" "$want" "forget removed exactly Maya's files"
expect_eq "$after" "./household.yaml
./sessions/2026-11-27-leo-1730.yaml" "Leo's session and the household are still there"
for f in $(printf '%s\n' "$gone"); do
	case $out in *"${f#./}"*) ;; *) not_ok "the deleted $f is listed" "$out"; continue ;; esac
	ok "the deleted $f is listed"
done

# A file that cannot be deleted: 74, saying why and listing what remains.
# (A folder without write permission; for root, a read-only bind mount in a
# mount namespace of its own.)
fresh
ro="$state/agreements"
if [ "$(id -u)" != 0 ]; then
	chmod 500 "$ro"
	run "$TALKPACT" forget --yes Maya
	chmod 700 "$ro"
	tried=yes
elif unshare -m true 2>/dev/null; then
	run unshare -m sh -c "mount --bind '$ro' '$ro' && mount -o remount,bind,ro '$ro' && exec '$TALKPACT' forget --yes Maya"
	tried=yes
else
	tried=no
fi
if [ "$tried" = yes ]; then
	expect_rc 74 "a file that cannot be deleted: exit 74"
	expect_match err 'cannot delete .*agreement-maya-2026-11-20\.md' "it says which and why"
	expect_match out '^Still there \(could not be deleted\):' "it lists what remains"
	expect_match out 'agreement-maya-2026-11-20\.md' "the file that remains is listed"
else
	skip "a file that cannot be deleted: exit 74" "no way to make a folder read-only here"
fi

# forget --all: the whole household.
fresh
run "$TALKPACT" forget --yes --all
expect_rc 0 "forget --all exits 0"
expect_eq "$(cd "$state" && find . -type f | sort)" "" "forget --all leaves no file"

# A state folder without a household file gets one from its latest session.
fresh
rm "$state/household.yaml"
run "$TALKPACT" sessions
expect_rc 0 "sessions without a household file exits 0"
if [ -f "$state/household.yaml" ]; then ok "a household file is made"; else not_ok "a household file is made"; fi
expect_eq "$(stat -c %a "$state/household.yaml" 2>/dev/null)" 600 "the household file is private (0600)"
expect_match out 'Leo' "and the sessions are listed"
if grep -q '"Priya"' "$state/household.yaml" && grep -q '"Tom"' "$state/household.yaml"; then
	ok "the made household has the grown-ups"; else not_ok "the made household has the grown-ups" "$(cat "$state/household.yaml")"; fi

# A damaged household file: FILE:LINE:COL, never written over, sessions still listed.
printf 'format: 1\ngrown-ups: [Priya, {x: 1}]\n' >"$state/household.yaml"
cp "$state/household.yaml" "$T/damaged"
run "$TALKPACT" sessions
expect_rc 65 "a damaged household file: sessions exits 65"
expect_match err 'household\.yaml:2:[0-9]+: error: ' "the problem is given as FILE:LINE:COL"
expect_match out 'Maya' "the sessions are still listed from their own copies"
expect_match out 'Leo' "both of them"
printf '1\nNoor\n8\n\n' | "$TALKPACT" --plain >"$T/plain-out" 2>&1
if cmp -s "$state/household.yaml" "$T/damaged"; then ok "the damaged household file is not written over"; else
	not_ok "the damaged household file is not written over" "$(cat "$state/household.yaml")"; fi

done_testing
