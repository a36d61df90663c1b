/*
 * gen_library.c: a synthetic library of prompt packs for the benchmark,
 * made the same every time (a fixed-seed generator), so it need not be
 * committed.
 *
 *   gen_library DIR SCALE
 * writes 100*SCALE files of 100 prompts each (about 5 MB and 10,000
 * prompts at SCALE 1) into DIR, which must exist.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state = 0x9e3779b97f4a7c15u;

static uint32_t
S_rand(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (uint32_t)(state >> 11);
}

static const char *const words[] = {
	"you", "friend", "game", "photo", "chat", "tablet", "phone", "share",
	"message", "video", "kind", "online", "grown-up", "tell", "safe", "play",
	"school", "group", "picture", "time", "bedtime", "room", "ask", "help",
	"people", "know", "real", "life", "screen", "app", "rating", "control",
	"worried", "scared", "happy", "together", "family", "talk", "listen",
	"private", "password", "name", "home", "send", "unsend", "forward",
};

static void
S_sentence(FILE *f, int n)
{
	for (int i = 0; i < n; i++) {
		const char *w = words[S_rand() % (sizeof words / sizeof words[0])];

		fprintf(f, "%s%s", i ? " " : "", w);
	}
}

int
main(int argc, char **argv)
{
	static const char *const bands[] = { "4-7", "8-10", "11-13", "14-17" };
	static const char *const topics[] = { "people", "places", "ratings",
	    "photos", "unsend", "kindness", "worried", "controls" };
	int scale;

	if (argc != 3 || (scale = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: gen_library DIR SCALE\n");
		return 64;
	}
	for (int file = 0; file < 100 * scale; file++) {
		char path[4096];
		FILE *f;

		snprintf(path, sizeof path, "%s/pack-%05d.yaml", argv[1], file);
		if ((f = fopen(path, "w")) == NULL) {
			perror(path);
			return 73;
		}
		fprintf(f, "pack:\n  id: bench-%05d\n  title: Benchmark pack %d\n"
		    "  language: en-GB\n  version: 1\nprompts:\n", file, file);
		for (int p = 0; p < 100; p++) {
			fprintf(f, "  - id: bench-%05d-%03d\n", file, p);
			fprintf(f, "    bands: [%s]\n", bands[S_rand() % 4]);
			fprintf(f, "    topic: %s\n", topics[S_rand() % 8]);
			fprintf(f, "    question: ");
			S_sentence(f, 10 + (int)(S_rand() % 8));
			fprintf(f, "?\n    tip: >\n      ");
			S_sentence(f, 14);
			fprintf(f, "\n      ");
			S_sentence(f, 14 + (int)(S_rand() % 10));
			fprintf(f, ".\n    follow-ups:\n");
			for (int k = 0; k < 2; k++) {
				fprintf(f, "      - ");
				S_sentence(f, 8);
				fprintf(f, "?\n");
			}
			if (S_rand() % 4 == 0)
				fprintf(f, "    scenario: true\n");
			fprintf(f, "    advice: [%u]\n", 1 + S_rand() % 7);
		}
		if (fclose(f) != 0) {
			perror(path);
			return 74;
		}
	}
	return 0;
}
