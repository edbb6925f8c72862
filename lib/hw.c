// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The hardware's access model: what an SPE register access from a guest's
 * EL1 does under the EL2 controls a hypervisor programs, transcribed from
 * the "Accessing" pseudocode of each register in the Arm ARM (DDI0487
 * M.a.a, D24.7.1 to D24.7.17), line by line and in its order.  It shares
 * no table with the planner (traps.c), so the tests can check one against
 * the other.
 */
#include "spevirt_internal.h"
#include <spevirt/spevirt_audit.h>

/* Which MDCR_EL2 control traps a register after its fine-grained bit. */
enum spv_hw_mdcr {
	SPV_HW_NONE,	/* PMBIDR_EL1: only HDFGRTR_EL2.PMBIDR_EL1 */
	SPV_HW_TPMS,	/* "MDCR_EL2.TPMS == '1'" */
	SPV_HW_E2PB,	/* "MDCR_EL2.E2PB IN {'x0'}" */
};

/* Which fine-grained trap register holds the register's bits. */
enum spv_hw_fgt {
	SPV_HW_FGT,	/* HDFGRTR_EL2 / HDFGWTR_EL2 (FEAT_FGT, SCR_EL3.FGTEn) */
	SPV_HW_FGT2,	/* HDFGRTR2_EL2 / HDFGWTR2_EL2, n-prefixed (FEAT_FGT2) */
};

/* The MDCR_EL3 enable bit that the line after the EL2 traps tests. */
enum spv_hw_el3 {
	SPV_HW_EL3_NSPB,		/* CheckMDCR_EL3_NSPBTrap() only */
	SPV_HW_EL3_NSPB_THEN_ENABLE,	/* PMSNEVFR_EL1: NSPB, then EnPMSN */
	SPV_HW_EL3_ENABLE_THEN_NSPB,	/* PMSDSFR_EL1 (EnPMS3), PMBMAR_EL1 (EnPMS4) */
};

struct spv_hw_reg {
	uint8_t slot;		/* SPV_SLOT_OF(its encoding) */
	uint8_t mdcr;		/* enum spv_hw_mdcr */
	uint8_t fgt;		/* enum spv_hw_fgt */
	uint8_t el3;		/* enum spv_hw_el3 */
	bool read_only;		/* no MSR encoding */
	bool negative;		/* the FGT bit traps when 0 */
	unsigned int feat;	/* "IsFeatureImplemented(...)" */
	uint32_t el3_enable;	/* the SPEVIRT_EL3_NO_* bit of its MDCR_EL3 enable */
	uint64_t rd, wr;	/* its bit in the read and write trap registers */
};

#define SPV_HW_SLOT(name)	SPV_SLOT_OF(SPEVIRT_SYSREG_##name)
/* @name is only pasted, never expanded (a kernel may define PMSCR_EL1). */
#define SPV_HW_SAMPLING(name)							\
	{ SPV_SLOT_OF(SPEVIRT_SYSREG_##name), SPV_HW_TPMS, SPV_HW_FGT, SPV_HW_EL3_NSPB,	\
	  false, false, SPV_FEAT_SPE, 0, SPEVIRT_HDFGRTR_EL2_##name, SPEVIRT_HDFGWTR_EL2_##name }
#define SPV_HW_BUFFER(name)							\
	{ SPV_SLOT_OF(SPEVIRT_SYSREG_##name), SPV_HW_E2PB, SPV_HW_FGT, SPV_HW_EL3_NSPB,	\
	  false, false, SPV_FEAT_SPE, 0, SPEVIRT_HDFGRTR_EL2_##name, SPEVIRT_HDFGWTR_EL2_##name }

static const struct spv_hw_reg spv_hw_regs[] = {
	/* D24.7.1 */
	{ SPV_HW_SLOT(PMBIDR_EL1), SPV_HW_NONE, SPV_HW_FGT, SPV_HW_EL3_NSPB, true, false,
	  SPV_FEAT_SPE, 0, SPEVIRT_HDFGRTR_EL2_PMBIDR_EL1, 0 },
	/* D24.7.2, D24.7.4, D24.7.5 */
	SPV_HW_BUFFER(PMBLIMITR_EL1),
	SPV_HW_BUFFER(PMBPTR_EL1),
	SPV_HW_BUFFER(PMBSR_EL1),
	/* D24.7.3 */
	{ SPV_HW_SLOT(PMBMAR_EL1), SPV_HW_E2PB, SPV_HW_FGT2, SPV_HW_EL3_ENABLE_THEN_NSPB,
	  false, true, SPV_FEAT_SPE_NVM, SPEVIRT_EL3_NO_PMBMAR,
	  SPEVIRT_HDFGRTR2_EL2_NPMBMAR_EL1, SPEVIRT_HDFGWTR2_EL2_NPMBMAR_EL1 },
	/* D24.7.8, D24.7.11 to D24.7.13, D24.7.15, D24.7.16 */
	SPV_HW_SAMPLING(PMSCR_EL1),
	SPV_HW_SAMPLING(PMSEVFR_EL1),
	SPV_HW_SAMPLING(PMSFCR_EL1),
	SPV_HW_SAMPLING(PMSICR_EL1),
	SPV_HW_SAMPLING(PMSIRR_EL1),
	SPV_HW_SAMPLING(PMSLATFR_EL1),
	/* D24.7.10 */
	{ SPV_HW_SLOT(PMSDSFR_EL1), SPV_HW_TPMS, SPV_HW_FGT2, SPV_HW_EL3_ENABLE_THEN_NSPB,
	  false, true, SPV_FEAT_SPE_FDS, SPEVIRT_EL3_NO_PMSDSFR,
	  SPEVIRT_HDFGRTR2_EL2_NPMSDSFR_EL1, SPEVIRT_HDFGWTR2_EL2_NPMSDSFR_EL1 },
	/* D24.7.14 */
	{ SPV_HW_SLOT(PMSIDR_EL1), SPV_HW_TPMS, SPV_HW_FGT, SPV_HW_EL3_NSPB, true, false,
	  SPV_FEAT_SPE, 0, SPEVIRT_HDFGRTR_EL2_PMSIDR_EL1, 0 },
	/* D24.7.17 */
	{ SPV_HW_SLOT(PMSNEVFR_EL1), SPV_HW_TPMS, SPV_HW_FGT, SPV_HW_EL3_NSPB_THEN_ENABLE,
	  false, true, SPV_FEAT_SPE_FNE, SPEVIRT_EL3_NO_PMSNEVFR,
	  SPEVIRT_HDFGRTR_EL2_NPMSNEVFR_EL1, SPEVIRT_HDFGWTR_EL2_NPMSNEVFR_EL1 },
};

static const struct spv_hw_reg *hw_reg_of(uint32_t sysreg)
{
	uint32_t slot = spevirt_spe_slot(sysreg);
	unsigned int i;

	for (i = 0; i < spv_array_size(spv_hw_regs); i++)
		if (spv_hw_regs[i].slot == slot)
			return &spv_hw_regs[i];
	return NULL;
}

/* The fine-grained trap line: does the register's FGT bit trap? */
static bool fgt_traps(const struct spv_hw_reg *r, const struct spevirt_hostcaps *caps,
		      const struct spevirt_el2_regs *el2, bool is_write)
{
	uint64_t bit = is_write ? r->wr : r->rd;
	uint64_t reg;

	if (r->fgt == SPV_HW_FGT2) {
		/*
		 * "IsFeatureImplemented(FEAT_FGT2) && (SCR_EL3.FGTEn2 == '0' ||
		 * n<reg> == '0')".  FEAT_FGT2 is there: PMSDSFR_EL1 and PMBMAR_EL1
		 * exist only with FEAT_SPE_FDS and FEAT_SPE_nVM, which with EL2
		 * require it (A2.2; spevirt_host_check_() refuses a host without).
		 */
		if (caps->feats & SPV_FEAT_FGT2_AS_ZERO)
			return true;
		reg = is_write ? el2->hdfgwtr2_el2 : el2->hdfgrtr2_el2;
	} else {
		/* "IsFeatureImplemented(FEAT_FGT) && (!HaveEL(EL3) || SCR_EL3.FGTEn == '1')" */
		if (!(caps->feats & SPV_FEAT_FGT))
			return false;
		reg = is_write ? el2->hdfgwtr_el2 : el2->hdfgrtr_el2;
	}
	/* "HDFGxTR_EL2.<reg> == '1'", or "n<reg> == '0'" for an n-prefixed bit */
	return r->negative ? !(reg & bit) : (reg & bit) != 0;
}

static bool mdcr_traps(const struct spv_hw_reg *r, const struct spevirt_el2_regs *el2)
{
	switch (r->mdcr) {
	case SPV_HW_TPMS:
		return (el2->mdcr_el2 & SPEVIRT_MDCR_EL2_TPMS) != 0;
	case SPV_HW_E2PB:
		/* E2PB[0] == 0: 0b00 (EL2 owns the buffer) or 0b10 (EL1 owns, trapped) */
		return !(SPV_FIELD_GET(el2->mdcr_el2, MDCR_EL2_E2PB) & 1);
	default:
		return false;
	}
}

/* The EL3 lines after the EL2 traps: which one, if any, traps. */
static enum spevirt_hw_rule el3_trap(const struct spv_hw_reg *r,
				     const struct spevirt_host *host,
				     const struct spevirt_hostcaps *caps)
{
	/*
	 * CheckMDCR_EL3_NSPBTrap(): NS EL2 reads PMBIDR_EL1.P as 1 when
	 * Non-secure does not own the buffer (NSPB 0b0x); NSPB 0b10 gives it
	 * the buffer and still traps (SPEVIRT_EL3_NSPB_TRAP).
	 */
	bool nspb = (host->pmbidr_el1 & SPEVIRT_PMBIDR_EL1_P) ||
		    (caps->el3 & SPEVIRT_EL3_NSPB_TRAP);
	bool enable = r->el3_enable && (caps->el3 & r->el3_enable);

	if (r->el3 == SPV_HW_EL3_ENABLE_THEN_NSPB && enable)
		return SPEVIRT_HW_RULE_EL3_ENABLE;
	if (nspb)
		return SPEVIRT_HW_RULE_NSPB;
	if (enable)
		return SPEVIRT_HW_RULE_EL3_ENABLE;
	return SPEVIRT_HW_RULE_EXECUTE;
}

/* PMBIDR_EL1 as EL1 reads it (D24.7.1, fields P and AddrMode). */
static uint64_t el1_pmbidr(const struct spevirt_host *host, const struct spevirt_hostcaps *caps,
			   const struct spevirt_el2_regs *el2)
{
	uint64_t val = host->pmbidr_el1;
	bool p = (val & SPEVIRT_PMBIDR_EL1_P) ||
		 SPV_FIELD_GET(el2->mdcr_el2, MDCR_EL2_E2PB) == SPEVIRT_MDCR_EL2_E2PB_EL2;

	val &= ~SPEVIRT_PMBIDR_EL1_P;
	if (p)
		val |= SPEVIRT_PMBIDR_EL1_P;
	if (caps->feats & SPV_FEAT_SPE_NVM) {
		val &= ~SPEVIRT_PMBIDR_EL1_ADDRMODE;
		if (!p && (el2->pmscr_el2 & SPEVIRT_PMSCR_EL2_ENVM))
			val |= SPV_FIELD_PREP(PMBIDR_EL1_ADDRMODE,
					      SPEVIRT_PMBIDR_EL1_ADDRMODE_VA_PA);
	}
	return val;
}

static enum spevirt_hw_rule decide(const struct spv_hw_reg *r, const struct spevirt_host *host,
				   const struct spevirt_hostcaps *caps,
				   const struct spevirt_el2_regs *el2, bool is_write)
{
	if ((caps->feats & r->feat) != r->feat)
		return SPEVIRT_HW_RULE_NO_FEATURE;
	if (is_write && r->read_only)
		return SPEVIRT_HW_RULE_READ_ONLY;
	if (fgt_traps(r, caps, el2, is_write))
		return r->fgt == SPV_HW_FGT2 ? SPEVIRT_HW_RULE_FGT2 : SPEVIRT_HW_RULE_FGT;
	if (mdcr_traps(r, el2))
		return r->mdcr == SPV_HW_TPMS ? SPEVIRT_HW_RULE_TPMS : SPEVIRT_HW_RULE_E2PB;
	/* PMBIDR_EL1 has no EL3 line: "else X[t, 64] = PMBIDR_EL1". */
	if (r->mdcr == SPV_HW_NONE)
		return SPEVIRT_HW_RULE_EXECUTE;
	return el3_trap(r, host, caps);
}

static enum spevirt_hw_outcome outcome_of(enum spevirt_hw_rule rule)
{
	switch (rule) {
	case SPEVIRT_HW_RULE_NO_FEATURE:
	case SPEVIRT_HW_RULE_READ_ONLY:
		return SPEVIRT_HW_UNDEF;
	case SPEVIRT_HW_RULE_FGT:
	case SPEVIRT_HW_RULE_FGT2:
	case SPEVIRT_HW_RULE_TPMS:
	case SPEVIRT_HW_RULE_E2PB:
		return SPEVIRT_HW_TRAP_EL2;
	case SPEVIRT_HW_RULE_EL3_ENABLE:
	case SPEVIRT_HW_RULE_NSPB:
		return SPEVIRT_HW_TRAP_EL3;
	default:	/* SPEVIRT_HW_RULE_EXECUTE: decide() gives no other */
		return SPEVIRT_HW_EXECUTE;
	}
}

enum spevirt_status spevirt_hw_access(const struct spevirt_host *host,
				      const struct spevirt_el2_regs *el2, uint32_t sysreg,
				      bool is_write, struct spevirt_hw_result *res)
{
	struct spevirt_hostcaps caps = { 0 };
	const struct spv_hw_reg *r;

	if (!res)
		return SPEVIRT_E_INVAL;
	*res = (struct spevirt_hw_result){ 0 };
	if (!host || !el2 || (host->el3_disabled & ~SPEVIRT_EL3_VALID))
		return SPEVIRT_E_INVAL;
	if (spevirt_host_check_(host, &caps))
		return SPEVIRT_E_HOST_INVALID;
	r = hw_reg_of(sysreg);
	if (!r) {
		res->outcome = SPEVIRT_HW_NOT_SPE;
		res->rule = SPEVIRT_HW_RULE_NOT_SPE;
		return SPEVIRT_OK;
	}
	res->rule = decide(r, host, &caps, el2, is_write);
	res->outcome = outcome_of(res->rule);
	if (res->outcome == SPEVIRT_HW_EXECUTE && r->slot == SPV_HW_SLOT(PMSIDR_EL1))
		res->value = host->pmsidr_el1;
	if (res->outcome == SPEVIRT_HW_EXECUTE && r->slot == SPV_HW_SLOT(PMBIDR_EL1))
		res->value = el1_pmbidr(host, &caps, el2);
	return SPEVIRT_OK;
}

const char *spevirt_hw_rule_text(enum spevirt_hw_rule rule)
{
	switch (rule) {
	case SPEVIRT_HW_RULE_NOT_SPE:
		return SPV_WHY(NOT_SPE, "not an SPE register encoding");
	case SPEVIRT_HW_RULE_NO_FEATURE:
		return SPV_WHY(NO_FEATURE, "!IsFeatureImplemented(FEAT_SPE...) then UNDEFINED");
	case SPEVIRT_HW_RULE_READ_ONLY:
		return SPV_WHY(READ_ONLY, "no MSR encoding: UNDEFINED");
	case SPEVIRT_HW_RULE_FGT:
		return SPV_WHY(FGT,
			       "EL2Enabled() && IsFeatureImplemented(FEAT_FGT) && (!HaveEL(EL3) || SCR_EL3.FGTEn == '1') && HDFGxTR_EL2.<reg> traps then AArch64.SystemAccessTrap(EL2, 0x18)");
	case SPEVIRT_HW_RULE_FGT2:
		return SPV_WHY(FGT2,
			       "EL2Enabled() && IsFeatureImplemented(FEAT_FGT2) && ((HaveEL(EL3) && SCR_EL3.FGTEn2 == '0') || HDFGxTR2_EL2.n<reg> == '0') then AArch64.SystemAccessTrap(EL2, 0x18)");
	case SPEVIRT_HW_RULE_TPMS:
		return SPV_WHY(TPMS,
			       "EL2Enabled() && MDCR_EL2.TPMS == '1' then AArch64.SystemAccessTrap(EL2, 0x18)");
	case SPEVIRT_HW_RULE_E2PB:
		return SPV_WHY(E2PB,
			       "EL2Enabled() && MDCR_EL2.E2PB IN {'x0'} then AArch64.SystemAccessTrap(EL2, 0x18)");
	case SPEVIRT_HW_RULE_EL3_ENABLE:
		return SPV_WHY(EL3_ENABLE,
			       "HaveEL(EL3) && MDCR_EL3.EnPMSN/EnPMS3/EnPMS4 == '0' then AArch64.SystemAccessTrap(EL3, 0x18)");
	case SPEVIRT_HW_RULE_NSPB:
		return SPV_WHY(NSPB,
			       "HaveEL(EL3) && CheckMDCR_EL3_NSPBTrap() then AArch64.SystemAccessTrap(EL3, 0x18)");
	case SPEVIRT_HW_RULE_EXECUTE:
		return SPV_WHY(EXECUTE, "X[t, 64] = <reg> (or <reg> = X[t, 64]): no trap");
	default:
		return NULL;
	}
}
