// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The guest view: validate the configuration against the host and the
 * profile, compute the guest-visible ID values, then plan the traps.
 */
#include "spevirt_internal.h"

static enum spevirt_status fail_why(struct spevirt_view *view, enum spevirt_status status,
				    const char *reason)
{
	view->reason = reason;
	return status;
}

/* A refusal with its reason @name, @text (SPV_WHY()). */
#define fail(view, status, name, text)	fail_why(view, status, SPV_WHY(name, text))

/* Checks that need nothing but the configuration itself. */
const char *spevirt_config_invalid_(const struct spevirt_config *cfg)
{
	if (cfg->profile != SPEVIRT_PROFILE_DEFAULT && cfg->profile != SPEVIRT_PROFILE_KVM_RFC_V6)
		return SPV_WHY(CFG_PROFILE,
			       "spevirt_config.profile is not an enum spevirt_profile value");
	if (cfg->flags & ~SPEVIRT_CFG_VALID_FLAGS)
		return SPV_WHY(CFG_FLAGS,
			       "spevirt_config.flags has a bit that is not a SPEVIRT_CFG_* flag");
	if (cfg->accepted_leaks >> SPEVIRT_LEAK_COUNT)
		return SPV_WHY(CFG_ACCEPTED_LEAKS,
			       "spevirt_config.accepted_leaks has a bit that is not a SPEVIRT_LEAK_* bit");
	if (cfg->profile == SPEVIRT_PROFILE_KVM_RFC_V6 &&
	    (cfg->flags & (SPEVIRT_CFG_TPMS_FALLBACK | SPEVIRT_CFG_UNADVERTISED_LIMIT)))
		return SPV_WHY(CFG_KVM_FALLBACK,
			       "spevirt_config.flags: the KVM RFC v6 profile has no TPMS or unadvertised-limit fallback");
	if (cfg->profile == SPEVIRT_PROFILE_KVM_RFC_V6 && (cfg->flags & SPEVIRT_CFG_PINNED_MEMORY))
		return SPV_WHY(CFG_KVM_PINNED,
			       "spevirt_config.flags: the KVM RFC v6 profile traps the buffer registers and has no pinned-memory mode (SPEVIRT_CFG_PINNED_MEMORY)");
	if (cfg->pmsver > SPV_FIELD_GET(~0ULL, ID_AA64DFR0_EL1_PMSVER))
		return SPV_WHY(CFG_PMSVER_WIDTH,
			       "spevirt_config.pmsver does not fit the 4-bit ID_AA64DFR0_EL1.PMSVer field");
	if (cfg->spe_nvm > SPEVIRT_ID_AA64DFR2_EL1_SPE_NVM_IMP)
		return SPV_WHY(CFG_SPE_NVM_VALUE,
			       "spevirt_config.spe_nvm is neither 0 nor 1, the only ID_AA64DFR2_EL1.SPE_nVM values defined");
	return NULL;
}

/* Guest levels against what EL3 firmware leaves disabled (policy.md section 11). */
static enum spevirt_status check_el3_levels(const struct spevirt_hostcaps *caps,
					    const struct spevirt_config *cfg,
					    struct spevirt_view *view)
{
	if (caps->el3 & SPEVIRT_EL3_NSPB_TRAP)
		return fail(view, SPEVIRT_E_HOST_NOT_OWNED, EL3_NSPB_TRAP,
			    "MDCR_EL3.NSPB is 0b10 (SPEVIRT_EL3_NSPB_TRAP): Non-secure state owns the profiling buffer, but every EL2 and EL1 access to the SPE registers traps to EL3, so no guest can use SPE");
	if ((caps->el3 & SPEVIRT_EL3_PMSEE_ALL) && (caps->feats & SPV_FEAT_SPEv1p5))
		return fail(view, SPEVIRT_E_HOST_NOT_OWNED, EL3_PMSEE_ALL,
			    "MDCR_EL3.PMSEE is 0b11 (SPEVIRT_EL3_PMSEE_ALL): every Profiling Buffer management event is taken to EL3, so no guest can own a profiling buffer");
	if ((caps->el3 & SPEVIRT_EL3_NO_PMSNEVFR) && cfg->pmsver >= SPEVIRT_PMSVER_V1P2)
		return fail(view, SPEVIRT_E_PMSVER, EL3_NO_PMSNEVFR,
			    "guest ID_AA64DFR0_EL1.PMSVer is V1P2 or above, which requires FEAT_SPE_FnE, but MDCR_EL3.EnPMSN is 0 (SPEVIRT_EL3_NO_PMSNEVFR): PMSNEVFR_EL1 traps to EL3");
	if ((caps->el3 & SPEVIRT_EL3_NO_PMBMAR) && cfg->spe_nvm)
		return fail(view, SPEVIRT_E_NVM, EL3_NO_PMBMAR,
			    "guest ID_AA64DFR2_EL1.SPE_nVM is 1 but MDCR_EL3.EnPMS4 is 0 (SPEVIRT_EL3_NO_PMBMAR): PMBMAR_EL1 traps to EL3");
	return SPEVIRT_OK;
}

/* Guest PMSVer and SPE_nVM against the host and the profile. */
static enum spevirt_status check_guest_levels(const struct spevirt_hostcaps *caps,
					      const struct spevirt_config *cfg,
					      struct spevirt_view *view)
{
	bool kvm = cfg->profile == SPEVIRT_PROFILE_KVM_RFC_V6;

	if (cfg->pmsver > caps->pmsver)
		return fail(view, SPEVIRT_E_PMSVER, PMSVER_ABOVE_HOST,
			    "guest ID_AA64DFR0_EL1.PMSVer is above the host's: the guest never sees more than the host has");
	if (!kvm && cfg->pmsver >= SPEVIRT_PMSVER_V1P5)
		return fail(view, SPEVIRT_E_PMSVER, PMSVER_V1P5,
			    "guest ID_AA64DFR0_EL1.PMSVer V1P5 implies FEAT_SPE_EXC, which spevirt does not virtualize: the default profile offers at most V1P4");
	if (kvm && cfg->spe_nvm)
		return fail(view, SPEVIRT_E_NVM, KVM_NO_NVM,
			    "guest ID_AA64DFR2_EL1.SPE_nVM: the KVM RFC v6 profile never offers FEAT_SPE_nVM");
	if (cfg->spe_nvm && !(caps->feats & SPV_FEAT_SPE_NVM))
		return fail(view, SPEVIRT_E_NVM, NVM_ABOVE_HOST,
			    "guest ID_AA64DFR2_EL1.SPE_nVM is 1 but the host's is 0: the guest never sees more than the host has");
	return check_el3_levels(caps, cfg, view);
}

/* The buffer limit must be exact and within the host's own limit, if any. */
static enum spevirt_status check_buffer_size(const struct spevirt_host *host,
					     const struct spevirt_config *cfg,
					     struct spevirt_view *view, uint16_t *field)
{
	uint16_t host_field = (uint16_t)SPV_FIELD_GET(host->pmbidr_el1, PMBIDR_EL1_MAXBUFFSIZE);
	uint64_t host_limit = spevirt_maxbuf_decode(host_field);

	if (spevirt_maxbuf_encode(cfg->max_buffer_size, field) != SPEVIRT_OK)
		return fail(view, SPEVIRT_E_BUFSIZE, BUFSIZE_NOT_EXACT,
			    SPV_BUFSIZE_NOT_EXACT);
	if ((cfg->flags & SPEVIRT_CFG_PINNED_MEMORY) && (cfg->max_buffer_size || host_limit))
		return fail(view, SPEVIRT_E_BUFSIZE, BUFSIZE_PINNED,
			    "SPEVIRT_CFG_PINNED_MEMORY leaves the buffer registers untrapped, so no buffer limit can be enforced: spevirt_config.max_buffer_size must be 0 and the host's PMBIDR_EL1.MaxBuffSize 0");
	if (host_limit && !cfg->max_buffer_size)
		return fail(view, SPEVIRT_E_BUFSIZE, BUFSIZE_ZERO,
			    "host PMBIDR_EL1.MaxBuffSize limits the buffer, so spevirt_config.max_buffer_size must be non-zero");
	if (host_limit && cfg->max_buffer_size > host_limit)
		return fail(view, SPEVIRT_E_BUFSIZE, BUFSIZE_ABOVE_HOST,
			    "spevirt_config.max_buffer_size is above the host's PMBIDR_EL1.MaxBuffSize limit");
	return SPEVIRT_OK;
}

static uint64_t guest_pmsidr(uint64_t host, const struct spevirt_hostcaps *caps,
			     const struct spevirt_config *cfg)
{
	uint64_t val = host & ~SPEVIRT_PMSIDR_EL1_RES0;
	uint64_t hide = 0;

	/* MDCR_EL3.EnPMS3 = 0 sends PMSDSFR_EL1 to EL3: no guest has FDS. */
	if (caps->el3 & SPEVIRT_EL3_NO_PMSDSFR)
		hide |= SPEVIRT_PMSIDR_EL1_FDS;
	if (cfg->pmsver < SPEVIRT_PMSVER_V1P2)
		hide |= SPEVIRT_PMSIDR_EL1_FNE;
	if (cfg->pmsver < SPEVIRT_PMSVER_V1P4)
		hide |= SPEVIRT_PMSIDR_EL1_FDS;
	/* The RFC hides only FnE and FDS; a consistent view hides every later feature. */
	if (cfg->profile == SPEVIRT_PROFILE_DEFAULT) {
		if (cfg->pmsver < SPEVIRT_PMSVER_V1P1)
			hide |= SPV_PMSIDR_NEEDS_V1P1;
		if (cfg->pmsver < SPEVIRT_PMSVER_V1P2)
			hide |= SPV_PMSIDR_NEEDS_V1P2;
		if (cfg->pmsver < SPEVIRT_PMSVER_V1P4)
			hide |= SPV_PMSIDR_NEEDS_V1P4;
	}
	return val & ~hide;
}

static uint64_t addrmode(const struct spevirt_config *cfg)
{
	return SPV_FIELD_PREP(PMBIDR_EL1_ADDRMODE,
			      cfg->spe_nvm ? SPEVIRT_PMBIDR_EL1_ADDRMODE_VA_PA :
					     SPEVIRT_PMBIDR_EL1_ADDRMODE_VA);
}

/*
 * The MaxBuffSize the guest reads: the encoded limit, or, when PMBIDR_EL1
 * cannot be trapped and the configuration allows it, the hardware's own.
 */
static uint16_t shown_maxbuf(const struct spevirt_host *host, const struct spevirt_hostcaps *caps,
			     const struct spevirt_config *cfg, uint16_t limit)
{
	if ((cfg->flags & SPEVIRT_CFG_UNADVERTISED_LIMIT) && !(caps->feats & SPV_FEAT_FGT))
		return (uint16_t)SPV_FIELD_GET(host->pmbidr_el1, PMBIDR_EL1_MAXBUFFSIZE);
	return limit;
}

static uint64_t guest_pmbidr(uint64_t host, const struct spevirt_config *cfg, uint16_t maxbuf)
{
	uint64_t val = host & ~(SPEVIRT_PMBIDR_EL1_RES0 | SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE |
				SPEVIRT_PMBIDR_EL1_ADDRMODE);

	return val | addrmode(cfg) | SPV_FIELD_PREP(PMBIDR_EL1_MAXBUFFSIZE, maxbuf);
}

/*
 * What the guest would read from PMBIDR_EL1 without a trap: the host value
 * (P is 0 there, and E2PB keeps it 0 for the owning EL1), with AddrMode
 * following PMSCR_EL2.EnVM, which the view sets to the guest's SPE_nVM.
 */
static uint64_t hardware_pmbidr(uint64_t host, const struct spevirt_config *cfg)
{
	return (host & ~SPEVIRT_PMBIDR_EL1_ADDRMODE) | addrmode(cfg);
}

/* Why a guest's PMSIDR_EL1 differs from the host's, for a refusal without FEAT_FGT. */
static const char *pmsidr_why(uint64_t host, uint64_t guest)
{
	if ((host & ~SPEVIRT_PMSIDR_EL1_RES0) != guest)
		return SPV_WHY(PMSIDR_TRAP_HIDES_FEATURES,
			       "PMSIDR_EL1 reads must be trapped: the guest must not see features of the host's PMSIDR_EL1 that its PMSVer lacks, and HDFGRTR_EL2.PMSIDR_EL1 needs FEAT_FGT, which the host lacks (or SCR_EL3.FGTEn disables); SPEVIRT_CFG_TPMS_FALLBACK would trap them with MDCR_EL2.TPMS");
	return SPV_WHY(PMSIDR_TRAP_RES0,
		       "PMSIDR_EL1 reads must be trapped: the host's PMSIDR_EL1 has RES0 bits set, which the guest must read as 0, and HDFGRTR_EL2.PMSIDR_EL1 needs FEAT_FGT, which the host lacks (or SCR_EL3.FGTEn disables); SPEVIRT_CFG_TPMS_FALLBACK would trap them with MDCR_EL2.TPMS");
}

/* Why a guest's PMBIDR_EL1 differs from what the hardware shows it. */
static const char *pmbidr_why(uint64_t host, uint64_t guest)
{
	if ((host ^ guest) & SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE)
		return SPV_WHY(PMBIDR_TRAP_LIMIT,
			       "PMBIDR_EL1 reads must be trapped: PMBIDR_EL1.MaxBuffSize must show the buffer limit, and only HDFGRTR_EL2.PMBIDR_EL1 can trap them, which needs FEAT_FGT, which the host lacks (or SCR_EL3.FGTEn disables); SPEVIRT_CFG_UNADVERTISED_LIMIT would enforce the limit without advertising it");
	return SPV_WHY(PMBIDR_TRAP_RES0,
		       "PMBIDR_EL1 reads must be trapped: the host's PMBIDR_EL1 has RES0 bits set, which the guest must read as 0, and only HDFGRTR_EL2.PMBIDR_EL1 can trap them, which needs FEAT_FGT, which the host lacks (or SCR_EL3.FGTEn disables)");
}

/* The features of a guest with SPE, read back from its view. */
static unsigned int guest_feats(const struct spevirt_config *cfg, uint64_t pmsidr)
{
	unsigned int feats = SPV_FEAT_SPE;

	if (pmsidr & SPEVIRT_PMSIDR_EL1_FNE)
		feats |= SPV_FEAT_SPE_FNE;
	if (pmsidr & SPEVIRT_PMSIDR_EL1_FDS)
		feats |= SPV_FEAT_SPE_FDS;
	if (cfg->spe_nvm)
		feats |= SPV_FEAT_SPE_NVM;
	return feats;
}

/*
 * Replace the guest values just computed by @want, the values of a pool or
 * of a running guest, if this host can present them (policy.md section 12).
 * With SPEVIRT_CFG_UNADVERTISED_LIMIT the guest may have read a MaxBuffSize
 * that is not its limit on another host: any exact encoding is presented,
 * and the limit stays enforced but unadvertised.
 */
static enum spevirt_status present(const uint64_t *want, const struct spevirt_config *cfg,
				   uint16_t limit, struct spevirt_view *view)
{
	uint64_t own[] = { view->pmsidr_el1, view->pmbidr_el1 };
	uint64_t mbs = SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE;
	uint16_t shown = (uint16_t)SPV_FIELD_GET(want[1], PMBIDR_EL1_MAXBUFFSIZE);
	bool other_mbs = (want[1] ^ own[1]) & mbs;
	const char *rule;

	if (cfg->flags & SPEVIRT_CFG_UNADVERTISED_LIMIT)
		own[1] = (own[1] & ~mbs) | (want[1] & mbs);
	rule = spevirt_present_check_(own, want, cfg->pmsver, NULL);
	if (rule)
		return fail_why(view, SPEVIRT_E_MISMATCH, rule);
	if (other_mbs && spevirt_maxbuf_field_invalid_(shown))
		return fail(view, SPEVIRT_E_MISMATCH, PRESENT_MAXBUFFSIZE_RESERVED,
			    "PMBIDR_EL1.MaxBuffSize presented with its reserved bits [15:14] set");
	view->pmsidr_el1 = want[0];
	view->pmbidr_el1 = want[1];
	view->limit_advertised = shown == limit;
	return SPEVIRT_OK;
}

/*
 * The guest's SPE registers: ID values (@want, or this host's own guest
 * values when NULL) and which ID reads must be trapped.
 */
static enum spevirt_status compute_spe_guest(const struct spevirt_host *host,
					     const struct spevirt_hostcaps *caps,
					     const struct spevirt_config *cfg, const uint64_t *want,
					     struct spevirt_view *view, struct spevirt_guest *guest)
{
	enum spevirt_status status;
	uint16_t maxbuf = 0;	/* set by check_buffer_size() on success */

	if (SPV_FIELD_GET(host->pmbidr_el1, PMBIDR_EL1_P))
		return fail(view, SPEVIRT_E_HOST_NOT_OWNED, HOST_BUFFER_OWNED,
			    "host PMBIDR_EL1.P is 1: a higher Exception level owns the profiling buffer, so EL2 cannot give it to a guest");
	status = check_guest_levels(caps, cfg, view);
	if (status == SPEVIRT_OK)
		status = check_buffer_size(host, cfg, view, &maxbuf);
	if (status != SPEVIRT_OK)
		return status;

	view->max_buffer_size = cfg->max_buffer_size;
	view->limit_advertised = shown_maxbuf(host, caps, cfg, maxbuf) == maxbuf;
	view->pmsidr_el1 = guest_pmsidr(host->pmsidr_el1, caps, cfg);
	view->pmbidr_el1 = guest_pmbidr(host->pmbidr_el1, cfg,
					shown_maxbuf(host, caps, cfg, maxbuf));
	if (want) {
		status = present(want, cfg, maxbuf, view);
		if (status != SPEVIRT_OK)
			return status;
	}
	guest->feats = guest_feats(cfg, view->pmsidr_el1);
	guest->pinned = (cfg->flags & SPEVIRT_CFG_PINNED_MEMORY) != 0;
	if (cfg->profile == SPEVIRT_PROFILE_KVM_RFC_V6) {
		/* The RFC traps both ID registers for every guest with SPE. */
		guest->pmsidr_trap = true;
		guest->pmbidr_trap = true;
		guest->pmsidr_why = SPV_WHY(KVM_PMSIDR_TRAP,
					    "PMSIDR_EL1 reads must be trapped: the KVM RFC v6 profile traps them for every guest with SPE, and HDFGRTR_EL2.PMSIDR_EL1 needs FEAT_FGT, which the host lacks (or SCR_EL3.FGTEn disables)");
		guest->pmbidr_why = SPV_WHY(KVM_PMBIDR_TRAP,
					    "PMBIDR_EL1 reads must be trapped: the KVM RFC v6 profile traps them for every guest with SPE, and only HDFGRTR_EL2.PMBIDR_EL1 can, which needs FEAT_FGT, which the host lacks (or SCR_EL3.FGTEn disables)");
	} else {
		guest->pmsidr_trap = view->pmsidr_el1 != host->pmsidr_el1;
		guest->pmbidr_trap = view->pmbidr_el1 != hardware_pmbidr(host->pmbidr_el1, cfg);
		guest->pmsidr_why = pmsidr_why(host->pmsidr_el1, view->pmsidr_el1);
		guest->pmbidr_why = pmbidr_why(host->pmbidr_el1, view->pmbidr_el1);
	}
	return SPEVIRT_OK;
}

static void compute_id_fields(const struct spevirt_config *cfg, struct spevirt_view *view)
{
	view->id_aa64dfr0_el1.mask = SPEVIRT_ID_AA64DFR0_EL1_PMSVER;
	view->id_aa64dfr0_el1.value = SPV_FIELD_PREP(ID_AA64DFR0_EL1_PMSVER, cfg->pmsver);
	view->id_aa64dfr2_el1.mask = SPEVIRT_ID_AA64DFR2_EL1_SPE_NVM |
				     SPEVIRT_ID_AA64DFR2_EL1_SPE_EXC;
	view->id_aa64dfr2_el1.value = SPV_FIELD_PREP(ID_AA64DFR2_EL1_SPE_NVM, cfg->spe_nvm);
}

/*
 * The trap and EL2 plans for a guest whose ID values are set, and the
 * leaks the caller accepts.
 */
static enum spevirt_status view_plan(const struct spevirt_host *host,
				     const struct spevirt_hostcaps *caps,
				     const struct spevirt_guest *guest,
				     const struct spevirt_config *cfg, struct spevirt_view *view)
{
	enum spevirt_status status;
	uint64_t refused;

	compute_id_fields(cfg, view);
	status = spevirt_traps_plan_(caps, guest, cfg->flags, view);
	if (status != SPEVIRT_OK)
		return status;
	spevirt_el2_plan_(caps, guest, cfg->flags, view);
	view->leaks = spevirt_leaks_(host, caps, cfg, view);
	refused = view->leaks & ~cfg->accepted_leaks;
	if (refused && (cfg->flags & SPEVIRT_CFG_FORBID_LEAKS))
		return fail_why(view, SPEVIRT_E_LEAK, spevirt_leak_reason_(refused));
	return SPEVIRT_OK;
}

/* No value, no plan and no reason: what every computation starts from. */
static void view_clear(struct spevirt_view *view)
{
	*view = (struct spevirt_view){ 0 };
}

/*
 * Does @view share a byte with @host or @cfg?  Computing it would then
 * overwrite the inputs it still has to read.
 */
const char *spevirt_view_overlap_(const struct spevirt_host *host,
				  const struct spevirt_config *cfg,
				  const struct spevirt_view *view)
{
	if (spv_overlap(view, sizeof(*view), host, sizeof(*host)) ||
	    spv_overlap(view, sizeof(*view), cfg, sizeof(*cfg)))
		return SPV_WHY(VIEW_OVERLAP,
			       "the view overlaps the host or the configuration it is computed from");
	return NULL;
}

static enum spevirt_status view_compute(const struct spevirt_host *host,
					const struct spevirt_config *cfg, const uint64_t *want,
					struct spevirt_view *view)
{
	struct spevirt_guest guest = { 0 };
	struct spevirt_hostcaps caps;
	const char *reason;

	if (!view)
		return SPEVIRT_E_INVAL;
	reason = spevirt_view_overlap_(host, cfg, view);
	view_clear(view);
	if (reason)
		return fail_why(view, SPEVIRT_E_INVAL, reason);
	if (!host || !cfg)
		return fail(view, SPEVIRT_E_INVAL, NULL_POINTER,
			    "the host or configuration pointer is NULL");
	if (host->el3_disabled & ~SPEVIRT_EL3_VALID)
		return fail(view, SPEVIRT_E_INVAL, HOST_EL3_FLAGS,
			    "spevirt_host.el3_disabled has a bit that is not a SPEVIRT_EL3_* bit");
	reason = spevirt_config_invalid_(cfg);
	if (reason)
		return fail_why(view, SPEVIRT_E_INVAL, reason);
	if (cfg->pmsver > SPEVIRT_PMSVER_V1P5)
		return fail(view, SPEVIRT_E_PMSVER, PMSVER_RESERVED,
			    "guest ID_AA64DFR0_EL1.PMSVer is a reserved value (above V1P5)");
	reason = spevirt_host_check_(host, &caps);
	if (reason)
		return fail_why(view, SPEVIRT_E_HOST_INVALID, reason);

	if (cfg->pmsver != SPEVIRT_PMSVER_NI) {
		enum spevirt_status status;

		if (!(caps.feats & SPV_FEAT_SPE))
			return fail(view, SPEVIRT_E_HOST_NO_SPE, HOST_NO_SPE,
				    "guest ID_AA64DFR0_EL1.PMSVer is non-zero but the host's PMSVer is 0: the host has no SPE");
		status = compute_spe_guest(host, &caps, cfg, want, view, &guest);
		if (status != SPEVIRT_OK)
			return status;
	} else if (cfg->spe_nvm) {
		return fail(view, SPEVIRT_E_NVM, NVM_NO_SPE,
			    "guest ID_AA64DFR2_EL1.SPE_nVM is 1 but its PMSVer is 0: FEAT_SPE_nVM requires FEAT_SPE");
	} else if (want && (want[0] || want[1])) {
		return fail(view, SPEVIRT_E_MISMATCH, PRESENT_NOT_ZERO,
			    "a guest whose PMSVer is 0 has no PMSIDR_EL1 or PMBIDR_EL1 to present: both values must be 0");
	} else {
		/* No buffer, no limit: nothing is hidden from the guest. */
		view->limit_advertised = true;
	}
	return view_plan(host, &caps, &guest, cfg, view);
}

/*
 * Fail closed: a refusal denies SPE rather than leaving the caller's
 * registers as they were.  The view becomes the host's view of a guest
 * without SPE (default profile, no flag: every SPE access UNDEF, the buffer
 * trapped) with the refusal's reason, wherever the computation stopped.  A
 * host that is not valid has no view: every field 0 but the reason.
 */
enum spevirt_status spevirt_fail_closed_(const struct spevirt_host *host,
					 struct spevirt_view *view, enum spevirt_status status)
{
	const struct spevirt_config no_spe = { .profile = SPEVIRT_PROFILE_DEFAULT };
	const char *why;

	if (status == SPEVIRT_OK || !view)
		return status;
	why = view->reason;
	if (view_compute(host, &no_spe, NULL, view) != SPEVIRT_OK)
		view_clear(view);
	view->reason = why;
	return status;
}

enum spevirt_status spevirt_view_compute(const struct spevirt_host *host,
					 const struct spevirt_config *cfg,
					 struct spevirt_view *view)
{
	enum spevirt_status status = view_compute(host, cfg, NULL, view);

	if (status != SPEVIRT_OK)
		return spevirt_fail_closed_(host, view, status);
	return SPEVIRT_OK;
}

enum spevirt_status spevirt_view_present(const struct spevirt_host *host,
					 const struct spevirt_config *cfg,
					 uint64_t pmsidr_el1, uint64_t pmbidr_el1,
					 struct spevirt_view *view)
{
	const uint64_t want[] = { pmsidr_el1, pmbidr_el1 };
	enum spevirt_status status = view_compute(host, cfg, want, view);

	if (status != SPEVIRT_OK)
		return spevirt_fail_closed_(host, view, status);
	return SPEVIRT_OK;
}
