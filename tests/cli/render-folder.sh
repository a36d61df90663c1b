# render-folder.sh: 'talkpact render -f all -o FOLDER/' creates FOLDER (and
# its missing parents), private (0700), and writes the files in it;
# a folder that cannot be made is exit 73 with a message.
. "$top_srcdir/tests/lib.sh"

TZ=UTC
export TZ
sess="$top_srcdir/tests/sessions/8-10.yaml"
cd "$T" || exit 1

run "$TALKPACT" render "$sess" -f all -o "$T/new/copies/"
expect_rc 0 "-o FOLDER/ that does not exist: exit 0"
expect_eq "$(ls "$T/new/copies" | sed 's/.*\.//' | sort | tr '\n' ' ')" "html ics md txt " "the four files are in it (a signed agreement: the .ics too)"
expect_eq "$(stat -c %a "$T/new" "$T/new/copies" | tr '\n' ' ')" "700 700 " "the folders are private (0700)"
touch "$T/afile"
run "$TALKPACT" render "$sess" -f all -o "$T/afile/sub/"
expect_rc 73 "a folder under a file cannot be made: exit 73"
expect_match err 'afile' "the message names the path"
done_testing
