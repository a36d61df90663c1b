/*
 * fill.c: finding and filling {{marker}}s (see fill.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fill.h"
#include "util.h"

int
fill_next(const char *text, size_t *at, struct marker *m)
{
	const char *open = strstr(text + *at, "{{"), *close, *colon;

	if (open == NULL)
		return 0;
	memset(m, 0, sizeof *m);
	m->start = (size_t)(open - text);
	if ((close = strstr(open + 2, "}}")) == NULL)
		return -1;
	m->name = open + 2;
	m->name_len = (size_t)(close - m->name);
	m->len = m->name_len + 4;
	colon = memchr(m->name, ':', m->name_len);
	m->ns_len = colon != NULL ? (size_t)(colon - m->name) : 0;
	*at = m->start + m->len;
	return 1;
}

bool
marker_is(const struct marker *m, const char *ns, const char *key)
{
	size_t nl = ns != NULL ? strlen(ns) : 0, kl = strlen(key);
	const char *k = m->name + (nl > 0 ? nl + 1 : 0);

	if (m->ns_len != nl || (nl > 0 && memcmp(m->name, ns, nl) != 0))
		return false;
	if (nl == 0 && memchr(m->name, ':', m->name_len) != NULL)
		return false;
	return m->name_len == (nl > 0 ? nl + 1 : 0) + kl &&
	    memcmp(k, key, kl) == 0;
}

char *
fill_chain(const struct marker *m, void *arg)
{
	struct fill_chain *ch = arg;

	for (size_t i = 0; i < ch->n && i < FILL_CHAIN_MAX; i++) {
		char *v = ch->fn[i](m, ch->arg[i]);

		if (v != NULL) {
			ch->which = (int)i;
			return v;
		}
	}
	ch->which = -1;
	return NULL;
}

size_t
fill_walk(const char *text, fill_lookup_fn *lookup, void *lookup_arg,
    fill_emit_fn *emit, void *emit_arg, const char *missing)
{
	size_t at = 0, done = 0, unknown = 0;
	struct marker m;

	while (fill_next(text, &at, &m) == 1) {
		char *v = lookup(&m, lookup_arg);
		const char *shown = v != NULL ? v : missing;

		if (m.start > done)
			emit(text + done, m.start - done, false, emit_arg);
		if (v == NULL)
			unknown++;
		if (shown == NULL)
			emit(text + m.start, m.len, false, emit_arg);
		else
			emit(shown, strlen(shown), true, emit_arg);
		free(v);
		done = at;
	}
	if (text[done] != '\0')
		emit(text + done, strlen(text + done), false, emit_arg);
	return unknown;
}

struct S_buf {
	char *p;
	size_t n, cap;
};

static void
S_append(const char *s, size_t len, bool value, void *arg)
{
	struct S_buf *b = arg;

	(void)value;
	while (b->n + len + 1 > b->cap)
		b->p = xgrow(b->p, &b->cap, b->n + len, 1);
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
}

char *
fill_string(const char *text, fill_lookup_fn *lookup, void *lookup_arg,
    const char *missing)
{
	struct S_buf b = { NULL, 0, 0 };

	fill_walk(text, lookup, lookup_arg, S_append, &b, missing);
	return b.p != NULL ? b.p : xstrdup("");
}
