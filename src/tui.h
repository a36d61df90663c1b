/*
 * tui.h: the interactive program, and its line-by-line twin for screen
 * readers, braille displays and scripts. Both drive the session only
 * through flow.h (session_apply and the store), never by hand.
 */
#ifndef TALKPACT_TUI_H
#define TALKPACT_TUI_H

#include <stdbool.h>
#include <stdio.h>

struct cli;
struct content;
struct session;

/*
 * Run the full-screen program on the terminal. s is a session to carry on
 * with (ownership passes to the TUI, which cleans it up), or NULL to start
 * at the welcome screen. Returns the exit code (74 when the latest change
 * could not be saved). *farewell gets what to print once the terminal is
 * back ("Carry on with: talkpact resume ID", or what was not saved and
 * how to keep it), or NULL; caller frees. *farewell_bad says it is a
 * problem (for standard error).
 */
int tui_run(struct cli *cli, struct content *c, struct session *s,
    char **farewell, bool *farewell_bad);

/*
 * The same flow as numbered prompts on out, answers read line by line from
 * in (see talkpact(1), PLAIN MODE). End of input saves and returns 0.
 */
int plain_run(struct cli *cli, struct content *c, struct session *s,
    FILE *in, FILE *out);

#endif
