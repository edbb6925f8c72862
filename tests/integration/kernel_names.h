/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/*
 * Names a Linux kernel, KVM or a hypervisor's own headers may define as
 * macros, each made one here that breaks the build wherever it is expanded
 * (clash.sh compiles each C file of lib/ with this header included first).
 * spevirt's names must not be any of them.  Each expands to a stray '@',
 * which no C context accepts: an identifier instead would compile when
 * spevirt both declared and used the name, as the one identifier.
 */
#define BIT			@spevirt_name_clash
#define GENMASK			@spevirt_name_clash
#define GENMASK_ULL		@spevirt_name_clash
#define FIELD_GET		@spevirt_name_clash
#define FIELD_PREP		@spevirt_name_clash
#define ARRAY_SIZE		@spevirt_name_clash
#define min			@spevirt_name_clash
#define max			@spevirt_name_clash
#define clamp			@spevirt_name_clash
#define likely			@spevirt_name_clash
#define unlikely		@spevirt_name_clash
#define SZ_4K			@spevirt_name_clash
/* arm64 cpufeature and KVM feature names */
#define FEAT_SPE		@spevirt_name_clash
#define FEAT_SPE_FnE		@spevirt_name_clash
#define FEAT_SPE_FDS		@spevirt_name_clash
#define FEAT_SPE_nVM		@spevirt_name_clash
#define FEAT_SPEv1p2		@spevirt_name_clash
#define FEAT_SPEv1p5		@spevirt_name_clash
#define FEAT_FGT		@spevirt_name_clash
#define FEAT_FGT2		@spevirt_name_clash
#define FEAT_ECV		@spevirt_name_clash
/* register names KVM uses as enumerators or macros */
#define HDFGRTR_EL2		@spevirt_name_clash
#define HDFGWTR_EL2		@spevirt_name_clash
#define HDFGRTR2_EL2		@spevirt_name_clash
#define HDFGWTR2_EL2		@spevirt_name_clash
#define HFGITR_EL2		@spevirt_name_clash
#define MDCR_EL2		@spevirt_name_clash
#define PMSCR_EL1		@spevirt_name_clash
#define PMSCR_EL2		@spevirt_name_clash
#define PMSIDR_EL1		@spevirt_name_clash
#define PMBIDR_EL1		@spevirt_name_clash
#define PMBLIMITR_EL1		@spevirt_name_clash
#define PMBPTR_EL1		@spevirt_name_clash
#define PMBSR_EL1		@spevirt_name_clash
#define PMBMAR_EL1		@spevirt_name_clash
#define PMSNEVFR_EL1		@spevirt_name_clash
#define PMSDSFR_EL1		@spevirt_name_clash
#define PMSICR_EL1		@spevirt_name_clash
#define PMSIRR_EL1		@spevirt_name_clash
#define PMSFCR_EL1		@spevirt_name_clash
#define PMSEVFR_EL1		@spevirt_name_clash
#define PMSLATFR_EL1		@spevirt_name_clash
#define ID_AA64DFR0_EL1		@spevirt_name_clash
#define ID_AA64DFR2_EL1		@spevirt_name_clash
#define ID_AA64MMFR0_EL1	@spevirt_name_clash
/* short names generic code defines */
#define POS			@spevirt_name_clash
#define NEG			@spevirt_name_clash
#define SLOT			@spevirt_name_clash
#define BUFFER			@spevirt_name_clash
#define SAMPLING		@spevirt_name_clash
#define LEAK			@spevirt_name_clash
#define NO_FGT			@spevirt_name_clash
#define FGT_NONE		@spevirt_name_clash
#define NR_SPE_REGS		@spevirt_name_clash
#define CLASS_BUFFER		@spevirt_name_clash
#define CLASS_SAMPLING		@spevirt_name_clash
#define MDCR_NONE		@spevirt_name_clash
#define MDCR_TPMS		@spevirt_name_clash
#define MDCR_E2PB		@spevirt_name_clash
#define ISS_RT			@spevirt_name_clash
#define ISS_CRN			@spevirt_name_clash
#define FSC_DEFINED		@spevirt_name_clash
#define M_MAX			@spevirt_name_clash
#define E_MAX			@spevirt_name_clash
