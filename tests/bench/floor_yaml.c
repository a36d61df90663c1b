/*
 * floor_yaml.c: the loading floor. Reads each file named and runs only
 * libyaml's event parser over its bytes: talkpact's loader cannot be faster
 * than this, so the benchmark reports talkpact's time as a ratio of it.
 */
#include <stdio.h>
#include <stdlib.h>

#include <yaml.h>

static long
S_parse(const unsigned char *buf, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	long events = 0;
	int done = 0;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, buf, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			events = -1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		events++;
	}
	yaml_parser_delete(&parser);
	return events;
}

int
main(int argc, char **argv)
{
	long total = 0;

	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		unsigned char *buf;
		long len, n;

		if (f == NULL) {
			perror(argv[i]);
			return 66;
		}
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		fseek(f, 0, SEEK_SET);
		buf = malloc((size_t)len + 1);
		if (buf == NULL || fread(buf, 1, (size_t)len, f) != (size_t)len)
			return 74;
		fclose(f);
		n = S_parse(buf, (size_t)len);
		free(buf);
		if (n < 0) {
			fprintf(stderr, "%s: not YAML\n", argv[i]);
			return 65;
		}
		total += n;
	}
	printf("%ld events\n", total);
	return 0;
}
