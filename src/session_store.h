/*
 * session_store.h: sessions on disk, one YAML file each (format in
 * talkpact-session(5)), kept in a private folder (0700, files 0600) and
 * replaced atomically on every save.
 *
 * Format 2 (SESSION_FORMAT_VERSION): the file's keys in order are
 * format, id, created, updated, stage, family, template, position, talk,
 * answers, clauses, blanks, rules, promises, review-months, drafts, then
 * everything about signing last: signatures (each with its signer's own
 * date and UTC offset) and, in a signed session, signed (the frozen
 * words of struct signed_words, the Markdown as signed, the fingerprint
 * and the digest). Cutting a file at "signatures:" leaves a valid
 * unsigned session: one at stage signed without its signed: block loads
 * at stage signing with no signatures. Other modules may add optional
 * keys of their own before signatures: (the reader must then list them);
 * the format number does not change for them.
 *
 * Format 1 files still load (each signature's date is its UTC date,
 * offset 0; s->frozen stays NULL). A signed format-1 session is never
 * written (it would need words it never froze), and neither is a session
 * changed after signing (session_signed_check() < 0), nor written over.
 *
 * Only this module and content.c include libyaml. Nothing here prints or
 * exits; problems come back as struct diag (FILE:LINE:COL) or *cause.
 */
#ifndef TALKPACT_SESSION_STORE_H
#define TALKPACT_SESSION_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "session.h"

#define SESSION_MAX_FILE_BYTES (8u * 1024 * 1024)

struct session_store {
	char *dir;			/* .../sessions */
};

/*
 * Open (creating it and its parents, mode 0700) STATE_DIR/sessions, and
 * tighten its mode and STATE_DIR's to 0700 if they are looser. Returns 0,
 * or -1 with *cause (caller frees).
 */
int session_store_open(struct session_store *st, const char *state_dir,
    char **cause);
void session_store_cleanup(struct session_store *st);

/* DIR/ID.yaml. Caller frees. */
char *session_store_path(const struct session_store *st, const char *id);

/*
 * A UTC time as the session file writes it, "2026-11-29T14:32:00Z", into
 * *out: 0, or -1 when it is not written so, -2 when it is not a real time
 * from 1970 to 9999 (31 February, a leap second).
 */
int session_store_parse_time(const char *str, time_t *out);

/*
 * Give a new session an id no file in the store uses yet
 * (session_make_id(), then "-2", "-3"... on a clash). Replaces s->id.
 */
void session_store_new_id(const struct session_store *st, struct session *s,
    time_t now);

/*
 * Write s to path atomically: a temporary file in the same folder
 * (O_EXCL, 0600), fsync, rename over path, fsync the folder. Refuses (-1,
 * *cause) to replace a file that does not load cleanly or has a newer
 * format, so a damaged session is never lost; refuses to write a signed
 * format-1 session or one changed after signing, and to replace a file
 * holding either ("not saving ...: it was changed after signing"). On
 * any failure the old file
 * is untouched and no temporary file is left behind.
 */
int session_store_save_path(const char *path, const struct session *s,
    char **cause);
/* Save to DIR/ID.yaml. */
int session_store_save(const struct session_store *st, const struct session *s,
    char **cause);

/*
 * The file as text (format 2), without saving it. Caller frees. NULL for
 * a signed session with no frozen words (a signed format-1 file, which
 * is never rewritten).
 */
char *session_store_format(const struct session *s);

/*
 * Load path into s (which must be session_init()ed; on failure it is left
 * empty). Problems go to *d with file, line and column: DIAG_MISSING for a
 * missing file, DIAG_IO for a read error, DIAG_DATA for a damaged file or
 * a newer format. Returns 0 or -1. A signed file whose data no longer
 * matches its digest loads (0) with s->changed_after_signing set: the
 * caller shows it as such and never renders or saves it.
 */
int session_store_load_path(const char *path, struct session *s,
    struct diag_list *d);
int session_store_load_buffer(const char *name, const char *buf, size_t len,
    struct session *s, struct diag_list *d);

/*
 * Load by id (DIR/ID.yaml), a unique id prefix, or a path (anything with
 * a '/' or ending in .yaml). *path_out (may be NULL) gets the file's path;
 * caller frees. Returns 0 or -1 with problems in *d.
 */
int session_store_load(const struct session_store *st, const char *arg,
    struct session *s, char **path_out, struct diag_list *d);

/* Every session in the store, newest update first. */
struct session_entry {
	char *path;
	struct session s;	/* loaded; empty if ok is false */
	bool ok;
};
struct session_list {
	struct session_entry *items;
	size_t n, cap;
};

/*
 * List DIR/ *.yaml (not temporary or hidden files). Files that fail to load
 * are listed with ok false and their problems added to *d. Returns 0, or
 * -1 if the folder cannot be read.
 */
int session_store_list(const struct session_store *st, struct session_list *l,
    struct diag_list *d);
void session_list_cleanup(struct session_list *l);

#endif
