# render-ics.sh: 'talkpact render SESSION -f ics' writes the review date
# as an iCalendar file that a real parser (Python's icalendar, Debian's
# python3-icalendar) reads back: one all-day VEVENT on the review date,
# a stable UID, DTSTAMP from the clock, the summary with a hostile child's
# name intact; CRLF endings and lines of at most 75 octets. '-f all'
# includes it; an unsigned session exits 65.
. "$top_srcdir/tests/lib.sh"

dir="$HOME/.local/state/talkpact/sessions"
TZ=UTC
TALKPACT_NOW=2026-12-15T10:00:00Z
export TZ TALKPACT_NOW
mkdir -p "$dir"
cp "$top_srcdir/tests/sessions/8-10.yaml" "$dir/2026-11-29-sam-1412.yaml"
# Quotes, an apostrophe, a semicolon, commas, a backslash, emoji (one a
# joined family), letters outside ASCII; long enough to be folded.
name='Zoë "Ziggy" O'"'"'Brien; Jr, a\b 🦊👩‍👧‍👦 Ångström-Smith'
sed -e 's/^id: .*/id: "2026-11-29-zoe-1412"/' \
    -e "s/^  child: \"Sam\"\$/  child: '$(printf '%s' "$name" | sed "s/'/''/g; s/[\\&/]/\\\\&/g")'/" \
    "$top_srcdir/tests/sessions/format1/8-10.yaml" >"$dir/2026-11-29-zoe-1412.yaml"
grep -q "Ziggy" "$dir/2026-11-29-zoe-1412.yaml" || not_ok "the hostile session is made"

run "$TALKPACT" render 2026-11-29-sam-1412 -f ics -o "$T/sam.ics"
expect_rc 0 "-f ics -o FILE: exit 0"
run "$TALKPACT" render 2026-11-29-zoe-1412 -f ics
expect_rc 0 "-f ics to standard output: exit 0"
"$TALKPACT" render 2026-11-29-zoe-1412 -f ics >"$T/zoe.ics" 2>/dev/null

# The file as octets: CRLF only, no line longer than 75 octets, folded.
bare=$(LC_ALL=C awk '!/\r$/' "$T/zoe.ics" | wc -l)
if [ -s "$T/zoe.ics" ] && [ "$bare" -eq 0 ] &&
    [ "$(tr -cd '\r' <"$T/zoe.ics" | wc -c)" -eq "$(wc -l <"$T/zoe.ics")" ]; then
	ok "every line ends in CRLF"
else
	not_ok "every line ends in CRLF" "$(od -c "$T/zoe.ics" | head)"
fi
long=$(tr -d '\r' <"$T/zoe.ics" | LC_ALL=C awk 'length($0) > 75' | wc -l)
expect_eq "$long" 0 "no line is longer than 75 octets"
[ "$(grep -c '^ ' "$T/zoe.ics")" -ge 2 ] &&
	ok "long lines are folded (continuation lines start with a space)" ||
	not_ok "long lines are folded (continuation lines start with a space)" "$(cat "$T/zoe.ics")"
expect_match out '^UID:talkpact-review-2026-11-29-zoe-1412' "the UID is built from the session id"

# A real parser: the python3 on PATH, else Debian's.
py=""
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 &&
	    "$p" -c 'import icalendar' >/dev/null 2>&1; then
		py=$p
		break
	fi
done
if [ -z "$py" ]; then
	skip "a real iCalendar parser reads the file back" \
	    "no python3 with the icalendar module (apt-get install python3-icalendar)"
else
	cat >"$T/read.py" <<'PY'
import sys, datetime, icalendar
want_name = sys.argv[2]
data = open(sys.argv[1], "rb").read()
cal = icalendar.Calendar.from_ical(data)
problems = []
def check(cond, what):
    if not cond:
        problems.append(what)
check(str(cal.get("VERSION")) == "2.0", "VERSION is %r" % cal.get("VERSION"))
check(cal.get("PRODID") is not None, "no PRODID")
events = [c for c in cal.walk() if c.name == "VEVENT"]
check(len(events) == 1, "%d VEVENTs" % len(events))
ev = events[0]
start = ev.decoded("DTSTART")
check(type(start) is datetime.date and start == datetime.date(2027, 5, 29),
      "DTSTART is %r" % (start,))
check(ev["DTSTART"].params.get("VALUE") == "DATE", "DTSTART is not VALUE=DATE")
stamp = ev.decoded("DTSTAMP")
check(stamp == datetime.datetime(2026, 12, 15, 10, 0, 0, tzinfo=stamp.tzinfo)
      and stamp.utcoffset() == datetime.timedelta(0), "DTSTAMP is %r" % (stamp,))
check(str(ev["UID"]) == sys.argv[3], "UID is %r" % str(ev["UID"]))
want = "Look at our family device agreement again (%s)" % want_name
check(str(ev["SUMMARY"]) == want, "SUMMARY is %r, not %r" % (str(ev["SUMMARY"]), want))
check("\n" in str(ev["DESCRIPTION"]), "DESCRIPTION lost its line break")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
	run "$py" "$T/read.py" "$T/sam.ics" "Sam" "talkpact-review-2026-11-29-sam-1412"
	expect_rc 0 "icalendar reads the 8-10 sample: one all-day VEVENT on 29 May 2027, DTSTAMP, UID, summary${out:+: $out}"
	run "$py" "$T/read.py" "$T/zoe.ics" "$name" "talkpact-review-2026-11-29-zoe-1412"
	expect_rc 0 "icalendar reads back a hostile name (quotes, ; , \\ emoji, folded) exactly${out:+: $out}"
	# The test can fail: a wrong date is caught.
	sed 's/^DTSTART;VALUE=DATE:20270529/DTSTART;VALUE=DATE:20270530/' "$T/sam.ics" >"$T/bad.ics"
	run "$py" "$T/read.py" "$T/bad.ics" "Sam" "talkpact-review-2026-11-29-sam-1412"
	expect_rc 1 "the reader notices a wrong date"
fi

[ "$(stat -c %a "$T/sam.ics")" = 600 ] && ok "the .ics is written 0600" ||
	not_ok "the .ics is written 0600" "$(ls -l "$T/sam.ics")"

# -f all writes the .ics beside the others.
mkdir "$T/all"
run "$TALKPACT" render 2026-11-29-sam-1412 -f all -o "$T/all/"
expect_rc 0 "-f all: exit 0"
expect_match out 'agreement-sam-2026-11-29\.ics$' "-f all names the .ics it wrote"
cmp -s "$T/all/agreement-sam-2026-11-29.ics" "$T/sam.ics" &&
	ok "-f all's .ics is the same as -f ics's" ||
	not_ok "-f all's .ics is the same as -f ics's"

# Not signed: no review date, exit 65; -f all writes the draft without one.
sed -e '/^signatures:/,$d' -e 's/^stage: signed/stage: agreeing/' \
    -e 's/^id: .*/id: "2026-11-30-sam-0900"/' \
    "$top_srcdir/tests/sessions/8-10.yaml" >"$dir/2026-11-30-sam-0900.yaml"
run "$TALKPACT" render 2026-11-30-sam-0900 -f ics
expect_rc 65 "an unsigned session: -f ics exits 65"
expect_match err 'not signed yet.*talkpact resume 2026-11-30-sam-0900' "it says why and what to do"
expect_eq "$out" "" "and writes nothing"
mkdir "$T/draft"
run "$TALKPACT" render 2026-11-30-sam-0900 -f all -o "$T/draft/"
expect_rc 0 "an unsigned session: -f all still writes the draft"
[ ! -e "$T/draft/agreement-sam-2026-12-15.ics" ] && [ -e "$T/draft/agreement-sam-2026-12-15.md" ] &&
	ok "a draft's -f all has no .ics" || not_ok "a draft's -f all has no .ics" "$(ls "$T/draft")"

run "$TALKPACT" render 2026-11-29-sam-1412 -f ics --paper a4
expect_rc 64 "--paper with ics: exit 64"

done_testing
