/* test_fingerprint.c: canonical Markdown, SHA-256, groups and sections. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fingerprint.h"

static void
canon_is(const char *in, const char *want)
{
	char *got = fingerprint_canonical(in, strlen(in));

	assert_string_equal(got, want);
	free(got);
}

static void
test_canonical(void **state)
{
	(void)state;
	canon_is("", "");
	canon_is("\n\n  \n", "");
	canon_is("a", "a\n");
	canon_is("a  \t\r\nb\rc\n", "a\nb\nc\n");
	canon_is("\xef\xbb\xbf# T\n\n\n\npara\n\n", "# T\n\npara\n");
	canon_is("\n\nx\n \ny\\\n", "x\n\ny\\\n");
	canon_is("  lead kept\n", "  lead kept\n");
}

static void
test_sha256(void **state)
{
	char hex[FINGERPRINT_HEX + 1], *g;

	(void)state;
	fingerprint_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	fingerprint_sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	g = fingerprint_groups(hex, FINGERPRINT_SHOWN);
	assert_string_equal(g, "e3b0 c442 98fc 1c14 9afb f4c8 996f b924");
	free(g);
	g = fingerprint_groups(hex, FINGERPRINT_SECTION_SHOWN);
	assert_string_equal(g, "e3b0 c442");
	free(g);
}

static void
test_agreement_hash(void **state)
{
	char a[FINGERPRINT_HEX + 1], b[FINGERPRINT_HEX + 1];

	(void)state;
	fingerprint_agreement("# T\n", 4, "Signed\n", 7, a, NULL, NULL);
	fingerprint_agreement("# T  \r\n\n", 8, "Signed", 6, b, NULL, NULL);
	assert_string_equal(a, b);
	fingerprint_agreement("# T\n", 4, "Signed.\n", 8, b, NULL, NULL);
	assert_string_not_equal(a, b);
}

static void
test_sections(void **state)
{
	const char *md = "# Title\n\nintro\n\n## One\n\n- a\n## Two\ntext\n##not\n### sub\n";
	struct fingerprint_sections s;
	char hex[FINGERPRINT_HEX + 1];

	(void)state;
	fingerprint_sections(md, strlen(md), &s);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.items[0].heading, "");
	assert_string_equal(s.items[1].heading, "One");
	assert_string_equal(s.items[2].heading, "Two");
	fingerprint_sha256_hex("## One\n\n- a\n", 12, hex);
	assert_string_equal(s.items[1].hex, hex);
	fingerprint_sha256_hex("## Two\ntext\n##not\n### sub\n", 26, hex);
	assert_string_equal(s.items[2].hex, hex);
	fingerprint_sections_cleanup(&s);
	fingerprint_sections("## Only\n", 8, &s);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.items[0].heading, "Only");
	fingerprint_sections_cleanup(&s);
}

static void
test_parse_hex(void **state)
{
	char out[9];

	(void)state;
	assert_int_equal(fingerprint_parse_hex(" 3F2a 9c01", out, 8), 8);
	assert_string_equal(out, "3f2a9c01");
	assert_int_equal(fingerprint_parse_hex("3f2a 9c0g", out, 8), 0);
	assert_int_equal(fingerprint_parse_hex("3f2a 9c01 77", out, 8), 0);
	assert_int_equal(fingerprint_parse_hex("3f2a", out, 8), 4);
}

static void
test_parse_paper(void **state)
{
	char out[FINGERPRINT_HEX + 1];
	const char *full = "0795 0b70 0535 b936 713a fdef fb42 4ff0";

	(void)state;
	assert_int_equal(fingerprint_parse_paper(full, out), FINGERPRINT_SHOWN);
	assert_string_equal(out, "07950b700535b936713afdeffb424ff0");
	assert_int_equal(fingerprint_parse_paper(" 07950B70\t0535B936713AFDEFFB424FF0 ",
	    out), FINGERPRINT_SHOWN);
	assert_string_equal(out, "07950b700535b936713afdeffb424ff0");
	assert_int_equal(fingerprint_parse_paper("0795 0b70", out), 0);	/* too short */
	assert_string_equal(out, "");
	assert_int_equal(fingerprint_parse_paper("0795-0b70-0535-b936-713a-fdef-fb42-4ff0", out), 0);
	assert_int_equal(fingerprint_parse_paper("", out), 0);
	assert_int_equal(fingerprint_parse_paper("07950b700535b936713afdeffb424ff0"
	    "07950b700535b936713afdeffb424ff0", out), FINGERPRINT_HEX);
	assert_int_equal(fingerprint_parse_paper("07950b700535b936713afdeffb424ff0"
	    "07950b700535b936713afdeffb424ff0a", out), 0);	/* too long */

	assert_true(fingerprint_matches("07950b700535b936713afdeffb424ff0"
	    "1111111111111111111111111111111111", "07950b700535b936713afdeffb424ff0"));
	assert_false(fingerprint_matches("07950b700535b936713afdeffb424ff0",
	    "17950b700535b936713afdeffb424ff0"));
	assert_false(fingerprint_matches("07950b70", "07950b70"));	/* too short */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical),
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_agreement_hash),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_parse_hex),
		cmocka_unit_test(test_parse_paper),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
