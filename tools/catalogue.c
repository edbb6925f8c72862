// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The catalogue of hypervisors 'spevirt audit' knows by name: what each
 * programs in MDCR_EL2, PMSCR_EL2 and the fine-grained trap registers for
 * a guest, what its guest reads in ID_AA64DFR0_EL1 and ID_AA64DFR2_EL1,
 * what it emulates and what it context-switches, each from the public
 * source named with it (docs/hypervisors.md quotes each).  Where a value is
 * inferred rather than read, the entry's notes say so.
 */
#include "catalogue.h"
#include "presets.h"

#define SLOT(name)	((uint16_t)(1U << spevirt_spe_slot(SPEVIRT_SYSREG_##name)))
#define BUFFER_SLOTS	(SLOT(PMBLIMITR_EL1) | SLOT(PMBPTR_EL1) | SLOT(PMBSR_EL1) | SLOT(PMBMAR_EL1))
#define E2PB(v)		((uint64_t)SPEVIRT_MDCR_EL2_E2PB_##v << SPEVIRT_MDCR_EL2_E2PB_SHIFT)

/* Every positive HDFGxTR_EL2 SPE bit: each access traps. */
#define HDFGRTR_SPE	(SPEVIRT_HDFGRTR_EL2_PMBIDR_EL1 | SPEVIRT_HDFGRTR_EL2_PMSLATFR_EL1 | \
			 SPEVIRT_HDFGRTR_EL2_PMSIRR_EL1 | SPEVIRT_HDFGRTR_EL2_PMSIDR_EL1 |   \
			 SPEVIRT_HDFGRTR_EL2_PMSICR_EL1 | SPEVIRT_HDFGRTR_EL2_PMSFCR_EL1 |   \
			 SPEVIRT_HDFGRTR_EL2_PMSEVFR_EL1 | SPEVIRT_HDFGRTR_EL2_PMSCR_EL1 |   \
			 SPEVIRT_HDFGRTR_EL2_PMBSR_EL1 | SPEVIRT_HDFGRTR_EL2_PMBPTR_EL1 |    \
			 SPEVIRT_HDFGRTR_EL2_PMBLIMITR_EL1)
#define HDFGWTR_SPE	(SPEVIRT_HDFGWTR_EL2_PMSLATFR_EL1 | SPEVIRT_HDFGWTR_EL2_PMSIRR_EL1 | \
			 SPEVIRT_HDFGWTR_EL2_PMSICR_EL1 | SPEVIRT_HDFGWTR_EL2_PMSFCR_EL1 |   \
			 SPEVIRT_HDFGWTR_EL2_PMSEVFR_EL1 | SPEVIRT_HDFGWTR_EL2_PMSCR_EL1 |   \
			 SPEVIRT_HDFGWTR_EL2_PMBSR_EL1 | SPEVIRT_HDFGWTR_EL2_PMBPTR_EL1 |    \
			 SPEVIRT_HDFGWTR_EL2_PMBLIMITR_EL1)

static bool has_fgt(const struct spevirt_host *host)
{
	return (host->id_aa64mmfr0_el1 & SPEVIRT_ID_AA64MMFR0_EL1_FGT_MASK) != 0;
}

/* A guest with no SPE: every SPE access traps, and UNDEF is injected. */
static void hide_spe(const struct spevirt_host *host, struct spevirt_hypervisor *hv,
		     bool fgt_traps)
{
	hv->el2.mdcr_el2 = SPEVIRT_MDCR_EL2_TPMS | E2PB(EL2);
	if (fgt_traps && has_fgt(host)) {
		/* n-prefixed bits (nPMSNEVFR_EL1, nPMSDSFR_EL1, nPMBMAR_EL1) 0: trapped. */
		hv->el2.hdfgrtr_el2 = HDFGRTR_SPE;
		hv->el2.hdfgwtr_el2 = HDFGWTR_SPE;
	}
}

/* kvm_arm_setup_mdcr_el2() traps the PMU, PMCR_EL0 included: MDCR_EL2.TPM and TPMCR. */
#define KVM_MDCR_PMU	(SPEVIRT_MDCR_EL2_TPM | SPEVIRT_MDCR_EL2_TPMCR)

/*
 * Mainline KVM: kvm_arm_setup_mdcr_el2() sets TPM, TPMCR and TPMS and leaves
 * E2PB 0b00; PMSVer reads 0; on a host with FEAT_FGT, compute_fgu() makes
 * every SPE register of the VM's missing FEAT_SPE UNDEF through its
 * fine-grained trap.
 */
static void kvm(struct spevirt_host *host, struct spevirt_hypervisor *hv)
{
	hide_spe(host, hv, true);
	hv->el2.mdcr_el2 |= KVM_MDCR_PMU;
}

/* The KVM RFC v6 series: spevirt's own profile of it. */
static void kvm_rfc_v6(struct spevirt_host *host, struct spevirt_hypervisor *hv)
{
	struct spevirt_config cfg = { .profile = SPEVIRT_PROFILE_KVM_RFC_V6 };
	struct spevirt_view v;

	if (spevirt_best_offer(host, &cfg, &v) != SPEVIRT_OK ||
	    spevirt_view_hypervisor(&v, &cfg, hv) != SPEVIRT_OK)
		hide_spe(host, hv, true);
	hv->el2.mdcr_el2 |= KVM_MDCR_PMU;	/* the series keeps KVM's debug.c */
}

/*
 * Xen: MDCR_EL2 is TDRA, TDOSA, TDA (and TPM, TPMCR): TPMS 0, E2PB 0b00;
 * no fine-grained trap register is written (taken as 0); the guest reads
 * the host's PMSVer; trapped SPE registers get UNDEF; none is switched.
 */
static void xen(struct spevirt_host *host, struct spevirt_hypervisor *hv)
{
	hv->el2.mdcr_el2 = E2PB(EL2);
	hv->id_aa64dfr0_el1 = host->id_aa64dfr0_el1 & SPEVIRT_ID_AA64DFR0_EL1_PMSVER_MASK;
}

/* Hafnium: TPMS 1, E2PB 0b00 for every VM; PMSVer masked out; no FGT. */
static void hafnium(struct spevirt_host *host, struct spevirt_hypervisor *hv)
{
	hide_spe(host, hv, false);
}

/*
 * bhyve: TPMS 1, E2PB 0b00; with FEAT_FGT, read and write traps of every
 * SPE register, PMBIDR_EL1, PMSIDR_EL1 and nPMSNEVFR_EL1 included; PMSVer
 * hidden by the ID_AA64DFR0_EL1 allow-list.
 */
static void bhyve(struct spevirt_host *host, struct spevirt_hypervisor *hv)
{
	hide_spe(host, hv, true);
}

/*
 * TF-RMM: MDCR_EL2_INIT has TPMS 0, E2PB 0b00; a Realm reads PMSVer 0.  It
 * relies on EL3: TF-A gives the buffer to Non-secure state, so Realm EL2
 * reads PMBIDR_EL1.P = 1 and CheckMDCR_EL3_NSPBTrap() traps Realm accesses.
 */
static void tf_rmm(struct spevirt_host *host, struct spevirt_hypervisor *hv)
{
	if (host->id_aa64dfr0_el1 & SPEVIRT_ID_AA64DFR0_EL1_PMSVER_MASK)
		host->pmbidr_el1 |= SPEVIRT_PMBIDR_EL1_P;
	hv->el2.mdcr_el2 = E2PB(EL2);
}

/* Gunyah: TPMS set (with SPE support), E2PB 0b00; PMSVer 0 in the public tree. */
static void gunyah(struct spevirt_host *host, struct spevirt_hypervisor *hv)
{
	hide_spe(host, hv, false);
}

/*
 * Bao, Jailhouse, seL4: MDCR_EL2 is not written (seL4 writes only its debug
 * bits), so what Linux's __init_el2_debug (or TF-A for an unused EL2) left
 * stays: E2PB 0b11, TPMS 0; HDFGxTR_EL2 as Linux's __init_el2_fgt leaves
 * them (nPMSNEVFR_EL1 1 from PMSVer V1P2); the guest reads the host's ID
 * values; no SPE register is switched.
 */
static void inherit_el2(struct spevirt_host *host, struct spevirt_hypervisor *hv)
{
	uint64_t pmsver = (host->id_aa64dfr0_el1 & SPEVIRT_ID_AA64DFR0_EL1_PMSVER_MASK) >>
			  SPEVIRT_ID_AA64DFR0_EL1_PMSVER_SHIFT;

	hv->el2.mdcr_el2 = E2PB(EL1);
	if (pmsver >= SPEVIRT_PMSVER_V1P2 && has_fgt(host)) {
		hv->el2.hdfgrtr_el2 = SPEVIRT_HDFGRTR_EL2_NPMSNEVFR_EL1;
		hv->el2.hdfgwtr_el2 = SPEVIRT_HDFGWTR_EL2_NPMSNEVFR_EL1;
	}
	hv->id_aa64dfr0_el1 = host->id_aa64dfr0_el1 & SPEVIRT_ID_AA64DFR0_EL1_PMSVER_MASK;
	hv->id_aa64dfr2_el1 = host->id_aa64dfr2_el1 &
			      (SPEVIRT_ID_AA64DFR2_EL1_SPE_NVM_MASK |
			       SPEVIRT_ID_AA64DFR2_EL1_SPE_EXC_MASK);
}

static const struct catalogue_entry entries[] = {
	{ "kvm", "Linux KVM, mainline (6.x): SPE hidden",
	  "torvalds/linux arch/arm64/kvm/debug.c @06d22a9c1b94 kvm_arm_setup_mdcr_el2(); arch/arm64/kvm/config.c @001e032c0f3f compute_fgu(); arch/arm64/kvm/sys_regs.c",
	  NULL, kvm },
	{ "kvm-rfc-v6", "the KVM SPE RFC v6 series (not merged), as spevirt's kvm-rfc-v6 profile",
	  "the series \"KVM: arm64: Add support for FEAT_SPE to guests\", RFC v6; spevirt_best_offer() with SPEVIRT_PROFILE_KVM_RFC_V6",
	  "the RFC emulates the buffer registers and the trapped ID reads, and switches the sampling registers, as the profile's view says",
	  kvm_rfc_v6 },
	{ "xen", "Xen on Arm: SPE neither hidden nor trapped",
	  "xen-project/xen @c447b7308b13 xen/arch/arm/domain.c, traps.c, cpufeature.c, arm64/vsysreg.c",
	  "inferred: no fine-grained trap register is written (taken as 0); ID_AA64DFR2_EL1 reads 0; the sampling registers are neither trapped nor switched",
	  xen },
	{ "hafnium", "Hafnium: TPMS and E2PB 0b00 for every VM, PMSVer masked",
	  "TF-Hafnium/hafnium @21bfbdc1d3df src/arch/aarch64/hypervisor/feature_id.c feature_set_traps(), vm.c arch_vm_features_set()",
	  NULL, hafnium },
	{ "bhyve", "FreeBSD bhyve (arm64 vmm): TPMS, E2PB 0b00, every SPE register trapped with FEAT_FGT",
	  "freebsd/freebsd-src sys/arm64/vmm/vmm_reset.c @13b8077bc96c reset_vm_el2_regs(), sys/arm64/vmm/vmm.c @0552e3a753f8",
	  NULL, bhyve },
	{ "tf-rmm", "TF-RMM (Realms): TPMS 0, E2PB 0b00, PMSVer 0; EL3 keeps the buffer Non-secure",
	  "TF-RMM/tf-rmm @9a7f8ef46378 lib/arch/include/arch_features.h, runtime/core/init.c",
	  "audited as Realm EL2 sees the host: PMBIDR_EL1.P reads 1 (TF-A gives the buffer to Non-secure state)",
	  tf_rmm },
	{ "gunyah", "Gunyah: TPMS, E2PB 0b00, PMSVer 0",
	  "quic/gunyah-hypervisor @36ca3a2a0d89 hyp/vm/vcpu/aarch64/src/aarch64_init.c, sysreg_traps.c",
	  NULL, gunyah },
	{ "bao", "Bao: MDCR_EL2 never written, raw ID values",
	  "bao-project/bao-hypervisor @738e3dc50983 src/arch/armv8/vmm.c",
	  "inferred: MDCR_EL2 and HDFGxTR_EL2 as Linux's or TF-A's EL2 set-up left them (E2PB 0b11, TPMS 0); one guest per core, so nothing to switch between guests on a core",
	  inherit_el2 },
	{ "jailhouse", "Jailhouse: MDCR_EL2 never written, inherits Linux's EL2 set-up",
	  "siemens/jailhouse @e57d1eff6d55 hypervisor/arch/arm64/setup.c; torvalds/linux arch/arm64/include/asm/el2_setup.h @01f492e1817e __init_el2_debug",
	  "inferred from Linux's __init_el2_debug and __init_el2_fgt: E2PB 0b11, TPMS 0; one cell per core",
	  inherit_el2 },
	{ "sel4", "seL4: writes only the debug bits of MDCR_EL2, raw ID values",
	  "seL4/seL4 @1326364bc913 include/arch/arm/armv/armv8-a/64/armv/vcpu.h, include/arch/arm/arch/machine/debug.h",
	  "inferred: the SPE fields of MDCR_EL2 as the boot left them (E2PB 0b11, TPMS 0); SPE registers are not in the vCPU context",
	  inherit_el2 },
};

unsigned int catalogue_count(void)
{
	return sizeof(entries) / sizeof(entries[0]);
}

const struct catalogue_entry *catalogue_get(unsigned int index)
{
	return index < catalogue_count() ? &entries[index] : NULL;
}

const struct catalogue_entry *catalogue_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < catalogue_count(); i++)
		if (name_equal(entries[i].name, name))
			return &entries[i];
	return NULL;
}
