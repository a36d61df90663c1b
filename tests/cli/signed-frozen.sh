# signed-frozen.sh: a signed session (format 2) keeps the words it
# signed. Its agreement renders byte for byte the same in any time zone
# and with content whose clause texts changed since; a session edited
# after signing is refused (render exits 65 naming the file; sessions,
# resume and the store never write over it); format-1 samples still load
# and render as before; a family in Kiritimati keeps its own date.
. "$top_srcdir/tests/lib.sh"

S="$top_srcdir/tests/sessions"
G="$top_srcdir/tests/golden"
sess="$S/8-10.yaml"
tampered="$S/tampered/8-10-bedtime.yaml"

grep -q '^format: 2$' "$sess" && grep -q '^signed:$' "$sess" &&
	ok "the 8-10 sample is a signed format-2 session" ||
	not_ok "the 8-10 sample is a signed format-2 session"

# The same bytes in three time zones and two locales, in every format.
for fmt in md html txt; do
	TZ=UTC LC_ALL=C "$TALKPACT" render "$sess" -f "$fmt" >"$T/utc.$fmt" 2>"$T/err"
	same=yes
	for zone in Pacific/Kiritimati America/Los_Angeles; do
		TZ=$zone LC_ALL=C "$TALKPACT" render "$sess" -f "$fmt" >"$T/zone.$fmt" 2>>"$T/err"
		cmp -s "$T/utc.$fmt" "$T/zone.$fmt" || same="no ($zone)"
		TZ=$zone LANG=de_DE.UTF-8 LC_ALL= "$TALKPACT" render "$sess" -f "$fmt" >"$T/zone.$fmt" 2>>"$T/err"
		cmp -s "$T/utc.$fmt" "$T/zone.$fmt" || same="no ($zone, de_DE)"
	done
	expect_eq "$same" yes "8-10 $fmt: the same bytes under UTC, Kiritimati and Los Angeles"
done
cmp -s "$T/utc.md" "$G/8-10.md" && ok "8-10 md: the golden Markdown" ||
	not_ok "8-10 md: the golden Markdown" "$(diff -u "$G/8-10.md" "$T/utc.md" | head -n 20)"
grep -q '^Sam (9) with Alex Smith and Jo, agreed on 29 November 2026\.$' "$T/utc.md" &&
	ok "dated as signed: 29 November 2026, also in Kiritimati" ||
	not_ok "dated as signed: 29 November 2026"

# Content whose template's clause texts changed since the signing.
mkdir -p "$T/content"
cp -R "$top_srcdir/agreements" "$top_srcdir/prompts" "$T/content/"
sed -e 's/phone-free, grown-ups too/phone-free, every one of us/' \
    -e 's/We ask before we use someone else/We always ask before we use someone else/' \
    "$top_srcdir/agreements/8-10.yaml" >"$T/content/agreements/8-10.yaml"
cmp -s "$top_srcdir/agreements/8-10.yaml" "$T/content/agreements/8-10.yaml" &&
	not_ok "the changed content differs from the shipped"
# The changed content is read: a session with no frozen words shows it.
run env TZ=UTC "$TALKPACT" --only-content --content "$T/content" render "$S/format1/8-10.yaml"
expect_match out 'phone-free, every one of us' "the changed content is in force (a format-1 session shows it)"
for fmt in md html txt; do
	TZ=UTC "$TALKPACT" --only-content --content "$T/content" render "$sess" -f "$fmt" \
	    >"$T/changed.$fmt" 2>"$T/err"
	cmp -s "$T/utc.$fmt" "$T/changed.$fmt" &&
		ok "8-10 $fmt: the same bytes with changed clause texts in --content" ||
		not_ok "8-10 $fmt: the same bytes with changed clause texts in --content" \
		    "$(diff -u "$T/utc.$fmt" "$T/changed.$fmt" | head -n 20)"
done
# Without the content at all: what was signed is all it needs.
mkdir -p "$T/empty/agreements" "$T/empty/prompts"
run env TZ=UTC "$TALKPACT" --only-content --content "$T/empty" render "$sess"
if [ "$rc" -eq 0 ] && [ "$out" = "$(cat "$T/utc.md")" ]; then
	ok "8-10 md: the same with no agreement templates installed"
else
	not_ok "8-10 md: the same with no agreement templates installed" "exit $rc: $err"
fi

# Every signed sample: its md is the golden, and verify agrees.
for band in 4-7 11-13 14-17; do
	run env TZ=America/Los_Angeles "$TALKPACT" render "$S/$band.yaml"
	[ "$rc" -eq 0 ] && [ "$out" = "$(cat "$G/$band.md")" ] &&
		ok "$band md in Los Angeles: the golden" ||
		not_ok "$band md in Los Angeles: the golden" "exit $rc: $err"
done

# A blank edited after signing.
grep -q '^  bedtime: "21:45"$' "$tampered" &&
	ok "the tampered sample differs from the signed one in its bedtime only" ||
	not_ok "the tampered sample differs from the signed one in its bedtime only"
expect_eq "$(diff "$sess" "$tampered" | grep -c '^[<>]')" 4 \
    "the tampered sample: one comment line and one blank changed"
for fmt in md html txt all; do
	run "$TALKPACT" render "$tampered" -f "$fmt" -o "$T/out-$fmt"
	expect_rc 65 "render -f $fmt of the edited session exits 65"
done
expect_match err "^$tampered: changed after signing" "the message names the file and says it was changed after signing"
[ ! -e "$T/out-md" ] && [ ! -e "$T/out-all" ] && [ -z "$(ls "$T" | grep '^agreement-')" ] &&
	ok "and nothing is written" || not_ok "and nothing is written"
run env TZ=UTC "$TALKPACT" render "$tampered"
expect_eq "$out" "" "nothing on standard output either"

# In the store: listed as changed, never opened, never written over.
dir="$HOME/.local/state/talkpact/sessions"
mkdir -p "$dir"
cp "$tampered" "$dir/2026-11-29-sam-1412.yaml"
cp "$dir/2026-11-29-sam-1412.yaml" "$T/before.yaml"
run "$TALKPACT" sessions
expect_match out '^2026-11-29-sam-1412 .* Changed after signing$' "sessions: 'Changed after signing'"
run "$TALKPACT" sessions --format tsv
expect_match out "$(printf '^2026-11-29-sam-1412\tSam\tchanged-after-signing\t')" \
    "sessions --format tsv: stage changed-after-signing"
run "$TALKPACT" --plain resume 2026-11-29-sam-1412 </dev/null
expect_rc 65 "resume: refused (65)"
expect_match err 'sessions/2026-11-29-sam-1412\.yaml: changed after signing' "resume: names the file"
run "$TALKPACT" render 2026-11-29-sam-1412 -f all -o "$T/by-id/"
expect_rc 65 "render by id: refused (65)"
cmp -s "$T/before.yaml" "$dir/2026-11-29-sam-1412.yaml" &&
	ok "the edited file is left exactly as it was" ||
	not_ok "the edited file is left exactly as it was"

# Format 1 still loads: every format-1 sample renders its golden (dated
# in UTC, whatever the zone).
for band in 4-7 8-10 11-13 14-17; do
	run env TZ=Pacific/Kiritimati "$TALKPACT" render "$S/format1/$band.yaml"
	[ "$rc" -eq 0 ] && [ "$out" = "$(cat "$G/$band.md")" ] &&
		ok "format 1: $band loads and renders its golden in Kiritimati" ||
		not_ok "format 1: $band loads and renders its golden in Kiritimati" "exit $rc: $err"
done
run "$TALKPACT" render "$S/format1/typical.yaml" -f txt
expect_rc 0 "format 1: typical loads"
# A signed format-1 file is never rewritten by an upgrade: opened, it
# writes its agreement's files, and the session file stays as it was.
cp "$S/format1/8-10.yaml" "$dir/2026-11-29-sam-1412.yaml"
run env TZ=UTC "$TALKPACT" --plain resume 2026-11-29-sam-1412 </dev/null
expect_rc 0 "format 1: a signed session opens (plain mode)"
expect_match out '^Fingerprint: 0795 0b70 0535 b936 713a fdef fb42 4ff0 ' \
    "format 1: its agreement is the one signed (the paper's fingerprint)"
cmp -s "$S/format1/8-10.yaml" "$dir/2026-11-29-sam-1412.yaml" &&
	ok "format 1: a signed file opened is not rewritten" ||
	not_ok "format 1: a signed file opened is not rewritten"

# The conversation record comes after the signed words, as before.
for fmt in md html txt; do
	TZ=UTC "$TALKPACT" render "$sess" --record -f "$fmt" >"$T/rec2" 2>&1
	TZ=UTC "$TALKPACT" render "$S/format1/8-10.yaml" --record -f "$fmt" >"$T/rec1" 2>&1
	cmp -s "$T/rec1" "$T/rec2" && grep -q 'Our conversation' "$T/rec2" &&
		ok "--record -f $fmt: the signed words and the record, as format 1 gives them" ||
		not_ok "--record -f $fmt: the signed words and the record" "$(diff "$T/rec1" "$T/rec2" | head)"
done

# Cut at signatures: a valid unsigned session.
sed '/^signatures:/,$d' "$sess" >"$T/cut.yaml"
run env TZ=UTC TALKPACT_NOW=2026-12-01T10:00:00Z "$TALKPACT" render "$T/cut.yaml"
expect_rc 0 "cut at signatures: it loads"
expect_match out '^\*Draft, not signed yet\.\*$' "cut at signatures: a draft, not signed"

# Signed in Kiritimati (UTC+14) at 10:30 UTC on the 29th: the 30th there.
sed -e '/^signatures:/,$d' -e 's/^stage: signed$/stage: signing/' \
    -e 's/^id: .*/id: "2026-11-29-sam-1412"/' "$sess" >"$dir/2026-11-29-sam-1412.yaml"
printf 'Sam\nAlex Smith\nJo\n' | TZ=Pacific/Kiritimati TALKPACT_NOW=2026-11-29T10:30:00Z \
    "$TALKPACT" --plain resume 2026-11-29-sam-1412 >"$T/kiri" 2>&1
grep -q '^  date: 2026-11-30$' "$dir/2026-11-29-sam-1412.yaml" &&
grep -q '^  offset: "+14:00"$' "$dir/2026-11-29-sam-1412.yaml" &&
	ok "signed in Kiritimati: each signature keeps date 2026-11-30 and offset +14:00" ||
	not_ok "signed in Kiritimati: each signature keeps its own date and offset" "$(cat "$T/kiri" | tail -n 5)"
for zone in UTC America/Los_Angeles Pacific/Kiritimati; do
	run env TZ=$zone "$TALKPACT" render 2026-11-29-sam-1412
	expect_match out '^Sam \(9\) with Alex Smith and Jo, agreed on 30 November 2026\.$' \
	    "signed in Kiritimati, rendered in $zone: agreed on 30 November 2026"
done
run env TZ=UTC "$TALKPACT" sessions --format tsv
expect_match out "$(printf '\tsigned\t2026-11-29T10:30:00Z\t2027-05-30$')" \
    "sessions --format tsv: the review date from the signed date (30 May 2027)"

done_testing
