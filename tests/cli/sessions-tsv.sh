# sessions-tsv.sh: 'talkpact sessions --format tsv', the list scripts and
# shell completion read: no header, one line per session, newest first,
# five columns (id, child, stage, updated in UTC, review date). The review
# date must be the one the rendered agreement gives.
. "$top_srcdir/tests/lib.sh"

dir="$HOME/.local/state/talkpact/sessions"
TZ=UTC
export TZ

run "$TALKPACT" sessions --format tsv
expect_rc 0 "no sessions: exit 0"
expect_eq "$out" "" "no sessions: nothing printed, not even a header"

mkdir -p "$dir"
cp "$top_srcdir/tests/sessions/8-10.yaml" "$dir/2026-11-29-sam-1412.yaml"
cp "$top_srcdir/tests/sessions/11-13.yaml" "$dir/2026-11-29-ayo-1412.yaml"
# The 8-10 sample again, with its own review interval of 1 month (its
# format-1 copy: adding a key to a signed format-2 file changes it after
# signing).
sed -e 's/^id: .*/id: "2026-11-28-sam-1000"/' \
    -e 's/^updated: .*/updated: 2026-11-28T10:00:00Z/' \
    "$top_srcdir/tests/sessions/format1/8-10.yaml" >"$dir/2026-11-28-sam-1000.yaml"
printf 'review-months: 1\n' >>"$dir/2026-11-28-sam-1000.yaml"
cat >"$dir/2026-11-30-kim-0900.yaml" <<'YAML'
format: 1
id: "2026-11-30-kim-0900"
created: 2026-11-30T09:00:00Z
updated: 2026-11-30T09:10:00Z
stage: talking
family: {child: "Kim", age: 5, band: 4-7, grown-ups: ["Pat"]}
answers:
- {prompt: "x", state: skipped}
YAML
cat >"$dir/2026-12-01-0800.yaml" <<'YAML'
format: 1
id: "2026-12-01-0800"
created: 2026-12-01T08:00:00Z
updated: 2026-12-01T08:00:00Z
stage: family
YAML
# The order is the program's (newest change first); ayo and sam-1412
# changed at the same moment, so compare those two as a set.
run "$TALKPACT" sessions --format tsv
expect_rc 0 "sessions --format tsv exits 0"
expect_eq "$(printf '%s\n' "$out" | sed -n '1p;2p')" \
"2026-12-01-0800		family	2026-12-01T08:00:00Z	
2026-11-30-kim-0900	Kim	talking	2026-11-30T09:10:00Z	" \
    "unsigned sessions: id, child (empty before it is given), stage, updated, no review date"
expect_eq "$(printf '%s\n' "$out" | sed -n '3p;4p' | sort)" \
"2026-11-29-ayo-1412	Ayo	signed	2026-11-29T15:30:00Z	2027-03-01
2026-11-29-sam-1412	Sam	signed	2026-11-29T15:30:00Z	2027-05-29" \
    "signed sessions: the review date from the template's interval (3 and 6 months)"
expect_eq "$(printf '%s\n' "$out" | sed -n 5p)" \
    "2026-11-28-sam-1000	Sam	signed	2026-11-28T10:00:00Z	2026-12-29" \
    "a session's own review interval comes before the template's"
expect_eq "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 5 "one line per session"
expect_eq "$(printf '%s\n' "$out" | awk -F'\t' 'NF != 5' | wc -l | tr -d ' ')" 0 \
    "every line has five columns"

# One owner for the review date: the agreement says the same day.
for id in 2026-11-29-sam-1412 2026-11-29-ayo-1412 2026-11-28-sam-1000; do
	want=$(printf '%s\n' "$out" | awk -F'\t' -v id="$id" '$1 == id { print $5 }')
	said=$("$TALKPACT" render "$id" --format md |
	    sed -n 's/^We will look at this again together by \*\*\(.*\)\*\* (in .*$/\1/p')
	expect_eq "$(date -u -d "$said" +%Y-%m-%d 2>/dev/null)" "$want" \
	    "$id: the review date is the one its agreement gives ($said)"
done

# The same dates whatever the machine's timezone says of updated.
run env TZ=America/Los_Angeles "$TALKPACT" sessions --format tsv
expect_match out '^2026-11-30-kim-0900	Kim	talking	2026-11-30T09:10:00Z	$' \
    "updated is UTC in any timezone"

# A damaged file: listed by its name, its problem on stderr, exit 65.
printf 'format: 1\nstage: talking\nfamily: [\n' >"$dir/broken.yaml"
run "$TALKPACT" sessions --format tsv
expect_rc 65 "a damaged file: exit 65"
expect_match out '^broken		damaged		$' "a damaged file is listed as damaged"
expect_match err 'broken\.yaml:4:1: error: ' "its problem is on stderr with its place"
expect_match out '^2026-11-30-kim-0900	' "good sessions are still listed"
rm -f "$dir/broken.yaml"

# Tabs in a hand-edited name cannot break the columns.
sed -e 's/^id: .*/id: "2026-11-27-tab-1000"/' -e 's/^updated: .*/updated: 2026-11-27T10:00:00Z/' \
    -e 's/^  child: "Sam"/  child: "Sa\\tm"/' \
    "$top_srcdir/tests/sessions/8-10.yaml" >"$dir/2026-11-27-tab-1000.yaml"
run "$TALKPACT" sessions --format tsv
expect_eq "$(printf '%s\n' "$out" | awk -F'\t' 'NF != 5' | wc -l | tr -d ' ')" 0 \
    "a name with a tab still gives five columns"
rm -f "$dir/2026-11-27-tab-1000.yaml"

run "$TALKPACT" sessions --format table
expect_rc 64 "an unknown format exits 64"
expect_match err "unknown format 'table'" "an unknown format is named"
run "$TALKPACT" sessions -f
expect_rc 64 "--format without a value exits 64"
run "$TALKPACT" sessions --help
expect_match out 'tsv' "--help explains --format tsv"

done_testing
