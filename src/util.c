/*
 * util.c: allocation that dies on out-of-memory (so callers never check),
 * UTF-8 validation, and "did you mean" matching.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static void
S_oom(void)
{
	fputs("talkpact: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		S_oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		S_oom();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		S_oom();
	p = realloc(p, n * size != 0 ? n * size : 1);
	if (p == NULL)
		S_oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap, ap2;
	int n;
	char *p;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		S_oom();
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}

void *
xgrow(void *items, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return items;
	*cap = *cap ? *cap * 2 : 8;
	if (*cap <= n)
		*cap = n + 1;
	return xreallocarray(items, *cap, size);
}

size_t
utf8_decode(const char *s, size_t len, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n;
	int32_t c, min;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		n = 2; c = u[0] & 0x1f; min = 0x80;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		n = 3; c = u[0] & 0x0f; min = 0x800;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		n = 4; c = u[0] & 0x07; min = 0x10000;
	} else
		goto bad;
	if (n > len)
		goto bad;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = -1;
	return 1;
}

bool
utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		int32_t cp;

		/* Eight ASCII bytes at a time, none of them NUL. */
		while (len - i >= 8) {
			uint64_t w;

			memcpy(&w, p + i, 8);
			if ((w & 0x8080808080808080u) != 0 ||
			    ((w - 0x0101010101010101u) & ~w & 0x8080808080808080u) != 0)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if (p[i] < 0x80) {
			if (p[i] == 0)
				goto fail;
			i++;
			continue;
		}
		i += utf8_decode(s + i, len - i, &cp);
		if (cp < 0) {
			i--;
			goto fail;
		}
	}
	return true;
fail:
	if (bad != NULL)
		*bad = i;
	return false;
}

size_t
name_slug(const char *name, char *out, size_t size)
{
	/* Latin-1 letters, U+00C0..U+00FF, by their second UTF-8 byte. */
	static const char *const fold[64] = {
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
		"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "",
		"o", "u", "u", "u", "u", "y", "th", "ss",
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
		"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "",
		"o", "u", "u", "u", "u", "y", "th", "y"
	};
	size_t n = 0;

	if (size == 0)
		return 0;
	for (const char *p = name != NULL ? name : ""; *p != '\0'; p++) {
		unsigned char ch = (unsigned char)*p;

		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			if (n + 1 < size)
				out[n++] = (char)ch;
		} else if (ch >= 'A' && ch <= 'Z') {
			if (n + 1 < size)
				out[n++] = (char)(ch - 'A' + 'a');
		} else if ((ch == ' ' || ch == '-') && n > 0 && out[n - 1] != '-') {
			if (n + 1 < size)
				out[n++] = '-';
		} else if (ch == 0xc3 && (unsigned char)p[1] >= 0x80 &&
		    (unsigned char)p[1] <= 0xbf) {
			const char *q = fold[(unsigned char)p[1] - 0x80];

			if (n + strlen(q) < size)
				while (*q != '\0')
					out[n++] = *q++;
			p++;
		}
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	return n;
}

static bool
S_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f';
}

char *
text_trim(const char *s)
{
	const char *e;

	while (S_space(*s))
		s++;
	e = s + strlen(s);
	while (e > s && S_space(e[-1]))
		e--;
	return xstrndup(s, (size_t)(e - s));
}

bool
text_is_blank(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (!S_space(*s))
			return false;
	return true;
}

char *
join_words(const char *const *words, size_t n, const char *conj)
{
	size_t len = 1, at = 0;
	char *out;

	for (size_t i = 0; i < n; i++)
		len += strlen(words[i]) + strlen(conj) + 3;
	out = xmalloc(len);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			at += (size_t)snprintf(out + at, len - at, i + 1 == n ?
			    " %s " : ", ", conj);
		at += (size_t)snprintf(out + at, len - at, "%s", words[i]);
	}
	return out;
}

int
read_file(const char *path, size_t max, char **buf, size_t *len,
    struct stat *st)
{
	struct stat sb;
	char *p = NULL;
	size_t n = 0;
	int fd, saved = 0;

	if (st == NULL)
		st = &sb;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, st) != 0) {
		saved = errno;
		goto fail;
	}
	if (!S_ISREG(st->st_mode)) {
		saved = S_ISDIR(st->st_mode) ? EISDIR : ENODEV;
		goto fail;
	}
	if ((uintmax_t)st->st_size > max) {
		saved = EFBIG;
		goto fail;
	}
	/* Read to the end, whatever fstat said, but never past the cap. */
	p = xmalloc(max + 2);
	for (;;) {
		ssize_t got = read(fd, p + n, max + 1 - n);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			saved = errno;
			goto fail;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n > max) {
			st->st_size = (off_t)n;
			saved = EFBIG;
			goto fail;
		}
	}
	close(fd);
	p[n] = '\0';
	*buf = p;
	*len = n;
	return 0;
fail:
	free(p);
	close(fd);
	errno = saved;
	return -1;
}

const char *
file_type_name(unsigned mode)
{
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISFIFO(mode))
		return "a named pipe (FIFO)";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a regular file";
}

int
names_find(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

const char *
names_at(const char *const *names, size_t n, long i)
{
	return i >= 0 && (size_t)i < n ? names[i] : "?";
}

unsigned
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned row[65];

	if (la > 64 || lb > 64)
		return 16;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned diag = row[0];

		row[0] = (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned up = row[j], best;

			best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb] > 16 ? 16 : row[lb];
}

const char *
closest_word(const char *word, const char *const *cands, size_t n)
{
	const char *best = NULL;
	unsigned best_d = 16, limit;
	size_t len = strlen(word);

	/* Allow about one edit in three letters, and at least two. */
	limit = len / 3 > 2 ? (unsigned)(len / 3) : 2;
	for (size_t i = 0; i < n; i++) {
		unsigned d = edit_distance(word, cands[i]);

		if (d < best_d) {
			best_d = d;
			best = cands[i];
		}
	}
	return best_d <= limit ? best : NULL;
}
