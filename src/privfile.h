/*
 * privfile.h: private files on disk: folders made 0700 (and tightened to
 * it if they are looser), files written 0600 and replaced atomically, so a
 * crash or a full disk never leaves half a file where a whole one was.
 * Shared by the session store and the agreement writer.
 *
 * No printing, no exit, no environment: errors come back in *cause
 * (caller frees).
 */
#ifndef TALKPACT_PRIVFILE_H
#define TALKPACT_PRIVFILE_H

#include <stddef.h>

/*
 * Create path and any missing parents (mode 0700 for each one created).
 * Returns 0 or -1 with *cause.
 */
int privfile_mkdirs(const char *path, char **cause);

/*
 * Make an existing path a private folder: a directory, with its mode
 * tightened to 0700 at most. Returns 0 or -1 with *cause.
 */
int privfile_private_dir(const char *path, char **cause);

/*
 * Replace path with len bytes of data atomically: a temporary file
 * "PATH.tmp-PID-N" in the same folder (O_EXCL, 0600), fsync, rename over
 * path, fsync the folder. On failure path is untouched and no temporary
 * file is left (except when only the folder's fsync fails: then the new
 * file is in place). Returns 0; -1 with *cause when the file cannot be
 * created (no such folder, no permission); -2 with *cause when writing
 * it failed (a full disk, an I/O error).
 */
int privfile_write(const char *path, const char *data, size_t len,
    char **cause);

#endif
