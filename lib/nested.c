// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * SPE for a nested guest: L0's view for a guest hypervisor (L1) and L1's
 * virtual EL2 controls for its guest (L2), composed into the controls L0
 * programs while L2 runs and the route of each L2 access.  The machine L1
 * sees (L0's view as ID values) is run through the access model (hw.c)
 * under L1's controls: that is what L2 must observe.  docs/policy.md
 * section 16 gives each rule with its Arm ARM basis.
 */
#include "spevirt_internal.h"
#include <spevirt/spevirt_nested.h>

/*
 * Arm ARM D8.14.6.2, Table D8-120: the VNCR_EL2 page offsets of the SPE
 * registers.  PMSFCR_EL1, PMBMAR_EL1, PMSIDR_EL1 and PMBIDR_EL1 have none.
 */
static const struct {
	uint32_t sysreg;
	uint32_t offset;
} vncr_offsets[] = {
	{ SPEVIRT_SYSREG_PMBLIMITR_EL1, 0x800 },
	{ SPEVIRT_SYSREG_PMBPTR_EL1, 0x810 },
	{ SPEVIRT_SYSREG_PMBSR_EL1, 0x820 },
	{ SPEVIRT_SYSREG_PMSCR_EL1, 0x828 },	/* PMSCR_EL12 when HCR_EL2.NV1 is 0 */
	{ SPEVIRT_SYSREG_PMSEVFR_EL1, 0x830 },
	{ SPEVIRT_SYSREG_PMSICR_EL1, 0x838 },
	{ SPEVIRT_SYSREG_PMSIRR_EL1, 0x840 },
	{ SPEVIRT_SYSREG_PMSLATFR_EL1, 0x848 },
	{ SPEVIRT_SYSREG_PMSNEVFR_EL1, 0x850 },
	{ SPEVIRT_SYSREG_PMSDSFR_EL1, 0x858 },
};

uint32_t spevirt_vncr_offset(uint32_t sysreg)
{
	unsigned int i;

	for (i = 0; i < spv_array_size(vncr_offsets); i++)
		if (vncr_offsets[i].sysreg == sysreg)
			return vncr_offsets[i].offset;
	return 0;
}

uint64_t spevirt_nested_esr(uint32_t sysreg, unsigned int rt, bool is_write)
{
	uint64_t iss = ((uint64_t)((sysreg >> 19) & 0x3U) << 20) |	/* Op0 */
		       ((uint64_t)((sysreg >> 5) & 0x7U) << 17) |	/* Op2 */
		       ((uint64_t)((sysreg >> 16) & 0x7U) << 14) |	/* Op1 */
		       ((uint64_t)((sysreg >> 12) & 0xfU) << 10) |	/* CRn */
		       ((uint64_t)(rt & 0x1fU) << 5) |			/* Rt */
		       ((uint64_t)((sysreg >> 8) & 0xfU) << 1) |	/* CRm */
		       (is_write ? 0U : 1U);				/* Direction: 1 is MRS */

	return ((uint64_t)SPEVIRT_ESR_EC_SYS64 << 26) | (1ULL << 25) | iss;
}

/* The encoding of a slot of SPE's block. */
static uint32_t slot_sysreg(unsigned int slot)
{
	return SPEVIRT_SYSREG_PMSCR_EL1 + (slot << 5);
}

/*
 * The highest FGT level whose traps the host applies: 0, 1 or 2.  FEAT_FGT2
 * without FEAT_FGT's traps (SCR_EL3.FGTEn 0, FGTEn2 1) is 0: L1 shown
 * FEAT_FGT2 has HDFGRTR_EL2 too, which L0 could not apply for it.
 */
static unsigned int host_fgt(const struct spevirt_hostcaps *caps)
{
	if (!(caps->feats & SPV_FEAT_FGT))
		return 0;
	return (caps->feats & SPV_FEAT_FGT2) ? 2 : 1;
}

/* Is the machine @m, shown FGT level @fgt, one the architecture permits? */
static bool machine_valid(struct spevirt_host *m, unsigned int fgt)
{
	struct spevirt_hostcaps caps;

	m->id_aa64mmfr0_el1 = SPV_FIELD_PREP(ID_AA64MMFR0_EL1_FGT, fgt);
	return !spevirt_host_check_(m, &caps);
}

/*
 * The FGT level of L1's machine.  With EL2, FEAT_SPE_FDS and FEAT_SPE_nVM
 * require FEAT_FGT2 (A2.2, A2.3): a machine that is valid only at a higher
 * level needs it shown, or, where the host cannot apply FEAT_FGT2's traps,
 * a view without them.  One invalid at every level is not from a view
 * spevirt_view_compute() gave.
 */
static enum spevirt_status l1_machine_fgt(const struct spevirt_hostcaps *caps,
					  const struct spevirt_nested_l1 *l1,
					  struct spevirt_host *m, struct spevirt_nested *out)
{
	enum spevirt_status status = SPEVIRT_E_NEED_FGT;

	if (machine_valid(m, l1->fgt))
		return SPEVIRT_OK;
	if (machine_valid(m, host_fgt(caps))) {
		out->reason = SPV_WHY(NESTED_L1_FGT_TOO_LOW,
				      "L0's view gives L1 FEAT_SPE_FDS or FEAT_SPE_nVM, which with EL2 require FEAT_FGT2, and L1 is shown a lower FGT level: show L1 FEAT_FGT2, which the host applies");
	} else if (machine_valid(m, 2)) {
		out->reason = SPV_WHY(NESTED_L1_NEEDS_FGT2,
				      "L0's view gives L1 FEAT_SPE_FDS or FEAT_SPE_nVM, which with EL2 require FEAT_FGT2, and the host cannot apply FEAT_FGT2's traps for L1 (ID_AA64MMFR0_EL1.FGT below FGT2, or SCR_EL3.FGTEn or FGTEn2 0): give L1 a view below FEAT_SPEv1p4 or without SPE_nVM");
	} else {
		out->reason = SPV_WHY(NESTED_L1_MACHINE_INVALID,
				      "L0's view gives L1 ID values no machine of the architecture has at any FGT level: the view is not one spevirt_view_compute() gave");
		status = SPEVIRT_E_INVAL;
	}
	m->id_aa64mmfr0_el1 = SPV_FIELD_PREP(ID_AA64MMFR0_EL1_FGT, l1->fgt);
	return status;
}

/*
 * The machine L1 sees: L0's view as ID values, the FGT level L0 shows,
 * and no EL3 (a guest has none).
 */
static enum spevirt_status l1_machine(const struct spevirt_hostcaps *caps,
				      const struct spevirt_view *view,
				      const struct spevirt_nested_l1 *l1,
				      struct spevirt_nested *out)
{
	struct spevirt_host *m = &out->l1_host;

	if (l1->fgt > 2) {
		out->reason = SPV_WHY(NESTED_FGT_RESERVED,
				      "spevirt_nested_l1.fgt is above 2: ID_AA64MMFR0_EL1.FGT has no such level");
		return SPEVIRT_E_INVAL;
	}
	if (l1->fgt > host_fgt(caps)) {
		out->reason = SPV_WHY(NESTED_FGT_ABOVE_HOST,
				      "L1 is shown a FEAT_FGT level whose traps the host cannot apply: L0 could not trap what L1 traps for L2");
		return SPEVIRT_E_NEED_FGT;
	}
	if (view->leaks & SPEVIRT_LEAK_ID_INCONSISTENT) {
		out->reason = SPV_WHY(NESTED_L1_INCONSISTENT,
				      "L0's view gives L1 ID values the architecture does not permit together (its leak ID_INCONSISTENT: the KVM RFC v6 profile's V1P5 without the SPE_nVM and SPE_EXC it implies, or a PMSIDR_EL1 feature above PMSVer), so there is no machine of L1's for L2 to observe");
		return SPEVIRT_E_PMSVER;
	}
	m->id_aa64dfr0_el1 = view->id_aa64dfr0_el1.value & SPEVIRT_ID_AA64DFR0_EL1_PMSVER;
	if (SPV_FIELD_GET(m->id_aa64dfr0_el1, ID_AA64DFR0_EL1_PMSVER) >= SPEVIRT_PMSVER_V1P5) {
		/*
		 * Only the KVM RFC v6 profile gives V1P5, without what it implies
		 * (above).  A consistent V1P5 would give L1 FEAT_SPE_EXC and a
		 * PSB CSYNC trap of its own, which the composition does not model.
		 */
		out->reason = SPV_WHY(NESTED_L1_V1P5,
				      "the view gives L1 FEAT_SPEv1p5 with the SPE_nVM and SPE_EXC it implies, which no spevirt profile gives: the view is not spevirt's");
		return SPEVIRT_E_INVAL;
	}
	m->id_aa64dfr2_el1 = view->id_aa64dfr2_el1.value & view->id_aa64dfr2_el1.mask;
	m->pmsidr_el1 = view->pmsidr_el1;
	m->pmbidr_el1 = view->pmbidr_el1;
	return l1_machine_fgt(caps, l1, m, out);
}

/*
 * A fine-grained trap register while L2 runs: L0's, with L1's traps where
 * L1's machine has the register.  A bit traps when either traps: set for
 * a plain bit, clear for an n-prefixed one (@negative).
 */
static void merge_fgt(struct spevirt_regmask *out, const struct spevirt_regmask *l0,
		      uint64_t l1, bool l1_has, uint64_t negative)
{
	*out = *l0;
	if (!l1_has)
		return;
	out->value |= l1 & l0->mask & ~negative;
	out->value &= ~(~l1 & l0->mask & negative);
}

/*
 * MDCR_EL2: TPMS if either sets it; E2PB 0b10 (EL1 owns the buffer,
 * accesses trap) if either traps the buffer, 0b11 only if neither does.
 * A view without a buffer for L1 (0b00) stays so.
 */
static enum spevirt_status merge_mdcr(const struct spevirt_view *view, uint64_t l1,
				      struct spevirt_nested *out)
{
	uint64_t l1_e2pb = SPV_FIELD_GET(l1, MDCR_EL2_E2PB);

	out->mdcr_el2 = view->mdcr_el2;
	if (l1_e2pb == 1) {
		out->reason = SPV_WHY(NESTED_E2PB_RESERVED,
				      "L1's vMDCR_EL2.E2PB is 0b01, a reserved value (D24.3.17)");
		return SPEVIRT_E_INVAL;
	}
	/* A view without SPE for L1 owns neither bit: both steps leave it. */
	out->mdcr_el2.value |= l1 & view->mdcr_el2.mask & SPEVIRT_MDCR_EL2_TPMS;
	if (SPV_FIELD_GET(out->mdcr_el2.value, MDCR_EL2_E2PB) == SPEVIRT_MDCR_EL2_E2PB_EL1 &&
	    !(l1_e2pb & 1))
		out->mdcr_el2.value ^= SPV_FIELD_PREP(MDCR_EL2_E2PB, 1);
	return SPEVIRT_OK;
}

/*
 * PMSCR_EL2: PA, CX and EnVM where both L0's view and L1 set them; PCT
 * the virtual counter (0b00) if either chooses it (or L1 writes the
 * reserved 0b10), else L0's.  EE, KE and the rest stay L0's.
 */
static void merge_pmscr(const struct spevirt_regmask *l0, uint64_t l1,
			struct spevirt_regmask *out)
{
	uint64_t both = SPEVIRT_PMSCR_EL2_PA | SPEVIRT_PMSCR_EL2_CX | SPEVIRT_PMSCR_EL2_ENVM;
	uint64_t l1_pct = SPV_FIELD_GET(l1, PMSCR_EL2_PCT);

	*out = *l0;
	out->value &= ~(both & ~l1);
	if (l1_pct == SPEVIRT_PMSCR_EL2_PCT_VIRT || l1_pct == 2)
		out->value &= ~SPEVIRT_PMSCR_EL2_PCT;
}

static enum spevirt_status compose_controls(const struct spevirt_view *view,
					    const struct spevirt_nested_l1 *l1,
					    struct spevirt_nested *out)
{
	uint64_t nfgt_rd = SPEVIRT_HDFGRTR_EL2_NPMSNEVFR_EL1;
	uint64_t nfgt_wr = SPEVIRT_HDFGWTR_EL2_NPMSNEVFR_EL1;

	merge_fgt(&out->hdfgrtr_el2, &view->hdfgrtr_el2, l1->el2.hdfgrtr_el2, l1->fgt >= 1,
		  nfgt_rd);
	merge_fgt(&out->hdfgwtr_el2, &view->hdfgwtr_el2, l1->el2.hdfgwtr_el2, l1->fgt >= 1,
		  nfgt_wr);
	/* Every bit spevirt plans in the FGT2 registers is n-prefixed. */
	merge_fgt(&out->hdfgrtr2_el2, &view->hdfgrtr2_el2, l1->el2.hdfgrtr2_el2, l1->fgt >= 2,
		  ~0ULL);
	merge_fgt(&out->hdfgwtr2_el2, &view->hdfgwtr2_el2, l1->el2.hdfgwtr2_el2, l1->fgt >= 2,
		  ~0ULL);
	merge_pmscr(&view->pmscr_el2, l1->el2.pmscr_el2, &out->pmscr_el2);
	/* L1's machine is below FEAT_SPEv1p5 (l1_machine()): no PSB CSYNC trap of its own. */
	out->hfgitr_el2 = view->hfgitr_el2;
	return merge_mdcr(view, l1->el2.mdcr_el2, out);
}

/* The controls while L2 runs, as whole registers over 0. */
static struct spevirt_el2_regs applied(const struct spevirt_nested *out)
{
	struct spevirt_el2_regs r = {
		out->mdcr_el2.value, out->pmscr_el2.value, out->hdfgrtr_el2.value,
		out->hdfgwtr_el2.value, out->hdfgrtr2_el2.value, out->hdfgwtr2_el2.value,
		out->hfgitr_el2.value,
	};

	return r;
}

/*
 * The one access L1's controls change the value of: with vMDCR_EL2.E2PB
 * 0b00 L2 reads PMBIDR_EL1.P as 1 (D24.7.1), while the hardware runs L2
 * with the buffer EL1's.  Only HDFGRTR_EL2.PMBIDR_EL1 (FEAT_FGT) traps the
 * read.  Any other access that runs on the hardware unlike on L1's
 * machine has its trap in the view: the view is not this host's.
 */
static enum spevirt_status trap_pmbidr(const struct spevirt_hostcaps *caps, uint32_t sysreg,
				       bool w, struct spevirt_nested *out)
{
	if (sysreg != SPEVIRT_SYSREG_PMBIDR_EL1 || w) {
		out->reason = SPV_WHY(NESTED_VIEW_FOREIGN,
				      "an L2 access runs on the hardware where L1's machine traps or refuses it: the view is not one spevirt_view_compute() gave for this host");
		return SPEVIRT_E_INVAL;
	}
	if (!(caps->feats & SPV_FEAT_FGT)) {
		out->reason = SPV_WHY(NESTED_PMBIDR_NEEDS_FGT,
				      "L1's vMDCR_EL2.E2PB 0b00 makes L2 read PMBIDR_EL1.P as 1 (D24.7.1), which only HDFGRTR_EL2.PMBIDR_EL1 can show, and the host lacks FEAT_FGT");
		return SPEVIRT_E_NEED_FGT;
	}
	out->hdfgrtr_el2.mask |= SPEVIRT_HDFGRTR_EL2_PMBIDR_EL1;
	out->hdfgrtr_el2.value |= SPEVIRT_HDFGRTR_EL2_PMBIDR_EL1;
	return SPEVIRT_OK;
}

/* Does an access that runs on the hardware give L2 what L1's machine gives? */
static bool runs_as_on_l1(const struct spevirt_hw_result *hw, const struct spevirt_hw_result *ref,
			  uint8_t l0)
{
	return ref->outcome == SPEVIRT_HW_EXECUTE && hw->value == ref->value &&
	       l0 == SPEVIRT_ACCESS_UNTRAPPED;
}

/* The route of a trapped access: L1's trap, an UNDEF of L1's machine, or L0's. */
static void trapped_route(const struct spevirt_view *view, const struct spevirt_hw_result *ref,
			  unsigned int slot, bool w, struct spevirt_nested *out)
{
	uint8_t l0 = view->access[w][slot];
	uint32_t sysreg = slot_sysreg(slot);

	if (ref->outcome == SPEVIRT_HW_TRAP_EL2) {
		out->route[w][slot] = SPEVIRT_NESTED_REFLECT;
	} else if (ref->outcome == SPEVIRT_HW_EXECUTE) {
		out->route[w][slot] = SPEVIRT_NESTED_EMULATE;
		/*
		 * An ID read returns L1's machine's value; another access trapped
		 * for L2 only (a coarse bit) L0 performs on the hardware.
		 */
		if (sysreg == SPEVIRT_SYSREG_PMSIDR_EL1 || sysreg == SPEVIRT_SYSREG_PMBIDR_EL1)
			out->emulate[w][slot] = SPEVIRT_ACCESS_READ_VIEW;
		else
			out->emulate[w][slot] = l0 == SPEVIRT_ACCESS_UNTRAPPED ?
						SPEVIRT_ACCESS_FORWARD : l0;
	}
}

/*
 * An access under given controls.  Both machines were checked first, so
 * it cannot fail; a refusal would read as SPEVIRT_HW_UNDEF.
 */
static struct spevirt_hw_result access_of(const struct spevirt_host *m,
					  const struct spevirt_el2_regs *el2, uint32_t sysreg,
					  bool w)
{
	struct spevirt_hw_result res;
	enum spevirt_status st = spevirt_hw_access(m, el2, sysreg, w, &res);

	return st == SPEVIRT_OK ? res : (struct spevirt_hw_result){ 0 };
}

/* An access on the hardware, with the controls composed so far. */
static struct spevirt_hw_result on_hardware(const struct spevirt_host *host, uint32_t sysreg,
					    bool w, const struct spevirt_nested *out)
{
	struct spevirt_el2_regs regs = applied(out);

	return access_of(host, &regs, sysreg, w);
}

static enum spevirt_status route_one(const struct spevirt_host *host,
				     const struct spevirt_hostcaps *caps,
				     const struct spevirt_view *view,
				     const struct spevirt_nested_l1 *l1, unsigned int slot, bool w,
				     struct spevirt_nested *out)
{
	uint32_t sysreg = slot_sysreg(slot);
	struct spevirt_hw_result ref = access_of(&out->l1_host, &l1->el2, sysreg, w);
	struct spevirt_hw_result hw = on_hardware(host, sysreg, w, out);

	if (hw.outcome == SPEVIRT_HW_EXECUTE && !runs_as_on_l1(&hw, &ref, view->access[w][slot])) {
		enum spevirt_status status = trap_pmbidr(caps, sysreg, w, out);

		if (status != SPEVIRT_OK)
			return status;
		hw = on_hardware(host, sysreg, w, out);
	}
	if (hw.outcome == SPEVIRT_HW_TRAP_EL3) {
		out->reason = SPV_WHY(NESTED_VIEW_FOREIGN,
				      "an L2 access would trap to EL3: the view is not one spevirt_view_compute() gave for this host");
		return SPEVIRT_E_INVAL;
	}
	if (hw.outcome == SPEVIRT_HW_EXECUTE)
		out->route[w][slot] = SPEVIRT_NESTED_HARDWARE;
	else if (hw.outcome == SPEVIRT_HW_TRAP_EL2)
		trapped_route(view, &ref, slot, w, out);
	if (!w && slot == SPV_SLOT_OF(SPEVIRT_SYSREG_PMSIDR_EL1))
		out->pmsidr_el1 = ref.value;
	if (!w && slot == SPV_SLOT_OF(SPEVIRT_SYSREG_PMBIDR_EL1))
		out->pmbidr_el1 = ref.value;
	return SPEVIRT_OK;
}

/*
 * PSB CSYNC is a hint, never UNDEF.  Only FEAT_FGT with FEAT_SPEv1p5 traps
 * it (C6.2, PSB), and L1's machine is below FEAT_SPEv1p5 (l1_machine()):
 * L0's trap, if any, is emulated (L0 executes it and returns).
 */
static void route_psbcsync(struct spevirt_nested *out)
{
	out->psb_route = (out->hfgitr_el2.value & SPEVIRT_HFGITR_EL2_PSBCSYNC) ?
			 SPEVIRT_NESTED_EMULATE : SPEVIRT_NESTED_HARDWARE;
}

/*
 * Where L2's state lives: registers with a VNCR offset are in L1's page,
 * loaded into the hardware while L2 runs when L2's machine has them (the
 * buffer registers only when L2 owns the buffer: with vMDCR_EL2.E2PB 0b00
 * they are L1's own EL2 buffer); the others L1 reaches on the hardware.
 */
static void place_state(const struct spevirt_nested_l1 *l1, struct spevirt_nested *out)
{
	bool l2_buffer = SPV_FIELD_GET(l1->el2.mdcr_el2, MDCR_EL2_E2PB) !=
			 SPEVIRT_MDCR_EL2_E2PB_EL2;
	unsigned int slot;

	for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++) {
		uint32_t sysreg = slot_sysreg(slot);
		uint16_t bit = (uint16_t)(1U << slot);
		/* L1's machine has the register: its read is not UNDEF. */
		bool present = out->route[0][slot] != SPEVIRT_NESTED_UNDEF;
		bool buffer = sysreg == SPEVIRT_SYSREG_PMBLIMITR_EL1 ||
			      sysreg == SPEVIRT_SYSREG_PMBPTR_EL1 ||
			      sysreg == SPEVIRT_SYSREG_PMBSR_EL1;

		if (spevirt_vncr_offset(sysreg)) {
			out->vncr |= bit;
			if (present && (l2_buffer || !buffer))
				out->load |= bit;
		} else if (present && (sysreg == SPEVIRT_SYSREG_PMSFCR_EL1 ||
				       sysreg == SPEVIRT_SYSREG_PMBMAR_EL1)) {
			out->shared |= bit;
		}
	}
}

/* L1 without SPE: L2 gets what L1 gets, whatever L1 programs. */
static void no_spe_routes(const struct spevirt_view *view, struct spevirt_nested *out)
{
	unsigned int slot, w;

	for (w = 0; w <= 1; w++)
		for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++)
			if (view->access[w][slot] == SPEVIRT_ACCESS_UNTRAPPED)
				out->route[w][slot] = SPEVIRT_NESTED_HARDWARE;
}

/* Fail closed: the controls of a guest without SPE, every route as for it. */
static enum spevirt_status refuse(const struct spevirt_host *host, enum spevirt_status status,
				  struct spevirt_nested *out)
{
	struct spevirt_view none = { .reason = out->reason };
	struct spevirt_host l1_host = out->l1_host;
	const char *why = out->reason;

	(void)spevirt_fail_closed_(host, &none, status);
	*out = (struct spevirt_nested){ 0 };
	out->l1_host = l1_host;
	out->mdcr_el2 = none.mdcr_el2;
	out->pmscr_el2 = none.pmscr_el2;
	out->hdfgrtr_el2 = none.hdfgrtr_el2;
	out->hdfgwtr_el2 = none.hdfgwtr_el2;
	out->hdfgrtr2_el2 = none.hdfgrtr2_el2;
	out->hdfgwtr2_el2 = none.hdfgwtr2_el2;
	out->hfgitr_el2 = none.hfgitr_el2;
	no_spe_routes(&none, out);
	out->psb_route = SPEVIRT_NESTED_HARDWARE;
	out->reason = why;
	return status;
}

static enum spevirt_status compose(const struct spevirt_host *host,
				   const struct spevirt_hostcaps *caps,
				   const struct spevirt_view *view,
				   const struct spevirt_nested_l1 *l1, struct spevirt_nested *out)
{
	enum spevirt_status status = l1_machine(caps, view, l1, out);
	unsigned int slot, w;

	if (status == SPEVIRT_OK)
		status = compose_controls(view, l1, out);
	if (status != SPEVIRT_OK)
		return status;
	if (SPV_FIELD_GET(view->id_aa64dfr0_el1.value, ID_AA64DFR0_EL1_PMSVER) ==
	    SPEVIRT_PMSVER_NI) {
		no_spe_routes(view, out);
		out->psb_route = SPEVIRT_NESTED_HARDWARE;
		return SPEVIRT_OK;
	}
	for (w = 0; w <= 1; w++)
		for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++) {
			status = route_one(host, caps, view, l1, slot, w, out);
			if (status != SPEVIRT_OK)
				return status;
		}
	route_psbcsync(out);
	place_state(l1, out);
	return SPEVIRT_OK;
}

/* What the host applies, with the reason it is refused. */
static enum spevirt_status host_caps(const struct spevirt_host *host,
				     struct spevirt_hostcaps *caps, const char **why)
{
	if (host->el3_disabled & ~SPEVIRT_EL3_VALID) {
		*why = SPV_WHY(HOST_EL3_FLAGS,
			       "spevirt_host.el3_disabled has a bit that is not a SPEVIRT_EL3_* bit");
		return SPEVIRT_E_INVAL;
	}
	*why = spevirt_host_check_(host, caps);
	return *why ? SPEVIRT_E_HOST_INVALID : SPEVIRT_OK;
}

enum spevirt_status spevirt_nested_compose(const struct spevirt_host *host,
					   const struct spevirt_view *view,
					   const struct spevirt_nested_l1 *l1,
					   struct spevirt_nested *out)
{
	struct spevirt_hostcaps caps = { 0 };
	enum spevirt_status status;

	if (!out)
		return SPEVIRT_E_INVAL;
	if (spv_overlap(out, sizeof(*out), host, sizeof(*host)) ||
	    spv_overlap(out, sizeof(*out), view, sizeof(*view)) ||
	    spv_overlap(out, sizeof(*out), l1, sizeof(*l1))) {
		*out = (struct spevirt_nested){ 0 };
		out->reason = SPV_WHY(NESTED_OVERLAP,
				      "the composition overlaps the host, the view or L1's controls");
		return SPEVIRT_E_INVAL;
	}
	*out = (struct spevirt_nested){ 0 };
	if (!host || !view || !l1) {
		out->reason = SPV_WHY(NULL_POINTER, "the host, view or L1 pointer is NULL");
		return SPEVIRT_E_INVAL;
	}
	status = host_caps(host, &caps, &out->reason);
	if (status != SPEVIRT_OK)
		return status;
	status = compose(host, &caps, view, l1, out);
	return status == SPEVIRT_OK ? status : refuse(host, status, out);
}

enum spevirt_status spevirt_nested_max_fgt(const struct spevirt_host *host, unsigned int *fgt)
{
	struct spevirt_hostcaps caps = { 0 };
	const char *why;
	enum spevirt_status status;

	if (!fgt)
		return SPEVIRT_E_INVAL;
	*fgt = 0;
	if (!host)
		return SPEVIRT_E_INVAL;
	status = host_caps(host, &caps, &why);
	if (status == SPEVIRT_OK)
		*fgt = host_fgt(&caps);
	return status;
}
