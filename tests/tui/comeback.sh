# comeback.sh: questions put off (F4) or skipped (F3) come back after the
# last question, in tmux at 80x24: "Come back to these" lists them by their
# question text; PgDn does not leave it; choosing one opens it, and after
# it the next one still open; only "Go on" leaves for the agreement.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

tui_available || skip_all "tmux is not installed"

tui_start "$TALKPACT"
tui_check 'Start a new conversation' "the welcome screen"
tui_keys Enter
tui_check 'Who is talking today' "the family screen"
tui_type "Ada"; tui_keys Enter
tui_type "9"; tui_keys Enter
tui_type "Kim"; tui_keys Enter Enter Down Enter
tui_check ' 1 of [0-9]+' "the first question"
total=$(tui_screen | sed -nE 's/.* 1 of ([0-9]+).*/\1/p' | head -n 1)
q1=$(tui_screen | sed -n '6p' | sed 's/^ *//; s/ *$//' | cut -c1-30)
tui_keys F4
tui_check ' 2 of ' "F4: put off"
q2=$(tui_screen | sed -n '6p' | sed 's/^ *//; s/ *$//' | cut -c1-30)
tui_keys F3
tui_check ' 3 of ' "F3: skipped"
i=3
while [ "$i" -le "$total" ]; do tui_keys PgDn; i=$((i + 1)); done
tui_check 'Come back to these' "after the last question: come back to these"
tui_check '2 questions were put off or skipped' "it says how many"
if tui_screen | grep -F "$q1" | grep -q 'later$'; then ok "the question put off is listed by its text"
else not_ok "q1 listed" "q1=$q1
$(tui_screen)"; fi
if tui_screen | grep -F "$q2" | grep -q 'skipped$'; then ok "the skipped question is listed by its text"
else not_ok "q2 listed" "q2=$q2
$(tui_screen)"; fi
tui_keys PgDn PgDn
sleep 0.3
tui_check 'Come back to these' "PgDn does not leave it"
tui_keys Enter
tui_check ' 1 of [0-9]+' "choosing the first opens it"
tui_check 'for later' "it shows it was put off"
tui_type "We talked about it after all"
tui_keys Tab Enter
tui_check ' 2 of [0-9]+' "after it: the next one still open"
tui_keys F4
tui_check 'Come back to these' "after the last one still open: the list again"
tui_check '1 question was put off or skipped' "the answered one is gone from it"
tui_keys End Enter
tui_check 'Fill in the blanks' "\"Go on\" leaves for the agreement"
tui_keys F10
tui_check '^Carry on with' "F10"
tui_stop
done_testing
