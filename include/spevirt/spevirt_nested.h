/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_NESTED_H
#define SPEVIRT_NESTED_H

/*
 * SPE for a nested guest (FEAT_NV, FEAT_NV2): a guest hypervisor (L1) runs
 * at virtual EL2 under the host hypervisor (L0) and gives SPE to its own
 * guest (L2).  spevirt_nested_compose() turns L0's view for L1 and L1's
 * virtual EL2 controls for L2 into the controls L0 programs while L2 runs,
 * the route of each L2 access, and where L2's SPE state lives.
 * docs/policy.md section 16 gives each rule with its Arm ARM basis.
 */
#include <spevirt/spevirt_audit.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct spevirt_nested_l1 - what a guest hypervisor programs for its guest
 * @el2: L1's virtual EL2 registers for L2, as L1 last wrote them:
 *	vMDCR_EL2 (TPMS, E2PB), vPMSCR_EL2 (EnVM, PA, CX, PCT), vHDFGRTR_EL2,
 *	vHDFGWTR_EL2, vHDFGRTR2_EL2, vHDFGWTR2_EL2 and vHFGITR_EL2 (PSBCSYNC)
 * @fgt: the ID_AA64MMFR0_EL1.FGT L0 shows L1: 0, 1 (FEAT_FGT) or 2
 *	(FEAT_FGT2); L1's fine-grained trap registers it lacks are ignored, as
 *	the machine L1 sees has none.  At most spevirt_nested_max_fgt()
 */
struct spevirt_nested_l1 {
	struct spevirt_el2_regs el2;
	unsigned int fgt;
};

/**
 * enum spevirt_nested_route - what happens to an L2 access
 * @SPEVIRT_NESTED_UNDEF: L2 takes an Undefined Instruction exception: the
 *	hardware raises it, or L0 injects it for a register L1's machine lacks.
 *	Zero, so a composition never made fails closed.
 * @SPEVIRT_NESTED_HARDWARE: not trapped: L2 accesses the hardware register
 * @SPEVIRT_NESTED_EMULATE: trapped to L0, which performs it as L1's machine
 *	would without a trap: an ID read returns spevirt_nested.pmsidr_el1 or
 *	.pmbidr_el1, another access is L0's own decision for L1
 *	(spevirt_nested.emulate: forwarded to the hardware register, or its
 *	buffer emulation)
 * @SPEVIRT_NESTED_REFLECT: trapped to L0, which injects it into L1's vEL2
 *	as L1's own trap: ESR_EL2 as spevirt_nested_esr() gives it
 */
enum spevirt_nested_route {
	SPEVIRT_NESTED_UNDEF = 0,
	SPEVIRT_NESTED_HARDWARE,
	SPEVIRT_NESTED_EMULATE,
	SPEVIRT_NESTED_REFLECT,
};

/**
 * struct spevirt_nested - SPE for L2, as L0 runs it
 * @mdcr_el2: MDCR_EL2 while L2 runs (TPMS, E2PB and what L0's view owns),
 *	applied as reg = (reg & ~mask) | value, like spevirt_view's
 * @pmscr_el2: PMSCR_EL2 while L2 runs: PA, CX and PCT where both L0's view
 *	and L1 allow them, EnVM where both do, EE and KE L0's
 * @hdfgrtr_el2: HDFGRTR_EL2 while L2 runs: L0's traps and L1's
 * @hdfgwtr_el2: HDFGWTR_EL2, likewise
 * @hdfgrtr2_el2: HDFGRTR2_EL2, likewise (n-prefixed bits: trap when clear)
 * @hdfgwtr2_el2: HDFGWTR2_EL2, likewise
 * @hfgitr_el2: HFGITR_EL2 (PSBCSYNC) while L2 runs
 * @l1_host: the machine L1 sees: L0's view for L1 as ID values, the FGT
 *	level L0 shows it, no EL3 (kept on a refusal once known; 0 when the
 *	pointers, the host or @l1's FGT level were refused first)
 * @route: the route of each L2 access, by direction (0 read, 1 write) and
 *	slot (spevirt_spe_slot())
 * @emulate: for a route SPEVIRT_NESTED_EMULATE, L0's decision for the same
 *	access by L1 (enum spevirt_access: READ_VIEW, EMULATE or FORWARD)
 * @psb_route: PSB CSYNC in L2: SPEVIRT_NESTED_HARDWARE, or
 *	SPEVIRT_NESTED_EMULATE where L0 traps it (HFGITR_EL2.PSBCSYNC): L0
 *	executes it and returns.  Only FEAT_FGT with FEAT_SPEv1p5 traps it, and
 *	a composed L1's machine is below FEAT_SPEv1p5 (the one view with
 *	V1P5, the KVM RFC v6 profile's, is refused), so L1 has no trap of its
 *	own to reflect.
 * @pmsidr_el1: what an emulated PMSIDR_EL1 read by L2 returns
 * @pmbidr_el1: what an emulated PMBIDR_EL1 read by L2 returns (P and
 *	AddrMode as L1's vMDCR_EL2.E2PB and vPMSCR_EL2.EnVM make them)
 * @vncr: slots of the registers that have a VNCR_EL2 page offset
 *	(spevirt_vncr_offset()): with FEAT_NV2, L1's accesses to L2's value go
 *	to the page
 * @load: slots whose L2 value L0 copies from L1's copy (the VNCR page, or
 *	L0's shadow of it without FEAT_NV2) into the hardware before L2 runs,
 *	and back after: the state the hardware uses while L2 runs
 * @shared: slots L1 reaches on the hardware itself (no VNCR offset): L1
 *	switches them for L2 as a hypervisor at EL2 does; L0 copies nothing
 * @reason: NULL, or why the composition was refused (the controls then
 *	give L2 no SPE: every route SPEVIRT_NESTED_UNDEF)
 */
struct spevirt_nested {
	struct spevirt_regmask mdcr_el2;
	struct spevirt_regmask pmscr_el2;
	struct spevirt_regmask hdfgrtr_el2;
	struct spevirt_regmask hdfgwtr_el2;
	struct spevirt_regmask hdfgrtr2_el2;
	struct spevirt_regmask hdfgwtr2_el2;
	struct spevirt_regmask hfgitr_el2;
	struct spevirt_host l1_host;
	uint8_t route[2][SPEVIRT_NR_SPE_SLOTS];
	uint8_t emulate[2][SPEVIRT_NR_SPE_SLOTS];
	uint8_t psb_route;
	uint64_t pmsidr_el1;
	uint64_t pmbidr_el1;
	uint16_t vncr;
	uint16_t load;
	uint16_t shared;
	const char *reason;
};

/**
 * spevirt_nested_compose() - SPE for a guest hypervisor's guest
 * @host: the host's ID registers
 * @view: L0's view for L1, from a successful spevirt_view_compute() or
 *	spevirt_view_present() for @host
 * @l1: L1's virtual EL2 controls for L2
 * @out: filled in; it must not overlap @host, @view or @l1
 *
 * Every L2 access the machine L1 sees would trap to EL2 under L1's
 * controls is trapped and reflected to L1; every access L0 traps for L1 is
 * trapped for L2 too; an ID read whose hardware value is not the value L1's
 * machine gives is trapped and emulated; what runs on the hardware runs as
 * on L1's machine.  L2 never gets more than L0 gives L1.
 *
 * Return: SPEVIRT_OK; SPEVIRT_E_INVAL for a NULL or overlapping pointer, an
 * @l1->fgt above 2, a reserved vMDCR_EL2.E2PB (0b01), or a @view that is not
 * spevirt's for @host (an L2 access would run on the hardware, or reach EL3,
 * where L1's machine or L0's view has it trapped; ID values no machine has
 * at any FGT level); SPEVIRT_E_NEED_FGT when L1 is shown a FEAT_FGT level
 * the host cannot apply, when @view gives L1 FEAT_SPE_FDS or FEAT_SPE_nVM
 * and L1 is not shown FEAT_FGT2 (which they require with EL2), or when only
 * a fine-grained trap the host lacks could keep L2's view exact;
 * SPEVIRT_E_PMSVER when @view has the leak SPEVIRT_LEAK_ID_INCONSISTENT (the
 * KVM RFC v6 profile's V1P5, say): L1's machine is then no machine of the
 * architecture; SPEVIRT_E_HOST_INVALID for an invalid @host.  Refused,
 * @out gives L2 no SPE (the controls of spevirt_view_compute() for a guest
 * without SPE) with @out->reason set.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_nested_compose(const struct spevirt_host *host,
					   const struct spevirt_view *view,
					   const struct spevirt_nested_l1 *l1,
					   struct spevirt_nested *out);

/**
 * spevirt_nested_max_fgt() - the highest FGT level L0 can show a guest hypervisor
 * @host: the host's ID registers and what its EL3 leaves disabled
 * @fgt: the level: 0, 1 (FEAT_FGT) or 2 (FEAT_FGT2)
 *
 * The highest ID_AA64MMFR0_EL1.FGT whose traps L0 can apply for L1 while
 * L2 runs, the most spevirt_nested_l1.fgt may be: the host's FGT level, 0
 * if EL3 leaves SCR_EL3.FGTEn 0 (FEAT_FGT2 has FEAT_FGT's registers, whose
 * traps then take no effect), at most 1 if it leaves FGTEn2 0.
 *
 * Return: SPEVIRT_OK; SPEVIRT_E_INVAL for a NULL pointer or an unknown
 * el3_disabled bit, SPEVIRT_E_HOST_INVALID for an invalid @host, with @fgt
 * (when not NULL) 0.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_nested_max_fgt(const struct spevirt_host *host, unsigned int *fgt);

/**
 * spevirt_vncr_offset() - an SPE register's offset in the VNCR_EL2 page
 * @sysreg: SPEVIRT_SYSREG_PMBLIMITR_EL1 ... (the EL1 encoding)
 *
 * Arm ARM D8.14.6.2, Table D8-120: the memory offset a register access
 * becomes when HCR_EL2.{NV, NV2} is {1, 1} at EL1.  PMSCR_EL1's offset is
 * that of PMSCR_EL12 when HCR_EL2.NV1 is 0.
 *
 * Return: the offset (0x800 ... 0x858); 0 for PMSFCR_EL1, PMBMAR_EL1,
 * PMSIDR_EL1, PMBIDR_EL1 and any other encoding, which have none.
 */
SPEVIRT_API uint32_t spevirt_vncr_offset(uint32_t sysreg);

/* ESR_ELx.EC of a trapped MSR or MRS. */
#define SPEVIRT_ESR_EC_SYS64		0x18U

/**
 * spevirt_nested_esr() - the ESR_EL2 L1 must see for a reflected access
 * @sysreg: the register, SPEVIRT_SYSREG()
 * @rt: the access's general-purpose register, 0 to 31
 * @is_write: MSR (true) or MRS
 *
 * The syndrome the hardware gave L0 for the same trap: EC 0x18, IL 1, ISS
 * Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10], Rt [9:5], CRm [4:1],
 * Direction [0] (1 for MRS), the inverse of spevirt_sysreg_from_iss().
 *
 * Return: the ESR_EL2 value.
 */
SPEVIRT_API uint64_t spevirt_nested_esr(uint32_t sysreg, unsigned int rt, bool is_write);

#ifdef __cplusplus
}
#endif

#endif /* SPEVIRT_NESTED_H */
