/*
 * cli_session.h: command-line helpers for saved sessions, shared by the
 * session commands and the interactive program. These print messages to
 * stderr and return exit codes; only front-end code may call them.
 */
#ifndef TALKPACT_CLI_SESSION_H
#define TALKPACT_CLI_SESSION_H

#include "diag.h"
#include "session.h"
#include "session_store.h"

struct cli;

/* Open the sessions folder under cli->state_dir: 0, or prints and returns 73. */
int cli_open_store(struct cli *cli, struct session_store *st);

/*
 * Find and load one session into s (session_init()ed): arg is an id, a
 * unique start of an id, or a path (contains '/' or ends in .yaml); NULL
 * means the most recently changed session that is not signed yet. *path
 * (may be NULL) gets the file's path, caller frees. Returns 0, or prints
 * what went wrong (FILE:LINE:COL for a damaged file) and returns the exit
 * code: 66 no such session / none unfinished, 65 damaged or newer format,
 * 74 unreadable, 73 the sessions folder cannot be created.
 */
int cli_find_session(struct cli *cli, const char *arg, struct session *s,
    char **path);

#endif
