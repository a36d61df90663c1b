/*
 * session_store.c: session files. Owns the on-disk format (written with
 * libyaml's emitter, read back with its event parser into a small tree
 * that keeps every node's line and column) and the private sessions
 * folder; privfile.c does the 0700 folders and the atomic 0600 writes.
 *
 * Never prints, never exits, never reads the environment. Never writes
 * over a file that does not load cleanly.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "civil.h"
#include "privfile.h"
#include "review.h"
#include "session_store.h"
#include "util.h"
#include "ytree.h"

#define S_MAX_DEPTH 16

static const char *const S_answer_states[] = { "open", "given", "skipped", "later" };

/* ---- folder ------------------------------------------------------------- */

int
session_store_open(struct session_store *st, const char *state_dir,
    char **cause)
{
	char *dir;

	st->dir = NULL;
	if (state_dir == NULL || *state_dir == '\0') {
		*cause = xstrdup("there is no folder for sessions "
		    "(set HOME or XDG_STATE_HOME)");
		return -1;
	}
	dir = xasprintf("%s/sessions", state_dir);
	if (privfile_mkdirs(dir, cause) != 0 ||
	    privfile_private_dir(state_dir, cause) != 0 ||
	    privfile_private_dir(dir, cause) != 0) {
		free(dir);
		return -1;
	}
	st->dir = dir;
	return 0;
}

void
session_store_cleanup(struct session_store *st)
{
	free(st->dir);
	st->dir = NULL;
}

char *
session_store_path(const struct session_store *st, const char *id)
{
	return xasprintf("%s/%s.yaml", st->dir, id);
}

void
session_store_new_id(const struct session_store *st, struct session *s,
    time_t now)
{
	char *base = session_make_id(s->child, now), *id = xstrdup(base), *path;
	struct stat sb;

	for (int n = 2; ; n++) {
		path = session_store_path(st, id);
		if (lstat(path, &sb) != 0 && errno == ENOENT) {
			free(path);
			break;
		}
		free(path);
		free(id);
		id = xasprintf("%s-%d", base, n);
	}
	free(base);
	free(s->id);
	s->id = id;
}

/* ---- writing ------------------------------------------------------------ */

struct S_buf {
	char *p;
	size_t n, cap;
};

static int
S_buf_write(void *data, unsigned char *bytes, size_t size)
{
	struct S_buf *b = data;

	if (b->n + size + 1 > b->cap) {
		b->cap = (b->n + size + 1) * 2;
		b->p = xreallocarray(b->p, b->cap, 1);
	}
	memcpy(b->p + b->n, bytes, size);
	b->n += size;
	b->p[b->n] = '\0';
	return 1;
}

struct S_em {
	yaml_emitter_t e;
	bool failed;
};

static void
S_emit(struct S_em *em, yaml_event_t *ev)
{
	/* yaml_emitter_emit() frees the event, even on failure. */
	if (em->failed || !yaml_emitter_emit(&em->e, ev))
		em->failed = true;
}

static void
S_scalar(struct S_em *em, const char *v, yaml_scalar_style_t style)
{
	yaml_event_t ev;

	if (em->failed)
		return;
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (yaml_char_t *)(uintptr_t)v, (int)strlen(v), 1, 1, style)) {
		em->failed = true;
		return;
	}
	S_emit(em, &ev);
}

/* Our own words (keys, numbers, ids from our tables): plain. */
static void
S_plain(struct S_em *em, const char *v)
{
	S_scalar(em, v, YAML_PLAIN_SCALAR_STYLE);
}

/* Anything typed by the family or taken from content: double-quoted, so it
 * reads back byte for byte (newlines and tabs become \n and \t). */
static void
S_quoted(struct S_em *em, const char *v)
{
	S_scalar(em, v, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

static void
S_key_quoted(struct S_em *em, const char *k, const char *v)
{
	S_plain(em, k);
	S_quoted(em, v);
}

static void
S_key_long(struct S_em *em, const char *k, long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%ld", v);
	S_plain(em, k);
	S_plain(em, buf);
}

static void
S_key_time(struct S_em *em, const char *k, time_t t)
{
	char buf[32];
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	S_plain(em, k);
	S_plain(em, buf);
}

static void
S_start(struct S_em *em, bool map, bool flow)
{
	yaml_event_t ev;

	if (em->failed)
		return;
	if (map)
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	else
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		    flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
	S_emit(em, &ev);
}

static void
S_end(struct S_em *em, bool map)
{
	yaml_event_t ev;

	if (em->failed)
		return;
	if (map)
		yaml_mapping_end_event_initialize(&ev);
	else
		yaml_sequence_end_event_initialize(&ev);
	S_emit(em, &ev);
}

/* Optional "voices": each grown-up's own words, by name. */
static void
S_write_voice_map(struct S_em *em, const struct voice *v, size_t n)
{
	if (n == 0)
		return;
	S_plain(em, "voices");
	S_start(em, true, false);
	for (size_t i = 0; i < n; i++)
		S_key_quoted(em, v[i].name, v[i].text);
	S_end(em, true);
}

/* Optional: each grown-up's own words in an answer, by name. */
static void
S_write_voices(struct S_em *em, const struct answer *a)
{
	S_write_voice_map(em, a->voices, a->n_voices);
}

/* Optional: each grown-up's own line in a review note, by name. */
static void
S_write_note_voices(struct S_em *em, const struct review_note *n)
{
	S_write_voice_map(em, n->voices, n->n_voices);
}

/* Optional: what someone has not agreed to yet. */
static void
S_write_not_agreed(struct S_em *em, const struct session *s)
{
	if (s->n_not_agreed == 0)
		return;
	S_plain(em, "not-agreed");
	S_start(em, false, false);
	for (size_t i = 0; i < s->n_not_agreed; i++) {
		const struct not_agreed *na = &s->not_agreed[i];

		S_start(em, true, false);
		S_key_quoted(em, "item", na->item);
		S_key_quoted(em, "who", na->who);
		if (na->reason != NULL)
			S_key_quoted(em, "reason", na->reason);
		S_end(em, true);
	}
	S_end(em, false);
}

/*
 * A review's keys (all optional): "version" when it is not 1, "replaces"
 * (the agreement it replaces, as signed) and "review" (the family's
 * notes). See review.h.
 */
static void
S_write_review(struct S_em *em, const struct session *s)
{
	const struct replaces *r = s->replaces;

	if (s->version > 1)
		S_key_long(em, "version", s->version);
	if (r != NULL) {
		S_plain(em, "replaces");
		S_start(em, true, false);
		S_key_quoted(em, "session", r->id);
		S_key_long(em, "version", r->version);
		S_key_time(em, "signed", r->signed_at);
		if (r->date != NULL)
			S_key_quoted(em, "date", r->date);
		if (r->fingerprint != NULL)
			S_key_quoted(em, "fingerprint", r->fingerprint);
		S_plain(em, "rules");
		S_start(em, false, r->n_items == 0);
		for (size_t i = 0; i < r->n_items; i++) {
			S_start(em, true, false);
			S_key_quoted(em, "item", r->items[i].key);
			S_key_quoted(em, "text", r->items[i].text);
			S_plain(em, "binds");
			S_plain(em, binds_id(r->items[i].binds));
			S_end(em, true);
		}
		S_end(em, false);
		S_plain(em, "blanks");
		S_start(em, true, r->n_blanks == 0);
		for (size_t i = 0; i < r->n_blanks; i++)
			S_key_quoted(em, r->blanks[i].blank_id,
			    r->blanks[i].value);
		S_end(em, true);
		S_end(em, true);
	}
	if (s->n_notes > 0) {
		S_plain(em, "review");
		S_start(em, false, false);
		for (size_t i = 0; i < s->n_notes; i++) {
			const struct review_note *n = &s->notes[i];

			S_start(em, true, false);
			S_key_quoted(em, "item", n->key);
			if (n->decision != DECISION_NONE) {
				S_plain(em, "decision");
				S_plain(em, review_decision_id(n->decision));
			}
			if (n->child != NULL)
				S_key_quoted(em, "child", n->child);
			if (n->grown_up != NULL)
				S_key_quoted(em, "grown-up", n->grown_up);
			S_write_note_voices(em, n);
			S_end(em, true);
		}
		S_end(em, false);
	}
}

/*
 * The optional 'topics' key (any format): the topics a talk on chosen
 * topics asks about, by their ids, in TOPIC_TABLE's order.
 */
static void
S_write_topics(struct S_em *em, const struct session *s)
{
	if (s->topics == 0)
		return;
	S_plain(em, "topics");
	S_start(em, false, true);
	for (int i = 0; i < TOPIC__COUNT; i++)
		if (s->topics & SESSION_TOPIC_BIT(i))
			S_plain(em, topic_id((enum topic)i));
	S_end(em, false);
}

static void
S_write_text(struct S_em *em, const struct signed_text *x)
{
	S_start(em, false, true);
	for (size_t i = 0; i < x->n; i++)
		S_quoted(em, x->pieces[i]);
	S_end(em, false);
}

/* signed: the words as signed, the Markdown, the fingerprint, the digest. */
static void
S_write_signed(struct S_em *em, const struct signed_words *w)
{
	S_plain(em, "signed");
	S_start(em, true, false);
	S_key_quoted(em, "title", w->title);
	S_plain(em, "band");
	S_plain(em, band_name(w->band));
	S_plain(em, "paper");
	S_plain(em, w->paper);
	S_key_quoted(em, "date", w->date);
	S_key_quoted(em, "review-date", w->review_date);
	S_plain(em, "review-day");
	S_plain(em, w->review_day);
	S_key_long(em, "review-months", w->review_months);
	S_plain(em, "blocks");
	S_start(em, false, w->n_blocks == 0);
	for (size_t i = 0; i < w->n_blocks; i++) {
		const struct signed_block *b = &w->blocks[i];

		S_start(em, true, false);
		S_plain(em, "kind");
		S_plain(em, signed_block_id(b->kind));
		S_key_quoted(em, "heading", b->heading);
		S_plain(em, "items");
		S_start(em, false, b->n_items == 0);
		for (size_t j = 0; j < b->n_items; j++)
			S_write_text(em, &b->items[j]);
		S_end(em, false);
		S_end(em, true);
	}
	S_end(em, false);
	S_key_quoted(em, "steps-heading", w->steps_heading);
	S_plain(em, "steps");
	S_start(em, false, w->n_steps == 0);
	for (size_t i = 0; i < w->n_steps; i++)
		S_write_text(em, &w->steps[i]);
	S_end(em, false);
	if (w->help_region != NULL) {
		S_plain(em, "help");
		S_start(em, true, false);
		S_key_quoted(em, "region", w->help_region);
		S_plain(em, "lines");
		S_start(em, false, w->n_lines == 0);
		for (size_t i = 0; i < w->n_lines; i++) {
			const struct signed_line *l = &w->lines[i];

			S_start(em, true, false);
			S_key_quoted(em, "name", l->name);
			S_key_quoted(em, "about", l->about);
			if (l->phone != NULL)
				S_key_quoted(em, "phone", l->phone);
			if (l->web != NULL)
				S_key_quoted(em, "web", l->web);
			S_end(em, true);
		}
		S_end(em, false);
		S_end(em, true);
	}
	S_key_quoted(em, "markdown", w->markdown != NULL ? w->markdown : "");
	S_plain(em, "fingerprint");
	S_plain(em, w->fingerprint);
	S_plain(em, "digest");
	S_plain(em, w->digest);
	S_end(em, true);
}

/* signatures: and, once signed, signed: (the file's last keys). */
static void
S_write_signing(struct S_em *em, const struct session *s)
{
	S_plain(em, "signatures");
	S_start(em, false, s->n_signatures == 0);
	for (size_t i = 0; i < s->n_signatures; i++) {
		const struct signature *g = &s->signatures[i];
		char off[CIVIL_OFFSET_SIZE];

		S_start(em, true, false);
		S_plain(em, "role");
		S_plain(em, role_id(g->role));
		if (g->role == ROLE_GROWN_UP)
			S_key_long(em, "grown-up", (long)g->grown_up + 1);
		S_key_quoted(em, "name", g->name);
		S_key_time(em, "time", g->when);
		S_plain(em, "date");
		S_plain(em, g->date);
		civil_offset_text(g->utc_offset, off);
		S_key_quoted(em, "offset", off);
		S_end(em, true);
	}
	S_end(em, false);
	if (s->stage == STAGE_SIGNED && s->frozen != NULL)
		S_write_signed(em, s->frozen);
}

char *
session_store_format(const struct session *s)
{
	static const char header[] =
	    "# A talkpact session: one family's conversation and agreement.\n"
	    "# Format described in talkpact-session(5). talkpact rewrites this\n"
	    "# file on every change; edit it by hand only with care.\n";
	struct S_buf b = { NULL, 0, 0 };
	struct S_em em = { .failed = false };
	yaml_event_t ev;

	/* Signed with no words frozen (format 1): format 2 cannot say it. */
	if (s->stage == STAGE_SIGNED && s->frozen == NULL)
		return NULL;
	S_buf_write(&b, (unsigned char *)(uintptr_t)header, sizeof header - 1);
	yaml_emitter_initialize(&em.e);
	yaml_emitter_set_output(&em.e, S_buf_write, &b);
	yaml_emitter_set_unicode(&em.e, 1);
	yaml_emitter_set_width(&em.e, -1);
	yaml_emitter_set_indent(&em.e, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	S_emit(&em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	S_emit(&em, &ev);
	S_start(&em, true, false);

	S_key_long(&em, "format", SESSION_FORMAT_VERSION);
	if (s->id != NULL)
		S_key_quoted(&em, "id", s->id);
	S_key_time(&em, "created", s->created);
	S_key_time(&em, "updated", s->updated);
	S_plain(&em, "stage");
	S_plain(&em, session_stage_id(s->stage));

	S_plain(&em, "family");
	S_start(&em, true, false);
	if (s->child != NULL)
		S_key_quoted(&em, "child", s->child);
	if (s->age > 0)
		S_key_long(&em, "age", s->age);
	if ((int)s->band >= 0 && s->band < BAND__COUNT) {
		S_plain(&em, "band");
		S_plain(&em, band_name(s->band));
	}
	S_plain(&em, "grown-ups");
	S_start(&em, false, s->n_grown_ups == 0);
	for (size_t i = 0; i < s->n_grown_ups; i++)
		S_quoted(&em, s->grown_ups[i]);
	S_end(&em, false);
	if (s->region != NULL)
		S_key_quoted(&em, "region", s->region);
	S_end(&em, true);

	if (s->template_id != NULL)
		S_key_quoted(&em, "template", s->template_id);
	S_key_long(&em, "position", (long)s->position);
	if (s->talk != TALK_ALL) {
		S_plain(&em, "talk");
		S_plain(&em, session_talk_id(s->talk));
	}
	S_write_topics(&em, s);

	S_plain(&em, "answers");
	S_start(&em, false, s->n_answers == 0);
	for (size_t i = 0; i < s->n_answers; i++) {
		const struct answer *a = &s->answers[i];

		S_start(&em, true, false);
		S_key_quoted(&em, "prompt", a->prompt_id);
		S_plain(&em, "state");
		S_plain(&em, S_answer_states[a->state]);
		if (a->child != NULL)
			S_key_quoted(&em, "child", a->child);
		if (a->grown_up != NULL)
			S_key_quoted(&em, "grown-up", a->grown_up);
		S_write_voices(&em, a);
		S_end(&em, true);
	}
	S_end(&em, false);

	S_plain(&em, "clauses");
	S_start(&em, true, s->n_clauses == 0);
	for (size_t i = 0; i < s->n_clauses; i++) {
		S_quoted(&em, s->clauses[i].clause_id);
		S_plain(&em, s->clauses[i].on ? "true" : "false");
	}
	S_end(&em, true);

	S_plain(&em, "blanks");
	S_start(&em, true, s->n_blanks == 0);
	for (size_t i = 0; i < s->n_blanks; i++)
		S_key_quoted(&em, s->blanks[i].blank_id, s->blanks[i].value);
	S_end(&em, true);

	S_plain(&em, "rules");
	S_start(&em, false, s->n_rules == 0);
	for (size_t i = 0; i < s->n_rules; i++) {
		S_start(&em, true, false);
		S_key_quoted(&em, "text", s->rules[i].text);
		S_plain(&em, "binds");
		S_plain(&em, binds_id(s->rules[i].binds));
		if (s->rules[i].house) {
			S_plain(&em, "house");
			S_plain(&em, "true");
		}
		S_end(&em, true);
	}
	S_end(&em, false);

	S_plain(&em, "promises");
	S_start(&em, true, s->n_promises == 0);
	for (size_t i = 0; i < s->n_promises; i++) {
		S_quoted(&em, s->promises[i].promise_id);
		S_plain(&em, s->promises[i].on ? "true" : "false");
	}
	S_end(&em, true);

	if (s->review_months > 0)
		S_key_long(&em, "review-months", s->review_months);
	S_write_not_agreed(&em, s);
	S_write_review(&em, s);

	/* Optional: only while something typed is not yet confirmed. */
	if (s->n_drafts > 0) {
		S_plain(&em, "drafts");
		S_start(&em, true, false);
		for (size_t i = 0; i < s->n_drafts; i++)
			S_key_quoted(&em, s->drafts[i].box, s->drafts[i].text);
		S_end(&em, true);
	}

	/* Everything about signing comes last (talkpact-session(5)). */
	S_write_signing(&em, s);

	S_end(&em, true);
	yaml_document_end_event_initialize(&ev, 1);
	S_emit(&em, &ev);
	yaml_stream_end_event_initialize(&ev);
	S_emit(&em, &ev);
	yaml_emitter_flush(&em.e);
	yaml_emitter_delete(&em.e);
	if (em.failed) {
		/* Only possible for text session_apply() would have refused. */
		free(b.p);
		return NULL;
	}
	return b.p;
}

/* ---- reading ------------------------------------------------------------ */

struct S_reader {
	struct ytree t;
};

static int
S_err(struct S_reader *r, unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The first problem ends the reading: report it and return -1. */
static int
S_err(struct S_reader *r, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_addv(r->t.d, DIAG_ERROR, DIAG_DATA, r->t.file, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

/* The value of key, or NULL if absent or null ("key:", "key: ~"). */
static struct ynode *
S_get(const struct ynode *map, const char *key)
{
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		struct ynode *v = map->kids[i + 1];

		if (map->kids[i]->type != YNODE_SCALAR ||
		    strcmp(map->kids[i]->str, key) != 0)
			continue;
		return ynode_null(v) ? NULL : v;
	}
	return NULL;
}

/* Check a mapping: text keys, no repeats, only known keys (NULL: any). */
static int
S_check_map(struct S_reader *r, struct ynode *y, const char *what,
    const char *const *known)
{
	struct ynode *found[24];
	unsigned before = r->t.problems;
	size_t n = 0;

	while (known != NULL && known[n] != NULL)
		n++;
	if (!ytree_fields(&r->t, y, known, n, found, what) ||
	    r->t.problems != before)
		return -1;
	return 0;
}

static int
S_str(struct S_reader *r, struct ynode *y, const char *what,
    size_t max, bool multiline, char **out)
{
	char *cause = NULL;

	if (y->type != YNODE_SCALAR)
		return S_err(r, y->line, y->col, "%s must be text", what);
	if (session_check_text(y->str, max, multiline, what, &cause) != 0) {
		S_err(r, y->line, y->col, "%s", cause);
		free(cause);
		return -1;
	}
	free(*out);
	*out = xstrdup(y->str);
	return 0;
}

static int
S_long(struct S_reader *r, struct ynode *y, const char *what,
    long min, long max, long *out)
{
	switch (ynode_long(y, min, max, out)) {
	case 0:
		return 0;
	case 1:
		return S_err(r, y->line, y->col, "%s must be from %ld to %ld",
		    what, min, max);
	default:
		if (y->type != YNODE_SCALAR)
			return S_err(r, y->line, y->col, "%s must be a number",
			    what);
		return S_err(r, y->line, y->col, "%s must be a number, not "
		    "'%s'", what, y->str);
	}
}

static int
S_bool(struct S_reader *r, struct ynode *y, const char *what,
    bool *out)
{
	if (!ynode_bool(y, out))
		return S_err(r, y->line, y->col, "%s must be true or false",
		    what);
	return 0;
}

int
session_store_parse_time(const char *str, time_t *out)
{
	struct tm tm, back, want;
	char tail;
	time_t t;

	memset(&tm, 0, sizeof tm);
	if (sscanf(str, "%4d-%2d-%2dT%2d:%2d:%2dZ%c", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec,
	    &tail) != 6 || strlen(str) != 20 || tm.tm_mon < 1 ||
	    tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
	    tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
		return -1;
	/*
	 * A real date from 1970 to 9999, written back the same: not 31
	 * February, not a leap second, not a year that would lose its
	 * leading zeros.
	 */
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	want = tm;	/* timegm() normalises its argument */
	t = timegm(&tm);
	if (want.tm_year < 70 || want.tm_year > 9999 - 1900 ||
	    gmtime_r(&t, &back) == NULL || back.tm_year != want.tm_year ||
	    back.tm_mon != want.tm_mon || back.tm_mday != want.tm_mday ||
	    back.tm_hour != want.tm_hour || back.tm_min != want.tm_min ||
	    back.tm_sec != want.tm_sec)
		return -2;
	*out = t;
	return 0;
}

static int
S_time(struct S_reader *r, struct ynode *y, const char *what,
    time_t *out)
{
	int rc = y->type == YNODE_SCALAR ?
	    session_store_parse_time(y->str, out) : -1;

	if (rc == -1)
		return S_err(r, y->line, y->col, "%s must be a UTC time like "
		    "2026-11-29T14:32:00Z", what);
	if (rc == -2)
		return S_err(r, y->line, y->col, "%s is not a real "
		    "time from 1970 to 9999: %s", what, y->str);
	return 0;
}

/* A value named by name(0..n-1): content.h's and session.h's tables. */
static int
S_enum(struct S_reader *r, struct ynode *y, const char *what,
    const char *(*name)(int), int n, int *out)
{
	const char *names[8];
	char *list;

	for (int i = 0; i < n && i < 8; i++)
		names[i] = name(i);
	if ((*out = ynode_enum(y, names, (size_t)n)) >= 0)
		return 0;
	list = join_words(names, (size_t)n, "or");
	S_err(r, y->line, y->col, "%s must be %s", what, list);
	free(list);
	return -1;
}

static const char *
S_talk(int i)
{
	return session_talk_id((enum session_talk)i);
}

static const char *
S_band(int i)
{
	return band_name((enum band)i);
}

static const char *
S_binds(int i)
{
	return binds_id((enum binds)i);
}

static const char *
S_role(int i)
{
	return role_id((enum role)i);
}

static const char *
S_block_kind(int i)
{
	return signed_block_id((enum signed_block_kind)i);
}

static const char *
S_stage(int i)
{
	return session_stage_id((enum session_stage)i);
}

static const char *
S_answer_state(int i)
{
	return S_answer_states[i];
}

static int
S_seq(struct S_reader *r, struct ynode *y, const char *what)
{
	if (y->type != YNODE_SEQ)
		return S_err(r, y->line, y->col, "%s must be a list", what);
	return 0;
}

/* 'topics': a list of topic ids (see S_write_topics); optional in any format. */
static int
S_read_topics(struct S_reader *r, struct ynode *list, struct session *s)
{
	if (S_seq(r, list, "topics") != 0)
		return -1;
	s->topics = 0;
	for (size_t i = 0; i < list->n; i++) {
		struct ynode *y = list->kids[i];
		int t = -1;

		for (int k = 0; k < TOPIC__COUNT && y->type == YNODE_SCALAR; k++)
			if (strcmp(y->str, topic_id((enum topic)k)) == 0)
				t = k;
		if (t < 0)
			return S_err(r, y->line, y->col, "topics: not a topic "
			    "talkpact knows (see 'talkpact list')");
		s->topics |= SESSION_TOPIC_BIT(t);
	}
	return 0;
}

static int
S_read_family(struct S_reader *r, struct ynode *f, struct session *s)
{
	static const char *const keys[] = { "child", "age", "band",
	    "grown-ups", "region", NULL };
	struct ynode *y;
	long v;
	int e;

	if (S_check_map(r, f, "family", keys) != 0)
		return -1;
	if ((y = S_get(f, "child")) != NULL && S_str(r, y, "The child's name",
	    SESSION_MAX_NAME_BYTES, false, &s->child) != 0)
		return -1;
	if ((y = S_get(f, "age")) != NULL) {
		if (S_long(r, y, "age", 4, 17, &v) != 0)
			return -1;
		s->age = (int)v;
	}
	if ((y = S_get(f, "band")) != NULL) {
		if (S_enum(r, y, "band", S_band, BAND__COUNT, &e) != 0)
			return -1;
		s->band = (enum band)e;
	}
	if ((y = S_get(f, "grown-ups")) != NULL) {
		if (S_seq(r, y, "grown-ups") != 0)
			return -1;
		if (y->n > SESSION_MAX_GROWN_UPS)
			return S_err(r, y->line, y->col, "at most %d grown-ups",
			    SESSION_MAX_GROWN_UPS);
		for (size_t i = 0; i < y->n; i++) {
			char *name = NULL;

			if (S_str(r, y->kids[i], "A grown-up's name",
			    SESSION_MAX_NAME_BYTES, false, &name) != 0)
				return -1;
			s->grown_ups[s->n_grown_ups++] = name;
		}
	}
	if ((y = S_get(f, "region")) != NULL && S_str(r, y, "region", 32,
	    false, &s->region) != 0)
		return -1;
	return 0;
}

/* voices: (name: words), each grown-up's own words, into *vs. */
static int
S_read_voice_map(struct S_reader *r, struct ynode *m, struct voice **vs,
    size_t *n, size_t *cap)
{
	if (S_check_map(r, m, "voices", NULL) != 0)
		return -1;
	if (m->n / 2 > SESSION_MAX_GROWN_UPS)
		return S_err(r, m->line, m->col, "at most %d voices",
		    SESSION_MAX_GROWN_UPS);
	for (size_t i = 0; i < m->n; i += 2) {
		struct voice *v;

		*vs = xgrow(*vs, cap, *n, sizeof **vs);
		v = &(*vs)[(*n)++];
		v->name = v->text = NULL;
		if (S_str(r, m->kids[i], "A grown-up's name",
		    SESSION_MAX_NAME_BYTES, false, &v->name) != 0 ||
		    S_str(r, m->kids[i + 1], "The grown-up's answer",
		    SESSION_MAX_TEXT_BYTES, true, &v->text) != 0)
			return -1;
	}
	return 0;
}

/* An answer's voices. */
static int
S_read_voices(struct S_reader *r, struct ynode *m, struct answer *a)
{
	return S_read_voice_map(r, m, &a->voices, &a->n_voices,
	    &a->cap_voices);
}

/* A review note's voices (optional). */
static int
S_read_note_voices(struct S_reader *r, struct ynode *m, struct review_note *n)
{
	return S_read_voice_map(r, m, &n->voices, &n->n_voices,
	    &n->cap_voices);
}

/* not-agreed: a list of item, who and reason. */
static int
S_read_not_agreed(struct S_reader *r, struct ynode *list, struct session *s)
{
	static const char *const keys[] = { "item", "who", "reason", NULL };

	if (S_seq(r, list, "not-agreed") != 0)
		return -1;
	if (list->n > SESSION_MAX_NOT_AGREED)
		return S_err(r, list->line, list->col, "at most %d things "
		    "still to agree", SESSION_MAX_NOT_AGREED);
	for (size_t i = 0; i < list->n; i++) {
		struct ynode *m = list->kids[i], *y;
		struct not_agreed *na;

		if (S_check_map(r, m, "something not agreed", keys) != 0)
			return -1;
		if (S_get(m, "item") == NULL || S_get(m, "who") == NULL)
			return S_err(r, m->line, m->col, "something not agreed "
			    "needs 'item' and 'who'");
		s->not_agreed = xgrow(s->not_agreed, &s->cap_not_agreed,
		    s->n_not_agreed, sizeof *s->not_agreed);
		na = &s->not_agreed[s->n_not_agreed++];
		na->item = na->who = na->reason = NULL;
		if (S_str(r, S_get(m, "item"), "item", 240, false,
		    &na->item) != 0 || S_str(r, S_get(m, "who"), "who",
		    SESSION_MAX_NAME_BYTES, false, &na->who) != 0)
			return -1;
		if ((y = S_get(m, "reason")) != NULL && S_str(r, y, "The reason",
		    SESSION_MAX_REASON_BYTES, false, &na->reason) != 0)
			return -1;
	}
	return 0;
}

static int
S_read_answers(struct S_reader *r, struct ynode *list,
    struct session *s)
{
	static const char *const keys[] = { "prompt", "state", "child",
	    "grown-up", "voices", NULL };

	if (S_seq(r, list, "answers") != 0)
		return -1;
	if (list->n > SESSION_MAX_ANSWERS)
		return S_err(r, list->line, list->col, "too many answers");
	for (size_t i = 0; i < list->n; i++) {
		struct ynode *m = list->kids[i], *y;
		struct answer *a;
		int st;

		if (S_check_map(r, m, "an answer", keys) != 0)
			return -1;
		if ((y = S_get(m, "prompt")) == NULL)
			return S_err(r, m->line, m->col, "an answer needs "
			    "'prompt'");
		if ((y = S_get(m, "state")) == NULL)
			return S_err(r, m->line, m->col, "an answer needs "
			    "'state'");
		if (S_enum(r, y, "state", S_answer_state, 4, &st) != 0)
			return -1;
		s->answers = xgrow(s->answers, &s->cap_answers, s->n_answers,
		    sizeof *s->answers);
		a = &s->answers[s->n_answers++];
		memset(a, 0, sizeof *a);
		a->state = (enum answer_state)st;
		if (S_str(r, S_get(m, "prompt"), "prompt", 200, false,
		    &a->prompt_id) != 0)
			return -1;
		for (size_t j = 0; j + 1 < s->n_answers; j++)
			if (strcmp(s->answers[j].prompt_id, a->prompt_id) == 0)
				return S_err(r, m->line, m->col, "prompt '%s' "
				    "is answered twice", a->prompt_id);
		if ((y = S_get(m, "child")) != NULL && S_str(r, y,
		    "The child's answer", SESSION_MAX_TEXT_BYTES, true,
		    &a->child) != 0)
			return -1;
		if ((y = S_get(m, "grown-up")) != NULL && S_str(r, y,
		    "The grown-up's answer", SESSION_MAX_TEXT_BYTES, true,
		    &a->grown_up) != 0)
			return -1;
		if ((y = S_get(m, "voices")) != NULL &&
		    S_read_voices(r, y, a) != 0)
			return -1;
	}
	return 0;
}

/* clauses: and promises: (id: true|false) */
static int
S_read_flags(struct S_reader *r, struct ynode *m, const char *what,
    struct session *s, bool promises)
{
	if (S_check_map(r, m, what, NULL) != 0)
		return -1;
	for (size_t i = 0; i < m->n; i += 2) {
		char *id = NULL;
		bool on = false;

		if (S_str(r, m->kids[i], "an id", 200, false, &id) != 0)
			return -1;
		if (S_bool(r, m->kids[i + 1], what, &on) != 0) {
			free(id);
			return -1;
		}
		if (promises) {
			s->promises = xgrow(s->promises, &s->cap_promises,
			    s->n_promises, sizeof *s->promises);
			s->promises[s->n_promises].promise_id = id;
			s->promises[s->n_promises++].on = on;
		} else {
			s->clauses = xgrow(s->clauses, &s->cap_clauses,
			    s->n_clauses, sizeof *s->clauses);
			s->clauses[s->n_clauses].clause_id = id;
			s->clauses[s->n_clauses++].on = on;
		}
	}
	return 0;
}

static int
S_read_blanks(struct S_reader *r, struct ynode *m, struct session *s)
{
	if (S_check_map(r, m, "blanks", NULL) != 0)
		return -1;
	for (size_t i = 0; i < m->n; i += 2) {
		struct blank_value *b;

		s->blanks = xgrow(s->blanks, &s->cap_blanks, s->n_blanks,
		    sizeof *s->blanks);
		b = &s->blanks[s->n_blanks++];
		b->blank_id = b->value = NULL;
		if (S_str(r, m->kids[i], "a blank's id", 200, false,
		    &b->blank_id) != 0 || S_str(r, m->kids[i + 1],
		    "A blank's value", SESSION_MAX_BLANK_BYTES, false,
		    &b->value) != 0)
			return -1;
	}
	return 0;
}

static int
S_read_drafts(struct S_reader *r, struct ynode *m, struct session *s)
{
	if (S_check_map(r, m, "drafts", NULL) != 0)
		return -1;
	if (m->n / 2 > SESSION_MAX_DRAFTS)
		return S_err(r, m->line, m->col, "at most %d drafts",
		    SESSION_MAX_DRAFTS);
	for (size_t i = 0; i < m->n; i += 2) {
		struct draft *d;

		s->drafts = xgrow(s->drafts, &s->cap_drafts, s->n_drafts,
		    sizeof *s->drafts);
		d = &s->drafts[s->n_drafts++];
		d->box = d->text = NULL;
		if (S_str(r, m->kids[i], "a draft's box",
		    SESSION_MAX_BOX_BYTES, false, &d->box) != 0 ||
		    S_str(r, m->kids[i + 1], "A draft",
		    SESSION_MAX_TEXT_BYTES, true, &d->text) != 0)
			return -1;
		for (size_t j = 0; j + 1 < s->n_drafts; j++)
			if (strcmp(s->drafts[j].box, d->box) == 0)
				return S_err(r, m->kids[i]->line,
				    m->kids[i]->col, "the draft '%s' is "
				    "there twice", d->box);
	}
	return 0;
}

static int
S_read_rules(struct S_reader *r, struct ynode *list, struct session *s)
{
	static const char *const keys[] = { "text", "binds", "house", NULL };

	if (S_seq(r, list, "rules") != 0)
		return -1;
	if (list->n > SESSION_MAX_RULES)
		return S_err(r, list->line, list->col, "at most %d rules",
		    SESSION_MAX_RULES);
	for (size_t i = 0; i < list->n; i++) {
		struct ynode *m = list->kids[i], *t, *b;
		struct own_rule *o;
		int e;

		if (S_check_map(r, m, "a rule", keys) != 0)
			return -1;
		if ((t = S_get(m, "text")) == NULL || (b = S_get(m, "binds")) == NULL)
			return S_err(r, m->line, m->col, "a rule needs 'text' "
			    "and 'binds'");
		if (S_enum(r, b, "binds", S_binds, BINDS__COUNT, &e) != 0)
			return -1;
		s->rules = xgrow(s->rules, &s->cap_rules, s->n_rules,
		    sizeof *s->rules);
		o = &s->rules[s->n_rules++];
		o->text = NULL;
		o->house = false;
		o->binds = (enum binds)e;
		if ((b = S_get(m, "house")) != NULL &&
		    S_bool(r, b, "house", &o->house) != 0)
			return -1;
		if (S_str(r, t, "The rule", SESSION_MAX_TEXT_BYTES, true,
		    &o->text) != 0)
			return -1;
	}
	return 0;
}

/*
 * A signature's own date and UTC offset (format 2); a format-1
 * signature's are UTC's, from its time.
 */
static int
S_read_sign_date(struct S_reader *r, struct ynode *m, int format,
    struct signature *g)
{
	struct ynode *date = S_get(m, "date"), *off = S_get(m, "offset");
	struct civil d;

	g->utc_offset = 0;
	civil_from_time(g->when, 0, &d);
	civil_iso(&d, g->date);
	if (format < 2)
		return 0;
	if (date == NULL || off == NULL)
		return S_err(r, m->line, m->col, "a signature needs its "
		    "'date' and 'offset' (format 2)");
	if (date->type != YNODE_SCALAR || civil_parse_iso(date->str, &d) != 0)
		return S_err(r, date->line, date->col, "a signature's date "
		    "must be a date like 2026-11-29");
	if (off->type != YNODE_SCALAR ||
	    civil_offset_parse(off->str, &g->utc_offset) != 0)
		return S_err(r, off->line, off->col, "a signature's offset "
		    "must be like \"+00:00\" or \"-08:00\"");
	civil_iso(&d, g->date);
	return 0;
}

/*
 * The frozen words come from content as well as from the family: longer
 * than anything typed may be (a clause with its region's facts filled
 * in), and with the newlines and tabs content text may hold.
 */
#define S_MAX_SIGNED_TEXT (256u * 1024)

static int
S_words(struct S_reader *r, struct ynode *y, const char *what, char **out)
{
	return S_str(r, y, what, S_MAX_SIGNED_TEXT, true, out);
}

/* [words, value, words...] of signed: */
static int
S_read_text(struct S_reader *r, struct ynode *y, const char *what,
    struct signed_text *x)
{
	if (S_seq(r, y, what) != 0)
		return -1;
	x->pieces = xcalloc(y->n, sizeof *x->pieces);
	for (size_t i = 0; i < y->n; i++) {
		if (S_words(r, y->kids[i], what, &x->pieces[i]) != 0)
			return -1;
		x->n++;
	}
	return 0;
}

static int
S_read_blocks(struct S_reader *r, struct ynode *list, struct signed_words *w)
{
	static const char *const keys[] = { "kind", "heading", "items", NULL };

	if (S_seq(r, list, "blocks") != 0)
		return -1;
	w->blocks = xcalloc(list->n, sizeof *w->blocks);
	for (size_t i = 0; i < list->n; i++) {
		struct ynode *m = list->kids[i], *y;
		struct signed_block *b = &w->blocks[w->n_blocks++];
		int e;

		if (S_check_map(r, m, "a block", keys) != 0)
			return -1;
		if ((y = S_get(m, "kind")) == NULL ||
		    S_get(m, "heading") == NULL || S_get(m, "items") == NULL)
			return S_err(r, m->line, m->col, "a block needs 'kind', "
			    "'heading' and 'items'");
		if (S_enum(r, y, "kind", S_block_kind, SIGNED_BLOCK__COUNT,
		    &e) != 0)
			return -1;
		b->kind = (enum signed_block_kind)e;
		if (S_words(r, S_get(m, "heading"), "a heading",
		    &b->heading) != 0)
			return -1;
		y = S_get(m, "items");
		if (S_seq(r, y, "items") != 0)
			return -1;
		b->items = xcalloc(y->n, sizeof *b->items);
		for (size_t j = 0; j < y->n; j++)
			if (S_read_text(r, y->kids[j], "an item",
			    &b->items[b->n_items++]) != 0)
				return -1;
	}
	return 0;
}

static int
S_read_help(struct S_reader *r, struct ynode *m, struct signed_words *w)
{
	static const char *const keys[] = { "region", "lines", NULL };
	static const char *const line_keys[] = { "name", "about", "phone",
	    "web", NULL };
	struct ynode *y, *list;

	if (S_check_map(r, m, "help", keys) != 0)
		return -1;
	if ((y = S_get(m, "region")) == NULL ||
	    (list = S_get(m, "lines")) == NULL)
		return S_err(r, m->line, m->col, "help needs 'region' and "
		    "'lines'");
	if (S_words(r, y, "the region", &w->help_region) != 0 ||
	    S_seq(r, list, "lines") != 0)
		return -1;
	w->lines = xcalloc(list->n, sizeof *w->lines);
	for (size_t i = 0; i < list->n; i++) {
		struct ynode *l = list->kids[i];
		struct signed_line *x = &w->lines[w->n_lines++];

		if (S_check_map(r, l, "a help line", line_keys) != 0)
			return -1;
		if (S_get(l, "name") == NULL || S_get(l, "about") == NULL)
			return S_err(r, l->line, l->col, "a help line needs "
			    "'name' and 'about'");
		if (S_words(r, S_get(l, "name"), "a name", &x->name) != 0 ||
		    S_words(r, S_get(l, "about"), "about", &x->about) != 0)
			return -1;
		if ((y = S_get(l, "phone")) != NULL && S_words(r, y, "a phone",
		    &x->phone) != 0)
			return -1;
		if ((y = S_get(l, "web")) != NULL && S_words(r, y, "a web "
		    "address", &x->web) != 0)
			return -1;
	}
	return 0;
}

static int
S_hex64(struct S_reader *r, struct ynode *y, const char *what, char out[65])
{
	size_t n = 0;

	if (y->type == YNODE_SCALAR)
		for (n = 0; y->str[n] != '\0'; n++)
			if (!((y->str[n] >= '0' && y->str[n] <= '9') ||
			    (y->str[n] >= 'a' && y->str[n] <= 'f')))
				break;
	if (y->type != YNODE_SCALAR || n != 64 || y->str[n] != '\0')
		return S_err(r, y->line, y->col, "%s must be 64 hex digits "
		    "(a SHA-256)", what);
	memcpy(out, y->str, 65);
	return 0;
}

/*
 * signed: what the family signed (format 2). The store checks its shape;
 * whether it still matches its digest is session_signed_check()'s.
 */
static int
S_read_signed(struct S_reader *r, struct ynode *m, struct session *s)
{
	static const char *const keys[] = { "title", "band", "paper", "date",
	    "review-date", "review-day", "review-months", "blocks",
	    "steps-heading", "steps", "help", "markdown", "fingerprint",
	    "digest", NULL };
	static const char *const need[] = { "title", "band", "paper", "date",
	    "review-date", "review-day", "review-months", "blocks",
	    "steps-heading", "steps", "markdown", "fingerprint", "digest",
	    NULL };
	struct signed_words *w;
	struct ynode *y;
	struct civil d;
	long v;
	int e;

	if (S_check_map(r, m, "signed", keys) != 0)
		return -1;
	for (size_t i = 0; need[i] != NULL; i++)
		if (S_get(m, need[i]) == NULL)
			return S_err(r, m->line, m->col, "signed: needs '%s'",
			    need[i]);
	w = s->frozen = xcalloc(1, sizeof *w);
	if (S_words(r, S_get(m, "title"), "title", &w->title) != 0 ||
	    S_enum(r, S_get(m, "band"), "band", S_band, BAND__COUNT, &e) != 0)
		return -1;
	w->band = (enum band)e;
	y = S_get(m, "paper");
	if (y->type != YNODE_SCALAR || (strcmp(y->str, "a4") != 0 &&
	    strcmp(y->str, "letter") != 0))
		return S_err(r, y->line, y->col, "paper must be a4 or letter");
	w->paper = xstrdup(y->str);
	if (S_words(r, S_get(m, "date"), "date", &w->date) != 0 ||
	    S_words(r, S_get(m, "review-date"), "review-date",
	    &w->review_date) != 0)
		return -1;
	y = S_get(m, "review-day");
	if (y->type != YNODE_SCALAR || civil_parse_iso(y->str, &d) != 0)
		return S_err(r, y->line, y->col, "review-day must be a date "
		    "like 2027-05-29");
	civil_iso(&d, w->review_day);
	if (S_long(r, S_get(m, "review-months"), "review-months", 1, 12,
	    &v) != 0)
		return -1;
	w->review_months = (int)v;
	if (S_read_blocks(r, S_get(m, "blocks"), w) != 0 ||
	    S_words(r, S_get(m, "steps-heading"), "steps-heading",
	    &w->steps_heading) != 0)
		return -1;
	y = S_get(m, "steps");
	if (S_seq(r, y, "steps") != 0)
		return -1;
	w->steps = xcalloc(y->n, sizeof *w->steps);
	for (size_t i = 0; i < y->n; i++)
		if (S_read_text(r, y->kids[i], "a step",
		    &w->steps[w->n_steps++]) != 0)
			return -1;
	if ((y = S_get(m, "help")) != NULL && S_read_help(r, y, w) != 0)
		return -1;
	if (S_str(r, S_get(m, "markdown"), "markdown", SESSION_MAX_FILE_BYTES,
	    true, &w->markdown) != 0 ||
	    S_hex64(r, S_get(m, "fingerprint"), "fingerprint",
	    w->fingerprint) != 0 ||
	    S_hex64(r, S_get(m, "digest"), "digest", w->digest) != 0)
		return -1;
	for (size_t i = 0; i < s->n_signatures; i++) {
		w->child_signs |= s->signatures[i].role == ROLE_CHILD;
		w->grown_ups_sign |= s->signatures[i].role == ROLE_GROWN_UP;
	}
	return 0;
}

static int
S_read_signatures(struct S_reader *r, struct ynode *list,
    struct session *s)
{
	static const char *const keys[] = { "role", "grown-up", "name", "time",
	    "date", "offset", NULL };

	if (S_seq(r, list, "signatures") != 0)
		return -1;
	for (size_t i = 0; i < list->n; i++) {
		struct ynode *m = list->kids[i], *y;
		struct signature *g;
		long gi = 1;
		int role;

		if (S_check_map(r, m, "a signature", keys) != 0)
			return -1;
		if ((y = S_get(m, "role")) == NULL || S_get(m, "name") == NULL ||
		    S_get(m, "time") == NULL)
			return S_err(r, m->line, m->col, "a signature needs "
			    "'role', 'name' and 'time'");
		if (S_enum(r, y, "role", S_role, ROLE__COUNT, &role) != 0)
			return -1;
		if (role == ROLE_GROWN_UP) {
			if ((y = S_get(m, "grown-up")) == NULL)
				return S_err(r, m->line, m->col, "a grown-up's "
				    "signature needs 'grown-up' (1, 2 or 3)");
			if (S_long(r, y, "grown-up", 1, (long)s->n_grown_ups,
			    &gi) != 0)
				return -1;
		}
		if (session_signature(s, (enum role)role, (size_t)gi - 1) != NULL)
			return S_err(r, m->line, m->col, "this person has "
			    "already signed above");
		s->signatures = xgrow(s->signatures, &s->cap_signatures,
		    s->n_signatures, sizeof *s->signatures);
		g = &s->signatures[s->n_signatures++];
		g->role = (enum role)role;
		g->grown_up = role == ROLE_GROWN_UP ? (size_t)gi - 1 : 0;
		g->name = NULL;
		if (S_str(r, S_get(m, "name"), "A signature's name",
		    SESSION_MAX_NAME_BYTES, false, &g->name) != 0 ||
		    S_time(r, S_get(m, "time"), "time", &g->when) != 0 ||
		    S_read_sign_date(r, m, s->format_version, g) != 0)
			return -1;
	}
	return 0;
}

/* ---- a review's keys (review.h) ---------------------------------------- */

#define S_MAX_REVIEW_ITEMS 1000

static const char *
S_decision(int i)
{
	return review_decision_id((enum review_decision)i);
}

static int
S_read_replaces(struct S_reader *r, struct ynode *m, struct session *s)
{
	static const char *const keys[] = { "session", "version", "signed",
	    "date", "fingerprint", "rules", "blanks", NULL };
	static const char *const item_keys[] = { "item", "text", "binds", NULL };
	struct replaces *p;
	struct ynode *y;
	size_t cap = 0;
	long v;
	int e;

	if (S_check_map(r, m, "replaces", keys) != 0)
		return -1;
	if (S_get(m, "session") == NULL || S_get(m, "version") == NULL ||
	    S_get(m, "signed") == NULL)
		return S_err(r, m->line, m->col, "'replaces' needs 'session', "
		    "'version' and 'signed'");
	p = s->replaces = xcalloc(1, sizeof *s->replaces);
	if (S_str(r, S_get(m, "session"), "replaces: session", 200, false,
	    &p->id) != 0 ||
	    S_long(r, S_get(m, "version"), "replaces: version", 1, 9999, &v) != 0 ||
	    S_time(r, S_get(m, "signed"), "replaces: signed", &p->signed_at) != 0)
		return -1;
	p->version = (int)v;
	if ((y = S_get(m, "date")) != NULL && S_str(r, y, "replaces: date", 64,
	    false, &p->date) != 0)
		return -1;
	if ((y = S_get(m, "fingerprint")) != NULL && S_str(r, y,
	    "replaces: fingerprint", 64, false, &p->fingerprint) != 0)
		return -1;
	if ((y = S_get(m, "rules")) != NULL) {
		if (S_seq(r, y, "replaces: rules") != 0)
			return -1;
		if (y->n > S_MAX_REVIEW_ITEMS)
			return S_err(r, y->line, y->col, "at most %d rules",
			    S_MAX_REVIEW_ITEMS);
		for (size_t i = 0; i < y->n; i++) {
			struct ynode *k = y->kids[i], *b;
			struct previous_item *it;

			if (S_check_map(r, k, "a replaced rule", item_keys) != 0)
				return -1;
			if (S_get(k, "item") == NULL || S_get(k, "text") == NULL ||
			    (b = S_get(k, "binds")) == NULL)
				return S_err(r, k->line, k->col, "a replaced rule "
				    "needs 'item', 'text' and 'binds'");
			if (S_enum(r, b, "binds", S_binds, BINDS__COUNT, &e) != 0)
				return -1;
			p->items = xgrow(p->items, &cap, p->n_items,
			    sizeof *p->items);
			it = &p->items[p->n_items++];
			memset(it, 0, sizeof *it);
			it->binds = (enum binds)e;
			if (S_str(r, S_get(k, "item"), "a replaced rule's item",
			    SESSION_MAX_BOX_BYTES, false, &it->key) != 0 ||
			    S_str(r, S_get(k, "text"), "A replaced rule",
			    SESSION_MAX_TEXT_BYTES, true, &it->text) != 0)
				return -1;
		}
	}
	if ((y = S_get(m, "blanks")) != NULL) {
		if (S_check_map(r, y, "replaces: blanks", NULL) != 0)
			return -1;
		if (y->n > 0)
			p->blanks = xcalloc(y->n / 2, sizeof *p->blanks);
		for (size_t i = 0; i + 1 < y->n; i += 2) {
			struct blank_value *b = &p->blanks[p->n_blanks++];

			if (S_str(r, y->kids[i], "a blank's id", 200, false,
			    &b->blank_id) != 0 || S_str(r, y->kids[i + 1],
			    "A blank's value", SESSION_MAX_BLANK_BYTES, false,
			    &b->value) != 0)
				return -1;
		}
	}
	return 0;
}

static int
S_read_notes(struct S_reader *r, struct ynode *list, struct session *s)
{
	static const char *const keys[] = { "item", "decision", "child",
	    "grown-up", "voices", NULL };

	if (S_seq(r, list, "review") != 0)
		return -1;
	if (list->n > S_MAX_REVIEW_ITEMS)
		return S_err(r, list->line, list->col, "at most %d review notes",
		    S_MAX_REVIEW_ITEMS);
	for (size_t i = 0; i < list->n; i++) {
		struct ynode *m = list->kids[i], *y;
		struct review_note *n;
		int e = DECISION_NONE;

		if (S_check_map(r, m, "a review note", keys) != 0)
			return -1;
		if (S_get(m, "item") == NULL)
			return S_err(r, m->line, m->col, "a review note needs "
			    "'item'");
		if ((y = S_get(m, "decision")) != NULL && S_enum(r, y,
		    "decision", S_decision, DECISION__COUNT, &e) != 0)
			return -1;
		s->notes = xgrow(s->notes, &s->cap_notes, s->n_notes,
		    sizeof *s->notes);
		n = &s->notes[s->n_notes++];
		memset(n, 0, sizeof *n);
		n->decision = (enum review_decision)e;
		if (S_str(r, S_get(m, "item"), "a review note's item",
		    SESSION_MAX_BOX_BYTES, false, &n->key) != 0)
			return -1;
		for (size_t j = 0; j + 1 < s->n_notes; j++)
			if (strcmp(s->notes[j].key, n->key) == 0)
				return S_err(r, m->line, m->col, "the review note "
				    "'%s' is there twice", n->key);
		if ((y = S_get(m, "child")) != NULL && S_str(r, y,
		    "The child's words", SESSION_MAX_TEXT_BYTES, true,
		    &n->child) != 0)
			return -1;
		if ((y = S_get(m, "grown-up")) != NULL && S_str(r, y,
		    "The grown-up's words", SESSION_MAX_TEXT_BYTES, true,
		    &n->grown_up) != 0)
			return -1;
		if ((y = S_get(m, "voices")) != NULL &&
		    S_read_note_voices(r, y, n) != 0)
			return -1;
	}
	return 0;
}

/* "version", "replaces" and "review", after the rest of the file is read. */
static int
S_read_review(struct S_reader *r, struct ynode *root, struct session *s)
{
	struct ynode *y;
	long v;

	if ((y = S_get(root, "version")) != NULL) {
		if (S_long(r, y, "version", 1, 9999, &v) != 0)
			return -1;
		s->version = (int)v;
	}
	if ((y = S_get(root, "replaces")) != NULL &&
	    S_read_replaces(r, y, s) != 0)
		return -1;
	if ((y = S_get(root, "review")) != NULL && S_read_notes(r, y, s) != 0)
		return -1;
	if (s->stage == STAGE_REVIEWING && s->replaces == NULL)
		return S_err(r, root->line, root->col, "a session in stage "
		    "'reviewing' needs 'replaces'");
	return 0;
}

/*
 * Format 2's signing: the signed: block, only in a file at stage signed.
 * Without it (a file cut at signatures:) the session is not signed: it
 * waits for its signatures again. With it, its digest says whether the
 * data was changed after signing.
 */
static int
S_read_signing(struct S_reader *r, struct ynode *root, struct session *s)
{
	struct ynode *y = S_get(root, "signed");

	if (s->format_version < 2) {
		if (y != NULL)
			return S_err(r, y->line, y->col, "'signed' is format 2; "
			    "this file says format %d", s->format_version);
		return 0;
	}
	if (y != NULL && s->stage != STAGE_SIGNED)
		return S_err(r, y->line, y->col, "'signed' belongs to a signed "
		    "session; this one is at stage '%s'",
		    session_stage_id(s->stage));
	if (s->stage != STAGE_SIGNED)
		return 0;
	if (y == NULL) {
		/* Cut at signatures: the words signed are gone. */
		s->stage = STAGE_SIGNING;
		for (size_t i = 0; i < s->n_signatures; i++)
			free(s->signatures[i].name);
		s->n_signatures = 0;
		return 0;
	}
	if (S_read_signed(r, y, s) != 0)
		return -1;
	s->changed_after_signing = session_signed_check(s) < 0;
	return 0;
}

static int
S_read(struct S_reader *r, struct ynode *root, struct session *s)
{
	static const char *const keys[] = { "format", "id", "created",
	    "updated", "stage", "family", "template", "position", "talk", "topics", "answers",
	    "clauses", "blanks", "rules", "promises", "review-months",
	    "signatures", "drafts", "signed", "version", "replaces", "review",
	    "not-agreed", NULL };
	struct ynode *y;
	long v;
	int e;

	if (root->type != YNODE_MAP)
		return S_err(r, root->line, root->col, "this is not a session "
		    "file (it should start with 'format: %d')",
		    SESSION_FORMAT_VERSION);
	/* The version first, so a newer file is refused for what it is. */
	if ((y = S_get(root, "format")) == NULL)
		return S_err(r, root->line, root->col, "this is not a session "
		    "file: 'format' is missing");
	if (y->type != YNODE_SCALAR || S_long(r, y, "format", 1, INT_MAX, &v) != 0)
		return -1;
	if (v > SESSION_FORMAT_VERSION)
		return S_err(r, y->line, y->col, "this session was saved by a "
		    "newer talkpact (format %ld); this version reads format %d "
		    "and will not change it", v, SESSION_FORMAT_VERSION);
	s->format_version = (int)v;
	if (S_check_map(r, root, "a session file", keys) != 0)
		return -1;
	if ((y = S_get(root, "id")) != NULL && S_str(r, y, "id", 200, false,
	    &s->id) != 0)
		return -1;
	if ((y = S_get(root, "created")) != NULL && S_time(r, y, "created",
	    &s->created) != 0)
		return -1;
	if ((y = S_get(root, "updated")) != NULL && S_time(r, y, "updated",
	    &s->updated) != 0)
		return -1;
	if ((y = S_get(root, "stage")) == NULL)
		return S_err(r, root->line, root->col, "'stage' is missing");
	if (S_enum(r, y, "stage", S_stage, STAGE__COUNT, &e) != 0)
		return -1;
	s->stage = (enum session_stage)e;
	if ((y = S_get(root, "family")) != NULL && S_read_family(r, y, s) != 0)
		return -1;
	if ((y = S_get(root, "template")) != NULL && S_str(r, y, "template",
	    200, false, &s->template_id) != 0)
		return -1;
	if ((y = S_get(root, "position")) != NULL) {
		if (S_long(r, y, "position", 0, SESSION_MAX_ANSWERS, &v) != 0)
			return -1;
		s->position = (size_t)v;
	}
	if ((y = S_get(root, "talk")) != NULL) {
		if (S_enum(r, y, "talk", S_talk, TALK__COUNT, &e) != 0)
			return -1;
		s->talk = (enum session_talk)e;
	}
	if ((y = S_get(root, "topics")) != NULL && S_read_topics(r, y, s) != 0)
		return -1;
	if ((y = S_get(root, "answers")) != NULL && S_read_answers(r, y, s) != 0)
		return -1;
	if ((y = S_get(root, "clauses")) != NULL &&
	    S_read_flags(r, y, "clauses", s, false) != 0)
		return -1;
	if ((y = S_get(root, "blanks")) != NULL && S_read_blanks(r, y, s) != 0)
		return -1;
	if ((y = S_get(root, "rules")) != NULL && S_read_rules(r, y, s) != 0)
		return -1;
	if ((y = S_get(root, "promises")) != NULL &&
	    S_read_flags(r, y, "promises", s, true) != 0)
		return -1;
	if ((y = S_get(root, "review-months")) != NULL) {
		if (S_long(r, y, "review-months", 1, 12, &v) != 0)
			return -1;
		if (v != 1 && v != 3 && v != 6 && v != 12)
			return S_err(r, y->line, y->col, "review-months must "
			    "be 1, 3, 6 or 12");
		s->review_months = (int)v;
	}
	if ((y = S_get(root, "signatures")) != NULL &&
	    S_read_signatures(r, y, s) != 0)
		return -1;
	if ((y = S_get(root, "drafts")) != NULL && S_read_drafts(r, y, s) != 0)
		return -1;
	if ((y = S_get(root, "not-agreed")) != NULL &&
	    S_read_not_agreed(r, y, s) != 0)
		return -1;
	if (S_read_review(r, root, s) != 0 || S_read_signing(r, root, s) != 0)
		return -1;
	if (s->stage > STAGE_FAMILY && (s->child == NULL || s->age == 0 ||
	    s->n_grown_ups == 0))
		return S_err(r, root->line, root->col, "the family's details "
		    "are incomplete for stage '%s'", session_stage_id(s->stage));
	return 0;
}

int
session_store_load_buffer(const char *name, const char *buf, size_t len,
    struct session *s, struct diag_list *d)
{
	struct S_reader r;
	struct ynode *root;
	int rc = -1;

	session_cleanup(s);
	ytree_init(&r.t, name, (const unsigned char *)buf, len, d);
	r.t.files = "session files";
	r.t.one = "a session file";
	r.t.syntax = "this is not a readable session file";
	r.t.max_text = SESSION_MAX_FILE_BYTES;
	r.t.max_line = SESSION_MAX_FILE_BYTES;
	r.t.max_depth = S_MAX_DEPTH;
	if (len > SESSION_MAX_FILE_BYTES) {
		S_err(&r, 0, 0, "the file is too big for a session (over %u "
		    "MiB)", SESSION_MAX_FILE_BYTES >> 20);
		goto out;
	}
	root = ytree_parse(&r.t);
	if (r.t.problems > 0)
		goto out;
	if (root == NULL) {
		S_err(&r, 1, 1, "the file is empty, not a session");
		goto out;
	}
	rc = S_read(&r, root, s);
out:
	ytree_cleanup(&r.t);
	if (rc != 0)
		session_cleanup(s);
	return rc;
}

int
session_store_load_path(const char *path, struct session *s,
    struct diag_list *d)
{
	struct stat sb;
	char *buf;
	size_t len;
	int rc;

	session_cleanup(s);
	/* One more byte than a session may have, so that too big is said. */
	if (read_file(path, SESSION_MAX_FILE_BYTES + 1, &buf, &len, &sb) != 0) {
		if (errno == EISDIR)
			diag_add(d, DIAG_ERROR, DIAG_DATA, path, 0, 0,
			    "this is a folder, not a session file");
		else if (errno == ENODEV)
			diag_add(d, DIAG_ERROR, DIAG_DATA, path, 0, 0,
			    "%s, not a session file", file_type_name(sb.st_mode));
		else if (errno == EFBIG)
			diag_add(d, DIAG_ERROR, DIAG_DATA, path, 0, 0,
			    "the file is too big for a session (over %u MiB)",
			    SESSION_MAX_FILE_BYTES >> 20);
		else
			diag_add(d, DIAG_ERROR, errno == ENOENT ? DIAG_MISSING :
			    DIAG_IO, path, 0, 0, "%s", errno == ENOENT ?
			    "no such session file" : strerror(errno));
		return -1;
	}
	rc = session_store_load_buffer(path, buf, len, s, d);
	free(buf);
	return rc;
}

/* ---- saving ------------------------------------------------------------ */

/*
 * A signed session is kept as signed: one changed after signing is never
 * written (nor written over), and a signed format-1 file is never
 * rewritten as format 2 (its words were not frozen when it was signed).
 */
static int
S_refuse_signed(const char *path, const struct session *s, char **cause)
{
	if (session_signed_check(s) < 0) {
		*cause = xasprintf("not saving %s: it was changed after signing",
		    path);
		return -1;
	}
	if (s->stage == STAGE_SIGNED && s->frozen == NULL) {
		*cause = xasprintf("not saving %s: it was signed with an older "
		    "talkpact (format %d) and is kept as it is", path,
		    s->format_version);
		return -1;
	}
	return 0;
}

int
session_store_save_path(const char *path, const struct session *s,
    char **cause)
{
	char *text;
	struct session old;
	struct diag_list d;
	int rc;

	if (S_refuse_signed(path, s, cause) != 0)
		return -1;
	/* Never replace a file we could not read: it may be all they have. */
	if (access(path, F_OK) == 0) {
		session_init(&old);
		diag_list_init(&d);
		if (session_store_load_path(path, &old, &d) != 0) {
			char *why = d.n > 0 ? diag_string(&d.items[0]) :
			    xstrdup(path);

			*cause = xasprintf("not saving over %s, which did not "
			    "load: %s", path, why);
			free(why);
			diag_list_cleanup(&d);
			return -1;
		}
		if (S_refuse_signed(path, &old, cause) != 0) {
			session_cleanup(&old);
			diag_list_cleanup(&d);
			return -1;
		}
		session_cleanup(&old);
		diag_list_cleanup(&d);
	}
	if ((text = session_store_format(s)) == NULL) {
		*cause = xstrdup("the session could not be written as YAML");
		return -1;
	}
	rc = privfile_write(path, text, strlen(text), cause) == 0 ? 0 : -1;
	free(text);
	return rc;
}

int
session_store_save(const struct session_store *st, const struct session *s,
    char **cause)
{
	char *path;
	int rc;

	if (s->id == NULL) {
		*cause = xstrdup("the session has no id yet");
		return -1;
	}
	path = session_store_path(st, s->id);
	rc = session_store_save_path(path, s, cause);
	free(path);
	return rc;
}

/* ---- finding and listing ----------------------------------------------- */

static bool
S_is_session_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

static int
S_entry_cmp(const void *a, const void *b)
{
	const struct session_entry *x = a, *y = b;

	if (x->ok != y->ok)
		return x->ok ? -1 : 1;
	if (x->s.updated != y->s.updated)
		return x->s.updated > y->s.updated ? -1 : 1;
	return strcmp(x->path, y->path);
}

int
session_store_list(const struct session_store *st, struct session_list *l,
    struct diag_list *d)
{
	struct dirent *de;
	DIR *dir;

	l->items = NULL;
	l->n = l->cap = 0;
	if ((dir = opendir(st->dir)) == NULL) {
		diag_add(d, DIAG_ERROR, errno == ENOENT ? DIAG_MISSING : DIAG_IO,
		    st->dir, 0, 0, "cannot read the sessions folder: %s",
		    strerror(errno));
		return -1;
	}
	while ((de = readdir(dir)) != NULL) {
		struct session_entry *e;

		if (!S_is_session_name(de->d_name))
			continue;
		l->items = xgrow(l->items, &l->cap, l->n, sizeof *l->items);
		e = &l->items[l->n++];
		e->path = xasprintf("%s/%s", st->dir, de->d_name);
		session_init(&e->s);
		e->ok = session_store_load_path(e->path, &e->s, d) == 0;
	}
	closedir(dir);
	if (l->n > 1)
		qsort(l->items, l->n, sizeof *l->items, S_entry_cmp);
	return 0;
}

void
session_list_cleanup(struct session_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].path);
		session_cleanup(&l->items[i].s);
	}
	free(l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}

int
session_store_load(const struct session_store *st, const char *arg,
    struct session *s, char **path_out, struct diag_list *d)
{
	char *path = NULL, *stem;
	size_t n = strlen(arg);
	int rc;

	if (path_out != NULL)
		*path_out = NULL;
	if (strchr(arg, '/') != NULL || (n > 5 && strcmp(arg + n - 5, ".yaml") == 0))
		path = xstrdup(arg);
	else if (st != NULL && st->dir != NULL) {
		struct dirent *de;
		size_t matches = 0;
		DIR *dir;

		path = session_store_path(st, arg);
		if (access(path, F_OK) != 0 && (dir = opendir(st->dir)) != NULL) {
			/* Not an exact id: a unique prefix will do. */
			while ((de = readdir(dir)) != NULL) {
				if (!S_is_session_name(de->d_name) ||
				    strncmp(de->d_name, arg, n) != 0)
					continue;
				stem = xstrndup(de->d_name, strlen(de->d_name) - 5);
				if (matches++ == 0) {
					free(path);
					path = session_store_path(st, stem);
				}
				free(stem);
			}
			closedir(dir);
			if (matches > 1) {
				diag_add(d, DIAG_ERROR, DIAG_DATA, NULL, 0, 0,
				    "'%s' matches %zu sessions; give more of "
				    "the id (see 'talkpact sessions')", arg,
				    matches);
				free(path);
				return -1;
			}
			if (matches == 0) {
				diag_add(d, DIAG_ERROR, DIAG_MISSING, NULL, 0, 0,
				    "no session '%s' (see 'talkpact sessions')",
				    arg);
				free(path);
				return -1;
			}
		}
	} else
		path = xstrdup(arg);
	rc = session_store_load_path(path, s, d);
	if (rc == 0 && path_out != NULL)
		*path_out = path;
	else
		free(path);
	return rc;
}
