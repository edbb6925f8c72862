// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The leak catalogue: what a guest can observe although its view hides it.
 * docs/policy.md has, for each leak, what the guest sees, why it cannot be
 * hidden and what would hide it.
 */
#include "spevirt_internal.h"

/* PMSIDR_EL1 features whose packets the hardware emits whatever the ID says. */
#define PMSIDR_PACKET_FEATURES \
	(SPEVIRT_PMSIDR_EL1_PBT | SPEVIRT_PMSIDR_EL1_CRR | SPEVIRT_PMSIDR_EL1_SME)

static const char *const leak_reasons[SPEVIRT_LEAK_COUNT] = {
	"SPEVIRT_LEAK_RECORD_FORMAT: the guest PMSVer is below the host's and records carry "
	"the host version's packets",
	"SPEVIRT_LEAK_RECORD_FEATURES: PMSIDR_EL1 hides PBT, CRR or SME but the hardware "
	"still emits their packets",
	"SPEVIRT_LEAK_FILTER_BITS: PMSEVFR_EL1 or PMSFCR_EL1 bits of features the guest "
	"lacks stay writable",
	"SPEVIRT_LEAK_PMSCR_EXC: the host has FEAT_SPE_EXC, so PMSCR_EL1.KE and EE stay "
	"writable",
	"SPEVIRT_LEAK_PMBIDR_READ: without FEAT_FGT nothing traps PMBIDR_EL1, which shows "
	"the guest the host's value",
	"SPEVIRT_LEAK_PMCR_FZS: the host has FEAT_SPEv1p2, so PMCR_EL0.FZS exists for a guest "
	"below V1P2",
	"SPEVIRT_LEAK_UNADVERTISED_LIMIT: PMBIDR_EL1.MaxBuffSize does not show the enforced "
	"buffer limit",
};

static uint64_t spe_guest_leaks(const struct spevirt_host *host,
				const struct spevirt_hostcaps *caps,
				const struct spevirt_config *cfg, const struct spevirt_view *view)
{
	uint64_t hidden = host->pmsidr_el1 & ~view->pmsidr_el1;
	uint64_t leaks = 0;

	if (cfg->pmsver < caps->pmsver)
		leaks |= SPEVIRT_LEAK_RECORD_FORMAT | SPEVIRT_LEAK_FILTER_BITS;
	if (hidden & PMSIDR_PACKET_FEATURES)
		leaks |= SPEVIRT_LEAK_RECORD_FEATURES;
	if (hidden & (SPEVIRT_PMSIDR_EL1_FNE | SPEVIRT_PMSIDR_EL1_FDS))
		leaks |= SPEVIRT_LEAK_FILTER_BITS;
	if (caps->feats & FEAT_SPEv1p5)
		leaks |= SPEVIRT_LEAK_PMSCR_EXC;
	if (!view->limit_advertised)
		leaks |= SPEVIRT_LEAK_UNADVERTISED_LIMIT;
	return leaks;
}

uint64_t spevirt_leaks_(const struct spevirt_host *host, const struct spevirt_hostcaps *caps,
			const struct spevirt_config *cfg, const struct spevirt_view *view)
{
	uint64_t leaks = 0;

	if (!(caps->feats & FEAT_SPE))
		return 0;
	if (caps->pmsver >= SPEVIRT_PMSVER_V1P2 && cfg->pmsver < SPEVIRT_PMSVER_V1P2)
		leaks |= SPEVIRT_LEAK_PMCR_FZS;
	if (cfg->pmsver != SPEVIRT_PMSVER_NI)
		return leaks | spe_guest_leaks(host, caps, cfg, view);
	if (view->access[0][SPEVIRT_SLOT_PMBIDR_EL1] == SPEVIRT_ACCESS_UNTRAPPED)
		leaks |= SPEVIRT_LEAK_PMBIDR_READ;
	return leaks;
}

/* The sentence for the lowest leak bit set; @leaks is not 0. */
const char *spevirt_leak_reason_(uint64_t leaks)
{
	unsigned int i = 0;

	while (i < SPEVIRT_LEAK_COUNT - 1 && !(leaks & (1ULL << i)))
		i++;
	return leak_reasons[i];
}
