/* hostile.c: see hostile.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hostile.h"

uint64_t
hostile_next(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

static const char *const pieces[] = {
	"# x", "## ", "<script>alert(1)</script>", "<b>", "</p>", "<!-- c -->",
	"[a](javascript:alert(1))", "[b]: http://evil.example", "<http://x.y>",
	"![i](x.png)", "```", "~~~", "```js", "    code", "\t", "---", "***",
	"___", "> ", "1. ", "2) ", "- ", "+ ", "* ", "\\", "\\\\", "`", "``",
	"*em*", "_u_", "**b**", "{{blank}}", "{{child}}", "{{", "}}", "&amp;",
	"&lt;", "&#x3c;", "<", ">", "&", "\"", "'", "|", "|---|", "=", "===",
	"[", "]", "(", ")", "!", "#", "%", "~", "^", ":", ": ", " #", "- [ ] ",
	"@", "$", "*", "_", "word", "Sam", "plain words", " ", "  ", "   ",
	"\xf0\x9f\x98\x80", "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9",
	"e\xcc\x81", "a\xcd\xa3\xcc\x8a", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",
	"\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", "\xe2\x80\xae", "\xe2\x80\x8f",
	"\xe4\xb8\xad\xe6\x96\x87", "\xef\xbb\xbf", "\xe2\x80\xa8",
	"\xc2\xa0", "null", "true", "- key: value", "? ", "&anchor", "*alias",
	"!!str", "%YAML", "...", "\"quoted\"", "'single'", "http://x.y/z",
	"www.example.com", "a@b.example", "0", "-1", "1.", "<div>", "</div>",
	"<span style=x>", "javascript:", "\\n", "\\t", "\\u0000",
};
#define N_PIECES (sizeof pieces / sizeof pieces[0])

char *
hostile_string(uint64_t *state, size_t maxpieces, bool oneline)
{
	size_t n = (size_t)(hostile_next(state) % (maxpieces + 1)), len = 0;
	char *out = malloc(n * 32 + 2);

	for (size_t i = 0; i < n; i++) {
		uint64_t r = hostile_next(state);
		const char *p;

		if (!oneline && r % 9 == 0)
			p = r % 2 ? "\n" : "\n\n";
		else
			p = pieces[(r >> 8) % N_PIECES];
		if (oneline && strcmp(p, "\t") == 0)
			p = " ";
		memcpy(out + len, p, strlen(p));
		len += strlen(p);
	}
	out[len] = '\0';
	return out;
}
