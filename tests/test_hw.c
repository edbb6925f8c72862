// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * spevirt_hw_access(), the hardware's access model, against a second
 * transcription of the Arm ARM's "Accessing" pseudocode (D24.7.1 to
 * D24.7.17, the EL1 branch) written here with the bit numbers of the Arm
 * ARM tables: every register, both directions, every host (SPE level,
 * FnE, FDS, nVM, FGT level, buffer owner, each EL3 control) and every value
 * of the EL2 bits that can decide.  One test per pseudocode line shows that
 * line deciding.
 */
#include "common.h"

#include <spevirt/spevirt_audit.h>

enum { MDCR_NONE, MDCR_TPMS, MDCR_E2PB };
enum { EL3_NONE, EL3_NSPB_THEN_EN, EL3_EN_THEN_NSPB };

struct ref_reg {
	const char *name;
	uint32_t enc;
	unsigned int need;	/* 0 FEAT_SPE, 1 FEAT_SPE_FnE, 2 FEAT_SPE_FDS, 3 FEAT_SPE_nVM */
	int ro;			/* MRS only */
	int rd_bit, wr_bit;	/* HDFGRTR_EL2 / HDFGWTR_EL2 bit; -1 none */
	int fgt2_bit;		/* HDFGRTR2_EL2 / HDFGWTR2_EL2 bit (n-prefixed); -1 none */
	int negative;		/* the HDFGxTR_EL2 bit is n-prefixed */
	int mdcr;
	uint32_t en;		/* its MDCR_EL3 enable, as an SPEVIRT_EL3_NO_* bit */
	int el3_order;
};

/* D24.7.x "Accessing", and D24.2.67 to D24.2.70 for the trap bits. */
static const struct ref_reg refs[] = {
	{ "PMBIDR_EL1", SPEVIRT_SYSREG(3, 0, 9, 10, 7), 0, 1, 63, -1, -1, 0, MDCR_NONE, 0, EL3_NONE },
	{ "PMBLIMITR_EL1", SPEVIRT_SYSREG(3, 0, 9, 10, 0), 0, 0, 23, 23, -1, 0, MDCR_E2PB, 0,
	  EL3_NSPB_THEN_EN },
	{ "PMBPTR_EL1", SPEVIRT_SYSREG(3, 0, 9, 10, 1), 0, 0, 24, 24, -1, 0, MDCR_E2PB, 0,
	  EL3_NSPB_THEN_EN },
	{ "PMBSR_EL1", SPEVIRT_SYSREG(3, 0, 9, 10, 3), 0, 0, 25, 25, -1, 0, MDCR_E2PB, 0,
	  EL3_NSPB_THEN_EN },
	{ "PMBMAR_EL1", SPEVIRT_SYSREG(3, 0, 9, 10, 5), 3, 0, -1, -1, 24, 0, MDCR_E2PB,
	  SPEVIRT_EL3_NO_PMBMAR, EL3_EN_THEN_NSPB },
	{ "PMSCR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 0), 0, 0, 26, 26, -1, 0, MDCR_TPMS, 0,
	  EL3_NSPB_THEN_EN },
	{ "PMSNEVFR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 1), 1, 0, 62, 62, -1, 1, MDCR_TPMS,
	  SPEVIRT_EL3_NO_PMSNEVFR, EL3_NSPB_THEN_EN },
	{ "PMSICR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 2), 0, 0, 29, 29, -1, 0, MDCR_TPMS, 0,
	  EL3_NSPB_THEN_EN },
	{ "PMSIRR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 3), 0, 0, 31, 31, -1, 0, MDCR_TPMS, 0,
	  EL3_NSPB_THEN_EN },
	{ "PMSFCR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 4), 0, 0, 28, 28, -1, 0, MDCR_TPMS, 0,
	  EL3_NSPB_THEN_EN },
	{ "PMSEVFR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 5), 0, 0, 27, 27, -1, 0, MDCR_TPMS, 0,
	  EL3_NSPB_THEN_EN },
	{ "PMSLATFR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 6), 0, 0, 32, 32, -1, 0, MDCR_TPMS, 0,
	  EL3_NSPB_THEN_EN },
	{ "PMSIDR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 7), 0, 1, 30, -1, -1, 0, MDCR_TPMS, 0,
	  EL3_NSPB_THEN_EN },
	{ "PMSDSFR_EL1", SPEVIRT_SYSREG(3, 0, 9, 10, 4), 2, 0, -1, -1, 19, 0, MDCR_TPMS,
	  SPEVIRT_EL3_NO_PMSDSFR, EL3_EN_THEN_NSPB },
};

#define NR_REFS	(sizeof(refs) / sizeof(refs[0]))

static int bit(uint64_t v, int n)
{
	return n >= 0 && ((v >> n) & 1);
}

static int implemented(const struct ref_reg *r, const struct spevirt_host *h)
{
	if (((h->id_aa64dfr0_el1 >> 32) & 0xf) == 0)
		return 0;
	switch (r->need) {
	case 1:
		return bit(h->pmsidr_el1, 6);
	case 2:
		return bit(h->pmsidr_el1, 7);
	case 3:
		return ((h->id_aa64dfr2_el1 >> 20) & 0xf) != 0;
	default:
		return 1;
	}
}

/* The EL1 branch of r's pseudocode: the line that decides; *val what an executing MRS returns. */
static enum spevirt_hw_rule ref_access(const struct spevirt_host *h,
					  const struct spevirt_el2_regs *e,
					  const struct ref_reg *r, int w, uint64_t *val)
{
	unsigned int fgt_level = (unsigned int)((h->id_aa64mmfr0_el1 >> 56) & 0xf);
	int fgt = fgt_level >= 1 && !(h->el3_disabled & SPEVIRT_EL3_NO_FGT);
	int fgt2 = fgt_level >= 2, fgten2 = !(h->el3_disabled & SPEVIRT_EL3_NO_FGT2);
	/*
	 * MDCR_EL3.NSPB as Non-secure EL2 sees it: 0b0x when it reads
	 * PMBIDR_EL1.P = 1, 0b10 with SPEVIRT_EL3_NSPB_TRAP, else 0b11;
	 * CheckMDCR_EL3_NSPBTrap() traps Non-secure EL2 and EL1 unless 0b11.
	 */
	int nspb_field = bit(h->pmbidr_el1, 4) ? 0 : (h->el3_disabled & SPEVIRT_EL3_NSPB_TRAP) ? 2 : 3;
	int nspb = nspb_field != 3, en_off = r->en && (h->el3_disabled & r->en);
	uint64_t fgtreg = w ? e->hdfgwtr_el2 : e->hdfgrtr_el2;
	uint64_t fgt2reg = w ? e->hdfgwtr2_el2 : e->hdfgrtr2_el2;

	*val = 0;
	if (!implemented(r, h))
		return SPEVIRT_HW_RULE_NO_FEATURE;
	if (w && r->ro)
		return SPEVIRT_HW_RULE_READ_ONLY;
	if (r->fgt2_bit >= 0 && fgt2 && (!fgten2 || !bit(fgt2reg, r->fgt2_bit)))
		return SPEVIRT_HW_RULE_FGT2;
	if (r->fgt2_bit < 0 && fgt && bit(fgtreg, w ? r->wr_bit : r->rd_bit) != r->negative)
		return SPEVIRT_HW_RULE_FGT;
	if (r->mdcr == MDCR_TPMS && bit(e->mdcr_el2, 14))
		return SPEVIRT_HW_RULE_TPMS;
	if (r->mdcr == MDCR_E2PB && !bit(e->mdcr_el2, 12))
		return SPEVIRT_HW_RULE_E2PB;
	if (r->el3_order == EL3_EN_THEN_NSPB && en_off)
		return SPEVIRT_HW_RULE_EL3_ENABLE;
	if (r->el3_order != EL3_NONE && nspb)
		return SPEVIRT_HW_RULE_NSPB;
	if (en_off)
		return SPEVIRT_HW_RULE_EL3_ENABLE;
	if (!strcmp(r->name, "PMSIDR_EL1"))
		*val = h->pmsidr_el1;
	if (!strcmp(r->name, "PMBIDR_EL1")) {
		/* D24.7.1: P (Non-secure owns the buffer when NSPB[1] is 1), AddrMode. */
		int p = !(nspb_field & 2) || ((e->mdcr_el2 >> 12) & 3) == 0;

		*val = (h->pmbidr_el1 & ~BIT(4)) | (p ? BIT(4) : 0);
		if (((h->id_aa64dfr2_el1 >> 20) & 0xf) != 0)
			*val = (*val & ~GENMASK(7, 6)) | (!p && bit(e->pmscr_el2, 11) ? BIT(6) : 0);
	}
	return SPEVIRT_HW_RULE_EXECUTE;
}

/* What each line does: UNDEFINED, a trap to EL2 or EL3, or the access. */
static enum spevirt_hw_outcome ref_outcome(enum spevirt_hw_rule rule)
{
	if (rule == SPEVIRT_HW_RULE_NO_FEATURE || rule == SPEVIRT_HW_RULE_READ_ONLY)
		return SPEVIRT_HW_UNDEF;
	if (rule == SPEVIRT_HW_RULE_EL3_ENABLE || rule == SPEVIRT_HW_RULE_NSPB)
		return SPEVIRT_HW_TRAP_EL3;
	return rule == SPEVIRT_HW_RULE_EXECUTE ? SPEVIRT_HW_EXECUTE : SPEVIRT_HW_TRAP_EL2;
}

static const struct ref_reg *ref_named(const char *name)
{
	size_t i;

	for (i = 0; i < NR_REFS; i++)
		if (!strcmp(refs[i].name, name))
			return &refs[i];
	fail_msg("no register %s", name);
	return NULL;
}

/* One access through the library, with its status checked. */
static struct spevirt_hw_result hw(const struct spevirt_host *h, const struct spevirt_el2_regs *e,
				   const char *name, int w)
{
	struct spevirt_hw_result res;

	assert_int_equal(spevirt_hw_access(h, e, ref_named(name)->enc, w, &res), SPEVIRT_OK);
	return res;
}

/* The EL2 controls of a guest that owns its buffer with nothing trapped. */
static struct spevirt_el2_regs open_el2(void)
{
	struct spevirt_el2_regs e = { .mdcr_el2 = 3ULL << 12 };

	e.hdfgrtr_el2 = BIT(62);	/* nPMSNEVFR_EL1: 1 does not trap */
	e.hdfgwtr_el2 = BIT(62);
	e.hdfgrtr2_el2 = BIT(24) | BIT(19);
	e.hdfgwtr2_el2 = BIT(24) | BIT(19);
	return e;
}

static void is_feature_implemented_line_undefs_before_any_trap(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_el2_regs e = { .mdcr_el2 = BIT(14), .hdfgrtr_el2 = ~0ULL };
	struct spevirt_hw_result r;

	(void)state;
	r = hw(&h, &e, "PMSDSFR_EL1", 0);	/* no FEAT_SPE_FDS */
	assert_int_equal(r.outcome, SPEVIRT_HW_UNDEF);
	assert_int_equal(r.rule, SPEVIRT_HW_RULE_NO_FEATURE);
	h = make_host(0, 1, 0);
	r = hw(&h, &e, "PMSIDR_EL1", 0);
	assert_int_equal(r.rule, SPEVIRT_HW_RULE_NO_FEATURE);
	assert_int_equal(r.value, 0);
}

static void mrs_only_registers_undef_on_msr(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_el2_regs e = open_el2();

	(void)state;
	assert_int_equal(hw(&h, &e, "PMSIDR_EL1", 1).rule, SPEVIRT_HW_RULE_READ_ONLY);
	assert_int_equal(hw(&h, &e, "PMBIDR_EL1", 1).outcome, SPEVIRT_HW_UNDEF);
}

static void hdfgxtr_el2_bit_traps_to_el2_before_mdcr_el2(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_el2_regs e = open_el2();

	(void)state;
	e.hdfgwtr_el2 |= BIT(26);	/* PMSCR_EL1 writes */
	e.mdcr_el2 |= BIT(14);
	assert_int_equal(hw(&h, &e, "PMSCR_EL1", 1).rule, SPEVIRT_HW_RULE_FGT);
	assert_int_equal(hw(&h, &e, "PMSCR_EL1", 0).rule, SPEVIRT_HW_RULE_TPMS);
	/* n-prefixed: 0 traps. */
	e.hdfgrtr_el2 &= ~BIT(62);
	assert_int_equal(hw(&h, &e, "PMSNEVFR_EL1", 0).rule, SPEVIRT_HW_RULE_FGT);
}

static void scr_el3_fgten_zero_leaves_hdfgxtr_el2_without_effect(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_el2_regs e = open_el2();
	struct spevirt_hw_result r;

	(void)state;
	e.hdfgrtr_el2 = ~0ULL & ~BIT(62);
	h.el3_disabled = SPEVIRT_EL3_NO_FGT;
	r = hw(&h, &e, "PMBIDR_EL1", 0);
	assert_int_equal(r.outcome, SPEVIRT_HW_EXECUTE);
	assert_int_equal(hw(&h, &e, "PMSNEVFR_EL1", 0).outcome, SPEVIRT_HW_EXECUTE);
	h.el3_disabled = 0;
	assert_int_equal(hw(&h, &e, "PMBIDR_EL1", 0).rule, SPEVIRT_HW_RULE_FGT);
}

static void hdfgxtr2_el2_n_bit_zero_or_fgten2_zero_traps_to_el2(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS | HOST_NVM);
	struct spevirt_el2_regs e = open_el2();

	(void)state;
	assert_int_equal(hw(&h, &e, "PMSDSFR_EL1", 0).outcome, SPEVIRT_HW_EXECUTE);
	e.hdfgwtr2_el2 &= ~BIT(24);
	assert_int_equal(hw(&h, &e, "PMBMAR_EL1", 1).rule, SPEVIRT_HW_RULE_FGT2);
	assert_int_equal(hw(&h, &e, "PMBMAR_EL1", 0).outcome, SPEVIRT_HW_EXECUTE);
	/* SCR_EL3.FGTEn2 = 0: trapped whatever the bit says. */
	h.el3_disabled = SPEVIRT_EL3_NO_FGT2;
	assert_int_equal(hw(&h, &e, "PMSDSFR_EL1", 0).rule, SPEVIRT_HW_RULE_FGT2);
}

static void mdcr_el2_tpms_traps_sampling_registers_and_pmsidr_el1(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS);
	struct spevirt_el2_regs e = open_el2();
	size_t i;

	(void)state;
	e.mdcr_el2 |= BIT(14);
	for (i = 0; i < NR_REFS; i++) {
		enum spevirt_hw_rule want = refs[i].mdcr == MDCR_TPMS ? SPEVIRT_HW_RULE_TPMS :
					    SPEVIRT_HW_RULE_EXECUTE;

		if (implemented(&refs[i], &h))
			assert_int_equal(hw(&h, &e, refs[i].name, 0).rule, want);
	}
}

static void mdcr_el2_e2pb_x0_traps_buffer_registers_but_not_pmbidr_el1(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_NVM);
	struct spevirt_el2_regs e = open_el2();
	uint64_t e2pb;

	(void)state;
	for (e2pb = 0; e2pb < 4; e2pb++) {
		enum spevirt_hw_rule want = e2pb & 1 ? SPEVIRT_HW_RULE_EXECUTE :
					    SPEVIRT_HW_RULE_E2PB;

		e.mdcr_el2 = e2pb << 12;
		assert_int_equal(hw(&h, &e, "PMBLIMITR_EL1", 1).rule, want);
		assert_int_equal(hw(&h, &e, "PMBPTR_EL1", 0).rule, want);
		assert_int_equal(hw(&h, &e, "PMBSR_EL1", 1).rule, want);
		assert_int_equal(hw(&h, &e, "PMBMAR_EL1", 0).rule, want);
		assert_int_equal(hw(&h, &e, "PMBIDR_EL1", 0).rule, SPEVIRT_HW_RULE_EXECUTE);
		assert_int_equal(hw(&h, &e, "PMSCR_EL1", 0).rule, SPEVIRT_HW_RULE_EXECUTE);
	}
}

static void mdcr_el3_enable_zero_traps_to_el3_after_the_el2_traps(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS | HOST_NVM);
	struct spevirt_el2_regs e = open_el2();

	(void)state;
	h.el3_disabled = SPEVIRT_EL3_NO_PMSNEVFR | SPEVIRT_EL3_NO_PMSDSFR | SPEVIRT_EL3_NO_PMBMAR;
	assert_int_equal(hw(&h, &e, "PMSNEVFR_EL1", 0).rule, SPEVIRT_HW_RULE_EL3_ENABLE);
	assert_int_equal(hw(&h, &e, "PMSDSFR_EL1", 1).outcome, SPEVIRT_HW_TRAP_EL3);
	assert_int_equal(hw(&h, &e, "PMBMAR_EL1", 0).outcome, SPEVIRT_HW_TRAP_EL3);
	assert_int_equal(hw(&h, &e, "PMSCR_EL1", 0).outcome, SPEVIRT_HW_EXECUTE);
	e.mdcr_el2 |= BIT(14);
	assert_int_equal(hw(&h, &e, "PMSNEVFR_EL1", 0).rule, SPEVIRT_HW_RULE_TPMS);
}

static void check_mdcr_el3_nspb_trap_sends_a_non_owner_to_el3(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_el2_regs e = open_el2();
	struct spevirt_hw_result r;

	(void)state;
	h.pmbidr_el1 |= BIT(4);		/* EL2 reads P = 1: Secure owns the buffer */
	assert_int_equal(hw(&h, &e, "PMBPTR_EL1", 1).rule, SPEVIRT_HW_RULE_NSPB);
	assert_int_equal(hw(&h, &e, "PMSIDR_EL1", 0).rule, SPEVIRT_HW_RULE_NSPB);
	r = hw(&h, &e, "PMBIDR_EL1", 0);	/* PMBIDR_EL1 has no EL3 line */
	assert_int_equal(r.outcome, SPEVIRT_HW_EXECUTE);
	assert_true(r.value & BIT(4));
	/* NSPB 0b10: Non-secure owns the buffer (P reads 0), and still traps. */
	h.pmbidr_el1 &= ~BIT(4);
	h.el3_disabled = SPEVIRT_EL3_NSPB_TRAP;
	assert_int_equal(hw(&h, &e, "PMBPTR_EL1", 1).rule, SPEVIRT_HW_RULE_NSPB);
	assert_int_equal(hw(&h, &e, "PMSCR_EL1", 0).outcome, SPEVIRT_HW_TRAP_EL3);
	r = hw(&h, &e, "PMBIDR_EL1", 0);
	assert_int_equal(r.outcome, SPEVIRT_HW_EXECUTE);
	assert_false(r.value & BIT(4));
}

static void pmbidr_el1_p_reads_one_when_e2pb_gives_el2_the_buffer(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_el2_regs e = open_el2();

	(void)state;
	assert_int_equal(hw(&h, &e, "PMBIDR_EL1", 0).value, h.pmbidr_el1);
	e.mdcr_el2 = 0;
	assert_int_equal(hw(&h, &e, "PMBIDR_EL1", 0).value, h.pmbidr_el1 | BIT(4));
	e.mdcr_el2 = 2ULL << 12;
	assert_int_equal(hw(&h, &e, "PMBIDR_EL1", 0).value, h.pmbidr_el1);
}

static void pmbidr_el1_addrmode_reads_0b01_with_envm_and_p_zero(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_NVM);
	struct spevirt_el2_regs e = open_el2();

	(void)state;
	h.pmbidr_el1 |= 1ULL << 6;	/* as EL2 reads it */
	assert_int_equal(hw(&h, &e, "PMBIDR_EL1", 0).value & GENMASK(7, 6), 0);
	e.pmscr_el2 = BIT(11);
	assert_int_equal(hw(&h, &e, "PMBIDR_EL1", 0).value & GENMASK(7, 6), BIT(6));
	e.mdcr_el2 = 0;		/* P = 1 */
	assert_int_equal(hw(&h, &e, "PMBIDR_EL1", 0).value & GENMASK(7, 6), 0);
}

static void executing_pmsidr_el1_read_returns_the_hosts_value(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS | HOST_PBT);
	struct spevirt_el2_regs e = open_el2();

	(void)state;
	assert_int_equal(hw(&h, &e, "PMSIDR_EL1", 0).value, h.pmsidr_el1);
	assert_int_equal(hw(&h, &e, "PMSCR_EL1", 0).value, 0);
}

/* Every host, register, direction and value of the EL2 bits that decide. */
static void agrees_with_the_pseudocode_everywhere(void **state)
{
	static const unsigned int pmsvers[] = { 0, 1, 3, 5, 6 };
	unsigned long checked = 0;
	size_t v, i;

	(void)state;
	for (v = 0; v < 5; v++)
	for (unsigned int fgt = 0; fgt < 4; fgt++)
	for (unsigned int opts = 0; opts < 4; opts++)
	for (unsigned int p = 0; p < 2; p++)
	for (uint32_t el3 = 0; el3 <= SPEVIRT_EL3_VALID; el3++) {
		struct spevirt_host h = make_host(pmsvers[v], fgt, opts ? opts : 0);
		struct spevirt_el2_regs probe = { 0 };
		struct spevirt_hw_result res;

		h.pmbidr_el1 |= p ? BIT(4) : 0;
		if (h.id_aa64dfr2_el1 >> 20 & 0xf)
			h.pmbidr_el1 |= 1ULL << 6;
		h.el3_disabled = el3;
		if (spevirt_hw_access(&h, &probe, refs[0].enc, 0, &res) != SPEVIRT_OK)
			continue;	/* a host the architecture forbids */
		for (i = 0; i < NR_REFS; i++)
		for (int w = 0; w < 2; w++)
		for (unsigned int c = 0; c < 64; c++) {
			const struct ref_reg *r = &refs[i];
			int fbit = w ? r->wr_bit : r->rd_bit;
			struct spevirt_el2_regs e = {
				.mdcr_el2 = ((uint64_t)(c & 1) << 14) | ((uint64_t)(c >> 1 & 3) << 12),
				.pmscr_el2 = (c & 8) ? BIT(11) : 0,
			};
			uint64_t want_val;
			enum spevirt_hw_rule want;

			if (c & 16) {
				e.hdfgrtr_el2 = fbit >= 0 ? BIT(fbit) : 0;
				e.hdfgwtr_el2 = e.hdfgrtr_el2;
			}
			if ((c & 32) && r->fgt2_bit >= 0) {
				e.hdfgrtr2_el2 = BIT(r->fgt2_bit);
				e.hdfgwtr2_el2 = e.hdfgrtr2_el2;
			}
			want = ref_access(&h, &e, r, w, &want_val);
			assert_int_equal(spevirt_hw_access(&h, &e, r->enc, w, &res), SPEVIRT_OK);
			if (res.rule != want || res.outcome != ref_outcome(want) ||
			    res.value != want_val)
				fail_msg("%s %s, PMSVer %u FGT %u opts %u P %u EL3 0x%x, MDCR 0x%llx "
					 "c %u: rule %d value 0x%llx, the pseudocode %d 0x%llx",
					 r->name, w ? "write" : "read", pmsvers[v], fgt, opts, p, el3,
					 (unsigned long long)e.mdcr_el2, c, res.rule,
					 (unsigned long long)res.value, want,
					 (unsigned long long)want_val);
			if (spevirt_hw_rule_text(res.rule) == NULL)
				fail_msg("%s: rule %d has no text", r->name, res.rule);
			checked++;
		}
	}
	print_message("# hw: %lu accesses agree with the pseudocode\n", checked);
	assert_true(checked > 1000000);
}

static void bad_input_fails_closed(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_el2_regs e = open_el2();
	struct spevirt_hw_result res;

	(void)state;
	assert_int_equal(spevirt_hw_access(NULL, &e, refs[0].enc, 0, &res), SPEVIRT_E_INVAL);
	assert_int_equal(res.outcome, SPEVIRT_HW_UNDEF);
	assert_int_equal(spevirt_hw_access(&h, NULL, refs[0].enc, 0, &res), SPEVIRT_E_INVAL);
	assert_int_equal(spevirt_hw_access(&h, &e, refs[0].enc, 0, NULL), SPEVIRT_E_INVAL);
	h.el3_disabled = 0x80000000U;
	assert_int_equal(spevirt_hw_access(&h, &e, refs[0].enc, 0, &res), SPEVIRT_E_INVAL);
	h = make_host(3, 1, 0);
	h.pmsidr_el1 &= ~BIT(6);	/* V1P2 without FnE */
	assert_int_equal(spevirt_hw_access(&h, &e, refs[0].enc, 0, &res), SPEVIRT_E_HOST_INVALID);
	assert_int_equal(res.outcome, SPEVIRT_HW_UNDEF);
	h = make_host(3, 1, 0);
	assert_int_equal(spevirt_hw_access(&h, &e, SPEVIRT_SYSREG(3, 0, 9, 10, 2), 0, &res),
			 SPEVIRT_OK);
	assert_int_equal(res.outcome, SPEVIRT_HW_NOT_SPE);
	assert_non_null(spevirt_hw_rule_text(SPEVIRT_HW_RULE_NOT_SPE));
	assert_null(spevirt_hw_rule_text((enum spevirt_hw_rule)99));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(is_feature_implemented_line_undefs_before_any_trap),
		cmocka_unit_test(mrs_only_registers_undef_on_msr),
		cmocka_unit_test(hdfgxtr_el2_bit_traps_to_el2_before_mdcr_el2),
		cmocka_unit_test(scr_el3_fgten_zero_leaves_hdfgxtr_el2_without_effect),
		cmocka_unit_test(hdfgxtr2_el2_n_bit_zero_or_fgten2_zero_traps_to_el2),
		cmocka_unit_test(mdcr_el2_tpms_traps_sampling_registers_and_pmsidr_el1),
		cmocka_unit_test(mdcr_el2_e2pb_x0_traps_buffer_registers_but_not_pmbidr_el1),
		cmocka_unit_test(mdcr_el3_enable_zero_traps_to_el3_after_the_el2_traps),
		cmocka_unit_test(check_mdcr_el3_nspb_trap_sends_a_non_owner_to_el3),
		cmocka_unit_test(pmbidr_el1_p_reads_one_when_e2pb_gives_el2_the_buffer),
		cmocka_unit_test(pmbidr_el1_addrmode_reads_0b01_with_envm_and_p_zero),
		cmocka_unit_test(executing_pmsidr_el1_read_returns_the_hosts_value),
		cmocka_unit_test(agrees_with_the_pseudocode_everywhere),
		cmocka_unit_test(bad_input_fails_closed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
