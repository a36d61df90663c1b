# plain-commands.sh: plain mode under valgrind, or in a sanitizer build
# under its own checks, with every command (/help, /tip, /skip, /later, a
# tab, a 300-character line, an empty line, /back) at every kind of prompt:
# the menu, the names, the age, the band, the region, each voice, each
# kind of blank, a clause, a rule and whom it is for, a promise, the
# review and both signatures. Then the command from issue 11, and 25
# seeded random scripts of commands and answers. Every run must exit 0
# (plain mode's only status) with no memory error or leak, and the
# scripted runs must show each command taken where it was typed.
#
# PLAIN_SEEDS=DIR also copies every script into DIR, to seed fuzz_plain.
. "$top_srcdir/tests/lib.sh"

: "${VALGRIND:=$(command -v valgrind || true)}"
if [ -n "$VALGRIND" ] &&
    { "$VALGRIND" -q --error-exitcode=99 "$TALKPACT" --version; } >/dev/null 2>&1; then
	VG="$VALGRIND -q --leak-check=full --show-leak-kinds=definite,indirect
	    --errors-for-leak-kinds=definite,indirect --error-exitcode=99"
	how="under valgrind"
else
	VG=""	# a sanitizer build checks itself; without valgrind, exit codes only
	how="as built (valgrind missing or not usable with this build)"
fi
echo "# plain mode runs $how"

TAB=$(printf '\t')
L300=$(printf '%300s' '' | tr ' ' 'x')
S="$T/scripts"
mkdir -p "$S"
[ -n "${PLAIN_SEEDS:-}" ] && mkdir -p "$PLAIN_SEEDS"

# play NAME FILE: plain mode reads FILE with fresh HOME and XDG folders;
# it must exit 0 with nothing from valgrind or a sanitizer on stderr.
play() {
	rm -rf "$T/h"
	mkdir -p "$T/h"
	# shellcheck disable=SC2086
	env HOME="$T/h" XDG_STATE_HOME="$T/h/state" XDG_DATA_HOME="$T/h/data" \
	    XDG_CONFIG_HOME="$T/h/config" $VG "$TALKPACT" --plain \
	    <"$2" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	if [ -n "${PLAIN_SEEDS:-}" ]; then cp "$2" "$PLAIN_SEEDS/$(basename "$2")"; fi
	if [ "$rc" -eq 0 ] && ! grep -Eq '^==[0-9]+==|Sanitizer|runtime error' "$T/err"; then
		ok "$1: exit 0, no memory errors"
	else
		not_ok "$1: exit 0, no memory errors" "exit $rc; $(head -n 40 "$T/err")"
	fi
}

# probe FILE: the output of plain mode reading FILE, without valgrind.
probe() {
	rm -rf "$T/h"
	mkdir -p "$T/h"
	env HOME="$T/h" "$TALKPACT" --plain <"$1" 2>/dev/null
}

# count REGEX: how many times REGEX occurs in $out.
count() {
	printf '%s\n' "$out" | grep -Eo -- "$1" | wc -l | tr -d ' '
}

# lines ARG...: each argument as one line of the script being written.
lines() {
	printf '%s\n' "$@"
}

# The commands that change nothing outside the conversation.
stay() {
	lines /help /tip /skip /later
}

# ---- the shape of the 11-13 agreement, from plain mode itself ------------
# Age 12 has every kind of blank. Counting what plain mode prints keeps the
# scripts in step when the shipped content changes.
family() {
	lines 1 Zoe 12 '' Ana '' ''
}
family >"$T/p1"
P=$(probe "$T/p1" | sed -nE 's/.*\[.* 1 of ([0-9]+)\]$/\1/p' | head -n 1)
{ family; i=0; while [ "$i" -lt "${P:-0}" ]; do lines /skip; i=$((i + 1)); done
  i=0; while [ "$i" -lt 200 ]; do lines ''; i=$((i + 1)); done; } >"$T/p2"
agree=$(probe "$T/p2")
C=$(printf '%s\n' "$agree" | grep -Eo '[0-9]+\. Include: ' | wc -l | tr -d ' ')
R=$(printf '%s\n' "$agree" | grep -Eo '[0-9]+\. Promise: ' | wc -l | tr -d ' ')
B=$(printf '%s\n' "$agree" | grep -Eo '[0-9]+\. Include: ' | head -n 1 | sed 's/\..*//')
B=$((${B:-1} - 1))
KINDS=$(awk '/^blanks:/ { b = 1; next } /^[a-z]/ { b = 0 }
    b && $1 == "kind:" { print $2 }' "$top_srcdir/agreements/11-13.yaml")
if [ "${P:-0}" -gt 1 ] && [ "$C" -gt 0 ] && [ "$R" -gt 0 ] &&
    [ "$B" -eq "$(printf '%s\n' $KINDS | wc -l)" ]; then
	ok "the 11-13 agreement: $P questions, $B blanks ($(echo $KINDS)), $C clauses, $R promises"
else
	not_ok "the shape of the 11-13 agreement" "P=$P B=$B C=$C R=$R kinds=$KINDS"
fi
for k in time choice number text; do
	case " $(echo $KINDS) " in *" $k "*) ;; *) not_ok "the 11-13 agreement has a $k blank";; esac
done
skips() {	# skips N: /skip N times, then go on past "Come back to these"
	_i=0
	while [ "$_i" -lt "$1" ]; do lines /skip; _i=$((_i + 1)); done
	lines ''
}
enters() {	# enters N: N empty lines
	_i=0
	while [ "$_i" -lt "$1" ]; do lines ''; _i=$((_i + 1)); done
}

# ---- the issue's command ----------------------------------------------------
printf '1\nZoe\n12\n\nAna\n\n\na\nb\n/skip\n/later\nc\n/back\n' >"$S/issue-11"
play "the command from issue 11" "$S/issue-11"
last=$(printf '%s\n' "$out" | grep -v '^Saved\.' | tail -n 1)
expect_eq "$last" "Zoe's words: " "/back at the grown-up's words asks for the child's words again"
expect_match out 'Carry on later with: talkpact resume ' "end of input says how to carry on"

# ---- the menu and who is talking --------------------------------------------
{
	stay; lines "$TAB" "$L300" /back ''		# menu: all refused; Enter starts
	stay; lines "$TAB" "$L300" ''			# child's name, none yet
	lines /back '' Zoe				# to the menu and back
	stay; lines "$TAB" "$L300" '' /back '' 12	# age, none yet
	stay; lines "$TAB" "$L300" '' /back /back '' ''	# band: Enter, back twice, on
	stay; lines "$TAB" "$L300" '' /back '' Ana	# first grown-up, none yet
	stay; lines "$L300" "$TAB" /back '' /back /back '' Ben	# 'Enter for none'
	lines '' 					# third grown-up: none
	stay; lines "$TAB" "$L300" /back '' '' /back UK	# region; to talking and back
	lines x						# the child's words
} >"$S/family"
play "every command at the menu, names, age, band and region" "$S/family"
expect_eq "$(count '! /skip works only while talking together')" 7 "/skip is refused at all 7 family prompts, with a message"
expect_eq "$(count '! /later works only while talking together')" 7 "/later is refused at all 7, with a message"
expect_eq "$(count '! /tip works only while talking together')" 7 "/tip is refused at all 7, with a message"
expect_eq "$(count '^/quit: stop here')" 7 "/help lists the commands at all 7"
expect_eq "$(count '! Press Enter \(or type 1\) to start a new conversation')" 2 "the menu refuses a tab and a long line"
expect_eq "$(count '! This is the first question')" 1 "/back at the menu says it is the first question"
expect_eq "$(count '! Please type the child.s first name')" 2 "an empty name (or a tab) says what is missing"
expect_eq "$(count '! A name is too long')" 3 "a 300-character name is too long (child, two grown-ups)"
expect_eq "$(count '! The age is a number from 4 to 17')" 3 "a tab, a long line and nothing are not an age"
expect_eq "$(count '! Type one of 4-7, 8-10, 11-13 or 14-17')" 2 "a tab and a long line are not a band"
expect_eq "$(count "! Please type at least one grown-up's name")" 2 "an empty first grown-up says one is needed"
expect_eq "$(count "! There are no help lines for ")" 2 "a tab and a long line are not a region"
expect_eq "$(count 'Choose \[1\]: ')" 9 "the menu is asked again after each command, each refusal and /back"
expect_match out '== Talking together ==' "the family step is done"
expect_match out "Zoe's words: Ana's words \\(Enter to pass\\): \$" "with two grown-ups, each answers in their own words, in turn"
expect_no_match out "grown-ups's" "never 'grown-ups's'"
f=$(ls "$T/h/state/talkpact/sessions/"*.yaml 2>/dev/null | head -n 1)
if [ -n "$f" ] && grep -q 'Ana' "$f" && grep -q 'Ben' "$f" && grep -q 'UK' "$f"; then
	ok "both grown-ups and the region are saved"
else
	not_ok "both grown-ups and the region are saved" "$(cat "$f" 2>/dev/null)"
fi

# ---- talking together: each voice ---------------------------------------------
{
	family
	# The child's words for question 1; each move is undone with /back.
	lines /help /tip /skip /back /later /back "$TAB" /back "$L300" /back '' /back
	lines /back ''					# to the region and back
	lines x						# on to the grown-up's words
	lines /help /tip /skip /back x /later /back x "$TAB" /back x
	lines "$L300" /back x '' /back x /back x done	# answered at last
	lines '' ''					# question 2: nothing from anyone
	lines "A tab${TAB}inside" ''			# then an answer
} >"$S/talking"
play "every command at the child's and the grown-up's words" "$S/talking"
expect_eq "$(count 'Tip: ')" 2 "/tip gives the tip at each voice"
expect_eq "$(count "Ana's words: ")" 14 "the grown-up's words are named for the one grown-up"
expect_no_match out "grown-ups's" "never 'grown-ups's'"
expect_eq "$(count '! Nothing typed: type what someone said, or /skip or /later')" 1 "two empty voices are refused"
expect_eq "$(count '== Who is talking ==')" 2 "/back at the first question goes back to who is talking"
f=$(ls "$T/h/state/talkpact/sessions/"*.yaml 2>/dev/null | head -n 1)
if [ -n "$f" ] && grep -q 'grown-up: "done"' "$f" && grep -q 'A tab' "$f"; then
	ok "the answers given after all the commands are saved"
else
	not_ok "the answers given after all the commands are saved" "$(cat "$f" 2>/dev/null)"
fi

# ---- choosing the agreement: each kind of blank, a clause, a rule, whom it
# is for, a promise and the review --------------------------------------------
{
	family
	skips "$P"
	i=1
	seen=""
	for k in $KINDS; do
		# /back at the first blank goes to the last question: /skip it.
		if [ "$i" -eq 1 ]; then undo=/skip; else undo=''; fi
		case " $seen " in *" $k "*) lines ''; i=$((i + 1)); continue;; esac
		seen="$seen $k"
		stay
		# A tab inside is refused at every kind; a lone tab is only
		# white space, which blank_parse trims to nothing: it moves on
		# and keeps the value set, as an empty line does.
		case $k in
		time)	lines "a${TAB}b" "$L300" 7pm /back "$undo" '' /back 21:30 /back "$TAB" ;;
		choice)	lines "a${TAB}b" "$L300" 9 /back "$undo" '' /back 2 /back "$TAB" ;;
		number)	lines "a${TAB}b" "$L300" 3abc -1 /back "$undo" '' /back 30 /back "$TAB" ;;
		text)	lines "a${TAB}b" "$TAB" /back "$L300" /back '' /back /back "$undo" Grandma /back "$TAB" ;;
		esac
		i=$((i + 1))
	done
	stay; lines "$TAB" "$L300" /back '' '' /back n	# the first clause
	enters $((C - 1))
	stay; lines "$TAB" '' "$L300" /back '' /back /back '' 'Our rule'	# a rule
	stay; lines "$TAB" "$L300" 4 /back 'Our rule' '' 'Second rule' 1 ''	# for whom
	stay; lines "$TAB" "$L300" /back '' '' /back y	# the first promise
	enters $((R - 1))
	stay; lines "$TAB" "$L300" 5 3abc /back '' '' /back 6	# the review
} >"$S/agreeing"
play "every command at each kind of blank, a clause, a rule, a promise and the review" "$S/agreeing"
expect_eq "$(count '! /skip works only while talking together')" 9 "/skip is refused at the 9 kinds of agreement prompt"
expect_eq "$(count '! /tip works only while talking together')" 9 "/tip is refused there too"
expect_eq "$(count '^/quit: stop here')" 9 "/help lists the commands at each"
expect_eq "$(count '! Please type a time like 19:30 \(24-hour clock\)\.')" 3 "a tab inside, a long line and 7pm are not a time"
expect_eq "$(count '! Please type (a whole number|a number [^.]*)\.')" 4 "a tab inside, a long line, 3abc and -1 are not a number"
expect_eq "$(count '! That must be one line, with no tabs or control characters\.')" 1 "a tab inside a line of text is refused"
expect_eq "$(count '! Type a number from 1 to [0-9]+\.')" 6 "a choice, and whom a rule is for, take a number from the list"
expect_eq "$(count '! Type y or n')" 4 "a yes/no question takes y or n"
expect_match out '! Please type the rule' "a rule of only a tab is refused"
expect_match out '! Please choose 1, 3, 6 or 12 months' "5 months is refused"
expect_eq "$(count '! Type 1, 3, 6 or 12')" 3 "a tab, a long line and 3abc are not months"
expect_eq "$(count '== Signing ==')" 2 "the review goes on to signing, and back, and on"
f=$(ls "$T/h/state/talkpact/sessions/"*.yaml 2>/dev/null | head -n 1)
missing=""
# A lone tab after each value kept it: 21:30, the second choice, 30, Grandma.
choice2=$(awk '$1 == "choices:" { sub(/^[^[]*\[/, ""); split($0, c, ", "); print c[2]; exit }' \
    "$top_srcdir/agreements/11-13.yaml")
for want in '"21:30"' "\"$choice2\"" '"30"' '"Grandma"' 'Our rule' 'Second rule' 'review-months: 6' 'stage: signing'; do
	grep -qF -- "$want" "$f" 2>/dev/null || missing="$missing [$want]"
done
if [ -z "$missing" ]; then ok "the agreement's answers after all the commands are saved"; else
	not_ok "the agreement's answers after all the commands are saved" "missing:$missing
$(cat "$f" 2>/dev/null)"; fi

# ---- signing -----------------------------------------------------------------
{
	family
	skips "$P"
	enters $((B + C + 1 + R + 1))
	stay; lines "$TAB" "$L300" '' /back '' Zoe	# the child
	stay; lines "$TAB" "$L300" '' /back '' Ana	# the grown-up
} >"$S/signing"
play "every command at both signatures" "$S/signing"
expect_eq "$(count '! /later works only while talking together')" 2 "/later is refused at both signatures"
expect_eq "$(count '! Please type your name')" 4 "a tab or nothing is not a signature"
expect_match out "Zoe, type your name to sign \[Zoe\]: " "a signature given shows in brackets"
expect_match out '== Signed ==' "the agreement is signed"
md=$(printf '%s\n' "$out" | sed -n 's/^Markdown: //p')
if [ -n "$md" ] && [ -f "$md" ]; then ok "the agreement's files are written"; else not_ok "the agreement's files are written" "$out"; fi

# ---- seeded random scripts ------------------------------------------------------
# Lines drawn by weight with a Park-Miller generator in awk (the same on
# every awk), so each seed is always the same script. Most start as a
# family would; some end with /quit.
random_script() {	# random_script SEED
	LC_ALL=C awk -v seed="$1" -v l300="$L300" '
	function next_rand() { x = (x * 16807) % 2147483647; return x }
	function pick(   r, i) {
		r = next_rand() % total
		for (i = 1; i <= n; i++) { if (r < w[i]) return word[i]; r -= w[i] }
		return ""
	}
	BEGIN {
		x = seed * 7919 + 1
		split("/skip 20|@EMPTY@ 20|/back 5|/later 5|/tip 3|/help 2|@TAB@ 3|@L300@ 3|" \
		    "@TABIN@ 2|Zoe 4|Ana 3|12 3|3abc 2|-1 1|99999999999999999999 1|" \
		    "y 3|n 3|21:30 2|25:00 1|2 3|1 2|6 2|our rule 2|@UTF8@ 2|@BAD@ 1|" \
		    "@CTL@ 1| /back  1|/BACK 1|8-10 1|UK 1", items, "|")
		n = 0; total = 0
		for (i = 1; i in items; i++) {
			sp = match(items[i], / [0-9]+$/)
			n++; word[n] = substr(items[i], 1, sp - 1)
			w[n] = substr(items[i], sp + 1) + 0; total += w[n]
		}
		if (seed % 4 != 0)
			printf "1\nZoe\n12\n\nAna\n\n\n"
		len = 200 + next_rand() % 400
		for (i = 0; i < len; i++) print pick()
		if (seed % 5 == 0)
			print "/quit"
	}' | LC_ALL=C sed -e "s/^@EMPTY@\$//" -e "s/^@TAB@\$/$TAB/" \
	    -e "s/^@TABIN@\$/a${TAB}b/" -e "s/^@L300@\$/$L300/" \
	    -e "s/^@UTF8@\$/Zoë 李 😀/" -e "s/^@BAD@\$/$(printf 'bad \377\376')/" \
	    -e "s/^@CTL@\$/$(printf 'ctl \001 \033[2J')/"
}
deep=0
signing=0
seed=1
while [ "$seed" -le 25 ]; do
	random_script "$seed" >"$S/random-$seed"
	play "random script, seed $seed" "$S/random-$seed"
	case $out in *'== Choosing the agreement'*) deep=$((deep + 1));; esac
	case $out in *'== Signing =='*) signing=$((signing + 1));; esac
	seed=$((seed + 1))
done
echo "# random scripts: $deep of 25 reached the agreement, $signing signing"
if [ "$deep" -ge 3 ] && [ "$signing" -ge 1 ]; then
	ok "random scripts reach the agreement ($deep of 25) and signing ($signing)"
else
	not_ok "random scripts reach the agreement and signing" "$deep and $signing of 25"
fi

done_testing
