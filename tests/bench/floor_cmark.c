/*
 * floor_cmark.c: the rendering floor. Parses a Markdown file with libcmark
 * and renders it to HTML, REPEAT times: talkpact's agreement rendering (tree
 * building plus HTML) is reported as a ratio of this.
 *
 *   floor_cmark FILE.md [REPEAT]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

int
main(int argc, char **argv)
{
	FILE *f;
	char *buf;
	long len;
	int repeat = argc > 2 ? atoi(argv[2]) : 1;
	size_t out = 0;

	if (argc < 2 || (f = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: floor_cmark FILE.md [REPEAT]\n");
		return 64;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)len + 1);
	if (buf == NULL || fread(buf, 1, (size_t)len, f) != (size_t)len)
		return 74;
	fclose(f);
	for (int i = 0; i < repeat; i++) {
		cmark_node *doc = cmark_parse_document(buf, (size_t)len,
		    CMARK_OPT_DEFAULT);
		char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT);

		out += strlen(html);
		free(html);
		cmark_node_free(doc);
	}
	free(buf);
	printf("%zu bytes of HTML\n", out);
	return 0;
}
