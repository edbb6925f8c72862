// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Trap controls.  Every SPE fine-grained trap bit is one row of fgt_bits[]:
 * the host features that make it exist, the guest feature without which the
 * register it guards must UNDEF, and the rule that decides its value.  The
 * same walk gives the mask (which bits exist on this host) and the value
 * (what they are set to), so the two cannot disagree.
 */
#include "spevirt_internal.h"

enum fgt_reg {
	HDFGRTR_EL2,
	HDFGWTR_EL2,
	HDFGRTR2_EL2,
	HDFGWTR2_EL2,
	HFGITR_EL2,
};

enum fgt_rule {
	TRAP_UNLESS_GUEST,	/* trap when the guest lacks guest_feat */
	TRAP_PMSIDR_READ,	/* ... or when PMSIDR_EL1 reads must be emulated */
	TRAP_PMBIDR_READ,	/* ... or when PMBIDR_EL1 reads must be emulated */
	TRAP_NEVER,		/* a hint guests need: never trapped */
};

struct fgt_bit {
	uint8_t reg;		/* enum fgt_reg */
	uint8_t rule;		/* enum fgt_rule */
	bool negative;		/* the n-prefixed bits trap when 0 */
	uint64_t bit;
	unsigned int host_feat;	/* the bit is RES0 unless the host has these */
	unsigned int guest_feat;
	const char *need_fgt;	/* reason when the trap is needed and FGT is missing */
};

#define POS	false
#define NEG	true
#define ROW(r, name, pol, rule, host, guest, why) \
	{ r, rule, pol, SPEVIRT_##r##_##name, host, guest, why }

#define NEED_FGT_RW(reg) \
	"the guest must not access " reg " but only a fine-grained trap can stop it, and " \
	"the host lacks FEAT_FGT"

#define NEED_FGT2(reg, bit, feat) \
	reg " must UNDEF (the host has " feat ", the guest does not) and only " bit \
	" can trap it: the host lacks FEAT_FGT2"

static const struct fgt_bit fgt_bits[] = {
	ROW(HDFGRTR_EL2, PMBIDR_EL1, POS, TRAP_PMBIDR_READ, FEAT_SPE, FEAT_SPE,
	    "PMBIDR_EL1 reads must be trapped (the guest value differs from what the hardware "
	    "shows the guest, or the profile always traps it) and only HDFGRTR_EL2.PMBIDR_EL1 "
	    "can trap them: the host lacks FEAT_FGT"),
	ROW(HDFGRTR_EL2, NPMSNEVFR_EL1, NEG, TRAP_UNLESS_GUEST, FEAT_SPE_FnE, FEAT_SPE_FnE,
	    "PMSNEVFR_EL1 must UNDEF (the host has FEAT_SPE_FnE, the guest does not) and only "
	    "HDFGRTR_EL2.nPMSNEVFR_EL1 can trap it: the host lacks FEAT_FGT"),
	ROW(HDFGRTR_EL2, PMSLATFR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMSLATFR_EL1")),
	ROW(HDFGRTR_EL2, PMSIRR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMSIRR_EL1")),
	ROW(HDFGRTR_EL2, PMSIDR_EL1, POS, TRAP_PMSIDR_READ, FEAT_SPE, FEAT_SPE,
	    "PMSIDR_EL1 reads must be trapped (the guest value differs from the host's, or "
	    "the profile always traps it) and HDFGRTR_EL2.PMSIDR_EL1 needs FEAT_FGT, which "
	    "the host lacks"),
	ROW(HDFGRTR_EL2, PMSICR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMSICR_EL1")),
	ROW(HDFGRTR_EL2, PMSFCR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMSFCR_EL1")),
	ROW(HDFGRTR_EL2, PMSEVFR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMSEVFR_EL1")),
	ROW(HDFGRTR_EL2, PMSCR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMSCR_EL1")),
	ROW(HDFGRTR_EL2, PMBSR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMBSR_EL1")),
	ROW(HDFGRTR_EL2, PMBPTR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMBPTR_EL1")),
	ROW(HDFGRTR_EL2, PMBLIMITR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMBLIMITR_EL1")),

	ROW(HDFGWTR_EL2, NPMSNEVFR_EL1, NEG, TRAP_UNLESS_GUEST, FEAT_SPE_FnE, FEAT_SPE_FnE,
	    "PMSNEVFR_EL1 must UNDEF (the host has FEAT_SPE_FnE, the guest does not) and only "
	    "HDFGWTR_EL2.nPMSNEVFR_EL1 can trap it: the host lacks FEAT_FGT"),
	ROW(HDFGWTR_EL2, PMSLATFR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMSLATFR_EL1")),
	ROW(HDFGWTR_EL2, PMSIRR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMSIRR_EL1")),
	ROW(HDFGWTR_EL2, PMSICR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMSICR_EL1")),
	ROW(HDFGWTR_EL2, PMSFCR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMSFCR_EL1")),
	ROW(HDFGWTR_EL2, PMSEVFR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMSEVFR_EL1")),
	ROW(HDFGWTR_EL2, PMSCR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMSCR_EL1")),
	ROW(HDFGWTR_EL2, PMBSR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMBSR_EL1")),
	ROW(HDFGWTR_EL2, PMBPTR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMBPTR_EL1")),
	ROW(HDFGWTR_EL2, PMBLIMITR_EL1, POS, TRAP_UNLESS_GUEST, FEAT_SPE, FEAT_SPE,
	    NEED_FGT_RW("PMBLIMITR_EL1")),

	/* FEAT_SPE_FDS and FEAT_SPE_nVM imply FEAT_FGT2 on a host with EL2. */
	ROW(HDFGRTR2_EL2, NPMBMAR_EL1, NEG, TRAP_UNLESS_GUEST, FEAT_SPE_nVM, FEAT_SPE_nVM,
	    NEED_FGT2("PMBMAR_EL1", "HDFGRTR2_EL2.nPMBMAR_EL1", "FEAT_SPE_nVM")),
	ROW(HDFGRTR2_EL2, NPMSDSFR_EL1, NEG, TRAP_UNLESS_GUEST, FEAT_SPE_FDS, FEAT_SPE_FDS,
	    NEED_FGT2("PMSDSFR_EL1", "HDFGRTR2_EL2.nPMSDSFR_EL1", "FEAT_SPE_FDS")),
	ROW(HDFGWTR2_EL2, NPMBMAR_EL1, NEG, TRAP_UNLESS_GUEST, FEAT_SPE_nVM, FEAT_SPE_nVM,
	    NEED_FGT2("PMBMAR_EL1", "HDFGWTR2_EL2.nPMBMAR_EL1", "FEAT_SPE_nVM")),
	ROW(HDFGWTR2_EL2, NPMSDSFR_EL1, NEG, TRAP_UNLESS_GUEST, FEAT_SPE_FDS, FEAT_SPE_FDS,
	    NEED_FGT2("PMSDSFR_EL1", "HDFGWTR2_EL2.nPMSDSFR_EL1", "FEAT_SPE_FDS")),

	/* PSB CSYNC is a hint: trapping it would only cost time, UNDEF would be wrong. */
	ROW(HFGITR_EL2, PSBCSYNC, POS, TRAP_NEVER, FEAT_SPEv1p5, 0,
	    "HFGITR_EL2.PSBCSYNC is never set"),
};

/* The trap register a row lives in, and the feature that makes it exist. */
static struct spevirt_regmask *fgt_reg(struct spevirt_view *view, unsigned int reg,
				       unsigned int *feat)
{
	switch (reg) {
	case HDFGRTR_EL2:
		*feat = FEAT_FGT;
		return &view->hdfgrtr_el2;
	case HDFGWTR_EL2:
		*feat = FEAT_FGT;
		return &view->hdfgwtr_el2;
	case HDFGRTR2_EL2:
		*feat = FEAT_FGT2;
		return &view->hdfgrtr2_el2;
	case HDFGWTR2_EL2:
		*feat = FEAT_FGT2;
		return &view->hdfgwtr2_el2;
	default:
		*feat = FEAT_FGT;
		return &view->hfgitr_el2;
	}
}

static bool fgt_trapped(const struct fgt_bit *row, const struct spevirt_guest *guest)
{
	switch (row->rule) {
	case TRAP_NEVER:
		return false;
	case TRAP_PMSIDR_READ:
		if (guest->pmsidr_trap)
			return true;
		break;
	case TRAP_PMBIDR_READ:
		if (guest->pmbidr_trap)
			return true;
		break;
	default:
		break;
	}
	return (guest->feats & row->guest_feat) != row->guest_feat;
}

static void plan_mdcr(const struct spevirt_hostcaps *caps, const struct spevirt_guest *guest,
		      struct spevirt_view *view)
{
	if (!(caps->feats & FEAT_SPE))
		return;
	view->mdcr_el2.mask = SPEVIRT_MDCR_EL2_E2PB | SPEVIRT_MDCR_EL2_TPMS;
	if (guest->feats & FEAT_SPE)
		/* The guest owns the buffer; its buffer-register accesses trap. */
		view->mdcr_el2.value = FIELD_PREP_(MDCR_EL2_E2PB, SPEVIRT_MDCR_EL2_E2PB_EL1_TRAP);
	else
		/* EL2 owns the buffer, every SPE register access traps and UNDEFs. */
		view->mdcr_el2.value = FIELD_PREP_(MDCR_EL2_E2PB, SPEVIRT_MDCR_EL2_E2PB_EL2) |
				       SPEVIRT_MDCR_EL2_TPMS;
}

static void plan_pmscr(const struct spevirt_hostcaps *caps, const struct spevirt_guest *guest,
		       struct spevirt_view *view)
{
	if (!(caps->feats & FEAT_SPE_nVM))
		return;
	view->pmscr_el2.mask = SPEVIRT_PMSCR_EL2_ENVM;
	if (guest->feats & FEAT_SPE_nVM)
		view->pmscr_el2.value = SPEVIRT_PMSCR_EL2_ENVM;
}

enum spevirt_status spevirt_traps_plan_(const struct spevirt_hostcaps *caps,
					const struct spevirt_guest *guest,
					struct spevirt_view *view)
{
	unsigned int i;

	for (i = 0; i < sizeof(fgt_bits) / sizeof(fgt_bits[0]); i++) {
		const struct fgt_bit *row = &fgt_bits[i];
		unsigned int fgt_feat;
		struct spevirt_regmask *rm = fgt_reg(view, row->reg, &fgt_feat);
		bool trap = fgt_trapped(row, guest);

		/* Without the feature, the register the bit guards is absent too. */
		if ((caps->feats & row->host_feat) != row->host_feat)
			continue;
		if (!(caps->feats & fgt_feat)) {
			/*
			 * Without a guest SPE, MDCR_EL2.{TPMS,E2PB} trap every SPE
			 * register the guest could access but PMBIDR_EL1.
			 */
			if (trap && (guest->feats & FEAT_SPE)) {
				view->reason = row->need_fgt;
				return SPEVIRT_E_NEED_FGT;
			}
			continue;
		}
		rm->mask |= row->bit;
		if (trap != row->negative)
			rm->value |= row->bit;
	}
	plan_mdcr(caps, guest, view);
	plan_pmscr(caps, guest, view);
	return SPEVIRT_OK;
}
