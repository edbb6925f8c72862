// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/* Proof drivers: pools of hosts and the migration check. */
#include "fv.h"
#include "props.h"

/* Every pool size a caller can pass, over arrays as large as a pool may be. */
void fv_pool_compute(void)
{
	struct spevirt_host hosts[SPEVIRT_MAX_POOL];
	struct spevirt_view views[SPEVIRT_MAX_POOL];
	struct spevirt_config cfg;
	struct spevirt_pool pool;
	enum spevirt_status st;

	FV_ANY(hosts);
	FV_ANY(views);
	FV_ANY(cfg);
	st = spevirt_pool_compute(hosts, Frama_C_unsigned_int_interval(0, SPEVIRT_MAX_POOL), &cfg,
				  &pool, views);
	//@ assert pool_host_index: pool.host < SPEVIRT_MAX_POOL;
	if (st == SPEVIRT_OK) {
		//@ assert pool_ok_no_reason: pool.reason == \null;
	}
	st = spevirt_pool_compute(hosts, Frama_C_unsigned_int_interval(SPEVIRT_MAX_POOL + 1, ~0U),
				  &cfg, &pool, views);
	//@ assert pool_size_inval: st == SPEVIRT_E_INVAL;
	st = spevirt_pool_compute(NULL, 1, &cfg, &pool, views);
	//@ assert pool_null_inval: st == SPEVIRT_E_INVAL;
	st = spevirt_pool_compute(hosts, 1, NULL, &pool, views);
	//@ assert pool_null_inval: st == SPEVIRT_E_INVAL;
	st = spevirt_pool_compute(hosts, 1, &cfg, NULL, views);
	//@ assert pool_null_inval: st == SPEVIRT_E_INVAL;
	st = spevirt_pool_compute(hosts, 1, &cfg, &pool, NULL);
	//@ assert pool_null_inval: st == SPEVIRT_E_INVAL;
}

void fv_pool_best_offer(void)
{
	struct spevirt_host hosts[SPEVIRT_MAX_POOL];
	struct spevirt_view views[SPEVIRT_MAX_POOL];
	struct spevirt_config cfg;
	struct spevirt_pool pool;
	enum spevirt_status st;

	FV_ANY(hosts);
	FV_ANY(views);
	FV_ANY(cfg);
	st = spevirt_pool_best_offer(hosts, Frama_C_unsigned_int_interval(0, SPEVIRT_MAX_POOL), &cfg,
				     &pool, views);
	//@ assert pool_host_index: pool.host < SPEVIRT_MAX_POOL;
	st = spevirt_pool_best_offer(hosts, Frama_C_unsigned_int_interval(SPEVIRT_MAX_POOL + 1, ~0U),
				     &cfg, &pool, views);
	//@ assert pool_size_inval: st == SPEVIRT_E_INVAL;
	st = spevirt_pool_best_offer(hosts, 1, NULL, &pool, views);
	//@ assert pool_null_inval: st == SPEVIRT_E_INVAL;
	st = spevirt_pool_best_offer(hosts, 1, &cfg, NULL, views);
	//@ assert pool_null_inval: st == SPEVIRT_E_INVAL;
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
