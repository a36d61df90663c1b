#!/bin/sh
# resign-samples.sh: sign tests/sessions/*.yaml again with the program, as
# a family would: each format-1 sample in tests/sessions/format1/ is cut at
# signatures: (leaving an unsigned session ready to sign), resumed in plain
# mode with the clock fixed at TALKPACT_NOW and TZ=UTC, and signed by the
# same names in the same order; the format-2 file talkpact saves replaces
# tests/sessions/NAME.yaml (with the sample's first comment line kept).
# Run it from the top of a built tree after the content or the pact's
# layout changes, then regenerate the goldens (see README, Tests) and
# read both diffs.
#
#   tools/resign-samples.sh [BUILD-DIR]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top}
talkpact="$build/src/talkpact"
now=2026-11-29T15:30:00Z
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

for old in "$top"/tests/sessions/format1/*.yaml; do
	name=$(basename "$old")
	id=$(sed -n 's/^id: "\(.*\)"$/\1/p' "$old")
	home="$tmp/$name.home"
	mkdir -p "$home"
	sed -e '/^signatures:/,$d' -e 's/^stage: signed$/stage: signing/' \
	    "$old" >"$tmp/$name"
	# Plain mode asks the child first, then each grown-up in order.
	{
		awk '/^signatures:/ { s = 1 } s && /^- role: child/ { c = 1 }
		    s && c && /^  name: / { sub(/^  name: "/, ""); sub(/"$/, "");
		    print; c = 0 }' "$old"
		awk '/^signatures:/ { s = 1 } s && /^- role: grown-up/ { g = 1 }
		    s && g && /^  grown-up: / { n = $2 }
		    s && g && /^  name: / { sub(/^  name: "/, ""); sub(/"$/, "");
		    print n "\t" $0; g = 0 }' "$old" | sort -n | cut -f2-
	} >"$tmp/$name.names"
	HOME="$home" XDG_STATE_HOME= XDG_DATA_HOME= TZ=UTC LC_ALL=C.UTF-8 \
	    TALKPACT_NOW=$now "$talkpact" --plain resume "$tmp/$name" \
	    <"$tmp/$name.names" >"$tmp/$name.out"
	saved="$home/.local/state/talkpact/sessions/$id.yaml"
	grep -q '^stage: signed$' "$saved" || {
		echo "$name: not signed; see $tmp/$name.out" >&2
		trap - EXIT
		exit 1
	}
	{ head -n 1 "$old"; cat "$saved"; } >"$top/tests/sessions/$name"
	echo "$name: signed again (format 2)"
done
