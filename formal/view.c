// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/* Proof drivers: the guest view, presented values and the best offer. */
#include "fv.h"
#include "props.h"

/* A function that fills a view from a host and a configuration. */
typedef enum spevirt_status (*fv_view_fn)(const struct spevirt_host *host,
					  struct spevirt_config *cfg, struct spevirt_view *view);

/*
 * Every host and configuration, then a NULL in each pointer in turn: the
 * NULL cases are separate calls, so that EVA keeps their states apart.
 * @null_host_inval: a NULL host is refused as SPEVIRT_E_INVAL (the best
 * offer checks the configuration first, so it may refuse it otherwise).
 */
static void fv_view_driver(fv_view_fn fill, bool null_host_inval)
{
	struct spevirt_host host;
	struct spevirt_config cfg;
	struct spevirt_view view;
	enum spevirt_status st;

	FV_ANY(host);
	FV_ANY(cfg);
	fv_check_view(fill(&host, &cfg, &view), &view);
	FV_ANY(cfg);	/* the best offer writes the level it chose */
	st = fill(NULL, &cfg, &view);
	if (null_host_inval)
		fv_check_null(st, &view);
	else
		fv_check_view(st, &view);
	fv_check_null(fill(&host, NULL, &view), &view);
	st = fill(&host, &cfg, NULL);
	//@ assert c_null_view_inval: st == SPEVIRT_E_INVAL;
}

static enum spevirt_status fv_compute(const struct spevirt_host *host, struct spevirt_config *cfg,
				      struct spevirt_view *view)
{
	return spevirt_view_compute(host, cfg, view);
}

/* Any values to present. */
static enum spevirt_status fv_present(const struct spevirt_host *host, struct spevirt_config *cfg,
				      struct spevirt_view *view)
{
	return spevirt_view_present(host, cfg, fv_u64(), fv_u64(), view);
}

void fv_view_compute(void)
{
	fv_view_driver(fv_compute, true);
}

void fv_view_present(void)
{
	fv_view_driver(fv_present, true);
}

void fv_best_offer(void)
{
	fv_view_driver(spevirt_best_offer, false);
}

void fv_best_offer_report(void)
{
	struct spevirt_host host;
	struct spevirt_config cfg;
	struct spevirt_view view;
	struct spevirt_offer_report report;

	FV_ANY(host);
	FV_ANY(cfg);
	fv_check_view(spevirt_best_offer_report(&host, &cfg, &view, &report), &view);
	//@ assert offer_report_bounded: report.nr_attempts <= SPEVIRT_MAX_ATTEMPTS;
}
