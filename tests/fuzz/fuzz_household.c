/*
 * fuzz_household.c: libFuzzer target for the household file reader. Each
 * input is loaded as a household file; one that loads is written out
 * again and must load back to the same text (a saved household never
 * changes on a round trip). Built only with ./configure --enable-fuzzing
 * (CC=clang).
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "household.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct household h, again;
	struct diag_list d;
	char *text, *text2;

	household_init(&h);
	household_init(&again);
	diag_list_init(&d);
	if (household_load_buffer("fuzz.yaml", (const char *)data, size, &h,
	    &d) == 0) {
		text = household_format(&h);
		if (household_load_buffer("again.yaml", text, strlen(text),
		    &again, &d) != 0)
			abort();
		text2 = household_format(&again);
		if (strcmp(text, text2) != 0)
			abort();
		free(text);
		free(text2);
	} else if (d.n == 0)
		abort();	/* a refused file always says why */
	household_cleanup(&h);
	household_cleanup(&again);
	diag_list_cleanup(&d);
	return 0;
}
