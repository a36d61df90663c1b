# sessions-review.sh: 'talkpact sessions' shows when a signed agreement is
# to be looked at again, "review on 29 May 2027", and from that day on
# "review due since 29 May 2027"; the date is the rendered agreement's
# (the session's review interval, or else its template's), and the clock
# is TALKPACT_NOW.
. "$top_srcdir/tests/lib.sh"

dir="$HOME/.local/state/talkpact/sessions"
TZ=UTC
export TZ
mkdir -p "$dir"
cp "$top_srcdir/tests/sessions/8-10.yaml" "$dir/2026-11-29-sam-1412.yaml"

run env TALKPACT_NOW=2026-12-15T10:00:00Z "$TALKPACT" sessions
expect_rc 0 "15 December 2026: exit 0"
expect_match out '^2026-11-29-sam-1412 .* Signed, review on 29 May 2027$' \
    "15 December 2026: the 8-10 sample says 'review on 29 May 2027'"
expect_no_match out 'due' "15 December 2026: not due yet"

run env TALKPACT_NOW=2027-05-28T23:59:59Z "$TALKPACT" sessions
expect_match out ' Signed, review on 29 May 2027$' "the day before: still 'review on'"

run env TALKPACT_NOW=2027-05-29T00:00:00Z "$TALKPACT" sessions
expect_match out ' Signed, review due since 29 May 2027$' "on the day itself: due"

run env TALKPACT_NOW=2027-07-01T10:00:00Z "$TALKPACT" sessions
expect_rc 0 "1 July 2027: exit 0"
expect_match out '^2026-11-29-sam-1412 .* Signed, review due since 29 May 2027$' \
    "1 July 2027: 'review due since 29 May 2027'"

# The session's own interval wins over the template's (6 months); the
# format-1 copy, since adding a key to a signed format-2 file changes it
# after signing.
sed -e 's/^id: .*/id: "2026-11-28-sam-1000"/' \
    "$top_srcdir/tests/sessions/format1/8-10.yaml" >"$dir/2026-11-28-sam-1000.yaml"
printf 'review-months: 1\n' >>"$dir/2026-11-28-sam-1000.yaml"
run env TALKPACT_NOW=2026-12-15T10:00:00Z "$TALKPACT" sessions
expect_match out '^2026-11-28-sam-1000 .* Signed, review on 29 December 2026$' \
    "a session's own review interval: 'review on 29 December 2026'"
expect_match out '^2026-11-29-sam-1412 .* Signed, review on 29 May 2027$' \
    "beside it the template's interval still gives 29 May 2027"

# The same date the agreement prints.
run env TALKPACT_NOW=2026-12-15T10:00:00Z "$TALKPACT" render 2026-11-29-sam-1412 -f txt
printf '%s\n' "$out" | grep -q '29 May 2027' &&
	ok "the rendered agreement gives the same date" ||
	not_ok "the rendered agreement gives the same date" "$out"

# tsv keeps its ISO review-date column, due or not.
run env TALKPACT_NOW=2027-07-01T10:00:00Z "$TALKPACT" sessions --format tsv
expect_match out '^2026-11-29-sam-1412	Sam	signed	2026-11-29T15:30:00Z	2027-05-29$' \
    "tsv: the review-date column is unchanged"

# Not signed: no review date.
cat >"$dir/2026-11-30-kim-0900.yaml" <<'YAML'
format: 1
id: "2026-11-30-kim-0900"
created: 2026-11-30T09:00:00Z
updated: 2026-11-30T09:10:00Z
stage: talking
family: {child: "Kim", age: 5, band: 4-7, grown-ups: ["Pat"]}
answers:
- {prompt: "x", state: given, child: "yes"}
YAML
run env TALKPACT_NOW=2027-07-01T10:00:00Z "$TALKPACT" sessions
expect_match out '^2026-11-30-kim-0900 .* Talking \(1 answered\)$' "an unsigned session shows no review"

done_testing
