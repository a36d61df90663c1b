# plain-short-talk.sh: a 4-7 family in plain mode gets the short talk
# first, told its time estimate and how to choose all the questions; ten
# questions in the short talk's order; after it, the agreement is reached
# and the rest is offered, again on 'talkpact resume'; /all carries on
# with the questions left; an 8-10 family starts with all and can /short,
# or list the band's topics with /topics and talk about some of them.
. "$top_srcdir/tests/lib.sh"

sessions="$HOME/.local/state/talkpact/sessions"

{
	printf '1\nKim\n6\n\nPat\n\nUK\n'
	i=0; while [ "$i" -lt 10 ]; do printf '/skip\n'; i=$((i + 1)); done
	printf '\n/quit\n'		# past "come back to these", to the agreement
} >"$T/short"
run sh -c "'$TALKPACT' --plain <'$T/short'"
expect_rc 0 "a short talk from a script exits 0"
expect_match out '^This is a short talk \(about 10 questions, about 20 minutes\)\. Type /all for all the questions \(34, about 70 minutes\)\.$' \
    "4-7: the short talk first, with its time estimate and the other choice"
expect_match out '^\[Who we talk to and play with · 1 of 10\]$' "the short talk has ten questions"
expect_match out '^\[.* · 10 of 10\]$' "and asks all ten"
expect_no_match out ' of 34\]' "no question beyond the short talk is asked"
first=$(printf '%s\n' "$out" | grep -A1 '1 of 10\]' | tail -n 1)
expect_eq "$first" "Who do you like to play games with?" "the short talk's first question comes first"
expect_match out '^== Choosing the agreement' "the agreement is reached after the short talk"
expect_match out '^The short talk left 24 more questions for another evening; type /all to talk about them\.$' \
    "the rest is offered for another evening"
f=$(ls "$sessions"/*.yaml | head -n 1)
if grep -q '^talk: short$' "$f"; then ok "the session records the short talk"; else not_ok "talk: short" "$(cat "$f")"; fi
id=$(basename "$f" .yaml)

printf '/all\n/quit\n' >"$T/rest"
run sh -c "'$TALKPACT' --plain resume '$id' <'$T/rest'"
expect_rc 0 "resume exits 0"
expect_match out '^The short talk left 24 more questions for another evening; type /all to talk about them\.$' \
    "resume of a finished short talk offers the rest"
expect_match out '^This is all the questions \(34, about 70 minutes\)\.' "/all carries on with all the questions"
expect_match out '^\[Who we talk to and play with · 2 of 34\]$' "from the first question not yet talked about"
if grep -q '^talk:' "$f"; then not_ok "all the questions: no talk key" "$(cat "$f")"; else ok "all the questions: the talk key is gone"; fi
if grep -q '^stage: talking$' "$f"; then ok "the session is talking again"; else not_ok "stage talking" "$(cat "$f")"; fi
rm -f "$sessions"/*.yaml "$sessions/../household.yaml"	# a new family

printf '1\nSam\n9\n\nPat\n\nUK\n/short\n/quit\n' >"$T/older"
run sh -c "'$TALKPACT' --plain <'$T/older'"
expect_match out '^This is all the questions \(40, about 80 minutes\)\. Type /short for a short talk \(about 11 questions, about 20 minutes\)\.$' \
    "8-10: all the questions first, the short talk offered"
expect_match out '^\[Who we talk to and play with · 1 of 11\]$' "/short starts the short talk"
rm -f "$sessions"/*.yaml "$sessions/../household.yaml"	# a new family

printf '1\nSam\n9\n\nPat\n\nUK\n/topics\n/topics 1 nope\n/topics 1 ratings\n/quit\n' >"$T/topics"
run sh -c "'$TALKPACT' --plain <'$T/topics'"
expect_rc 0 "/topics from a script exits 0"
expect_match out '^Or type /topics to choose the topics to talk about\.$' "the talk's first line offers /topics"
expect_match out '^  3\. \[ \] Age ratings, apps and games \(4 questions\)$' \
    "/topics lists the band's topics, numbered, with their questions"
expect_match out "^Sam's words: ! No topic 'nope' for ages 8-10: type /topics for the list\.$" \
    "a topic it does not know is refused, naming it"
expect_match out '^This is 2 topics \(6 questions, about 10 minutes\)\.' \
    "/topics 1 ratings: the talk on those two, with its estimate"
expect_match out '^\[Who we talk to and play with · 1 of 6\]$' "and it starts"
f=$(ls "$sessions"/*.yaml | head -n 1)
if grep -q '^topics: \[people, ratings\]$' "$f"; then ok "the session keeps the topics"; else not_ok "topics kept" "$(cat "$f")"; fi

done_testing
