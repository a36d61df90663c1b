# print-pack.sh: prints prompt-pack cards through headless Chromium to PDF
# and reads the PDF back (pdfinfo, pdftotext -bbox): one page per sheet of eight
# cards, the right paper, every prompt on exactly one card, and no word
# outside its card's rectangle (long text is sized or shortened, never
# left to overflow). Skips when Chromium or pdftotext is missing.
. "$top_srcdir/tests/lib.sh"

[ -n "${CHROMIUM:-}" ] || skip_all "no chromium (configure found none)"
[ -n "${PDFTOTEXT:-}" ] || skip_all "no pdftotext (configure found none)"
PDFINFO=$(dirname "$PDFTOTEXT")/pdfinfo
[ -x "$PDFINFO" ] || skip_all "no pdfinfo next to $PDFTOTEXT"

FIX="$top_srcdir/tests/content/long-prompts"
TO=""
command -v timeout >/dev/null 2>&1 && TO="timeout 180"

# print_pdf HTML PDF: print with no browser header or footer.
print_pdf() {
	rm -f "$2"
	$TO "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --user-data-dir="$T/chrome" --no-pdf-header-footer \
	    --print-to-pdf-no-header --print-to-pdf="$2" "file://$1" \
	    >"$T/chrome.log" 2>&1
	[ -s "$2" ]
}

# cards PDF PAPER HTML: check the cards in PDF; writes $T/cards.txt with
# one line per card: "page.row.col<TAB>text". Prints the words outside a
# card. Where the cards are comes from HTML: in order, eight slots to a
# sheet, a "card-wide" card taking a whole row. Geometry (points): 10mm
# margins (8mm above and below on Letter); a4 cards 95 x 69mm, letter
# 97.5 x 65.5mm.
cards() {
	case $2 in
	a4) w=269.291; h=195.591; my=28.346 ;;
	letter) w=276.378; h=185.669; my=22.677 ;;
	esac
	"$PDFTOTEXT" -bbox "$1" "$T/bbox.html" || return 1
	awk '/<div class="sheet">/ { page++; slot = 0 }
	/<div class="card / {
		wide = index($0, "card-wide") > 0
		if (wide && slot % 2) slot++
		if (wide) print page "." int(slot / 2)
		slot += wide ? 2 : 1
	}' "$3" >"$T/wide"
	awk -v W="$w" -v H="$h" -v M=28.346 -v MY="$my" -v tol=0.75 \
	    -v out="$T/cards.txt" '
	function attr(s, name,   r) {
		if (match(s, name "=\"[-0-9.]+\"") == 0) return -1
		r = substr(s, RSTART + length(name) + 2, RLENGTH - length(name) - 3)
		return r + 0
	}
	NR == FNR { wide[$0] = 1; next }
	/<page / { page++ }
	/<word / {
		x0 = attr($0, "xMin"); y0 = attr($0, "yMin")
		x1 = attr($0, "xMax"); y1 = attr($0, "yMax")
		t = $0; sub(/^.*">/, "", t); sub(/<\/word>.*$/, "", t)
		col = int((x0 - M) / W); row = int((y0 - MY) / H)
		cw = W
		if ((page "." row) in wide) { col = 0; cw = 2 * W }
		cx = M + col * W; cy = MY + row * H
		if (x0 < M - tol || y0 < MY - tol || col > 1 || row > 3 ||
		    x0 < cx - tol || x1 > cx + cw + tol ||
		    y0 < cy - tol || y1 > cy + H + tol) {
			printf "outside a card: page %d word \"%s\" at %s,%s-%s,%s\n",
			    page, t, x0, y0, x1, y1
			bad++
		}
		k = page "." row "." col
		if (!(k in text)) order[++n] = k
		text[k] = text[k] " " t
	}
	END {
		for (i = 1; i <= n; i++) {
			s = text[order[i]]
			gsub(/&amp;/, "\\&", s); gsub(/&lt;/, "<", s)
			gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s)
			gsub(/&apos;/, "'\''", s)
			# A word broken after a hyphen joins up again.
			while (match(s, /[[:alpha:]]- /))
				s = substr(s, 1, RSTART + 1) substr(s, RSTART + 3)
			print order[i] "\t" s > out
		}
		exit bad > 0
	}' "$T/wide" "$T/bbox.html"
}

# sizes BBOX-HTML: prints "WORDS SMALL" (words under 9 pt) and each pair
# of words whose boxes overlap (by more than 0.3 pt each way), and fails
# if any do. The size of a word is its box height: pdftotext makes a box
# from the font's ascent to its descent, 1.164 em in DejaVu Sans (0.928 +
# 0.236), so 9 pt is a box 10.48 pt high (the check allows 10.4).
sizes() {
	awk 'function attr(s, name,   r) {
		if (match(s, name "=\"[-0-9.]+\"") == 0) return -1
		r = substr(s, RSTART + length(name) + 2, RLENGTH - length(name) - 3)
		return r + 0
	}
	/<page / { page++ }
	/<word / {
		n++
		P[n] = page; X0[n] = attr($0, "xMin"); Y0[n] = attr($0, "yMin")
		X1[n] = attr($0, "xMax"); Y1[n] = attr($0, "yMax")
		t = $0; sub(/^.*">/, "", t); sub(/<\/word>.*$/, "", t); T[n] = t
		if (Y1[n] - Y0[n] < 10.4) small++
	}
	END {
		printf "%d %d\n", n, small
		for (i = 1; i <= n; i++)
			for (j = i + 1; j <= n && P[j] == P[i]; j++) {
				if (Y0[j] > Y1[i] + 30) continue
				ox = (X1[i] < X1[j] ? X1[i] : X1[j]) - (X0[i] > X0[j] ? X0[i] : X0[j])
				oy = (Y1[i] < Y1[j] ? Y1[i] : Y1[j]) - (Y0[i] > Y0[j] ? Y0[i] : Y0[j])
				if (ox > 0.3 && oy > 0.3) {
					printf "overlap: page %d \"%s\" and \"%s\"\n", P[i], T[i], T[j]
					bad++
				}
			}
		exit bad > 0
	}' "$1"
}

# once QUESTIONS-FILE: each question (one a line) is on exactly one card.
once() {
	awk -F '\t' 'NR == FNR { card[NR] = " " $2 " "; n = NR; next }
	$0 != "" {
		c = 0
		for (i = 1; i <= n; i++) if (index(card[i], " " $0 " ")) c++
		if (c != 1) { printf "%d cards for: %s\n", c, $0; bad++ }
	}
	END { exit bad > 0 }' "$T/cards.txt" "$1"
}

pages() {
	"$PDFINFO" "$1" | awk '/^Pages:/ { print $2 }'
}

# --- the long-prompt fixture, A4 and Letter --------------------------------
grep -c '^  - id:' "$FIX/long.yaml" >"$T/n"
n=$(cat "$T/n")
# Questions that print as they are (not shortened, not broken mid-word,
# not in a script the test machine may lack fonts for).
sed -n 's/^    question: "\(.*\)"$/\1/p' "$FIX/long.yaml" |
    grep -v -e '^Imagine' -e 'Pneumono' | LC_ALL=C grep -v '[^ -~]' >"$T/questions"

for paper in a4 letter; do
	run "$TALKPACT" --only-content --content "$FIX" pack --layout cards \
	    --paper "$paper" -o "$T/cards-$paper.html"
	expect_rc 0 "$paper: long prompts make cards"
	# A question of 650 characters fits a card a whole row wide; a
	# tip of several thousand does not, and the card says so.
	expect_no_match err "huge-question" \
	    "$paper: the long question fits a whole-row card, not shortened"
	expect_match err "huge-tip.*too long for a card" \
	    "$paper: the huge tip is reported"
	html=$(cat "$T/cards-$paper.html")
	expect_match html '<div class="card card-[a-z]+ card-wide[ "]' \
	    "$paper: a card takes a whole row"
	if print_pdf "$T/cards-$paper.html" "$T/cards-$paper.pdf"; then
		ok "$paper: Chromium prints the cards"
	else
		not_ok "$paper: Chromium prints the cards" "$(tail -5 "$T/chrome.log")"
		continue
	fi
	expect_eq "$(pages "$T/cards-$paper.pdf")" \
	    "$(grep -c '<div class="sheet">' "$T/cards-$paper.html")" \
	    "$paper: a page for each sheet"
	size=$("$PDFINFO" "$T/cards-$paper.pdf" | sed -n 's/^Page size: *//p')
	case $paper in
	a4) expect_match size '^59[45]\.[0-9]* x 841\.[0-9]* pts' "a4: the pages are A4" ;;
	letter) expect_match size '^612(\.0*)? x 792(\.0*)? pts' "letter: the pages are Letter" ;;
	esac
	if msg=$(cards "$T/cards-$paper.pdf" "$paper" "$T/cards-$paper.html"); then
		ok "$paper: every word lies inside a card"
	else
		not_ok "$paper: every word lies inside a card" "$msg"
	fi
	expect_eq "$(wc -l <"$T/cards.txt" | tr -d ' ')" "$n" \
	    "$paper: $n cards have text"
	if msg=$(once "$T/questions"); then
		ok "$paper: each question is on exactly one card"
	else
		not_ok "$paper: each question is on exactly one card" "$msg"
	fi
	c=$(grep -c 'Imagine a very long situation' "$T/cards.txt")
	expect_eq "$c" 1 "$paper: the long question is on one card"
	expect_eq "$out" "" "$paper: nothing on standard output with -o"
done

# --- the shipped prompts, every band ---------------------------------------
"$TALKPACT" list --format tsv 2>/dev/null |
    awk -F '\t' '$1 == "prompt" && !seen[$2]++ { print $5 }' >"$T/questions"
n=$(wc -l <"$T/questions" | tr -d ' ')
if [ "$n" -gt 0 ]; then
	ok "the shipped prompts are listed ($n)"
else
	not_ok "the shipped prompts are listed"
fi
run "$TALKPACT" pack --layout cards -o "$T/all.html"
expect_rc 0 "the shipped prompts make cards"
expect_eq "$err" "" "no shipped card needs shortening"
if print_pdf "$T/all.html" "$T/all.pdf"; then
	ok "Chromium prints the shipped cards"
	expect_eq "$(pages "$T/all.pdf")" \
	    "$(grep -c '<div class="sheet">' "$T/all.html")" \
	    "the shipped cards: a page for each sheet"
	if msg=$(cards "$T/all.pdf" a4 "$T/all.html"); then
		ok "every shipped card's words lie inside it"
	else
		not_ok "every shipped card's words lie inside it" "$msg"
	fi
	if msg=$(once "$T/questions"); then
		ok "each shipped question is on exactly one card"
	else
		not_ok "each shipped question is on exactly one card" "$msg"
	fi
else
	not_ok "Chromium prints the shipped cards" "$(tail -5 "$T/chrome.log")"
fi

# --- the 8-10 cards: readable sizes, no words on top of each other -------------
for paper in a4 letter; do
	run "$TALKPACT" pack --layout cards --age 8-10 --paper "$paper" \
	    -o "$T/810-$paper.html"
	expect_rc 0 "8-10 $paper: cards are written"
	if ! print_pdf "$T/810-$paper.html" "$T/810-$paper.pdf"; then
		not_ok "8-10 $paper: Chromium prints the cards" "$(tail -5 "$T/chrome.log")"
		continue
	fi
	"$PDFTOTEXT" -bbox "$T/810-$paper.pdf" "$T/810-$paper.bbox"
	if msg=$(sizes "$T/810-$paper.bbox"); then
		ok "8-10 $paper: no two words overlap"
	else
		not_ok "8-10 $paper: no two words overlap" "$(echo "$msg" | sed -n '2,6p')"
	fi
	set -- $(echo "$msg" | sed -n 1p)
	words=${1:-0} small=${2:-0}
	if [ "$words" -gt 1000 ] && [ $((small * 100)) -le $((words * 5)) ]; then
		ok "8-10 $paper: 95% of the words are 9 pt or larger ($small of $words smaller)"
	else
		not_ok "8-10 $paper: 95% of the words are 9 pt or larger" \
		    "$small of $words words are smaller"
	fi
	if msg=$(cards "$T/810-$paper.pdf" "$paper" "$T/810-$paper.html"); then
		ok "8-10 $paper: every word lies inside its card"
	else
		not_ok "8-10 $paper: every word lies inside its card" "$msg"
	fi
	# The last card holds the UK help lines, each number on one line.
	"$PDFTOTEXT" "$T/810-$paper.pdf" "$T/810.txt"
	expect_eq "$(grep -c -x -e 'Childline: 0800 1111, childline.org.uk' \
	    -e 'NSPCC helpline: 0808 800 5000' \
	    -e '999 in an emergency, 101 when it is not urgent' "$T/810.txt")" 3 \
	    "8-10 $paper: a help card, no phone number split"
done

# --- the handout prints too -------------------------------------------------
run "$TALKPACT" pack --age 8-10 -o "$T/handout.html"
expect_rc 0 "the handout is written"
if print_pdf "$T/handout.html" "$T/handout.pdf"; then
	"$PDFTOTEXT" "$T/handout.pdf" "$T/handout.txt"
	ok "Chromium prints the handout"
	c=$(grep -c 'Help and reporting: United Kingdom' "$T/handout.txt")
	expect_eq "$c" 1 "the handout ends with the help lines"
	p=$(pages "$T/handout.pdf")
	if [ "$p" -ge 3 ]; then ok "the handout has the bands and help pages ($p)"
	else not_ok "the handout has the bands and help pages" "pages: $p"; fi
	# Every page ends with "K of P", alone on its line.
	bad=""
	k=1
	while [ "$k" -le "$p" ]; do
		"$PDFTOTEXT" -f "$k" -l "$k" "$T/handout.pdf" "$T/page.txt"
		grep -qx "$k of $p" "$T/page.txt" || bad="$bad $k"
		k=$((k + 1))
	done
	expect_eq "$bad" "" "each handout page is numbered 'K of $p'"
	"$PDFTOTEXT" -f 1 -l 1 "$T/handout.pdf" "$T/page.txt"
	expect_eq "$(grep -c -e '^Talking together' -e '^Ages 8-10$' -e '^1\. ' \
	    "$T/page.txt")" 3 "page 1 holds the cover, the band and question 1"
	# The questions are numbered 1 to N in order, N being every 8-10 prompt.
	n=$("$TALKPACT" list --format tsv 2>/dev/null | awk -F '\t' \
	    '$1 == "prompt" && $3 == "8-10"' | wc -l | tr -d ' ')
	got=$(tr -d '\f' <"$T/handout.txt" | grep -o '^[0-9][0-9]*\. ' |
	    tr -d '. ' | tr '\n' ' ')
	expect_eq "$got" "$(seq 1 "$n" | tr '\n' ' ')" \
	    "the $n questions are numbered 1 to $n in order"
	expect_eq "$(grep -c 'what would you do if.*' "$T/handout.txt")" 0 \
	    "no 'Scenario: what would you do if' label"
else
	not_ok "Chromium prints the handout" "$(tail -5 "$T/chrome.log")"
fi

done_testing
