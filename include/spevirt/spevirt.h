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
 * Flags for spevirt_config.flags.  None is defined yet: any set bit is
 * refused with SPEVIRT_E_INVAL, so a caller built against a later version
 * cannot have a flag silently ignored.
 */
#define SPEVIRT_CFG_VALID_FLAGS	0U

/**
 * struct spevirt_host - the host's SPE-related ID registers
 * @id_aa64dfr0_el1: ID_AA64DFR0_EL1 (PMSVer)
 * @id_aa64dfr2_el1: ID_AA64DFR2_EL1 (SPE_nVM, SPE_EXC)
 * @id_aa64mmfr0_el1: ID_AA64MMFR0_EL1 (FGT)
 * @pmsidr_el1: PMSIDR_EL1
 * @pmbidr_el1: PMBIDR_EL1
 *
 * Raw values read at EL2 on a CPU that has the SPU.  Fields outside SPE are
 * ignored.  PMSIDR_EL1 and PMBIDR_EL1 are ignored when PMSVer is 0.
 */
struct spevirt_host {
	uint64_t id_aa64dfr0_el1;
	uint64_t id_aa64dfr2_el1;
	uint64_t id_aa64mmfr0_el1;
	uint64_t pmsidr_el1;
	uint64_t pmbidr_el1;
};

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
 */
struct spevirt_config {
	enum spevirt_profile profile;
	unsigned int pmsver;
	unsigned int spe_nvm;
	uint64_t max_buffer_size;
	unsigned int flags;
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
 * @mdcr_el2: E2PB and TPMS
 * @pmscr_el2: EnVM, on hosts with FEAT_SPE_nVM: 1 exactly when the guest has
 *	SPE_nVM, so the hardware lets the guest use physical-address mode and
 *	PMBIDR_EL1.AddrMode reads as the guest expects
 * @hdfgrtr_el2: fine-grained read traps of the SPE registers (FEAT_FGT)
 * @hdfgwtr_el2: fine-grained write traps of the SPE registers (FEAT_FGT)
 * @hdfgrtr2_el2: nPMBMAR_EL1 and nPMSDSFR_EL1 read traps (FEAT_FGT2)
 * @hdfgwtr2_el2: nPMBMAR_EL1 and nPMSDSFR_EL1 write traps (FEAT_FGT2)
 * @hfgitr_el2: PSBCSYNC (FEAT_SPEv1p5 with FEAT_FGT); never trapped
 * @leaks: SPEVIRT_LEAK_* bits: what the guest can observe although the view
 *	hides it (none is defined yet)
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
	const char *reason;
};

/**
 * spevirt_view_compute() - decide the guest's SPE view and trap controls
 * @host: the host's ID registers
 * @cfg: what the guest is to get
 * @view: filled in
 *
 * Validates @host against the architecture and @cfg against @host and the
 * profile, then computes every guest-visible value and trap control.  The
 * same inputs always give the same outputs.
 *
 * Return: SPEVIRT_OK with all of @view filled and @view->reason NULL; or an
 * error, with @view->reason a static sentence naming the field and the rule,
 * and no other field of @view meaningful.  SPEVIRT_E_INVAL without a reason
 * when @view itself is NULL.
 */
SPEVIRT_API enum spevirt_status spevirt_view_compute(const struct spevirt_host *host,
						     const struct spevirt_config *cfg,
						     struct spevirt_view *view);

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
SPEVIRT_API enum spevirt_status spevirt_maxbuf_encode(uint64_t bytes, uint16_t *field);

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
