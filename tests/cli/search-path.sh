# search-path.sh: where content comes from: shipped, then the user's own
# ($XDG_DATA_HOME/talkpact), then each --content folder; later entries
# replace items with the same id and say so; --only-content and -q.
. "$top_srcdir/tests/lib.sh"

G=$top_srcdir/tests/content/good
B=$top_srcdir/tests/content/bad
ship=$top_srcdir/prompts/8-10.yaml
line=$(grep -n '^  - id: 8-10-why-13$' "$ship" | cut -d: -f1)

# A --content folder replaces a shipped prompt, with a notice. Its two
# prompts add one to however many the shipped content holds.
shipped=$("$TALKPACT" -q validate | sed -n 's/^[0-9]* files, \([0-9]*\) prompts,.*/\1/p')
run "$TALKPACT" --content "$G" validate
expect_rc 0 "a --content folder that replaces a shipped prompt validates"
expect_eq "$err" "$G/school-pack.yaml:10:5: notice: prompt '8-10-why-13' replaces the one from $ship:$line:5" \
    "the notice names the replacing and the replaced file, line and column"
expect_match out "^11 files, $((shipped + 1)) prompts, 5 templates, [0-9]+ regions: no problems\$" \
    "a replaced prompt is counted once"
run "$TALKPACT" --content "$G" list --format tsv --age 8-10
expect_match out '^prompt	8-10-why-13	8-10	ratings	Why do so many apps ask you to be 13 before you join\?$' \
    "the replacing prompt is the one listed"
expect_eq "$(printf '%s\n' "$out" | grep -c '	8-10-why-13	')" 1 "the replaced prompt is gone"
first=$(printf '%s\n' "$out" | grep -n '	8-10-why-13	' | cut -d: -f1)
shipped_first=$("$TALKPACT" list --format tsv --age 8-10 | grep -n '	8-10-why-13	' | cut -d: -f1)
expect_eq "$first" "$shipped_first" "the replacing prompt takes the replaced one's place"

run "$TALKPACT" -q --content "$G" validate
expect_eq "$err" "" "-q leaves notices out"

# The user's own folder, by XDG_DATA_HOME and by HOME.
mkdir -p "$T/xdg/talkpact/mine"
cp "$G"/*.yaml "$T/xdg/talkpact/mine/"
XDG_DATA_HOME=$T/xdg run "$TALKPACT" validate
expect_rc 0 "content in \$XDG_DATA_HOME/talkpact is loaded"
expect_match err "^$T/xdg/talkpact/mine/school-pack.yaml:10:5: notice: prompt '8-10-why-13' replaces the one from $ship:$line:5\$" \
    "a user's prompt replaces the shipped one"
mkdir -p "$HOME/.local/share/talkpact"
cp "$G"/*.yaml "$HOME/.local/share/talkpact/"
run "$TALKPACT" validate
expect_rc 0 "content in ~/.local/share/talkpact is loaded"
expect_match err "^$HOME/.local/share/talkpact/school-pack.yaml:10:5: notice: prompt '8-10-why-13' replaces" \
    "without XDG_DATA_HOME, ~/.local/share/talkpact is used"

# --content comes after the user's folder: it replaces the user's prompt.
run "$TALKPACT" --content "$G" validate
expect_rc 0 "user content and a --content folder together validate"
expect_match err "^$G/school-pack.yaml:10:5: notice: prompt '8-10-why-13' replaces the one from $HOME/.local/share/talkpact/school-pack.yaml:10:5\$" \
    "a --content folder replaces the user's own prompt"
expect_match err "^$G/school-pack.yaml:16:5: notice: prompt 'school-tablet-rules' replaces the one from $HOME/" \
    "every replaced id gets a notice"
rm -rf "$HOME/.local/share/talkpact"

# --only-content skips the shipped and the user's content.
run "$TALKPACT" --only-content --content "$G" validate
expect_rc 0 "--only-content validates just the folder"
expect_eq "$out" "2 files, 2 prompts, 1 template, 0 regions: no problems" "--only-content counts only the folder"
expect_eq "$err" "" "--only-content: nothing is replaced"

# Within one entry a repeated id is an error; across entries it replaces.
run "$TALKPACT" --only-content --content "$B/duplicate-across" validate
expect_rc 65 "a repeated id within one --content folder exits 65"
expect_match err "duplicate prompt id 'photo-forward'" "it is reported as a duplicate"
run "$TALKPACT" --only-content --content "$B/duplicate-across/a.yaml" --content "$B/duplicate-across/b.yaml" validate
expect_rc 0 "the same id in two --content entries is a replacement"
expect_match err "^$B/duplicate-across/b.yaml:7:5: notice: prompt 'photo-forward' replaces the one from $B/duplicate-across/a.yaml:7:5\$" \
    "the later entry's prompt replaces the earlier's"

# A missing --content folder.
run "$TALKPACT" --content "$T/nope" validate
expect_rc 66 "a missing --content folder exits 66"
expect_match err "^$T/nope: error: no such file or folder\$" "a missing --content folder is named"
run "$TALKPACT" --content "$T/nope" list
expect_rc 66 "list with a missing --content folder exits 66"

# A big library (about 5 MB, over 10,000 prompts) loads, and quickly.
L=$T/library
mkdir -p "$L"
for f in 1 2 3; do
	awk -v f="$f" 'BEGIN {
		print "pack:\n  id: big-" f "\n  title: Big pack " f "\n  language: en-GB\n  version: 1\nprompts:"
		for (i = 0; i < 3400; i++)
			printf "  - id: p-%d-%d\n    bands: [8-10, 11-13]\n    topic: photos\n    question: Question %d of a very large generated pack, long enough to make the file big?\n    tip: >\n      A tip that goes on for a while so that the library is about five megabytes,\n      which is what this test wants to see loading quickly, and then some more.\n    follow-ups:\n      - What would you do next?\n      - Who would you tell?\n    clauses: [c-%d]\n    advice: [4, 5]\n", f, i, i, i % 5
	}' >"$L/p$f.yaml"
done
{
	printf 'template:\n  id: big\n  title: Big\n  band: 8-10\n  review-months: 3\n  signatures: [child]\n'
	printf 'sections:\n  - id: s\n    title: S\n    clauses:\n'
	for i in 0 1 2 3 4; do
		printf '      - id: c-%d\n        text: Clause %d.\n        binds: child\n' "$i" "$i"
	done
	printf 'promises: []\nif-something-goes-wrong: [Tell someone.]\n'
} >"$L/t.yaml"
size=$(cat "$L"/*.yaml | wc -c)
start=$(date +%s)
run "$TALKPACT" --only-content --content "$L" validate
end=$(date +%s)
expect_rc 0 "a library of $size bytes validates"
expect_eq "$out" "4 files, 10200 prompts, 1 template, 0 regions: no problems" \
    "all 10,200 prompts of the big library are loaded"
if [ $((end - start)) -le 20 ]; then ok "the big library loads in $((end - start))s (limit 20s)"; else
	not_ok "the big library loads in $((end - start))s (limit 20s)"; fi

done_testing
