/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_H
#define SPEVIRT_H

/*
 * spevirt: how a hypervisor virtualizes the Arm Statistical Profiling
 * Extension for a guest.
 *
 * From the host's SPE ID registers, the guest's SPE feature levels and a
 * profiling-buffer limit, spevirt_view_compute() returns the values the guest
 * must read and the trap controls the hypervisor must program.  Every function
 * is pure: no global state, no allocation, no I/O, no floating point.
 *
 * Register and field names follow the Arm ARM (DDI0487); the policy behind
 * each value is tabulated, rule by rule, in docs/policy.md.
 *
 * Build-time switches, for a hypervisor that wants the policy and nothing
 * else (they change what the library is built from, not this header):
 *
 * SPEVIRT_REASONS (default 2): what a reason holds -- view.reason,
 *	pool.reason, an offer attempt's reason, a migration issue's rule,
 *	effect.reason and spevirt_leak_describe().  2: a sentence naming the
 *	register field and the rule.  1: a short name of the rule, in
 *	capitals, digits and '_' (HOST_FDS_NO_LDS, SPEVIRT_LEAK_PMCR_FZS).
 *	0: "".  Where a reason is documented as present it is present at
 *	every level (never NULL), and statuses and every other output are
 *	the same.  Meson: -Dreasons=full|short|none; Kconfig:
 *	CONFIG_SPEVIRT_REASONS.
 * The register descriptions (spevirt_regdesc.h: spevirt_reg_count(),
 *	spevirt_reg_get(), spevirt_reg_find()) are lib/regdesc.c and
 *	lib/regdesc_lookup.c: leave both out of the build (Meson
 *	-Dregdesc=false; Kconfig: CONFIG_SPEVIRT_REGDESC=n) and nothing
 *	else refers to them.  Built by default.
 */
#ifdef SPEVIRT_ENV_HEADER
#include SPEVIRT_ENV_HEADER
#else
#include <spevirt/spevirt_env.h>
#endif
#include <spevirt/spevirt_visibility.h>
#include <spevirt/spevirt_regs.h>
#include <spevirt/spevirt_regdesc.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The version of this header.  spevirt_version() gives the library's, which
 * may differ when a program runs against another build of the library.
 */
#define SPEVIRT_VERSION_MAJOR	0
#define SPEVIRT_VERSION_MINOR	5
#define SPEVIRT_VERSION_PATCH	0
#define SPEVIRT_VERSION_NUMBER(major, minor, patch) \
	(((major) << 16) | ((minor) << 8) | (patch))
#define SPEVIRT_VERSION \
	SPEVIRT_VERSION_NUMBER(SPEVIRT_VERSION_MAJOR, SPEVIRT_VERSION_MINOR, SPEVIRT_VERSION_PATCH)

/**
 * spevirt_version() - the version of the library
 *
 * Return: SPEVIRT_VERSION_NUMBER(major, minor, patch) of the library that
 * runs, to compare with SPEVIRT_VERSION.
 */
SPEVIRT_API unsigned int spevirt_version(void);

/**
 * enum spevirt_status - result of a spevirt call
 * @SPEVIRT_OK: success
 * @SPEVIRT_E_INVAL: NULL pointer, unknown profile or flag bit, or a
 *	configuration field out of range
 * @SPEVIRT_E_HOST_NO_SPE: the guest asks for SPE and the host has none
 * @SPEVIRT_E_HOST_NOT_OWNED: host PMBIDR_EL1.P is 1: a higher Exception level
 *	owns the profiling buffer
 * @SPEVIRT_E_HOST_INVALID: the host values contradict the architecture
 * @SPEVIRT_E_PMSVER: the guest PMSVer is reserved, above the host's, or
 *	refused by the profile
 * @SPEVIRT_E_NVM: guest SPE_nVM requested but not possible
 * @SPEVIRT_E_BUFSIZE: the buffer limit is not representable in
 *	PMBIDR_EL1.MaxBuffSize, or exceeds the host's own limit
 * @SPEVIRT_E_NEED_FGT: a required trap needs FEAT_FGT or FEAT_FGT2, which the
 *	host lacks
 * @SPEVIRT_E_LEAK: the configuration forbids leaks and the view would leak
 * @SPEVIRT_E_MISMATCH: a host cannot present the guest-visible values of a
 *	pool or of a running guest (a feature it lacks, a record format that
 *	differs, a smaller limit it needs)
 *
 * The values are stable: they will not be renumbered.
 */
enum spevirt_status {
	SPEVIRT_OK = 0,
	SPEVIRT_E_INVAL,
	SPEVIRT_E_HOST_NO_SPE,
	SPEVIRT_E_HOST_NOT_OWNED,
	SPEVIRT_E_HOST_INVALID,
	SPEVIRT_E_PMSVER,
	SPEVIRT_E_NVM,
	SPEVIRT_E_BUFSIZE,
	SPEVIRT_E_NEED_FGT,
	SPEVIRT_E_LEAK,
	SPEVIRT_E_MISMATCH,
};

/**
 * spevirt_strerror() - a short description of a status
 * @status: any value, including values that are not an enum spevirt_status
 *
 * Return: a static string, never NULL.
 */
SPEVIRT_API const char *spevirt_strerror(enum spevirt_status status);

/**
 * enum spevirt_profile - the policy that decides the guest view
 * @SPEVIRT_PROFILE_DEFAULT: an architecturally consistent view with the
 *	fewest traps; ID registers are trapped only when the guest value differs
 *	from what the hardware would show the guest, so a guest that gets all
 *	of the host's features needs no FEAT_FGT
 * @SPEVIRT_PROFILE_KVM_RFC_V6: bit for bit the policy of the KVM series
 *	"KVM: arm64: Add support for FEAT_SPE to guests", RFC v6
 */
enum spevirt_profile {
	SPEVIRT_PROFILE_DEFAULT = 0,
	SPEVIRT_PROFILE_KVM_RFC_V6,
};

/* Guest SPE versions for spevirt_config.pmsver (ID_AA64DFR0_EL1.PMSVer). */
#define SPEVIRT_PMSVER_NI	SPEVIRT_ID_AA64DFR0_EL1_PMSVER_NI
#define SPEVIRT_PMSVER_IMP	SPEVIRT_ID_AA64DFR0_EL1_PMSVER_IMP
#define SPEVIRT_PMSVER_V1P1	SPEVIRT_ID_AA64DFR0_EL1_PMSVER_V1P1
#define SPEVIRT_PMSVER_V1P2	SPEVIRT_ID_AA64DFR0_EL1_PMSVER_V1P2
#define SPEVIRT_PMSVER_V1P3	SPEVIRT_ID_AA64DFR0_EL1_PMSVER_V1P3
#define SPEVIRT_PMSVER_V1P4	SPEVIRT_ID_AA64DFR0_EL1_PMSVER_V1P4
#define SPEVIRT_PMSVER_V1P5	SPEVIRT_ID_AA64DFR0_EL1_PMSVER_V1P5

/*
 * Flags for spevirt_config.flags.  An unknown bit is refused with
 * SPEVIRT_E_INVAL, so a flag is never silently ignored.
 *
 * SPEVIRT_CFG_TPMS_FALLBACK: default profile.  On a host without FEAT_FGT,
 *	when PMSIDR_EL1 must read differently from the hardware or PMSNEVFR_EL1
 *	/ PMSDSFR_EL1 must UNDEF, trap every sampling-control register with
 *	MDCR_EL2.TPMS instead of refusing: the sampling registers become
 *	SPEVIRT_ACCESS_FORWARD, the hidden ones SPEVIRT_ACCESS_UNDEF.
 * SPEVIRT_CFG_UNADVERTISED_LIMIT: default profile.  On a host without
 *	FEAT_FGT, PMBIDR_EL1 cannot be trapped: let the guest read the
 *	hardware's MaxBuffSize and enforce max_buffer_size only when the guest
 *	enables its buffer (a buffer-size management event).  The view then has
 *	limit_advertised false.
 * SPEVIRT_CFG_FORBID_LEAKS: refuse, with SPEVIRT_E_LEAK, any view in which
 *	the guest can observe something the view hides (view.leaks has a bit
 *	outside spevirt_config.accepted_leaks).
 * SPEVIRT_CFG_PINNED_MEMORY: default profile.  The hypervisor keeps every
 *	guest page the profiling buffer can reach mapped at stage 2 for as long
 *	as the guest runs (it pre-faults and pins all guest memory).  The guest
 *	then owns the buffer untrapped: MDCR_EL2.E2PB = 0b11, the buffer
 *	registers are SPEVIRT_ACCESS_UNTRAPPED and join the context-switch set.
 *	Nothing sees the guest program its buffer, so no limit can be enforced:
 *	max_buffer_size must be 0 (SPEVIRT_E_BUFSIZE otherwise).
 * SPEVIRT_CFG_ALLOW_PHYS_ADDR: PMSCR_EL2.PA = 1: the guest's records may
 *	carry the host physical addresses of its data accesses when it sets
 *	PMSCR_EL1.PA.  Without it PMSCR_EL2.PA = 0 and they never do.
 * SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP: the guest may record a physical
 *	timestamp: PMSCR_EL2.PCT = 0b11 on a host with FEAT_ECV (the guest
 *	chooses, in PMSCR_EL1.PCT, between the virtual counter and the physical
 *	counter minus CNTPOFF_EL2), 0b01 without (virtual or the host's physical
 *	counter).  Without it PMSCR_EL2.PCT = 0b00: always the virtual counter.
 *	A privileged-VMM permission: the physical counter is host state.
 * SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2: PMSCR_EL2.CX = 1: the guest's records
 *	carry CONTEXTIDR_EL2, which belongs to the hypervisor (on a VHE Linux
 *	host, the current host process).  Without it PMSCR_EL2.CX = 0.
 *
 * The two fallbacks are used only when the host lacks FEAT_FGT; with it, the
 * fine-grained traps are always preferred.  The KVM RFC v6 profile has no
 * fallbacks and no pinned-memory mode and refuses them with SPEVIRT_E_INVAL;
 * it takes the three ALLOW flags, which concern PMSCR_EL2 only.
 */
#define SPEVIRT_CFG_TPMS_FALLBACK		0x01U
#define SPEVIRT_CFG_UNADVERTISED_LIMIT		0x02U
#define SPEVIRT_CFG_FORBID_LEAKS		0x04U
#define SPEVIRT_CFG_PINNED_MEMORY		0x08U
#define SPEVIRT_CFG_ALLOW_PHYS_ADDR		0x10U
#define SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP	0x20U
#define SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2	0x40U
#define SPEVIRT_CFG_VALID_FLAGS							\
	(SPEVIRT_CFG_TPMS_FALLBACK | SPEVIRT_CFG_UNADVERTISED_LIMIT |		\
	 SPEVIRT_CFG_FORBID_LEAKS | SPEVIRT_CFG_PINNED_MEMORY |			\
	 SPEVIRT_CFG_ALLOW_PHYS_ADDR | SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP |	\
	 SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2)

/*
 * Leaks: what a guest can observe although its view hides it.  docs/policy.md
 * says for each what the guest sees, why it cannot be hidden, and what would
 * hide it.
 *
 * SPEVIRT_LEAK_RECORD_FORMAT: the guest PMSVer is below the host's; records
 *	still carry the packets and encodings of the host's version.
 * SPEVIRT_LEAK_RECORD_FEATURES: the view hides PMSIDR_EL1.PBT, CRR, SME or LDS
 *	(default profile, lower PMSVer, a pool); the hardware still emits their
 *	packets.
 * SPEVIRT_LEAK_FILTER_BITS: the guest PMSVer is below the host's, or FnE,
 *	FDS, EFT or FPF is hidden: PMSEVFR_EL1 event bits of later versions and
 *	PMSFCR_EL1.FnE/FDS and the SIMD/FP filters stay writable instead of
 *	RAZ/WI.
 * SPEVIRT_LEAK_PMSCR_EXC: the host has FEAT_SPE_EXC, the guest does not:
 *	PMSCR_EL1.KE and EE stay writable.
 * SPEVIRT_LEAK_PMBIDR_READ: the guest has no SPE and the host no FEAT_FGT:
 *	nothing can trap PMBIDR_EL1, which reads the host's value.
 * SPEVIRT_LEAK_PMCR_FZS: the host has FEAT_SPEv1p2, the guest does not:
 *	PMCR_EL0.FZS exists unless the hypervisor traps PMCR_EL0.
 * SPEVIRT_LEAK_UNADVERTISED_LIMIT: the limit is enforced but PMBIDR_EL1 shows
 *	the hardware's MaxBuffSize (SPEVIRT_CFG_UNADVERTISED_LIMIT); the guest
 *	learns the limit only from a buffer-size management event.
 * SPEVIRT_LEAK_ID_INCONSISTENT: the guest reads PMSVer V1P5 with SPE_nVM and
 *	SPE_EXC 0, which FEAT_SPEv1p5 forbids, or a PMSIDR_EL1.PBT, CRR or SME
 *	its PMSVer does not allow (the KVM RFC v6 profile does both: it hides
 *	only FnE and FDS): a guest that trusts the architecture expects
 *	PMBMAR_EL1, the profiling-exception controls, or those features.
 * SPEVIRT_LEAK_BUFFER_BITS: SPEVIRT_CFG_PINNED_MEMORY with a guest below the
 *	host: PMBLIMITR_EL1.nVM (host FEAT_SPE_nVM) and PMBLIMITR_EL1.PMFZ (host
 *	FEAT_SPEv1p2) of features the guest lacks stay writable, since nothing
 *	traps the buffer registers.
 */
#define SPEVIRT_LEAK_RECORD_FORMAT	0x001ULL
#define SPEVIRT_LEAK_RECORD_FEATURES	0x002ULL
#define SPEVIRT_LEAK_FILTER_BITS	0x004ULL
#define SPEVIRT_LEAK_PMSCR_EXC		0x008ULL
#define SPEVIRT_LEAK_PMBIDR_READ	0x010ULL
#define SPEVIRT_LEAK_PMCR_FZS		0x020ULL
#define SPEVIRT_LEAK_UNADVERTISED_LIMIT	0x040ULL
#define SPEVIRT_LEAK_ID_INCONSISTENT	0x080ULL
#define SPEVIRT_LEAK_BUFFER_BITS	0x100ULL
#define SPEVIRT_LEAK_COUNT		9

/**
 * spevirt_leak_name() - the name of a leak bit
 * @bit: the bit number, 0 to SPEVIRT_LEAK_COUNT - 1
 *
 * Return: the name without SPEVIRT_LEAK_ ("RECORD_FORMAT"), or NULL for an
 * unknown bit.
 */
SPEVIRT_API const char *spevirt_leak_name(unsigned int bit);

/**
 * spevirt_leak_describe() - what a guest can observe through a leak
 * @bit: the bit number, 0 to SPEVIRT_LEAK_COUNT - 1
 *
 * Return: a static sentence, or NULL for an unknown bit.
 */
SPEVIRT_API const char *spevirt_leak_describe(unsigned int bit);

/**
 * enum spevirt_access - what the hypervisor does with a guest access to an
 *	SPE system register
 * @SPEVIRT_ACCESS_UNDEF: inject UNDEF (a hidden feature, a register absent
 *	on the host, a write to a read-only register, a guest without SPE).
 *	Zero, so a view that was never computed fails closed.
 * @SPEVIRT_ACCESS_UNTRAPPED: not trapped: the hardware handles it
 * @SPEVIRT_ACCESS_READ_VIEW: trapped read of PMSIDR_EL1 or PMBIDR_EL1:
 *	return the value in the view
 * @SPEVIRT_ACCESS_EMULATE: trapped buffer register (PMBLIMITR_EL1,
 *	PMBPTR_EL1, PMBSR_EL1, PMBMAR_EL1): emulate from the hypervisor's shadow
 * @SPEVIRT_ACCESS_FORWARD: trapped sampling register (MDCR_EL2.TPMS
 *	fallback): perform the access on the hardware register for the guest
 * @SPEVIRT_ACCESS_NOT_SPE: the encoding is not in SPE's system-register
 *	block: spevirt has no decision for it
 */
enum spevirt_access {
	SPEVIRT_ACCESS_UNDEF = 0,
	SPEVIRT_ACCESS_UNTRAPPED,
	SPEVIRT_ACCESS_READ_VIEW,
	SPEVIRT_ACCESS_EMULATE,
	SPEVIRT_ACCESS_FORWARD,
	SPEVIRT_ACCESS_NOT_SPE,
};

/* SPE's system registers sit at op0 = 3, op1 = 0, CRn = 9, CRm = 9 or 10. */
#define SPEVIRT_NR_SPE_SLOTS	16

/**
 * struct spevirt_host - the host's SPE-related ID registers
 * @id_aa64dfr0_el1: ID_AA64DFR0_EL1 (PMSVer)
 * @id_aa64dfr2_el1: ID_AA64DFR2_EL1 (SPE_nVM, SPE_EXC)
 * @id_aa64mmfr0_el1: ID_AA64MMFR0_EL1 (FGT)
 * @pmsidr_el1: PMSIDR_EL1
 * @pmbidr_el1: PMBIDR_EL1
 * @el3_disabled: SPEVIRT_EL3_* bits: SPE-related controls that EL3 firmware
 *	leaves disabled although the ID registers show the feature; 0 when the
 *	firmware meets the booting requirements (docs/policy.md, "What spevirt
 *	assumes of EL3")
 *
 * Raw values read at EL2 on a CPU that has the SPU.  Fields outside SPE are
 * ignored.  PMSIDR_EL1 and PMBIDR_EL1 are ignored when PMSVer is 0.
 * ID_AA64MMFR0_EL1 gives FGT and ECV.
 */
struct spevirt_host {
	uint64_t id_aa64dfr0_el1;
	uint64_t id_aa64dfr2_el1;
	uint64_t id_aa64mmfr0_el1;
	uint64_t pmsidr_el1;
	uint64_t pmbidr_el1;
	uint32_t el3_disabled;
};

/*
 * Bits for spevirt_host.el3_disabled.  A bit for a feature the host lacks is
 * ignored; an unknown bit is refused with SPEVIRT_E_INVAL.
 *
 * SPEVIRT_EL3_NO_FGT: SCR_EL3.FGTEn = 0: no fine-grained trap of
 *	HDFGRTR_EL2, HDFGWTR_EL2 or HFGITR_EL2 takes effect (and EL2 accesses
 *	to those registers trap to EL3): the host is planned as without FEAT_FGT.
 * SPEVIRT_EL3_NO_FGT2: SCR_EL3.FGTEn2 = 0: likewise for HDFGRTR2_EL2 and
 *	HDFGWTR2_EL2: the host is planned as without FEAT_FGT2.
 * SPEVIRT_EL3_NO_PMSNEVFR: MDCR_EL3.EnPMSN = 0: PMSNEVFR_EL1 traps to EL3.
 *	A guest cannot have FEAT_SPE_FnE, so not FEAT_SPEv1p2 either.
 * SPEVIRT_EL3_NO_PMSDSFR: MDCR_EL3.EnPMS3 = 0: PMSDSFR_EL1 traps to EL3.
 *	A guest cannot have FEAT_SPE_FDS.
 * SPEVIRT_EL3_NO_PMBMAR: MDCR_EL3.EnPMS4 = 0: PMBMAR_EL1 traps to EL3.  A
 *	guest cannot have FEAT_SPE_nVM.
 * SPEVIRT_EL3_PMSEE_ALL: MDCR_EL3.PMSEE = 0b11: every Profiling Buffer
 *	management event is recorded in PMBSR_EL3 and taken to EL3, so no
 *	guest can own a profiling buffer.
 * SPEVIRT_EL3_NSPB_TRAP: MDCR_EL3.NSPB = 0b10 (NSPBE 0): Non-secure state
 *	owns the Profiling Buffer, so PMBIDR_EL1.P reads 0, yet every EL2 and
 *	EL1 access to the SPE registers but PMBIDR_EL1 traps to EL3
 *	(CheckMDCR_EL3_NSPBTrap()), so no guest can use SPE.  Ignored when
 *	PMBIDR_EL1.P is 1 (NSPB 0b0x, another state owns the buffer: those
 *	accesses trap to EL3 anyway).
 */
#define SPEVIRT_EL3_NO_FGT		0x01U
#define SPEVIRT_EL3_NO_FGT2		0x02U
#define SPEVIRT_EL3_NO_PMSNEVFR		0x04U
#define SPEVIRT_EL3_NO_PMSDSFR		0x08U
#define SPEVIRT_EL3_NO_PMBMAR		0x10U
#define SPEVIRT_EL3_PMSEE_ALL		0x20U
#define SPEVIRT_EL3_NSPB_TRAP		0x40U
#define SPEVIRT_EL3_VALID							\
	(SPEVIRT_EL3_NO_FGT | SPEVIRT_EL3_NO_FGT2 | SPEVIRT_EL3_NO_PMSNEVFR |	\
	 SPEVIRT_EL3_NO_PMSDSFR | SPEVIRT_EL3_NO_PMBMAR | SPEVIRT_EL3_PMSEE_ALL |	\
	 SPEVIRT_EL3_NSPB_TRAP)

/**
 * struct spevirt_config - what the guest is to get
 * @profile: an enum spevirt_profile
 * @pmsver: the guest's ID_AA64DFR0_EL1.PMSVer, a SPEVIRT_PMSVER_* value;
 *	0 for a guest without SPE
 * @spe_nvm: the guest's ID_AA64DFR2_EL1.SPE_nVM, 0 or 1
 * @max_buffer_size: the largest profiling buffer the guest may use, in
 *	bytes, advertised in PMBIDR_EL1.MaxBuffSize; 0 for no limit.  Ignored
 *	for a guest without SPE.
 * @flags: SPEVIRT_CFG_* bits
 * @accepted_leaks: SPEVIRT_LEAK_* bits that SPEVIRT_CFG_FORBID_LEAKS lets
 *	through: leaks the hypervisor accepts or hides itself (for example
 *	SPEVIRT_LEAK_PMCR_FZS when it traps PMCR_EL0).  0 with the flag refuses
 *	every leak; without the flag nothing is refused.  view.leaks lists
 *	every leak either way.  A bit that is not a SPEVIRT_LEAK_* bit is
 *	refused with SPEVIRT_E_INVAL.
 */
struct spevirt_config {
	enum spevirt_profile profile;
	unsigned int pmsver;
	unsigned int spe_nvm;
	uint64_t max_buffer_size;
	unsigned int flags;
	uint64_t accepted_leaks;
};

/**
 * struct spevirt_regmask - the bits of one register spevirt decides
 * @mask: the SPE-related bits of the register that exist on the host
 * @value: their required values, trap polarity already applied; never has a
 *	bit outside @mask
 *
 * Program as: reg = (reg & ~mask) | value.  @mask never covers a bit that is
 * RES0 on the host, so the update never writes a reserved bit.
 */
struct spevirt_regmask {
	uint64_t mask;
	uint64_t value;
};

/**
 * struct spevirt_view - the guest's SPE as the hypervisor must present it
 * @pmsidr_el1: the value the guest reads from PMSIDR_EL1 (0 for a guest
 *	without SPE, whose reads UNDEF)
 * @pmbidr_el1: the value the guest reads from PMBIDR_EL1 (0 for a guest
 *	without SPE)
 * @id_aa64dfr0_el1: the guest's PMSVer field
 * @id_aa64dfr2_el1: the guest's SPE_nVM and SPE_EXC fields
 * @mdcr_el2: E2PB and TPMS; HPMFZS = 0 for a guest with SPE on a host with
 *	FEAT_SPEv1p2, so the guest's buffer events never freeze the
 *	hypervisor's event counters
 * @pmscr_el2: what PMSCR_EL2 holds while the guest runs, field by field
 *	(docs/policy.md section 8): for a guest with SPE, EnVM (FEAT_SPE_nVM)
 *	= the guest's SPE_nVM; PA, CX and PCT (bit 7 only with FEAT_ECV) from
 *	the ALLOW flags, 0 without them; for every guest on a host with
 *	FEAT_SPE_EXC, EE = 0b00 and KE = 0.  TS, E2SPE and E0HSPE are never
 *	in the mask: the PE ignores them while the guest runs.  Save the
 *	host's PMSCR_EL2 on vCPU load, program it, restore it on vCPU put.
 * @hdfgrtr_el2: fine-grained read traps of the SPE registers (FEAT_FGT)
 * @hdfgwtr_el2: fine-grained write traps of the SPE registers (FEAT_FGT)
 * @hdfgrtr2_el2: nPMBMAR_EL1 and nPMSDSFR_EL1 read traps (FEAT_FGT2)
 * @hdfgwtr2_el2: nPMBMAR_EL1 and nPMSDSFR_EL1 write traps (FEAT_FGT2)
 * @hfgitr_el2: PSBCSYNC (FEAT_SPEv1p5 with FEAT_FGT); never trapped
 * @leaks: SPEVIRT_LEAK_* bits: what the guest can observe although the view
 *	hides it
 * @max_buffer_size: the buffer limit to enforce, in bytes (0: none); equal
 *	to spevirt_config.max_buffer_size for a guest with SPE
 * @limit_advertised: PMBIDR_EL1.MaxBuffSize shows @max_buffer_size (false
 *	only with SPEVIRT_CFG_UNADVERTISED_LIMIT on a host without FEAT_FGT)
 * @access: the access decisions, [is_write][slot]; read them through
 *	spevirt_access()
 * @trapped: [is_write]: bit SLOT set when the view's trap controls trap that
 *	access to EL2, so it reaches the hypervisor; clear for an access the
 *	hardware handles or UNDEFs by itself (a write to PMSIDR_EL1, say).
 *	Read it through spevirt_access_trapped()
 * @context_regs: the guest SPE registers whose state lives in the hardware
 *	while the guest runs (writes SPEVIRT_ACCESS_UNTRAPPED or _FORWARD):
 *	bit SLOT set for the register whose encoding is SPEVIRT_SYSREG(3, 0, 9,
 *	9 + SLOT / 8, SLOT % 8).  Save them on vCPU put and restore them on vCPU
 *	load, in the order spevirt_context_regs() gives; 0 for a guest without
 *	SPE.  Registers the hypervisor emulates (READ_VIEW, EMULATE) are not in
 *	it: their state is in the view or in struct spevirt_buffer.
 * @reason: on error, a static sentence naming the register field and the
 *	rule that failed; NULL on success
 */
struct spevirt_view {
	uint64_t pmsidr_el1;
	uint64_t pmbidr_el1;
	struct spevirt_regmask id_aa64dfr0_el1;
	struct spevirt_regmask id_aa64dfr2_el1;
	struct spevirt_regmask mdcr_el2;
	struct spevirt_regmask pmscr_el2;
	struct spevirt_regmask hdfgrtr_el2;
	struct spevirt_regmask hdfgwtr_el2;
	struct spevirt_regmask hdfgrtr2_el2;
	struct spevirt_regmask hdfgwtr2_el2;
	struct spevirt_regmask hfgitr_el2;
	uint64_t leaks;
	uint64_t max_buffer_size;
	bool limit_advertised;
	uint8_t access[2][SPEVIRT_NR_SPE_SLOTS];
	uint16_t trapped[2];
	uint16_t context_regs;
	const char *reason;
};

/**
 * spevirt_view_compute() - decide the guest's SPE view and trap controls
 * @host: the host's ID registers
 * @cfg: what the guest is to get
 * @view: filled in; it must not overlap @host or @cfg (SPEVIRT_E_INVAL)
 *
 * Validates @host against the architecture and @cfg against @host and the
 * profile, then computes every guest-visible value and trap control.  The
 * same inputs always give the same outputs.
 *
 * A refusal fails closed: a caller that programs the refused view anyway
 * (reg = (reg & ~mask) | value) takes SPE away from the guest instead of
 * keeping the controls it had.  For a valid @host, @view is then the view
 * spevirt_view_compute() gives for a guest without SPE (default profile,
 * pmsver 0, no flag, whatever @cfg was): every SPE access UNDEF but the
 * PMBIDR_EL1 read a host without FEAT_FGT cannot trap, the buffer trapped,
 * PMSVer and SPE_nVM 0, with @view->reason kept.  For a NULL, invalid or
 * overlapping @host, no control can be computed: every field of @view is
 * 0 (every access SPEVIRT_ACCESS_UNDEF, every mask 0) but @view->reason.
 *
 * Return: SPEVIRT_OK with all of @view filled and @view->reason NULL; or an
 * error, with @view->reason a static sentence naming the field and the rule,
 * and @view as above.  SPEVIRT_E_INVAL without a reason when @view itself
 * is NULL.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_view_compute(const struct spevirt_host *host,
					 const struct spevirt_config *cfg,
					 struct spevirt_view *view);

/**
 * spevirt_access() - decide a trapped or untrapped guest access
 * @view: a view filled by a successful spevirt_view_compute()
 * @sysreg: SPEVIRT_SYSREG(op0, op1, CRn, CRm, op2), e.g. SPEVIRT_SYSREG_PMSCR_EL1;
 *	a trap handler builds it from the Op0, Op1, CRn, CRm and Op2 fields of
 *	ESR_EL2.ISS (EC 0x18)
 * @is_write: true for MSR, false for MRS
 *
 * The decisions come from the same table as the trap controls in @view: for
 * every SPE register and direction that exists on the host, the controls
 * trap the access exactly when the decision is not SPEVIRT_ACCESS_UNTRAPPED.
 * Encodings that do not exist on the host (a register of a feature the host
 * lacks, a write to a read-only register, an unallocated encoding in SPE's
 * block) are never trapped, since the hardware UNDEFs them itself; spevirt
 * answers SPEVIRT_ACCESS_UNDEF for them; spevirt_access_trapped() tells the
 * two kinds of UNDEF apart.  Constant time, no loop.
 *
 * Return: the decision; SPEVIRT_ACCESS_NOT_SPE outside SPE's register block;
 * SPEVIRT_ACCESS_UNDEF for any SPE encoding when @view is NULL (fail closed).
 */
SPEVIRT_API enum spevirt_access spevirt_access(const struct spevirt_view *view, uint32_t sysreg,
					       bool is_write);

/**
 * spevirt_spe_slot() - the index of an SPE register in spevirt_view.access
 * @sysreg: as for spevirt_access()
 *
 * SPE's registers are op0 3, op1 0, CRn 9, CRm 9 or 10: the slot is
 * (CRm - 9) * 8 + op2.
 *
 * Return: 0 to SPEVIRT_NR_SPE_SLOTS - 1; SPEVIRT_NR_SPE_SLOTS outside the
 * block.
 */
static inline uint32_t spevirt_spe_slot(uint32_t sysreg)
{
	/* Both ends compared: the subtraction below never wraps. */
	if (sysreg < SPEVIRT_SYSREG_PMSCR_EL1 ||
	    sysreg > SPEVIRT_SYSREG_PMSCR_EL1 + ((SPEVIRT_NR_SPE_SLOTS - 1U) << 5) ||
	    (sysreg & 0x1fU))
		return SPEVIRT_NR_SPE_SLOTS;
	return (sysreg - SPEVIRT_SYSREG_PMSCR_EL1) >> 5;
}

/**
 * spevirt_access_inline() - spevirt_access(), inlined into a trap handler
 * @view: as for spevirt_access()
 * @sysreg: as for spevirt_access()
 * @is_write: as for spevirt_access()
 *
 * The same decision as spevirt_access(), which calls it: a hypervisor's
 * MRS/MSR handler pays a few instructions and no call.  spevirt_access()
 * stays for the ABI and for other languages.
 *
 * Return: as spevirt_access().
 */
static inline enum spevirt_access spevirt_access_inline(const struct spevirt_view *view,
							uint32_t sysreg, bool is_write)
{
	uint32_t slot = spevirt_spe_slot(sysreg);

	if (slot == SPEVIRT_NR_SPE_SLOTS)
		return SPEVIRT_ACCESS_NOT_SPE;
	if (!view)
		return SPEVIRT_ACCESS_UNDEF;
	return (enum spevirt_access)view->access[is_write][slot];
}

/**
 * spevirt_read_view() - the value of a SPEVIRT_ACCESS_READ_VIEW read
 * @view: the guest's view
 * @sysreg: SPEVIRT_SYSREG_PMSIDR_EL1 or SPEVIRT_SYSREG_PMBIDR_EL1
 *
 * Return: @view->pmsidr_el1 or @view->pmbidr_el1; 0 for any other encoding
 * and when @view is NULL.
 */
static inline uint64_t spevirt_read_view(const struct spevirt_view *view, uint32_t sysreg)
{
	if (!view)
		return 0;
	if (sysreg == SPEVIRT_SYSREG_PMSIDR_EL1)
		return view->pmsidr_el1;
	if (sysreg == SPEVIRT_SYSREG_PMBIDR_EL1)
		return view->pmbidr_el1;
	return 0;
}

/*
 * The slot in spevirt_view.access of a register named by its SPEVIRT_SYSREG_
 * suffix (PMSCR_EL1, ..., PMBIDR_EL1): a constant, for a handler that knows
 * its register and so needs neither spevirt_spe_slot()'s range check nor
 * the encoding.
 */
#define SPEVIRT_SLOT(reg)	((SPEVIRT_SYSREG_##reg - SPEVIRT_SYSREG_PMSCR_EL1) >> 5)

/**
 * spevirt_access_slot() - the decision for a register the handler knows
 * @view: the guest's view (not NULL: a handler with a vCPU has one)
 * @slot: SPEVIRT_SLOT(PMSCR_EL1) ... SPEVIRT_SLOT(PMBIDR_EL1)
 * @is_write: as for spevirt_access()
 *
 * For a per-register hook (KVM's sys_reg_desc .access), where the
 * hypervisor has already decoded the register: one load.
 *
 * Return: spevirt_access(@view, the register of @slot, @is_write).
 */
static inline enum spevirt_access spevirt_access_slot(const struct spevirt_view *view,
						      uint32_t slot, bool is_write)
{
	return (enum spevirt_access)view->access[is_write][slot];
}

/**
 * spevirt_read_pmsidr() - a trapped PMSIDR_EL1 read, in a PMSIDR_EL1 hook
 * @view: the guest's view (not NULL)
 * @value: filled with @view->pmsidr_el1, the value the guest reads when the
 *	decision is SPEVIRT_ACCESS_READ_VIEW (the caller uses it only then)
 *
 * The decision and the value with no branch: a few instructions.
 *
 * Return: spevirt_access(@view, SPEVIRT_SYSREG_PMSIDR_EL1, false).
 */
static inline enum spevirt_access spevirt_read_pmsidr(const struct spevirt_view *view,
						      uint64_t *value)
{
	*value = view->pmsidr_el1;
	return spevirt_access_slot(view, SPEVIRT_SLOT(PMSIDR_EL1), false);
}

/**
 * spevirt_read_pmbidr() - a trapped PMBIDR_EL1 read, in a PMBIDR_EL1 hook
 * @view: the guest's view (not NULL)
 * @value: filled with @view->pmbidr_el1, used only on
 *	SPEVIRT_ACCESS_READ_VIEW
 *
 * Return: spevirt_access(@view, SPEVIRT_SYSREG_PMBIDR_EL1, false).
 */
static inline enum spevirt_access spevirt_read_pmbidr(const struct spevirt_view *view,
						      uint64_t *value)
{
	*value = view->pmbidr_el1;
	return spevirt_access_slot(view, SPEVIRT_SLOT(PMBIDR_EL1), false);
}

/**
 * spevirt_access_trapped() - does an access reach the hypervisor?
 * @view: a view filled by spevirt_view_compute()
 * @sysreg: as for spevirt_access()
 * @is_write: as for spevirt_access()
 *
 * An access whose decision is not SPEVIRT_ACCESS_UNTRAPPED is trapped to EL2
 * by the view's controls, except an SPEVIRT_ACCESS_UNDEF the hardware raises
 * itself: a write to a read-only register, a register the host lacks, an
 * unallocated encoding.
 *
 * Return: true when the view's trap controls trap the access to EL2; false
 * otherwise, outside SPE's block, and when @view is NULL.
 */
SPEVIRT_API bool spevirt_access_trapped(const struct spevirt_view *view, uint32_t sysreg,
					bool is_write);

/**
 * spevirt_sysreg_from_iss() - the register and direction of a trapped access
 * @iss: ESR_EL2.ISS of an exception with EC 0x18 (trapped MSR, MRS or System
 *	instruction): Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10],
 *	Rt [9:5], CRm [4:1], Direction [0] (Arm ARM D24.2.46)
 * @rt: filled with Rt, the general-purpose register of the access (may be
 *	NULL)
 * @is_write: filled with the direction (may be NULL).  ISS.Direction is 1
 *	for a read (MRS) and 0 for a write (MSR); *is_write is its inverse, as
 *	spevirt_access() takes it.
 *
 * Return: SPEVIRT_SYSREG(Op0, Op1, CRn, CRm, Op2).
 */
SPEVIRT_API uint32_t spevirt_sysreg_from_iss(uint32_t iss, unsigned int *rt, bool *is_write);

/**
 * spevirt_context_regs() - the guest registers to context-switch, in order
 * @view: a view filled by a successful spevirt_view_compute()
 * @sysregs: filled with the SPEVIRT_SYSREG_* encodings of the registers in
 *	@view->context_regs, in the order to restore them on vCPU load: the
 *	sampling controls, then the buffer registers with PMBLIMITR_EL1 (which
 *	holds the enable bit E) after PMBPTR_EL1, and PMSCR_EL1 (which enables
 *	sampling) last.  Save them on vCPU put in the reverse order, with the
 *	barriers docs/policy.md section 9 lists.
 *
 * Return: the number of encodings written, 0 to SPEVIRT_NR_SPE_SLOTS; 0 when
 * @view or @sysregs is NULL.
 */
SPEVIRT_API unsigned int spevirt_context_regs(const struct spevirt_view *view,
					      uint32_t sysregs[SPEVIRT_NR_SPE_SLOTS]);

/* Attempts spevirt_best_offer_report() can make: V1P5 to IMP (six), SPE_nVM 1 and 0. */
#define SPEVIRT_MAX_ATTEMPTS	12

/**
 * struct spevirt_attempt - one guest level spevirt_best_offer() tried
 * @pmsver: the guest PMSVer tried
 * @spe_nvm: the guest SPE_nVM tried
 * @status: what spevirt_view_compute() answered
 * @reason: its view.reason (NULL for SPEVIRT_OK)
 */
struct spevirt_attempt {
	unsigned int pmsver;
	unsigned int spe_nvm;
	enum spevirt_status status;
	const char *reason;
};

/**
 * struct spevirt_offer_report - why spevirt_best_offer() chose its level
 * @nr_attempts: entries used in @attempts, highest level first; the last
 *	one is the level chosen when it succeeded
 * @attempts: each level tried, with its status and reason
 */
struct spevirt_offer_report {
	unsigned int nr_attempts;
	struct spevirt_attempt attempts[SPEVIRT_MAX_ATTEMPTS];
};

/**
 * spevirt_best_offer() - the most SPE a host can give a guest
 * @host: the host's ID registers
 * @cfg: in: profile, flags, accepted_leaks, max_buffer_size, and pmsver as
 *	an upper bound (0: none); out: pmsver and spe_nvm set to the highest
 *	guest PMSVer (then SPE_nVM) that the profile and flags allow on @host,
 *	or both 0 when no guest with SPE is possible.  spe_nvm is not read.
 * @view: filled for the chosen configuration
 *
 * The configuration is checked first: an unknown profile or flag, an
 * unrepresentable max_buffer_size, or one SPEVIRT_CFG_PINNED_MEMORY cannot
 * enforce is refused before any level is tried, so a typo is an error and
 * not a guest without SPE.
 *
 * Return: SPEVIRT_OK with @view for the chosen level (a guest without SPE
 * when none is possible: spevirt_best_offer_report() says why); an error
 * for an invalid @cfg, or when even a guest without SPE is refused (an
 * invalid host), with @view failed closed as spevirt_view_compute() says.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_best_offer(const struct spevirt_host *host, struct spevirt_config *cfg,
				       struct spevirt_view *view);

/**
 * spevirt_best_offer_report() - spevirt_best_offer(), and why
 * @host: as for spevirt_best_offer()
 * @cfg: as for spevirt_best_offer()
 * @view: as for spevirt_best_offer()
 * @report: filled with every level tried and why each higher one was
 *	refused (may be NULL)
 *
 * Return: as spevirt_best_offer().
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_best_offer_report(const struct spevirt_host *host,
					      struct spevirt_config *cfg, struct spevirt_view *view,
					      struct spevirt_offer_report *report);

/**
 * spevirt_view_present() - a host's view that shows the guest given ID values
 * @host: the host's ID registers
 * @cfg: the guest configuration
 * @pmsidr_el1: the PMSIDR_EL1 the guest must read (a pool's, or what a
 *	running guest read on its source host)
 * @pmbidr_el1: the PMBIDR_EL1 the guest must read
 * @view: filled: guest-visible values exactly @pmsidr_el1 and @pmbidr_el1,
 *	with this host's own trap plan (every rule of spevirt_view_compute())
 *
 * A host can present values whose feature bits it has, whose minimum
 * sampling interval, largest record and buffer alignment are at least its
 * own, whose record format (CountSize, Format, ALTCLK) and external-abort
 * behaviour (EA) are its own, and whose AddrMode and MaxBuffSize are those
 * @cfg gives (docs/policy.md section 12).
 *
 * Return: as spevirt_view_compute(); SPEVIRT_E_MISMATCH, with the field
 * and the rule in view->reason, for values this host cannot present.  A
 * refused @view fails closed as spevirt_view_compute() says.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_view_present(const struct spevirt_host *host,
					 const struct spevirt_config *cfg, uint64_t pmsidr_el1,
					 uint64_t pmbidr_el1, struct spevirt_view *view);

/* Hosts a pool can hold. */
#define SPEVIRT_MAX_POOL	16

/**
 * struct spevirt_pool - what every host of a pool presents to the guest
 * @pmsidr_el1: the PMSIDR_EL1 every host's view shows
 * @pmbidr_el1: the PMBIDR_EL1 every host's view shows
 * @host: on error, the index of the host that limits the pool (the one
 *	refused, or the first that disagrees); 0 on success
 * @reason: on error, a static sentence naming the field and the rule; NULL
 *	on success
 */
struct spevirt_pool {
	uint64_t pmsidr_el1;
	uint64_t pmbidr_el1;
	unsigned int host;
	const char *reason;
};

/**
 * spevirt_pool_compute() - one guest view that every host of a pool presents
 * @hosts: the hosts, 1 to SPEVIRT_MAX_POOL of them
 * @nr_hosts: their number
 * @cfg: the guest configuration, the same on every host
 * @pool: filled: the common guest-visible values, or which host fails
 * @views: @nr_hosts views, one per host, each presenting @pool's values
 *	with its host's own trap plan (spevirt_view_present())
 *
 * Feature bits are those every host has; the minimum sampling interval,
 * the largest record and the buffer alignment are the largest any host
 * needs; the record format and EA must agree (docs/policy.md section 12).
 *
 * Return: SPEVIRT_OK; the error of the host @pool->host, with every view
 * failed closed (its host's view of a guest without SPE, as
 * spevirt_view_compute() says, with @pool->reason); SPEVIRT_E_INVAL for a
 * NULL pointer, a @nr_hosts of 0 or above SPEVIRT_MAX_POOL, or @views
 * overlapping @hosts, @cfg or @pool (the views are then not written).
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_pool_compute(const struct spevirt_host *hosts, unsigned int nr_hosts,
					 const struct spevirt_config *cfg,
					 struct spevirt_pool *pool, struct spevirt_view *views);

/**
 * spevirt_pool_best_offer() - the most SPE every host of a pool can give
 * @hosts: as for spevirt_pool_compute()
 * @nr_hosts: as for spevirt_pool_compute()
 * @cfg: as for spevirt_best_offer(): pmsver an upper bound (0: none), and
 *	pmsver and spe_nvm set to the level chosen
 * @pool: as for spevirt_pool_compute(), except that on success, when the
 *	pool's level is below the best one of its hosts gives alone,
 *	@pool->host and @pool->reason say which host refused that higher
 *	level, and why (@pool->reason NULL: no host limits the pool)
 * @views: as for spevirt_pool_compute()
 *
 * Return: as spevirt_pool_compute() for the level chosen.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_pool_best_offer(const struct spevirt_host *hosts, unsigned int nr_hosts,
					    struct spevirt_config *cfg, struct spevirt_pool *pool,
					    struct spevirt_view *views);

/* Issues spevirt_migrate_check() can report: room for every rule at once. */
#define SPEVIRT_MAX_ISSUES	32

/**
 * struct spevirt_issue - one reason a guest cannot move to a host
 * @field: "PMSIDR_EL1.Interval", "ID_AA64DFR0_EL1.PMSVer", or the EL3
 *	input behind a refusal ("SCR_EL3.FGTEn", "MDCR_EL3.PMSEE", ...)
 * @wanted: the field's value the guest reads, or needs (not shifted)
 * @found: the value the destination has, or needs (not shifted); never
 *	equal to @wanted
 * @rule: a static sentence: the rule that forbids it
 */
struct spevirt_issue {
	const char *field;
	uint64_t wanted;
	uint64_t found;
	const char *rule;
};

/**
 * struct spevirt_migration - what spevirt_migrate_check() found
 * @nr_issues: entries used in @issues; 0 when the guest can move
 * @issues: every field that prevents the move, not only the first
 * @new_leaks: SPEVIRT_LEAK_* bits the destination adds to the source's
 *	(a destination with a higher PMSVer writes its own packets)
 * @gone_leaks: SPEVIRT_LEAK_* bits the source had and the destination
 *	closes: they change what the guest observes too (a guest without SPE
 *	read PMBIDR_EL1 on a source without FEAT_FGT, and UNDEFs on the
 *	destination)
 *
 * Both leak sets are filled when the guest can move, and when the
 * destination refuses a leak (SPEVIRT_E_LEAK); 0 otherwise.
 */
struct spevirt_migration {
	unsigned int nr_issues;
	struct spevirt_issue issues[SPEVIRT_MAX_ISSUES];
	uint64_t new_leaks;
	uint64_t gone_leaks;
};

/**
 * spevirt_migrate_check() - can a running guest move to a host?
 * @source: the view the guest was given on its source host
 * @cfg: the guest's configuration
 * @dest: the destination host
 * @dest_view: filled with the destination's view that presents exactly the
 *	values the guest reads, when the move is possible
 * @report: every issue, and the leaks the move adds
 *
 * The buffer state to carry in the migration stream is the guest's struct
 * spevirt_buffer (and, with SPEVIRT_CFG_PINNED_MEMORY, the hardware buffer
 * registers of the context-switch set).
 *
 * Return: SPEVIRT_OK when the guest can move; SPEVIRT_E_MISMATCH with
 * @report->issues otherwise; SPEVIRT_E_INVAL for a NULL pointer, or for
 * @dest_view or @report overlapping each other or an input.  A refused
 * @dest_view fails closed on @dest as spevirt_view_compute() says.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_migrate_check(const struct spevirt_view *source,
					  const struct spevirt_config *cfg,
					  const struct spevirt_host *dest,
					  struct spevirt_view *dest_view,
					  struct spevirt_migration *report);

/**
 * struct spevirt_buffer - the guest's profiling-buffer registers, as the
 *	hypervisor keeps them while MDCR_EL2.E2PB traps them
 * @pmblimitr_el1: PMBLIMITR_EL1
 * @pmbptr_el1: PMBPTR_EL1
 * @pmbsr_el1: PMBSR_EL1
 * @pmbmar_el1: PMBMAR_EL1 (0 unless the guest has SPE_nVM)
 *
 * All zero at reset.  The spevirt_buffer_* functions never store a RES0 bit.
 * While the guest's buffer runs on the hardware, the hardware's PMBPTR_EL1
 * moves on: copy it (and PMBSR_EL1) into the state before calling.
 */
struct spevirt_buffer {
	uint64_t pmblimitr_el1;
	uint64_t pmbptr_el1;
	uint64_t pmbsr_el1;
	uint64_t pmbmar_el1;
};

/**
 * struct spevirt_buffer_effect - what the hypervisor must do after an access
 * @read_value: for a read, the value the guest reads
 * @undef: inject UNDEF; the state is unchanged (the register is not one the
 *	guest may use, see spevirt_access())
 * @ignored: the write was ignored: the buffer was collecting (E = 1, S = 0)
 * @program: the hardware buffer must be reprogrammed from the new state:
 *	started when @running, stopped otherwise
 * @running: after the access the guest's buffer collects (E = 1 and S = 0):
 *	the hardware runs it with the new state's PMBPTR_EL1, PMBLIMITR_EL1 and
 *	PMBMAR_EL1
 * @event: spevirt raised a buffer-management event; the new PMBSR_EL1 holds
 *	its syndrome
 * @irq: the level of the guest's virtual PMBIRQ: the new PMBSR_EL1.S
 * @reason: why the call failed, or why the access is @undef; NULL otherwise
 *
 * The spevirt_buffer_* functions zero the whole effect on every return,
 * error or not, when @effect is not NULL.
 */
struct spevirt_buffer_effect {
	uint64_t read_value;
	bool undef;
	bool ignored;
	bool program;
	bool running;
	bool event;
	bool irq;
	const char *reason;
};

/**
 * spevirt_buffer_access() - emulate one trapped access to a buffer register
 * @view: the guest's view (for SPE_nVM, PMSVer, Align and the buffer limit)
 * @state: the registers before the access
 * @sysreg: SPEVIRT_SYSREG_PMBLIMITR_EL1, _PMBPTR_EL1, _PMBSR_EL1 or _PMBMAR_EL1
 * @is_write: MSR (true) or MRS (false)
 * @value: the value written; ignored for a read
 * @next: the registers after the access (may be @state)
 * @effect: what the hypervisor must do
 *
 * Writes while the buffer collects are ignored, except a PMBLIMITR_EL1
 * write that clears E.  An access that starts collection with a buffer
 * (PMBLIMITR_EL1.LIMIT - PMBPTR_EL1) larger than view->max_buffer_size does
 * not start it: it raises a buffer-management event with EC BUF, BSC SIZE
 * and S = 1.  docs/policy.md lists every rule.
 *
 * Return: SPEVIRT_OK; SPEVIRT_E_INVAL for a NULL pointer or an encoding that
 * is not a buffer register, with @effect->reason saying which.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_buffer_access(const struct spevirt_view *view,
					  const struct spevirt_buffer *state, uint32_t sysreg,
					  bool is_write, uint64_t value,
					  struct spevirt_buffer *next,
					  struct spevirt_buffer_effect *effect);

/**
 * spevirt_buffer_hw_event() - take a buffer-management event of the hardware
 * @view: the guest's view
 * @state: the registers before the event
 * @hw_pmbsr: PMBSR_EL1 as the hardware reported it (S = 1)
 * @hw_pmbptr: PMBPTR_EL1 as the hardware left it
 * @next: the registers after the event (may be @state)
 * @effect: what the hypervisor must do (@effect->irq is raised)
 *
 * The guest sees the hardware's syndrome, except EC 0b011110 (a Granule
 * Protection Check fault, which only FEAT_RME has and no guest has): it
 * sees a stage 2 Data Abort with FSC 0b010000, Synchronous External abort
 * (docs/policy.md rule B16).
 *
 * Return: SPEVIRT_OK; SPEVIRT_E_INVAL for a NULL pointer, a @hw_pmbsr
 * without S or with a reserved EC, with @effect->reason saying which.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_buffer_hw_event(const struct spevirt_view *view,
					    const struct spevirt_buffer *state, uint64_t hw_pmbsr,
					    uint64_t hw_pmbptr, struct spevirt_buffer *next,
					    struct spevirt_buffer_effect *effect);

/**
 * spevirt_buffer_abort() - report a fault the hypervisor found on the buffer
 * @view: the guest's view
 * @state: the registers before the event
 * @stage: 1 for a fault in the guest's stage 1 translation (EC FAULT_S1),
 *	2 for stage 2 (EC FAULT_S2)
 * @fsc: the fault status code, one the Arm ARM defines for PMBSR_EL1.FSC
 * @next: the registers after the event (may be @state)
 * @effect: what the hypervisor must do (the buffer stops, @effect->irq)
 *
 * For a hypervisor that walks the guest's translation to pin the buffer,
 * e.g. an unmapped buffer page is a stage 1 translation fault.
 *
 * Return: SPEVIRT_OK; SPEVIRT_E_INVAL for a NULL pointer, another @stage or
 * an undefined @fsc, with @effect->reason saying which.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_buffer_abort(const struct spevirt_view *view,
					 const struct spevirt_buffer *state, unsigned int stage,
					 unsigned int fsc, struct spevirt_buffer *next,
					 struct spevirt_buffer_effect *effect);

/**
 * spevirt_maxbuf_encode() - encode a size as PMBIDR_EL1.MaxBuffSize
 * @bytes: the size; 0 means no limit
 * @field: the 16-bit field, not shifted, bits [15:14] zero
 *
 * Sizes below 2 MiB are multiples of 4 KiB (exponent 0); from 2 MiB on, a
 * size has ten significant bits starting at bit 21 or above (exponents 1 to
 * 31, up to 1023 << 42).  Every other size is refused: the encoding is exact.
 *
 * Return: SPEVIRT_OK; SPEVIRT_E_BUFSIZE when @bytes is not representable;
 * SPEVIRT_E_INVAL when @field is NULL.
 */
SPEVIRT_API SPEVIRT_MUST_CHECK
enum spevirt_status spevirt_maxbuf_encode(uint64_t bytes, uint16_t *field);

/**
 * spevirt_maxbuf_decode() - the size PMBIDR_EL1.MaxBuffSize stands for
 * @field: the 16-bit field, not shifted; bits [15:14] are reserved and ignored
 *
 * Return: the size in bytes; 0 means no limit.
 */
SPEVIRT_API uint64_t spevirt_maxbuf_decode(uint16_t field);

#ifdef __cplusplus
}
#endif

#endif /* SPEVIRT_H */
