/*
 * diag.h: problems found in files the user gave us (content, sessions,
 * agreements), each with a place: FILE:LINE:COL. Library modules add to a
 * diag_list; only main.c and the TUI print them.
 */
#ifndef TALKPACT_DIAG_H
#define TALKPACT_DIAG_H

#include <stdarg.h>
#include <stddef.h>

enum diag_level { DIAG_NOTICE, DIAG_WARNING, DIAG_ERROR };

/* What kind of failure, so the command line can pick an exit code. */
enum diag_kind {
	DIAG_DATA,	/* bad content or file: exit 65 */
	DIAG_MISSING,	/* no such file: exit 66 */
	DIAG_IO		/* read or write failed: exit 74 */
};

struct diag {
	enum diag_level level;
	enum diag_kind kind;
	char *file;		/* or NULL */
	unsigned line, col;	/* 1-based; 0 when unknown */
	char *message;
};

struct diag_list {
	struct diag *items;
	size_t n, cap;
	size_t n_errors;
};

void diag_list_init(struct diag_list *d);
void diag_list_cleanup(struct diag_list *d);

/* Append a diagnostic; file may be NULL. The strings are copied. */
void diag_add(struct diag_list *d, enum diag_level level, enum diag_kind kind,
    const char *file, unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
void diag_addv(struct diag_list *d, enum diag_level level, enum diag_kind kind,
    const char *file, unsigned line, unsigned col, const char *fmt, va_list ap)
    __attribute__((format(printf, 7, 0)));

/*
 * One problem as the line the user sees, "FILE:LINE:COL: error: message"
 * (the place shortened when unknown), without a newline. Caller frees.
 */
char *diag_string(const struct diag *x);

/* The sysexits code the worst error implies: 0, 65, 66 or 74. */
int diag_exit_code(const struct diag_list *d);

#endif
