/*
 * fingerprint.c: canonical Markdown, SHA-256 and the per-section checks
 * (see fingerprint.h for the definitions). Owns nothing but arithmetic on
 * text: never prints, exits, reads files or includes cmark.
 */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "fingerprint.h"
#include "util.h"

char *
fingerprint_canonical(const char *text, size_t len)
{
	char *out = xmalloc(len + 2);
	size_t o = 0, i = 0, blank_run = 0;
	bool any = false;

	bool has_cr;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	has_cr = memchr(text, '\r', len) != NULL;
	while (i < len) {
		size_t start = i, end;

		if (!has_cr) {
			const char *nl = memchr(text + i, '\n', len - i);

			i = nl != NULL ? (size_t)(nl - text) : len;
		} else {
			while (i < len && text[i] != '\n' && text[i] != '\r')
				i++;
		}
		end = i;
		if (i < len && text[i] == '\r') {
			i++;
			if (i < len && text[i] == '\n')
				i++;
		} else if (i < len)
			i++;
		while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
			end--;
		if (end == start) {
			blank_run++;
			continue;
		}
		if (any && blank_run > 0)
			out[o++] = '\n';
		blank_run = 0;
		memcpy(out + o, text + start, end - start);
		o += end - start;
		out[o++] = '\n';
		any = true;
	}
	out[o] = '\0';
	return out;
}

static void
S_hex(const uint8_t d[SHA256_DIGEST_SIZE], char out[FINGERPRINT_HEX + 1])
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[FINGERPRINT_HEX] = '\0';
}

void
fingerprint_sha256_hex(const void *data, size_t len, char out[FINGERPRINT_HEX + 1])
{
	uint8_t d[SHA256_DIGEST_SIZE];
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof d, d);
	S_hex(d, out);
}

void
fingerprint_agreement(const char *body, size_t body_len, const char *signed_,
    size_t signed_len, char out[FINGERPRINT_HEX + 1],
    struct fingerprint_sections *secs, char sig_hex[FINGERPRINT_HEX + 1])
{
	struct fingerprint_sections local, *sp = secs != NULL ? secs : &local;
	char *b = fingerprint_canonical(signed_, signed_len);
	char sh[FINGERPRINT_HEX + 1];
	uint8_t d[SHA256_DIGEST_SIZE];
	struct sha256_ctx ctx;

	/*
	 * Every byte is hashed once, in its section; the fingerprint is the
	 * hash of the list of those hashes.
	 */
	fingerprint_sections(body, body_len, sp);
	fingerprint_sha256_hex(b, strlen(b), sh);
	sha256_init(&ctx);
	for (size_t i = 0; i < sp->n; i++) {
		sha256_update(&ctx, FINGERPRINT_HEX, (const uint8_t *)sp->items[i].hex);
		sha256_update(&ctx, 1, (const uint8_t *)"\n");
	}
	sha256_update(&ctx, FINGERPRINT_HEX, (const uint8_t *)sh);
	sha256_update(&ctx, 1, (const uint8_t *)"\n");
	sha256_digest(&ctx, sizeof d, d);
	S_hex(d, out);
	if (sig_hex != NULL)
		memcpy(sig_hex, sh, FINGERPRINT_HEX + 1);
	if (secs == NULL)
		fingerprint_sections_cleanup(&local);
	free(b);
}

char *
fingerprint_groups(const char *hex, size_t ndigits)
{
	size_t n = strlen(hex) < ndigits ? strlen(hex) : ndigits, o = 0;
	char *out = xmalloc(n + n / 4 + 1);

	for (size_t i = 0; i < n; i++) {
		if (i > 0 && i % 4 == 0)
			out[o++] = ' ';
		out[o++] = hex[i];
	}
	out[o] = '\0';
	return out;
}

static void
S_add(struct fingerprint_sections *s, const char *heading, size_t hlen,
    const char *body, size_t blen)
{
	struct fingerprint_section *x;

	s->items = xgrow(s->items, &s->cap, s->n, sizeof *s->items);
	x = &s->items[s->n++];
	x->heading = xstrndup(heading, hlen);
	fingerprint_sha256_hex(body, blen, x->hex);
}

void
fingerprint_sections(const char *md, size_t len,
    struct fingerprint_sections *out)
{
	char *c = fingerprint_canonical(md, len);
	const char *p = c, *start = c, *head = "";
	size_t hlen = 0;

	out->items = NULL;
	out->n = out->cap = 0;
	for (;;) {
		const char *nl = strchr(p, '\n');

		if (*p == '\0' || strncmp(p, "## ", 3) == 0) {
			if (p > start || start != c)
				S_add(out, head, hlen, start, (size_t)(p - start));
			if (*p == '\0')
				break;
			start = p;
			head = p + 3;
			hlen = (size_t)(nl - head);
		}
		p = nl + 1;
	}
	free(c);
}

void
fingerprint_sections_cleanup(struct fingerprint_sections *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->items[i].heading);
	free(s->items);
	s->items = NULL;
	s->n = s->cap = 0;
}

size_t
fingerprint_parse_hex(const char *text, char *out, size_t max)
{
	size_t n = 0;

	for (const char *p = text; *p != '\0'; p++) {
		if (*p == ' ')
			continue;
		if (!isxdigit((unsigned char)*p) || n >= max) {
			out[0] = '\0';
			return 0;
		}
		out[n++] = (char)tolower((unsigned char)*p);
	}
	out[n] = '\0';
	return n;
}

size_t
fingerprint_parse_paper(const char *text, char out[FINGERPRINT_HEX + 1])
{
	size_t n = 0;

	for (const char *p = text; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t')
			continue;
		if (!isxdigit((unsigned char)*p) || n >= FINGERPRINT_HEX) {
			out[0] = '\0';
			return 0;
		}
		out[n++] = (char)tolower((unsigned char)*p);
	}
	out[n] = '\0';
	if (n < FINGERPRINT_SHOWN) {
		out[0] = '\0';
		return 0;
	}
	return n;
}

bool
fingerprint_matches(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la < FINGERPRINT_SHOWN || lb < FINGERPRINT_SHOWN)
		return false;
	return strncmp(a, b, la < lb ? la : lb) == 0;
}
