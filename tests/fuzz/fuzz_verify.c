/*
 * fuzz_verify.c: libFuzzer target for 'talkpact verify': any bytes given
 * as an agreement's Markdown are checked without crashing, and a file
 * that is not an agreement says so. Built only with --enable-fuzzing.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

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
	agreement_check_cleanup(&c);
	return 0;
}
