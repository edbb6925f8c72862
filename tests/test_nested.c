// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * spevirt_nested_compose(): SPE for a guest hypervisor's guest.  The rule
 * (docs/policy.md section 16): every L2 access has the outcome the Arm ARM
 * gives for L2 under L1's controls on a machine with L1's view of the
 * features, and L2 never gets more than L0 gives L1.  The observed outcome
 * is the composed controls on the real host (spevirt_hw_access()), then
 * L0's route, then L1's handling of what is reflected; the expected one is
 * spevirt_hw_access() on L1's machine, built here from the view.
 */
#include "common.h"

#include <spevirt/spevirt_nested.h>

/* What L2 observes of an access. */
struct seen {
	enum spevirt_hw_outcome outcome;	/* UNDEF, TRAP_EL2 (to L1), EXECUTE */
	uint64_t value;				/* an ID read's value */
};

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static bool is_id(uint32_t enc)
{
	return enc == SPEVIRT_SYSREG_PMSIDR_EL1 || enc == SPEVIRT_SYSREG_PMBIDR_EL1;
}

/* The machine L1 sees, built from the view here (not the composition's). */
static struct spevirt_host l1_machine(const struct spevirt_view *v, unsigned int fgt)
{
	struct spevirt_host m = {
		.id_aa64dfr0_el1 = v->id_aa64dfr0_el1.value,
		.id_aa64dfr2_el1 = v->id_aa64dfr2_el1.value,
		.id_aa64mmfr0_el1 = (uint64_t)fgt << 56,
		.pmsidr_el1 = v->pmsidr_el1,
		.pmbidr_el1 = v->pmbidr_el1,
	};

	return m;
}

static uint64_t apply(const struct spevirt_regmask *rm, uint64_t reg)
{
	return (reg & ~rm->mask) | rm->value;
}

/* The composed controls over whatever else the registers hold. */
static struct spevirt_el2_regs hardware(const struct spevirt_nested *n)
{
	struct spevirt_el2_regs r = {
		apply(&n->mdcr_el2, rnd()), apply(&n->pmscr_el2, rnd()),
		apply(&n->hdfgrtr_el2, rnd()), apply(&n->hdfgwtr_el2, rnd()),
		apply(&n->hdfgrtr2_el2, rnd()), apply(&n->hdfgwtr2_el2, rnd()),
		apply(&n->hfgitr_el2, rnd()),
	};

	return r;
}

/* L2's access: the hardware, then L0's route, then L1 for what is reflected. */
static struct seen observed(const struct spevirt_host *host, const struct spevirt_nested *n,
			    const struct spevirt_el2_regs *hw, uint32_t enc, bool w)
{
	uint32_t slot = spevirt_spe_slot(enc);
	struct spevirt_hw_result r;
	struct seen s = { SPEVIRT_HW_UNDEF, 0 };

	if (slot >= SPEVIRT_NR_SPE_SLOTS) {
		fail_msg("0x%x is not an SPE register", enc);
		return s;
	}
	assert_int_equal(spevirt_hw_access(host, hw, enc, w, &r), SPEVIRT_OK);
	if (r.outcome == SPEVIRT_HW_EXECUTE) {
		assert_int_equal(n->route[w][slot], SPEVIRT_NESTED_HARDWARE);
		s.outcome = SPEVIRT_HW_EXECUTE;
		s.value = r.value;
	} else if (r.outcome == SPEVIRT_HW_TRAP_EL2) {
		assert_int_not_equal(n->route[w][slot], SPEVIRT_NESTED_HARDWARE);
		if (n->route[w][slot] == SPEVIRT_NESTED_REFLECT)
			s.outcome = SPEVIRT_HW_TRAP_EL2;
		if (n->route[w][slot] == SPEVIRT_NESTED_EMULATE) {
			s.outcome = SPEVIRT_HW_EXECUTE;
			s.value = enc == SPEVIRT_SYSREG_PMSIDR_EL1 ? n->pmsidr_el1 :
				  enc == SPEVIRT_SYSREG_PMBIDR_EL1 ? n->pmbidr_el1 : 0;
		}
	} else if (r.outcome == SPEVIRT_HW_UNDEF) {
		assert_int_equal(n->route[w][slot], SPEVIRT_NESTED_UNDEF);
	} else {
		fail_msg("an L2 access of 0x%x reaches %d", enc, r.outcome);
	}
	return s;
}

static const uint32_t spe_regs[] = {
	SPEVIRT_SYSREG_PMSCR_EL1, SPEVIRT_SYSREG_PMSNEVFR_EL1, SPEVIRT_SYSREG_PMSICR_EL1,
	SPEVIRT_SYSREG_PMSIRR_EL1, SPEVIRT_SYSREG_PMSFCR_EL1, SPEVIRT_SYSREG_PMSEVFR_EL1,
	SPEVIRT_SYSREG_PMSLATFR_EL1, SPEVIRT_SYSREG_PMSIDR_EL1, SPEVIRT_SYSREG_PMBLIMITR_EL1,
	SPEVIRT_SYSREG_PMBPTR_EL1, SPEVIRT_SYSREG_PMBSR_EL1, SPEVIRT_SYSREG_PMSDSFR_EL1,
	SPEVIRT_SYSREG_PMBMAR_EL1, SPEVIRT_SYSREG_PMBIDR_EL1,
};

/*
 * No more traps than needed: an access neither L0 nor L1 traps, whose value
 * the hardware gives right, runs on the hardware; and an emulated access is
 * an ID read answered from L1's machine (READ_VIEW) or L0's own decision
 * for L1 (FORWARD where L0 does not trap it for L1).
 */
static void check_route_kind(const struct spevirt_view *v, const struct spevirt_nested *n,
			     const struct spevirt_host *m, uint32_t enc, bool w,
			     const struct spevirt_hw_result *ref)
{
	uint32_t slot = spevirt_spe_slot(enc);
	uint8_t l0;
	bool right_value = !is_id(enc) || (enc == SPEVIRT_SYSREG_PMSIDR_EL1 ?
					   m->pmsidr_el1 == v->pmsidr_el1 :
					   !(ref->value & SPEVIRT_PMBIDR_EL1_P));

	if (slot >= SPEVIRT_NR_SPE_SLOTS) {
		fail_msg("0x%x is not an SPE register", enc);
		return;
	}
	l0 = v->access[w][slot];
	if (ref->outcome == SPEVIRT_HW_EXECUTE && l0 == SPEVIRT_ACCESS_UNTRAPPED && right_value)
		assert_int_equal(n->route[w][slot], SPEVIRT_NESTED_HARDWARE);
	if (n->route[w][slot] != SPEVIRT_NESTED_EMULATE)
		return;
	if (is_id(enc))
		assert_int_equal(n->emulate[w][slot], SPEVIRT_ACCESS_READ_VIEW);
	else
		assert_int_equal(n->emulate[w][slot], l0 == SPEVIRT_ACCESS_UNTRAPPED ?
				 SPEVIRT_ACCESS_FORWARD : l0);
}

/* L2 observes, for every SPE register and direction, what L1's machine gives. */
static void check_transparent(const struct spevirt_host *host, const struct spevirt_view *v,
			      const struct spevirt_nested_l1 *l1, const struct spevirt_nested *n)
{
	struct spevirt_host m = l1_machine(v, l1->fgt);
	struct spevirt_el2_regs hw = hardware(n);
	unsigned int i, w;

	for (i = 0; i < sizeof(spe_regs) / sizeof(spe_regs[0]); i++)
		for (w = 0; w <= 1; w++) {
			struct spevirt_hw_result ref;
			struct seen s = observed(host, n, &hw, spe_regs[i], w);

			assert_int_equal(spevirt_hw_access(&m, &l1->el2, spe_regs[i], w, &ref),
					 SPEVIRT_OK);
			if (s.outcome != ref.outcome)
				fail_msg("L2 %s of 0x%x: observed %d, L1's machine %d (E2PB %u TPMS %u fgt %u)",
					 w ? "write" : "read", spe_regs[i], s.outcome, ref.outcome,
					 (unsigned int)((l1->el2.mdcr_el2 >> 12) & 3),
					 (unsigned int)((l1->el2.mdcr_el2 >> 14) & 1), l1->fgt);
			if (!w && is_id(spe_regs[i]) && s.outcome == SPEVIRT_HW_EXECUTE)
				assert_true(s.value == ref.value);
			check_route_kind(v, n, &m, spe_regs[i], w, &ref);
		}
}

/*
 * L1 without SPE: L2 gets what L1 gets, the one read L0 cannot trap for L1
 * (PMBIDR_EL1 without FEAT_FGT) included.
 */
static void check_as_l1(const struct spevirt_host *host, const struct spevirt_view *v,
			const struct spevirt_nested *n)
{
	struct spevirt_el2_regs l2 = hardware(n), l1 = {
		apply(&v->mdcr_el2, l2.mdcr_el2), apply(&v->pmscr_el2, l2.pmscr_el2),
		apply(&v->hdfgrtr_el2, l2.hdfgrtr_el2), apply(&v->hdfgwtr_el2, l2.hdfgwtr_el2),
		apply(&v->hdfgrtr2_el2, l2.hdfgrtr2_el2), apply(&v->hdfgwtr2_el2, l2.hdfgwtr2_el2),
		apply(&v->hfgitr_el2, l2.hfgitr_el2),
	};
	unsigned int i, w;

	for (i = 0; i < sizeof(spe_regs) / sizeof(spe_regs[0]); i++)
		for (w = 0; w <= 1; w++) {
			struct seen s = observed(host, n, &l2, spe_regs[i], w);
			struct spevirt_hw_result r;

			assert_int_equal(spevirt_hw_access(host, &l1, spe_regs[i], w, &r), SPEVIRT_OK);
			if (r.outcome != SPEVIRT_HW_EXECUTE)
				r.outcome = SPEVIRT_HW_UNDEF;	/* L0 injects it for L1 */
			assert_int_equal(s.outcome, r.outcome);
			assert_true(s.value == r.value);
		}
}

/*
 * Where L2's state lives: a register with a VNCR offset is in the page, and
 * loaded for L2 when L1's machine has it (a buffer register only when L2
 * owns the buffer); PMSFCR_EL1 and PMBMAR_EL1, when L1's machine has them,
 * L1 reaches on the hardware.
 */
static void check_state(const struct spevirt_view *v, const struct spevirt_nested_l1 *l1,
			const struct spevirt_nested *n)
{
	struct spevirt_host m = l1_machine(v, l1->fgt);
	const struct spevirt_el2_regs open = { .mdcr_el2 = 3ULL << 12 };
	bool l2_buffer = ((l1->el2.mdcr_el2 >> 12) & 3) != 0;
	unsigned int i;

	for (i = 0; i < sizeof(spe_regs) / sizeof(spe_regs[0]); i++) {
		uint32_t enc = spe_regs[i];
		uint16_t bit = (uint16_t)(1U << spevirt_spe_slot(enc));
		struct spevirt_hw_result r;
		bool has, buffer = enc == SPEVIRT_SYSREG_PMBLIMITR_EL1 ||
				   enc == SPEVIRT_SYSREG_PMBPTR_EL1 || enc == SPEVIRT_SYSREG_PMBSR_EL1;

		assert_int_equal(spevirt_hw_access(&m, &open, enc, false, &r), SPEVIRT_OK);
		has = r.outcome != SPEVIRT_HW_UNDEF;
		assert_int_equal(!!(n->vncr & bit), spevirt_vncr_offset(enc) != 0);
		assert_int_equal(!!(n->load & bit),
				 spevirt_vncr_offset(enc) && has && (l2_buffer || !buffer));
		assert_int_equal(!!(n->shared & bit),
				 has && (enc == SPEVIRT_SYSREG_PMSFCR_EL1 ||
					 enc == SPEVIRT_SYSREG_PMBMAR_EL1));
	}
}

/* L2 never gets more than L0 gives L1. */
static void check_isolated(const struct spevirt_view *v, const struct spevirt_nested *n)
{
	uint64_t l0 = v->pmscr_el2.value, l2 = n->pmscr_el2.value;
	uint64_t both = SPEVIRT_PMSCR_EL2_PA | SPEVIRT_PMSCR_EL2_CX | SPEVIRT_PMSCR_EL2_ENVM;
	unsigned int slot, w;

	assert_true(n->pmscr_el2.mask == v->pmscr_el2.mask);
	assert_true((l2 & both & ~l0) == 0);
	assert_true((l2 & SPEVIRT_PMSCR_EL2_PCT) == 0 ||
		    (l2 & SPEVIRT_PMSCR_EL2_PCT) == (l0 & SPEVIRT_PMSCR_EL2_PCT));
	assert_true((l2 & (SPEVIRT_PMSCR_EL2_EE | SPEVIRT_PMSCR_EL2_KE)) ==
		    (l0 & (SPEVIRT_PMSCR_EL2_EE | SPEVIRT_PMSCR_EL2_KE)));
	if ((v->mdcr_el2.value & SPEVIRT_MDCR_EL2_E2PB) !=
	    (SPEVIRT_MDCR_EL2_E2PB_EL1 << SPEVIRT_MDCR_EL2_E2PB_SHIFT))
		assert_true((n->mdcr_el2.value & SPEVIRT_MDCR_EL2_E2PB) ==
			    (v->mdcr_el2.value & SPEVIRT_MDCR_EL2_E2PB));
	for (w = 0; w <= 1; w++)
		for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++)
			if (v->access[w][slot] == SPEVIRT_ACCESS_UNDEF)
				assert_int_equal(n->route[w][slot], SPEVIRT_NESTED_UNDEF);
}

/* A refusal gives L2 what a guest without SPE gets. */
static void check_refused(const struct spevirt_host *host, const struct spevirt_nested *n)
{
	struct spevirt_config none = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	struct spevirt_view nv;
	unsigned int slot, w;

	assert_non_null(n->reason);
	assert_status(spevirt_view_compute(host, &none, &nv), SPEVIRT_OK);
	assert_true(n->mdcr_el2.value == nv.mdcr_el2.value && n->mdcr_el2.mask == nv.mdcr_el2.mask);
	assert_true(n->hdfgrtr_el2.value == nv.hdfgrtr_el2.value);
	assert_true(n->pmscr_el2.value == nv.pmscr_el2.value);
	for (w = 0; w <= 1; w++)
		for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++)
			assert_int_equal(n->route[w][slot],
					 nv.access[w][slot] == SPEVIRT_ACCESS_UNTRAPPED ?
					 SPEVIRT_NESTED_HARDWARE : SPEVIRT_NESTED_UNDEF);
}

/* L1's settings are refused with @status, the reason naming @why (NULL: any). */
static void assert_refused(const struct spevirt_host *host, const struct spevirt_view *v,
			   const struct spevirt_nested_l1 *l1, enum spevirt_status status,
			   const char *why)
{
	struct spevirt_nested n;

	assert_status(spevirt_nested_compose(host, v, l1, &n), status);
	if (why)
		assert_reason_names(n.reason, why);
	check_refused(host, &n);
}

/* L1's fine-grained traps: none, all, each alone, and random sets. */
#define FGT_PATTERNS	36

static void l1_fgt_pattern(unsigned int p, struct spevirt_el2_regs *el2)
{
	uint64_t rd = SPEVIRT_HDFGRTR_EL2_PMSLATFR_EL1 | SPEVIRT_HDFGRTR_EL2_PMSIRR_EL1 |
		      SPEVIRT_HDFGRTR_EL2_PMSIDR_EL1 | SPEVIRT_HDFGRTR_EL2_PMSICR_EL1 |
		      SPEVIRT_HDFGRTR_EL2_PMSFCR_EL1 | SPEVIRT_HDFGRTR_EL2_PMSEVFR_EL1 |
		      SPEVIRT_HDFGRTR_EL2_PMSCR_EL1 | SPEVIRT_HDFGRTR_EL2_PMBSR_EL1 |
		      SPEVIRT_HDFGRTR_EL2_PMBPTR_EL1 | SPEVIRT_HDFGRTR_EL2_PMBLIMITR_EL1 |
		      SPEVIRT_HDFGRTR_EL2_PMBIDR_EL1 | SPEVIRT_HDFGRTR_EL2_NPMSNEVFR_EL1;
	uint64_t wr = SPEVIRT_HDFGWTR_EL2_PMSLATFR_EL1 | SPEVIRT_HDFGWTR_EL2_PMSIRR_EL1 |
		      SPEVIRT_HDFGWTR_EL2_PMSICR_EL1 | SPEVIRT_HDFGWTR_EL2_PMSFCR_EL1 |
		      SPEVIRT_HDFGWTR_EL2_PMSEVFR_EL1 | SPEVIRT_HDFGWTR_EL2_PMSCR_EL1 |
		      SPEVIRT_HDFGWTR_EL2_PMBSR_EL1 | SPEVIRT_HDFGWTR_EL2_PMBPTR_EL1 |
		      SPEVIRT_HDFGWTR_EL2_PMBLIMITR_EL1 | SPEVIRT_HDFGWTR_EL2_NPMSNEVFR_EL1;
	uint64_t rd2 = SPEVIRT_HDFGRTR2_EL2_NPMSDSFR_EL1 | SPEVIRT_HDFGRTR2_EL2_NPMBMAR_EL1;
	uint64_t wr2 = SPEVIRT_HDFGWTR2_EL2_NPMSDSFR_EL1 | SPEVIRT_HDFGWTR2_EL2_NPMBMAR_EL1;
	uint64_t all[4] = { rd, wr, rd2, wr2 }, pick[4] = { 0 };
	unsigned int k, n = 0;

	if (p == 1) {
		memcpy(pick, all, sizeof(pick));
	} else if (p >= 2 && p < 28) {
		/* The (p - 2)-th bit of the four registers, in order. */
		for (k = 0; k < 4 && !pick[0] && !pick[1] && !pick[2] && !pick[3]; k++) {
			uint64_t b;

			for (b = all[k]; b; b &= b - 1, n++)
				if (n == p - 2)
					pick[k] = b & -b;
		}
	} else if (p >= 28) {
		for (k = 0; k < 4; k++)
			pick[k] = all[k] & rnd();
	}
	el2->hdfgrtr_el2 = pick[0];
	el2->hdfgwtr_el2 = pick[1];
	el2->hdfgrtr2_el2 = pick[2];
	el2->hdfgwtr2_el2 = pick[3];
}

/* The FGT level whose traps the host applies: FEAT_FGT2 needs FGTEn too. */
static unsigned int host_fgt_level(const struct spevirt_host *h)
{
	unsigned int fgt = (unsigned int)((h->id_aa64mmfr0_el1 >> 56) & 0xf);

	if (h->el3_disabled & SPEVIRT_EL3_NO_FGT)
		return 0;
	return (h->el3_disabled & SPEVIRT_EL3_NO_FGT2) && fgt > 1 ? 1 : fgt;
}

/* Does the architecture permit L1's machine (FDS and nVM need FEAT_FGT2)? */
static bool l1_machine_valid(const struct spevirt_view *v, unsigned int fgt)
{
	struct spevirt_host m = l1_machine(v, fgt);
	struct spevirt_el2_regs none = { 0 };
	struct spevirt_hw_result r;

	return spevirt_hw_access(&m, &none, SPEVIRT_SYSREG_PMSIDR_EL1, false, &r) == SPEVIRT_OK;
}

/*
 * Why spevirt's own view is refused for L1, in the order the composition
 * checks: an FGT level the host cannot apply, a view without a machine of
 * the architecture (its leak ID_INCONSISTENT, or FDS or nVM below
 * FEAT_FGT2), the reserved E2PB, then the PMBIDR_EL1 trap without FEAT_FGT.
 */
static enum spevirt_status expected_refusal(const struct spevirt_host *h,
					    const struct spevirt_view *v, unsigned int fgt,
					    unsigned int e2pb)
{
	if (fgt > host_fgt_level(h))
		return SPEVIRT_E_NEED_FGT;
	if (v->leaks & SPEVIRT_LEAK_ID_INCONSISTENT)
		return SPEVIRT_E_PMSVER;
	if (!l1_machine_valid(v, fgt))
		return SPEVIRT_E_NEED_FGT;
	return e2pb == 1 ? SPEVIRT_E_INVAL : SPEVIRT_E_NEED_FGT;
}

struct tally {
	unsigned long composed, refused, accesses;
};

/*
 * Every L1 configuration whose bits decide an SPE access: the FGT level L1
 * is shown, vMDCR_EL2.TPMS and E2PB (the reserved 0b01 included),
 * vPMSCR_EL2.EnVM, and the FGT patterns; the rest of L1's registers
 * (PA, CX, PCT, PSBCSYNC, RES0 bits) random.  An access's outcome reads one
 * bit of L1's fine-grained trap registers, its own (the pseudocode of each
 * register, D24.7), so none, all and each bit alone give every value of
 * every access's bit; the random sets mix them.
 */
static void sweep_l1(const struct spevirt_host *h, const struct spevirt_view *v,
		     struct tally *t)
{
	unsigned int fgt, tpms, e2pb, envm, pat;

	for (fgt = 0; fgt <= 2; fgt++)
		for (tpms = 0; tpms <= 1; tpms++)
			for (e2pb = 0; e2pb <= 3; e2pb++)
				for (envm = 0; envm <= 1; envm++)
					for (pat = 0; pat < FGT_PATTERNS; pat++) {
						struct spevirt_nested_l1 l1 = { .fgt = fgt };
						struct spevirt_nested n;
						enum spevirt_status st;

						l1.el2.mdcr_el2 = (rnd() & ~0x7000ULL) |
								  ((uint64_t)tpms << 14) |
								  ((uint64_t)e2pb << 12);
						l1.el2.pmscr_el2 = (rnd() & ~SPEVIRT_PMSCR_EL2_ENVM) |
								   ((uint64_t)envm << 11);
						l1.el2.hfgitr_el2 = rnd();
						l1_fgt_pattern(pat, &l1.el2);
						st = spevirt_nested_compose(h, v, &l1, &n);
						if (st != SPEVIRT_OK) {
							check_refused(h, &n);
							assert_status(st, expected_refusal(h, v, fgt,
											   e2pb));
							t->refused++;
							continue;
						}
						assert_true(fgt <= host_fgt_level(h) && e2pb != 1);
						if (v->id_aa64dfr0_el1.value) {
							check_transparent(h, v, &l1, &n);
							check_state(v, &l1, &n);
						} else {
							check_as_l1(h, v, &n);
						}
						check_isolated(v, &n);
						t->composed++;
						t->accesses += 28;
					}
}

/* Views of L0 for L1: both profiles, every SPE level up to the host's, with and without flags. */
static void every_l2_access_is_what_l1s_machine_gives(void **state)
{
	static const unsigned int flag_sets[] = {
		0, SPEVIRT_CFG_PINNED_MEMORY,
		SPEVIRT_CFG_ALLOW_PHYS_ADDR | SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2 |
			SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP,
		SPEVIRT_CFG_TPMS_FALLBACK,
	};
	static const unsigned int hosts[][4] = {
		/* PMSVer, FGT, features, what EL3 leaves disabled */
		{ 0, 0, 0, 0 }, { 0, 2, 0, 0 }, { 1, 0, 0, 0 }, { 1, 1, 0, 0 },
		{ 3, 1, HOST_PBT, 0 }, { 3, 0, 0, 0 }, { 5, 2, HOST_FDS | HOST_NVM, 0 },
		{ 5, 1, 0, 0 }, { 6, 2, HOST_EFT, 0 },
		{ 5, 2, HOST_FDS | HOST_NVM, SPEVIRT_EL3_NO_FGT },
		{ 5, 2, HOST_FDS | HOST_NVM, SPEVIRT_EL3_NO_FGT2 },
		{ 5, 2, HOST_FDS | HOST_NVM, SPEVIRT_EL3_NO_PMSNEVFR | SPEVIRT_EL3_NO_PMSDSFR |
					     SPEVIRT_EL3_NO_PMBMAR },
		{ 3, 1, 0, SPEVIRT_EL3_PMSEE_ALL },
	};
	static const enum spevirt_profile profiles[] = {
		SPEVIRT_PROFILE_DEFAULT, SPEVIRT_PROFILE_KVM_RFC_V6,
	};
	struct tally t = { 0 };
	unsigned int hi, pmsver, f, p;

	(void)state;
	for (hi = 0; hi < sizeof(hosts) / sizeof(hosts[0]); hi++)
		for (pmsver = 0; pmsver <= hosts[hi][0]; pmsver++)
			for (f = 0; f < sizeof(flag_sets) / sizeof(flag_sets[0]) * 2; f++) {
				struct spevirt_host h = make_host(hosts[hi][0], hosts[hi][1],
								  hosts[hi][2]);
				struct spevirt_config c = make_cfg(profiles[f % 2], pmsver);
				struct spevirt_view v;

				h.el3_disabled = hosts[hi][3];
				p = f / 2;
				c.flags = flag_sets[p];
				c.spe_nvm = (hosts[hi][2] & HOST_NVM) && pmsver >= 5;
				if (spevirt_view_compute(&h, &c, &v) != SPEVIRT_OK)
					continue;
				sweep_l1(&h, &v, &t);
			}
	print_message("# %lu compositions (%lu accesses each pair of directions), %lu refused\n",
		      t.composed, 28UL, t.refused);
	assert_true(t.composed > 10000);
	assert_true(t.refused > 0);
}

/*
 * D24.7.1: with vMDCR_EL2.E2PB 0b00 the buffer is EL2's and L2 reads
 * PMBIDR_EL1.P as 1; the hardware runs L2 with the buffer EL1's, so the
 * read must trap, which only HDFGRTR_EL2.PMBIDR_EL1 (FEAT_FGT) can do.
 */
static void l1_owning_the_buffer_needs_a_pmbidr_trap(void **state)
{
	struct spevirt_host h = make_host(3, 0, 0), hf = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_nested_l1 l1 = { .el2.mdcr_el2 = 0 };
	struct spevirt_view v, vf;
	struct spevirt_nested n;
	uint32_t slot = spevirt_spe_slot(SPEVIRT_SYSREG_PMBIDR_EL1);

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_status(spevirt_nested_compose(&h, &v, &l1, &n), SPEVIRT_E_NEED_FGT);
	assert_true(reason_names(n.reason, "PMBIDR_EL1.P"));
	/* The machine L1 sees is known by then, and kept. */
	assert_true(n.l1_host.id_aa64dfr0_el1 == v.id_aa64dfr0_el1.value);
	assert_true(n.l1_host.pmsidr_el1 == v.pmsidr_el1);
	assert_status(spevirt_view_compute(&hf, &c, &vf), SPEVIRT_OK);
	assert_status(spevirt_nested_compose(&hf, &vf, &l1, &n), SPEVIRT_OK);
	assert_int_equal(n.route[0][slot], SPEVIRT_NESTED_EMULATE);
	assert_int_equal(n.emulate[0][slot], SPEVIRT_ACCESS_READ_VIEW);
	assert_true(n.pmbidr_el1 & SPEVIRT_PMBIDR_EL1_P);
	assert_true(n.hdfgrtr_el2.value & SPEVIRT_HDFGRTR_EL2_PMBIDR_EL1);
	/* L1's own EL2 buffer is not L2's: its registers are not loaded for L2. */
	assert_false(n.load & (1U << spevirt_spe_slot(SPEVIRT_SYSREG_PMBLIMITR_EL1)));
	assert_int_equal(n.route[1][spevirt_spe_slot(SPEVIRT_SYSREG_PMBLIMITR_EL1)],
			 SPEVIRT_NESTED_REFLECT);
}

/* Every control and route 0, and a reason. */
static void assert_nothing_composed(const struct spevirt_nested *n)
{
	const struct spevirt_regmask *rm[] = {
		&n->mdcr_el2, &n->pmscr_el2, &n->hdfgrtr_el2, &n->hdfgwtr_el2,
		&n->hdfgrtr2_el2, &n->hdfgwtr2_el2, &n->hfgitr_el2,
	};
	unsigned int i, slot;

	assert_non_null(n->reason);
	for (i = 0; i < sizeof(rm) / sizeof(rm[0]); i++)
		assert_true(rm[i]->mask == 0 && rm[i]->value == 0);
	for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++)
		assert_true(n->route[0][slot] == SPEVIRT_NESTED_UNDEF &&
			    n->route[1][slot] == SPEVIRT_NESTED_UNDEF);
}

/* Hostile or impossible L1 settings are refused and fail closed. */
static void hostile_l1_settings_are_refused(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS | HOST_NVM);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 5);
	struct spevirt_nested_l1 l1 = { .fgt = 2 };
	struct spevirt_view v;
	struct spevirt_nested n;

	(void)state;
	c.spe_nvm = 1;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	l1.el2.mdcr_el2 = 1ULL << 12;	/* E2PB 0b01: reserved */
	assert_refused(&h, &v, &l1, SPEVIRT_E_INVAL, NULL);
	l1.el2.mdcr_el2 = 0;
	l1.fgt = 3;
	assert_refused(&h, &v, &l1, SPEVIRT_E_INVAL, NULL);
	/* FEAT_SPE_FDS and FEAT_SPE_nVM with EL2 require FEAT_FGT2 (A2.2). */
	l1.fgt = 1;
	assert_refused(&h, &v, &l1, SPEVIRT_E_NEED_FGT, NULL);
	/* Without a host nothing can be computed: every control and route 0. */
	assert_status(spevirt_nested_compose(NULL, &v, &l1, &n), SPEVIRT_E_INVAL);
	assert_nothing_composed(&n);
	assert_status(spevirt_nested_compose(&h, NULL, &l1, &n), SPEVIRT_E_INVAL);
	assert_nothing_composed(&n);
	assert_status(spevirt_nested_compose(&h, &v, NULL, &n), SPEVIRT_E_INVAL);
	assert_status(spevirt_nested_compose(&h, &v, &l1, NULL), SPEVIRT_E_INVAL);
	/* A result overlapping any input would overwrite what is still to be read. */
	assert_status(spevirt_nested_compose(&h, &v, (const struct spevirt_nested_l1 *)(void *)&n,
					     &n), SPEVIRT_E_INVAL);
	assert_nothing_composed(&n);
	assert_status(spevirt_nested_compose((const struct spevirt_host *)(void *)&n, &v, &l1,
					     &n), SPEVIRT_E_INVAL);
	assert_nothing_composed(&n);
	assert_status(spevirt_nested_compose(&h, (const struct spevirt_view *)(void *)&n, &l1,
					     &n), SPEVIRT_E_INVAL);
	assert_nothing_composed(&n);
	h.el3_disabled = 1U << 31;
	assert_status(spevirt_nested_compose(&h, &v, &l1, &n), SPEVIRT_E_INVAL);
	h = make_host(5, 0, HOST_FDS);	/* FDS without FGT2: not a host */
	assert_status(spevirt_nested_compose(&h, &v, &l1, &n), SPEVIRT_E_HOST_INVALID);
}

/*
 * A view made for another host (here, one whose EL3 firmware still traps
 * the buffer, MDCR_EL3.NSPB 0b10) is refused: an L2 access would reach EL3.
 */
static void a_view_of_another_host_is_refused(void **state)
{
	struct spevirt_host a = make_host(3, 1, 0), b = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_nested_l1 l1 = { .fgt = 1, .el2.mdcr_el2 = 3ULL << 12 };
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_PINNED_MEMORY;
	b.el3_disabled = SPEVIRT_EL3_NSPB_TRAP;
	assert_status(spevirt_view_compute(&a, &c, &v), SPEVIRT_OK);
	assert_refused(&b, &v, &l1, SPEVIRT_E_INVAL, "EL3");
}

/*
 * The KVM RFC v6 profile's V1P5 view lacks the SPE_nVM and SPE_EXC
 * FEAT_SPEv1p5 implies (A2.2, leak ID_INCONSISTENT): no machine of the
 * architecture is L1's, so there is nothing for L2 to observe exactly.
 */
static void an_inconsistent_view_for_l1_is_refused(void **state)
{
	struct spevirt_host h = make_host(6, 2, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6, 6);
	struct spevirt_nested_l1 l1 = { .fgt = 2, .el2.mdcr_el2 = 3ULL << 12 };
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_true(v.leaks & SPEVIRT_LEAK_ID_INCONSISTENT);
	assert_refused(&h, &v, &l1, SPEVIRT_E_PMSVER, "ID_INCONSISTENT");
}

/* A guest hypervisor shown FGT on a host without it could not trap for L2. */
static void l1_shown_fgt_the_host_lacks_is_refused(void **state)
{
	struct spevirt_host h = make_host(3, 0, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_nested_l1 l1 = { .fgt = 1, .el2.mdcr_el2 = 3ULL << 12 };
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_refused(&h, &v, &l1, SPEVIRT_E_NEED_FGT, NULL);
}

/*
 * SCR_EL3.FGTEn 0 disables HDFGRTR_EL2's traps (D24.7.1's "SCR_EL3.FGTEn
 * == '1'"), whatever FGTEn2 says: L1 can be shown neither FEAT_FGT nor
 * FEAT_FGT2, which has FEAT_FGT's registers (A2.2).
 */
static void l1_shown_fgt_el3_disables_is_refused(void **state)
{
	struct spevirt_host h = make_host(5, 2, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 5);
	struct spevirt_nested_l1 l1 = { .el2.mdcr_el2 = 3ULL << 12 };
	struct spevirt_view v;
	struct spevirt_nested n;

	(void)state;
	h.el3_disabled = SPEVIRT_EL3_NO_FGT;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	for (l1.fgt = 1; l1.fgt <= 2; l1.fgt++) {
		assert_refused(&h, &v, &l1, SPEVIRT_E_NEED_FGT, "whose traps the host cannot apply");
	}
	l1.fgt = 0;
	assert_status(spevirt_nested_compose(&h, &v, &l1, &n), SPEVIRT_OK);
}

/*
 * The most L1 can be shown is the host's FGT level as far as EL3 leaves it
 * enabled: one level more is refused as traps the host cannot apply.
 */
static void max_fgt_is_what_el3_leaves_enabled(void **state)
{
	static const uint32_t el3[] = {
		0, SPEVIRT_EL3_NO_FGT, SPEVIRT_EL3_NO_FGT2, SPEVIRT_EL3_NO_FGT | SPEVIRT_EL3_NO_FGT2,
	};
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_nested_l1 l1 = { .el2.mdcr_el2 = 3ULL << 12 };
	unsigned int fgt, e, max;
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_TPMS_FALLBACK;
	for (fgt = 0; fgt <= 2; fgt++)
		for (e = 0; e < sizeof(el3) / sizeof(el3[0]); e++) {
			struct spevirt_host h = make_host(3, fgt, 0);

			h.el3_disabled = el3[e];
			assert_status(spevirt_nested_max_fgt(&h, &max), SPEVIRT_OK);
			assert_int_equal(max, host_fgt_level(&h));
			assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
			l1.fgt = max + 1;
			if (l1.fgt <= 2)
				assert_refused(&h, &v, &l1, SPEVIRT_E_NEED_FGT,
					       "whose traps the host cannot apply");
		}
}

static void max_fgt_refuses_what_is_not_a_host(void **state)
{
	struct spevirt_host h = make_host(3, 2, 0);
	unsigned int max = 7;

	(void)state;
	assert_status(spevirt_nested_max_fgt(NULL, &max), SPEVIRT_E_INVAL);
	assert_int_equal(max, 0);
	assert_status(spevirt_nested_max_fgt(&h, NULL), SPEVIRT_E_INVAL);
	h.el3_disabled = 1U << 31;
	max = 7;
	assert_status(spevirt_nested_max_fgt(&h, &max), SPEVIRT_E_INVAL);
	assert_int_equal(max, 0);
	h = make_host(5, 1, HOST_FDS);	/* FDS without FGT2: not a host */
	max = 7;
	assert_status(spevirt_nested_max_fgt(&h, &max), SPEVIRT_E_HOST_INVALID);
	assert_int_equal(max, 0);
}

/*
 * With EL2, FEAT_SPE_FDS and FEAT_SPE_nVM require FEAT_FGT2 (A2.2, A2.3):
 * a view with FDS is L1's only if L1 is shown FEAT_FGT2, and the reason
 * says whether the host could show it.
 */
static void l1_with_fds_needs_fgt2(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS), h1 = h;
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 5);
	struct spevirt_nested_l1 l1 = { .fgt = 1, .el2.mdcr_el2 = 3ULL << 12 };
	struct spevirt_view v, v1;
	struct spevirt_nested n;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_true(v.pmsidr_el1 & SPEVIRT_PMSIDR_EL1_FDS);
	assert_refused(&h, &v, &l1, SPEVIRT_E_NEED_FGT, "show L1 FEAT_FGT2, which the host applies");
	l1.fgt = 2;
	assert_status(spevirt_nested_compose(&h, &v, &l1, &n), SPEVIRT_OK);

	/* SCR_EL3.FGTEn2 0: the view keeps FDS (PMSDSFR_EL1 always traps), L1 cannot. */
	h1.el3_disabled = SPEVIRT_EL3_NO_FGT2;
	l1.fgt = 1;
	assert_status(spevirt_view_compute(&h1, &c, &v1), SPEVIRT_OK);
	assert_true(v1.pmsidr_el1 & SPEVIRT_PMSIDR_EL1_FDS);
	assert_refused(&h1, &v1, &l1, SPEVIRT_E_NEED_FGT, "give L1 a view below FEAT_SPEv1p4");
	c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 4);
	assert_status(spevirt_view_compute(&h1, &c, &v1), SPEVIRT_OK);
	assert_status(spevirt_nested_compose(&h1, &v1, &l1, &n), SPEVIRT_OK);
}

/*
 * PMSCR_EL2 while L2 runs: PA, CX and EnVM where both allow, PCT the
 * virtual counter when either asks for it; never beyond L0's view.
 */
static void pmscr_el2_takes_what_both_allow(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS | HOST_NVM);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 5);
	struct spevirt_nested_l1 l1 = { .fgt = 2, .el2.mdcr_el2 = 3ULL << 12 };
	struct spevirt_view v;
	struct spevirt_nested n;

	(void)state;
	c.spe_nvm = 1;
	c.flags = SPEVIRT_CFG_ALLOW_PHYS_ADDR | SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	l1.el2.pmscr_el2 = SPEVIRT_PMSCR_EL2_PA | SPEVIRT_PMSCR_EL2_CX | SPEVIRT_PMSCR_EL2_ENVM |
			   (SPEVIRT_PMSCR_EL2_PCT_PHYS << SPEVIRT_PMSCR_EL2_PCT_SHIFT);
	assert_status(spevirt_nested_compose(&h, &v, &l1, &n), SPEVIRT_OK);
	assert_true(n.pmscr_el2.value & SPEVIRT_PMSCR_EL2_PA);
	assert_false(n.pmscr_el2.value & SPEVIRT_PMSCR_EL2_CX);	/* L0 does not allow it */
	assert_true(n.pmscr_el2.value & SPEVIRT_PMSCR_EL2_ENVM);
	assert_true((n.pmscr_el2.value & SPEVIRT_PMSCR_EL2_PCT) ==
		    (v.pmscr_el2.value & SPEVIRT_PMSCR_EL2_PCT));
	l1.el2.pmscr_el2 = 0;
	assert_status(spevirt_nested_compose(&h, &v, &l1, &n), SPEVIRT_OK);
	assert_false(n.pmscr_el2.value & (SPEVIRT_PMSCR_EL2_PA | SPEVIRT_PMSCR_EL2_ENVM |
					  SPEVIRT_PMSCR_EL2_PCT));
	/* PCT 0b10 is reserved: the virtual counter; 0b11 (guest physical) keeps L0's. */
	l1.el2.pmscr_el2 = 2ULL << SPEVIRT_PMSCR_EL2_PCT_SHIFT;
	assert_status(spevirt_nested_compose(&h, &v, &l1, &n), SPEVIRT_OK);
	assert_false(n.pmscr_el2.value & SPEVIRT_PMSCR_EL2_PCT);
	l1.el2.pmscr_el2 = 3ULL << SPEVIRT_PMSCR_EL2_PCT_SHIFT;
	assert_status(spevirt_nested_compose(&h, &v, &l1, &n), SPEVIRT_OK);
	assert_true((n.pmscr_el2.value & SPEVIRT_PMSCR_EL2_PCT) ==
		    (v.pmscr_el2.value & SPEVIRT_PMSCR_EL2_PCT));
	assert_true(v.pmscr_el2.value & SPEVIRT_PMSCR_EL2_PCT);
}

/*
 * Arm ARM D8.14.6.2, Table D8-120 (arm/arm-D8.14.md lines 243 to 255 of
 * DDI0487 M.a.a as text): the VNCR_EL2 page offset of each SPE register.
 */
static void vncr_offsets_are_table_d8_120(void **state)
{
	static const struct { uint32_t enc; uint32_t off; } table[] = {
		{ SPEVIRT_SYSREG_PMBLIMITR_EL1, 0x800 },	/* line 243 */
		{ SPEVIRT_SYSREG_PMBPTR_EL1, 0x810 },		/* line 244 */
		{ SPEVIRT_SYSREG_PMBSR_EL1, 0x820 },		/* line 245 */
		{ SPEVIRT_SYSREG_PMSCR_EL1, 0x828 },		/* line 249: PMSCR_EL12 with NV1 0 */
		{ SPEVIRT_SYSREG_PMSEVFR_EL1, 0x830 },		/* line 250 */
		{ SPEVIRT_SYSREG_PMSICR_EL1, 0x838 },		/* line 251 */
		{ SPEVIRT_SYSREG_PMSIRR_EL1, 0x840 },		/* line 252 */
		{ SPEVIRT_SYSREG_PMSLATFR_EL1, 0x848 },		/* line 253 */
		{ SPEVIRT_SYSREG_PMSNEVFR_EL1, 0x850 },		/* line 254 */
		{ SPEVIRT_SYSREG_PMSDSFR_EL1, 0x858 },		/* line 255 */
		/* Not in the table. */
		{ SPEVIRT_SYSREG_PMSFCR_EL1, 0 },
		{ SPEVIRT_SYSREG_PMBMAR_EL1, 0 },
		{ SPEVIRT_SYSREG_PMSIDR_EL1, 0 },
		{ SPEVIRT_SYSREG_PMBIDR_EL1, 0 },
		{ SPEVIRT_SYSREG(3, 4, 9, 9, 0), 0 },		/* PMSCR_EL2 */
		{ SPEVIRT_SYSREG(3, 0, 9, 10, 2), 0 },		/* unallocated */
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		assert_int_equal(spevirt_vncr_offset(table[i].enc), table[i].off);
}

/* Each register with an offset is in vncr; the others L1 reaches itself. */
static void state_lives_in_the_page_or_the_hardware(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS | HOST_NVM);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 5);
	struct spevirt_nested_l1 l1 = { .fgt = 2, .el2.mdcr_el2 = 2ULL << 12 };
	struct spevirt_view v;
	struct spevirt_nested n;
	unsigned int i;

	(void)state;
	c.spe_nvm = 1;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_status(spevirt_nested_compose(&h, &v, &l1, &n), SPEVIRT_OK);
	for (i = 0; i < sizeof(spe_regs) / sizeof(spe_regs[0]); i++) {
		uint16_t bit = (uint16_t)(1U << spevirt_spe_slot(spe_regs[i]));

		assert_int_equal(!!(n.vncr & bit), spevirt_vncr_offset(spe_regs[i]) != 0);
		assert_int_equal(!!(n.load & bit), spevirt_vncr_offset(spe_regs[i]) != 0);
		assert_int_equal(!!(n.shared & bit), spe_regs[i] == SPEVIRT_SYSREG_PMSFCR_EL1 ||
						     spe_regs[i] == SPEVIRT_SYSREG_PMBMAR_EL1);
	}
}

/* The ESR L1 sees is the hardware's: EC 0x18, IL 1, the ISS decoded back. */
static void reflected_esr_is_the_trap_syndrome(void **state)
{
	uint32_t enc;
	unsigned int rt;
	int w;

	(void)state;
	for (enc = SPEVIRT_SYSREG(0, 0, 0, 0, 0); enc <= SPEVIRT_SYSREG(3, 7, 15, 15, 7);
	     enc += 1U << 5)
		for (rt = 0; rt < 32; rt += 7)
			for (w = 0; w <= 1; w++) {
				uint64_t esr = spevirt_nested_esr(enc, rt, w);
				unsigned int got_rt;
				bool got_w;

				assert_int_equal(esr >> 26, SPEVIRT_ESR_EC_SYS64);
				assert_int_equal((esr >> 25) & 1, 1);
				assert_int_equal(spevirt_sysreg_from_iss((uint32_t)(esr & 0x1ffffff),
									 &got_rt, &got_w), enc);
				assert_int_equal(got_rt, rt);
				assert_int_equal(got_w, w);
			}
}

/*
 * PSB CSYNC: only FEAT_FGT with FEAT_SPEv1p5 traps it (C6.2, PSB).  A
 * composed L1's machine is below FEAT_SPEv1p5, so L0's trap is emulated and L1's
 * HFGITR_EL2.PSBCSYNC has nothing to trap.
 */
static void psb_csync_is_l0s_to_emulate(void **state)
{
	struct spevirt_host h = make_host(6, 2, 0), h4 = make_host(5, 2, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 4);
	struct spevirt_nested_l1 l1 = { .fgt = 2, .el2.mdcr_el2 = 3ULL << 12 };
	struct spevirt_view v;
	struct spevirt_nested n;

	(void)state;
	l1.el2.hfgitr_el2 = SPEVIRT_HFGITR_EL2_PSBCSYNC;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_status(spevirt_nested_compose(&h, &v, &l1, &n), SPEVIRT_OK);
	assert_true(v.hfgitr_el2.mask & SPEVIRT_HFGITR_EL2_PSBCSYNC);
	assert_int_equal(n.psb_route, (v.hfgitr_el2.value & SPEVIRT_HFGITR_EL2_PSBCSYNC) ?
			 SPEVIRT_NESTED_EMULATE : SPEVIRT_NESTED_HARDWARE);
	assert_true(n.hfgitr_el2.value == v.hfgitr_el2.value);
	/* Without FEAT_SPEv1p5 on the host nothing traps it. */
	assert_status(spevirt_view_compute(&h4, &c, &v), SPEVIRT_OK);
	assert_status(spevirt_nested_compose(&h4, &v, &l1, &n), SPEVIRT_OK);
	assert_int_equal(n.psb_route, SPEVIRT_NESTED_HARDWARE);
}

/*
 * Views spevirt never gives are refused: one showing L1 a consistent
 * FEAT_SPEv1p5, one whose decisions say "trap" where its controls do not.
 */
static void forged_views_are_refused(void **state)
{
	struct spevirt_host h = make_host(6, 2, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 4);
	struct spevirt_nested_l1 l1 = { .fgt = 2, .el2.mdcr_el2 = 3ULL << 12 };
	struct spevirt_view v, forged;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	forged = v;
	forged.id_aa64dfr0_el1.value = (uint64_t)SPEVIRT_PMSVER_V1P5 << 32;
	forged.leaks &= ~SPEVIRT_LEAK_ID_INCONSISTENT;
	assert_refused(&h, &forged, &l1, SPEVIRT_E_INVAL, NULL);
	/*
	 * A consistent V1P5, with the SPE_nVM and SPE_EXC it implies, is a
	 * machine, but not one spevirt gives L1: SPE_EXC is not composed.
	 */
	forged.id_aa64dfr2_el1.mask = SPEVIRT_ID_AA64DFR2_EL1_SPE_NVM | SPEVIRT_ID_AA64DFR2_EL1_SPE_EXC;
	forged.id_aa64dfr2_el1.value = (1ULL << SPEVIRT_ID_AA64DFR2_EL1_SPE_NVM_SHIFT) |
				       (1ULL << SPEVIRT_ID_AA64DFR2_EL1_SPE_EXC_SHIFT);
	forged.pmsidr_el1 = h.pmsidr_el1;
	assert_refused(&h, &forged, &l1, SPEVIRT_E_INVAL, "FEAT_SPEv1p5");
	forged = v;
	forged.access[1][spevirt_spe_slot(SPEVIRT_SYSREG_PMSCR_EL1)] = SPEVIRT_ACCESS_EMULATE;
	forged.hdfgwtr_el2.value &= ~SPEVIRT_HDFGWTR_EL2_PMSCR_EL1;
	assert_refused(&h, &forged, &l1, SPEVIRT_E_INVAL, "not one spevirt_view_compute() gave");
	/* A read, too: only PMBIDR_EL1's read may need a trap L0's view lacks. */
	forged = v;
	forged.access[0][spevirt_spe_slot(SPEVIRT_SYSREG_PMSICR_EL1)] = SPEVIRT_ACCESS_FORWARD;
	assert_refused(&h, &forged, &l1, SPEVIRT_E_INVAL, NULL);
	/* FDS without LDS (A2.2): no FGT level makes that a machine. */
	forged = v;
	forged.pmsidr_el1 = (forged.pmsidr_el1 | SPEVIRT_PMSIDR_EL1_FDS) & ~SPEVIRT_PMSIDR_EL1_LDS;
	forged.id_aa64dfr0_el1.value = (uint64_t)SPEVIRT_PMSVER_V1P4 << 32;
	for (l1.fgt = 0; l1.fgt <= 2; l1.fgt++) {
		assert_refused(&h, &forged, &l1, SPEVIRT_E_INVAL, "at any FGT level");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_l2_access_is_what_l1s_machine_gives),
		cmocka_unit_test(l1_owning_the_buffer_needs_a_pmbidr_trap),
		cmocka_unit_test(hostile_l1_settings_are_refused),
		cmocka_unit_test(l1_shown_fgt_the_host_lacks_is_refused),
		cmocka_unit_test(l1_shown_fgt_el3_disables_is_refused),
		cmocka_unit_test(max_fgt_is_what_el3_leaves_enabled),
		cmocka_unit_test(max_fgt_refuses_what_is_not_a_host),
		cmocka_unit_test(l1_with_fds_needs_fgt2),
		cmocka_unit_test(a_view_of_another_host_is_refused),
		cmocka_unit_test(an_inconsistent_view_for_l1_is_refused),
		cmocka_unit_test(pmscr_el2_takes_what_both_allow),
		cmocka_unit_test(vncr_offsets_are_table_d8_120),
		cmocka_unit_test(state_lives_in_the_page_or_the_hardware),
		cmocka_unit_test(reflected_esr_is_the_trap_syndrome),
		cmocka_unit_test(psb_csync_is_l0s_to_emulate),
		cmocka_unit_test(forged_views_are_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
