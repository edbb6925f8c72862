// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/* Proof drivers: the guest view, presented values and the best offer. */
#include "fv.h"
#include "props.h"

/*
 * Each function gets every host and configuration, then a NULL in each
 * pointer in turn: the NULL cases are separate calls, so that EVA keeps
 * their states apart.
 */
void fv_view_compute(void)
{
	struct spevirt_host host;
	struct spevirt_config cfg;
	struct spevirt_view view;
	enum spevirt_status st;

	FV_ANY(host);
	FV_ANY(cfg);
	st = spevirt_view_compute(&host, &cfg, &view);
	fv_check_view(st, &view);
	st = spevirt_view_compute(NULL, &cfg, &view);
	fv_check_null(st, &view);
	st = spevirt_view_compute(&host, NULL, &view);
	fv_check_null(st, &view);
	st = spevirt_view_compute(&host, &cfg, NULL);
	//@ assert c_null_view_inval: st == SPEVIRT_E_INVAL;
}

void fv_view_present(void)
{
	struct spevirt_host host;
	struct spevirt_config cfg;
	struct spevirt_view view;
	enum spevirt_status st;

	FV_ANY(host);
	FV_ANY(cfg);
	st = spevirt_view_present(&host, &cfg, fv_u64(), fv_u64(), &view);
	fv_check_view(st, &view);
	st = spevirt_view_present(NULL, &cfg, fv_u64(), fv_u64(), &view);
	fv_check_null(st, &view);
	st = spevirt_view_present(&host, NULL, fv_u64(), fv_u64(), &view);
	fv_check_null(st, &view);
	st = spevirt_view_present(&host, &cfg, fv_u64(), fv_u64(), NULL);
	//@ assert c_null_view_inval: st == SPEVIRT_E_INVAL;
}

void fv_best_offer(void)
{
	struct spevirt_host host;
	struct spevirt_config cfg;
	struct spevirt_view view;
	enum spevirt_status st;

	FV_ANY(host);
	FV_ANY(cfg);
	st = spevirt_best_offer(&host, &cfg, &view);
	fv_check_view(st, &view);
	FV_ANY(cfg);
	st = spevirt_best_offer(NULL, &cfg, &view);
	fv_check_view(st, &view);
	st = spevirt_best_offer(&host, NULL, &view);
	fv_check_null(st, &view);
	st = spevirt_best_offer(&host, &cfg, NULL);
	//@ assert c_null_view_inval: st == SPEVIRT_E_INVAL;
}

void fv_best_offer_report(void)
{
	struct spevirt_host host;
	struct spevirt_config cfg;
	struct spevirt_view view;
	struct spevirt_offer_report report;
	enum spevirt_status st;

	FV_ANY(host);
	FV_ANY(cfg);
	st = spevirt_best_offer_report(&host, &cfg, &view, &report);
	fv_check_view(st, &view);
	//@ assert offer_report_bounded: report.nr_attempts <= SPEVIRT_MAX_ATTEMPTS;
}
