/*
 * fuzz_content.c: libFuzzer target for the content loader. Feeds each
 * input to content_load_buffer as one file, then runs the cross-file
 * checks and the lookups, so every path through the loader that a content
 * file can reach is exercised. Built only with ./configure --enable-fuzzing
 * (CC=clang); see README.md, "Fuzzing".
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "content.h"
#include "diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct content c;
	struct diag_list d;

	content_init(&c);
	diag_list_init(&d);
	content_load_buffer(&c, "fuzz.yaml", data, size, &d);
	/* A second load of the same bytes: the replace path. */
	if (size < 4096)
		content_load_buffer(&c, "again.yaml", data, size, &d);
	content_check(&c, &d);
	for (size_t i = 0; i < c.n_prompts; i++)
		if (content_prompt(&c, c.prompts[i].id) != &c.prompts[i])
			abort();
	for (size_t i = 0; i < c.n_templates; i++) {
		const struct template *t = &c.templates[i];

		if (content_template(&c, t->id) != t)
			abort();
		for (size_t j = 0; j < t->n_blanks; j++)
			if (template_blank(t, t->blanks[j].id) == NULL)
				abort();
	}
	for (size_t i = 0; i < c.n_regions; i++)
		if (content_region(&c, c.regions[i].code) != &c.regions[i])
			abort();
	for (size_t i = 0; i < d.n; i++)
		free(diag_string(&d.items[i]));
	diag_list_cleanup(&d);
	content_cleanup(&c);
	return 0;
}
