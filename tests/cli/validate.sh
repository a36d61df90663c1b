# validate.sh: 'talkpact validate' on the shipped content and on one bad
# fixture per kind of problem, checking the exact FILE:LINE:COL of the
# first problem, the message and the exit code. Fixtures too big or too
# odd to commit (over-size files, deep nesting, FIFOs, symlink loops) are
# made here at run time.
. "$top_srcdir/tests/lib.sh"

cd "$top_srcdir" || exit 99
B=tests/content/bad

# expect_first RC 'FILE:LINE:COL: error: start of message' DESCRIPTION PATH...
expect_first() {
	_want_rc=$1 _want=$2 _desc=$3
	shift 3
	run "$TALKPACT" validate "$@"
	expect_rc "$_want_rc" "$_desc: exit $_want_rc"
	_first=$(printf '%s\n' "$err" | head -n 1)
	case $_first in
	"$_want"*) ok "$_desc: $_want" ;;
	*) not_ok "$_desc: $_want" "first problem: $_first" ;;
	esac
}

# The shipped content is clean, and the summary counts it.
run "$TALKPACT" validate
expect_rc 0 "the shipped content validates"
expect_match out '^[0-9]+ files, [0-9]+ prompts, 4 templates, [0-9]+ regions: no problems$' \
    "the summary line counts files, prompts, templates and regions"
expect_eq "$err" "" "the shipped content has no problems"
nprompts=$(grep -c '^  - id:' prompts/*.yaml | awk -F: '{n += $2} END {print n}')
expect_match out "^9 files, $nprompts prompts, 4 templates, [1-9][0-9]* regions" \
    "every shipped prompt is loaded ($nprompts)"

# YAML syntax.
expect_first 65 "$B/tab-indent.yaml:3:1: error: YAML syntax error: a tab character; indent with spaces" \
    "tab indentation" $B/tab-indent.yaml
expect_first 65 "$B/unclosed-quote.yaml:12:1: error: YAML syntax error: found unexpected end of stream while scanning a quoted scalar that starts at line 10, column 15" \
    "an unclosed quote" $B/unclosed-quote.yaml
expect_first 65 "$B/unclosed-bracket.yaml:9:10: error: YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence that starts at line 8, column 12" \
    "an unclosed bracket" $B/unclosed-bracket.yaml
expect_first 65 "$B/bad-indent.yaml:9:7: error: YAML syntax error: did not find expected key" \
    "bad indentation" $B/bad-indent.yaml
expect_first 65 "$B/two-documents.yaml:12:1: error: a second YAML document" \
    "two documents in one file" $B/two-documents.yaml

# Shape.
expect_first 65 "$B/top-list.yaml:1:1: error: expected 'pack:', 'template:' or 'help:' at the top of the file, found a list" \
    "a list at the top" $B/top-list.yaml
expect_first 65 "$B/top-scalar.yaml:1:1: error: expected 'pack:', 'template:' or 'help:' at the top of the file, found text" \
    "text at the top" $B/top-scalar.yaml
expect_first 65 "$B/missing-key.yaml:7:5: error: missing required key 'tip' in prompt 'photo-forward'" \
    "a missing required key" $B/missing-key.yaml
expect_first 65 "$B/unknown-key.yaml:10:5: error: unknown key 'qestion' in prompt 'photo-forward' (did you mean 'question'?)" \
    "an unknown key" $B/unknown-key.yaml
expect_first 65 "$B/wrong-type.yaml:10:15: error: expected text for 'question' in prompt 'photo-forward', found a list" \
    "a list where text belongs" $B/wrong-type.yaml
expect_match err "^$B/wrong-type.yaml:12:15: error: expected true or false for 'scenario' in prompt 'photo-forward', found 'yes'\$" \
    "every problem is reported, not only the first"
expect_first 65 "$B/duplicate-key.yaml:12:5: error: duplicate key 'topic' in prompt 'photo-forward' (first given at line 9)" \
    "a duplicate key" $B/duplicate-key.yaml
expect_first 65 "$B/duplicate-id.yaml:12:5: error: duplicate prompt id 'photo-forward' (first defined at $B/duplicate-id.yaml:7:5)" \
    "a duplicate id within a file" $B/duplicate-id.yaml
expect_first 65 "$B/duplicate-across/b.yaml:7:5: error: duplicate prompt id 'photo-forward' (first defined at $B/duplicate-across/a.yaml:7:5)" \
    "a duplicate id across files of one folder" $B/duplicate-across
expect_match out '^2 files, 1 prompt, 0 templates, 0 regions: 1 error$' \
    "the summary counts errors"

# Values.
expect_first 65 "$B/unknown-band.yaml:8:13: error: unknown age band '8-11' in prompt 'photo-forward' (did you mean '8-10'?)" \
    "an unknown band" $B/unknown-band.yaml
expect_first 65 "$B/unknown-topic.yaml:9:12: error: unknown topic 'photo' in prompt 'photo-forward' (did you mean 'photos'?)" \
    "an unknown topic" $B/unknown-topic.yaml
expect_first 65 "$B/short-talk.yaml:12:17: error: expected a whole number for 'short-talk' in prompt 'photo-forward', found 'first'" \
    "a short-talk place that is not a number" $B/short-talk.yaml
expect_first 65 "$B/unknown-role.yaml:6:23: error: unknown signature role 'parent' in template 'test-agreement'; expected one of: child, grown-up" \
    "an unknown signature role" $B/unknown-role.yaml
expect_first 65 "$B/unknown-binds.yaml:13:16: error: unknown binds value 'everybody' in clause 'bedtime' (did you mean 'everyone'?)" \
    "an unknown binds value" $B/unknown-binds.yaml
expect_first 65 "$B/review-prompt.yaml:20:5: error: missing required key 'tip' in review question 'what-worked'" \
    "a review question without a tip" $B/review-prompt.yaml
expect_match err "^$B/review-prompt.yaml:25:5: error: duplicate review question id 'what-was-hard' in template 'test-agreement'\$" \
    "a review question id used twice"
expect_first 65 "$B/unknown-blank.yaml:17:36: error: unknown blank '{{bedtim}}' in the text of clause 'devices-bedtime' (did you mean '{{bedtime}}'?)" \
    "a misspelt blank" $B/unknown-blank.yaml
expect_match err "^$B/unknown-blank.yaml:17:51: error: unknown blank '\{\{nosuch\}\}' in the text of clause 'devices-bedtime'; declare it under 'blanks:'" \
    "an undeclared blank"
expect_first 65 "$B/bad-defaults.yaml:11:14: error: default '25:30' in blank 'bedtime' is not a time" \
    "a time default that is not HH:MM" $B/bad-defaults.yaml
expect_match err "^$B/bad-defaults.yaml:15:14: error: default 300 in blank 'minutes' is outside min..max \(0..240\)\$" \
    "a number default outside min..max"
expect_match err "^$B/bad-defaults.yaml:22:14: error: default 'the kitchn' in blank 'room' is not one of its choices \(did you mean 'the kitchen'\?\)\$" \
    "a choice default not among the choices"
expect_first 65 "$B/missing-clause.yaml:7:5: error: prompt 'photo-forward' leads to clause 'no-such-clause', which no template for its age bands has" \
    "a clause reference no template has" $B/missing-clause.yaml agreements
expect_first 65 "$B/unknown-region-fact.yaml:17:37: error: region fact '{{region:curency}}' is defined by no region (did you mean '{{region:currency}}'?)" \
    "a misspelt region fact" $B/unknown-region-fact.yaml agreements/help.yaml
expect_match err "^$B/unknown-region-fact.yaml:21:41: error: region fact '\{\{region:house-rules\}\}' is defined by no region; add it under 'facts:'" \
    "a region fact defined nowhere, in a promise"

# Bytes.
expect_first 65 "$B/invalid-utf8.yaml:10:31: error: invalid UTF-8 (byte 0xff)" \
    "invalid UTF-8" $B/invalid-utf8.yaml
expect_first 65 "$B/nul.yaml:10:24: error: a NUL byte" "a NUL byte" $B/nul.yaml
expect_first 65 "$B/control.yaml:10:25: error: control character U+001B is not allowed" \
    "a raw control character" $B/control.yaml
expect_first 65 "$B/control-escape.yaml:10:15: error: text contains control character U+001B" \
    "a control character from an escape" $B/control-escape.yaml
expect_first 65 "$B/empty.yaml:1:1: error: the file is empty" "an empty file" $B/empty.yaml
expect_first 65 "$B/comment-only.yaml:1:1: error: the file has no content" \
    "a file with only a comment" $B/comment-only.yaml

# Anchors, aliases and tags.
expect_first 65 "$B/anchor-loop.yaml:1:1: error: expected 'pack:'" \
    "a self-referencing alias is refused" $B/anchor-loop.yaml
expect_match err "^$B/anchor-loop.yaml:1:4: error: anchors \(&r\) are not allowed" "its anchor is named"
expect_match err "^$B/anchor-loop.yaml:1:11: error: aliases \(\*r\) are not allowed" "its alias is named"
expect_first 65 "$B/anchor.yaml:8:12: error: anchors (&b) are not allowed" \
    "an anchor" $B/anchor.yaml
expect_match err "^$B/anchor.yaml:13:12: error: aliases \(\*b\) are not allowed" "an alias"
expect_first 65 "$B/tag.yaml:10:15: error: tags (tag:yaml.org,2002:str) are not allowed" \
    "a tag" $B/tag.yaml

# Limits, generated here rather than committed.
G=$T/gen
mkdir -p "$G"
{
	printf 'pack:\n  id: '
	i=0; while [ $i -lt 40 ]; do printf '['; i=$((i + 1)); done
	i=0; while [ $i -lt 40 ]; do printf ']'; i=$((i + 1)); done
	printf '\n'
} >"$G/deep.yaml"
expect_first 65 "$G/deep.yaml:2:37: error: a list nested more than 32 levels deep" \
    "nesting deeper than 32 levels" "$G/deep.yaml"
awk 'BEGIN { printf "pack:\n  id: x\n  title: "; for (i = 0; i < 70000; i++) printf "a"; printf "\n" }' \
    >"$G/long-line.yaml"
expect_first 65 "$G/long-line.yaml:3:1: error: line 3 is longer than 65536 bytes" \
    "a line over 64 KiB" "$G/long-line.yaml"
awk 'BEGIN { printf "help:\n  - region: XX\n    name: \""; for (i = 0; i < 20000; i++) printf "a"; printf "\"\n    resources: []\n" }' \
    >"$G/long-text.yaml"
expect_first 65 "$G/long-text.yaml:3:11: error: text of 20000 bytes; the most is 16384" \
    "a text over 16 KiB" "$G/long-text.yaml"
awk 'BEGIN { for (i = 0; i < 52000; i++) printf "# a comment line that is one hundred bytes long, give or take, to fill the file up\n" }' \
    >"$G/big.yaml"
expect_first 65 "$G/big.yaml: error: the file is $(wc -c <"$G/big.yaml" | tr -d ' ') bytes; the most is 4194304 (4 MiB)" \
    "a file over 4 MiB" "$G/big.yaml"
{
	sed -n '1,10p' "$B/missing-key.yaml"
	awk 'BEGIN { for (i = 0; i < 80; i++) printf "    nosuch%d: x\n", i }'
} >"$G/many.yaml"
run "$TALKPACT" validate "$G/many.yaml"
expect_rc 65 "many problems: exit 65"
expect_eq "$(printf '%s\n' "$err" | grep -c ': error: ')" 50 "at most 50 problems for one file"
expect_match err "^$G/many.yaml: notice: stopped after 50 problems in this file\$" \
    "a note says the file was cut short"

# Paths that are not content files.
expect_first 66 "$G/nope.yaml: error: no such file or folder" "a missing path" "$G/nope.yaml"
expect_match out '^0 files, 0 prompts, 0 templates, 0 regions: 1 error$' "a missing path still gets a summary"
expect_first 65 "/dev/null: error: a character device, not a content file or folder" \
    "a device" /dev/null
mkdir -p "$G/walk/sub"
cp "$B/missing-key.yaml" "$G/walk/sub/x.yaml"
echo 'not yaml, ignored' >"$G/walk/README.md"
ln -s .. "$G/walk/sub/loop"
ln -s nowhere.yaml "$G/walk/dangling.yaml"
if mkfifo "$G/walk/pipe.yaml" 2>/dev/null; then
	# A FIFO with no writer blocks whoever opens it for reading: the
	# timeout catches a loader that does.
	run timeout 10 "$TALKPACT" validate "$G/walk/pipe.yaml"
	expect_rc 65 "a FIFO given as a path: exit 65"
	expect_eq "$err" "$G/walk/pipe.yaml: error: a named pipe (FIFO), not a content file or folder" \
	    "a FIFO given as a path is reported and never opened"
	run timeout 10 "$TALKPACT" validate "$G/walk"
	expect_rc 65 "a folder with a FIFO, a loop and a broken link: exit 65"
	expect_match err "^$G/walk/pipe.yaml: error: a named pipe \(FIFO\), not a content file; skipped\$" \
	    "a FIFO in a folder is reported and skipped"
else
	skip "a FIFO given as a path is never opened" "no mkfifo"
	skip "a FIFO given as a path is never opened" "no mkfifo"
	run timeout 10 "$TALKPACT" validate "$G/walk"
	skip "a folder with a FIFO" "no mkfifo"
	skip "a FIFO in a folder is reported and skipped" "no mkfifo"
fi
expect_match err "^$G/walk/sub/loop: error: leads back to $G/walk \(a symbolic link loop" \
    "a symbolic link loop is reported"
expect_match err "^$G/walk/dangling.yaml: error: a symbolic link to nothing; skipped\$" \
    "a dangling symbolic link is reported"
expect_match err "^$G/walk/sub/x.yaml:7:5: error: missing required key 'tip'" \
    "files in sub-folders are checked"
expect_no_match err "README" "files that are not .yaml are left alone"
ln -s self.yaml "$G/self.yaml"
expect_first 65 "$G/self.yaml: error: too many levels of symbolic links" \
    "a symbolic link to itself" "$G/self.yaml"

# Usage.
run "$TALKPACT" validate --frob
expect_rc 64 "validate: an unknown option exits 64"
run "$TALKPACT" validate --help
expect_rc 0 "validate --help exits 0"
expect_match out '^Usage: talkpact validate' "validate --help shows its usage"

done_testing
