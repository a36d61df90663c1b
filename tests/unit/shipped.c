/*
 * shipped.c: loads the shipped content for test_shipped_content and
 * test_reading (see shipped.h).
 */
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "shipped.h"
#include "util.h"

int
shipped_load(struct content *c)
{
	const char *top = getenv("top_srcdir");
	struct diag_list d;
	char *p, *a;
	int rc;

	if (top == NULL)
		top = ".";
	content_init(c);
	diag_list_init(&d);
	p = xasprintf("%s/prompts", top);
	a = xasprintf("%s/agreements", top);
	content_load_path(c, p, &d);
	content_load_path(c, a, &d);
	content_check(c, &d);
	for (size_t i = 0; i < d.n; i++) {
		char *s = diag_string(&d.items[i]);

		fprintf(stderr, "%s\n", s);
		free(s);
	}
	rc = d.n_errors != 0 ? -1 : 0;
	free(p);
	free(a);
	diag_list_cleanup(&d);
	return rc;
}
