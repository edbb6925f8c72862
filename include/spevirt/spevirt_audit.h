/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_AUDIT_H
#define SPEVIRT_AUDIT_H

/*
 * The hardware's side, for any hypervisor: what an SPE register access from
 * a guest's EL1 does under given EL2 controls (spevirt_hw_access(), a
 * transcription of the Arm ARM's "Accessing" pseudocode, D24.7), and an
 * audit of what a hypervisor programs and what its guest reads
 * (spevirt_audit()).
 */
#include <spevirt/spevirt.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct spevirt_el2_regs - the EL2 controls in effect while a guest runs
 * @mdcr_el2: MDCR_EL2 (TPMS, E2PB and HPMFZS are read)
 * @pmscr_el2: PMSCR_EL2 (EnVM, PA, CX and PCT are read)
 * @hdfgrtr_el2: HDFGRTR_EL2
 * @hdfgwtr_el2: HDFGWTR_EL2
 * @hdfgrtr2_el2: HDFGRTR2_EL2
 * @hdfgwtr2_el2: HDFGWTR2_EL2
 * @hfgitr_el2: HFGITR_EL2 (PSBCSYNC is read)
 *
 * The whole registers as programmed: a view's regmasks applied to them
 * (reg = (reg & ~mask) | value) give spevirt's plan.  A register the host
 * lacks (HDFGRTR_EL2 without FEAT_FGT, say) is ignored.  The EL3 controls
 * come from the host: spevirt_host.el3_disabled, and PMBIDR_EL1.P, which
 * reads 1 at EL2 when Non-secure state does not own the profiling buffer
 * (MDCR_EL3.NSPB), the case in which the access pseudocode's
 * CheckMDCR_EL3_NSPBTrap() traps EL1 accesses to EL3.
 */
struct spevirt_el2_regs {
	uint64_t mdcr_el2;
	uint64_t pmscr_el2;
	uint64_t hdfgrtr_el2;
	uint64_t hdfgwtr_el2;
	uint64_t hdfgrtr2_el2;
	uint64_t hdfgwtr2_el2;
	uint64_t hfgitr_el2;
};

/**
 * enum spevirt_hw_outcome - what the hardware does with an access
 * @SPEVIRT_HW_UNDEF: UNDEFINED: the register does not exist (or the
 *	encoding is an MSR to a read-only register); the guest takes an
 *	Undefined Instruction exception at EL1
 * @SPEVIRT_HW_TRAP_EL2: trapped to EL2 (ESR_EL2.EC 0x18): the hypervisor
 *	decides
 * @SPEVIRT_HW_TRAP_EL3: trapped to EL3 (EC 0x18): the firmware decides
 * @SPEVIRT_HW_EXECUTE: the access executes: the guest reads or writes the
 *	hardware register
 * @SPEVIRT_HW_NOT_SPE: the encoding is not one of SPE's registers
 */
enum spevirt_hw_outcome {
	SPEVIRT_HW_UNDEF,
	SPEVIRT_HW_TRAP_EL2,
	SPEVIRT_HW_TRAP_EL3,
	SPEVIRT_HW_EXECUTE,
	SPEVIRT_HW_NOT_SPE,
};

/**
 * enum spevirt_hw_rule - the line of the access pseudocode that decided
 * @SPEVIRT_HW_RULE_NOT_SPE: not an SPE register encoding
 * @SPEVIRT_HW_RULE_NO_FEATURE: "!IsFeatureImplemented(FEAT_SPE)" (or
 *	FEAT_SPE_FnE, FEAT_SPE_FDS, FEAT_SPE_nVM): UNDEFINED
 * @SPEVIRT_HW_RULE_READ_ONLY: PMSIDR_EL1 and PMBIDR_EL1 have no MSR
 *	encoding: UNDEFINED
 * @SPEVIRT_HW_RULE_FGT: "IsFeatureImplemented(FEAT_FGT) && SCR_EL3.FGTEn
 *	== '1' && HDFGxTR_EL2.<reg> == '1'" (for PMSNEVFR_EL1, "nPMSNEVFR_EL1
 *	== '0'"): trap to EL2
 * @SPEVIRT_HW_RULE_FGT2: "IsFeatureImplemented(FEAT_FGT2) && (SCR_EL3.FGTEn2
 *	== '0' || HDFGxTR2_EL2.n<reg> == '0')": trap to EL2
 * @SPEVIRT_HW_RULE_TPMS: "MDCR_EL2.TPMS == '1'": trap to EL2
 * @SPEVIRT_HW_RULE_E2PB: "MDCR_EL2.E2PB IN {'x0'}": trap to EL2
 * @SPEVIRT_HW_RULE_EL3_ENABLE: "MDCR_EL3.EnPMSN == '0'" (PMSNEVFR_EL1),
 *	"EnPMS3" (PMSDSFR_EL1) or "EnPMS4" (PMBMAR_EL1): trap to EL3
 * @SPEVIRT_HW_RULE_NSPB: "CheckMDCR_EL3_NSPBTrap()": trap to EL3
 * @SPEVIRT_HW_RULE_EXECUTE: no trap: "X[t, 64] = <reg>" or "<reg> = X[t, 64]"
 */
enum spevirt_hw_rule {
	SPEVIRT_HW_RULE_NOT_SPE,
	SPEVIRT_HW_RULE_NO_FEATURE,
	SPEVIRT_HW_RULE_READ_ONLY,
	SPEVIRT_HW_RULE_FGT,
	SPEVIRT_HW_RULE_FGT2,
	SPEVIRT_HW_RULE_TPMS,
	SPEVIRT_HW_RULE_E2PB,
	SPEVIRT_HW_RULE_EL3_ENABLE,
	SPEVIRT_HW_RULE_NSPB,
	SPEVIRT_HW_RULE_EXECUTE,
};

/**
 * struct spevirt_hw_result - an access as the hardware takes it
 * @outcome: what happens
 * @rule: the pseudocode line that decided
 * @value: for an executing read of PMSIDR_EL1 or PMBIDR_EL1, the value the
 *	guest reads (PMBIDR_EL1.P is 1 when MDCR_EL2.E2PB is 0b00 or the host
 *	reads 1; with FEAT_SPE_nVM, AddrMode reads 0b01 when PMSCR_EL2.EnVM
 *	is 1 and P 0, else 0b00: D24.7.1); 0 otherwise
 */
struct spevirt_hw_result {
	enum spevirt_hw_outcome outcome;
	enum spevirt_hw_rule rule;
	uint64_t value;
};

/**
 * spevirt_hw_access() - what an access from the guest's EL1 does
 * @host: the host, as for spevirt_view_compute()
 * @el2: the EL2 controls in effect
 * @sysreg: the register encoding, SPEVIRT_SYSREG() or an ESR ISS decoded by
 *	spevirt_sysreg_from_iss()
 * @is_write: MSR (true) or MRS
 * @res: the result
 *
 * The access is from Non-secure EL1 with EL2 enabled, without nested
 * virtualization (HCR_EL2.NV 0) and with EL3 not in a Secure debug
 * disabled state (EL3SDDUndef() false, so an EL3 trap is taken, not made
 * UNDEFINED).  Each register's "Accessing" pseudocode in the Arm ARM
 * (D24.7.1 to D24.7.17) is followed line by line, in its order.
 *
 * Return: SPEVIRT_OK with @res filled; SPEVIRT_E_INVAL for a NULL pointer
 * or an unknown el3_disabled bit, SPEVIRT_E_HOST_INVALID for host values
 * the architecture forbids (as spevirt_view_compute()), with @res zeroed,
 * its outcome UNDEF.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_hw_access(const struct spevirt_host *host,
				      const struct spevirt_el2_regs *el2, uint32_t sysreg,
				      bool is_write, struct spevirt_hw_result *res);

/**
 * spevirt_hw_rule_text() - a pseudocode line, as text
 * @rule: an enum spevirt_hw_rule value
 *
 * Return: a static string quoting the line (SPEVIRT_REASONS shortens it as
 * it does the reasons), or NULL for a value outside the enumeration.
 */
SPEVIRT_API const char *spevirt_hw_rule_text(enum spevirt_hw_rule rule);

/**
 * struct spevirt_hypervisor - what a hypervisor programs, shows and claims
 * @el2: the EL2 controls while the guest runs
 * @id_aa64dfr0_el1: the guest's ID_AA64DFR0_EL1 (PMSVer is read)
 * @id_aa64dfr2_el1: the guest's ID_AA64DFR2_EL1 (SPE_nVM and SPE_EXC)
 * @pmsidr_el1: what a PMSIDR_EL1 read that traps to EL2 returns, when
 *	@emulated has its slot
 * @pmbidr_el1: likewise for PMBIDR_EL1
 * @emulated: bit n set: an access to the register of slot n
 *	(spevirt_spe_slot()) that traps to EL2 is emulated or forwarded; clear:
 *	the hypervisor injects an Undefined Instruction exception
 * @switched: bit n set: the hypervisor saves and restores the register of
 *	slot n when it switches guests (spevirt_view.context_regs)
 * @pinned: the guest's memory is pinned at stage 2, so a profiling buffer
 *	the guest programs cannot fault there
 */
struct spevirt_hypervisor {
	struct spevirt_el2_regs el2;
	uint64_t id_aa64dfr0_el1;
	uint64_t id_aa64dfr2_el1;
	uint64_t pmsidr_el1;
	uint64_t pmbidr_el1;
	uint16_t emulated;
	uint16_t switched;
	bool pinned;
};

/**
 * spevirt_view_hypervisor() - a view, programmed as documented
 * @view: a successful view (spevirt_view_compute(), spevirt_view_present(),
 *	the pool and migration calls)
 * @cfg: its configuration (SPEVIRT_CFG_PINNED_MEMORY is read)
 * @hv: filled as spevirt_audit() takes a hypervisor that follows the view:
 *	each regmask's value over registers that were 0, the view's ID values,
 *	the registers whose accesses it emulates (SPEVIRT_ACCESS_READ_VIEW,
 *	_EMULATE and _FORWARD), those it context-switches (context_regs), and
 *	pinned memory with SPEVIRT_CFG_PINNED_MEMORY
 *
 * A hypervisor that programs bits outside a view's masks audits its own
 * values instead (struct spevirt_hypervisor by hand).
 *
 * Return: SPEVIRT_OK; SPEVIRT_E_INVAL for a NULL pointer, with @hv zeroed
 * when it is not NULL.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_view_hypervisor(const struct spevirt_view *view,
					    const struct spevirt_config *cfg,
					    struct spevirt_hypervisor *hv);

/**
 * enum spevirt_finding_class - how bad a finding is
 * @SPEVIRT_FINDING_BROKEN: the guest is told a register exists and its
 *	access UNDEFs, or told it does not and the access executes; or a
 *	buffer the guest programs can fault at stage 2 in memory not pinned
 * @SPEVIRT_FINDING_ISOLATION: SPE state the guest reaches that is neither
 *	trapped nor context-switched (a channel between guests or to the
 *	host), or host state in the guest's records through PMSCR_EL2
 * @SPEVIRT_FINDING_LEAK: the guest can see host features its ID registers
 *	hide (the SPEVIRT_LEAK_* catalogue where one applies)
 * @SPEVIRT_FINDING_INCONSISTENT: ID values the architecture forbids together
 * @SPEVIRT_FINDING_REDUNDANT: a trap that changes nothing the guest sees
 */
enum spevirt_finding_class {
	SPEVIRT_FINDING_BROKEN,
	SPEVIRT_FINDING_ISOLATION,
	SPEVIRT_FINDING_LEAK,
	SPEVIRT_FINDING_INCONSISTENT,
	SPEVIRT_FINDING_REDUNDANT,
};

/**
 * struct spevirt_finding - one consequence of a hypervisor's configuration
 * @cls: enum spevirt_finding_class
 * @is_write: for a register access, the direction
 * @sysreg: the SPE register concerned, or 0 when @field is not one
 * @leak: the SPEVIRT_LEAK_* bit this is, or 0
 * @field: the register or field ("PMSCR_EL1", "PMSCR_EL2.PA",
 *	"ID_AA64DFR0_EL1.PMSVer")
 * @rule: the Arm ARM rule, or the access pseudocode line, that decides
 * @text: what it means for the guest (SPEVIRT_REASONS shortens @rule and
 *	@text as it does reasons)
 */
struct spevirt_finding {
	uint8_t cls;
	bool is_write;
	uint32_t sysreg;
	uint64_t leak;
	const char *field;
	const char *rule;
	const char *text;
};

/*
 * Every finding there can be at once: two for each of the 24 accesses to a
 * register with state, one each for PMSIDR_EL1 and PMBIDR_EL1, three about
 * ID values, one about the buffer, three about PMSCR_EL2, eight leaks and
 * two redundant traps: 67.
 */
#define SPEVIRT_MAX_FINDINGS	67

/**
 * struct spevirt_audit - the findings of spevirt_audit()
 * @nr_findings: how many
 * @findings: in a fixed order: the ID values, then each register and
 *	direction, then the buffer, PMSCR_EL2, the leaks and the redundant traps
 */
struct spevirt_audit {
	unsigned int nr_findings;
	struct spevirt_finding findings[SPEVIRT_MAX_FINDINGS];
};

/**
 * spevirt_audit() - the consequences of what a hypervisor programs
 * @host: the host, as for spevirt_view_compute()
 * @hv: what the hypervisor programs, shows its guest and claims to do
 * @audit: the findings
 *
 * Every SPE register and direction is taken through spevirt_hw_access()
 * with @hv->el2, and what the guest then gets is set against what its ID
 * values tell it; docs/policy.md section 13 gives each rule.  A view of
 * spevirt_view_compute() programmed as documented (its regmask values, its
 * ID values, its emulated and context-switched registers) audits with no
 * finding but its own leaks (view.leaks) and the PMSCR_EL2 fields its
 * SPEVIRT_CFG_ALLOW_* flags ask for.
 *
 * Return: SPEVIRT_OK with @audit filled (no finding: nr_findings 0);
 * SPEVIRT_E_INVAL for a NULL pointer or an unknown el3_disabled bit, or
 * SPEVIRT_E_HOST_INVALID, with @audit empty.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_audit(const struct spevirt_host *host,
				  const struct spevirt_hypervisor *hv, struct spevirt_audit *audit);

/**
 * spevirt_finding_class_name() - "BROKEN", "ISOLATION", ...
 * @cls: an enum spevirt_finding_class value
 *
 * Return: a static string, or NULL outside the enumeration.
 */
SPEVIRT_API const char *spevirt_finding_class_name(unsigned int cls);

#ifdef __cplusplus
}
#endif

#endif /* SPEVIRT_AUDIT_H */
