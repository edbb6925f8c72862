// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Fuzz harness for the spevirt tool's host-file parser (tools/hostfile.c,
 * jansson underneath).
 *
 * Input: the bytes of a host file.  The harness abort()s, naming the
 * invariant on stderr, unless:
 *  - a failing parse leaves one message of printable ASCII, without a
 *    newline, that starts with the file's name and ends within struct
 *    parse_error, and the hosts array is not overrun;
 *  - a successful parse adds 1 to HOSTS_MAX hosts, each with a name that
 *    is NUL-terminated within its buffer, and every host goes through
 *    spevirt_view_compute() and spevirt_best_offer(), which give a reason
 *    exactly when they refuse;
 *  - the hosts a pool of them gives, when it succeeds, each present the
 *    pool's values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spevirt/spevirt.h>

#include "../tools/hostfile.h"
#include "fuzz.h"

#define HOSTS_MAX	SPEVIRT_MAX_POOL
#define LABEL		"fuzz.json"

static _Noreturn void violated(const char *invariant)
{
	fprintf(stderr, "fuzz_hostfile: invariant violated: %s\n", invariant);
	abort();
}

#define CHECK(cond, invariant)		\
	do {				\
		if (!(cond))		\
			violated(invariant); \
	} while (0)

static void check_message(const struct parse_error *err)
{
	const char *end = memchr(err->msg, '\0', sizeof(err->msg));
	size_t len, i;

	CHECK(end != NULL, "the message ends within struct parse_error");
	len = (size_t)(end - err->msg);
	CHECK(!strncmp(err->msg, "'" LABEL "': ", strlen(LABEL) + 4),
	      "the message starts with the file's name");
	for (i = 0; i < len; i++)
		CHECK(err->msg[i] >= ' ' && err->msg[i] <= '~',
		      "the message is one line of printable ASCII");
}

static void check_host(const struct named_host *h)
{
	struct spevirt_config cfg = { .pmsver = SPEVIRT_PMSVER_IMP };
	struct spevirt_view view;
	enum spevirt_status st;

	CHECK(memchr(h->name, '\0', sizeof(h->name)) != NULL, "a host's name is NUL-terminated");
	st = spevirt_view_compute(&h->host, &cfg, &view);
	CHECK((st == SPEVIRT_OK) == (view.reason == NULL), "a reason exactly on refusal");
	cfg.pmsver = SPEVIRT_PMSVER_NI;
	st = spevirt_best_offer(&h->host, &cfg, &view);
	CHECK((st == SPEVIRT_OK) == (view.reason == NULL), "a best offer's reason on refusal");
}

static void check_pool(const struct named_host *hosts, unsigned int n)
{
	struct spevirt_host h[HOSTS_MAX];
	struct spevirt_view views[HOSTS_MAX];
	struct spevirt_config cfg = { 0 };
	struct spevirt_pool pool;
	unsigned int i;

	for (i = 0; i < n; i++)
		h[i] = hosts[i].host;
	if (spevirt_pool_best_offer(h, n, &cfg, &pool, views) != SPEVIRT_OK)
		return;
	for (i = 0; i < n; i++)
		CHECK(views[i].pmsidr_el1 == pool.pmsidr_el1 &&
		      views[i].pmbidr_el1 == pool.pmbidr_el1,
		      "every host of a pool presents the pool's values");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct named_host hosts[HOSTS_MAX];
	struct parse_error err;
	unsigned int n = 0, i;

	err.msg[0] = '\0';
	if (!hostfile_parse(LABEL, (const char *)data, size, hosts, HOSTS_MAX, &n, &err)) {
		CHECK(n <= HOSTS_MAX, "a failed parse stays within the hosts array");
		check_message(&err);
		return 0;
	}
	CHECK(n >= 1 && n <= HOSTS_MAX, "a parse gives 1 to HOSTS_MAX hosts");
	for (i = 0; i < n; i++)
		check_host(&hosts[i]);
	check_pool(hosts, n);
	return 0;
}
