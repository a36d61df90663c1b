# print-agreement.sh: print the family pact with headless Chromium and read
# it back with pdftotext -bbox, as a person would see it: for every band's
# sample on A4 and on Letter, at most two pages, page numbers on every
# page, no two words on top of each other (a footer over the text would
# be), nothing off the right edge, a Date line per signer, no section
# checks and no conversation; with --record the conversation starts on the
# page after the pact; the UK sample without --paper is A4; a young
# child's words are bigger. A page with a fixed footer over a long list
# shows that the overlap check can fail.
. "$top_srcdir/tests/lib.sh"

[ -n "${CHROMIUM:-}" ] || skip_all "no chromium (configure did not find it)"
[ -n "${PDFTOTEXT:-}" ] || skip_all "no pdftotext (configure did not find it)"
PDFINFO=$(dirname "$PDFTOTEXT")/pdfinfo
[ -x "$PDFINFO" ] || skip_all "no pdfinfo next to pdftotext"

TZ=UTC
export TZ
sessions="$top_srcdir/tests/sessions"

# print HTML PDF: Chromium writes the PDF and exits; a minute at most each.
print() {
	rm -rf "$T/chrome"
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
	    --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$T/chrome" --no-pdf-header-footer \
	    --print-to-pdf="$2" "file://$1" >"$T/chrome.log" 2>&1
	[ -s "$2" ]
}

# words PDF: one line per word: page, xMin, yMin, xMax, yMax, page width,
# page height, text (tab-separated), from pdftotext -bbox.
words() {
	"$PDFTOTEXT" -bbox "$1" - | awk '
	function attr(name,   i) {
		i = index($0, name "=\"")
		if (i == 0) return ""
		s = substr($0, i + length(name) + 2)
		return substr(s, 1, index(s, "\"") - 1) + 0
	}
	/<page / { p++; w = attr("width"); h = attr("height") }
	/<word / {
		t = $0; sub(/^.*">/, "", t); sub(/<\/word>.*$/, "", t)
		gsub(/&apos;|&#39;/, "\047", t); gsub(/&quot;/, "\"", t)
		gsub(/&lt;/, "<", t); gsub(/&gt;/, ">", t); gsub(/&amp;/, "\\&", t)
		printf "%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.1f\t%.1f\t%s\n", p,
		    attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax"), w, h, t
	}'
}

# overlaps WORDS: the pairs of words on one page whose boxes overlap by more
# than half a point both ways, one per line ("page N: A / B").
overlaps() {
	awk -F'\t' '
	{ n++; pg[n] = $1; x0[n] = $2; y0[n] = $3; x1[n] = $4; y1[n] = $5; t[n] = $8 }
	END {
		for (i = 1; i <= n; i++)
			for (j = i + 1; j <= n && pg[j] == pg[i]; j++) {
				ox = (x1[i] < x1[j] ? x1[i] : x1[j]) - (x0[i] > x0[j] ? x0[i] : x0[j])
				oy = (y1[i] < y1[j] ? y1[i] : y1[j]) - (y0[i] > y0[j] ? y0[i] : y0[j])
				if (ox > 0.5 && oy > 0.5)
					printf "page %d: %s / %s\n", pg[i], t[i], t[j]
			}
	}' "$1"
}

# median_height WORDS: the median height of the words' boxes.
median_height() {
	awk -F'\t' '{ print $5 - $3 }' "$1" | sort -n |
	    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# page_of WORDS WORD: the first page where WORD is.
page_of() {
	awk -F'\t' -v w="$2" '$8 == w { print $1; exit }' "$1"
}

squash() { tr -s ' \n\t\f' '    ' | sed 's/ $//'; }

for band in 4-7 8-10 11-13 14-17; do
	sess="$sessions/$band.yaml"
	run "$TALKPACT" render "$sess" -f txt
	printf '%s\n' "$out" >"$T/$band.txt"
	signers=$(grep -c '^Date: ' "$T/$band.txt")
	for paper in a4 letter; do
		name="$band $paper"
		html="$T/$band-$paper.html" pdf="$T/$band-$paper.pdf"
		run "$TALKPACT" render "$sess" -f html --paper "$paper" -o "$html"
		if ! print "$html" "$pdf"; then
			not_ok "$name: chromium printed a PDF" "$(tail -n 5 "$T/chrome.log")"
			continue
		fi
		words "$pdf" >"$T/w"
		pages=$("$PDFINFO" "$pdf" | sed -n 's/^Pages: *//p')
		size=$("$PDFINFO" "$pdf" | sed -n 's/^Page size: *//p')
		if [ "$pages" -le 2 ]; then ok "$name: the pact is on $pages pages"
		else not_ok "$name: the pact is on at most 2 pages" "$pages pages"; fi
		case "$paper:$size" in
		a4:*"(A4)"*|letter:*"(letter)"*) ok "$name: printed on $size" ;;
		*) not_ok "$name: printed on the paper asked for" "$size" ;;
		esac
		overlaps "$T/w" >"$T/over"
		if [ ! -s "$T/over" ]; then ok "$name: no two words overlap"
		else not_ok "$name: no two words overlap" "$(head -n 5 "$T/over")"; fi
		# Every page says which it is, in its foot.
		missing=""
		p=1
		while [ "$p" -le "$pages" ]; do
			awk -F'\t' -v p="$p" '$1 == p { printf "%s ", $8 }' "$T/w" |
			    grep -q " $p of $pages " || missing="$missing $p"
			p=$((p + 1))
		done
		if [ -z "$missing" ]; then ok "$name: every page says \"N of $pages\""
		else not_ok "$name: every page says which it is" "no number on page$missing"; fi
		# No page ends with a heading, and the signatures are on one page.
		grep -B1 -E '^-{3,}$' "$T/$band.txt" | grep -vE '^(-+|--)$' >"$T/headings"
		awk -F'\t' '$3 < $7 - 32 { if ($1 != p || $3 > y + 2) { p = $1; y = $3; line[p] = "" }
			line[p] = line[p] (line[p] == "" ? "" : " ") $8 }
			END { for (i = 1; i < p; i++) print line[i] }' "$T/w" >"$T/lastlines"
		if grep -qxFf "$T/headings" "$T/lastlines"; then
			not_ok "$name: no page ends with a heading" "$(grep -xFf "$T/headings" "$T/lastlines")"
		else
			ok "$name: no page ends with a heading"
		fi
		sp=$(page_of "$T/w" Signatures)
		dp=$(awk -F'\t' '$8 == "Date:" { p = $1 } END { print p }' "$T/w")
		if [ -n "$sp" ] && [ "$sp" = "$dp" ]; then ok "$name: the signatures are together on page $sp"
		else not_ok "$name: the signatures are together on one page" "heading on $sp, last Date on $dp"; fi
		pdftext=$(awk -F'\t' '{ printf "%s ", $8 }' "$T/w" | squash)
		n=$(printf '%s\n' "$pdftext" | grep -o 'Date: ____________' | wc -l)
		if [ "$n" -eq "$signers" ] && [ "$n" -ge 2 ]; then ok "$name: a Date line for each of the $n signers"
		else not_ok "$name: a Date line for each signer" "$n of $signers"; fi
		case "$pdftext" in
		*"Section checks"*|*SHA-256*) not_ok "$name: no section checks on paper" ;;
		*) ok "$name: no section checks on paper" ;;
		esac
		case "$pdftext" in
		*"Our conversation"*|*"Answer 9 from"*) not_ok "$name: none of the conversation" ;;
		*) ok "$name: none of the conversation" ;;
		esac
		case "$band:$pdftext" in
		4-7:*"Write your name or draw yourself"*|8-10:*"Write your name or draw yourself"*)
			ok "$name: a box for the child to write a name or draw" ;;
		4-7:*|8-10:*) not_ok "$name: a box for the child to write a name or draw" ;;
		esac
		case "$pdftext" in
		*"Signed in talkpact"*) not_ok "$name: no \"Signed in talkpact\" on paper" ;;
		*) ok "$name: no \"Signed in talkpact\" on paper" ;;
		esac
		# Every list line of the text version is printed whole.
		grep -E '^(- |[0-9]+\. )' "$T/$band.txt" | sed -E 's/^(- |[0-9]+\. )//' |
		while IFS= read -r line; do
			t=$(printf '%s' "$line" | squash)
			case "$pdftext" in *"$t"*) ;; *) echo "$line" ;; esac
		done >"$T/missing"
		if [ -s "$T/missing" ]; then
			not_ok "$name: every rule, promise and help line is printed" "$(head -n 3 "$T/missing")"
		else
			ok "$name: every rule, promise and help line is printed"
		fi
		off=$(awk -F'\t' '$4 > $6 - 20' "$T/w" | head -n 3)
		if [ -z "$off" ]; then ok "$name: nothing runs off the page"
		else not_ok "$name: nothing runs off the page" "$off"; fi
		# Phone numbers stay on one line: "0808 800 5000" in a row.
		if [ "$band" = 14-17 ]; then
			row=$(awk -F'\t' '$8 == "0808" { y = $3; p = $1 } p && $1 == p && $3 == y { printf "%s ", $8 }' "$T/w")
			case "$row" in
			*"0808 800 5000"*) ok "$name: a phone number on one line" ;;
			*) not_ok "$name: a phone number on one line" "$row" ;;
			esac
		fi
		cp "$T/w" "$T/$band-$paper.words"
	done
done

# A young child's words are bigger: 16pt against 12pt.
if [ -s "$T/4-7-a4.words" ] && [ -s "$T/14-17-a4.words" ]; then
	young=$(median_height "$T/4-7-a4.words")
	old=$(median_height "$T/14-17-a4.words")
	if awk -v a="$young" -v b="$old" 'BEGIN { exit !(a >= 1.25 * b) }'; then
		ok "the 4-7 pact's words are at least 1.25 times the 14-17 ones ($young, $old)"
	else
		not_ok "the 4-7 pact's words are at least 1.25 times the 14-17 ones" "$young against $old"
	fi
else
	not_ok "the 4-7 pact's words are at least 1.25 times the 14-17 ones" "no PDFs"
fi

# Without --paper the UK sample comes out A4.
run "$TALKPACT" render "$sessions/14-17.yaml" -f html -o "$T/uk.html"
if print "$T/uk.html" "$T/uk.pdf"; then
	size=$("$PDFINFO" "$T/uk.pdf" | sed -n 's/^Page size: *//p')
	case "$size" in
	*"(A4)"*) ok "the UK sample without --paper is A4" ;;
	*) not_ok "the UK sample without --paper is A4" "$size" ;;
	esac
else
	not_ok "the UK sample without --paper printed"
fi

# --record: the conversation starts on the page after the pact.
run "$TALKPACT" render "$sessions/4-7.yaml" -f html --record -o "$T/rec.html"
if print "$T/rec.html" "$T/rec.pdf"; then
	words "$T/rec.pdf" >"$T/rw"
	sig=$(page_of "$T/rw" Signatures)
	conv=$(page_of "$T/rw" conversation)
	first=$(awk -F'\t' -v p="$conv" '$1 == p { print $8; exit }' "$T/rw")
	if [ -n "$conv" ] && [ "$conv" -gt "$sig" ] && [ "$first" = Our ]; then
		ok "--record: the conversation starts a new page ($conv, after $sig)"
	else
		not_ok "--record: the conversation starts a new page" "signatures $sig, conversation $conv, first word $first"
	fi
	if grep -q 'Answer 9 from Mia' "$T/rec.html" &&
	    awk -F'\t' '{ printf "%s ", $8 }' "$T/rw" | grep -q 'Answer 9 from Mia'; then
		ok "--record: the answers are printed"
	else
		not_ok "--record: the answers are printed"
	fi
	overlaps "$T/rw" >"$T/over"
	if [ ! -s "$T/over" ]; then ok "--record: no two words overlap"
	else not_ok "--record: no two words overlap" "$(head -n 5 "$T/over")"; fi
else
	not_ok "--record: chromium printed a PDF"
fi

# A draft says so on every page and prints no fingerprint.
sed -e 's/^stage: signed/stage: agreeing/' -e '/^signatures:/,$d' \
    "$sessions/14-17.yaml" >"$T/draft.yaml"
run "$TALKPACT" render "$T/draft.yaml" -f html -o "$T/draft.html"
if [ "$rc" -eq 0 ] && print "$T/draft.html" "$T/draft.pdf"; then
	words "$T/draft.pdf" >"$T/dw"
	pages=$("$PDFINFO" "$T/draft.pdf" | sed -n 's/^Pages: *//p')
	drafts=$(awk -F'\t' '{ l[$1] = l[$1] " " $8 } END { for (p in l) if (l[p] ~ /Draft, not signed yet/) n++; print n + 0 }' "$T/dw")
	if [ "$drafts" -eq "$pages" ]; then ok "a draft says \"Draft, not signed yet\" on each of its $pages pages"
	else not_ok "a draft says so on every page" "$drafts of $pages pages"; fi
	if awk -F'\t' '$8 == "Fingerprint"' "$T/dw" | grep -q .; then not_ok "a draft prints no fingerprint"
	else ok "a draft prints no fingerprint"; fi
	overlaps "$T/dw" >"$T/over"
	if [ ! -s "$T/over" ]; then ok "a draft: no two words overlap"
	else not_ok "a draft: no two words overlap" "$(head -n 5 "$T/over")"; fi
else
	not_ok "a draft printed" "$err"
fi

# A long list of the family's own rules takes more pages, every one
# numbered, none of it under the foot of a page.
awk '{ print } /^rules:$/ { for (i = 1; i <= 38; i++)
	printf "- text: \"Our own rule number %d, with a few more words to fill the line.\"\n  binds: everyone\n", i }' \
    "$sessions/format1/14-17.yaml" >"$T/long.yaml"
run "$TALKPACT" render "$T/long.yaml" -f html --paper letter -o "$T/long.html"
if [ "$rc" -eq 0 ] && print "$T/long.html" "$T/long.pdf"; then
	words "$T/long.pdf" >"$T/lw"
	pages=$("$PDFINFO" "$T/long.pdf" | sed -n 's/^Pages: *//p')
	numbered=$(awk -F'\t' '{ l[$1] = l[$1] $8 " " } END { for (p in l) if ((" " l[p]) ~ (" " p " of " N " ")) n++; print n + 0 }' N="$pages" "$T/lw")
	if [ "$pages" -gt 2 ] && [ "$numbered" -eq "$pages" ]; then ok "38 own rules: $pages pages, each numbered"
	else not_ok "38 own rules: more pages, each numbered" "$numbered of $pages"; fi
	overlaps "$T/lw" >"$T/over"
	if [ ! -s "$T/over" ]; then ok "38 own rules: no two words overlap"
	else not_ok "38 own rules: no two words overlap" "$(head -n 5 "$T/over")"; fi
	n=$(awk -F'\t' '{ printf "%s ", $8 }' "$T/lw" | grep -o 'Our own rule number [0-9]*,' | sort -u | wc -l)
	if [ "$n" -eq 38 ]; then ok "38 own rules: every one printed"
	else not_ok "38 own rules: every one printed" "$n"; fi
else
	not_ok "the long pact printed" "$err"
fi

# The check can fail: a footer fixed over a long list of rules, the way the
# agreement once printed, covers words, and overlaps() finds them.
{
	printf '<!DOCTYPE html><html><head><meta charset="utf-8"><style>\n'
	printf 'html { font-family: "DejaVu Sans"; font-size: 12pt; }\n'
	printf '@page { size: A4; margin: 12mm; }\n'
	printf 'footer { position: fixed; bottom: 0; left: 0; right: 0; background: #fff; font-size: 8pt; }\n'
	printf '</style></head><body><main><ul>\n'
	i=1
	while [ "$i" -le 120 ]; do
		printf '<li>Our own rule number %d, with a few more words to fill the line.</li>\n' "$i"
		i=$((i + 1))
	done
	printf '</ul></main><footer>Fingerprint 0c63 3120 5a1b 77de 0c63 3120 5a1b 77de 0c63 3120</footer></body></html>\n'
} >"$T/bad.html"
if print "$T/bad.html" "$T/bad.pdf"; then
	words "$T/bad.pdf" >"$T/bw"
	overlaps "$T/bw" >"$T/over"
	if [ -s "$T/over" ]; then
		ok "a fixed footer over a long list is caught ($(wc -l <"$T/over") overlaps)"
	else
		not_ok "a fixed footer over a long list is caught" "no overlap found"
	fi
else
	not_ok "the page with a fixed footer printed"
fi

done_testing
