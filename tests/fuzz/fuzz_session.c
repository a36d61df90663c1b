/*
 * fuzz_session.c: libFuzzer target for the session file reader. Each input
 * is loaded as a session file; one that loads is written out again and
 * must load back to the same text (a saved session never changes on a
 * round trip). A signed format-2 input (the seeds in tests/sessions/ have
 * them, and one changed after signing) also goes through its signed
 * block: its digest is checked, and one that matches must match again
 * after the round trip and render from its frozen words alone (no
 * content). Built only with ./configure --enable-fuzzing (CC=clang).
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "agreement.h"
#include "diag.h"
#include "session.h"
#include "session_store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What was signed renders without any content, the .md as frozen. */
static void
S_render_frozen(const struct session *s)
{
	static const enum render_format fmts[] = { RENDER_MD, RENDER_HTML,
		RENDER_TXT };
	char *out, *cause = NULL;

	for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		if (agreement_render(s, NULL, 0, fmts[i], &out, &cause) != 0)
			abort();
		if (fmts[i] == RENDER_MD && strcmp(out, s->frozen->markdown) != 0)
			abort();
		free(out);
	}
}

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
		if (text == NULL) {
			/* Only a signed format-1 file is never written again. */
			if (s.stage != STAGE_SIGNED || s.frozen != NULL ||
			    s.format_version != 1)
				abort();
			goto out;
		}
		session_init(&again);
		if (session_store_load_buffer("again.yaml", text, strlen(text),
		    &again, &d) != 0)
			abort();	/* what we write, we must read */
		text2 = session_store_format(&again);
		if (strcmp(text, text2) != 0)
			abort();	/* and it must not drift */
		if (session_signed_check(&s) != session_signed_check(&again))
			abort();	/* nor its seal */
		if (session_signed_check(&again) == 1)
			S_render_frozen(&again);
		free(text);
		free(text2);
		session_cleanup(&again);
	}
out:
	session_cleanup(&s);
	diag_list_cleanup(&d);
	return 0;
}
