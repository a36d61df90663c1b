/*
 * household.c: the household file (household.h): read through ytree.c,
 * written as plain YAML text (our keys plain, everything typed
 * double-quoted) through privfile.c's atomic 0600 writes. Never prints,
 * never exits, never reads the clock or the environment, never writes
 * over a household file that does not load.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "civil.h"
#include "household.h"
#include "privfile.h"
#include "session_store.h"
#include "util.h"
#include "ytree.h"

void
household_init(struct household *h)
{
	memset(h, 0, sizeof *h);
	h->format_version = HOUSEHOLD_FORMAT_VERSION;
}

static void
S_clear_rules(struct household *h)
{
	for (size_t i = 0; i < h->n_rules; i++)
		free(h->rules[i].text);
	h->n_rules = 0;
}

void
household_cleanup(struct household *h)
{
	for (size_t i = 0; i < h->n_grown_ups; i++)
		free(h->grown_ups[i]);
	free(h->region);
	S_clear_rules(h);
	free(h->rules);
	for (size_t i = 0; i < h->n_marks; i++)
		free(h->marks[i].session_id);
	free(h->marks);
	household_init(h);
}

char *
household_path(const char *state_dir)
{
	return xasprintf("%s/%s", state_dir, HOUSEHOLD_FILE);
}

/* ---- writing ------------------------------------------------------------ */

struct S_out {
	char *p;
	size_t n, cap;
};

static void
S_put(struct S_out *o, const char *s, size_t len)
{
	while (o->n + len + 1 > o->cap)
		o->p = xgrow(o->p, &o->cap, o->n + len, 1);
	memcpy(o->p + o->n, s, len);
	o->n += len;
	o->p[o->n] = '\0';
}

static void
S_puts(struct S_out *o, const char *s)
{
	S_put(o, s, strlen(s));
}

/* Typed text as a YAML double-quoted scalar: reads back byte for byte. */
static void
S_quoted(struct S_out *o, const char *s)
{
	char esc[8];

	S_puts(o, "\"");
	for (; *s != '\0'; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\') {
			esc[0] = '\\';
			esc[1] = (char)ch;
			S_put(o, esc, 2);
		} else if (ch == '\n')
			S_puts(o, "\\n");
		else if (ch == 0xc2 && (unsigned char)s[1] == 0x85) {
			/* YAML's own line breaks, NEL, LS and PS: escaped, or
			 * reading back would fold them and the space before. */
			S_puts(o, "\\N");
			s++;
		} else if (ch == 0xe2 && (unsigned char)s[1] == 0x80 &&
		    ((unsigned char)s[2] == 0xa8 || (unsigned char)s[2] == 0xa9)) {
			S_puts(o, (unsigned char)s[2] == 0xa8 ? "\\L" : "\\P");
			s += 2;
		} else if (ch == '\t')
			S_puts(o, "\\t");
		else if (ch < 0x20 || ch == 0x7f) {
			snprintf(esc, sizeof esc, "\\x%02x", ch);
			S_puts(o, esc);
		} else
			S_put(o, (const char *)&ch, 1);
	}
	S_puts(o, "\"");
}

/* A UTC time as session files write it: the day from civil.h, then the time. */
static void
S_time(struct S_out *o, time_t t)
{
	struct civil day;
	char date[CIVIL_ISO_SIZE], clock[16];

	civil_from_time(t, 0, &day);
	civil_iso(&day, date);
	snprintf(clock, sizeof clock, "T%02d:%02d:%02dZ", day.hour, day.min,
	    day.sec);
	S_puts(o, date);
	S_puts(o, clock);
}

/* PREFIX"value"\n, then "    binds: BINDS\n" when binds is given. */
static void
S_line(struct S_out *o, const char *prefix, const char *value,
    const char *binds)
{
	S_puts(o, prefix);
	S_quoted(o, value);
	S_puts(o, "\n");
	if (binds != NULL) {
		S_puts(o, "    binds: ");
		S_puts(o, binds);
		S_puts(o, "\n");
	}
}

char *
household_format(const struct household *h)
{
	struct S_out o = { NULL, 0, 0 };
	char num[32];

	S_puts(&o,
	    "# A talkpact household: what one family's conversations share.\n"
	    "# Format described in talkpact-session(5). talkpact rewrites this\n"
	    "# file on every change; edit it by hand only with care.\n");
	snprintf(num, sizeof num, "format: %d\n", HOUSEHOLD_FORMAT_VERSION);
	S_puts(&o, num);
	if (h->updated != 0) {
		S_puts(&o, "updated: ");
		S_time(&o, h->updated);
		S_puts(&o, "\n");
	}
	S_puts(&o, h->n_grown_ups == 0 ? "grown-ups: []\n" : "grown-ups:\n");
	for (size_t i = 0; i < h->n_grown_ups; i++)
		S_line(&o, "  - ", h->grown_ups[i], NULL);
	if (h->region != NULL)
		S_line(&o, "region: ", h->region, NULL);
	S_puts(&o, h->n_rules == 0 ? "house-rules: []\n" : "house-rules:\n");
	for (size_t i = 0; i < h->n_rules; i++)
		S_line(&o, "  - text: ", h->rules[i].text,
		    binds_id(h->rules[i].binds));
	if (h->n_marks > 0)
		S_puts(&o, "house-rules-changed:\n");
	for (size_t i = 0; i < h->n_marks; i++) {
		S_line(&o, "  - session: ", h->marks[i].session_id, NULL);
		S_puts(&o, "    since: ");
		S_time(&o, h->marks[i].since);
		S_puts(&o, "\n");
	}
	return o.p;
}

int
household_save_path(const char *path, const struct household *h,
    char **cause)
{
	struct household old;
	struct diag_list d;
	char *text = NULL;
	int rc = -1;

	/* Never replace a household we could not read: it may be all they have. */
	household_init(&old);
	diag_list_init(&d);
	if (access(path, F_OK) == 0 && household_load_path(path, &old, &d) != 0) {
		char *why = diag_string(&d.items[0]);

		*cause = xasprintf("not saving over %s, which did not load: %s",
		    path, why);
		free(why);
		goto out;
	}
	text = household_format(h);
	rc = privfile_write(path, text, strlen(text), cause) == 0 ? 0 : -1;
out:
	free(text);
	household_cleanup(&old);
	diag_list_cleanup(&d);
	return rc;
}

/* ---- reading ------------------------------------------------------------ */

struct S_reader {
	struct ytree t;
};

/* The first problem ends the reading: ytree reports it, we return -1. */
#define S_err(r, line, col, ...) (ytree_err(&(r)->t, (line), (col), \
	__VA_ARGS__), -1)
#define S_get ynode_get

static int
S_map(struct S_reader *r, struct ynode *y, const char *what,
    const char *const *keys, size_t n)
{
	struct ynode *found[8];
	unsigned before = r->t.problems;

	if (!ytree_fields(&r->t, y, keys, n, found, what) ||
	    r->t.problems != before)
		return -1;
	return 0;
}

static int
S_str(struct S_reader *r, struct ynode *y, const char *what, size_t max,
    char **out)
{
	char *cause = NULL;
	/* Rules may hold line breaks and tabs, as in a session; names not. */
	bool multiline = max == SESSION_MAX_TEXT_BYTES;

	if (y->type != YNODE_SCALAR)
		return S_err(r, y->line, y->col, "%s must be text", what);
	if (session_check_text(y->str, max, multiline, what, &cause) != 0) {
		(void)S_err(r, y->line, y->col, "%s", cause);
		free(cause);
		return -1;
	}
	free(*out);
	*out = xstrdup(y->str);
	return 0;
}

static int
S_seq(struct S_reader *r, struct ynode *y, const char *what, size_t max)
{
	if (y->type != YNODE_SEQ)
		return S_err(r, y->line, y->col, "%s must be a list", what);
	if (y->n > max)
		return S_err(r, y->line, y->col, "%s: at most %zu", what, max);
	return 0;
}

static int
S_when(struct S_reader *r, struct ynode *y, const char *what, time_t *out)
{
	int rc = y->type == YNODE_SCALAR ?
	    session_store_parse_time(y->str, out) : -1;

	if (rc != 0)
		return S_err(r, y->line, y->col, "%s must be a UTC time like "
		    "2026-11-29T14:32:00Z", what);
	return 0;
}

static int
S_read_rules(struct S_reader *r, struct ynode *list, struct household *h)
{
	static const char *const keys[] = { "text", "binds" };
	const char *names[BINDS__COUNT];

	if (list == NULL)
		return 0;
	for (int i = 0; i < BINDS__COUNT; i++)
		names[i] = binds_id((enum binds)i);
	if (S_seq(r, list, "house-rules", SESSION_MAX_RULES) != 0)
		return -1;
	for (size_t i = 0; i < list->n; i++) {
		struct ynode *m = list->kids[i], *t, *b;
		struct house_rule *hr;
		int e = BINDS_EVERYONE;

		if (S_map(r, m, "a house rule", keys, 2) != 0)
			return -1;
		if ((t = S_get(m, "text")) == NULL)
			return S_err(r, m->line, m->col, "a house rule needs "
			    "'text'");
		if ((b = S_get(m, "binds")) != NULL &&
		    (e = ynode_enum(b, names, BINDS__COUNT)) < 0) {
			char *list_ = join_words(names, BINDS__COUNT, "or");

			(void)S_err(r, b->line, b->col, "binds must be %s", list_);
			free(list_);
			return -1;
		}
		h->rules = xgrow(h->rules, &h->cap_rules, h->n_rules,
		    sizeof *h->rules);
		hr = &h->rules[h->n_rules++];
		hr->text = NULL;
		hr->binds = (enum binds)e;
		if (S_str(r, t, "A house rule", SESSION_MAX_TEXT_BYTES,
		    &hr->text) != 0)
			return -1;
	}
	return 0;
}

static int
S_read_marks(struct S_reader *r, struct ynode *list, struct household *h)
{
	static const char *const keys[] = { "session", "since" };

	if (list == NULL)
		return 0;
	if (S_seq(r, list, "house-rules-changed", HOUSEHOLD_MAX_MARKS) != 0)
		return -1;
	for (size_t i = 0; i < list->n; i++) {
		struct ynode *m = list->kids[i], *id, *since;
		struct household_mark *k;

		if (S_map(r, m, "a changed agreement", keys, 2) != 0)
			return -1;
		if ((id = S_get(m, "session")) == NULL ||
		    (since = S_get(m, "since")) == NULL)
			return S_err(r, m->line, m->col, "each of "
			    "house-rules-changed needs 'session' and 'since'");
		h->marks = xgrow(h->marks, &h->cap_marks, h->n_marks,
		    sizeof *h->marks);
		k = &h->marks[h->n_marks++];
		k->session_id = NULL;
		k->since = 0;
		if (S_str(r, id, "session", 200, &k->session_id) != 0 ||
		    S_when(r, since, "since", &k->since) != 0)
			return -1;
	}
	return 0;
}

static int
S_read(struct S_reader *r, struct ynode *root, struct household *h)
{
	static const char *const keys[] = { "format", "updated", "grown-ups",
	    "region", "house-rules", "house-rules-changed" };
	struct ynode *y;
	long v;

	if (root->type != YNODE_MAP || (y = S_get(root, "format")) == NULL)
		return S_err(r, root->line, root->col, "this is not a household "
		    "file (it should start with 'format: %d')",
		    HOUSEHOLD_FORMAT_VERSION);
	if (ynode_long(y, 1, INT_MAX, &v) != 0)
		return S_err(r, y->line, y->col, "format must be a number "
		    "from 1");
	if (v > HOUSEHOLD_FORMAT_VERSION)
		return S_err(r, y->line, y->col, "this household was saved by "
		    "a newer talkpact (format %ld); this version reads format "
		    "%d and will not change it", v, HOUSEHOLD_FORMAT_VERSION);
	h->format_version = (int)v;
	if (S_map(r, root, "a household file", keys,
	    sizeof keys / sizeof keys[0]) != 0)
		return -1;
	if ((y = S_get(root, "updated")) != NULL &&
	    S_when(r, y, "updated", &h->updated) != 0)
		return -1;
	if ((y = S_get(root, "grown-ups")) != NULL) {
		if (S_seq(r, y, "grown-ups", SESSION_MAX_GROWN_UPS) != 0)
			return -1;
		for (size_t i = 0; i < y->n; i++) {
			char *name = NULL;

			if (S_str(r, y->kids[i], "A grown-up's name",
			    SESSION_MAX_NAME_BYTES, &name) != 0)
				return -1;
			h->grown_ups[h->n_grown_ups++] = name;
		}
	}
	if ((y = S_get(root, "region")) != NULL &&
	    S_str(r, y, "region", 32, &h->region) != 0)
		return -1;
	/* Each reader takes its key's value, or NULL when it is not there. */
	return S_read_rules(r, S_get(root, "house-rules"), h) != 0 ||
	    S_read_marks(r, S_get(root, "house-rules-changed"), h) != 0 ? -1 : 0;
}

/* Parse the tree and read it into h: 0, or -1 with the problem in r. */
static int
S_parse(struct S_reader *r, struct household *h)
{
	struct ynode *root;

	/* The words and limits of this format, for ytree's own messages. */
	r->t.files = "household files";
	r->t.one = "a household file";
	r->t.syntax = "this is not a readable household file";
	r->t.max_text = r->t.max_line = HOUSEHOLD_MAX_FILE_BYTES;
	r->t.max_depth = 8;
	root = ytree_parse(&r->t);
	if (r->t.problems > 0)
		return -1;
	return root != NULL ? S_read(r, root, h) : S_err(r, 1, 1,
	    "the file is empty, not a household");
}

int
household_load_buffer(const char *name, const char *buf, size_t len,
    struct household *h, struct diag_list *d)
{
	struct S_reader r;
	int rc;

	household_cleanup(h);
	ytree_init(&r.t, name, (const unsigned char *)buf, len, d);
	if ((rc = S_parse(&r, h)) != 0)
		household_cleanup(h);
	ytree_cleanup(&r.t);
	return rc;
}

int
household_load_path(const char *path, struct household *h,
    struct diag_list *d)
{
	int e, rc = -1;
	char *buf = NULL;
	size_t len = 0;
	struct stat sb;

	/* household_load_buffer() empties h first, and on failure. */
	if (read_file(path, HOUSEHOLD_MAX_FILE_BYTES, &buf, &len, &sb) == 0) {
		rc = household_load_buffer(path, buf, len, h, d);
		free(buf);
		return rc;
	}
	household_cleanup(h);
	/* Not there, not a file, too big, or unreadable: say which. */
	e = errno;
	diag_add(d, DIAG_ERROR, e == ENOENT ? DIAG_MISSING : e == EISDIR ||
	    e == ENODEV || e == EFBIG ? DIAG_DATA : DIAG_IO, path, 0, 0,
	    "%s%s", e == ENOENT ? "no household file" : e == EISDIR ?
	    "this is a folder" : e == EFBIG ? "the file is too big" :
	    e == ENODEV ? file_type_name(sb.st_mode) : strerror(e),
	    e == EISDIR || e == ENODEV || e == EFBIG ?
	    ", not a household file" : "");
	return -1;
}

/* ---- the household and its sessions ------------------------------------- */

/* The session's rules that bind everyone become the house rules. */
static void
S_take_rules(struct household *h, const struct session *s)
{
	for (size_t i = 0; i < s->n_rules; i++) {
		if (s->rules[i].binds != BINDS_EVERYONE)
			continue;
		h->rules = xgrow(h->rules, &h->cap_rules, h->n_rules,
		    sizeof *h->rules);
		h->rules[h->n_rules].text = xstrdup(s->rules[i].text);
		h->rules[h->n_rules++].binds = BINDS_EVERYONE;
	}
}

void
household_from_session(struct household *h, const struct session *s)
{
	household_cleanup(h);
	for (size_t i = 0; i < s->n_grown_ups; i++)
		h->grown_ups[h->n_grown_ups++] = xstrdup(s->grown_ups[i]);
	if (s->region != NULL)
		h->region = xstrdup(s->region);
	S_take_rules(h, s);
	h->updated = s->updated;
}

int
household_open(const char *state_dir, const struct session_entry *sessions,
    size_t n, struct household *h, bool *made, struct diag_list *d)
{
	char *path = household_path(state_dir), *cause = NULL;
	struct diag_list mine;
	int rc = -1;

	*made = false;
	diag_list_init(&mine);
	if (household_load_path(path, h, &mine) == 0) {
		rc = 0;
		goto out;
	}
	if (mine.n == 0 || mine.items[0].kind != DIAG_MISSING) {
		for (size_t i = 0; i < mine.n; i++)
			diag_add(d, mine.items[i].level, mine.items[i].kind,
			    mine.items[i].file, mine.items[i].line,
			    mine.items[i].col, "%s", mine.items[i].message);
		goto out;
	}
	/* None yet: the latest session that loads and has a family. */
	for (size_t i = 0; i < n; i++) {
		/* One still getting started may be a family only trying it. */
		if (!sessions[i].ok || sessions[i].s.n_grown_ups == 0 ||
		    sessions[i].s.stage == STAGE_FAMILY)
			continue;
		household_from_session(h, &sessions[i].s);
		if (household_save_path(path, h, &cause) != 0) {
			diag_add(d, DIAG_ERROR, DIAG_IO, path, 0, 0, "%s", cause);
			free(cause);
			household_cleanup(h);
			goto out;
		}
		*made = true;
		rc = 0;
		goto out;
	}
	rc = 1;
out:
	diag_list_cleanup(&mine);
	free(path);
	return rc;
}

bool
household_marked(const struct household *h, const char *session_id)
{
	for (size_t i = 0; session_id != NULL && i < h->n_marks; i++)
		if (strcmp(h->marks[i].session_id, session_id) == 0)
			return true;
	return false;
}

int
household_seed(const struct household *h, struct session *s,
    const struct content *c, time_t now, char **cause)
{
	for (size_t i = 0; i < h->n_grown_ups; i++) {
		struct action a = { .kind = ACTION_SET_GROWN_UP, .index = i,
		    .text = h->grown_ups[i] };

		if (session_apply(s, c, &a, now, cause) != 0)
			return -1;
	}
	if (h->region != NULL) {
		struct action a = { .kind = ACTION_SET_REGION, .id = h->region };

		/* A region this content does not know is left to choose again. */
		if (session_apply(s, c, &a, now, cause) != 0) {
			free(*cause);
			*cause = NULL;
		}
	}
	for (size_t i = 0; i < h->n_rules; i++) {
		struct action a = { .kind = ACTION_ADD_RULE,
		    .text = h->rules[i].text, .number = h->rules[i].binds,
		    .flag = true };

		if (session_apply(s, c, &a, now, cause) != 0)
			return -1;
	}
	return 0;
}

/* The session's rules that bind everyone, against the house rules. */
bool
household_rules_differ(const struct household *h, const struct session *s)
{
	size_t k = 0;

	for (size_t i = 0; i < s->n_rules; i++) {
		if (s->rules[i].binds != BINDS_EVERYONE)
			continue;
		if (k >= h->n_rules || strcmp(h->rules[k].text,
		    s->rules[i].text) != 0)
			return true;
		k++;
	}
	return k != h->n_rules;
}

static bool
S_unmark(struct household *h, const char *id)
{
	for (size_t i = 0; id != NULL && i < h->n_marks; i++) {
		if (strcmp(h->marks[i].session_id, id) != 0)
			continue;
		free(h->marks[i].session_id);
		memmove(&h->marks[i], &h->marks[i + 1],
		    (h->n_marks - i - 1) * sizeof *h->marks);
		h->n_marks--;
		return true;
	}
	return false;
}

bool
household_after_signing(struct household *h, const struct session *s,
    const char *const *others, size_t n, time_t now)
{
	bool changed = S_unmark(h, s->id);

	if (!household_rules_differ(h, s))
		return changed;
	S_clear_rules(h);
	S_take_rules(h, s);
	for (size_t i = 0; i < n; i++) {
		if (others[i] == NULL || (s->id != NULL &&
		    strcmp(others[i], s->id) == 0) ||
		    household_marked(h, others[i]) ||
		    h->n_marks >= HOUSEHOLD_MAX_MARKS)
			continue;
		h->marks = xgrow(h->marks, &h->cap_marks, h->n_marks,
		    sizeof *h->marks);
		h->marks[h->n_marks].session_id = xstrdup(others[i]);
		h->marks[h->n_marks++].since = now;
	}
	h->updated = now;
	return true;
}

bool
household_forget_session(struct household *h, const char *session_id)
{
	return S_unmark(h, session_id);
}
