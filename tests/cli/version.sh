# version.sh: the version is AC_INIT's. The program prints it, the man
# pages' footers name it, and debian/changelog's newest entry packages it
# (its upstream part, without the Debian revision). A release bumps
# AC_INIT and adds a changelog entry (dch -v X.Y.Z-1) in the same commit.
. "$top_srcdir/tests/lib.sh"

cd "$top_srcdir" || exit 99
v=$(sed -n 's/^AC_INIT(\[talkpact\], *\[\([^]]*\)\].*/\1/p' configure.ac)
if [ -n "$v" ]; then ok "AC_INIT names the version ($v)"; else
	not_ok "AC_INIT names the version" "$(grep AC_INIT configure.ac)"; fi

run "$TALKPACT" --version
expect_eq "$out" "talkpact $v" "talkpact --version prints AC_INIT's version"

for man in doc/*.[1-8]; do
	th=$(sed -n 's/^\.TH [^"]*"[^"]*" "talkpact \([^"]*\)".*/\1/p' "$man")
	expect_eq "$th" "$v" "$man names version $v"
done

if [ ! -f debian/changelog ]; then
	skip "debian/changelog has AC_INIT's version" "no debian/ (a release tarball)"
	done_testing
fi
# "talkpact (1:0.1.0-1) unstable; urgency=medium": no epoch, no revision.
first=$(sed -n '1p' debian/changelog)
name=${first%% *}
deb=$(printf '%s\n' "$first" | sed -n 's/^[^ ]* (\([^)]*\)).*/\1/p')
upstream=${deb#*:}
upstream=${upstream%-*}
expect_eq "$name" "talkpact" "debian/changelog is talkpact's"
expect_eq "$upstream" "$v" "debian/changelog's newest entry packages AC_INIT's version ($deb)"
if command -v dpkg-parsechangelog >/dev/null 2>&1; then
	expect_eq "$(dpkg-parsechangelog -l debian/changelog -S Version 2>/dev/null)" "$deb" \
	    "dpkg-parsechangelog reads the same version"
else
	skip "dpkg-parsechangelog reads the same version" "dpkg-dev is not installed"
fi

done_testing
