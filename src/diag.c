/*
 * diag.c: the list of problems found in the user's files. It formats but
 * never prints: main.c and the TUI decide where messages go.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "util.h"

void
diag_list_init(struct diag_list *d)
{
	d->items = NULL;
	d->n = d->cap = d->n_errors = 0;
}

void
diag_list_cleanup(struct diag_list *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].message);
	}
	free(d->items);
	diag_list_init(d);
}

void
diag_addv(struct diag_list *d, enum diag_level level, enum diag_kind kind,
    const char *file, unsigned line, unsigned col, const char *fmt, va_list ap)
{
	struct diag *x;
	va_list ap2;
	int n;

	d->items = xgrow(d->items, &d->cap, d->n, sizeof *d->items);
	x = &d->items[d->n++];
	x->level = level;
	x->kind = kind;
	x->file = file != NULL ? xstrdup(file) : NULL;
	x->line = line;
	x->col = col;
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	x->message = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	x->message[0] = '\0';
	if (n > 0)
		vsnprintf(x->message, (size_t)n + 1, fmt, ap);
	if (level == DIAG_ERROR)
		d->n_errors++;
}

void
diag_add(struct diag_list *d, enum diag_level level, enum diag_kind kind,
    const char *file, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_addv(d, level, kind, file, line, col, fmt, ap);
	va_end(ap);
}

char *
diag_string(const struct diag *x)
{
	static const char *const names[] = { "notice", "warning", "error" };
	const char *lv = names[x->level];

	if (x->file == NULL)
		return xasprintf("%s: %s", lv, x->message);
	if (x->line == 0)
		return xasprintf("%s: %s: %s", x->file, lv, x->message);
	if (x->col == 0)
		return xasprintf("%s:%u: %s: %s", x->file, x->line, lv,
		    x->message);
	return xasprintf("%s:%u:%u: %s: %s", x->file, x->line, x->col, lv,
	    x->message);
}

int
diag_exit_code(const struct diag_list *d)
{
	int code = 0;

	for (size_t i = 0; i < d->n; i++) {
		const struct diag *x = &d->items[i];

		if (x->level != DIAG_ERROR)
			continue;
		switch (x->kind) {
		case DIAG_IO:
			return 74;
		case DIAG_MISSING:
			if (code == 0)
				code = 66;
			break;
		case DIAG_DATA:
			code = 65;
			break;
		}
	}
	return code;
}
