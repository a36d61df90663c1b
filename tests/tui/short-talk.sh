# short-talk.sh: a 4-7 family in tmux at 80x24: the family screen offers
# the short talk first, with its time estimate, and all the questions as
# the other choice; starting talks through the short talk's ten questions
# in its order; the session file records it. An 8-10 family starts with
# all the questions and can choose the short talk, or topics: the band's
# topics listed with their questions, the estimate following the choice,
# and the session keeping it for 'talkpact resume'.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"
sessions="$HOME/.local/state/talkpact/sessions"

family() {	# family AGE: the family screen filled in, the cursor on "How long"
	tui_check 'Start a new conversation' "the welcome screen"
	tui_keys Enter
	tui_check 'Who is talking today' "the family screen"
	tui_type "Kim"; tui_keys Enter
	tui_type "$1"; tui_keys Enter
	tui_type "Pat"; tui_keys Enter Enter Down
}

tui_start "$TALKPACT"
family 6
tui_check 'How long +◂ +a short talk \(about 10 questions, about 20 minutes\)' \
    "for 4-7 the short talk is offered first, with its time estimate"
tui_check 'short, all or topics' "the key line says how to choose"
tui_keys Right
tui_check 'How long +◂ +all the questions \(34, about 70 minutes\)' \
    "the other choice: all the questions, with theirs"
tui_keys Left
tui_check 'How long +◂ +a short talk' "and back to the short talk"
tui_keys Enter
tui_check ' 1 of 10' "Enter starts the short talk: ten questions"
tui_check 'Who do you like to play games with' "the short talk's first question"
tui_type "My cousin"; tui_keys Tab; tui_type "Nan too"; tui_keys Enter
tui_check ' 2 of 10' "an answer moves on within the short talk"
tui_check 'Where' "the short talk's second question (where we use devices)"
i=2
while [ "$i" -le 10 ]; do
	tui_wait_for " $i of 10" || break
	tui_type "yes"; tui_keys Tab; tui_type "ok"; tui_keys Enter
	i=$((i + 1))
done
tui_check 'Choosing our agreement' "after ten questions the agreement is next"
tui_check 'short talk left 24 questions for another evening' \
    "the agreement is reached, and the questions left are offered"
tui_keys Escape
tui_check ' 2 of 34' "Esc carries on with the rest, from the first not talked about"
tui_keys F10
tui_check '^\[exit 0\]$' "F10"
tui_stop
f=$(ls "$sessions"/*.yaml | head -n 1)
if grep -q '^stage: talking$' "$f" && ! grep -q '^talk:' "$f"; then ok "the session carries on with all the questions"; else not_ok "talking, all" "$(cat "$f")"; fi
rm -f "$sessions"/*.yaml "$sessions/../household.yaml"	# a new family

tui_start "$TALKPACT"
family 9
tui_check 'How long +◂ +all the questions \(40, about 80 minutes\)' \
    "for 8-10 all the questions are offered first"
tui_keys Left
tui_check 'How long +◂ +a short talk \(about 11 questions, about 20 minutes\)' \
    "the short talk is the other choice"
tui_keys Enter
tui_check ' 1 of 11' "the 8-10 short talk starts"
tui_keys F10
tui_check '^\[exit 0\]$' "F10"
tui_stop
rm -f "$sessions"/*.yaml "$sessions/../household.yaml"	# a new family

tui_start "$TALKPACT"
family 9
tui_keys Right
tui_check 'How long +◂ +topics: none chosen yet' "the third choice: topics, none chosen yet"
tui_check '\[ \] Who we talk to and play with \(2\)' "the band's topics are listed, with their questions"
tui_keys Enter
tui_check 'Please choose at least one topic' "starting with no topic chosen is refused"
tui_check 'Space on/off' "the focus is on the first topic"
tui_keys Space
tui_check 'How long +1 topic \(2 questions, about 5 minutes\)' "a topic chosen: the estimate follows"
tui_check '\[x\] Who we talk to and play with' "and it is marked"
tui_keys Down Down Space
tui_check 'How long +2 topics \(6 questions, about 10 minutes\)' "another topic: the estimate again"
tui_keys Enter
tui_check ' 1 of 6' "Enter starts the talk on those topics"
tui_keys F10
tui_check '^\[exit 0\]$' "F10"
tui_stop
f=$(ls "$sessions"/*.yaml | head -n 1)
if grep -q '^talk: topics$' "$f" && grep -q '^topics: \[people, ratings\]$' "$f"; then
	ok "the session keeps the topics chosen"
else
	not_ok "talk: topics" "$(cat "$f")"
fi
tui_start "$TALKPACT" resume
tui_check 'Who we talk to and play with · 1 of 6' "resume carries on with the topics chosen"
tui_keys F10
tui_check '^\[exit 0\]$' "F10"
tui_stop

done_testing
