// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The best offer: the highest guest SPE level a host gives, found by
 * asking spevirt_view_compute() for each level from the caller's bound
 * down, with the reason each level was refused.
 */
#include "spevirt_internal.h"

/* What makes every level fail whatever the host: checked before any is tried. */
static enum spevirt_status offer_config_check(const struct spevirt_config *cfg,
					      const char **reason)
{
	struct spevirt_config levels_free = *cfg;
	uint16_t field;

	/* pmsver and spe_nvm are outputs here (pmsver also a bound): not checked. */
	levels_free.pmsver = SPEVIRT_PMSVER_NI;
	levels_free.spe_nvm = 0;
	*reason = spevirt_config_invalid_(&levels_free);
	if (*reason)
		return SPEVIRT_E_INVAL;
	if (spevirt_maxbuf_encode(cfg->max_buffer_size, &field) != SPEVIRT_OK)
		*reason = SPV_WHY(BUFSIZE_NOT_EXACT, SPV_BUFSIZE_NOT_EXACT);
	if (!*reason && (cfg->flags & SPEVIRT_CFG_PINNED_MEMORY) && cfg->max_buffer_size)
		*reason = SPV_WHY(BUFSIZE_PINNED_LIMIT,
				  "SPEVIRT_CFG_PINNED_MEMORY leaves the buffer registers untrapped, so no buffer limit can be enforced: spevirt_config.max_buffer_size must be 0");
	return *reason ? SPEVIRT_E_BUFSIZE : SPEVIRT_OK;
}

static void record(struct spevirt_offer_report *report, const struct spevirt_config *cfg,
		   enum spevirt_status status, const struct spevirt_view *view)
{
	struct spevirt_attempt *a;

	if (!report || report->nr_attempts >= SPEVIRT_MAX_ATTEMPTS)
		return;
	a = &report->attempts[report->nr_attempts++];
	a->pmsver = cfg->pmsver;
	a->spe_nvm = cfg->spe_nvm;
	a->status = status;
	a->reason = view->reason;
}

/* The highest level the caller allows: cfg.pmsver from IMP to V1P5; no bound otherwise. */
static unsigned int offer_ceiling(const struct spevirt_config *cfg)
{
	if (cfg->pmsver == SPEVIRT_PMSVER_NI || cfg->pmsver > SPEVIRT_PMSVER_V1P5)
		return SPEVIRT_PMSVER_V1P5;
	return cfg->pmsver;
}

static enum spevirt_status best_offer(const struct spevirt_host *host, struct spevirt_config *cfg,
				      struct spevirt_view *view,
				      struct spevirt_offer_report *report)
{
	enum spevirt_status status;
	const char *reason;
	unsigned int v, nvm;

	if (report)
		*report = (struct spevirt_offer_report){ 0 };
	if (!cfg || !view)
		return spevirt_view_compute(host, cfg, view);
	/* @cfg is written below: it must not overlap @view either. */
	reason = spevirt_view_overlap_(host, cfg, view);
	status = reason ? SPEVIRT_E_INVAL : offer_config_check(cfg, &reason);
	if (status != SPEVIRT_OK) {
		cfg->pmsver = SPEVIRT_PMSVER_NI;
		cfg->spe_nvm = 0;
		/* spevirt_fail_closed_() fills the rest of the view. */
		view->reason = reason;
		return status;
	}
	for (v = offer_ceiling(cfg); v >= SPEVIRT_PMSVER_IMP; v--)
		for (nvm = 2; nvm > 0; nvm--) {
			cfg->pmsver = v;
			cfg->spe_nvm = nvm - 1;
			status = spevirt_view_compute(host, cfg, view);
			record(report, cfg, status, view);
			if (status == SPEVIRT_OK)
				return SPEVIRT_OK;
		}
	cfg->pmsver = SPEVIRT_PMSVER_NI;
	cfg->spe_nvm = 0;
	return spevirt_view_compute(host, cfg, view);
}

enum spevirt_status spevirt_best_offer_report(const struct spevirt_host *host,
					      struct spevirt_config *cfg,
					      struct spevirt_view *view,
					      struct spevirt_offer_report *report)
{
	enum spevirt_status status = best_offer(host, cfg, view, report);

	if (status != SPEVIRT_OK)
		return spevirt_fail_closed_(host, view, status);
	return SPEVIRT_OK;
}

enum spevirt_status spevirt_best_offer(const struct spevirt_host *host,
				       struct spevirt_config *cfg, struct spevirt_view *view)
{
	return spevirt_best_offer_report(host, cfg, view, NULL);
}
