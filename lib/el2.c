// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The EL2 state a guest runs with beyond the traps: the PMSCR_EL2 fields
 * that decide what the guest's sampling records carry and whether it can
 * take a profiling exception, and the guest registers whose state lives in
 * the hardware and must be context-switched (MDCR_EL2.HPMFZS is planned
 * with the rest of MDCR_EL2, in traps.c).
 * docs/policy.md sections 8 and 9 give each rule with its Arm ARM basis.
 */
#include "spevirt_internal.h"

/*
 * Put @bits in the mask of @rm, and in its value too when @set: each
 * control the plan owns and what it must be, in one statement.
 */
static void plan_bits(struct spevirt_regmask *rm, uint64_t bits, bool set)
{
	rm->mask |= bits;
	if (set)
		rm->value |= bits;
}

/*
 * PMSCR_EL2.EE and KE (FEAT_SPE_EXC, which FEAT_SPEv1p5 implies).  EE =
 * 0b00 disables SPE Profiling exceptions for EL2 and EL1 and makes the
 * Effective PMSCR_EL1.EE 0b00 (EffectivePMSCR_EL1_EE()), so whatever a
 * guest writes to PMSCR_EL1.EE it takes no profiling exception and its
 * buffer events stay in PMBSR_EL1, driving PMBIRQ.  KE = 0 keeps any
 * exception taken to EL2 masked there.  This holds for a guest without SPE
 * too: a PMSCR_EL1.EE another guest left at 0b11 cannot route the host's
 * buffer events to it.
 */
static void plan_exc(const struct spevirt_hostcaps *caps, struct spevirt_regmask *rm)
{
	if (caps->feats & SPV_FEAT_SPEv1p5)
		plan_bits(rm, SPEVIRT_PMSCR_EL2_EE | SPEVIRT_PMSCR_EL2_KE, false);
}

/*
 * What a guest's records may carry.  With the guest owning the buffer
 * (MDCR_EL2.E2PB 0b10 or 0b11):
 *   CollectPhysicalAddress() = PMSCR_EL2.PA && PMSCR_EL1.PA;
 *   CollectContextIDR2() = PMSCR_EL2.CX;
 *   CollectTimeStamp(): PMSCR_EL2.PCT 0b00 is the virtual counter whatever
 *   PMSCR_EL1.PCT says; 0b01 lets PMSCR_EL1.PCT choose virtual or physical;
 *   0b11 (FEAT_ECV) lets it choose virtual or physical minus CNTPOFF_EL2.
 * PCT bit 7 exists only with FEAT_ECV: the physical timestamp is 0b11 with
 * it and 0b01 without, in either case every PCT bit the host has.
 */
static void plan_records(const struct spevirt_hostcaps *caps, unsigned int flags,
			 struct spevirt_regmask *rm)
{
	uint64_t pct = (caps->feats & SPV_FEAT_ECV) ?
		       SPV_FIELD_PREP(PMSCR_EL2_PCT, SPEVIRT_PMSCR_EL2_PCT_GUEST) :
		       SPV_FIELD_PREP(PMSCR_EL2_PCT, SPEVIRT_PMSCR_EL2_PCT_PHYS);

	plan_bits(rm, SPEVIRT_PMSCR_EL2_PA, flags & SPEVIRT_CFG_ALLOW_PHYS_ADDR);
	plan_bits(rm, SPEVIRT_PMSCR_EL2_CX, flags & SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2);
	plan_bits(rm, pct, flags & SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP);
}

/*
 * TS, E2SPE and E0HSPE stay the host's: the PE reads TS only when EL2 owns
 * the buffer, E2SPE only for operations at EL2 and E0HSPE only with
 * HCR_EL2.TGE = 1, none of which holds while a guest with SPE runs; for a
 * guest without SPE, EL2 owns the buffer and they are the host's own
 * profiling controls.  EnVM is read only when EL1 owns the buffer.
 */
static void plan_pmscr(const struct spevirt_hostcaps *caps, const struct spevirt_guest *g,
		       unsigned int flags, struct spevirt_regmask *rm)
{
	plan_exc(caps, rm);
	if (!(g->feats & SPV_FEAT_SPE))
		return;
	plan_records(caps, flags, rm);
	if (caps->feats & SPV_FEAT_SPE_NVM)
		plan_bits(rm, SPEVIRT_PMSCR_EL2_ENVM, g->feats & SPV_FEAT_SPE_NVM);
}

/* Registers the guest writes in the hardware hold state to switch. */
static uint16_t context_set(const struct spevirt_view *view)
{
	uint16_t set = 0;
	unsigned int slot;

	for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++) {
		uint8_t wr = view->access[1][slot];

		if (wr == SPEVIRT_ACCESS_UNTRAPPED || wr == SPEVIRT_ACCESS_FORWARD)
			set |= (uint16_t)(1U << slot);
	}
	return set;
}

/* A host without SPE has none of these fields, and its guest none of these registers. */
void spevirt_el2_plan_(const struct spevirt_hostcaps *caps, const struct spevirt_guest *guest,
		       unsigned int flags, struct spevirt_view *view)
{
	plan_pmscr(caps, guest, flags, &view->pmscr_el2);
	view->context_regs = context_set(view);
}

/*
 * Restore order on vCPU load.  A write that enables something comes after
 * the state it enables: PMBLIMITR_EL1 (E) after the pointer, PMSCR_EL1
 * (E1SPE, E0SPE) last.
 */
static const uint32_t load_order[] = {
	SPEVIRT_SYSREG_PMSICR_EL1,	SPEVIRT_SYSREG_PMSIRR_EL1,
	SPEVIRT_SYSREG_PMSFCR_EL1,	SPEVIRT_SYSREG_PMSEVFR_EL1,
	SPEVIRT_SYSREG_PMSNEVFR_EL1,	SPEVIRT_SYSREG_PMSLATFR_EL1,
	SPEVIRT_SYSREG_PMSDSFR_EL1,	SPEVIRT_SYSREG_PMBPTR_EL1,
	SPEVIRT_SYSREG_PMBSR_EL1,	SPEVIRT_SYSREG_PMBMAR_EL1,
	SPEVIRT_SYSREG_PMBLIMITR_EL1,	SPEVIRT_SYSREG_PMSCR_EL1,
};

#define SPV_NR_LOAD_ORDER	spv_array_size(load_order)

unsigned int spevirt_context_regs(const struct spevirt_view *view,
				  uint32_t sysregs[SPEVIRT_NR_SPE_SLOTS])
{
	unsigned int i, n = 0;

	if (!view || !sysregs)
		return 0;
	for (i = 0; i < SPV_NR_LOAD_ORDER; i++)
		if (view->context_regs & (1U << SPV_SLOT_OF(load_order[i])))
			sysregs[n++] = load_order[i];
	return n;
}
