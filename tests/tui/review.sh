# review.sh: reviewing a signed agreement together in tmux at 80x24. With
# the clock at 1 July 2027 the 8-10 sample (signed 29 November 2026) is due
# for review, so the welcome screen lists "Review it together" first; the
# review goes rule by rule (keep, change or drop, and every voice: the
# child's box, then Alex Smith's and Jo's own boxes), then
# choosing (45 -> 60 minutes), reading through and signing; the result is
# version 2 with "What changed since 29 November 2026", and both versions
# verify. Waits are on what the screen shows, never fixed sleeps.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"
sessions="$HOME/.local/state/talkpact/sessions"
agreements="$HOME/.local/state/talkpact/agreements"
mkdir -p "$sessions"
cp "$top_srcdir/tests/sessions/8-10.yaml" "$sessions/2026-11-29-sam-1412.yaml"
TZ=UTC
export TZ
"$TALKPACT" render 2026-11-29-sam-1412 -f all -o "$agreements/" >/dev/null 2>&1 ||
    not_ok "version 1's files are written"

tui_start env TZ=UTC TALKPACT_NOW=2027-07-01T10:00:00Z "$TALKPACT"
tui_check '▸ Review it together: Sam.s agreement \(review due since 29 May 2027\)' \
    "welcome: the agreement due for review is first, with 'Review it together'"
first=$(tui_screen | grep -n 'Review it together' | cut -d: -f1)
new=$(tui_screen | grep -n 'Start a new conversation' | cut -d: -f1)
[ -n "$first" ] && [ -n "$new" ] && [ "$first" -lt "$new" ] &&
    ok "it is listed before starting a new conversation" ||
    not_ok "listed first" "$(tui_screen)"
tui_keys Enter
tui_check 'Reviewing together, version 2 · A rule · 1 of [0-9]+' "Enter starts the review: version 2"
tui_check 'We keep meal times phone-free, grown-ups too' "the first rule as it was signed"
tui_check '▸ \(•\) Keep it +\( \) Change it +\( \) Drop it' "keep is chosen at first"
# Typed but not confirmed, then F10: kept as a draft, back on 'review'.
tui_keys Enter
tui_type "Half typed"
tui_keys F10
tui_check '^Carry on with: talkpact resume ' "F10 leaves the review"
tui_stop
tui_start env TZ=UTC TALKPACT_NOW=2027-07-01T10:00:00Z "$TALKPACT" review
tui_check 'Reviewing together, version 2 · A rule · 1 of [0-9]+' \
    "'talkpact review' carries on with the review in progress"
tui_check 'Half typed' "what was typed is back in its box"
[ "$(ls "$sessions" | wc -l)" -eq 2 ] && ok "no second review was started" ||
    not_ok "one review" "$(ls "$sessions")"
tui_keys Right
tui_check '\(•\) Change it' "Right: change it"
tui_keys Enter End C-u
tui_type "More time would be fair"
tui_keys Enter
tui_check 'Alex Smith: how did it go\?' "Alex Smith's own box"
tui_type "Agreed: 60 minutes"
tui_keys Enter
tui_check 'Jo: how did it go\?' "then Jo's own box"
tui_type "Fine by me"
tui_keys Enter
tui_check '· 2 of [0-9]+' "every voice typed, Enter in the last box saves and goes to the next rule"
total=$(tui_screen | sed -nE 's/.*· 2 of ([0-9]+).*/\1/p' | head -n 1)
i=2
while [ "$i" -le "$total" ]; do
	if tui_screen | grep -q 'AI chatbots can be wrong'; then
		tui_keys Right Right
		tui_wait_for '\(•\) Drop it' 5 >/dev/null &&
		    ok "the AI chatbot rule: dropped" || not_ok "drop" "$(tui_screen)"
	fi
	tui_keys NPage
	i=$((i + 1))
	tui_wait_for "· $i of|Fill in the blanks" 10 >/dev/null || break
	if [ -z "${asked:-}" ] && tui_screen | grep -q 'What worked well since'; then
		asked=yes
		ok "the band's review questions come after the rules and promises"
	fi
done
[ -n "${asked:-}" ] || not_ok "the band's review questions are asked"
tui_check 'Fill in the blanks' "after the last item: choosing the agreement"
tui_check 'You said you would change 1: change it here\.' \
    "the status line says how many the family said they would change"
tui_keys Down Down Down C-u
tui_type 60
tui_keys Enter
tui_check '^ +60$' "the school-day minutes are now 60"
n=0
while ! tui_screen | grep -Eq 'Space +on/off' && [ "$n" -lt 40 ]; do
	tui_keys Down; tui_settle 100; n=$((n + 1))
done
tui_keys End
tui_check 'Enter +read it through' "End: on to reading it through"
tui_keys Enter
tui_check 'Version 2, replacing the agreement of 29 November 2026' \
    "reading it through: 'Version 2, replacing the agreement of 29 November 2026'"
n=0
while ! tui_screen | grep -q 'What changed since 29 November 2026' && [ "$n" -lt 30 ]; do
	tui_keys NPage; tui_settle 100; n=$((n + 1))
done
tui_check 'What changed since 29 November 2026' "and 'What changed since 29 November 2026'"
tui_keys Down Down Down Down Down Down Down Down
tui_check '45 → 60 minutes' "with the change: 45 → 60 minutes"
tui_keys Enter
tui_check 'Sign your agreement' "Enter: signing"
tui_type "Sam"; tui_keys Enter
tui_type "Alex Smith"; tui_keys Enter
tui_type "Jo"; tui_keys Enter
tui_keys Enter Enter
tui_check 'Well done' "signed: the done screen"
tui_keys Enter
tui_check '^\[exit 0\]$' "Enter finishes with exit 0"
tui_stop

v2="$agreements/agreement-sam-2027-07-01-v2.md"
md=$(cat "$v2" 2>/dev/null)
expect_match md '^Version 2, replacing the agreement of 29 November 2026\.$' "version 2 is written"
expect_match md '^- \*\*Changed\*\*: Sam has 60 minutes of games and videos on a school day, 90 on other days\. \(45 → 60 minutes\)$' \
    "What changed: the minutes"
expect_match md '^- \*\*Dropped\*\*: AI chatbots can be wrong and are not people' "What changed: the dropped rule"
run "$TALKPACT" verify "$v2"
expect_rc 0 "version 2 verifies"
run "$TALKPACT" verify "$agreements/agreement-sam-2026-11-29.md"
expect_rc 0 "version 1 still verifies"
f=$(grep -l '^version: 2$' "$sessions"/*.yaml)
if grep -q '^  child: "More time would be fair"$' "$f" &&
    grep -q '^    Alex Smith: "Agreed: 60 minutes"$' "$f" &&
    grep -q '^    Jo: "Fine by me"$' "$f"; then
	ok "every voice on the first rule is kept in the session, each grown-up's under their name"
else
	not_ok "voices kept" "$(cat "$f")"
fi
if grep -q '"review/' "$f"; then not_ok "the draft is forgotten once confirmed" "$(grep -n review/ "$f")"
else ok "the draft is forgotten once confirmed"; fi

done_testing
