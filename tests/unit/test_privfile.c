/*
 * test_privfile.c: privfile.c when the disk says no. A full disk, a
 * read-only folder, a file or folder sync that fails, a rename that
 * fails: each returns the documented code with a message naming the file
 * and the system's reason, leaves the old file whole (except a failed
 * folder sync, where the new file is already in place) and leaves no
 * temporary file behind. Also the modes under a loose umask.
 *
 * Real failures where this machine allows them (a 64 KB tmpfs and a
 * read-only mount in a private mount namespace when run as root; a folder
 * without write permission otherwise), and failures injected into the
 * system calls privfile.c makes: the test is linked with
 * -Wl,--wrap=write,--wrap=fsync,--wrap=open, so those calls come here.
 * Where a real failure cannot be made, the test injects it and says so;
 * nothing is skipped.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "privfile.h"
#include "util.h"

/* ---- injected failures ------------------------------------------------- */

static struct {
	int write_errno;	/* write() fails with this once the budget is spent */
	size_t write_budget;	/* bytes that still get written before it fails */
	int fsync_file_errno;	/* fsync() of a regular file fails with this */
	int fsync_dir_errno;	/* fsync() of a folder fails with this */
	int create_errno;	/* open(..., O_CREAT) fails with this */
} inject;

ssize_t __real_write(int fd, const void *buf, size_t n);
ssize_t __wrap_write(int fd, const void *buf, size_t n);
int __real_fsync(int fd);
int __wrap_fsync(int fd);
int __real_open(const char *path, int flags, ...);
int __wrap_open(const char *path, int flags, ...);

ssize_t
__wrap_write(int fd, const void *buf, size_t n)
{
	if (inject.write_errno != 0) {
		if (inject.write_budget == 0) {
			errno = inject.write_errno;
			return -1;
		}
		if (n > inject.write_budget)
			n = inject.write_budget;	/* a short write first */
		inject.write_budget -= n;
	}
	return __real_write(fd, buf, n);
}

int
__wrap_fsync(int fd)
{
	struct stat sb;

	if (fstat(fd, &sb) == 0) {
		if (S_ISDIR(sb.st_mode) && inject.fsync_dir_errno != 0) {
			errno = inject.fsync_dir_errno;
			return -1;
		}
		if (S_ISREG(sb.st_mode) && inject.fsync_file_errno != 0) {
			errno = inject.fsync_file_errno;
			return -1;
		}
	}
	return __real_fsync(fd);
}

int
__wrap_open(const char *path, int flags, ...)
{
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
		if (inject.create_errno != 0) {
			errno = inject.create_errno;
			return -1;
		}
	}
	return __real_open(path, flags, mode);
}

/* ---- helpers ----------------------------------------------------------- */

static char top[64];		/* this run's folder */
static int can_mount;		/* in a private mount namespace, as root */

static int
S_rm(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb;
	(void)type;
	(void)ftw;
	return remove(path);
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (f == NULL)
		return NULL;
	buf = xmalloc(1 << 20);
	n = fread(buf, 1, (1 << 20) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void
put(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* The names in dir that look like privfile's temporary files, or "". */
static char *
temporaries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *out = xstrdup(""), *t;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		if (strstr(e->d_name, ".tmp-") == NULL)
			continue;
		t = xasprintf("%s%s ", out, e->d_name);
		free(out);
		out = t;
	}
	closedir(d);
	return out;
}

#define HAS(hay, needle) do { if ((hay) == NULL || strstr((hay), (needle)) == NULL) \
	fail_msg("missing '%s' in: %s", (needle), (hay) ? (hay) : "(null)"); } while (0)

static void
assert_whole(const char *path, const char *want)
{
	char *got = slurp(path);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
assert_no_temporaries(const char *dir)
{
	char *t = temporaries(dir);

	if (*t != '\0')
		fail_msg("temporary files left in %s: %s", dir, t);
	free(t);
}

static void
assert_mode(const char *path, unsigned want)
{
	struct stat sb;

	assert_int_equal(stat(path, &sb), 0);
	if ((sb.st_mode & 07777) != want)
		fail_msg("%s is %03o, not %03o", path, sb.st_mode & 07777, want);
}

/* A fresh folder for one test: top/name. Caller frees. */
static char *
folder(const char *name)
{
	char *d = xasprintf("%s/%s", top, name);

	assert_int_equal(mkdir(d, 0700), 0);
	return d;
}

static char *
big_text(size_t n)
{
	char *s = xmalloc(n + 1);

	for (size_t i = 0; i < n; i++)
		s[i] = (char)('a' + i % 26);
	s[n] = '\0';
	return s;
}

static int
setup(void **state)
{
	(void)state;
	memset(&inject, 0, sizeof inject);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	memset(&inject, 0, sizeof inject);
	umask(022);
	return 0;
}

/* ---- when all goes well ------------------------------------------------ */

static void
test_write_replaces_whole_and_private(void **state)
{
	char *d = folder("ok"), *p = xasprintf("%s/file.txt", d), *cause = NULL;

	(void)state;
	umask(0);	/* a loose umask must not loosen the file */
	put(p, "old");
	assert_int_equal(chmod(p, 0644), 0);
	assert_int_equal(privfile_write(p, "new text\n", 9, &cause), 0);
	assert_null(cause);
	assert_whole(p, "new text\n");
	assert_mode(p, 0600);
	assert_no_temporaries(d);
	free(p);
	free(d);
}

static void
test_mkdirs_private_under_loose_umask(void **state)
{
	char *d = xasprintf("%s/a", top), *deep = xasprintf("%s/a/b/c", top);
	char *mid = xasprintf("%s/a/b", top), *cause = NULL;

	(void)state;
	umask(0);
	assert_int_equal(privfile_mkdirs(deep, &cause), 0);
	assert_mode(d, 0700);
	assert_mode(mid, 0700);
	assert_mode(deep, 0700);
	/* Again: the folders exist, which is fine. */
	assert_int_equal(privfile_mkdirs(deep, &cause), 0);
	free(d);
	free(mid);
	free(deep);
}

static void
test_private_dir(void **state)
{
	char *d = folder("loose"), *f = xasprintf("%s/file", d);
	char *missing = xasprintf("%s/missing", d), *cause = NULL;

	(void)state;
	assert_int_equal(chmod(d, 0777), 0);
	assert_int_equal(privfile_private_dir(d, &cause), 0);
	assert_mode(d, 0700);

	put(f, "x");
	assert_int_equal(privfile_private_dir(f, &cause), -1);
	HAS(cause, "is not a folder");
	HAS(cause, f);
	free(cause);
	cause = NULL;

	assert_int_equal(privfile_private_dir(missing, &cause), -1);
	HAS(cause, "cannot use folder");
	HAS(cause, strerror(ENOENT));
	free(cause);
	free(missing);
	free(f);
	free(d);
}

static void
test_mkdirs_through_a_file(void **state)
{
	char *d = folder("through"), *f = xasprintf("%s/plain", d);
	char *below = xasprintf("%s/plain/sub", d), *cause = NULL;

	(void)state;
	put(f, "x");
	assert_int_equal(privfile_mkdirs(below, &cause), -1);
	HAS(cause, "cannot create folder");
	HAS(cause, below);
	HAS(cause, strerror(ENOTDIR));
	free(cause);
	free(below);
	free(f);
	free(d);
}

static void
test_write_missing_folder(void **state)
{
	char *p = xasprintf("%s/nowhere/file.txt", top), *cause = NULL;

	(void)state;
	assert_int_equal(privfile_write(p, "x", 1, &cause), -1);
	HAS(cause, "cannot create");
	HAS(cause, p);
	HAS(cause, strerror(ENOENT));
	free(cause);
	free(p);
}

/* ---- a full disk ------------------------------------------------------- */

/* path holds "old"; writing len bytes fails: the code, message and files. */
static void
expect_full(const char *dir, const char *path, size_t len)
{
	char *text = big_text(len), *cause = NULL;

	assert_int_equal(privfile_write(path, text, len, &cause), -2);
	HAS(cause, "cannot write");
	HAS(cause, path);
	HAS(cause, strerror(ENOSPC));
	assert_whole(path, "old");
	assert_no_temporaries(dir);
	free(cause);
	free(text);
}

static void
test_full_disk_injected(void **state)
{
	char *d = folder("full-injected"), *p = xasprintf("%s/session.yaml", d);

	(void)state;
	put(p, "old");
	inject.write_errno = ENOSPC;
	inject.write_budget = 4096;	/* some of it fits, then no more */
	expect_full(d, p, 100000);
	free(p);
	free(d);
}

static void
test_full_disk_real(void **state)
{
	char *d = folder("full-real"), *p = xasprintf("%s/session.yaml", d);

	(void)state;
	if (can_mount) {
		assert_int_equal(mount("tmpfs", d, "tmpfs", MS_NOSUID | MS_NODEV,
		    "size=64k,mode=0700"), 0);
		put(p, "old");
		expect_full(d, p, 1 << 20);	/* 1 MB into 64 KB */
		assert_int_equal(umount2(d, MNT_DETACH), 0);
	} else {
		print_message("# no private mount namespace (not root, no "
		    "CAP_SYS_ADMIN, or / is not a mount point): the full disk "
		    "is injected, failing at once\n");
		put(p, "old");
		inject.write_errno = ENOSPC;
		inject.write_budget = 0;
		expect_full(d, p, 1 << 20);
	}
	free(p);
	free(d);
}

/* ---- a read-only folder ------------------------------------------------ */

static void
expect_read_only(const char *dir, const char *path, int err)
{
	char *cause = NULL;

	assert_int_equal(privfile_write(path, "new", 3, &cause), -1);
	HAS(cause, "cannot create");
	HAS(cause, path);
	HAS(cause, strerror(err));
	assert_whole(path, "old");
	assert_no_temporaries(dir);
	free(cause);
}

static void
test_read_only_folder(void **state)
{
	char *d = folder("read-only"), *p = xasprintf("%s/agreement.md", d);

	(void)state;
	if (geteuid() != 0) {
		/* Not root: a folder without write permission is read-only. */
		put(p, "old");
		assert_int_equal(chmod(d, 0500), 0);
		expect_read_only(d, p, EACCES);
		assert_int_equal(chmod(d, 0700), 0);
	} else if (can_mount) {
		/* Root writes anywhere: a read-only file system stops it. */
		assert_int_equal(mount("tmpfs", d, "tmpfs", MS_NOSUID | MS_NODEV,
		    "size=64k,mode=0700"), 0);
		put(p, "old");
		assert_int_equal(mount("tmpfs", d, NULL, MS_REMOUNT | MS_RDONLY,
		    NULL), 0);
		expect_read_only(d, p, EROFS);
		assert_int_equal(umount2(d, MNT_DETACH), 0);
	} else {
		print_message("# root without a private mount namespace: the "
		    "read-only file system is injected\n");
		put(p, "old");
		inject.create_errno = EROFS;
		expect_read_only(d, p, EROFS);
	}
	free(p);
	free(d);
}

/* ---- syncs and renames that fail --------------------------------------- */

static void
test_file_sync_fails(void **state)
{
	char *d = folder("fsync-file"), *p = xasprintf("%s/session.yaml", d);
	char *cause = NULL;

	(void)state;
	put(p, "old");
	inject.fsync_file_errno = EIO;
	assert_int_equal(privfile_write(p, "new", 3, &cause), -2);
	HAS(cause, "cannot write");
	HAS(cause, p);
	HAS(cause, strerror(EIO));
	assert_whole(p, "old");
	assert_no_temporaries(d);
	free(cause);
	free(p);
	free(d);
}

static void
test_folder_sync_fails(void **state)
{
	char *d = folder("fsync-dir"), *p = xasprintf("%s/session.yaml", d);
	char *cause = NULL;

	(void)state;
	put(p, "old");
	inject.fsync_dir_errno = EIO;
	assert_int_equal(privfile_write(p, "new", 3, &cause), -2);
	HAS(cause, "cannot sync folder");
	HAS(cause, d);
	HAS(cause, strerror(EIO));
	/* As privfile.h says: the new file is in place, only not durable. */
	assert_whole(p, "new");
	assert_mode(p, 0600);
	assert_no_temporaries(d);
	free(cause);
	free(p);
	free(d);
}

static void
test_rename_fails(void **state)
{
	char *d = folder("rename"), *p = xasprintf("%s/taken", d);
	char *inner = xasprintf("%s/taken/inside", d), *cause = NULL;

	(void)state;
	/* A folder that is not empty where the file should go. */
	assert_int_equal(mkdir(p, 0700), 0);
	put(inner, "old");
	assert_int_equal(privfile_write(p, "new", 3, &cause), -2);
	HAS(cause, "cannot replace");
	HAS(cause, p);
	assert_whole(inner, "old");
	assert_no_temporaries(d);
	free(cause);
	free(inner);
	free(p);
	free(d);
}

/* The injection itself works: a test that could not fail proves nothing. */
static void
test_injection_reaches_privfile(void **state)
{
	char *d = folder("inject-check"), *p = xasprintf("%s/f", d), *cause = NULL;

	(void)state;
	inject.write_errno = EDQUOT;
	inject.write_budget = 0;
	assert_int_equal(privfile_write(p, "abc", 3, &cause), -2);
	HAS(cause, strerror(EDQUOT));
	free(cause);
	free(p);
	free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_write_replaces_whole_and_private, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mkdirs_private_under_loose_umask, setup, teardown),
		cmocka_unit_test_setup_teardown(test_private_dir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mkdirs_through_a_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_missing_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_injection_reaches_privfile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_full_disk_injected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_full_disk_real, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_only_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_sync_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_folder_sync_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rename_fails, setup, teardown),
	};
	int rc;

	strcpy(top, "/tmp/tp-privfile-XXXXXX");
	if (mkdtemp(top) == NULL)
		return 99;
	/*
	 * As root, mounts go into a mount namespace of this process only
	 * (made private so nothing reaches the machine's own mounts); they
	 * vanish when it exits.
	 */
	can_mount = geteuid() == 0 && unshare(CLONE_NEWNS) == 0 &&
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	nftw(top, S_rm, 16, FTW_DEPTH | FTW_PHYS);
	return rc;
}
