# completion.sh: the shell completions offer what the program accepts.
# bash: completion/talkpact is sourced in a non-interactive bash (first
# alone, then after bash-completion's own script where that is installed)
# and _talkpact is called as bash would call it. zsh: completion/_talkpact
# runs in a real interactive zsh in tmux. What each should offer is worked
# out here from the program's help, the YAML and the test's own sessions,
# not from the completion scripts.
. "$top_srcdir/tests/lib.sh"

cd "$top_srcdir" || exit 99
BASH_COMP=/usr/share/bash-completion/bash_completion
command -v bash >/dev/null 2>&1 || skip_all "bash is not installed"

# A state folder with two sessions and a damaged file.
dir="$HOME/.local/state/talkpact/sessions"
mkdir -p "$dir"
cp tests/sessions/8-10.yaml "$dir/2026-11-29-sam-1412.yaml"
cp tests/sessions/11-13.yaml "$dir/2026-11-29-ayo-1412.yaml"
printf 'format: 1\nstage: talking\nfamily: [\n' >"$dir/broken.yaml"

# The words of each completion below, one case a line: what is typed, the
# word being completed last ('' for an empty one). comp prints the sorted
# offers on one line.
cat >"$T/cases" <<'EOF'
re
pack --age ''
pack -a ''
pack --age = ''
pack --age=1
list --age ''
resume ''
render 2026-11-29-s
render 2026-11-29-sam-1412 ''
render -f md ''
pack --region ''
pack --topic ''
pack --format ''
pack --layout ''
pack --paper ''
render --format ''
list --format ''
sessions --format ''
pack --la
pack --title ''
--only-content --content tests/content/good pack --topic ''
pack -c tests/content/good --topic ''
--only-content --content = tests/content/good pack --topic ''
pack --age 8-10 --title = 'x' --to
--content tests/content/go
verify tests/golden/8-10.m
resume tests/sessions/8-10.y
show 2026-11-29-a
forget ''
review ''
history ''
history S
--no-m
EOF
cat >"$T/run.bash" <<'EOF'
[ -n "${LOAD_BASH_COMPLETION:-}" ] && . "$LOAD_BASH_COMPLETION"
. "$top_srcdir/completion/talkpact"
complete -p talkpact >/dev/null || echo "complete: not registered"
comp() {
	COMP_WORDS=("$TALKPACT" "$@")
	COMP_CWORD=$#
	COMP_LINE="${COMP_WORDS[*]}"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_talkpact talkpact "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
	echo
}
while IFS= read -r line; do
	eval "comp $line"
done <"$T/cases"
EOF

# What the program says, worked out without the completion script.
re_cmds=$("$TALKPACT" --help | awk '/^Commands:/{c=1;next} /^$/{c=0} c && $1 ~ /^re/ {print $1}' | sort | tr '\n' ' ' | sed 's/ $//')
regions=$(sed -n 's/^  - region: *//p' agreements/help.yaml | grep -vx all | sort | tr '\n' ' ' | sed 's/ $//')
topics=$(sed -n 's/^    topic: *//p' prompts/*.yaml | sort -u | tr '\n' ' ' | sed 's/ $//')
good_topics=$(sed -n 's/^    topic: *//p' tests/content/good/*.yaml | sort -u | tr '\n' ' ' | sed 's/ $//')
[ -n "$topics" ] && [ -n "$regions" ] || not_ok "the test reads the shipped topics and regions"

check() {	# check LABEL: compare $T/got with the expected lines
	n=0
	while IFS= read -r line; do
		n=$((n + 1))
		want=$(sed -n "${n}p" "$T/want")
		got=$(sed -n "${n}p" "$T/got")
		if [ "$got" = "$want" ]; then ok "$1: talkpact $line<TAB>"; else
			not_ok "$1: talkpact $line<TAB>" "got:  $got
want: $want"; fi
	done <"$T/cases"
}

cat >"$T/want" <<EOF
$re_cmds
11-13 14-17 4-7 8-10
11-13 14-17 4-7 8-10
11-13 14-17 4-7 8-10
--age=11-13 --age=14-17
11-13 14-17 4-7 8-10
2026-11-29-ayo-1412 2026-11-29-sam-1412
2026-11-29-sam-1412

2026-11-29-ayo-1412 2026-11-29-sam-1412
$regions
$topics
html md txt
cards handout
a4 letter
all html ics md txt
text tsv
text tsv
--layout

$good_topics
$(printf '%s\n' $topics $good_topics | sort -u | tr '\n' ' ' | sed 's/ $//')
$good_topics
--topic
tests/content/good
tests/golden/8-10.md
tests/sessions/8-10.yaml
2026-11-29-ayo-1412
2026-11-29-ayo-1412 2026-11-29-sam-1412
2026-11-29-ayo-1412 2026-11-29-sam-1412
Ayo Sam
Sam
--no-mouse
EOF
for c in render resume review; do
	case " $re_cmds " in
	*" $c "*) ok "the program has '$c' to complete" ;;
	*) not_ok "the program has '$c' to complete" "$re_cmds" ;;
	esac
done

export T TALKPACT
env -u LOAD_BASH_COMPLETION bash --norc --noprofile "$T/run.bash" >"$T/got" 2>"$T/err"
expect_eq "$(cat "$T/err")" "" "bash alone: no errors"
check "bash alone"
if [ -f "$BASH_COMP" ]; then
	LOAD_BASH_COMPLETION=$BASH_COMP bash --norc --noprofile "$T/run.bash" >"$T/got" 2>"$T/err"
	expect_eq "$(cat "$T/err")" "" "with bash-completion: no errors"
	check "with bash-completion"
else
	skip "with bash-completion" "bash-completion is not installed"
fi

# --- zsh, in a real interactive shell in tmux -----------------------------
. "$top_srcdir/tests/tmux.sh"
if ! command -v zsh >/dev/null 2>&1; then
	skip "zsh completion" "zsh is not installed"
	done_testing
fi
if ! tui_available; then
	skip "zsh completion" "tmux is not installed"
	done_testing
fi
bindir=$(cd "$(dirname "$TALKPACT")" && pwd)
tui_start -s 100x30 env PATH="$bindir:/usr/bin:/bin" PS1='zsh> ' zsh -f -i
tui_wait_for '^zsh>' || true
tui_type "fpath=($top_srcdir/completion \$fpath); autoload -Uz compinit; compinit -u -D; clear"
tui_keys Enter
tui_wait_gone 'compinit' || true

zsh_try() {	# zsh_try TYPED REGEX DESCRIPTION: type, Tab, look below
	tui_type "$1"
	tui_keys Tab
	if tui_wait_for "$2" 5 >"$T/zsh.log"; then ok "$3"; else
		not_ok "$3" "$(cat "$T/zsh.log")"; fi
	tui_keys C-c
	tui_type clear
	tui_keys Enter
	tui_wait_gone "$2" 5 >/dev/null || true
}
zsh_try "talkpact re" '^render +-- .*' "zsh: talkpact re<TAB> offers render"
zsh_try "talkpact re" '^resume +-- .*' "zsh: talkpact re<TAB> offers resume"
zsh_try "talkpact pack --age " '^4-7 +8-10 +11-13 +14-17 *$|^11-13 +14-17 +4-7 +8-10 *$' \
    "zsh: talkpact pack --age <TAB> offers the four bands"
zsh_try "talkpact render --format=" '^all +html +ics +md +txt *$' \
    "zsh: --format= offers render's formats"
zsh_try "talkpact resume 2026-11-29-s" '^zsh> talkpact resume 2026-11-29-sam-1412 *$' \
    "zsh: a session id completes"
zsh_try "talkpact review 2026-11-29-a" '^zsh> talkpact review 2026-11-29-ayo-1412 *$' \
    "zsh: review completes a session id"
zsh_try "talkpact history A" '^zsh> talkpact history Ayo *$' \
    "zsh: history completes a child's name"
tui_stop

done_testing
