/*
 * fuzz_verify.c: libFuzzer target for 'talkpact verify': any bytes given
 * as an agreement's Markdown are checked without crashing, and a file
 * that is not an agreement says so; a paper form (.txt) states a
 * fingerprint and nothing more. Built only with --enable-fuzzing.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "agreement.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct agreement_check c;

	agreement_verify((const char *)data, size, &c);
	if (c.verdict == AGREEMENT_UNCHANGED && c.n_changes != 0)
		abort();
	if (c.verdict == AGREEMENT_CHANGED && c.n_changes == 0)
		abort();
	/* A paper form (.txt, .html) states a fingerprint; its words give none. */
	if (c.verdict == AGREEMENT_STATED &&
	    (strlen(c.stated) != FINGERPRINT_SHOWN || c.computed[0] != '\0' ||
	    c.n_changes != 0))
		abort();
	agreement_check_cleanup(&c);
	return 0;
}
