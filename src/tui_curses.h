/*
 * tui_curses.h: the one place that includes curses, with the wide-character
 * API switched on. Only the TUI's own files (tui.c, view_*.c) include this.
 */
#ifndef TALKPACT_TUI_CURSES_H
#define TALKPACT_TUI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
