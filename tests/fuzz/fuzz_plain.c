/*
 * fuzz_plain.c: libFuzzer target for plain mode: any bytes are its
 * standard input (through fmemopen), with the shipped content and a
 * fresh, empty state folder each run, removed afterwards. Whatever is
 * typed, plain mode must return 0 without a memory error or a leak.
 * Built only with ./configure --enable-fuzzing (CC=clang).
 *
 * The state folders go in $TMPDIR, else /dev/shm (plain mode saves and
 * fsyncs after every answer, which a disk makes slow), else /tmp. Seed
 * the corpus with the scripts tests/tui/plain-commands.sh writes when
 * PLAIN_SEEDS=DIR is set.
 */
#include "config.h"

#include <ftw.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "content.h"
#include "tui.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct content S_content;

/* A fixed clock, as TALKPACT_NOW gives main's. */
static time_t
S_now(void)
{
	return (time_t)1795961520;
}
static FILE *S_null;
static const char *S_tmp;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct cli cli = { .prog = "talkpact", .datadir = FUZZ_SRCDIR };
	const char *t = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	content_init(&S_content);
	if (cli_load_content(&cli, &S_content) != 0 ||
	    (S_null = fopen("/dev/null", "w")) == NULL) {
		fprintf(stderr, "fuzz_plain: cannot load %s's content\n",
		    FUZZ_SRCDIR);
		abort();
	}
	S_tmp = t != NULL && *t != '\0' ? t :
	    access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	return 0;
}

static int
S_remove(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *dir = xasprintf("%s/fuzz_plain.XXXXXX", S_tmp);
	struct cli cli = { .prog = "talkpact", .now = S_now };
	FILE *in;
	int rc;

	if (mkdtemp(dir) == NULL) {
		perror(dir);
		abort();
	}
	cli.state_dir = xasprintf("%s/talkpact", dir);
	/* fmemopen does not take an empty buffer everywhere. */
	in = size > 0 ? fmemopen((void *)data, size, "r") :
	    fopen("/dev/null", "r");
	if (in == NULL)
		abort();
	rc = plain_run(&cli, &S_content, NULL, in, S_null);
	fclose(in);
	if (nftw(dir, S_remove, 16, FTW_DEPTH | FTW_PHYS) != 0) {
		perror(dir);
		abort();
	}
	free(cli.state_dir);
	free(dir);
	if (rc != 0)
		abort();	/* plain mode's only exit status is 0 */
	return 0;
}
