// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/* Proof drivers: pools of hosts and the migration check. */
#include "fv.h"
#include "props.h"

/* A function that fills a pool and its views. */
typedef enum spevirt_status (*fv_pool_fn)(const struct spevirt_host *hosts, unsigned int nr_hosts,
					  struct spevirt_config *cfg, struct spevirt_pool *pool,
					  struct spevirt_view *views);

/*
 * Every pool size a caller can pass, over arrays as large as a pool may be;
 * then too many hosts, and a NULL in each pointer.  The views start as any
 * bytes: each is written by spevirt_view_compute() before its reason is
 * read, which EVA cannot follow through an index it merges.
 * @ok_no_reason: success leaves no reason (the best offer may give one).
 */
static void fv_pool_driver(fv_pool_fn fill, bool ok_no_reason)
{
	struct spevirt_host hosts[SPEVIRT_MAX_POOL];
	struct spevirt_view views[SPEVIRT_MAX_POOL];
	struct spevirt_config cfg;
	struct spevirt_pool pool;
	enum spevirt_status st;

	FV_ANY(hosts);
	FV_ANY(views);
	FV_ANY(cfg);
	st = fill(hosts, Frama_C_unsigned_int_interval(0, SPEVIRT_MAX_POOL), &cfg, &pool, views);
	//@ assert pool_host_index: pool.host < SPEVIRT_MAX_POOL;
	if (st == SPEVIRT_OK && ok_no_reason) {
		//@ assert pool_ok_no_reason: pool.reason == \null;
	}
	st = fill(hosts, Frama_C_unsigned_int_interval(SPEVIRT_MAX_POOL + 1, ~0U), &cfg, &pool, views);
	//@ assert pool_size_inval: st == SPEVIRT_E_INVAL;
	st = fill(NULL, 1, &cfg, &pool, views);
	//@ assert pool_null_inval: st == SPEVIRT_E_INVAL;
	st = fill(hosts, 1, NULL, &pool, views);
	//@ assert pool_null_inval: st == SPEVIRT_E_INVAL;
	st = fill(hosts, 1, &cfg, NULL, views);
	//@ assert pool_null_inval: st == SPEVIRT_E_INVAL;
	st = fill(hosts, 1, &cfg, &pool, NULL);
	//@ assert pool_null_inval: st == SPEVIRT_E_INVAL;
}

static enum spevirt_status fv_pool_compute_fn(const struct spevirt_host *hosts,
					      unsigned int nr_hosts, struct spevirt_config *cfg,
					      struct spevirt_pool *pool, struct spevirt_view *views)
{
	return spevirt_pool_compute(hosts, nr_hosts, cfg, pool, views);
}

void fv_pool_compute(void)
{
	fv_pool_driver(fv_pool_compute_fn, true);
}

void fv_pool_best_offer(void)
{
	fv_pool_driver(spevirt_pool_best_offer, false);
}

/* The source view is any view a caller holds, not only a computed one. */
void fv_migrate_check(void)
{
	struct spevirt_view source, dest_view;
	struct spevirt_config cfg;
	struct spevirt_host dest;
	struct spevirt_migration report;
	enum spevirt_status st;

	fv_any_view(&source);
	FV_ANY(cfg);
	FV_ANY(dest);
	st = spevirt_migrate_check(&source, &cfg, &dest, &dest_view, &report);
	//@ assert migrate_issues_bounded: report.nr_issues <= SPEVIRT_MAX_ISSUES;
	fv_check_view(st, &dest_view);
	st = spevirt_migrate_check(NULL, &cfg, &dest, &dest_view, &report);
	fv_check_null(st, &dest_view);
	st = spevirt_migrate_check(&source, NULL, &dest, &dest_view, &report);
	fv_check_null(st, &dest_view);
	st = spevirt_migrate_check(&source, &cfg, NULL, &dest_view, &report);
	fv_check_null(st, &dest_view);
	st = spevirt_migrate_check(&source, &cfg, &dest, NULL, &report);
	//@ assert migrate_null_inval: st == SPEVIRT_E_INVAL;
	st = spevirt_migrate_check(&source, &cfg, &dest, &dest_view, NULL);
	//@ assert migrate_null_inval: st == SPEVIRT_E_INVAL;
}
