// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Replay driver: runs a fuzz harness's LLVMFuzzerTestOneInput() over files,
 * without libFuzzer, so the harnesses build with any compiler and their
 * corpora run in the normal test suite.
 *
 * Usage: fuzz-<harness>-replay PATH...
 * Each PATH is a file, or a directory whose regular files are all replayed
 * (not recursively, in readdir() order).  Exit status 0 when every input ran;
 * 1 when a PATH or a file in it cannot be read; 2 without a PATH.  A harness
 * that finds a violation abort()s.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* Read all of @path into a malloc()ed buffer; NULL, with errno set, on error. */
static uint8_t *read_file(const char *path, size_t *len)
{
	size_t cap = 4096, n = 0;
	uint8_t *buf = malloc(cap);
	FILE *f = fopen(path, "rb");
	uint8_t *bigger;
	int err;

	if (!buf || !f)
		goto fail;
	for (;;) {
		n += fread(buf + n, 1, cap - n, f);
		if (ferror(f))
			goto fail;
		if (n < cap)
			break;
		if (cap > SIZE_MAX / 2) {
			errno = EFBIG;
			goto fail;
		}
		bigger = realloc(buf, cap * 2);
		if (!bigger)
			goto fail;
		buf = bigger;
		cap *= 2;
	}
	fclose(f);
	*len = n;
	return buf;
fail:
	err = errno ? errno : EIO;
	if (f)
		fclose(f);
	free(buf);
	errno = err;
	return NULL;
}

static int replay_file(const char *path, unsigned long *count)
{
	size_t len;
	uint8_t *data;

	errno = 0;
	data = read_file(path, &len);
	if (!data) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	(*count)++;
	return 0;
}

static int replay_dir(const char *path, unsigned long *count)
{
	DIR *dir = opendir(path);
	struct dirent *de;
	int ret = 0;

	if (!dir) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	for (;;) {
		struct stat st;
		size_t plen;
		char *file;

		errno = 0;
		de = readdir(dir);
		if (!de) {
			if (errno) {
				fprintf(stderr, "%s: %s\n", path, strerror(errno));
				ret = -1;
			}
			break;
		}
		plen = strlen(path) + strlen(de->d_name) + 2;
		file = malloc(plen);
		if (!file) {
			fprintf(stderr, "%s: %s\n", path, strerror(ENOMEM));
			ret = -1;
			break;
		}
		snprintf(file, plen, "%s/%s", path, de->d_name);
		if (stat(file, &st)) {
			fprintf(stderr, "%s: %s\n", file, strerror(errno));
			ret = -1;
		} else if (S_ISREG(st.st_mode) && replay_file(file, count)) {
			ret = -1;
		}
		free(file);
	}
	closedir(dir);
	return ret;
}

int main(int argc, char **argv)
{
	unsigned long count = 0;
	int failed = 0;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st)) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			failed = 1;
		} else if (S_ISDIR(st.st_mode)) {
			if (replay_dir(argv[i], &count))
				failed = 1;
		} else if (replay_file(argv[i], &count)) {
			failed = 1;
		}
	}
	printf("replayed %lu inputs\n", count);
	return failed;
}
