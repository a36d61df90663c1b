# print-agreement.sh: print the HTML agreement to PDF with headless
# Chromium and read it back with pdftotext: every clause, both voices and
# every signature name are there, nothing is cut off at the right edge,
# and a typical agreement fits on at most 3 A4 pages.
. "$top_srcdir/tests/lib.sh"

[ -n "${CHROMIUM:-}" ] || skip_all "no chromium (configure did not find it)"
[ -n "${PDFTOTEXT:-}" ] || skip_all "no pdftotext (configure did not find it)"
PDFINFO=$(dirname "$PDFTOTEXT")/pdfinfo
[ -x "$PDFINFO" ] || skip_all "no pdfinfo next to pdftotext"

TZ=UTC
export TZ
sess="$top_srcdir/tests/sessions/typical.yaml"
run "$TALKPACT" render "$sess" -f html -o "$T/page.html"
expect_rc 0 "render the HTML"
# The page uses the printer's paper (size: auto); print it on A4 here.
sed 's|</style>|@page { size: A4; }\n</style>|' "$T/page.html" >"$T/a.html"
run "$TALKPACT" render "$sess" -f txt
cp "$T/out" "$T/a.txt"

# Chromium writes the PDF and exits; give it a minute at most.
timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$T/chrome" --no-pdf-header-footer --print-to-pdf="$T/a.pdf" \
    "file://$T/a.html" >"$T/chrome.log" 2>&1
if [ ! -s "$T/a.pdf" ]; then
	not_ok "chromium printed a PDF" "$(tail -n 5 "$T/chrome.log")"
	done_testing
fi
ok "chromium printed a PDF"
"$PDFTOTEXT" "$T/a.pdf" "$T/a.pdf.txt"
# Words only, so line wrapping and layout columns do not matter.
squash() { tr -s ' \n\t' '   ' | sed 's/ $//'; }
pdf=$(squash <"$T/a.pdf.txt")

check() {	# check DESCRIPTION TEXT
	t=$(printf '%s' "$2" | squash)
	case "$pdf" in
	*"$t"*) ok "$1" ;;
	*) not_ok "$1" "not in the PDF: $t" ;;
	esac
}
check "a clause with its blanks filled" "devices go to bed at 20:15 in the kitchen."
check "the child's voice" "Mostly my friends from school, and Gran on video calls."
check "the grown-ups' voice" "We'd like to know who's new."
check "hostile text printed as text" "<script>alert('hi')</script> # not a heading"
for name in "Sam" "Alex Smith" "Jo"; do
	check "signature name $name" "Signed in talkpact as $name on 29 November 2026"
done
check "the fingerprint" "$(sed -n 's/^SHA-256 fingerprint: //p' "$T/a.txt")"
# Every clause line of the agreement (the list items in the text version).
missing=0
grep -E '^- ' "$T/a.txt" | sed 's/^- //' | while IFS= read -r line; do
	t=$(printf '%s' "$line" | squash)
	case "$pdf" in *"$t"*) ;; *) echo "$line" ;; esac
done >"$T/missing"
if [ -s "$T/missing" ]; then
	not_ok "every list line of the agreement is in the PDF" "$(head -n 5 "$T/missing")"
else
	ok "every list line of the agreement is in the PDF"
fi
# Nothing cut off: every word lies inside the page.
"$PDFTOTEXT" -bbox "$T/a.pdf" "$T/a.bbox.html"
over=$(awk -F'"' '
	/<page / { for (i = 1; i < NF; i++) if ($i ~ /width=$/) w = $(i + 1) }
	/<word / { for (i = 1; i < NF; i++) if ($i ~ /xMax=$/ && $(i + 1) + 0 > w - 20) n++ }
	END { print n + 0 }' "$T/a.bbox.html")
words=$(grep -c '<word ' "$T/a.bbox.html")
if [ "$words" -gt 500 ] && [ "$over" -eq 0 ]; then
	ok "nothing runs off the page ($words words inside the margins)"
else
	not_ok "nothing runs off the page" "$over of $words words reach the page edge"
fi
pages=$("$PDFINFO" "$T/a.pdf" | sed -n 's/^Pages: *//p')
size=$("$PDFINFO" "$T/a.pdf" | sed -n 's/^Page size: *//p')
if [ -n "$pages" ] && [ "$pages" -le 3 ]; then
	ok "a typical agreement fits on 3 pages ($pages; $size)"
else
	not_ok "a typical agreement fits on 3 pages" "pages: $pages ($size)"
fi

done_testing
