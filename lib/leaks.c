// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The leak catalogue: what a guest can observe although its view hides it.
 * docs/policy.md has, for each leak, what the guest sees, why it cannot be
 * hidden and what would hide it.
 */
#include "spevirt_internal.h"

struct leak_text {
	const char *name;	/* the bit's name without SPEVIRT_LEAK_ */
	const char *meaning;	/* what the guest can observe */
	const char *reason;	/* view.reason under SPEVIRT_CFG_FORBID_LEAKS */
};

/* What the guest can observe through each leak: spevirt_leak_describe(). */
#define SPV_LEAK_RECORD_FORMAT \
	"the guest's PMSVer is below the host's: records carry the packets and encodings of the host's SPE version"
#define SPV_LEAK_RECORD_FEATURES \
	"the view hides PMSIDR_EL1.PBT, CRR, SME or LDS, but the hardware still emits their packets"
#define SPV_LEAK_FILTER_BITS \
	"PMSEVFR_EL1 event bits and PMSFCR_EL1.FnE/FDS/SIMD/FP filters of features the guest lacks stay writable instead of RAZ/WI"
#define SPV_LEAK_PMSCR_EXC \
	"the host has FEAT_SPE_EXC, the guest does not: PMSCR_EL1.KE and EE stay writable"
#define SPV_LEAK_PMBIDR_READ \
	"without FEAT_FGT nothing traps PMBIDR_EL1: the guest without SPE reads the host's value"
#define SPV_LEAK_PMCR_FZS \
	"the host has FEAT_SPEv1p2, the guest does not: PMCR_EL0.FZS exists unless the hypervisor traps PMCR_EL0"
#define SPV_LEAK_UNADVERTISED_LIMIT \
	"PMBIDR_EL1.MaxBuffSize shows the hardware's value, not the limit: the guest learns it from a buffer-size management event"
#define SPV_LEAK_ID_INCONSISTENT \
	"the guest reads PMSVer V1P5 with SPE_nVM and SPE_EXC 0, which FEAT_SPEv1p5 forbids, or a PMSIDR_EL1 feature its PMSVer does not allow: it may expect PMBMAR_EL1, profiling exceptions or the packets of a later version"
#define SPV_LEAK_BUFFER_BITS \
	"pinned memory leaves the buffer registers untrapped: PMBLIMITR_EL1.nVM and PMFZ of features the guest lacks stay writable"

/* The short form (SPV_WHY()) of both sentences is the bit's macro name. */
#define SPV_LEAK(n)								\
	{ #n, SPV_WHY(SPEVIRT_LEAK_##n, SPV_LEAK_##n),				\
	  SPV_WHY(SPEVIRT_LEAK_##n, "SPEVIRT_LEAK_" #n ": " SPV_LEAK_##n) }

/* In bit order: entry i describes bit i. */
static const struct leak_text leak_texts[SPEVIRT_LEAK_COUNT] = {
	SPV_LEAK(RECORD_FORMAT),
	SPV_LEAK(RECORD_FEATURES),
	SPV_LEAK(FILTER_BITS),
	SPV_LEAK(PMSCR_EXC),
	SPV_LEAK(PMBIDR_READ),
	SPV_LEAK(PMCR_FZS),
	SPV_LEAK(UNADVERTISED_LIMIT),
	SPV_LEAK(ID_INCONSISTENT),
	SPV_LEAK(BUFFER_BITS),
};

/* A PMSIDR_EL1 feature above @pmsver (the KVM RFC v6 profile hides only FnE and FDS). */
bool spevirt_pmsidr_above_(uint64_t pmsidr, unsigned int pmsver)
{
	return (pmsver < SPEVIRT_PMSVER_V1P1 && (pmsidr & SPV_PMSIDR_NEEDS_V1P1)) ||
	       (pmsver < SPEVIRT_PMSVER_V1P2 && (pmsidr & SPV_PMSIDR_NEEDS_V1P2)) ||
	       (pmsver < SPEVIRT_PMSVER_V1P4 && (pmsidr & SPV_PMSIDR_NEEDS_V1P4));
}

/* PMBLIMITR_EL1 bits the host has and a guest at @pmsver with SPE_nVM @nvm does not. */
bool spevirt_buffer_bits_hidden_(const struct spevirt_hostcaps *caps, unsigned int pmsver,
				 bool nvm)
{
	return ((caps->feats & SPV_FEAT_SPE_NVM) && !nvm) ||
	       (caps->pmsver >= SPEVIRT_PMSVER_V1P2 && pmsver < SPEVIRT_PMSVER_V1P2);
}

static uint64_t spe_guest_leaks(const struct spevirt_host *host,
				const struct spevirt_hostcaps *caps,
				const struct spevirt_config *cfg, const struct spevirt_view *view)
{
	uint64_t hidden = host->pmsidr_el1 & ~view->pmsidr_el1;
	uint64_t leaks = 0;

	if (cfg->pmsver < caps->pmsver)
		leaks |= SPEVIRT_LEAK_RECORD_FORMAT | SPEVIRT_LEAK_FILTER_BITS;
	if (hidden & SPV_PMSIDR_PACKET_FEATURES)
		leaks |= SPEVIRT_LEAK_RECORD_FEATURES;
	if (hidden & SPV_PMSIDR_FILTER_FEATURES)
		leaks |= SPEVIRT_LEAK_FILTER_BITS;
	if (caps->feats & SPV_FEAT_SPEv1p5)
		leaks |= SPEVIRT_LEAK_PMSCR_EXC;
	if (!view->limit_advertised)
		leaks |= SPEVIRT_LEAK_UNADVERTISED_LIMIT;
	/* spevirt never offers SPE_EXC, which FEAT_SPEv1p5 implies. */
	if (cfg->pmsver >= SPEVIRT_PMSVER_V1P5 ||
	    spevirt_pmsidr_above_(view->pmsidr_el1, cfg->pmsver))
		leaks |= SPEVIRT_LEAK_ID_INCONSISTENT;
	if ((cfg->flags & SPEVIRT_CFG_PINNED_MEMORY) &&
	    spevirt_buffer_bits_hidden_(caps, cfg->pmsver, cfg->spe_nvm))
		leaks |= SPEVIRT_LEAK_BUFFER_BITS;
	return leaks;
}

uint64_t spevirt_leaks_(const struct spevirt_host *host, const struct spevirt_hostcaps *caps,
			const struct spevirt_config *cfg, const struct spevirt_view *view)
{
	uint64_t leaks = 0;

	/* A host without SPE leaks nothing: its PMSVer is 0, PMBIDR_EL1 UNDEFs. */
	if (caps->pmsver >= SPEVIRT_PMSVER_V1P2 && cfg->pmsver < SPEVIRT_PMSVER_V1P2)
		leaks |= SPEVIRT_LEAK_PMCR_FZS;
	if (cfg->pmsver != SPEVIRT_PMSVER_NI)
		return leaks | spe_guest_leaks(host, caps, cfg, view);
	if (view->access[0][SPV_SLOT_OF(SPEVIRT_SYSREG_PMBIDR_EL1)] == SPEVIRT_ACCESS_UNTRAPPED)
		leaks |= SPEVIRT_LEAK_PMBIDR_READ;
	return leaks;
}

/* The sentence for the lowest leak bit set; @leaks is not 0. */
const char *spevirt_leak_reason_(uint64_t leaks)
{
	unsigned int i = 0;

	while (i < SPEVIRT_LEAK_COUNT - 1 && !(leaks & (1ULL << i)))
		i++;
	return leak_texts[i].reason;
}

const char *spevirt_leak_name(unsigned int bit)
{
	return bit < SPEVIRT_LEAK_COUNT ? leak_texts[bit].name : NULL;
}

const char *spevirt_leak_describe(unsigned int bit)
{
	return bit < SPEVIRT_LEAK_COUNT ? leak_texts[bit].meaning : NULL;
}
