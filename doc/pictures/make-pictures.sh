#!/bin/sh
# make-pictures.sh: makes the README's pictures from the samples, the way
# a family or a teacher prints them: the sample 8-10 agreement
# (tests/sessions/8-10.yaml) and the 8-10 cards on A4, each printed to PDF
# by headless Chromium with no browser header or footer, then page 1 made
# into a PNG at 72 dpi by pdftoppm.
#
# Usage: doc/pictures/make-pictures.sh [OUTDIR]
#   writes OUTDIR/agreement.png and OUTDIR/cards.png (default: this folder).
#   TALKPACT, CHROMIUM and PDFTOPPM may name the programs (default: the
#   built src/talkpact, and chromium and pdftoppm on PATH).
# The run uses an empty HOME, so a user's own prompts never show.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${1:-$here}
talkpact=${TALKPACT:-$top/src/talkpact}
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || :)}
pdftoppm=${PDFTOPPM:-$(command -v pdftoppm || :)}
[ -x "$talkpact" ] || { echo "make-pictures.sh: no $talkpact (build first)" >&2; exit 69; }
[ -n "$chromium" ] || { echo "make-pictures.sh: no chromium" >&2; exit 69; }
[ -n "$pdftoppm" ] || { echo "make-pictures.sh: no pdftoppm (poppler-utils)" >&2; exit 69; }
mkdir -p "$out"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/talkpact-pictures.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp/home
TZ=UTC
mkdir -p "$HOME"
export HOME TZ
unset XDG_DATA_HOME XDG_STATE_HOME XDG_CONFIG_HOME

"$talkpact" render "$top/tests/sessions/8-10.yaml" -f html -o "$tmp/agreement.html"
"$talkpact" pack --age 8-10 --layout cards --paper a4 -o "$tmp/cards.html"

to=""
command -v timeout >/dev/null 2>&1 && to="timeout 180"
for name in agreement cards; do
	$to "$chromium" --headless --no-sandbox --disable-gpu --no-first-run \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --user-data-dir="$tmp/chrome" --no-pdf-header-footer \
	    --print-to-pdf-no-header --print-to-pdf="$tmp/$name.pdf" \
	    "file://$tmp/$name.html" >"$tmp/chrome.log" 2>&1 || :
	if [ ! -s "$tmp/$name.pdf" ]; then
		echo "make-pictures.sh: chromium printed no $name.pdf:" >&2
		tail -5 "$tmp/chrome.log" >&2
		exit 70
	fi
	"$pdftoppm" -png -r 72 -f 1 -l 1 -singlefile "$tmp/$name.pdf" "$out/$name"
	echo "$out/$name.png"
done
