/*
 * content.c: the strict content loader. Owns reading content files and
 * folders, turning libyaml's events into a small node tree, checking that
 * tree against the format in talkpact-content(5), and building the plain
 * structs of content.h with an id index for lookups.
 *
 * It must never print, exit (but through xmalloc), read the environment or
 * open anything but a regular file for reading: every problem becomes a
 * struct diag with FILE:LINE:COL. It is the only module besides the session
 * store that includes yaml.h.
 *
 * Strings are copied once, from libyaml's event into a tree node; the
 * structs then take the node's string over (S_take).
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

#include "blank.h"
#include "content.h"
#include "fill.h"
#include "util.h"
#include "ytree.h"

/* ---------------------------------------------------------------------- */
/* Enum names                                                              */

static const char *const S_band_names[] = {
#define X(e, name) name,
	BAND_TABLE
#undef X
};
static const char *const S_topic_ids[] = {
#define X(e, id, title) id,
	TOPIC_TABLE
#undef X
};
static const char *const S_topic_titles[] = {
#define X(e, id, title) title,
	TOPIC_TABLE
#undef X
};
static const char *const S_binds_ids[] = {
#define X(e, id, shown) id,
	BINDS_TABLE
#undef X
};
static const char *const S_binds_shown[] = {
#define X(e, id, shown) shown,
	BINDS_TABLE
#undef X
};
static const char *const S_blank_kind_ids[] = {
#define X(e, id) id,
	BLANK_KIND_TABLE
#undef X
};
static const char *const S_role_ids[] = {
#define X(e, id, shown) id,
	ROLE_TABLE
#undef X
};
static const char *const S_role_shown[] = {
#define X(e, id, shown) shown,
	ROLE_TABLE
#undef X
};
static const char *const S_resource_ids[] = {
#define X(e, id, shown) id,
	RESOURCE_FOR_TABLE
#undef X
};
static const char *const S_resource_shown[] = {
#define X(e, id, shown) shown,
	RESOURCE_FOR_TABLE
#undef X
};

static const char *const S_paper_ids[] = {
#define X(e, id) id,
	PAPER_TABLE
#undef X
};

#define S_NAMES(a) (a), NAMES_COUNT(a)

NAMES_AT(paper_id, enum paper, S_paper_ids)
NAMES_FIND(paper_from_name, S_paper_ids)
NAMES_AT(band_name, enum band, S_band_names)
NAMES_FIND(band_from_name, S_band_names)

enum band
band_for_age(int age)
{
	if (age <= 7)
		return BAND_4_7;
	if (age <= 10)
		return BAND_8_10;
	if (age <= 13)
		return BAND_11_13;
	return BAND_14_17;
}

NAMES_AT(topic_id, enum topic, S_topic_ids)
NAMES_AT(topic_title, enum topic, S_topic_titles)
NAMES_FIND(topic_from_name, S_topic_ids)
NAMES_AT(binds_id, enum binds, S_binds_ids)
NAMES_AT(binds_shown, enum binds, S_binds_shown)
NAMES_FIND(binds_from_name, S_binds_ids)
NAMES_AT(blank_kind_id, enum blank_kind, S_blank_kind_ids)
NAMES_AT(role_id, enum role, S_role_ids)
NAMES_AT(role_shown, enum role, S_role_shown)
NAMES_AT(resource_for_shown, enum resource_for, S_resource_shown)

/* ---------------------------------------------------------------------- */
/* The id index: open addressing over array positions                       */

enum { IX_PROMPT, IX_TEMPLATE, IX_REGION, IX_PACK, IX__COUNT };

/*
 * A slot keeps the id's hash beside its position, so a probe compares
 * strings only when the hashes match: most probes then touch no item,
 * which matters once the items outgrow the caches.
 */
struct S_slot {
	size_t pos;		/* array position + 1; 0 is empty */
	uint64_t hash;
};

struct S_table {
	struct S_slot *slots;
	size_t cap;		/* a power of two, or 0 */
	size_t used;
};

struct S_index {
	struct S_table t[IX__COUNT];
	size_t cap[IX__COUNT];	/* of the item arrays in struct content */
	/* Parallel to the prompts: each one's pack as a position. */
	size_t *prompt_pack;
	size_t prompt_pack_cap;
	size_t load_files;	/* c->files from here on are this load's */
	const struct pack *packs_base;	/* c->packs when last fixed up */
	size_t n_fixed;			/* prompts whose pack pointer is set */
	size_t files_cap;
	/* Each {{region:NAME}} met in template text, checked by
	 * content_check() once every region is loaded. */
	struct S_fact_use {
		char *name;
		struct origin where;
	} *fact_uses;
	size_t n_fact_uses, fact_uses_cap;
};

static uint64_t
S_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static const char *
S_item_id(const struct content *c, int kind, size_t i)
{
	switch (kind) {
	case IX_PROMPT:
		return c->prompts[i].id;
	case IX_TEMPLATE:
		return c->templates[i].id;
	case IX_REGION:
		return c->regions[i].code;
	default:
		return c->packs[i].id;
	}
}

/* The slot for id (whose hash is h): holding it, or the empty one where
 * it would go. */
static struct S_slot *
S_table_slot(const struct content *c, const struct S_table *t, int kind,
    const char *id, uint64_t h)
{
	size_t mask = t->cap - 1, i = (size_t)h & mask;

	for (;;) {
		struct S_slot *slot = &t->slots[i];

		if (slot->pos == 0 || (slot->hash == h &&
		    strcmp(S_item_id(c, kind, slot->pos - 1), id) == 0))
			return slot;
		i = (i + 1) & mask;
	}
}

static long
S_table_find(const struct content *c, int kind, const char *id)
{
	const struct S_index *ix = c->index;
	const struct S_table *t;
	struct S_slot *slot;

	if (ix == NULL || id == NULL)
		return -1;
	t = &ix->t[kind];
	if (t->cap == 0)
		return -1;
	slot = S_table_slot(c, t, kind, id, S_hash(id));
	return slot->pos == 0 ? -1 : (long)(slot->pos - 1);
}

static void
S_table_add(struct content *c, int kind, size_t pos)
{
	struct S_index *ix = c->index;
	struct S_table *t = &ix->t[kind];

	const char *id = S_item_id(c, kind, pos);
	uint64_t h = S_hash(id);
	struct S_slot *slot;

	if ((t->used + 1) * 2 > t->cap) {
		struct S_table old = *t;
		size_t mask;

		t->cap = old.cap ? old.cap * 2 : 64;
		mask = t->cap - 1;
		t->slots = xcalloc(t->cap, sizeof *t->slots);
		/* Ids in the table are all different: the first free slot. */
		for (size_t i = 0; i < old.cap; i++) {
			size_t j;

			if (old.slots[i].pos == 0)
				continue;
			for (j = (size_t)old.slots[i].hash & mask;
			    t->slots[j].pos != 0; j = (j + 1) & mask)
				;
			t->slots[j] = old.slots[i];
		}
		free(old.slots);
	}
	slot = S_table_slot(c, t, kind, id, h);
	slot->pos = pos + 1;
	slot->hash = h;
	t->used++;
}

/* ---------------------------------------------------------------------- */
/* Freeing                                                                 */

static void
S_free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
S_pack_free(struct pack *p)
{
	free(p->id);
	free(p->title);
	free(p->language);
}

static void
S_prompt_free(struct prompt *p)
{
	free(p->id);
	free(p->question);
	free(p->tip);
	S_free_strv(p->follow_ups, p->n_follow_ups);
	S_free_strv(p->clauses, p->n_clauses);
}

static void
S_blank_free(struct blank *b)
{
	free(b->id);
	free(b->label);
	free(b->def);
	S_free_strv(b->choices, b->n_choices);
}

static void
S_clause_free(struct clause *cl)
{
	free(cl->id);
	free(cl->text);
}

static void
S_section_free(struct section *s)
{
	free(s->id);
	free(s->title);
	for (size_t i = 0; i < s->n_clauses; i++)
		S_clause_free(&s->clauses[i]);
	free(s->clauses);
}

static void
S_promise_free(struct promise *p)
{
	free(p->id);
	free(p->text);
}

static void
S_template_free(struct template *t)
{
	free(t->id);
	free(t->title);
	free(t->signatures);
	for (size_t i = 0; i < t->n_blanks; i++)
		S_blank_free(&t->blanks[i]);
	free(t->blanks);
	for (size_t i = 0; i < t->n_sections; i++)
		S_section_free(&t->sections[i]);
	free(t->sections);
	for (size_t i = 0; i < t->n_promises; i++)
		S_promise_free(&t->promises[i]);
	free(t->promises);
	S_free_strv(t->steps, t->n_steps);
	for (size_t i = 0; i < t->n_review; i++) {
		free(t->review[i].id);
		free(t->review[i].question);
		free(t->review[i].tip);
	}
	free(t->review);
}

static void
S_resource_free(struct resource *r)
{
	free(r->name);
	free(r->about);
	free(r->phone);
	free(r->web);
}

static void
S_region_free(struct region *r)
{
	free(r->code);
	free(r->name);
	for (size_t i = 0; i < r->n_resources; i++)
		S_resource_free(&r->resources[i]);
	free(r->resources);
	for (size_t i = 0; i < r->n_facts; i++) {
		free(r->facts[i].name);
		free(r->facts[i].text);
	}
	free(r->facts);
}

void
content_init(struct content *c)
{
	memset(c, 0, sizeof *c);
	c->index = xcalloc(1, sizeof(struct S_index));
}

void
content_cleanup(struct content *c)
{
	struct S_index *ix = c->index;

	for (size_t i = 0; i < c->n_packs; i++)
		S_pack_free(&c->packs[i]);
	free(c->packs);
	for (size_t i = 0; i < c->n_prompts; i++)
		S_prompt_free(&c->prompts[i]);
	free(c->prompts);
	for (size_t i = 0; i < c->n_templates; i++)
		S_template_free(&c->templates[i]);
	free(c->templates);
	for (size_t i = 0; i < c->n_regions; i++)
		S_region_free(&c->regions[i]);
	free(c->regions);
	if (c->everywhere != NULL) {
		S_region_free(c->everywhere);
		free(c->everywhere);
	}
	S_free_strv(c->files, c->n_files);
	if (ix != NULL) {
		for (size_t i = 0; i < ix->n_fact_uses; i++)
			free(ix->fact_uses[i].name);
		free(ix->fact_uses);
		for (int k = 0; k < IX__COUNT; k++) {
			free(ix->t[k].slots);
		}
		free(ix->prompt_pack);
		free(ix);
	}
	memset(c, 0, sizeof *c);
}

/* ---------------------------------------------------------------------- */
/* Loading one file: ytree.h reads it, the code below checks its tree      */

struct S_ctx {
	struct ytree t;
	struct content *c;
};

#define S_err(x, ...) ytree_err(&(x)->t, __VA_ARGS__)
#define S_nerr(x, node, ...) ytree_err(&(x)->t, (node)->line, (node)->col, __VA_ARGS__)
#define S_null(n) ynode_null(n)
#define S_found(n) ynode_found(n)
#define S_take(n) ynode_take(n)
#define S_fields(x, map, keys, nkeys, found, what) \
	ytree_fields(&(x)->t, (map), (keys), (nkeys), (found), (what))

/* Report required keys that are missing; true if all there. */
static bool
S_require(struct S_ctx *x, const struct ynode *map, const char *const *keys,
    struct ynode **found, const int *req, size_t nreq, const char *what)
{
	bool good = true;

	for (size_t i = 0; i < nreq; i++)
		if (found[req[i]] == NULL) {
			S_nerr(x, map, "missing required key '%s' in %s",
			    keys[req[i]], what);
			good = false;
		}
	return good;
}

/* A text value: a non-empty scalar. */
static bool
S_text(struct S_ctx *x, struct ynode *v, const char *key, const char *what,
    char **out)
{
	if (v->type == YNODE_BAD)
		return false;
	if (v->type != YNODE_SCALAR) {
		S_nerr(x, v, "expected text for '%s' in %s, found %s", key,
		    what, S_found(v));
		return false;
	}
	if (v->len == 0) {
		S_nerr(x, v, "'%s' in %s is empty", key, what);
		return false;
	}
	*out = S_take(v);
	return true;
}

static bool
S_id_ok(const char *s)
{
	if (*s == '\0' || strlen(s) > 64)
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

/* An id: letters, digits and '-', at most 64. */
static bool
S_id(struct S_ctx *x, struct ynode *v, const char *key, const char *what,
    char **out)
{
	if (v->type == YNODE_SCALAR && !S_id_ok(v->str)) {
		S_nerr(x, v, "'%s' in %s must be 1 to 64 letters, digits and "
		    "'-', not '%s'", key, what, v->str);
		return false;
	}
	return S_text(x, v, key, what, out);
}

/* "'yes'" for a scalar, "a list" for anything else, in messages. */
#define S_SHOWN(v) (v)->type == YNODE_SCALAR ? "'" : "", \
	(v)->type == YNODE_SCALAR ? (v)->str : S_found(v), \
	(v)->type == YNODE_SCALAR ? "'" : ""

static bool
S_bool(struct S_ctx *x, struct ynode *v, const char *key, const char *what,
    bool *out)
{
	if (ynode_bool(v, out))
		return true;
	if (v->type != YNODE_BAD)
		S_nerr(x, v, "expected true or false for '%s' in %s, found %s%s%s",
		    key, what, S_SHOWN(v));
	return false;
}

static bool
S_long(struct S_ctx *x, struct ynode *v, const char *key, const char *what,
    long *out)
{
	if (ynode_long(v, LONG_MIN, LONG_MAX, out) == 0)
		return true;
	if (v->type != YNODE_BAD)
		S_nerr(x, v, "expected a whole number for '%s' in %s, found "
		    "%s%s%s", key, what, S_SHOWN(v));
	return false;
}

/* A value that must be one of names[]; *out its index. */
static bool
S_enum(struct S_ctx *x, struct ynode *v, const char *key, const char *what,
    const char *const *names, size_t n, const char *kind, int *out)
{
	const char *near;
	int at;

	if (v->type == YNODE_BAD)
		return false;
	if (v->type != YNODE_SCALAR) {
		S_nerr(x, v, "expected %s for '%s' in %s, found %s", kind, key,
		    what, S_found(v));
		return false;
	}
	at = names_find(names, n, v->str);
	if (at >= 0) {
		*out = at;
		return true;
	}
	near = closest_word(v->str, names, n);
	if (near != NULL)
		S_nerr(x, v, "unknown %s '%s' in %s (did you mean '%s'?)", kind,
		    v->str, what, near);
	else {
		char list[512];
		size_t used = 0;

		list[0] = '\0';
		for (size_t i = 0; i < n && used + 40 < sizeof list; i++)
			used += (size_t)snprintf(list + used, sizeof list - used,
			    "%s%s", i ? ", " : "", names[i]);
		S_nerr(x, v, "unknown %s '%s' in %s; expected one of: %s", kind,
		    v->str, what, list);
	}
	return false;
}

/* A list node (reported if not). */
static bool
S_list(struct S_ctx *x, struct ynode *v, const char *key, const char *what)
{
	if (v->type == YNODE_SEQ)
		return true;
	if (v->type != YNODE_BAD)
		S_nerr(x, v, "expected a list for '%s' in %s, found %s "
		    "(write it as [a, b] or as lines starting with '- ')", key,
		    what, S_found(v));
	return false;
}

static bool
S_text_list(struct S_ctx *x, struct ynode *v, const char *key,
    const char *what, bool ids, char ***out, size_t *n_out)
{
	char **items;
	bool good = true;

	if (!S_list(x, v, key, what))
		return false;
	items = xcalloc(v->n, sizeof *items);
	for (size_t i = 0; i < v->n; i++) {
		bool ok = ids ? S_id(x, v->kids[i], key, what, &items[i])
		    : S_text(x, v->kids[i], key, what, &items[i]);

		good = good && ok;
	}
	if (!good) {
		S_free_strv(items, v->n);
		return false;
	}
	*out = items;
	*n_out = v->n;
	return true;
}

static bool
S_advice(struct S_ctx *x, struct ynode *v, const char *what, unsigned *out)
{
	unsigned bits = 0;
	bool good = true;

	if (!S_list(x, v, "advice", what))
		return false;
	for (size_t i = 0; i < v->n; i++) {
		long n;

		if (!S_long(x, v->kids[i], "advice", what, &n)) {
			good = false;
			continue;
		}
		if (n < 1 || n > 7) {
			S_nerr(x, v->kids[i], "advice point %ld in %s: the "
			    "school letter's points are 1 to 7", n, what);
			good = false;
			continue;
		}
		bits |= 1u << (unsigned)n;
	}
	*out = bits;
	return good;
}

#define S_WHAT_MAX 96

/* "prompt 'x'" or, when the id is unusable, "prompt 3", into buf. */
static const char *
S_what(struct ynode *map, const char *kind, const char *idkey, size_t pos,
    char buf[S_WHAT_MAX])
{
	for (size_t i = 0; map->type == YNODE_MAP && i + 1 < map->n; i += 2) {
		struct ynode *key = map->kids[i], *v = map->kids[i + 1];

		if (key->type == YNODE_SCALAR && v->type == YNODE_SCALAR &&
		    strcmp(key->str, idkey) == 0 && v->len > 0 && v->len <= 64) {
			snprintf(buf, S_WHAT_MAX, "%s '%s'", kind, v->str);
			return buf;
		}
	}
	snprintf(buf, S_WHAT_MAX, "%s %zu", kind, pos + 1);
	return buf;
}

/* ---------------------------------------------------------------------- */
/* Adding items to the content, with the duplicate/replace rule             */

static char *
S_origin_string(const struct origin *o)
{
	return xasprintf("%s:%u:%u", o->file, o->line, o->col);
}

/*
 * Where an item with this id should go: a new position (returns n), or an
 * existing one it replaces (a notice), or -1 when the id already came from
 * this same load (an error; the new item is dropped).
 */
/* Was the item at o loaded by the current load (search-path entry)? */
static bool
S_this_load(const struct content *c, const struct origin *o)
{
	const struct S_index *ix = c->index;

	for (size_t i = ix->load_files; i < c->n_files; i++)
		if (c->files[i] == o->file)
			return true;
	return false;
}

static long
S_place(struct S_ctx *x, int kind, const char *noun, const char *id,
    const struct origin *where, size_t n)
{
	long old = S_table_find(x->c, kind, id);
	const struct origin *o;
	char *os;

	if (old < 0)
		return (long)n;
	switch (kind) {
	case IX_PROMPT:
		o = &x->c->prompts[old].where;
		break;
	case IX_TEMPLATE:
		o = &x->c->templates[old].where;
		break;
	case IX_REGION:
		o = &x->c->regions[old].where;
		break;
	default:
		o = &x->c->packs[old].where;
		break;
	}
	os = S_origin_string(o);
	if (S_this_load(x->c, o)) {
		S_err(x, where->line, where->col, "duplicate %s id '%s' (first "
		    "defined at %s)", noun, id, os);
		free(os);
		return -1;
	}
	diag_add(x->t.d, DIAG_NOTICE, DIAG_DATA, where->file, where->line,
	    where->col, "%s '%s' replaces the one from %s", noun, id, os);
	free(os);
	return old;
}

static struct origin
S_origin(struct S_ctx *x, const struct ynode *n)
{
	struct origin o = { x->t.file, n->line, n->col };

	return o;
}

/* ---------------------------------------------------------------------- */
/* Packs and prompts                                                       */

enum { PK_ID, PK_TITLE, PK_LANGUAGE, PK_VERSION, PK__N };
static const char *const S_pack_keys[] = { "id", "title", "language", "version" };

enum {
	PR_ID, PR_BANDS, PR_TOPIC, PR_QUESTION, PR_TIP, PR_FOLLOW_UPS,
	PR_SCENARIO, PR_CLAUSES, PR_ADVICE, PR_SHORT_TALK, PR__N
};
static const char *const S_prompt_keys[] = {
	"id", "bands", "topic", "question", "tip", "follow-ups", "scenario",
	"clauses", "advice", "short-talk"
};

static bool
S_bands(struct S_ctx *x, struct ynode *v, const char *what, unsigned *out)
{
	unsigned bits = 0;
	bool good = true;

	if (!S_list(x, v, "bands", what))
		return false;
	if (v->n == 0) {
		S_nerr(x, v, "'bands' in %s is empty; give one or more of "
		    "4-7, 8-10, 11-13, 14-17", what);
		return false;
	}
	for (size_t i = 0; i < v->n; i++) {
		int b;

		if (!S_enum(x, v->kids[i], "bands", what,
		    S_NAMES(S_band_names), "age band", &b)) {
			good = false;
			continue;
		}
		if (bits & BAND_BIT(b)) {
			S_nerr(x, v->kids[i], "band %s is listed twice in %s",
			    S_band_names[b], what);
			good = false;
		}
		bits |= BAND_BIT(b);
	}
	*out = bits;
	return good;
}

static void
S_load_prompt(struct S_ctx *x, struct ynode *map, size_t pos, size_t pack)
{
	struct ynode *f[PR__N];
	static const int req[] = { PR_ID, PR_BANDS, PR_TOPIC, PR_QUESTION, PR_TIP };
	struct prompt p;
	struct S_index *ix = x->c->index;
	char whatbuf[S_WHAT_MAX];
	const char *what = S_what(map, "prompt", "id", pos, whatbuf);
	bool good;
	int topic = 0;
	long at;

	memset(&p, 0, sizeof p);
	if (!S_fields(x, map, S_prompt_keys, PR__N, f, what))
		goto out;
	good = S_require(x, map, S_prompt_keys, f, req, 5, what);
	p.where = S_origin(x, map);
	if (f[PR_ID] != NULL)
		good = S_id(x, f[PR_ID], "id", what, &p.id) && good;
	if (f[PR_BANDS] != NULL)
		good = S_bands(x, f[PR_BANDS], what, &p.bands) && good;
	if (f[PR_TOPIC] != NULL)
		good = S_enum(x, f[PR_TOPIC], "topic", what,
		    S_NAMES(S_topic_ids), "topic", &topic) && good;
	p.topic = (enum topic)topic;
	if (f[PR_QUESTION] != NULL)
		good = S_text(x, f[PR_QUESTION], "question", what,
		    &p.question) && good;
	if (f[PR_TIP] != NULL)
		good = S_text(x, f[PR_TIP], "tip", what, &p.tip) && good;
	if (f[PR_FOLLOW_UPS] != NULL)
		good = S_text_list(x, f[PR_FOLLOW_UPS], "follow-ups", what,
		    false, &p.follow_ups, &p.n_follow_ups) && good;
	if (f[PR_SCENARIO] != NULL)
		good = S_bool(x, f[PR_SCENARIO], "scenario", what,
		    &p.scenario) && good;
	if (f[PR_CLAUSES] != NULL)
		good = S_text_list(x, f[PR_CLAUSES], "clauses", what, true,
		    &p.clauses, &p.n_clauses) && good;
	if (f[PR_ADVICE] != NULL)
		good = S_advice(x, f[PR_ADVICE], what, &p.advice) && good;
	if (f[PR_SHORT_TALK] != NULL) {
		long n;

		if (!S_long(x, f[PR_SHORT_TALK], "short-talk", what, &n))
			good = false;
		else if (n < 1 || n > CONTENT_MAX_SHORT_TALK) {
			S_nerr(x, f[PR_SHORT_TALK], "'short-talk' in %s is %ld: "
			    "give its place in the short talk, 1 to %d", what,
			    n, CONTENT_MAX_SHORT_TALK);
			good = false;
		} else
			p.short_talk = (int)n;
	}
	if (!good)
		goto out;

	at = S_place(x, IX_PROMPT, "prompt", p.id, &p.where, x->c->n_prompts);
	if (at < 0)
		goto out;
	if ((size_t)at == x->c->n_prompts) {
		x->c->prompts = xgrow(x->c->prompts, &ix->cap[IX_PROMPT],
		    x->c->n_prompts, sizeof *x->c->prompts);
		ix->prompt_pack = xgrow(ix->prompt_pack, &ix->prompt_pack_cap,
		    x->c->n_prompts, sizeof *ix->prompt_pack);
		x->c->prompts[x->c->n_prompts++] = p;
		S_table_add(x->c, IX_PROMPT, (size_t)at);
	} else {
		S_prompt_free(&x->c->prompts[at]);
		x->c->prompts[at] = p;
	}
	ix->prompt_pack[at] = pack;
	x->c->prompts[at].pack = &x->c->packs[pack];	/* S_fix_packs if they move */
	memset(&p, 0, sizeof p);
out:
	S_prompt_free(&p);
}

enum { PF_PACK, PF_PROMPTS, PF__N };
static const char *const S_packfile_keys[] = { "pack", "prompts" };

static void
S_load_pack_file(struct S_ctx *x, struct ynode *root)
{
	struct ynode *f[PF__N], *h[PK__N];
	static const int req[] = { PF_PACK, PF_PROMPTS };
	static const int hreq[] = { PK_ID, PK_TITLE, PK_LANGUAGE, PK_VERSION };
	struct pack pk;
	char whatbuf[S_WHAT_MAX];
	const char *what = NULL;
	bool good;
	long at;

	memset(&pk, 0, sizeof pk);
	S_fields(x, root, S_packfile_keys, PF__N, f, "a prompt pack file");
	if (!S_require(x, root, S_packfile_keys, f, req, 2,
	    "a prompt pack file"))
		goto out;
	what = S_what(f[PF_PACK], "pack", "id", 0, whatbuf);
	if (!S_fields(x, f[PF_PACK], S_pack_keys, PK__N, h, what))
		goto out;
	good = S_require(x, f[PF_PACK], S_pack_keys, h, hreq, 4, what);
	pk.where = S_origin(x, f[PF_PACK]);
	if (h[PK_ID] != NULL)
		good = S_id(x, h[PK_ID], "id", what, &pk.id) && good;
	if (h[PK_TITLE] != NULL)
		good = S_text(x, h[PK_TITLE], "title", what, &pk.title) && good;
	if (h[PK_LANGUAGE] != NULL)
		good = S_text(x, h[PK_LANGUAGE], "language", what,
		    &pk.language) && good;
	if (h[PK_VERSION] != NULL &&
	    S_long(x, h[PK_VERSION], "version", what, &pk.version) &&
	    pk.version < 1) {
		S_nerr(x, h[PK_VERSION], "'version' in %s must be 1 or more",
		    what);
		good = false;
	} else if (h[PK_VERSION] != NULL && pk.version < 1)
		good = false;
	if (!good)
		goto out;
	if (!S_list(x, f[PF_PROMPTS], "prompts", what))
		goto out;
	if (f[PF_PROMPTS]->n == 0) {
		S_nerr(x, f[PF_PROMPTS], "%s has no prompts", what);
		goto out;
	}

	at = S_place(x, IX_PACK, "pack", pk.id, &pk.where, x->c->n_packs);
	if (at < 0)
		goto out;
	if ((size_t)at == x->c->n_packs) {
		x->c->packs = xgrow(x->c->packs,
		    &((struct S_index *)x->c->index)->cap[IX_PACK],
		    x->c->n_packs, sizeof *x->c->packs);
		x->c->packs[x->c->n_packs++] = pk;
		S_table_add(x->c, IX_PACK, (size_t)at);
	} else {
		/* The old pack's prompts keep pointing at this slot. */
		S_pack_free(&x->c->packs[at]);
		x->c->packs[at] = pk;
	}
	memset(&pk, 0, sizeof pk);
	for (size_t i = 0; i < f[PF_PROMPTS]->n && !x->t.stopped; i++)
		S_load_prompt(x, f[PF_PROMPTS]->kids[i], i, (size_t)at);
out:
	S_pack_free(&pk);
}

/* ---------------------------------------------------------------------- */
/* Templates                                                               */

enum { TH_ID, TH_TITLE, TH_BAND, TH_REVIEW, TH_SIGNATURES, TH__N };
static const char *const S_theader_keys[] = {
	"id", "title", "band", "review-months", "signatures"
};
enum { TF_TEMPLATE, TF_BLANKS, TF_SECTIONS, TF_PROMISES, TF_STEPS,
	TF_REVIEW, TF__N };
static const char *const S_tfile_keys[] = {
	"template", "blanks", "sections", "promises", "if-something-goes-wrong",
	"review"
};
enum { BL_ID, BL_KIND, BL_LABEL, BL_DEFAULT, BL_CHOICES, BL_MIN, BL_MAX, BL__N };
static const char *const S_blank_keys[] = {
	"id", "kind", "label", "default", "choices", "min", "max"
};
enum { SE_ID, SE_TITLE, SE_CLAUSES, SE__N };
static const char *const S_section_keys[] = { "id", "title", "clauses" };
enum { CL_ID, CL_TEXT, CL_BINDS, CL_ON, CL_ADVICE, CL__N };
static const char *const S_clause_keys[] = { "id", "text", "binds", "on", "advice" };
enum { PM_ID, PM_TEXT, PM_ON, PM__N };
static const char *const S_promise_keys[] = { "id", "text", "on" };
enum { RV_ID, RV_QUESTION, RV_TIP, RV__N };
static const char *const S_review_keys[] = { "id", "question", "tip" };

/* A time default as blank.h would keep it: "19:30", not "7:30". */
static bool
S_time_ok(const struct blank *b)
{
	char *v = NULL;
	bool ok = blank_parse(b, b->def, false, &v, NULL) == 0 && v != NULL &&
	    strcmp(v, b->def) == 0;

	free(v);
	return ok;
}

static bool
S_load_blank(struct S_ctx *x, struct ynode *map, size_t pos,
    struct blank *b)
{
	struct ynode *f[BL__N];
	static const int req[] = { BL_ID, BL_KIND, BL_LABEL, BL_DEFAULT };
	char whatbuf[S_WHAT_MAX];
	const char *what = S_what(map, "blank", "id", pos, whatbuf);
	bool good = false;
	int kind = 0;

	memset(b, 0, sizeof *b);
	b->min = LONG_MIN;
	b->max = LONG_MAX;
	if (!S_fields(x, map, S_blank_keys, BL__N, f, what))
		goto out;
	good = S_require(x, map, S_blank_keys, f, req, 4, what);
	b->where = S_origin(x, map);
	if (f[BL_ID] != NULL)
		good = S_id(x, f[BL_ID], "id", what, &b->id) && good;
	if (f[BL_KIND] != NULL && S_enum(x, f[BL_KIND], "kind", what,
	    S_NAMES(S_blank_kind_ids), "kind of blank", &kind))
		b->kind = (enum blank_kind)kind;
	else
		good = false;
	if (f[BL_LABEL] != NULL)
		good = S_text(x, f[BL_LABEL], "label", what, &b->label) && good;
	if (!good)
		goto out;
	if (b->kind != BLANK_CHOICE && f[BL_CHOICES] != NULL) {
		S_nerr(x, f[BL_CHOICES], "'choices' in %s: only a blank of "
		    "kind choice has choices", what);
		good = false;
	}
	if (b->kind == BLANK_CHOICE) {
		if (f[BL_CHOICES] == NULL) {
			S_nerr(x, map, "missing required key 'choices' in %s "
			    "(a blank of kind choice)", what);
			good = false;
		} else if (S_text_list(x, f[BL_CHOICES], "choices", what, false,
		    &b->choices, &b->n_choices)) {
			if (b->n_choices < 2) {
				S_nerr(x, f[BL_CHOICES], "'choices' in %s needs "
				    "at least two choices", what);
				good = false;
			}
		} else
			good = false;
	}
	for (int k = BL_MIN; k <= BL_MAX; k++) {
		if (f[k] == NULL)
			continue;
		if (b->kind != BLANK_NUMBER) {
			S_nerr(x, f[k], "'%s' in %s: only a blank of kind "
			    "number has %s", S_blank_keys[k], what,
			    S_blank_keys[k]);
			good = false;
		} else if (!S_long(x, f[k], S_blank_keys[k], what,
		    k == BL_MIN ? &b->min : &b->max))
			good = false;
	}
	if (good && b->min > b->max) {
		S_nerr(x, f[BL_MIN], "'min' (%ld) is more than 'max' (%ld) in "
		    "%s", b->min, b->max, what);
		good = false;
	}
	if (!good || !S_text(x, f[BL_DEFAULT], "default", what, &b->def)) {
		good = false;
		goto out;
	}
	switch (b->kind) {
	case BLANK_TIME:
		if (!S_time_ok(b)) {
			S_nerr(x, f[BL_DEFAULT], "default '%s' in %s is not a "
			    "time; write HH:MM, 24-hour, in quotes "
			    "(\"19:30\")", b->def, what);
			good = false;
		}
		break;
	case BLANK_NUMBER: {
		long n;

		if (!ytree_parse_long(b->def, &n)) {
			S_nerr(x, f[BL_DEFAULT], "default '%s' in %s is not a "
			    "whole number", b->def, what);
			good = false;
		} else if (n < b->min || n > b->max) {
			S_nerr(x, f[BL_DEFAULT], "default %ld in %s is outside "
			    "min..max (%ld..%ld)", n, what, b->min, b->max);
			good = false;
		}
		break;
	}
	case BLANK_CHOICE: {
		bool in = false;

		for (size_t i = 0; i < b->n_choices; i++)
			in = in || strcmp(b->choices[i], b->def) == 0;
		if (!in) {
			const char *near = closest_word(b->def,
			    (const char *const *)b->choices, b->n_choices);

			S_nerr(x, f[BL_DEFAULT], "default '%s' in %s is not one "
			    "of its choices%s%s%s", b->def, what,
			    near ? " (did you mean '" : "", near ? near : "",
			    near ? "'?)" : "");
			good = false;
		}
		break;
	}
	default:
		break;
	}
out:
	if (!good)
		S_blank_free(b);
	return good;
}

/*
 * A {{region:NAME}} marker at line:col: its name must be an id; it is
 * remembered so content_check() can find the region that defines it.
 */
static bool
S_region_marker(struct S_ctx *x, const struct marker *m, unsigned line,
    unsigned col, const char *what)
{
	struct S_index *ix = x->c->index;
	char *key = xstrndup(m->name + m->ns_len + 1,
	    m->name_len - m->ns_len - 1);

	if (!S_id_ok(key)) {
		S_err(x, line, col, "'{{region:%s}}' in the text of %s: a "
		    "region fact's name is 1 to 64 letters, digits and '-'",
		    key, what);
		free(key);
		return false;
	}
	if (ix->n_fact_uses == ix->fact_uses_cap)
		ix->fact_uses = xgrow(ix->fact_uses, &ix->fact_uses_cap,
		    ix->n_fact_uses, sizeof *ix->fact_uses);
	ix->fact_uses[ix->n_fact_uses].name = key;
	ix->fact_uses[ix->n_fact_uses].where.file = x->t.file;
	ix->fact_uses[ix->n_fact_uses].where.line = line;
	ix->fact_uses[ix->n_fact_uses].where.col = col;
	ix->n_fact_uses++;
	return true;
}

/*
 * Check {{name}} markers in template text (a clause, a promise, a step)
 * against the template's blanks; {{region:NAME}} markers are noted for
 * content_check().
 */
static bool
S_check_markers(struct S_ctx *x, struct ynode *at, const char *text,
    const struct blank *blanks, size_t n_blanks, const char *what)
{
	struct marker m;
	size_t pos = 0;
	bool good = true;
	int found;

	while ((found = fill_next(text, &pos, &m)) == 1) {
		bool known = marker_is(&m, NULL, "child") ||
		    marker_is(&m, NULL, "grown-ups");
		char *name;

		for (size_t i = 0; i < n_blanks && !known; i++)
			known = marker_is(&m, NULL, blanks[i].id);
		if (known)
			continue;
		if (m.ns_len == 6 && memcmp(m.name, "region", 6) == 0) {
			unsigned line, col;

			ytree_place(&x->t, at, text + m.start, m.len, &line,
			    &col);
			good = S_region_marker(x, &m, line, col, what) && good;
			continue;
		}
		name = xstrndup(m.name, m.name_len);
		{
			const char **cands = xcalloc(n_blanks + 2,
			    sizeof *cands);
			const char *near;
			unsigned line, col;

			/* Point at the marker itself when the source has it as
			 * written (not folded across lines). */
			ytree_place(&x->t, at, text + m.start, m.len, &line, &col);

			cands[0] = "child";
			cands[1] = "grown-ups";
			for (size_t i = 0; i < n_blanks; i++)
				cands[i + 2] = blanks[i].id;
			near = closest_word(name, cands, n_blanks + 2);
			S_err(x, line, col, "unknown blank '{{%s}}' in the text of %s%s"
			    "%s%s", name, what,
			    near ? " (did you mean '{{" : "; declare it under "
			    "'blanks:'", near ? near : "", near ? "}}'?)" : "");
			free(cands);
			good = false;
		}
		free(name);
	}
	if (found < 0) {
		S_nerr(x, at, "'{{' without '}}' in the text of %s", what);
		return false;
	}
	return good;
}

static bool
S_load_clause(struct S_ctx *x, struct ynode *map, size_t pos,
    const struct template *t, struct clause *cl)
{
	struct ynode *f[CL__N];
	static const int req[] = { CL_ID, CL_TEXT, CL_BINDS };
	char whatbuf[S_WHAT_MAX];
	const char *what = S_what(map, "clause", "id", pos, whatbuf);
	bool good = false;
	int binds = 0;

	memset(cl, 0, sizeof *cl);
	cl->on = true;
	if (!S_fields(x, map, S_clause_keys, CL__N, f, what))
		goto out;
	good = S_require(x, map, S_clause_keys, f, req, 3, what);
	cl->where = S_origin(x, map);
	if (f[CL_ID] != NULL)
		good = S_id(x, f[CL_ID], "id", what, &cl->id) && good;
	if (f[CL_TEXT] != NULL) {
		struct ynode *tn = f[CL_TEXT];

		if (S_text(x, tn, "text", what, &cl->text))
			good = S_check_markers(x, tn, cl->text, t->blanks,
			    t->n_blanks, what) && good;
		else
			good = false;
	}
	if (f[CL_BINDS] != NULL && S_enum(x, f[CL_BINDS], "binds", what,
	    S_NAMES(S_binds_ids), "binds value", &binds))
		cl->binds = (enum binds)binds;
	else
		good = false;
	if (f[CL_ON] != NULL)
		good = S_bool(x, f[CL_ON], "on", what, &cl->on) && good;
	if (f[CL_ADVICE] != NULL)
		good = S_advice(x, f[CL_ADVICE], what, &cl->advice) && good;
out:
	if (!good)
		S_clause_free(cl);
	return good;
}

static const struct clause *
S_section_clause(const struct section *s, const char *id)
{
	for (size_t i = 0; i < s->n_clauses; i++)
		if (strcmp(s->clauses[i].id, id) == 0)
			return &s->clauses[i];
	return NULL;
}

static bool
S_load_section(struct S_ctx *x, struct ynode *map, size_t pos,
    struct template *t, struct section *s)
{
	struct ynode *f[SE__N];
	static const int req[] = { SE_ID, SE_TITLE, SE_CLAUSES };
	char whatbuf[S_WHAT_MAX];
	const char *what = S_what(map, "section", "id", pos, whatbuf);
	bool good = false;

	memset(s, 0, sizeof *s);
	if (!S_fields(x, map, S_section_keys, SE__N, f, what))
		goto out;
	good = S_require(x, map, S_section_keys, f, req, 3, what);
	if (f[SE_ID] != NULL)
		good = S_id(x, f[SE_ID], "id", what, &s->id) && good;
	if (f[SE_TITLE] != NULL)
		good = S_text(x, f[SE_TITLE], "title", what, &s->title) && good;
	if (f[SE_CLAUSES] == NULL || !S_list(x, f[SE_CLAUSES], "clauses", what)) {
		good = false;
		goto out;
	}
	s->clauses = xcalloc(f[SE_CLAUSES]->n, sizeof *s->clauses);
	for (size_t i = 0; i < f[SE_CLAUSES]->n && !x->t.stopped; i++) {
		struct ynode *cn = f[SE_CLAUSES]->kids[i];
		struct clause *cl = &s->clauses[s->n_clauses];

		if (!S_load_clause(x, cn, i, t, cl))
			continue;
		/* Clause ids are unique across the whole template. */
		if (template_clause(t, cl->id) != NULL ||
		    S_section_clause(s, cl->id) != NULL) {
			S_nerr(x, cn, "duplicate clause id '%s' in template "
			    "'%s'", cl->id, t->id);
			S_clause_free(cl);
			continue;
		}
		s->n_clauses++;
	}
out:
	if (!good)
		S_section_free(s);
	return good;
}

static bool
S_load_promise(struct S_ctx *x, struct ynode *map, size_t pos,
    const struct template *t, struct promise *pm)
{
	struct ynode *f[PM__N];
	static const int req[] = { PM_ID, PM_TEXT };
	char whatbuf[S_WHAT_MAX];
	const char *what = S_what(map, "promise", "id", pos, whatbuf);
	bool good = false;

	memset(pm, 0, sizeof *pm);
	pm->on = true;
	if (!S_fields(x, map, S_promise_keys, PM__N, f, what))
		goto out;
	good = S_require(x, map, S_promise_keys, f, req, 2, what);
	pm->where = S_origin(x, map);
	if (f[PM_ID] != NULL)
		good = S_id(x, f[PM_ID], "id", what, &pm->id) && good;
	if (f[PM_TEXT] != NULL) {
		if (S_text(x, f[PM_TEXT], "text", what, &pm->text))
			good = S_check_markers(x, f[PM_TEXT], pm->text,
			    t->blanks, t->n_blanks, what) && good;
		else
			good = false;
	}
	if (f[PM_ON] != NULL)
		good = S_bool(x, f[PM_ON], "on", what, &pm->on) && good;
out:
	if (!good)
		S_promise_free(pm);
	return good;
}

/* One of the template's review questions: id, question and tip, all needed. */
static bool
S_load_review_prompt(struct S_ctx *x, struct ynode *map, size_t pos,
    struct review_prompt *rp)
{
	struct ynode *f[RV__N];
	static const int req[] = { RV_ID, RV_QUESTION, RV_TIP };
	char whatbuf[S_WHAT_MAX];
	const char *what = S_what(map, "review question", "id", pos, whatbuf);
	bool good = false;

	memset(rp, 0, sizeof *rp);
	if (!S_fields(x, map, S_review_keys, RV__N, f, what))
		goto out;
	good = S_require(x, map, S_review_keys, f, req, 3, what);
	rp->where = S_origin(x, map);
	if (f[RV_ID] != NULL)
		good = S_id(x, f[RV_ID], "id", what, &rp->id) && good;
	if (f[RV_QUESTION] != NULL)
		good = S_text(x, f[RV_QUESTION], "question", what,
		    &rp->question) && good;
	if (f[RV_TIP] != NULL)
		good = S_text(x, f[RV_TIP], "tip", what, &rp->tip) && good;
out:
	if (!good) {
		free(rp->id);
		free(rp->question);
		free(rp->tip);
	}
	return good;
}

static bool
S_signatures(struct S_ctx *x, struct ynode *v, const char *what,
    struct template *t)
{
	bool good = true;

	if (!S_list(x, v, "signatures", what))
		return false;
	if (v->n == 0) {
		S_nerr(x, v, "'signatures' in %s is empty; give child, "
		    "grown-up or both", what);
		return false;
	}
	t->signatures = xcalloc(v->n, sizeof *t->signatures);
	for (size_t i = 0; i < v->n; i++) {
		int r;

		if (!S_enum(x, v->kids[i], "signatures", what,
		    S_NAMES(S_role_ids), "signature role", &r)) {
			good = false;
			continue;
		}
		for (size_t j = 0; j < t->n_signatures; j++)
			if (t->signatures[j] == (enum role)r) {
				S_nerr(x, v->kids[i], "signature role '%s' is "
				    "listed twice in %s", S_role_ids[r], what);
				good = false;
			}
		t->signatures[t->n_signatures++] = (enum role)r;
	}
	return good;
}

static void
S_load_template_file(struct S_ctx *x, struct ynode *root)
{
	struct ynode *f[TF__N], *h[TH__N], *v;
	static const int req[] = { TF_TEMPLATE, TF_SECTIONS, TF_PROMISES,
	    TF_STEPS };
	static const int hreq[] = { TH_ID, TH_TITLE, TH_BAND, TH_REVIEW,
	    TH_SIGNATURES };
	struct template t;
	char whatbuf[S_WHAT_MAX];
	const char *what = NULL;
	bool good;
	int band = 0;
	long review = 0, at;

	memset(&t, 0, sizeof t);
	S_fields(x, root, S_tfile_keys, TF__N, f, "an agreement template file");
	good = S_require(x, root, S_tfile_keys, f, req, 4,
	    "an agreement template file");
	if (f[TF_TEMPLATE] == NULL)
		goto out;
	what = S_what(f[TF_TEMPLATE], "template", "id", 0, whatbuf);
	if (!S_fields(x, f[TF_TEMPLATE], S_theader_keys, TH__N, h, what))
		goto out;
	good = S_require(x, f[TF_TEMPLATE], S_theader_keys, h, hreq, 5, what) &&
	    good;
	t.where = S_origin(x, f[TF_TEMPLATE]);
	if (h[TH_ID] != NULL)
		good = S_id(x, h[TH_ID], "id", what, &t.id) && good;
	if (h[TH_TITLE] != NULL)
		good = S_text(x, h[TH_TITLE], "title", what, &t.title) && good;
	if (h[TH_BAND] != NULL && S_enum(x, h[TH_BAND], "band", what,
	    S_NAMES(S_band_names), "age band", &band))
		t.band = (enum band)band;
	else
		good = false;
	if (h[TH_REVIEW] != NULL && S_long(x, h[TH_REVIEW], "review-months",
	    what, &review)) {
		if (review != 1 && review != 3 && review != 6 && review != 12) {
			S_nerr(x, h[TH_REVIEW], "'review-months' in %s must be "
			    "1, 3, 6 or 12, not %ld", what, review);
			good = false;
		}
		t.review_months = (int)review;
	} else
		good = false;
	if (h[TH_SIGNATURES] != NULL)
		good = S_signatures(x, h[TH_SIGNATURES], what, &t) && good;

	/* Blanks first: clause text is checked against them. */
	if ((v = f[TF_BLANKS]) != NULL && S_list(x, v, "blanks", what)) {
		t.blanks = xcalloc(v->n, sizeof *t.blanks);
		for (size_t i = 0; i < v->n && !x->t.stopped; i++) {
			struct blank *b = &t.blanks[t.n_blanks];

			if (!S_load_blank(x, v->kids[i], i, b))
				continue;
			if (template_blank(&t, b->id) != NULL ||
			    strcmp(b->id, "child") == 0 ||
			    strcmp(b->id, "grown-ups") == 0) {
				S_nerr(x, v->kids[i], "duplicate blank id '%s' "
				    "in %s%s", b->id, what,
				    template_blank(&t, b->id) ? "" :
				    " ({{child}} and {{grown-ups}} are built in)");
				S_blank_free(b);
				continue;
			}
			t.n_blanks++;
		}
	} else if (v != NULL)
		good = false;
	if ((v = f[TF_SECTIONS]) != NULL && S_list(x, v, "sections", what)) {
		if (v->n == 0) {
			S_nerr(x, v, "'sections' in %s is empty", what);
			good = false;
		}
		t.sections = xcalloc(v->n, sizeof *t.sections);
		for (size_t i = 0; i < v->n && !x->t.stopped; i++) {
			struct section *s = &t.sections[t.n_sections];
			bool dup = false;

			if (!S_load_section(x, v->kids[i], i, &t, s))
				continue;
			for (size_t j = 0; j < t.n_sections; j++)
				dup = dup || strcmp(t.sections[j].id, s->id) == 0;
			if (dup) {
				S_nerr(x, v->kids[i], "duplicate section id '%s' "
				    "in %s", s->id, what);
				S_section_free(s);
				continue;
			}
			t.n_sections++;
		}
	} else if (v != NULL)
		good = false;
	if ((v = f[TF_PROMISES]) != NULL && S_list(x, v, "promises", what)) {
		t.promises = xcalloc(v->n, sizeof *t.promises);
		for (size_t i = 0; i < v->n && !x->t.stopped; i++) {
			struct promise *pm = &t.promises[t.n_promises];
			bool dup = false;

			if (!S_load_promise(x, v->kids[i], i, &t, pm))
				continue;
			for (size_t j = 0; j < t.n_promises; j++)
				dup = dup || strcmp(t.promises[j].id, pm->id) == 0;
			if (dup) {
				S_nerr(x, v->kids[i], "duplicate promise id '%s' "
				    "in %s", pm->id, what);
				S_promise_free(pm);
				continue;
			}
			t.n_promises++;
		}
	} else if (v != NULL)
		good = false;
	if ((v = f[TF_STEPS]) != NULL) {
		if (S_text_list(x, v, "if-something-goes-wrong", what, false,
		    &t.steps, &t.n_steps)) {
			for (size_t i = 0; i < t.n_steps; i++)
				good = S_check_markers(x, v->kids[i],
				    t.steps[i], t.blanks, t.n_blanks,
				    "a step in 'if-something-goes-wrong'") &&
				    good;
		} else
			good = false;
	}
	if ((v = f[TF_REVIEW]) != NULL && S_list(x, v, "review", what)) {
		t.review = xcalloc(v->n, sizeof *t.review);
		for (size_t i = 0; i < v->n && !x->t.stopped; i++) {
			struct review_prompt *rp = &t.review[t.n_review];
			bool dup = false;

			if (!S_load_review_prompt(x, v->kids[i], i, rp)) {
				good = false;
				continue;
			}
			for (size_t j = 0; j < t.n_review; j++)
				dup = dup || strcmp(t.review[j].id, rp->id) == 0;
			if (dup) {
				S_nerr(x, v->kids[i], "duplicate review question "
				    "id '%s' in %s", rp->id, what);
				free(rp->id);
				free(rp->question);
				free(rp->tip);
				good = false;
				continue;
			}
			t.n_review++;
		}
	} else if (v != NULL)
		good = false;
	if (!good || t.id == NULL)
		goto out;

	at = S_place(x, IX_TEMPLATE, "template", t.id, &t.where,
	    x->c->n_templates);
	if (at < 0)
		goto out;
	if ((size_t)at == x->c->n_templates) {
		x->c->templates = xgrow(x->c->templates,
		    &((struct S_index *)x->c->index)->cap[IX_TEMPLATE],
		    x->c->n_templates, sizeof *x->c->templates);
		x->c->templates[x->c->n_templates++] = t;
		S_table_add(x->c, IX_TEMPLATE, (size_t)at);
	} else {
		S_template_free(&x->c->templates[at]);
		x->c->templates[at] = t;
	}
	memset(&t, 0, sizeof t);
out:
	S_template_free(&t);
}

/* ---------------------------------------------------------------------- */
/* Help lines                                                              */

enum { RG_REGION, RG_NAME, RG_PAPER, RG_FACTS, RG_RESOURCES, RG__N };
static const char *const S_region_keys[] = {
	"region", "name", "paper", "facts", "resources"
};
enum { RS_NAME, RS_FOR, RS_ABOUT, RS_PHONE, RS_WEB, RS_BANDS, RS__N };
static const char *const S_resource_keys[] = {
	"name", "for", "about", "phone", "web", "bands"
};
static const char *const S_help_keys[] = { "help" };

static bool
S_load_resource(struct S_ctx *x, struct ynode *map, size_t pos,
    struct resource *r)
{
	struct ynode *f[RS__N];
	static const int req[] = { RS_NAME, RS_FOR, RS_ABOUT };
	char whatbuf[S_WHAT_MAX];
	const char *what = S_what(map, "resource", "name", pos, whatbuf);
	bool good = false;
	int kind = 0;

	memset(r, 0, sizeof *r);
	if (!S_fields(x, map, S_resource_keys, RS__N, f, what))
		goto out;
	good = S_require(x, map, S_resource_keys, f, req, 3, what);
	if (f[RS_NAME] != NULL)
		good = S_text(x, f[RS_NAME], "name", what, &r->name) && good;
	if (f[RS_FOR] != NULL && S_enum(x, f[RS_FOR], "for", what,
	    S_NAMES(S_resource_ids), "kind of help", &kind))
		r->kind = (enum resource_for)kind;
	else
		good = false;
	if (f[RS_ABOUT] != NULL)
		good = S_text(x, f[RS_ABOUT], "about", what, &r->about) && good;
	if (f[RS_PHONE] != NULL)
		good = S_text(x, f[RS_PHONE], "phone", what, &r->phone) && good;
	if (f[RS_WEB] != NULL)
		good = S_text(x, f[RS_WEB], "web", what, &r->web) && good;
	r->bands = (1u << BAND__COUNT) - 1;
	if (f[RS_BANDS] != NULL)
		good = S_bands(x, f[RS_BANDS], what, &r->bands) && good;
out:
	if (!good)
		S_resource_free(r);
	return good;
}

/* facts: a map of NAME: text (the text may be empty). */
static bool
S_load_facts(struct S_ctx *x, struct ynode *v, const char *what,
    struct region *r)
{
	bool good = true;

	if (v->type == YNODE_BAD)
		return false;
	if (v->type != YNODE_MAP) {
		S_nerr(x, v, "expected NAME: text lines for 'facts' in %s, "
		    "found %s", what, S_found(v));
		return false;
	}
	r->facts = xcalloc(v->n / 2 + 1, sizeof *r->facts);
	for (size_t i = 0; i + 1 < v->n; i += 2) {
		struct ynode *k = v->kids[i], *t = v->kids[i + 1];
		struct fact *fc = &r->facts[r->n_facts];

		if (k->type != YNODE_SCALAR || !S_id_ok(k->str)) {
			S_nerr(x, k, "a fact's name in %s must be 1 to 64 "
			    "letters, digits and '-'", what);
			good = false;
			continue;
		}
		if (t->type != YNODE_SCALAR) {
			if (t->type != YNODE_BAD)
				S_nerr(x, t, "expected text for fact '%s' in "
				    "%s, found %s", k->str, what, S_found(t));
			good = false;
			continue;
		}
		fc->where = S_origin(x, k);
		fc->name = S_take(k);
		fc->text = S_take(t);
		r->n_facts++;
	}
	return good;
}

/* The "region: all" block: kept apart, replaced like a region. */
static void
S_place_everywhere(struct S_ctx *x, struct region *r)
{
	struct region *old = x->c->everywhere;

	if (old != NULL) {
		char *os = S_origin_string(&old->where);

		if (S_this_load(x->c, &old->where)) {
			S_err(x, r->where.line, r->where.col, "duplicate "
			    "region id '%s' (first defined at %s)", r->code,
			    os);
			free(os);
			return;
		}
		diag_add(x->t.d, DIAG_NOTICE, DIAG_DATA, r->where.file,
		    r->where.line, r->where.col, "region '%s' replaces the "
		    "one from %s", r->code, os);
		free(os);
		S_region_free(old);
	} else
		old = x->c->everywhere = xcalloc(1, sizeof *old);
	*old = *r;
	memset(r, 0, sizeof *r);
}

static void
S_load_region(struct S_ctx *x, struct ynode *map, size_t pos)
{
	struct ynode *f[RG__N], *v;
	static const int req[] = { RG_REGION, RG_NAME, RG_RESOURCES };
	struct region r;
	char whatbuf[S_WHAT_MAX];
	const char *what = S_what(map, "region", "region", pos, whatbuf);
	bool good;
	long at;

	memset(&r, 0, sizeof r);
	if (!S_fields(x, map, S_region_keys, RG__N, f, what))
		goto out;
	good = S_require(x, map, S_region_keys, f, req, 3, what);
	r.where = S_origin(x, map);
	if (f[RG_REGION] != NULL)
		good = S_id(x, f[RG_REGION], "region", what, &r.code) && good;
	if (f[RG_NAME] != NULL)
		good = S_text(x, f[RG_NAME], "name", what, &r.name) && good;
	if (f[RG_PAPER] != NULL) {
		int paper = 0;

		if (S_enum(x, f[RG_PAPER], "paper", what, S_NAMES(S_paper_ids),
		    "paper size", &paper))
			r.paper = (enum paper)paper;
		else
			good = false;
	}
	if (f[RG_FACTS] != NULL)
		good = S_load_facts(x, f[RG_FACTS], what, &r) && good;
	if ((v = f[RG_RESOURCES]) != NULL && S_list(x, v, "resources", what)) {
		r.resources = xcalloc(v->n, sizeof *r.resources);
		for (size_t i = 0; i < v->n && !x->t.stopped; i++)
			if (S_load_resource(x, v->kids[i], i,
			    &r.resources[r.n_resources]))
				r.n_resources++;
	} else
		good = false;
	if (!good)
		goto out;
	if (strcasecmp(r.code, "all") == 0) {
		S_place_everywhere(x, &r);
		goto out;
	}
	at = S_place(x, IX_REGION, "region", r.code, &r.where,
	    x->c->n_regions);
	if (at < 0)
		goto out;
	if ((size_t)at == x->c->n_regions) {
		x->c->regions = xgrow(x->c->regions,
		    &((struct S_index *)x->c->index)->cap[IX_REGION],
		    x->c->n_regions, sizeof *x->c->regions);
		x->c->regions[x->c->n_regions++] = r;
		S_table_add(x->c, IX_REGION, (size_t)at);
	} else {
		S_region_free(&x->c->regions[at]);
		x->c->regions[at] = r;
	}
	memset(&r, 0, sizeof r);
out:
	S_region_free(&r);
}

static void
S_load_help_file(struct S_ctx *x, struct ynode *root)
{
	struct ynode *f[1];
	static const int req[] = { 0 };

	S_fields(x, root, S_help_keys, 1, f, "a help file");
	if (!S_require(x, root, S_help_keys, f, req, 1, "a help file"))
		return;
	if (!S_list(x, f[0], "help", "a help file"))
		return;
	for (size_t i = 0; i < f[0]->n && !x->t.stopped; i++)
		S_load_region(x, f[0]->kids[i], i);
}

/* ---------------------------------------------------------------------- */
/* Files                                                                   */

/* Which kind of file: by the first of pack/template/help among its keys. */
static void
S_load_root(struct S_ctx *x, struct ynode *root)
{
	static const char *const kinds[] = { "pack", "template", "help" };

	if (root->type != YNODE_MAP) {
		if (root->type != YNODE_BAD)
			S_nerr(x, root, "expected 'pack:', 'template:' or "
			    "'help:' at the top of the file, found %s",
			    S_found(root));
		return;
	}
	for (size_t i = 0; i + 1 < root->n; i += 2) {
		struct ynode *k = root->kids[i];
		int kind;

		if (k->type != YNODE_SCALAR)
			continue;
		kind = names_find(S_NAMES(kinds), k->str);
		if (kind == 0)
			S_load_pack_file(x, root);
		else if (kind == 1)
			S_load_template_file(x, root);
		else if (kind == 2)
			S_load_help_file(x, root);
		if (kind >= 0)
			return;
	}
	if (root->n >= 2 && root->kids[0]->type == YNODE_SCALAR) {
		const char *near = closest_word(root->kids[0]->str,
		    S_NAMES(kinds));

		if (near != NULL) {
			S_nerr(x, root->kids[0], "unknown key '%s' at the top "
			    "of the file (did you mean '%s'?)",
			    root->kids[0]->str, near);
			return;
		}
	}
	S_nerr(x, root, "expected 'pack:', 'template:' or 'help:' at the top "
	    "of the file");
}

/*
 * Point new prompts at their packs, and every prompt again when the packs
 * array has moved (rarely: it doubles), keeping loading linear.
 */
static void
S_fix_packs(struct content *c)
{
	struct S_index *ix = c->index;
	size_t from = c->packs == ix->packs_base ? ix->n_fixed : 0;

	if (from > c->n_prompts)
		from = 0;
	for (size_t i = from; i < c->n_prompts; i++)
		c->prompts[i].pack = &c->packs[ix->prompt_pack[i]];
	ix->packs_base = c->packs;
	ix->n_fixed = c->n_prompts;
}

static const char *
S_add_file(struct content *c, const char *name)
{
	struct S_index *ix = c->index;

	c->files = xgrow(c->files, &ix->files_cap, c->n_files,
	    sizeof *c->files);
	c->files[c->n_files] = xstrdup(name);
	return c->files[c->n_files++];
}

/* Sort one file's problems by place, keeping the order of equals. */
static void
S_sort_diags(struct diag_list *d, size_t from)
{
	for (size_t i = from + 1; i < d->n; i++) {
		struct diag t = d->items[i];
		size_t j = i;
		unsigned tl = t.line ? t.line : UINT_MAX;

		while (j > from) {
			const struct diag *p = &d->items[j - 1];
			unsigned pl = p->line ? p->line : UINT_MAX;

			if (pl < tl || (pl == tl && p->col <= t.col))
				break;
			d->items[j] = *p;
			j--;
		}
		d->items[j] = t;
	}
}

/* One file's bytes, within the current load. */
static int
S_load_bytes(struct content *c, const char *name, const unsigned char *buf,
    size_t len, struct diag_list *d)
{
	struct S_ctx x;
	struct ynode *root;
	size_t before = d->n_errors, first = d->n;

	memset(&x, 0, sizeof x);
	x.c = c;
	ytree_init(&x.t, S_add_file(c, name), buf, len, d);
	x.t.files = "content files";
	x.t.one = "a content file";
	x.t.max_text = CONTENT_MAX_TEXT_BYTES;
	x.t.max_line = CONTENT_MAX_LINE_BYTES;
	x.t.max_depth = CONTENT_MAX_DEPTH;
	x.t.max_problems = CONTENT_MAX_PROBLEMS;
	if (len > CONTENT_MAX_FILE_BYTES) {
		S_err(&x, 0, 0, "the file is %zu bytes; the most is %u (4 MiB)",
		    len, CONTENT_MAX_FILE_BYTES);
		goto out;
	}
	if (len == 0) {
		S_err(&x, 1, 1, "the file is empty; expected 'pack:', "
		    "'template:' or 'help:'");
		goto out;
	}
	root = ytree_parse(&x.t);
	if (root != NULL)
		S_load_root(&x, root);
	else if (x.t.problems == 0)
		S_err(&x, 1, 1, "the file has no content; expected 'pack:', "
		    "'template:' or 'help:'");
out:
	ytree_cleanup(&x.t);
	S_sort_diags(d, first);
	S_fix_packs(c);
	return d->n_errors > before ? -1 : 0;
}

int
content_load_buffer(struct content *c, const char *name,
    const unsigned char *buf, size_t len, struct diag_list *d)
{
	((struct S_index *)c->index)->load_files = c->n_files;
	return S_load_bytes(c, name, buf, len, d);
}

static bool
S_yaml_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	    (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static void
S_path_error(struct diag_list *d, const char *path, int err)
{
	if (err == ENOENT || err == ENOTDIR)
		diag_add(d, DIAG_ERROR, DIAG_MISSING, path, 0, 0,
		    "no such file or folder");
	else if (err == ELOOP)
		diag_add(d, DIAG_ERROR, DIAG_DATA, path, 0, 0,
		    "too many levels of symbolic links (a symbolic link loop?)");
	else
		diag_add(d, DIAG_ERROR, DIAG_IO, path, 0, 0, "cannot read: %s",
		    strerror(err));
}

/* Read a regular file (never blocking on anything else) and load it. */
static void
S_load_file(struct content *c, const char *path, struct diag_list *d)
{
	struct stat st;
	char *buf;
	size_t len;

	if (read_file(path, CONTENT_MAX_FILE_BYTES, &buf, &len, &st) == 0) {
		S_load_bytes(c, path, (const unsigned char *)buf, len, d);
		free(buf);
	} else if (errno == ENODEV || errno == EISDIR)
		diag_add(d, DIAG_ERROR, DIAG_DATA, path, 0, 0,
		    "%s, not a content file; skipped", file_type_name(st.st_mode));
	else if (errno == EFBIG)
		diag_add(d, DIAG_ERROR, DIAG_DATA, path, 0, 0,
		    "the file is %jd bytes; the most is %u (4 MiB)",
		    (intmax_t)st.st_size, CONTENT_MAX_FILE_BYTES);
	else
		S_path_error(d, path, errno);
}

struct S_walk {
	struct content *c;
	struct diag_list *d;
	struct { dev_t dev; ino_t ino; char *path; } *seen;
	size_t n_seen, cap_seen;
};

static int
S_strcmp_p(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *
S_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

static void
S_walk_dir(struct S_walk *w, const char *path, const struct stat *st)
{
	DIR *dir;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < w->n_seen; i++)
		if (w->seen[i].dev == st->st_dev && w->seen[i].ino == st->st_ino) {
			diag_add(w->d, DIAG_ERROR, DIAG_DATA, path, 0, 0,
			    "leads back to %s (a symbolic link loop, or the "
			    "same folder twice); skipped", w->seen[i].path);
			return;
		}
	w->seen = xgrow(w->seen, &w->cap_seen, w->n_seen, sizeof *w->seen);
	w->seen[w->n_seen].dev = st->st_dev;
	w->seen[w->n_seen].ino = st->st_ino;
	w->seen[w->n_seen++].path = xstrdup(path);

	dir = opendir(path);
	if (dir == NULL) {
		S_path_error(w->d, path, errno);
		return;
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;	/* ., .., and hidden files */
		names = xgrow(names, &cap, n, sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dir);
	if (n > 1)	/* an empty folder has no list to sort (qsort of NULL) */
		qsort(names, n, sizeof *names, S_strcmp_p);
	for (size_t i = 0; i < n; i++) {
		char *sub = S_join(path, names[i]);
		struct stat sst;

		if (stat(sub, &sst) != 0) {
			int err = errno;
			struct stat lst;

			if (err == ENOENT && lstat(sub, &lst) == 0)
				diag_add(w->d, DIAG_ERROR, DIAG_DATA, sub, 0, 0,
				    "a symbolic link to nothing; skipped");
			else if (err == ELOOP || S_yaml_name(names[i]))
				S_path_error(w->d, sub, err);
		} else if (S_ISDIR(sst.st_mode))
			S_walk_dir(w, sub, &sst);
		else if (S_yaml_name(names[i])) {
			if (S_ISREG(sst.st_mode))
				S_load_file(w->c, sub, w->d);
			else
				diag_add(w->d, DIAG_ERROR, DIAG_DATA, sub, 0, 0,
				    "%s, not a content file; skipped",
				    file_type_name(sst.st_mode));
		}
		free(sub);
		free(names[i]);
	}
	free(names);
}

int
content_load_path(struct content *c, const char *path, struct diag_list *d)
{
	struct stat st;
	size_t before = d->n_errors;

	((struct S_index *)c->index)->load_files = c->n_files;
	if (stat(path, &st) != 0) {
		S_path_error(d, path, errno);
	} else if (S_ISDIR(st.st_mode)) {
		struct S_walk w = { c, d, NULL, 0, 0 };

		S_walk_dir(&w, path, &st);
		for (size_t i = 0; i < w.n_seen; i++)
			free(w.seen[i].path);
		free(w.seen);
	} else if (S_ISREG(st.st_mode)) {
		S_load_file(c, path, d);
	} else {
		diag_add(d, DIAG_ERROR, DIAG_DATA, path, 0, 0,
		    "%s, not a content file or folder", file_type_name(st.st_mode));
	}
	S_fix_packs(c);
	return d->n_errors > before ? -1 : 0;
}

/* ---------------------------------------------------------------------- */
/* Cross-file checks and lookups                                           */

static bool
S_region_has_fact(const struct region *r, const char *name)
{
	for (size_t i = 0; r != NULL && i < r->n_facts; i++)
		if (strcmp(r->facts[i].name, name) == 0)
			return true;
	return false;
}

static void
S_fact_missing(const struct content *c, const struct S_fact_use *u,
    struct diag_list *d)
{
	const char **names = NULL, *near;
	size_t n = 0, cap = 0;

	for (size_t k = 0; k <= c->n_regions; k++) {
		const struct region *r = k < c->n_regions ? &c->regions[k] :
		    c->everywhere;

		for (size_t i = 0; r != NULL && i < r->n_facts; i++) {
			if (n == cap)
				names = xgrow(names, &cap, n, sizeof *names);
			names[n++] = r->facts[i].name;
		}
	}
	near = n > 0 ? closest_word(u->name, names, n) : NULL;
	if (near != NULL)
		diag_add(d, DIAG_ERROR, DIAG_DATA, u->where.file,
		    u->where.line, u->where.col, "region fact '{{region:%s}}' "
		    "is defined by no region (did you mean '{{region:%s}}'?)",
		    u->name, near);
	else
		diag_add(d, DIAG_ERROR, DIAG_DATA, u->where.file,
		    u->where.line, u->where.col, "region fact '{{region:%s}}' "
		    "is defined by no region; add it under 'facts:' in a help "
		    "file (in the 'region: all' block for the neutral wording)",
		    u->name);
	free(names);
}

/* Every {{region:NAME}} used names a fact defined somewhere. */
static void
S_check_fact_uses(const struct content *c, struct diag_list *d)
{
	const struct S_index *ix = c->index;

	for (size_t i = 0; ix != NULL && i < ix->n_fact_uses; i++) {
		const struct S_fact_use *u = &ix->fact_uses[i];
		bool found = S_region_has_fact(c->everywhere, u->name);

		for (size_t k = 0; k < c->n_regions && !found; k++)
			found = S_region_has_fact(&c->regions[k], u->name);
		if (!found)
			S_fact_missing(c, u, d);
	}
}

/* No two prompts of one band at the same short-talk place. */
static void
S_check_short_talk(const struct content *c, struct diag_list *d)
{
	for (size_t i = 0; i < c->n_prompts; i++) {
		const struct prompt *p = &c->prompts[i];

		for (size_t j = 0; p->short_talk > 0 && j < i; j++) {
			const struct prompt *q = &c->prompts[j];
			unsigned both = p->bands & q->bands;

			if (q->short_talk != p->short_talk || both == 0)
				continue;
			diag_add(d, DIAG_ERROR, DIAG_DATA, p->where.file,
			    p->where.line, p->where.col, "prompt '%s' takes "
			    "short-talk place %d, which prompt '%s' (%s:%u) "
			    "already has in its age bands", p->id,
			    p->short_talk, q->id, q->where.file, q->where.line);
			break;
		}
	}
}

int
content_check(struct content *c, struct diag_list *d)
{
	size_t before = d->n_errors;

	for (size_t i = 0; i < c->n_prompts; i++) {
		const struct prompt *p = &c->prompts[i];
		bool any = false;

		for (size_t t = 0; t < c->n_templates && !any; t++)
			any = (p->bands & BAND_BIT(c->templates[t].band)) != 0;
		if (!any)
			continue;	/* nothing loaded to check against */
		for (size_t k = 0; k < p->n_clauses; k++) {
			bool found = false;

			/* Any template for one of its bands will do. */
			for (size_t t = 0; t < c->n_templates && !found; t++) {
				const struct template *tp = &c->templates[t];

				found = (p->bands & BAND_BIT(tp->band)) &&
				    template_clause(tp, p->clauses[k]) != NULL;
			}
			if (!found)
				diag_add(d, DIAG_ERROR, DIAG_DATA, p->where.file,
				    p->where.line, p->where.col, "prompt '%s' "
				    "leads to clause '%s', which no template "
				    "for its age bands has", p->id,
				    p->clauses[k]);
		}
	}
	S_check_short_talk(c, d);
	S_check_fact_uses(c, d);
	return d->n_errors > before ? -1 : 0;
}

static int
S_short_cmp(const void *a, const void *b)
{
	const struct prompt *const *x = a, *const *y = b;

	if ((*x)->short_talk != (*y)->short_talk)
		return (*x)->short_talk < (*y)->short_talk ? -1 : 1;
	return *x < *y ? -1 : *x > *y;	/* load order: same array */
}

size_t
content_short_talk(const struct content *c, enum band b,
    const struct prompt ***out)
{
	size_t n = 0;

	*out = NULL;
	for (size_t i = 0; i < c->n_prompts; i++)
		if (c->prompts[i].short_talk > 0 &&
		    (c->prompts[i].bands & BAND_BIT(b)))
			n++;
	if (n == 0)
		return 0;
	*out = xreallocarray(NULL, n, sizeof **out);
	n = 0;
	for (size_t i = 0; i < c->n_prompts; i++)
		if (c->prompts[i].short_talk > 0 &&
		    (c->prompts[i].bands & BAND_BIT(b)))
			(*out)[n++] = &c->prompts[i];
	qsort(*out, n, sizeof **out, S_short_cmp);
	return n;
}

const struct prompt *
content_prompt(const struct content *c, const char *id)
{
	long at = S_table_find(c, IX_PROMPT, id);

	return at < 0 ? NULL : &c->prompts[at];
}

const struct template *
content_template(const struct content *c, const char *id)
{
	/* A handful, each id once: no index. */
	for (size_t i = 0; id != NULL && i < c->n_templates; i++)
		if (strcmp(c->templates[i].id, id) == 0)
			return &c->templates[i];
	return NULL;
}

const struct template *
content_template_for_band(const struct content *c, enum band b)
{
	/* The last loaded wins: a family's own template over the shipped. */
	for (size_t i = c->n_templates; i > 0; i--)
		if (c->templates[i - 1].band == b)
			return &c->templates[i - 1];
	return NULL;
}

const struct region *
content_region(const struct content *c, const char *code)
{
	/* Whatever the case: "uk" is the UK. A handful: no index. */
	for (size_t i = 0; code != NULL && i < c->n_regions; i++)
		if (strcasecmp(c->regions[i].code, code) == 0)
			return &c->regions[i];
	return NULL;
}

const struct region *
content_region_for_locale(const struct content *c, const char *locale)
{
	const char *u, *end;
	char terr[8];
	size_t n;

	if (locale == NULL || (u = strchr(locale, '_')) == NULL)
		return NULL;
	u++;
	end = u + strcspn(u, ".@");
	n = (size_t)(end - u);
	if (n == 0 || n >= sizeof terr)
		return NULL;
	memcpy(terr, u, n);
	terr[n] = '\0';
	if (strcasecmp(terr, "GB") == 0)
		return content_region(c, "UK");
	return content_region(c, terr);
}

const struct clause *
template_clause(const struct template *t, const char *id)
{
	for (size_t i = 0; t != NULL && i < t->n_sections; i++) {
		const struct section *s = &t->sections[i];

		for (size_t j = 0; j < s->n_clauses; j++)
			if (strcmp(s->clauses[j].id, id) == 0)
				return &s->clauses[j];
	}
	return NULL;
}

const struct blank *
template_blank(const struct template *t, const char *id)
{
	for (size_t i = 0; t != NULL && i < t->n_blanks; i++)
		if (strcmp(t->blanks[i].id, id) == 0)
			return &t->blanks[i];
	return NULL;
}

size_t
content_help_lines(const struct content *c, const struct region *r,
    enum band b, const struct resource ***out)
{
	const struct region *from[2] = { r, c->everywhere };
	size_t n = 0, cap = 0;

	*out = NULL;
	if (r == NULL)
		return 0;
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; from[k] != NULL && i < from[k]->n_resources;
		    i++) {
			const struct resource *x = &from[k]->resources[i];

			if ((x->bands & BAND_BIT(b)) == 0)
				continue;
			if (n == cap)
				*out = xgrow(*out, &cap, n, sizeof **out);
			(*out)[n++] = x;
		}
	return n;
}

static const char *
S_fact(const struct region *r, const char *name, size_t len)
{
	for (size_t i = 0; r != NULL && i < r->n_facts; i++)
		if (strlen(r->facts[i].name) == len &&
		    memcmp(r->facts[i].name, name, len) == 0)
			return r->facts[i].text;
	return NULL;
}

const char *
content_region_fact(const struct content *c, const struct region *r,
    const char *name)
{
	const char *v = S_fact(r, name, strlen(name));

	return v != NULL ? v : S_fact(c->everywhere, name, strlen(name));
}

enum paper
region_paper(const struct region *r)
{
	return r != NULL ? r->paper : PAPER_A4;
}

char *
region_marker(const struct marker *m, void *arg)
{
	const struct region_markers *rm = arg;
	const char *key, *v;
	size_t len;

	if (m->ns_len != 6 || memcmp(m->name, "region", 6) != 0)
		return NULL;
	key = m->name + 7;
	len = m->name_len - 7;
	if ((v = S_fact(rm->r, key, len)) == NULL)
		v = S_fact(rm->c->everywhere, key, len);
	return v != NULL ? xstrdup(v) : NULL;
}
