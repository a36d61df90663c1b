# pack.sh: 'talkpact pack' for teachers: which prompts a pack holds (each
# selected prompt exactly once), filtering by age and topic, the formats
# and layouts, the teacher's own content, and every usage mistake's exit
# code and message.
. "$top_srcdir/tests/lib.sh"

FIX="$top_srcdir/tests/content/long-prompts"

"$TALKPACT" list --format tsv >"$T/list.tsv" 2>"$T/list.err"
# questions BAND TOPIC: the questions list shows (either may be "" for all).
questions() {
	awk -F '\t' -v b="$1" -v t="$2" '$1 == "prompt" &&
	    (b == "" || $3 == b) && (t == "" || $4 == t) && !seen[$2]++ {
		print $5 }' "$T/list.tsv"
}

# count_each QUESTIONS HTML: prints every question not shown exactly once
# as <strong>N. QUESTION</strong>, and returns non-zero if there is one.
count_each() {
	awk 'function esc(s) {
		gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s)
		gsub(/>/, "\\&gt;", s); gsub(/"/, "\\&quot;", s); return s }
	NR == FNR { q[++n] = ". " esc($0) "</strong>"; next }
	{ html = html $0 "\n" }
	END {
		for (i = 1; i <= n; i++) {
			c = 0; s = html
			while ((k = index(s, q[i])) > 0) { c++; s = substr(s, k + 1) }
			if (c != 1) { printf "%d times: %s\n", c, q[i]; bad++ }
		}
		exit bad > 0
	}' "$1" "$2"
}

run "$TALKPACT" pack --help
expect_rc 0 "pack --help exits 0"
expect_match out '^Usage: talkpact pack' "pack --help starts with a usage line"
expect_match out '--layout LAYOUT' "pack --help explains --layout"
expect_match out '--paper PAPER' "pack --help explains --paper"

# --- everything: a handout of every band ---------------------------------------
questions "" "" >"$T/all"
n_all=$(wc -l <"$T/all" | tr -d ' ')
if [ "$n_all" -ge 40 ]; then ok "list shows the shipped prompts ($n_all)"; else
	not_ok "list shows the shipped prompts" "$n_all; $(cat "$T/list.err")"; fi
run "$TALKPACT" pack
expect_rc 0 "pack with no options exits 0"
printf '%s\n' "$out" >"$T/all.html"
expect_match out '^<!DOCTYPE html>' "the default format is an HTML page"
expect_no_match out '<script|<link|<img|href=|src=' "the page loads and runs nothing"
for b in 4-7 8-10 11-13 14-17; do
	expect_match out "<h2>Ages $b</h2>" "with no --age, band $b is in the pack"
done
c=$(grep -c '<div class="prompt">' "$T/all.html")
expect_eq "$c" "$n_all" "every prompt is in the pack once ($n_all)"
if msg=$(count_each "$T/all" "$T/all.html"); then
	ok "each question appears exactly once"
else
	not_ok "each question appears exactly once" "$msg"
fi
expect_match out '<h2>Help and reporting: United Kingdom</h2>' \
    "with a locale that names no region, the help lines are the UK's"
expect_match err "the locale \\(C\\.UTF-8\\) names no region with help lines, so the help page is for UK; choose one with --region" \
    "and it says so"
expect_match out 'Childline' "the UK help lines are listed"
expect_match out 'class="band"' "each band is a page-breaking block"
expect_match out '\.band \{ break-before: page' "bands start a new printed page"
expect_match out '<footer>Made with talkpact' "the page has a footer"

# --- ages and topics -----------------------------------------------------------
questions 4-7 "" >"$T/q47"
run "$TALKPACT" pack --age 4-7
expect_rc 0 "--age 4-7 exits 0"
printf '%s\n' "$out" >"$T/47.html"
expect_eq "$(grep -c '<div class="prompt">' "$T/47.html")" \
    "$(wc -l <"$T/q47" | tr -d ' ')" "--age 4-7 holds the 4-7 prompts"
if msg=$(count_each "$T/q47" "$T/47.html"); then
	ok "--age 4-7: each of its questions once"
else
	not_ok "--age 4-7: each of its questions once" "$msg"
fi
expect_no_match out '<h2>Ages 8-10</h2>' "--age 4-7 leaves out 8-10"

questions 8-10 "" >"$T/q810"
questions 14-17 "" >>"$T/q810"
run "$TALKPACT" pack --age 9 -a 14-17
expect_rc 0 "--age 9 and -a 14-17 together"
printf '%s\n' "$out" >"$T/2.html"
expect_eq "$(grep -c '<div class="prompt">' "$T/2.html")" \
    "$(wc -l <"$T/q810" | tr -d ' ')" "two bands: both bands' prompts"
expect_match out '<h2>Ages 8-10</h2>' "age 9 means the 8-10 band"
expect_no_match out '<h2>Ages 11-13</h2>' "two bands: no others"

questions "" strangers >"$T/qs"
run "$TALKPACT" pack --topic strangers
expect_rc 0 "--topic strangers exits 0"
printf '%s\n' "$out" >"$T/s.html"
expect_eq "$(grep -c '<div class="prompt">' "$T/s.html")" \
    "$(wc -l <"$T/qs" | tr -d ' ')" "--topic keeps only that topic's prompts"
if msg=$(count_each "$T/qs" "$T/s.html"); then
	ok "--topic strangers: each of its questions once"
else
	not_ok "--topic strangers: each of its questions once" "$msg"
fi
expect_match out 'Topics: People we only know online\.' "the cover names the topic"
sed '/<div class="help">/q' "$T/s.html" >"$T/s-prompts.html"
expect_eq "$(grep -c '<h3>' "$T/s-prompts.html")" \
    "$(grep -c '<h3>People we only know online</h3>' "$T/s-prompts.html")" \
    "--topic: no other topic heading"

run "$TALKPACT" pack --topic strangers --topic money --age 11-13 --format md
expect_rc 0 "two topics in one band, as Markdown"
expect_match out '^### People we only know online$' "md: the first topic"
expect_match out '^### Money, buying and scams$' "md: the second topic"
expect_no_match out '^### Being kind$' "md: no third topic"

# --- formats -----------------------------------------------------------------------
run "$TALKPACT" pack --age 8-10 --format md
expect_rc 0 "--format md exits 0"
expect_match out '^# Talking together about devices and online life' "md: a title"
expect_match out '^## Ages 8-10$' "md: the band heading"
expect_match out '^\*\*Tip for the grown-up:\*\* [A-Z]' "md: the tips are labelled"
expect_no_match out '<' "md: no HTML at all"

run "$TALKPACT" pack --format txt
expect_rc 0 "--format txt exits 0"
printf '%s\n' "$out" >"$T/all.txt"
w=$(wc -L <"$T/all.txt" | tr -d ' ')
if [ "$w" -le 72 ]; then ok "txt: no line is wider than 72 columns ($w)"; else
	not_ok "txt: no line is wider than 72 columns" "widest: $w"; fi
expect_match out '^Ages 4-7$' "txt: band headings"
expect_match out '^WHO WE TALK TO AND PLAY WITH$' "txt: topic headings in capitals"
expect_match out '^Scenario$' "txt: scenarios are marked"
expect_eq "$(grep -c '^Tip for the grown-up:' "$T/all.txt")" "$n_all" \
    "txt: one tip per prompt"

run "$TALKPACT" pack --layout cards --age 4-7
expect_rc 0 "--layout cards exits 0"
printf '%s\n' "$out" >"$T/cards.html"
n47=$(wc -l <"$T/q47" | tr -d ' ')
expect_eq "$(grep -c '<div class="card card-' "$T/cards.html")" "$n47" \
    "cards: one card per prompt"
expect_eq "$(grep -c '<div class="sheet">' "$T/cards.html")" \
    $(((n47 + 7) / 8)) "cards: eight cards to a sheet"
expect_match out '@page \{ size: A4; margin: 10mm; \}' "cards: A4 by default"
expect_match out 'border: 0\.30mm dashed' "cards: a dashed frame round each sheet"
expect_match out '\.cut-r \{ border-right: 0\.30mm dashed' "cards: one dashed cut line between columns"
expect_match out '\.cut-b \{ border-bottom: 0\.30mm dashed' "cards: one dashed cut line between rows"
expect_no_match out 'overflow: hidden' "cards: nothing is hidden to make it fit"
run "$TALKPACT" pack --layout cards --paper letter
expect_match out '@page \{ size: letter; margin: 8mm 10mm; \}' "--paper letter"

# --- output files ----------------------------------------------------------------
run "$TALKPACT" pack --age 4-7 -o "$T/pack.md"
expect_rc 0 "-o FILE exits 0"
expect_eq "$out" "" "-o FILE: nothing on standard output"
if head -1 "$T/pack.md" | grep -q '^# '; then ok "-o x.md writes Markdown"; else
	not_ok "-o x.md writes Markdown" "$(head -3 "$T/pack.md")"; fi
expect_eq "$(stat -c %a "$T/pack.md")" 600 "the file is private (0600)"
run "$TALKPACT" pack --age 4-7 --format txt -o "$T/pack.md"
if head -2 "$T/pack.md" | grep -q '^====='; then
	ok "--format beats the extension"; else
	not_ok "--format beats the extension" "$(head -3 "$T/pack.md")"; fi
run "$TALKPACT" pack -o "$T/no/such/dir/p.html"
expect_rc 73 "-o in a missing folder exits 73"
expect_match err 'cannot create .*no/such/dir/p\.html' "and says which file"
if ls "$T"/pack.md.* >/dev/null 2>&1; then
	not_ok "no temporary file is left behind"; else
	ok "no temporary file is left behind"; fi

run "$TALKPACT" pack --age 4-7 --title 'Year 2 <Robins> & "friends"'
expect_match out '<title>Year 2 &lt;Robins&gt; &amp; &quot;friends&quot;</title>' \
    "--title is escaped in <title>"
expect_match out '<h1>Year 2 &lt;Robins&gt; &amp; &quot;friends&quot;</h1>' \
    "--title is escaped in the heading"

# --- the region from the locale: LC_ALL, then LC_MESSAGES, then LANG -----------
run env LC_ALL=en_AU.UTF-8 "$TALKPACT" pack --format txt
expect_match out '^Help and reporting: Australia$' "LC_ALL=en_AU: Australia's help lines"
expect_eq "$err" "" "and no warning"
run env LC_ALL= LC_MESSAGES=en_IE.UTF-8 LANG=en_US.UTF-8 "$TALKPACT" pack --format txt
expect_match out '^Help and reporting: Ireland$' "LC_MESSAGES comes before LANG"
run env LC_ALL= LC_MESSAGES= LANG=en_GB.UTF-8 "$TALKPACT" pack --format txt
expect_match out '^Help and reporting: United Kingdom$' "LANG=en_GB: the UK"
run env LC_ALL=en_AU.UTF-8 "$TALKPACT" pack --region us --format txt
expect_match out '^Help and reporting: United States$' "--region wins over the locale"
run env LC_ALL=en_US.UTF-8 "$TALKPACT" pack --layout cards
expect_match out 'size: letter' "the US region's cards print on Letter"
run env LC_ALL=en_US.UTF-8 "$TALKPACT" pack --layout cards --paper a4
expect_no_match out 'size: letter' "--paper wins over the region"

# --- a school's own content ----------------------------------------------------
run "$TALKPACT" --only-content --content "$FIX" pack --format txt
expect_rc 0 "global --only-content --content DIR before pack"
expect_match err "no help lines for region 'UK'" \
    "without UK help lines, a warning"
expect_no_match out 'Help and reporting:' "and no help page"
expect_match out '^1\. Who do you play with\?$' "the school's prompts are used, numbered"
expect_no_match out 'Childline' "only the school's content"
run "$TALKPACT" pack --only-content -c "$FIX" --region XX --format txt
expect_rc 0 "--only-content and -c after pack"
expect_match out '^Help and reporting: Testland$' "--region picks the school's region"
expect_match out '^  Phone: 0000 0000$' "help lines show phone numbers"
expect_eq "$(grep -c '^Tip for the grown-up:' <"$T/out")" \
    "$(grep -c '^  - id:' "$FIX/long.yaml")" "every fixture prompt once"

mkdir -p "$T/school"
cat >"$T/school/bad.yaml" <<'YAML'
pack:
  id: school
  title: School
  language: en-GB
  version: 1
prompts:
  - id: q1
    bands: [4-7, 99]
    topic: people
    question: Who?
    tip: Ask.
YAML
"$TALKPACT" --only-content --content "$T/school" validate >/dev/null 2>"$T/validate.err"
run "$TALKPACT" --only-content --content "$T/school" pack
expect_rc 65 "problems in a school's content exit 65"
expect_match err 'bad\.yaml:[0-9]+:[0-9]+: error:' "and are shown as FILE:LINE:COL"
expect_eq "$err" "$(cat "$T/validate.err")" "exactly as validate reports them"
expect_eq "$out" "" "and no pack is printed"
run "$TALKPACT" pack --only-content -c "$T/nowhere"
expect_rc 66 "a missing --content folder exits 66"

# --- usage mistakes ------------------------------------------------------------
run "$TALKPACT" pack --age 3
expect_rc 64 "an age outside 4-17 exits 64"
expect_match err "unknown age band '3'" "and names it"
run "$TALKPACT" pack --age 8-11
expect_rc 64 "an unknown band exits 64"
expect_match err "did you mean '8-10'" "and suggests the nearest"
run "$TALKPACT" pack --topic strangerz
expect_rc 64 "an unknown topic exits 64"
expect_match err "did you mean 'strangers'" "and suggests the nearest"
run "$TALKPACT" pack --format pdf
expect_rc 64 "an unknown format exits 64"
expect_match err "unknown format 'pdf'" "and names it"
run "$TALKPACT" pack --layout cards --format md
expect_rc 64 "cards as Markdown exit 64"
expect_match err 'cards are printed from HTML only' "with a clear reason"
run "$TALKPACT" pack --layout cards -o "$T/cards.txt"
expect_rc 64 "cards to a .txt file exit 64"
run "$TALKPACT" pack --layout poster
expect_rc 64 "an unknown layout exits 64"
run "$TALKPACT" pack --paper a3
expect_rc 64 "an unknown paper size exits 64"
run "$TALKPACT" pack --region ZZ
expect_rc 64 "an unknown region exits 64"
expect_match err "no help lines for region 'ZZ'; the regions are: UK" \
    "and lists the regions"
run "$TALKPACT" --only-content --content "$FIX" pack --age 14-17 --topic money
expect_rc 64 "a choice with no prompts exits 64"
expect_match err 'no prompts match' "and says so"
run "$TALKPACT" pack extra
expect_rc 64 "a stray argument exits 64"
run "$TALKPACT" pack --age
expect_rc 64 "an option without its value exits 64"
run "$TALKPACT" pack --title ''
expect_rc 64 "an empty --title exits 64"
run "$TALKPACT" pack --title "$(printf 'bad\377')"
expect_rc 64 "a --title that is not UTF-8 exits 64"
expect_match err 'not valid UTF-8' "and says so"
run "$TALKPACT" pack --only-content
expect_rc 64 "--only-content without --content exits 64"

# The help lines on a pack suit its ages: no nude-image service for 4-7.
for layout in handout cards; do
	run "$TALKPACT" pack --age 4-7 --region UK --layout "$layout"
	expect_rc 0 "a 4-7 $layout pack for the UK"
	expect_match out 'Childline' "it lists Childline"
	expect_no_match out 'Report Remove|Take It Down|CEOP' \
	    "and no removal or reporting service meant for older children"
	run "$TALKPACT" pack --age 14-17 --region UK --layout "$layout"
	expect_match out 'Report Remove' "a 14-17 $layout pack lists Report Remove"
	expect_match out 'Take It Down' "and Take It Down, which works everywhere"
done

done_testing
