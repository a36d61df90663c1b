/*
 * flow.c: the glue between the front ends (TUI, plain mode) and the
 * session model, its store and the agreement: open/list/save sessions,
 * apply-and-save, clause text, and the signed agreement's
 * review lines and files (through agreement.h). Never prints, never
 * exits, never reads the environment, never includes curses.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agreement.h"
#include "fill.h"
#include "fingerprint.h"
#include "flow.h"
#include "household.h"
#include "ics.h"
#include "privfile.h"
#include "render.h"
#include "review.h"
#include "session_store.h"
#include "util.h"

void
flow_init(struct flow *f, const char *state_dir, const struct content *c,
    flow_clock now)
{
	memset(f, 0, sizeof *f);
	f->now = now;
	f->state_dir = state_dir;
	f->c = c;
	session_init(&f->s);
}

static void
S_forget_outputs(struct flow *f)
{
	free(f->out_md);
	free(f->out_html);
	free(f->out_txt);
	free(f->out_ics);
	free(f->fingerprint);
	f->out_md = f->out_html = f->out_txt = f->out_ics = NULL;
	f->fingerprint = NULL;
}

void
flow_close(struct flow *f)
{
	session_cleanup(&f->s);
	session_init(&f->s);
	free(f->prompts);
	f->prompts = NULL;
	f->n_prompts = 0;
	f->open = false;
	free(f->unsaved);
	f->unsaved = NULL;
	S_forget_outputs(f);
	f->from_household = false;
	f->n_house = 0;
	free(f->household_problem);
	f->household_problem = NULL;
}

void
flow_cleanup(struct flow *f)
{
	flow_close(f);
	session_cleanup(&f->s);
}

static void
S_refresh(struct flow *f)
{
	free(f->prompts);
	f->prompts = NULL;
	f->n_prompts = session_prompts(&f->s, f->c, &f->prompts);
}

static int
S_store(const struct flow *f, struct session_store *st, char **cause)
{
	memset(st, 0, sizeof *st);
	if (f->state_dir == NULL) {
		*cause = xstrdup("There is nowhere to keep conversations: set HOME "
		    "or XDG_STATE_HOME.");
		return -1;
	}
	return session_store_open(st, f->state_dir, cause);
}

static char *
S_first_diag(struct diag_list *d, const char *fallback)
{
	if (d->n > 0)
		return diag_string(&d->items[0]);
	return xstrdup(fallback);
}

static void S_mark_entries(const struct flow *f, struct flow_entries *out);

int
flow_list(const struct flow *f, struct flow_entries *out, char **cause)
{
	struct session_store st;
	struct session_list l = { 0 };
	struct diag_list d;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (f->state_dir == NULL)
		return 0;	/* nothing saved anywhere: an empty list */
	if (S_store(f, &st, cause) != 0)
		return -1;
	diag_list_init(&d);
	if (session_store_list(&st, &l, &d) != 0) {
		*cause = S_first_diag(&d, "The saved conversations could not be read.");
		goto out;
	}
	for (size_t i = 0; i < l.n; i++) {
		struct flow_entry *e;

		if (!l.items[i].ok || l.items[i].s.id == NULL)
			continue;
		out->items = xgrow(out->items, &out->cap, out->n, sizeof *out->items);
		e = &out->items[out->n++];
		e->id = xstrdup(l.items[i].s.id);
		e->child = l.items[i].s.child != NULL ? xstrdup(l.items[i].s.child) : NULL;
		e->describe = session_describe(&l.items[i].s, f->c);
		e->stage = l.items[i].s.stage;
		e->updated = l.items[i].s.updated;
		e->house_rules_changed = false;
		e->version = l.items[i].s.version;
		(void)agreement_review_day(&l.items[i].s,
		    session_template(&l.items[i].s, f->c), e->review_day);
		e->latest = e->stage == STAGE_SIGNED &&
		    review_latest(&l, l.items[i].s.child) == i;
	}
	S_mark_entries(f, out);
	rc = 0;
out:
	session_list_cleanup(&l);
	diag_list_cleanup(&d);
	session_store_cleanup(&st);
	return rc;
}

void
flow_entries_cleanup(struct flow_entries *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->items[i].id);
		free(e->items[i].child);
		free(e->items[i].describe);
	}
	free(e->items);
	memset(e, 0, sizeof *e);
}

/*
 * The household into h: 0 loaded (or made from the latest session), 1
 * none, -1 damaged or unreadable (*why says it; caller frees).
 */
static int
S_household(const struct flow *f, struct household *h, char **why)
{
	struct session_store st;
	struct session_list l = { 0 };
	struct diag_list d;
	bool made;
	int rc = 1;

	household_init(h);
	if (f->state_dir == NULL)
		return 1;
	diag_list_init(&d);
	if (S_store(f, &st, why) != 0) {
		diag_list_cleanup(&d);
		return -1;
	}
	if (session_store_list(&st, &l, &d) == 0) {
		diag_list_cleanup(&d);
		diag_list_init(&d);
		rc = household_open(f->state_dir, l.items, l.n, h, &made, &d);
		if (rc < 0)
			*why = S_first_diag(&d, "The household file could not "
			    "be read.");
	}
	session_list_cleanup(&l);
	diag_list_cleanup(&d);
	session_store_cleanup(&st);
	return rc;
}

void
flow_new(struct flow *f)
{
	const struct region *r = flow_locale_region(f);
	struct household h;
	char *why = NULL;
	int hrc;

	flow_close(f);
	f->open = true;
	if (r != NULL) {
		struct action a = { .kind = ACTION_SET_REGION, .id = r->code };

		(void)session_apply(&f->s, f->c, &a, f->now(), NULL);
	}
	hrc = S_household(f, &h, &why);
	if (hrc < 0)
		f->household_problem = why;
	else if (hrc == 0 && h.n_grown_ups > 0 &&
	    household_seed(&h, &f->s, f->c, f->now(), &why) == 0) {
		f->from_household = true;
		f->n_house = h.n_rules;
	} else
		free(why);
	household_cleanup(&h);
	S_refresh(f);
}

/* The household's marks on the listed sessions; none when it cannot be read. */
static void
S_mark_entries(const struct flow *f, struct flow_entries *out)
{
	char *path = household_path(f->state_dir);
	struct household h;
	struct diag_list d;

	household_init(&h);
	diag_list_init(&d);
	if (household_load_path(path, &h, &d) == 0)
		for (size_t i = 0; i < out->n; i++)
			out->items[i].house_rules_changed =
			    household_marked(&h, out->items[i].id);
	household_cleanup(&h);
	diag_list_cleanup(&d);
	free(path);
}

/*
 * After starting to talk or signing: make the household when there is
 * none, and after signing bring its house rules in step. A damaged
 * household is never written over; the session is saved all the same.
 */
static void
S_household_step(struct flow *f, bool signed_now)
{
	struct session_store st;
	struct session_list l = { 0 };
	struct diag_list d;
	struct household h;
	const char **others = NULL;
	char *path, *why = NULL;
	size_t n = 0;
	int hrc = S_household(f, &h, &why);
	bool changed = false;

	free(why);
	why = NULL;
	if (hrc < 0)
		return;
	path = household_path(f->state_dir);
	if (hrc == 1) {
		household_from_session(&h, &f->s);
		changed = true;
	}
	if (signed_now && S_store(f, &st, &why) == 0) {
		diag_list_init(&d);
		if (session_store_list(&st, &l, &d) == 0) {
			others = xcalloc(l.n + 1, sizeof *others);
			/* The other children's: not this child's earlier versions. */
			for (size_t i = 0; i < l.n; i++)
				if (l.items[i].ok && l.items[i].s.stage ==
				    STAGE_SIGNED && l.items[i].s.id != NULL &&
				    (l.items[i].s.child == NULL || f->s.child == NULL ||
				    strcasecmp(l.items[i].s.child, f->s.child) != 0))
					others[n++] = l.items[i].s.id;
		}
		diag_list_cleanup(&d);
		session_store_cleanup(&st);
		changed |= household_after_signing(&h, &f->s, others, n,
		    f->now());
	}
	free(why);
	why = NULL;
	if (changed && household_save_path(path, &h, &why) != 0)
		free(why);
	free(others);
	session_list_cleanup(&l);
	household_cleanup(&h);
	free(path);
}

const struct region *
flow_locale_region(const struct flow *f)
{
	return f->locale != NULL ? content_region_for_locale(f->c, f->locale) : NULL;
}

int
flow_open(struct flow *f, const char *id, char **cause)
{
	struct session_store st;
	struct diag_list d;
	int rc = -1;

	flow_close(f);
	if (S_store(f, &st, cause) != 0)
		return -1;
	diag_list_init(&d);
	if (session_store_load(&st, id, &f->s, NULL, &d) != 0) {
		*cause = S_first_diag(&d, "That conversation could not be opened.");
		session_cleanup(&f->s);
		session_init(&f->s);
		goto out;
	}
	if (session_signed_check(&f->s) < 0) {
		/* Kept as it is: never shown as an agreement, never saved. */
		*cause = xstrdup("This agreement was changed after signing, so "
		    "it is not opened (talkpact verify checks its .md).");
		session_cleanup(&f->s);
		session_init(&f->s);
		goto out;
	}
	f->open = true;
	S_refresh(f);
	rc = 0;
out:
	diag_list_cleanup(&d);
	session_store_cleanup(&st);
	return rc;
}

void
flow_adopt(struct flow *f, struct session *s)
{
	flow_close(f);
	f->s = *s;
	session_init(s);
	f->open = true;
	S_refresh(f);
}

static int
S_save(struct flow *f, char **cause)
{
	struct session_store st;
	char *why = NULL;
	int rc;

	if (S_store(f, &st, &why) != 0)
		goto fail;
	if (f->s.id == NULL)
		session_store_new_id(&st, &f->s, f->s.created != 0 ? f->s.created :
		    f->now());
	rc = session_store_save(&st, &f->s, &why);
	session_store_cleanup(&st);
	if (rc == 0) {
		free(f->unsaved);
		f->unsaved = NULL;
		return 0;
	}
fail:
	*cause = xasprintf("Not saved: %s", why != NULL ? why : "unknown problem");
	free(f->unsaved);
	f->unsaved = xstrdup(*cause);
	free(why);
	return -1;
}

int
flow_save(struct flow *f, char **cause)
{
	*cause = NULL;
	if (!f->open || f->s.child == NULL)
		return 0;
	return S_save(f, cause);
}

static long
S_offset(const struct flow *f, time_t t)
{
	return f->utc_offset != NULL ? f->utc_offset(t) : 0;
}

int
flow_apply(struct flow *f, const struct action *a, char **cause)
{
	*cause = NULL;
	if (!f->open) {
		*cause = xstrdup("No conversation is open.");
		return -1;
	}
	if (a->kind == ACTION_SIGN) {
		/* The signer's own calendar: main.c's offset at that time. */
		struct action sign = *a;
		time_t now = f->now();

		if (sign.when == 0)
			sign.when = now;
		sign.utc_offset = S_offset(f, sign.when);
		if (session_apply(&f->s, f->c, &sign, now, cause) != 0)
			return -1;
	} else if (session_apply(&f->s, f->c, a, f->now(), cause) != 0)
		return -1;
	switch (a->kind) {
	case ACTION_SET_AGE:
	case ACTION_SET_BAND:
	case ACTION_SET_TALK:
	case ACTION_SET_TOPICS:
	case ACTION_START_TALKING:
	case ACTION_BACK:
		S_refresh(f);
		break;
	default:
		break;
	}
	if (a->kind != ACTION_SIGN || f->s.stage == STAGE_SIGNED)
		S_forget_outputs(f);
	/* Nothing is saved before the child has a name: it names the file. */
	if (f->s.child == NULL)
		return 0;
	if (S_save(f, cause) != 0)
		return 1;
	if (a->kind == ACTION_START_TALKING ||
	    (a->kind == ACTION_SIGN && f->s.stage == STAGE_SIGNED))
		S_household_step(f, a->kind == ACTION_SIGN);
	return 0;
}

const struct template *
flow_template(const struct flow *f)
{
	return f->open ? session_template(&f->s, f->c) : NULL;
}

const struct prompt *
flow_current(const struct flow *f)
{
	if (!f->open || f->s.position >= f->n_prompts)
		return NULL;
	return f->prompts[f->s.position];
}

size_t
flow_count(const struct flow *f, enum answer_state st)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n_prompts; i++) {
		const struct answer *a = session_answer(&f->s, f->prompts[i]->id);

		if (a != NULL && a->state == st)
			n++;
	}
	return n;
}

size_t
flow_talk_size(const struct flow *f, enum session_talk talk)
{
	const struct prompt **order;
	struct session all;
	size_t n;

	if ((int)f->s.band < 0 || f->s.band >= BAND__COUNT)
		return 0;
	if (talk == TALK_SHORT)
		n = content_short_talk(f->c, f->s.band, &order);
	else {
		session_init(&all);
		all.band = f->s.band;
		all.talk = talk;
		all.topics = f->s.topics;
		if (talk == TALK_TOPICS && all.topics == 0) {
			session_cleanup(&all);
			return 0;
		}
		n = session_prompts(&all, f->c, &order);
		session_cleanup(&all);
	}
	free(order);
	return n;
}

char *
flow_talk_label(const struct flow *f, enum session_talk talk)
{
	size_t n = flow_talk_size(f, talk);

	if (talk == TALK_SHORT)
		return n == 0 ? NULL : xasprintf("a short talk (about %zu "
		    "questions, about %d minutes)", n, session_minutes(n));
	if (talk == TALK_TOPICS) {
		int k = 0;

		for (int i = 0; i < TOPIC__COUNT; i++)
			k += (f->s.topics & SESSION_TOPIC_BIT(i)) != 0;
		return k == 0 ? xstrdup("topics: none chosen yet") :
		    xasprintf("%d topic%s (%zu questions, about %d minutes)", k,
		    k == 1 ? "" : "s", n, session_minutes(n));
	}
	return xasprintf("all the questions (%zu, about %d minutes)", n,
	    session_minutes(n));
}

char *
flow_clause_text(const struct flow *f, const struct clause *cl)
{
	struct region_markers rm = { f->c, f->s.region != NULL ?
	    content_region(f->c, f->s.region) : NULL };
	struct session_markers sm = { &f->s, flow_template(f) };
	struct fill_chain ch = { 2, { region_marker, session_marker },
	    { &rm, &sm }, -1 };

	/* The region's facts as in the agreement (agreement.c). */
	return fill_string(cl->text, fill_chain, &ch, "___");
}

int
flow_review_lines(struct flow *f, int width, struct render_lines *out,
    char **cause)
{
	memset(out, 0, sizeof *out);
	if (!f->open) {
		*cause = xstrdup("No conversation is open.");
		return -1;
	}
	return agreement_lines_at(&f->s, f->c, f->now(), S_offset(f, f->now()),
	    width, out, cause);
}

/* Does path hold exactly text? (A missing file does not.) */
static bool
S_same_file(const char *path, const char *text)
{
	size_t len = strlen(text), got;
	char *buf;
	bool same;

	if (read_file(path, len, &buf, &got, NULL) != 0)
		return false;
	same = got == len && memcmp(buf, text, len) == 0;
	free(buf);
	return same;
}

/*
 * Is path this agreement, changed after it was signed? It carries the
 * agreement's printed fingerprint but is not the text signed.
 */
static bool
S_edited_copy(const char *path, const char *text, const char *shown_fp)
{
	char *buf;
	size_t got;
	bool edited;

	if (read_file(path, 8u * 1024 * 1024, &buf, &got, NULL) != 0)
		return false;
	buf = xreallocarray(buf, got + 1, 1);
	buf[got] = '\0';
	edited = strstr(buf, shown_fp) != NULL &&
	    (got != strlen(text) || memcmp(buf, text, got) != 0);
	free(buf);
	return edited;
}

static bool
S_exists(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == 0;
}

int
flow_write(struct flow *f, char **cause)
{
	static const enum render_format fmts[] = { RENDER_MD, RENDER_HTML, RENDER_TXT };
	/* The agreement's three, then its review date for a calendar. */
	static const char *const exts[] = { "md", "html", "txt", "ics" };
	char *text[4] = { NULL, NULL, NULL, NULL };
	char *path[4] = { NULL, NULL, NULL, NULL };
	char fp[FINGERPRINT_HEX + 1], *dir = NULL, *stem = NULL, *why = NULL;
	char *shown = NULL;
	time_t now = f->now();
	int rc = -1;

	*cause = NULL;
	S_forget_outputs(f);
	if (!f->open || f->s.stage != STAGE_SIGNED) {
		*cause = xstrdup("The agreement is not signed yet.");
		return -1;
	}
	if (f->state_dir == NULL) {
		*cause = xstrdup("There is nowhere to keep the agreement: set HOME "
		    "or XDG_STATE_HOME.");
		return -1;
	}
	for (size_t i = 0; i < 3; i++)
		if (agreement_render_with(&f->s, f->c, now, fmts[i],
		    &(struct agreement_options){
		    .utc_offset = S_offset(f, now) },
		    &text[i], &why) != 0)
			goto out;
	if (ics_review(&f->s, flow_template(f), now, &text[3], &why) != 0)
		goto out;
	if (agreement_fingerprint(&f->s, f->c, now, fp, &why) != 0)
		goto out;
	shown = fingerprint_groups(fp, FINGERPRINT_SHOWN);
	dir = xasprintf("%s/agreements", f->state_dir);
	if (privfile_mkdirs(dir, &why) != 0 ||
	    privfile_private_dir(f->state_dir, &why) != 0 ||
	    privfile_private_dir(dir, &why) != 0)
		goto out;
	/*
	 * The same child signing twice on one day gets "-2", "-3"...; writing
	 * this same agreement again reuses its own name (the .md is identical:
	 * a signed agreement's text depends only on the session).
	 */
	for (int n = 1; ; n++) {
		char *base = agreement_file_stem_at(&f->s, now,
		    S_offset(f, now));
		bool free_here;

		free(stem);
		stem = n == 1 ? base : xasprintf("%s-%d", base, n);
		if (n != 1)
			free(base);
		for (size_t i = 0; i < 4; i++) {
			free(path[i]);
			path[i] = xasprintf("%s/%s.%s", dir, stem, exts[i]);
		}
		free_here = !S_exists(path[0]) && !S_exists(path[1]) &&
		    !S_exists(path[2]) && !S_exists(path[3]);
		if (free_here || S_same_file(path[0], text[0]))
			break;
		/* Changed by hand since: say so, and write no copies. */
		if (shown != NULL && S_edited_copy(path[0], text[0], shown)) {
			why = xasprintf("%s was changed after it was signed, so it "
			    "is left as it is (see: talkpact verify %s); a fresh "
			    "copy: talkpact render %s -f all -o FOLDER/", path[0],
			    path[0], f->s.id != NULL ? f->s.id : "SESSION");
			goto out;
		}
		if (n == 999) {
			why = xasprintf("%s already holds 999 agreements for "
			    "this name and day", dir);
			goto out;
		}
	}
	for (size_t i = 0; i < 4; i++)
		if (privfile_write(path[i], text[i], strlen(text[i]), &why) != 0)
			goto out;
	f->out_md = path[0];
	f->out_html = path[1];
	f->out_txt = path[2];
	f->out_ics = path[3];
	path[0] = path[1] = path[2] = path[3] = NULL;
	f->fingerprint = shown;
	shown = NULL;
	rc = 0;
out:
	if (rc != 0)
		*cause = xasprintf("The agreement was not written: %s",
		    why != NULL ? why : "unknown problem");
	free(why);
	for (size_t i = 0; i < 4; i++) {
		free(text[i]);
		free(path[i]);
	}
	free(stem);
	free(dir);
	free(shown);
	return rc;
}

/* ---- reviews and versions --------------------------------------------------- */

/* Every saved session into *l (caller: session_list_cleanup()). 0 or -1. */
static int
S_saved(const struct flow *f, struct session_list *l, char **cause)
{
	struct session_store st;
	struct diag_list d;
	int rc;

	memset(l, 0, sizeof *l);
	if (S_store(f, &st, cause) != 0)
		return -1;
	diag_list_init(&d);
	if ((rc = session_store_list(&st, l, &d)) != 0)
		*cause = S_first_diag(&d, "The saved conversations could not be read.");
	diag_list_cleanup(&d);
	session_store_cleanup(&st);
	return rc;
}

/*
 * Which saved session a review of id goes on with: id itself when it is a
 * review in progress, else the one in progress for its child's latest
 * signed version; SIZE_MAX to start one from *latest. Sets *cause and
 * returns SIZE_MAX - 1 when id cannot be reviewed.
 */
static size_t
S_review_target(const struct session_list *l, const char *id, size_t *latest,
    char **cause)
{
	size_t at = SIZE_MAX;

	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].ok && l->items[i].s.id != NULL &&
		    strcmp(l->items[i].s.id, id) == 0)
			at = i;
	if (at == SIZE_MAX) {
		*cause = xasprintf("There is no saved agreement '%s'.", id);
		return SIZE_MAX - 1;
	}
	if (l->items[at].s.stage != STAGE_SIGNED) {
		if (l->items[at].s.replaces != NULL)
			return at;
		*cause = xasprintf("not signed yet: talkpact resume %s", id);
		return SIZE_MAX - 1;
	}
	*latest = review_latest(l, l->items[at].s.child);
	if (*latest == SIZE_MAX)
		*latest = at;
	return review_in_progress(l, l->items[*latest].s.id);
}

int
flow_review(struct flow *f, const char *id, char **cause)
{
	struct session_list l;
	struct session fresh;
	size_t latest = 0, going;
	int rc = -1;

	*cause = NULL;
	flow_close(f);
	if (S_saved(f, &l, cause) != 0)
		return -1;
	going = S_review_target(&l, id, &latest, cause);
	if (going < SIZE_MAX - 1) {
		flow_adopt(f, &l.items[going].s);	/* carry on */
		rc = 0;
	} else if (going == SIZE_MAX && review_start(&l.items[latest].s, f->c,
	    f->now(), &fresh, cause) == 0) {
		flow_adopt(f, &fresh);
		if ((rc = S_save(f, cause)) != 0)
			flow_close(f);
	}
	session_list_cleanup(&l);
	return rc;
}

char *
flow_agreement_files(const struct flow *f, const struct session *s)
{
	char *md = NULL, *why = NULL, *dir, *found = NULL;
	time_t now = f->now();

	if (f->state_dir == NULL || s->stage != STAGE_SIGNED ||
	    agreement_render(s, f->c, now, RENDER_MD, &md, &why) != 0) {
		free(why);
		return NULL;
	}
	dir = xasprintf("%s/agreements", f->state_dir);
	/* As flow_write() names them: STEM, then STEM-2, STEM-3... */
	for (int n = 1; n < 1000 && found == NULL; n++) {
		char *base = agreement_file_stem(s, now);
		char *stem = n == 1 ? xasprintf("%s/%s", dir, base) :
		    xasprintf("%s/%s-%d", dir, base, n);
		char *path = xasprintf("%s.md", stem);
		bool exists = S_exists(path);

		if (exists && S_same_file(path, md))
			found = stem;
		else
			free(stem);
		free(path);
		free(base);
		if (!exists)
			break;
	}
	free(dir);
	free(md);
	return found;
}

size_t
flow_band_topics(const struct flow *f, enum topic *out, size_t *counts)
{
	size_t per[TOPIC__COUNT] = { 0 }, n = 0;

	if (f->c == NULL || (int)f->s.band < 0 || f->s.band >= BAND__COUNT)
		return 0;
	for (size_t i = 0; i < f->c->n_prompts; i++)
		if (f->c->prompts[i].bands & BAND_BIT(f->s.band))
			per[f->c->prompts[i].topic]++;
	for (int t = 0; t < TOPIC__COUNT; t++)
		if (per[t] > 0) {
			if (counts != NULL)
				counts[n] = per[t];
			out[n++] = (enum topic)t;
		}
	return n;
}
