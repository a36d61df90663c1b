/*
 * fuzz_session.c: libFuzzer target for the session file reader. Each input
 * is loaded as a session file; one that loads is written out again and
 * must load back to the same text (a saved session never changes on a
 * round trip). Built only with ./configure --enable-fuzzing (CC=clang).
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "session.h"
#include "session_store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct session s, again;
	struct diag_list d;
	char *text, *text2;

	session_init(&s);
	diag_list_init(&d);
	if (session_store_load_buffer("fuzz.yaml", (const char *)data, size,
	    &s, &d) == 0) {
		text = session_store_format(&s);
		session_init(&again);
		if (session_store_load_buffer("again.yaml", text, strlen(text),
		    &again, &d) != 0)
			abort();	/* what we write, we must read */
		text2 = session_store_format(&again);
		if (strcmp(text, text2) != 0)
			abort();	/* and it must not drift */
		free(text);
		free(text2);
		session_cleanup(&again);
	}
	session_cleanup(&s);
	diag_list_cleanup(&d);
	return 0;
}
