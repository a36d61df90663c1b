#!/bin/sh
# bench.sh: talkpact against the floors of its own libraries. Run by
# `make bench`; prints one table and writes it to bench-results.txt.
#
# Every figure is the median of RUNS runs, and every ratio compares two
# figures measured in the same run. Where valgrind is installed, the
# loading ratio is also given in instructions (callgrind), which does not
# drift with the machine's load.
set -u
: "${top_srcdir:?run through make bench}"
: "${top_builddir:?run through make bench}"
B="$top_builddir/tests/bench"
TP="$top_builddir/src/talkpact"
RUNS=${RUNS:-7}
W=$(mktemp -d "${TMPDIR:-/tmp}/talkpact-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
HOME="$W/home"; mkdir -p "$HOME"; export HOME
unset XDG_DATA_HOME XDG_STATE_HOME
OUT="$top_builddir/bench-results.txt"
: >"$OUT"

row() {	# row FIGURE VALUE TARGET VERDICT
	printf '%-34s %-30s %-16s %s\n' "$1" "$2" "$3" "$4" | tee -a "$OUT"
}
field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 <= b + 0) }'; }
verdict() {
	if [ -z "$1" ] || [ "$1" = n/a ]; then echo "NOT MEASURED"
	elif le "$1" "$2"; then echo "met"; else echo "MISSED"; fi
}
instr() {	# instructions a command executes, from callgrind
	valgrind --tool=callgrind --callgrind-out-file="$W/cg.out" "$@" \
	    >/dev/null 2>"$W/cg.err"
	sed -n 's/^==[0-9]*== Collected : //p' "$W/cg.err" | tr -d ' '
}

row "figure" "measured" "target" "verdict"
row "------" "--------" "------" "-------"

# --- loading: 10,000 prompts in about 5 MB over 100 files ----------------
for scale in 1 4 16; do
	mkdir -p "$W/lib$scale"
	"$B/gen_library" "$W/lib$scale" "$scale" || exit 1
done
bytes=$(cat "$W"/lib1/*.yaml | wc -c)
floor=$("$B/measure" "$RUNS" "$B/floor_yaml" "$W"/lib1/*.yaml)
ours=$("$B/measure" "$RUNS" "$TP" -q --only-content --content "$W/lib1" validate)
fw=$(field "$floor" wall_ms); ow=$(field "$ours" wall_ms)
r=$(ratio "$ow" "$fw")
mbs=$(awk -v b="$bytes" -v ms="$ow" 'BEGIN { printf "%.1f", b / 1048576 / (ms / 1000) }')
row "load 10k prompts: libyaml floor" "${fw} ms" "" ""
row "load 10k prompts: talkpact" "${ow} ms (${mbs} MB/s)" "" ""
row "load ratio (wall)" "${r}x" "<= 1.5x" "$(verdict "$r" 1.5)"
if command -v valgrind >/dev/null 2>&1; then
	fi_=$(instr "$B/floor_yaml" "$W"/lib1/*.yaml)
	oi=$(instr "$TP" -q --only-content --content "$W/lib1" validate)
	r=$(ratio "$oi" "$fi_")
	row "load ratio (instructions)" "${r}x ($oi / $fi_)" "<= 1.5x" "$(verdict "$r" 1.5)"
fi

# --- scaling: 1x, 4x, 16x -------------------------------------------------
for scale in 1 4 16; do
	m=$("$B/measure" 3 "$TP" -q --only-content --content "$W/lib$scale" validate)
	eval "sw$scale=$(field "$m" wall_ms) sr$scale=$(field "$m" maxrss_kb)"
done
row "scaling time 1x / 4x / 16x" "$sw1 / $sw4 / $sw16 ms" "" ""
r4=$(ratio "$sw4" "$sw1"); r16=$(ratio "$sw16" "$sw1")
row "scaling time ratio 4x, 16x" "${r4}x, ${r16}x" "~4x, ~16x" \
    "$(if le "$r16" 20; then echo linear; else echo "MISSED (superlinear)"; fi)"
if command -v valgrind >/dev/null 2>&1; then
	# Instructions do not feel the caches filling, so they show the
	# algorithm's growth alone.
	i1=$(instr "$TP" -q --only-content --content "$W/lib1" validate)
	i4=$(instr "$TP" -q --only-content --content "$W/lib4" validate)
	ri=$(ratio "$i4" "$i1")
	row "scaling instructions 4x / 1x" "${ri}x" "~4x" \
	    "$(if le "$ri" 4.4; then echo linear; else echo "MISSED (superlinear)"; fi)"
fi
row "scaling memory 1x / 4x / 16x" "$sr1 / $sr4 / $sr16 KB" "" ""
# Memory at 16x may be at most 16x memory at 1x plus a constant; the
# constant is the process's fixed cost, the RSS of loading nothing.
base=$(field "$("$B/measure" 3 "$TP" -q --only-content validate)" maxrss_kb)
limit=$(awk -v a="$sr1" -v c="$base" 'BEGIN { print 16 * (a - c) + c }')
row "memory 16x vs 16*(1x - base) + base" "$sr16 KB vs $limit KB" "<=" "$(verdict "$sr16" "$limit")"

# --- rendering: a large signed agreement, every clause on ----------------
r=$("$B/bench_render" "$top_srcdir" 20) || exit 1
row "render agreement: libcmark floor" "$(field "$r" floor_ms) ms" "" ""
row "render agreement: talkpact" "$(field "$r" ours_ms) ms ($(field "$r" bytes) bytes)" "" ""
rr=$(field "$r" ratio)
row "render ratio (CPU)" "${rr}x" "<= 1.5x" "$(verdict "$rr" 1.5)"
if command -v valgrind >/dev/null 2>&1; then
	# The same work counted in instructions; setup (loading content,
	# filling the session) is the same on both sides and subtracted.
	i0=$(instr "$B/bench_render" "$top_srcdir" 0 ours)
	io=$(instr "$B/bench_render" "$top_srcdir" 20 ours)
	if_=$(instr "$B/bench_render" "$top_srcdir" 20 floor)
	r=$(awk -v o="$io" -v f="$if_" -v z="$i0" 'BEGIN { if (f > z) printf "%.2f", (o - z) / (f - z); else print "n/a" }')
	# Valgrind hides the CPU's SHA instructions, so nettle hashes in
	# plain code there: count that part and show the ratio without it.
	valgrind --tool=callgrind --callgrind-out-file="$W/cg.sha" \
	    "$B/bench_render" "$top_srcdir" 20 ours >/dev/null 2>&1
	sha=$(callgrind_annotate "$W/cg.sha" 2>/dev/null |
	    awk '/sha256_compress/ { gsub(",", "", $1); s += $1 } END { print s + 0 }')
	rs=$(awk -v o="$io" -v f="$if_" -v z="$i0" -v h="$sha" 'BEGIN { if (f > z) printf "%.2f", (o - z - h) / (f - z); else print "n/a" }')
	row "render ratio (instructions)" "${r}x; ${rs}x without SHA-256" "<= 1.5x" \
	    "$(verdict "$rs" 1.5) (SHA-NI unseen under valgrind)"
fi

# --- start-up: to the first frame on an 80x24 terminal --------------------
# TALKPACT_EXIT_AFTER_FIRST_FRAME=1 makes the program exit once the welcome
# screen is on the terminal.
s=$("$B/measure" -t 80x24 "$RUNS" env TALKPACT_EXIT_AFTER_FIRST_FRAME=1 \
    TERM=xterm-256color "$TP") || s=""
sw=$(field "$s" wall_ms); sr=$(field "$s" maxrss_kb)
row "start-up to first frame" "${sw} ms" "< 20 ms" "$(verdict "$sw" 20)"
srm=$([ -n "$sr" ] && awk -v k="$sr" 'BEGIN { printf "%.1f", k / 1024 }')
row "start-up peak memory" "${srm} MB" "< 8 MB" "$(verdict "$srm" 8)"

# --- typing: 1,000 keypresses into a long answer at 200x60 ----------------
if [ -x "$top_srcdir/tests/bench/typing.sh" ] || [ -f "$top_srcdir/tests/bench/typing.sh" ]; then
	t=$(TALKPACT="$TP" $SHELL "$top_srcdir/tests/bench/typing.sh" 2>/dev/null | sed -n 's/^typing_ms_per_key=//p')
	if [ -n "$t" ]; then
		row "CPU per keypress at 200x60" "${t} ms" "< 0.5 ms" "$(verdict "$t" 0.5)"
	else
		row "CPU per keypress at 200x60" "not measured (needs tmux)" "< 0.5 ms" "-"
	fi
fi
echo
echo "Written to $OUT"
