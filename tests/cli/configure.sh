# configure.sh: a missing build dependency stops ./configure with a message
# that names the Debian package to install; without cmocka, which only the
# tests need, it goes on and says the tests are off. A pkg-config that
# cannot find one library stands in for a machine without its -dev package.
. "$top_srcdir/tests/lib.sh"

real=$(command -v pkg-config) || skip_all "pkg-config is not installed"
[ -x "$top_srcdir/configure" ] || skip_all "no generated configure script"

# A copy of what configure reads, so the check runs in a folder of its own
# (the source tree may be configured already, or read-only in distcheck).
src="$T/src"
mkdir -p "$src/src"
cp "$top_srcdir/configure" "$top_srcdir/config.h.in" "$top_srcdir/Makefile.in" "$src/"
cp -R "$top_srcdir/build-aux" "$src/"
cp "$top_srcdir/src/main.c" "$src/src/"

hide() {	# hide MODULE: a pkg-config that cannot find MODULE
	cat >"$T/pkg-config" <<EOS
#!/bin/sh
for a in "\$@"; do
	case "\$a" in $1|$1\ *|$1[\<\>=]*) exit 1 ;; esac
done
exec "$real" "\$@"
EOS
	chmod +x "$T/pkg-config"
}

check_missing() {	# check_missing MODULE DEBIAN-PACKAGE
	hide "$1"
	(cd "$src" && ./configure PKG_CONFIG="$T/pkg-config" >"$T/out" 2>"$T/err")
	rc=$?
	err=$(cat "$T/err")
	if [ "$rc" -ne 0 ]; then ok "configure stops without $1"; else
		not_ok "configure stops without $1" "exit $rc"; fi
	expect_match err "apt-get install $2" "the message names $2"
}

check_missing libcmark libcmark-dev
check_missing yaml-0.1 libyaml-dev
check_missing nettle nettle-dev
check_missing libutf8proc libutf8proc-dev

hide cmocka
(cd "$src" && ./configure PKG_CONFIG="$T/pkg-config" >"$T/out" 2>"$T/err")
rc=$?
out=$(cat "$T/out")
err=$(cat "$T/err")
expect_rc 0 "configure goes on without cmocka"
expect_match out '^  tests: +off: cmocka was not found \(apt-get install libcmocka-dev' \
    "its summary says the tests are off and names libcmocka-dev"

done_testing
