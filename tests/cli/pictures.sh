# pictures.sh: doc/pictures/make-pictures.sh still makes the README's
# pictures as they are committed: it runs into a temporary folder, and
# each new PNG must have the committed one's size in pixels and look the
# same. Chromium builds differ a little in how they draw text, so the
# pictures are compared in grey, 8 x 8 pixel blocks at a time: no block
# may differ by more than 80 of 255 levels, nor all of them by more than
# 4 on average. Measured here: text drawn with no anti-aliasing at all
# differs by 49 at most (mean 2.8) and passes; a question rewrapped onto
# another line (155) or one card a size smaller (141) fails. One word
# swapped for another of the same length (45) passes: this guards the
# layout, not the wording. (Without python3 for the pixel comparison,
# only the sizes are compared.) After a change to how a pact or the cards
# print, run doc/pictures/make-pictures.sh and commit the pictures.
. "$top_srcdir/tests/lib.sh"

[ -n "${CHROMIUM:-}" ] || skip_all "no chromium (configure found none)"
[ -n "${PDFTOTEXT:-}" ] || skip_all "no pdftotext (configure found none)"
PDFTOPPM=$(dirname "$PDFTOTEXT")/pdftoppm
[ -x "$PDFTOPPM" ] || skip_all "no pdftoppm next to $PDFTOTEXT"
export TALKPACT CHROMIUM PDFTOPPM

pics="$top_srcdir/doc/pictures"
run sh "$pics/make-pictures.sh" "$T/new"
expect_rc 0 "make-pictures.sh runs"

# size PNG: "WIDTH x HEIGHT" from the PNG header.
size() {
	od -An -tu1 -j16 -N8 "$1" | awk '{ print ($1 * 16777216 + $2 * 65536 +
	    $3 * 256 + $4) " x " ($5 * 16777216 + $6 * 65536 + $7 * 256 + $8) }'
}

cat >"$T/compare.py" <<'PY'
import struct, sys, zlib

def grey(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, inter = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and inter == 0 and ctype in (0, 2, 6), "PNG kind"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = {0: 1, 2: 3, 6: 4}[ctype]
    raw, stride = zlib.decompress(idat), w * bpp
    prev, rows, i = bytearray(stride), [], 0
    for _ in range(h):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else
                                      b if pb <= pc else c)) & 255
        rows.append([sum(line[x * bpp:x * bpp + min(bpp, 3)]) // min(bpp, 3)
                     for x in range(w)])
        prev = line
    return w, h, rows

def blocks(w, h, rows, k=8):
    out = []
    for by in range(0, h - k + 1, k):
        for bx in range(0, w - k + 1, k):
            out.append(sum(sum(rows[y][bx:bx + k]) for y in range(by, by + k)) / (k * k))
    return out

a, b = grey(sys.argv[1]), grey(sys.argv[2])
if a[:2] != b[:2]:
    print("sizes differ"); sys.exit(1)
d = [abs(x - y) for x, y in zip(blocks(*a), blocks(*b))]
worst, mean = max(d), sum(d) / len(d)
print("worst block %.1f, mean %.2f" % (worst, mean))
sys.exit(0 if worst <= 80 and mean <= 4 else 1)
PY

for name in agreement cards; do
	new="$T/new/$name.png" old="$pics/$name.png"
	if [ ! -s "$new" ]; then
		not_ok "$name.png is made"
		continue
	fi
	expect_eq "$(size "$new")" "$(size "$old")" \
	    "$name.png has the committed size in pixels"
	if ! command -v python3 >/dev/null 2>&1; then
		skip "$name.png looks as committed" "no python3"
	elif msg=$(python3 "$T/compare.py" "$old" "$new" 2>&1); then
		ok "$name.png looks as committed ($msg)"
	else
		not_ok "$name.png looks as committed" \
		    "$msg; run doc/pictures/make-pictures.sh and commit the pictures"
	fi
done

done_testing
