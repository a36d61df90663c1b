#!/bin/sh
# bench.sh: talkpact against the floors of its own libraries. Run by
# `make bench`; prints one table and writes it to bench-results.txt.
#
# Steady on a busy machine, so the verdicts do not flip with its load:
# - the two sides of a comparison run interleaved (floor, talkpact, floor,
#   talkpact, ...; measure -i), so a change in load falls on both alike;
# - each ratio is the median of the rounds' ratios, with its spread (the
#   lowest and highest round);
# - a verdict is decided by wall (or CPU) time only when the whole spread
#   is on one side of the target; when the target falls inside the spread,
#   instruction counts decide (valgrind's cachegrind: the same count on
#   every run, whatever the load). The last column says which decided.
set -u
: "${top_srcdir:?run through make bench}"
: "${top_builddir:?run through make bench}"
B="$top_builddir/tests/bench"
TP="$top_builddir/src/talkpact"
ROUNDS=${ROUNDS:-11}		# rounds of the loading comparison
SCALE_ROUNDS=${SCALE_ROUNDS:-5}	# rounds of 1x, 4x and 16x
RUNS=${RUNS:-7}			# runs of the start-up
W=$(mktemp -d "${TMPDIR:-/tmp}/talkpact-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
HOME="$W/home"; mkdir -p "$HOME"; export HOME
unset XDG_DATA_HOME XDG_STATE_HOME
OUT="$top_builddir/bench-results.txt"
: >"$OUT"

row() {	# row FIGURE VALUE TARGET VERDICT DECIDED-BY
	printf '%-32s %-38s %-9s %-7s %s\n' "$1" "${2:-}" "${3:-}" "${4:-}" "${5:-}" |
	    sed 's/ *$//' | tee -a "$OUT"
}
field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 <= b + 0) }'; }
fmt2() { awk -v a="$1" 'BEGIN { printf "%.2f", a }'; }
have_valgrind() { command -v valgrind >/dev/null 2>&1; }
instr() {	# instructions a command executes (cachegrind, no cache model)
	valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$W/cg.out" \
	    "$@" >/dev/null 2>"$W/cg.err"
	sed -n 's/^==[0-9]*== I *refs: *//p' "$W/cg.err" | tr -d ', '
}

# decide LO HI TARGET INSTR-RATIO OK MISSED: prints "VERDICT|DECIDED-BY".
# The spread LO-HI below or at TARGET: OK by time; all above: MISSED by
# time; across it: the instruction ratio decides (or "unsure" without it).
decide() {
	if le "$2" "$3"; then echo "$5|time (whole spread)"
	elif ! le "$1" "$3"; then echo "$6|time (whole spread)"
	elif [ -z "$4" ] || [ "$4" = n/a ]; then echo "unsure|spread across target; no valgrind"
	elif le "$4" "$3"; then echo "$5|instructions ($4x)"
	else echo "$6|instructions ($4x)"; fi
}
verdict() { echo "${1%%|*}"; }
basis() { echo "${1#*|}"; }

row "figure" "measured" "target" "verdict" "decided by"
row "------" "--------" "------" "-------" "----------"

# --- loading: 10,000 prompts in about 5 MB over 100 files ----------------
for scale in 1 4 16; do
	mkdir -p "$W/lib$scale"
	"$B/gen_library" "$W/lib$scale" "$scale" || exit 1
done
bytes=$(cat "$W"/lib1/*.yaml | wc -c)
m=$("$B/measure" -i "$ROUNDS" "$B/floor_yaml" "$W"/lib1/*.yaml -- "$TP" -q --only-content --content "$W/lib1" validate) || exit 1
fw=$(field "$m" a_wall_ms); ow=$(field "$m" b_wall_ms)
mbs=$(awk -v b="$bytes" -v ms="$ow" 'BEGIN { printf "%.1f", b / 1048576 / (ms / 1000) }')
row "load 10k prompts: libyaml floor" "${fw} ms (median of $ROUNDS)"
row "load 10k prompts: talkpact" "${ow} ms (${mbs} MB/s)"
if have_valgrind; then
	fi_=$(instr "$B/floor_yaml" "$W"/lib1/*.yaml)
	i1=$(instr "$TP" -q --only-content --content "$W/lib1" validate)
	ri=$(ratio "$i1" "$fi_")
else
	ri=""
fi
d=$(decide "$(field "$m" b_wall_ratio_min)" "$(field "$m" b_wall_ratio_max)" 1.5 "$ri" met MISSED)
row "load ratio (wall, ABAB)" "$(fmt2 "$(field "$m" b_wall_ratio)")x, spread $(fmt2 "$(field "$m" b_wall_ratio_min)")-$(fmt2 "$(field "$m" b_wall_ratio_max)")" \
    "<= 1.5x" "$(verdict "$d")" "$(basis "$d")"
row "load ratio (CPU, ABAB)" "$(fmt2 "$(field "$m" b_cpu_ratio)")x, spread $(fmt2 "$(field "$m" b_cpu_ratio_min)")-$(fmt2 "$(field "$m" b_cpu_ratio_max)")"
[ -n "$ri" ] && row "load ratio (instructions)" "${ri}x ($i1 / $fi_)"

# --- scaling: 1x, 4x, 16x interleaved -------------------------------------
m=$("$B/measure" -i "$SCALE_ROUNDS" "$TP" -q --only-content --content "$W/lib1" validate -- "$TP" -q --only-content --content "$W/lib4" validate -- "$TP" -q --only-content --content "$W/lib16" validate) || exit 1
row "scaling time 1x / 4x / 16x" "$(field "$m" a_wall_ms) / $(field "$m" b_wall_ms) / $(field "$m" c_wall_ms) ms"
if have_valgrind; then
	# Instructions do not feel the caches filling or the machine's load:
	# they show the algorithm's growth alone.
	i4=$(instr "$TP" -q --only-content --content "$W/lib4" validate)
	i16=$(instr "$TP" -q --only-content --content "$W/lib16" validate)
	ri4=$(ratio "$i4" "$i1"); ri16=$(ratio "$i16" "$i1")
else
	ri4=""; ri16=""
fi
d=$(decide "$(field "$m" b_wall_ratio_min)" "$(field "$m" b_wall_ratio_max)" 5 "$ri4" linear "MISSED (superlinear)")
row "scaling 4x / 1x (wall)" "$(fmt2 "$(field "$m" b_wall_ratio)")x, spread $(fmt2 "$(field "$m" b_wall_ratio_min)")-$(fmt2 "$(field "$m" b_wall_ratio_max)")" \
    "<= 5x" "$(verdict "$d")" "$(basis "$d")"
d=$(decide "$(field "$m" c_wall_ratio_min)" "$(field "$m" c_wall_ratio_max)" 20 "$ri16" linear "MISSED (superlinear)")
row "scaling 16x / 1x (wall)" "$(fmt2 "$(field "$m" c_wall_ratio)")x, spread $(fmt2 "$(field "$m" c_wall_ratio_min)")-$(fmt2 "$(field "$m" c_wall_ratio_max)")" \
    "<= 20x" "$(verdict "$d")" "$(basis "$d")"
row "scaling 4x, 16x / 1x (CPU)" "$(fmt2 "$(field "$m" b_cpu_ratio)")x, $(fmt2 "$(field "$m" c_cpu_ratio)")x"
row "  user / system CPU at 16x" "$(field "$m" c_user_ms) / $(field "$m" c_sys_ms) ms"
[ -n "$ri4" ] && row "scaling 4x, 16x / 1x (instr.)" "${ri4}x, ${ri16}x"
row "page faults 1x / 4x / 16x" "$(field "$m" a_minflt) / $(field "$m" b_minflt) / $(field "$m" c_minflt)"
sr1=$(field "$m" a_maxrss_kb); sr16=$(field "$m" c_maxrss_kb)
row "memory 1x / 4x / 16x" "$sr1 / $(field "$m" b_maxrss_kb) / $sr16 KB"
# Memory at 16x may be at most 16x memory at 1x plus a constant; the
# constant is the process's fixed cost, the RSS of loading nothing.
base=$(field "$("$B/measure" 3 "$TP" -q --only-content validate)" maxrss_kb)
limit=$(awk -v a="$sr1" -v c="$base" 'BEGIN { print 16 * (a - c) + c }')
row "memory 16x vs 16*(1x-base)+base" "$sr16 KB vs $limit KB" "<=" \
    "$(if le "$sr16" "$limit"; then echo met; else echo MISSED; fi)" "peak RSS"

# --- rendering: a large signed agreement, every clause on ----------------
# bench_render alternates the two sides round by round, in CPU time.
r=$("$B/bench_render" "$top_srcdir" 20) || exit 1
row "render agreement: libcmark floor" "$(field "$r" floor_ms) ms"
row "render agreement: talkpact" "$(field "$r" ours_ms) ms ($(field "$r" bytes) bytes)"
rs=""
if have_valgrind; then
	# The same work counted in instructions; setup (loading content,
	# filling the session) is the same on both sides and subtracted.
	i0=$(instr "$B/bench_render" "$top_srcdir" 0 ours)
	io=$(instr "$B/bench_render" "$top_srcdir" 20 ours)
	sha=$(cg_annotate "$W/cg.out" 2>/dev/null |
	    awk '$NF ~ /:.*sha256_compress/ { gsub(",", "", $1); s += $1 } END { print s + 0 }')
	if_=$(instr "$B/bench_render" "$top_srcdir" 20 floor)
	r2=$(awk -v o="$io" -v f="$if_" -v z="$i0" 'BEGIN { if (f > z) printf "%.2f", (o - z) / (f - z); else print "n/a" }')
	# Valgrind hides the CPU's SHA instructions, so nettle hashes in
	# plain code there: the ratio that decides leaves that part out.
	rs=$(awk -v o="$io" -v f="$if_" -v z="$i0" -v h="$sha" 'BEGIN { if (f > z) printf "%.2f", (o - z - h) / (f - z); else print "n/a" }')
fi
d=$(decide "$(field "$r" ratio_min)" "$(field "$r" ratio_max)" 1.5 "$rs" met MISSED)
row "render ratio (CPU, ABAB)" "$(field "$r" ratio)x, spread $(field "$r" ratio_min)-$(field "$r" ratio_max)" \
    "<= 1.5x" "$(verdict "$d")" "$(basis "$d")"
[ -n "$rs" ] && row "render ratio (instructions)" "${r2}x; ${rs}x without SHA-256 (SHA-NI unseen)"

# --- start-up: to the first frame on an 80x24 terminal --------------------
# TALKPACT_EXIT_AFTER_FIRST_FRAME=1 makes the program exit once the welcome
# screen is on the terminal.
s=$("$B/measure" -t 80x24 "$RUNS" env TALKPACT_EXIT_AFTER_FIRST_FRAME=1 \
    TERM=xterm-256color "$TP") || s=""
sw=$(field "$s" wall_ms); sr=$(field "$s" maxrss_kb)
row "start-up to first frame" "${sw:-?} ms (median of $RUNS)" "< 20 ms" \
    "$(if [ -n "$sw" ] && le "$sw" 20; then echo met; else echo MISSED; fi)" "wall"
srm=$([ -n "$sr" ] && awk -v k="$sr" 'BEGIN { printf "%.1f", k / 1024 }')
row "start-up peak memory" "${srm:-?} MB" "< 8 MB" \
    "$(if [ -n "$srm" ] && le "$srm" 8; then echo met; else echo MISSED; fi)" "peak RSS"

# --- typing: 1,000 keypresses into a long answer at 200x60 ----------------
t=$(TALKPACT="$TP" $SHELL "$top_srcdir/tests/bench/typing.sh" 2>/dev/null |
    sed -n 's/^typing_ms_per_key=//p')
if [ -n "$t" ]; then
	row "CPU per keypress at 200x60" "${t} ms" "< 0.5 ms" \
	    "$(if le "$t" 0.5; then echo met; else echo MISSED; fi)" "CPU time"
else
	row "CPU per keypress at 200x60" "not measured (needs tmux)" "< 0.5 ms" "-"
fi
echo
echo "Written to $OUT"
