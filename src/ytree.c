/*
 * ytree.c: the one YAML reader (see ytree.h): checks the bytes, turns
 * libyaml's events into a tree of nodes with their places, refuses what
 * content and session files both refuse, and reads typed values. The only
 * file that calls yaml_parser_parse().
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "util.h"
#include "ytree.h"

/*
 * Nodes, their lists of kids and keys live in chunks freed in one go with
 * the tree; only values are malloc'd, so that the caller's structs can
 * take them over without a second copy. Without it, loading the
 * benchmark's 10,000 prompts took 1.34x libyaml's own parse in
 * instructions and 1.7x in time (malloc and free a third of it).
 */
struct ytree_chunk {
	struct ytree_chunk *next;
	size_t used, cap;
	max_align_t data[];
};

static void *
S_alloc(struct ytree *t, size_t n)
{
	struct ytree_chunk *ch = t->arena;

	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) *
	    sizeof(max_align_t);
	if (ch == NULL || ch->cap - ch->used < n) {
		size_t cap = n > 65536 ? n : 65536;

		ch = xmalloc(sizeof *ch + cap);
		ch->cap = cap;
		ch->used = 0;
		ch->next = t->arena;
		t->arena = ch;
	}
	ch->used += n;
	return (char *)ch->data + ch->used - n;
}

/* Free the values nobody took; the nodes go with the chunks. */
static void
S_free_values(struct ynode *n)
{
	if (n == NULL)
		return;
	for (size_t i = 0; i < n->n; i++)
		S_free_values(n->kids[i]);
	if (n->owned)
		free(n->str);
	n->str = NULL;
	n->n = 0;
}

static struct ynode *
S_node_new(struct ytree *t, enum ynode_type type, const yaml_event_t *ev)
{
	struct ynode *n = S_alloc(t, sizeof *n);

	memset(n, 0, sizeof *n);
	n->type = type;
	n->line = (unsigned)ev->start_mark.line + 1;
	n->col = (unsigned)ev->start_mark.column + 1;
	n->end_line = (unsigned)ev->end_mark.line + 1;
	n->end_col = (unsigned)ev->end_mark.column + 1;
	return n;
}

static void
S_node_append(struct ytree *t, struct ynode *parent, struct ynode *kid)
{
	if (parent->n == parent->cap) {
		size_t cap = parent->cap ? parent->cap * 2 : 8;
		struct ynode **kids = S_alloc(t, cap * sizeof *kids);

		if (parent->n > 0)
			memcpy(kids, parent->kids, parent->n * sizeof *kids);
		parent->kids = kids;
		parent->cap = cap;
	}
	parent->kids[parent->n++] = kid;
}

void
ytree_init(struct ytree *t, const char *file, const unsigned char *buf,
    size_t len, struct diag_list *d)
{
	memset(t, 0, sizeof *t);
	t->file = file;
	t->buf = buf;
	t->len = len;
	t->d = d;
	t->files = "these files";
	t->one = "a file";
	t->syntax = "YAML syntax error";
	t->max_text = 16u * 1024;
	t->max_line = 64u * 1024;
	t->max_depth = 32;
	t->max_problems = 50;
}

void
ytree_cleanup(struct ytree *t)
{
	S_free_values(t->root);
	t->root = NULL;
	while (t->arena != NULL) {
		struct ytree_chunk *next = t->arena->next;

		free(t->arena);
		t->arena = next;
	}
	free(t->lines);
	t->lines = NULL;
	t->n_lines = 0;
}

void
ytree_err(struct ytree *t, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	if (t->stopped)
		return;
	va_start(ap, fmt);
	diag_addv(t->d, DIAG_ERROR, DIAG_DATA, t->file, line, col, fmt, ap);
	va_end(ap);
	if (++t->problems >= t->max_problems) {
		t->stopped = true;
		diag_add(t->d, DIAG_NOTICE, DIAG_DATA, t->file, 0, 0,
		    "stopped after %u problems in this file", t->max_problems);
	}
}

#define S_err ytree_err
#define S_nerr(x, node, ...) ytree_err((x), (node)->line, (node)->col, __VA_ARGS__)

/*
 * Line and column (both 1-based, the column in characters) of byte offset
 * off, counting line breaks as libyaml does: CR LF, CR, LF, NEL, LS, PS.
 */
static void
S_line_col(const unsigned char *b, size_t len, size_t off, unsigned *line,
    unsigned *col)
{
	unsigned l = 1, c = 1;

	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++) {
		unsigned char ch = b[i];

		if (ch == '\r' && i + 1 < off && b[i + 1] == '\n')
			continue;
		if (ch == '\n' || ch == '\r' ||
		    (ch == 0xc2 && i + 1 < len && b[i + 1] == 0x85) ||
		    (ch == 0xe2 && i + 2 < len && b[i + 1] == 0x80 &&
		    (b[i + 2] == 0xa8 || b[i + 2] == 0xa9))) {
			l++;
			c = 0;
			if (ch == 0xc2)
				i += 1;
			else if (ch == 0xe2)
				i += 2;
			c = 1;
			continue;
		}
		if ((ch & 0xc0) != 0x80)
			c++;
	}
	*line = l;
	*col = c;
}

/*
 * The byte offset of 1-based line and column (in characters), as libyaml
 * counts them; its marks' index counts characters, not bytes. The table of
 * line starts is built on first use, only when a problem needs it.
 */
static size_t
S_byte_at(struct ytree *x, unsigned line, unsigned col)
{
	const unsigned char *b = x->buf;
	size_t off, cap = 0;

	if (x->lines == NULL) {
		x->lines = xgrow(NULL, &cap, 0, sizeof *x->lines);
		x->lines[x->n_lines++] = 0;
		for (size_t i = 0; i < x->len; i++) {
			size_t next = 0;

			if (b[i] == '\r')
				next = i + 1 < x->len && b[i + 1] == '\n' ?
				    i + 2 : i + 1;
			else if (b[i] == '\n')
				next = i + 1;
			else if (b[i] == 0xc2 && i + 1 < x->len && b[i + 1] == 0x85)
				next = i + 2;
			else if (b[i] == 0xe2 && i + 2 < x->len &&
			    b[i + 1] == 0x80 && (b[i + 2] == 0xa8 || b[i + 2] == 0xa9))
				next = i + 3;
			if (next == 0)
				continue;
			x->lines = xgrow(x->lines, &cap, x->n_lines,
			    sizeof *x->lines);
			x->lines[x->n_lines++] = next;
			i = next - 1;
		}
	}
	if (line == 0 || line > x->n_lines)
		return x->len;
	off = x->lines[line - 1];
	for (unsigned c = 1; c < col && off < x->len; c++) {
		off++;
		while (off < x->len && (b[off] & 0xc0) == 0x80)
			off++;
	}
	return off;
}

void
ytree_place(struct ytree *t, const struct ynode *n, const char *s, size_t len,
    unsigned *line, unsigned *col)
{
	size_t from = S_byte_at(t, n->line, n->col);
	size_t to = S_byte_at(t, n->end_line, n->end_col);

	*line = n->line;
	*col = n->col;
	for (size_t i = from; i + len <= to; i++)
		if (memcmp(t->buf + i, s, len) == 0) {
			S_line_col(t->buf, t->len, i, line, col);
			return;
		}
}

/* Is code point cp allowed in YAML (and so by libyaml)? */
static bool
S_printable(uint32_t cp)
{
	return cp == 0x09 || cp == 0x0a || cp == 0x0d ||
	    (cp >= 0x20 && cp <= 0x7e) || cp == 0x85 ||
	    (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) ||
	    (cp >= 0x10000 && cp <= 0x10ffff);
}

/* Decode one UTF-8 character at p (n bytes left); 0 if invalid. */
static size_t
S_utf8_decode(const unsigned char *p, size_t n, uint32_t *cp)
{
	size_t bad;

	if (p[0] < 0x80) {
		*cp = p[0];
		return p[0] == 0 ? 0 : 1;
	}
	for (size_t k = 2; k <= 4 && k <= n; k++) {
		if (utf8_valid((const char *)p, k, &bad)) {
			uint32_t v = p[0] & (0x7f >> k);

			for (size_t i = 1; i < k; i++)
				v = (v << 6) | (p[i] & 0x3f);
			*cp = v;
			return k;
		}
	}
	return 0;
}

/*
 * Before libyaml sees the bytes: UTF-8, no NUL or control characters, no
 * over-long line. libyaml reports those by byte offset only, so we find
 * them first and give their line and column. Returns false if any.
 */
static bool
S_prescan(struct ytree *x)
{
	const unsigned char *b = x->buf;
	size_t len = x->len, i = 0, line_start = 0;
	unsigned line = 1, col = 1;
	bool good = true, long_reported = false;

	while (i < len && !x->stopped) {
		uint32_t cp = 0;
		size_t k;

		/*
		 * The common case: printable ASCII, then a newline. Eight
		 * bytes at a time while none is below 0x20 (newline among
		 * them), 0x7f or above.
		 */
		while (len - i >= 8) {
			uint64_t w;

			memcpy(&w, b + i, 8);
			if ((((w - 0x2020202020202020u) & ~w) | w |
			    (w + 0x0101010101010101u)) & 0x8080808080808080u)
				break;
			i += 8;
			col += 8;
		}
		while (i < len && b[i] >= 0x20 && b[i] < 0x7f) {
			i++;
			col++;
		}
		if (!long_reported && i - line_start > x->max_line) {
			S_err(x, line, 1, "line %u is longer than %zu bytes", line,
			    x->max_line);
			long_reported = true;
			good = false;
		}
		if (i < len && b[i] == '\n') {
			i++;
			line++;
			col = 1;
			line_start = i;
			long_reported = false;
			continue;
		}
		if (i >= len)
			break;
		k = S_utf8_decode(b + i, len - i, &cp);

		if (k == 0) {
			if (b[i] == 0)
				S_err(x, line, col, "a NUL byte: this does not "
				    "look like a text file");
			else
				S_err(x, line, col, "invalid UTF-8 (byte 0x%02x); "
				    "%s must be saved as UTF-8",
				    b[i], x->files);
			good = false;
			/* Skip to the next plausible character start. */
			i++;
			while (i < len && (b[i] & 0xc0) == 0x80)
				i++;
			col++;
			continue;
		}
		if (!S_printable(cp)) {
			S_err(x, line, col, "control character U+%04X is not "
			    "allowed", (unsigned)cp);
			good = false;
		}
		if (cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029 ||
		    (cp == '\r' && !(i + 1 < len && b[i + 1] == '\n'))) {
			line++;
			col = 1;
			line_start = i + k;
			long_reported = false;
		} else if (cp != '\r') {
			col++;
			if (!long_reported &&
			    i + k - line_start > x->max_line) {
				S_err(x, line, 1, "line %u is longer than %zu "
				    "bytes", line, x->max_line);
				long_reported = true;
				good = false;
			}
		}
		i += k;
	}
	return good;
}

static const char *
S_event_what(yaml_event_type_t t)
{
	switch (t) {
	case YAML_SEQUENCE_START_EVENT:
		return "a list";
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	default:
		return "text";
	}
}

/* Report a libyaml error, in its words plus a hint where we have one. */
static void
S_yaml_error(struct ytree *x, const yaml_parser_t *p)
{
	unsigned line, col;

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		S_err(x, 0, 0, "out of memory while reading YAML");
		return;
	case YAML_READER_ERROR:
		S_line_col(x->buf, x->len, p->problem_offset, &line, &col);
		S_err(x, line, col, "%s: %s", x->syntax,
		    p->problem != NULL ? p->problem : "unreadable input");
		return;
	default:
		break;
	}
	line = (unsigned)p->problem_mark.line + 1;
	col = (unsigned)p->problem_mark.column + 1;
	if (S_byte_at(x, line, col) < x->len &&
	    x->buf[S_byte_at(x, line, col)] == '\t') {
		S_err(x, line, col, "%s: a tab character; indent with "
		    "spaces, not tabs", x->syntax);
		return;
	}
	if (p->context != NULL)
		S_err(x, line, col, "%s: %s %s that starts at line %u, "
		    "column %u", x->syntax, p->problem ? p->problem : "error",
		    p->context, (unsigned)p->context_mark.line + 1,
		    (unsigned)p->context_mark.column + 1);
	else
		S_err(x, line, col, "%s: %s", x->syntax,
		    p->problem ? p->problem : "unknown problem");
}

/* Refuse anchors and tags on a node's start event. */
static void
S_check_props(struct ytree *x, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	unsigned line = (unsigned)ev->start_mark.line + 1;
	unsigned col = (unsigned)ev->start_mark.column + 1;

	if (anchor != NULL)
		S_err(x, line, col, "anchors (&%s) are not allowed in %s; "
		    "write the value out again", (const char *)anchor, x->files);
	if (tag != NULL)
		S_err(x, line, col, "tags (%s) are not allowed in %s",
		    (const char *)tag, x->files);
}

/* Refuse NUL and control characters that escapes ("\0", "\e") let in. */
static bool
S_check_scalar_chars(struct ytree *x, unsigned line, unsigned col,
    const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp = 0;
		size_t k = S_utf8_decode(s + i, len - i, &cp);

		if (k == 0) {
			S_err(x, line, col, "text contains %s",
			    s[i] == 0 ? "a NUL character" : "invalid UTF-8");
			return false;
		}
		if (cp != '\n' && cp != '\t' && !(cp >= 0x20 && cp != 0x7f &&
		    !(cp >= 0x80 && cp < 0xa0))) {
			S_err(x, line, col, "text contains control character "
			    "U+%04X", (unsigned)cp);
			return false;
		}
		i += k;
	}
	return true;
}

struct ynode *
ytree_parse(struct ytree *x)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	struct ynode **stack, *root = NULL, *node;
	size_t depth = 0;
	unsigned docs = 0;
	bool done = false, failed = false;

	if (!S_prescan(x))
		return NULL;
	if (!yaml_parser_initialize(&parser)) {
		S_err(x, 0, 0, "out of memory starting the YAML parser");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, x->buf, x->len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	stack = xcalloc(x->max_depth + 1, sizeof *stack);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			S_yaml_error(x, &parser);
			failed = true;
			break;
		}
		node = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				S_err(x, (unsigned)ev.start_mark.line + 1,
				    (unsigned)ev.start_mark.column + 1,
				    "a second YAML document ('---'); %s holds "
				    "one", x->one);
				failed = true;
				done = true;
			}
			break;
		case YAML_ALIAS_EVENT:
			S_err(x, (unsigned)ev.start_mark.line + 1,
			    (unsigned)ev.start_mark.column + 1,
			    "aliases (*%s) are not allowed in %s; write the "
			    "value out again",
			    (const char *)ev.data.alias.anchor, x->files);
			node = S_node_new(x, YNODE_BAD, &ev);
			break;
		case YAML_SCALAR_EVENT:
			S_check_props(x, &ev, ev.data.scalar.anchor,
			    ev.data.scalar.tag);
			node = S_node_new(x, YNODE_SCALAR, &ev);
			if (ev.data.scalar.length > x->max_text) {
				S_nerr(x, node, "text of %zu bytes; the most "
				    "is %zu", ev.data.scalar.length,
				    x->max_text);
				node->type = YNODE_BAD;
			} else if (ev.data.scalar.style ==
			    YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
			    !S_check_scalar_chars(x, node->line, node->col,
			    ev.data.scalar.value, ev.data.scalar.length)) {
				/* Only escapes can bring in what the prescan
				 * refused. */
				node->type = YNODE_BAD;
			} else {
				bool key = depth > 0 &&
				    stack[depth - 1]->type == YNODE_MAP &&
				    stack[depth - 1]->n % 2 == 0;
				size_t n = ev.data.scalar.length;

				if (key) {
					node->str = S_alloc(x, n + 1);
					memcpy(node->str, ev.data.scalar.value, n);
					node->str[n] = '\0';
				} else {
					node->str = xstrndup(
					    (const char *)ev.data.scalar.value, n);
					node->owned = true;
				}
				node->len = n;
				node->plain = ev.data.scalar.style ==
				    YAML_PLAIN_SCALAR_STYLE;
			}
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (ev.type == YAML_SEQUENCE_START_EVENT)
				S_check_props(x, &ev,
				    ev.data.sequence_start.anchor,
				    ev.data.sequence_start.tag);
			else
				S_check_props(x, &ev,
				    ev.data.mapping_start.anchor,
				    ev.data.mapping_start.tag);
			if (depth >= x->max_depth) {
				S_err(x, (unsigned)ev.start_mark.line + 1,
				    (unsigned)ev.start_mark.column + 1,
				    "%s nested more than %u levels deep",
				    S_event_what(ev.type), x->max_depth);
				failed = true;
				done = true;
				break;
			}
			stack[depth++] = S_node_new(x, 
			    ev.type == YAML_SEQUENCE_START_EVENT ? YNODE_SEQ : YNODE_MAP,
			    &ev);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth > 0)
				node = stack[--depth];
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (node != NULL) {
			if (depth > 0)
				S_node_append(x, stack[depth - 1], node);
			else if (root == NULL)
				root = node;
			else
				S_free_values(node);
		}
	}
	while (depth > 0)
		S_free_values(stack[--depth]);
	free(stack);
	yaml_parser_delete(&parser);
	if (failed) {
		S_free_values(root);
		return NULL;
	}
	x->root = root;
	return root;
}

bool
ynode_null(const struct ynode *n)
{
	if (n == NULL)
		return true;
	if (n->type != YNODE_SCALAR || !n->plain || n->str == NULL)
		return false;
	return n->len == 0 || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	    strcmp(n->str, "NULL") == 0;
}

const char *
ynode_found(const struct ynode *n)
{
	if (ynode_null(n))
		return "nothing";
	switch (n->type) {
	case YNODE_SEQ:
		return "a list";
	case YNODE_MAP:
		return "a mapping (key: value)";
	default:
		return "text";
	}
}

char *
ynode_take(struct ynode *n)
{
	char *s = n->str;

	if (s == NULL || !n->owned)
		return xstrdup(s != NULL ? s : "");
	n->str = NULL;
	n->owned = false;
	return s;
}

bool
ynode_bool(const struct ynode *n, bool *out)
{
	if (n == NULL || n->type != YNODE_SCALAR || !n->plain || n->str == NULL)
		return false;
	if (strcmp(n->str, "true") == 0)
		*out = true;
	else if (strcmp(n->str, "false") == 0)
		*out = false;
	else
		return false;
	return true;
}

bool
ytree_parse_long(const char *s, long *out)
{
	char *end;
	long n;

	if (*s == '\0' || !((*s >= '0' && *s <= '9') || *s == '-' || *s == '+'))
		return false;
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s)
		return false;
	*out = n;
	return true;
}

int
ynode_long(const struct ynode *n, long min, long max, long *out)
{
	long v;

	if (n == NULL || n->type != YNODE_SCALAR || !n->plain || n->str == NULL ||
	    !ytree_parse_long(n->str, &v))
		return -1;
	*out = v;
	return v < min || v > max ? 1 : 0;
}

int
ynode_enum(const struct ynode *n, const char *const *names, size_t count)
{
	if (n == NULL || n->type != YNODE_SCALAR || n->str == NULL)
		return -1;
	return names_find(names, count, n->str);
}

bool
ytree_fields(struct ytree *x, struct ynode *map, const char *const *keys,
    size_t nkeys, struct ynode **found, const char *what)
{
	const struct ynode *seen[32] = { NULL };

	if (keys != NULL && nkeys > 32)
		abort();	/* a table of ours: cannot happen */
	for (size_t i = 0; keys != NULL && i < nkeys; i++)
		found[i] = NULL;
	if (map->type != YNODE_MAP) {
		if (map->type != YNODE_BAD)
			S_nerr(x, map, "expected %s as 'key: value' lines, "
			    "found %s", what, ynode_found(map));
		return false;
	}
	for (size_t i = 0; i + 1 < map->n && !x->stopped; i += 2) {
		struct ynode *k = map->kids[i], *v = map->kids[i + 1];
		const struct ynode *first = NULL;
		int at = -1;

		if (k->type != YNODE_SCALAR) {
			if (k->type != YNODE_BAD)
				S_nerr(x, k, "expected a key name in %s, found "
				    "%s", what, ynode_found(k));
			continue;
		}
		if (keys != NULL && (at = names_find(keys, nkeys, k->str)) < 0) {
			const char *near = closest_word(k->str, keys, nkeys);

			if (near != NULL)
				S_nerr(x, k, "unknown key '%s' in %s (did you "
				    "mean '%s'?)", k->str, what, near);
			else
				S_nerr(x, k, "unknown key '%s' in %s", k->str,
				    what);
			continue;
		}
		if (at >= 0)
			first = seen[at];
		for (size_t j = 0; at < 0 && j < i && first == NULL; j += 2)
			if (map->kids[j]->type == YNODE_SCALAR &&
			    strcmp(map->kids[j]->str, k->str) == 0)
				first = map->kids[j];
		if (first != NULL) {
			S_nerr(x, k, "duplicate key '%s' in %s (first given "
			    "at line %u)", k->str, what, first->line);
			continue;
		}
		if (at >= 0) {
			seen[at] = k;
			found[at] = ynode_null(v) ? NULL : v;
		}
	}
	return true;
}

struct ynode *
ynode_get(const struct ynode *map, const char *key)
{
	for (size_t i = 0; map->type == YNODE_MAP && i + 1 < map->n; i += 2) {
		const struct ynode *k = map->kids[i];

		if (k->type == YNODE_SCALAR && k->str != NULL &&
		    strcmp(k->str, key) == 0)
			return ynode_null(map->kids[i + 1]) ? NULL :
			    map->kids[i + 1];
	}
	return NULL;
}
