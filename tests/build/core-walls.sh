# core-walls.sh: the core library (src/libtalkpact-core.a) keeps the walls
# the front ends rely on, read from its symbols with nm: no curses, no
# printing (only xmalloc's out-of-memory message may use stderr), no
# environment, no clock and no time zone (the time and the UTC offset come
# from main.c as arguments). The same reading of the front-end library must find curses
# and printf, so this check can see what it looks for.
. "$top_srcdir/tests/lib.sh"

core="$top_builddir/src/libtalkpact-core.a"
front="$top_builddir/src/libtalkpact-front.a"
: "${NM:=nm}"
command -v "$NM" >/dev/null 2>&1 || skip_all "nm is not installed (binutils)"
[ -f "$core" ] || { not_ok "src/libtalkpact-core.a is built"; done_testing; }

# OBJECT SYMBOL for every symbol an archive's objects use but do not define.
undefined() {
	"$NM" -A -u "$1" | sed -n 's/^[^:]*:\([^:]*\):  *U \([^@ ]*\).*/\1 \2/p' | sort -u
}
undefined "$core" >"$T/core"
undefined "$front" >"$T/front"
[ -s "$T/core" ] && ok "nm reads the core library" ||
	not_ok "nm reads the core library" "$("$NM" -A -u "$core" 2>&1 | head)"

# The functions curses defines, from the libraries the program links.
for lib in $(ldd "$TALKPACT" 2>/dev/null | awk '/curses|tinfo/ { print $3 }'); do
	"$NM" -D --defined-only "$lib" | awk '{ print $NF }' | sed 's/@.*//'
done | sort -u >"$T/curses-syms"
if [ -s "$T/curses-syms" ]; then
	ok "the curses libraries' functions are known ($(wc -l <"$T/curses-syms" | tr -d ' '))"
else
	# A static or unusual build: the names every curses program uses.
	printf '%s\n' initscr newterm endwin wgetch wget_wch getch refresh wrefresh \
	    doupdate wnoutrefresh newwin delwin mvwaddnstr waddnstr mvwaddstr \
	    waddwstr mvaddstr addstr keypad cbreak noecho raw start_color \
	    init_pair wattr_on wattr_off wbkgd werase wclear stdscr curs_set \
	    set_escdelay halfdelay nodelay wtimeout setcchar wadd_wch >"$T/curses-syms"
	ok "the curses libraries' functions are known (a list of common ones: ldd found none)"
fi
uses() {	# uses LIST SYMBOL-FILE: the lines of LIST whose symbol is listed
	awk 'NR == FNR { want[$1] = 1; next } want[$2]' "$2" "$1"
}

uses "$T/front" "$T/curses-syms" >"$T/front-curses"
[ -s "$T/front-curses" ] && ok "the check sees curses in the front ends (tui.o)" ||
	not_ok "the check sees curses in the front ends" "no curses symbol in $front"
uses "$T/core" "$T/curses-syms" >"$T/core-curses"
[ -s "$T/core-curses" ] && not_ok "the core library uses no curses" "$(cat "$T/core-curses")" ||
	ok "the core library uses no curses"

printf '%s\n' printf vprintf fprintf vfprintf puts putchar perror dprintf vdprintf \
    __printf_chk __vprintf_chk __fprintf_chk __vfprintf_chk __dprintf_chk \
    __vdprintf_chk stdout >"$T/print-syms"
uses "$T/front" "$T/print-syms" >"$T/front-print"
[ -s "$T/front-print" ] && ok "the check sees printing in the front ends" ||
	not_ok "the check sees printing in the front ends" "no printf in $front"
uses "$T/core" "$T/print-syms" >"$T/core-print"
[ -s "$T/core-print" ] && not_ok "the core library prints nothing" "$(cat "$T/core-print")" ||
	ok "the core library prints nothing (no printf family, puts, perror, stdout)"
awk '$2 == "stderr" && $1 != "util.o"' "$T/core" >"$T/core-stderr"
[ -s "$T/core-stderr" ] && not_ok "only xmalloc's out-of-memory message uses stderr" "$(cat "$T/core-stderr")" ||
	ok "only xmalloc's out-of-memory message uses stderr"

printf '%s\n' getenv secure_getenv environ __environ >"$T/env-syms"
uses "$T/core" "$T/env-syms" >"$T/core-env"
[ -s "$T/core-env" ] && not_ok "the core library reads no environment" "$(cat "$T/core-env")" ||
	ok "the core library reads no environment"

# The clock: only main.c reads it (and passes it down, or TALKPACT_NOW's).
printf '%s\n' time gettimeofday clock_gettime __clock_gettime64 __time64 \
    __gettimeofday64 clock ftime >"$T/clock-syms"
main_o="$top_builddir/src/main.o"
if [ -f "$main_o" ]; then
	"$NM" -u "$main_o" | awk '{ print "main.o", $NF }' | sed 's/@.*//' >"$T/main"
	uses "$T/main" "$T/clock-syms" >"$T/main-clock"
	[ -s "$T/main-clock" ] && ok "the check sees main.o read the clock" ||
		not_ok "the check sees main.o read the clock" "no time() in $main_o"
fi
uses "$T/core" "$T/clock-syms" >"$T/core-clock"
[ -s "$T/core-clock" ] && not_ok "the core library reads no clock (time, gettimeofday, clock_gettime)" "$(cat "$T/core-clock")" ||
	ok "the core library reads no clock (time, gettimeofday, clock_gettime)"
# The time zone: only main.c turns a time into a local one (it passes the
# UTC offset down); the core counts the calendar itself (civil.c).
printf '%s\n' localtime localtime_r mktime timelocal tzset __localtime64 \
    __localtime64_r __mktime64 __timelocal64 >"$T/tz-syms"
if [ -f "$main_o" ]; then
	uses "$T/main" "$T/tz-syms" >"$T/main-tz"
	[ -s "$T/main-tz" ] && ok "the check sees main.o read the time zone (localtime_r)" ||
		not_ok "the check sees main.o read the time zone" "no localtime_r in $main_o"
fi
uses "$T/core" "$T/tz-syms" >"$T/core-tz"
[ -s "$T/core-tz" ] && not_ok "the core library reads no time zone (localtime, mktime)" "$(cat "$T/core-tz")" ||
	ok "the core library reads no time zone (localtime, mktime)"
uses "$T/front" "$T/tz-syms" >"$T/front-tz"
[ -s "$T/front-tz" ] && not_ok "the front ends read no time zone either: main.c passes the offset" "$(cat "$T/front-tz")" ||
	ok "the front ends read no time zone either: main.c passes the offset"
uses "$T/front" "$T/clock-syms" >"$T/front-clock"
[ -s "$T/front-clock" ] && not_ok "the front ends read no clock either: main.c passes it" "$(cat "$T/front-clock")" ||
	ok "the front ends read no clock either: main.c passes it"

done_testing
