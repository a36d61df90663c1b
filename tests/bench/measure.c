/*
 * measure.c: time commands by wait4(), so no other tool is needed.
 *
 *   measure [-t COLSxROWS] RUNS CMD [ARG]...
 *     RUNS runs of one command: its medians.
 *     -> "wall_ms=1.234 cpu_ms=1.100 user_ms=.. sys_ms=.. maxrss_kb=5120 minflt=812"
 *
 *   measure -i ROUNDS CMD_A [ARG]... -- CMD_B [ARG]... [-- CMD_C ...]
 *     Interleaved: one untimed warm-up round, then ROUNDS rounds of A, B,
 *     C..., so a change in the machine's load falls on all of them alike.
 *     For each command its medians (a_wall_ms=, b_cpu_ms=, ...), and for
 *     each command after the first its ratio to A round by round: the
 *     median and the spread (min and max over the rounds), in wall and
 *     CPU time:  b_wall_ratio=1.41 b_wall_ratio_min=1.30
 *     b_wall_ratio_max=1.52 b_cpu_ratio=...
 *
 * With -t the command runs on a pseudo-terminal of that size (for timing
 * the interactive program's start-up); its output is read and dropped.
 * Otherwise its output goes to /dev/null. A command that exits with more
 * than 1 stops the measuring (exit 1).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_CMDS 8

struct sample {
	double wall, cpu, user, sys, rss, minflt;
};

static int
S_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
S_median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, S_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
S_ms(struct timeval tv)
{
	return (double)tv.tv_sec * 1e3 + (double)tv.tv_usec / 1e3;
}

/* Run argv once; 0 and *out, or -1 (the command failed). */
static int
S_run(char **argv, const struct winsize *ws, struct sample *out)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status;
	pid_t pid;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (ws != NULL) {
		int master;

		pid = forkpty(&master, NULL, NULL, ws);
		if (pid == 0) {
			execvp(argv[0], argv);
			_exit(127);
		}
		if (pid > 0) {
			char drain[65536];
			struct pollfd pfd = { .fd = master, .events = POLLIN };

			/* Read until the child closes the terminal. */
			while (poll(&pfd, 1, 10000) > 0 &&
			    read(master, drain, sizeof drain) > 0)
				;
			close(master);
		}
	} else if ((pid = fork()) == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		dup2(null, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
		perror("measure");
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
		fprintf(stderr, "measure: %s exited with %d\n", argv[0],
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return -1;
	}
	out->wall = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	out->user = S_ms(ru.ru_utime);
	out->sys = S_ms(ru.ru_stime);
	out->cpu = out->user + out->sys;
	out->rss = (double)ru.ru_maxrss;
	out->minflt = (double)ru.ru_minflt;
	return 0;
}

/* The median of one field (at byte offset off) over n samples. */
static double
S_med(const struct sample *s, int n, size_t off, double *scratch)
{
	for (int i = 0; i < n; i++)
		memcpy(&scratch[i], (const char *)&s[i] + off, sizeof(double));
	return S_median(scratch, n);
}

static void
S_print_medians(const char *p, const struct sample *s, int n, double *scratch)
{
	printf("%swall_ms=%.3f ", p, S_med(s, n, offsetof(struct sample, wall), scratch));
	printf("%scpu_ms=%.3f ", p, S_med(s, n, offsetof(struct sample, cpu), scratch));
	printf("%suser_ms=%.3f ", p, S_med(s, n, offsetof(struct sample, user), scratch));
	printf("%ssys_ms=%.3f ", p, S_med(s, n, offsetof(struct sample, sys), scratch));
	printf("%smaxrss_kb=%.0f ", p, S_med(s, n, offsetof(struct sample, rss), scratch));
	printf("%sminflt=%.0f", p, S_med(s, n, offsetof(struct sample, minflt), scratch));
}

static int
S_single(int argc, char **argv)
{
	struct winsize ws = { 0 };
	int tty = 0, runs;
	struct sample *s;
	double *scratch;

	if (argc > 2 && strcmp(argv[1], "-t") == 0) {
		unsigned c, r;

		if (sscanf(argv[2], "%ux%u", &c, &r) != 2) {
			fprintf(stderr, "measure: -t takes COLSxROWS\n");
			return 64;
		}
		ws.ws_col = (unsigned short)c;
		ws.ws_row = (unsigned short)r;
		tty = 1;
		argc -= 2;
		argv += 2;
	}
	if (argc < 3 || (runs = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: measure [-t COLSxROWS] RUNS CMD [ARG]...\n");
		return 64;
	}
	s = calloc((size_t)runs, sizeof *s);
	scratch = calloc((size_t)runs, sizeof *scratch);
	for (int i = 0; i < runs; i++)
		if (S_run(argv + 2, tty ? &ws : NULL, &s[i]) != 0)
			return 1;
	S_print_medians("", s, runs, scratch);
	printf("\n");
	free(s);
	free(scratch);
	return 0;
}

static int
S_interleaved(int argc, char **argv)
{
	char **cmd[MAX_CMDS];
	struct sample *s[MAX_CMDS];
	double *scratch, *lo;
	int rounds, n = 0;

	if (argc < 5 || (rounds = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: measure -i ROUNDS CMD_A... -- CMD_B...\n");
		return 64;
	}
	/* Split the rest at "--" into commands. */
	cmd[n++] = argv + 3;
	for (int i = 3; i < argc; i++) {
		if (strcmp(argv[i], "--") != 0)
			continue;
		argv[i] = NULL;
		if (n == MAX_CMDS || i + 1 >= argc) {
			fprintf(stderr, "measure: 2 to %d commands\n", MAX_CMDS);
			return 64;
		}
		cmd[n++] = argv + i + 1;
	}
	if (n < 2) {
		fprintf(stderr, "measure: -i needs two commands or more\n");
		return 64;
	}
	for (int k = 0; k < n; k++)
		s[k] = calloc((size_t)rounds, sizeof *s[k]);
	scratch = calloc((size_t)rounds, sizeof *scratch);
	lo = calloc((size_t)rounds, sizeof *lo);
	for (int r = -1; r < rounds; r++) {
		for (int k = 0; k < n; k++) {
			struct sample x;

			if (S_run(cmd[k], NULL, &x) != 0)
				return 1;
			if (r >= 0)	/* round -1 warms the caches up */
				s[k][r] = x;
		}
	}
	for (int k = 0; k < n; k++) {
		char prefix[4] = { (char)('a' + k), '_', '\0' };

		S_print_medians(prefix, s[k], rounds, scratch);
		printf(" ");
	}
	for (int k = 1; k < n; k++) {
		char p = (char)('a' + k);

		for (int r = 0; r < rounds; r++)
			scratch[r] = s[k][r].wall / s[0][r].wall;
		qsort(scratch, (size_t)rounds, sizeof *scratch, S_cmp);
		printf("%c_wall_ratio=%.3f %c_wall_ratio_min=%.3f %c_wall_ratio_max=%.3f ",
		    p, S_median(scratch, rounds), p, scratch[0], p, scratch[rounds - 1]);
		for (int r = 0; r < rounds; r++)
			lo[r] = s[0][r].cpu > 0 ? s[k][r].cpu / s[0][r].cpu : 0;
		qsort(lo, (size_t)rounds, sizeof *lo, S_cmp);
		printf("%c_cpu_ratio=%.3f %c_cpu_ratio_min=%.3f %c_cpu_ratio_max=%.3f ",
		    p, S_median(lo, rounds), p, lo[0], p, lo[rounds - 1]);
	}
	printf("rounds=%d\n", rounds);
	for (int k = 0; k < n; k++)
		free(s[k]);
	free(scratch);
	free(lo);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "-i") == 0)
		return S_interleaved(argc, argv);
	return S_single(argc, argv);
}
