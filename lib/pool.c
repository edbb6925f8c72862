// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Pools of hosts and live migration: one guest view that several hosts
 * present exactly, each with its own trap plan, and the check that a
 * running guest's view can be presented by another host
 * (docs/policy.md section 12).
 */
#include "spevirt_internal.h"

#define SPV_ISSUE_MAXBUFFSIZE	"PMBIDR_EL1.MaxBuffSize"

static enum spevirt_status pool_fail(struct spevirt_pool *pool, unsigned int host,
				     enum spevirt_status status, const char *reason)
{
	pool->host = host;
	pool->reason = reason;
	return status;
}

/* An invalid argument, with its reason @name, @text (SPV_WHY()). */
#define pool_refuse(pool, name, text)	\
	pool_fail(pool, 0, SPEVIRT_E_INVAL, SPV_WHY(name, text))

/*
 * A host's PMBIDR_EL1 for the fold.  A host that cannot trap PMBIDR_EL1
 * (its own view leaves the limit unadvertised, which only
 * SPEVIRT_CFG_UNADVERTISED_LIMIT permits) must show its hardware's
 * MaxBuffSize, and every other host can present it: the pool takes it, and
 * no host's MaxBuffSize differs.  Every advertised view shows the same
 * MaxBuffSize, the configuration's limit, so without an unadvertised one
 * the field is left as it is.
 */
static uint64_t pool_pmbidr(uint64_t *common, const struct spevirt_view *own)
{
	uint64_t mbs = SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE;

	if (!own->limit_advertised)
		common[1] = (common[1] & ~mbs) | (own->pmbidr_el1 & mbs);
	return (own->pmbidr_el1 & ~mbs) | (common[1] & mbs);
}

/*
 * Each host's own guest values, folded into the pool's (host 0's to start).
 * Leaks are not refused here: a host's own values are only folded, and
 * what each host presents is checked against SPEVIRT_CFG_FORBID_LEAKS by
 * spevirt_view_present().
 */
static enum spevirt_status pool_values(const struct spevirt_host *hosts, unsigned int nr_hosts,
				       const struct spevirt_config *cfg,
				       struct spevirt_pool *pool, struct spevirt_view *views)
{
	struct spevirt_config lenient = *cfg;
	uint64_t common[2] = { 0, 0 };	/* host 0's, from the first pass */
	unsigned int i;

	lenient.flags &= ~SPEVIRT_CFG_FORBID_LEAKS;
	for (i = 0; i < nr_hosts; i++) {
		enum spevirt_status status;
		const char *rule;

		status = spevirt_view_compute(&hosts[i], &lenient, &views[i]);
		if (status != SPEVIRT_OK)
			return pool_fail(pool, i, status, views[i].reason);
		if (!i) {
			common[0] = views[0].pmsidr_el1;
			common[1] = views[0].pmbidr_el1;
		}
		rule = spevirt_present_merge_(common, views[i].pmsidr_el1,
					      pool_pmbidr(common, &views[i]));
		if (rule)
			return pool_fail(pool, i, SPEVIRT_E_MISMATCH, rule);
	}
	pool->pmsidr_el1 = common[0];
	pool->pmbidr_el1 = common[1];
	return SPEVIRT_OK;
}

static bool pool_args_valid(const struct spevirt_host *hosts, unsigned int nr_hosts,
			    const struct spevirt_config *cfg, struct spevirt_pool *pool,
			    const struct spevirt_view *views)
{
	if (!hosts || !cfg || !views) {
		pool_refuse(pool, POOL_NULL_POINTER,
			    "the hosts, configuration or views pointer is NULL");
		return false;
	}
	if (!nr_hosts || nr_hosts > SPEVIRT_MAX_POOL) {
		pool_refuse(pool, POOL_SIZE, "a pool holds 1 to SPEVIRT_MAX_POOL hosts");
		return false;
	}
	if (spv_overlap(views, nr_hosts * sizeof(*views), hosts, nr_hosts * sizeof(*hosts)) ||
	    spv_overlap(views, nr_hosts * sizeof(*views), cfg, sizeof(*cfg)) ||
	    spv_overlap(views, nr_hosts * sizeof(*views), pool, sizeof(*pool))) {
		pool_refuse(pool, POOL_OVERLAP,
			    "the views overlap the hosts, the configuration or the pool");
		return false;
	}
	return true;
}

/*
 * Fail closed: a refused pool (@status, never SPEVIRT_OK) leaves no view a
 * caller could program to run a guest with SPE.  Every view becomes its
 * host's view of a guest without SPE (spevirt_fail_closed_()) with the
 * pool's reason.
 */
static enum spevirt_status pool_fail_closed(const struct spevirt_host *hosts,
					    unsigned int nr_hosts, const struct spevirt_pool *pool,
					    struct spevirt_view *views, enum spevirt_status status)
{
	unsigned int i;

	for (i = 0; i < nr_hosts; i++) {
		views[i].reason = pool->reason;
		spevirt_fail_closed_(&hosts[i], &views[i], status);
	}
	return status;
}

enum spevirt_status spevirt_pool_compute(const struct spevirt_host *hosts, unsigned int nr_hosts,
					 const struct spevirt_config *cfg,
					 struct spevirt_pool *pool, struct spevirt_view *views)
{
	enum spevirt_status status;
	unsigned int i;

	if (!pool)
		return SPEVIRT_E_INVAL;
	*pool = (struct spevirt_pool){ 0 };
	if (!pool_args_valid(hosts, nr_hosts, cfg, pool, views))
		return SPEVIRT_E_INVAL;
	status = pool_values(hosts, nr_hosts, cfg, pool, views);
	if (status != SPEVIRT_OK)
		return pool_fail_closed(hosts, nr_hosts, pool, views, status);
	for (i = 0; i < nr_hosts; i++) {
		status = spevirt_view_present(&hosts[i], cfg, pool->pmsidr_el1, pool->pmbidr_el1,
					      &views[i]);
		if (status != SPEVIRT_OK) {
			pool_fail(pool, i, status, views[i].reason);
			return pool_fail_closed(hosts, nr_hosts, pool, views, status);
		}
	}
	return SPEVIRT_OK;
}

/* A guest level as one number: PMSVer, then SPE_nVM. */
static unsigned int level_of(const struct spevirt_config *cfg)
{
	return cfg->pmsver * 2 + cfg->spe_nvm;
}

/*
 * The highest level any host of the pool offers alone, and the highest the
 * weakest offers (each host's own spevirt_best_offer(), which also
 * validates the hosts and @cfg).
 */
static enum spevirt_status best_alone(const struct spevirt_host *hosts, unsigned int nr_hosts,
				      const struct spevirt_config *cfg,
				      struct spevirt_pool *pool, struct spevirt_view *views,
				      unsigned int *top, unsigned int *floor)
{
	unsigned int i;

	*top = 0;
	*floor = ~0U;
	for (i = 0; i < nr_hosts; i++) {
		struct spevirt_config alone = *cfg;
		enum spevirt_status status;

		status = spevirt_best_offer(&hosts[i], &alone, &views[i]);
		if (status != SPEVIRT_OK)
			return pool_fail(pool, i, status, views[i].reason);
		if (level_of(&alone) > *top)
			*top = level_of(&alone);
		if (level_of(&alone) < *floor)
			*floor = level_of(&alone);
	}
	return SPEVIRT_OK;
}

enum spevirt_status spevirt_pool_best_offer(const struct spevirt_host *hosts,
					    unsigned int nr_hosts, struct spevirt_config *cfg,
					    struct spevirt_pool *pool, struct spevirt_view *views)
{
	struct spevirt_pool above = { 0 }, below = { 0 };
	enum spevirt_status status;
	unsigned int top, floor, level;

	if (!pool || !cfg)
		return spevirt_pool_compute(hosts, nr_hosts, cfg, pool, views);
	*pool = (struct spevirt_pool){ 0 };
	if (!pool_args_valid(hosts, nr_hosts, cfg, pool, views))
		return SPEVIRT_E_INVAL;
	status = best_alone(hosts, nr_hosts, cfg, pool, views, &top, &floor);
	cfg->pmsver = SPEVIRT_PMSVER_NI;
	cfg->spe_nvm = 0;
	if (status != SPEVIRT_OK)
		return pool_fail_closed(hosts, nr_hosts, pool, views, status);
	/*
	 * From the best any host gives alone down to IMP without SPE_nVM; IMP
	 * is tried even when no host gives SPE alone, for the reason.
	 */
	status = SPEVIRT_E_HOST_NO_SPE;
	if (top < SPEVIRT_PMSVER_IMP * 2)
		top = SPEVIRT_PMSVER_IMP * 2;
	for (level = top; level >= SPEVIRT_PMSVER_IMP * 2; level--) {
		cfg->pmsver = level / 2;
		cfg->spe_nvm = level % 2;
		status = spevirt_pool_compute(hosts, nr_hosts, cfg, pool, views);
		if (status == SPEVIRT_OK)
			break;
		/*
		 * A refusal of the level the weakest host gives alone is the
		 * pool's own (a field that differs, a trap a host cannot set);
		 * above it, the weakest host's level is the reason.
		 */
		if (!above.reason)
			above = *pool;
		if (level == floor)
			below = *pool;
	}
	if (status != SPEVIRT_OK) {
		cfg->pmsver = SPEVIRT_PMSVER_NI;
		cfg->spe_nvm = 0;
		status = spevirt_pool_compute(hosts, nr_hosts, cfg, pool, views);
	}
	if (below.reason)
		above = below;
	if (status == SPEVIRT_OK && above.reason) {
		pool->host = above.host;
		pool->reason = above.reason;
	}
	return status;
}

/* The configuration must be the one the source view was computed for. */
static bool source_matches(const struct spevirt_view *source, const struct spevirt_config *cfg)
{
	return SPV_FIELD_GET(source->id_aa64dfr0_el1.value, ID_AA64DFR0_EL1_PMSVER) ==
		       cfg->pmsver &&
	       SPV_FIELD_GET(source->id_aa64dfr2_el1.value, ID_AA64DFR2_EL1_SPE_NVM) ==
		       cfg->spe_nvm &&
	       (cfg->pmsver == SPEVIRT_PMSVER_NI ||
		source->max_buffer_size == cfg->max_buffer_size);
}

/*
 * The levels and the limit the guest reads against the destination's.  @near
 * becomes the configuration nearest @cfg that the destination has, so its
 * own guest values can still be compared field by field.
 */
static void check_levels(const struct spevirt_hostcaps *caps, const struct spevirt_host *dest,
			 const struct spevirt_config *cfg, struct spevirt_config *near,
			 struct spevirt_migration *report)
{
	uint16_t limit_field = (uint16_t)SPV_FIELD_GET(dest->pmbidr_el1, PMBIDR_EL1_MAXBUFFSIZE);
	uint64_t limit = spevirt_maxbuf_decode(limit_field);
	uint16_t wanted = 0;

	*near = *cfg;
	near->flags &= ~SPEVIRT_CFG_FORBID_LEAKS;
	if (cfg->pmsver == SPEVIRT_PMSVER_NI)
		return;
	if (cfg->pmsver > caps->pmsver) {
		spv_issue_add(report, "ID_AA64DFR0_EL1.PMSVer", cfg->pmsver, caps->pmsver,
			      MIGRATE_PMSVER,
			      "the guest reads a PMSVer above the destination's: a guest never sees more than its host has");
		near->pmsver = caps->pmsver;
	}
	if (cfg->spe_nvm && !(caps->feats & SPV_FEAT_SPE_NVM)) {
		spv_issue_add(report, "ID_AA64DFR2_EL1.SPE_nVM", 1, 0, MIGRATE_NVM,
			      "the guest reads SPE_nVM 1 but the destination has no FEAT_SPE_nVM");
		near->spe_nvm = 0;
	}
	if (limit && (!cfg->max_buffer_size || cfg->max_buffer_size > limit)) {
		/* The source view's limit was encoded once: it encodes again. */
		if (spevirt_maxbuf_encode(cfg->max_buffer_size, &wanted) != SPEVIRT_OK)
			wanted = 0;
		spv_issue_add(report, SPV_ISSUE_MAXBUFFSIZE, wanted, limit_field,
			      MIGRATE_BUFSIZE,
			      "the destination's own PMBIDR_EL1.MaxBuffSize limits the buffer below the guest's limit: the guest could program a buffer the destination cannot hold");
		near->max_buffer_size = limit;
	}
}

/*
 * The source's values against the destination's own guest values.  Fields
 * that only restate a level issue already listed (FnE for PMSVer, AddrMode
 * for SPE_nVM, MaxBuffSize for the limit) are not listed twice.
 */
static void check_fields(const struct spevirt_view *source, const struct spevirt_config *cfg,
			 const struct spevirt_config *near, const struct spevirt_view *own_view,
			 struct spevirt_migration *report)
{
	const uint64_t want[] = { source->pmsidr_el1, source->pmbidr_el1 };
	uint64_t own[] = { own_view->pmsidr_el1, own_view->pmbidr_el1 };

	if (near->pmsver != cfg->pmsver)
		own[0] = (own[0] & ~SPEVIRT_PMSIDR_EL1_FNE) | (want[0] & SPEVIRT_PMSIDR_EL1_FNE);
	if (near->spe_nvm != cfg->spe_nvm)
		own[1] = (own[1] & ~SPEVIRT_PMBIDR_EL1_ADDRMODE) |
			 (want[1] & SPEVIRT_PMBIDR_EL1_ADDRMODE);
	/*
	 * A limit issue already listed, or one the destination may present
	 * unadvertised (spevirt_view_present() takes any MaxBuffSize then).
	 */
	if (near->max_buffer_size != cfg->max_buffer_size ||
	    (cfg->flags & SPEVIRT_CFG_UNADVERTISED_LIMIT))
		own[1] = (own[1] & ~SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE) |
			 (want[1] & SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE);
	spevirt_present_check_(own, want, cfg->pmsver, report);
}

/* The leaks the move adds and those it closes. */
static void leak_changes(uint64_t source, uint64_t dest, struct spevirt_migration *report)
{
	report->new_leaks = dest & ~source;
	report->gone_leaks = source & ~dest;
}

/*
 * Which trap register the destination lacks: FEAT_FGT, or what SCR_EL3.FGTEn
 * disables.  Never FEAT_FGT2: a valid host with a register only HDFGxTR2_EL2
 * traps (PMSDSFR_EL1, PMBMAR_EL1) has FEAT_FGT2 (rules H5, H10), and with
 * SCR_EL3.FGTEn2 = 0 those accesses always trap.
 */
static void need_fgt_issue(const struct spevirt_host *dest, struct spevirt_issue *is)
{
	is->field = SPV_FIELD_GET(dest->id_aa64mmfr0_el1, ID_AA64MMFR0_EL1_FGT) ?
		    "SCR_EL3.FGTEn" : "ID_AA64MMFR0_EL1.FGT";
	is->wanted = 1;
	is->found = 0;
}

/* Who owns the buffer instead of the guest: EL3 (P), or EL3's traps. */
static void not_owned_issue(const struct spevirt_host *dest, struct spevirt_issue *is)
{
	if (SPV_FIELD_GET(dest->pmbidr_el1, PMBIDR_EL1_P)) {
		is->field = "PMBIDR_EL1.P";
		is->wanted = 0;
		is->found = 1;
	} else if (dest->el3_disabled & SPEVIRT_EL3_NSPB_TRAP) {
		is->field = "MDCR_EL3.NSPB";	/* 0b11: Non-secure owns, no trap */
		is->wanted = 3;
		is->found = 2;
	} else {
		is->field = "MDCR_EL3.PMSEE";	/* 0b11: every event to EL3 */
		is->wanted = 0;
		is->found = 3;
	}
}

/*
 * Values no destination presents that check_fields() does not compare: a
 * guest without SPE whose source shows ID values, or a MaxBuffSize with
 * its reserved bits set.  The destination shows 0, or the encoded limit.
 */
static void mismatch_issue(const struct spevirt_view *source, const struct spevirt_config *cfg,
			   struct spevirt_issue *is)
{
	uint16_t limit = 0;

	if (!cfg->pmsver) {
		is->field = source->pmsidr_el1 ? "PMSIDR_EL1" : "PMBIDR_EL1";
		is->wanted = source->pmsidr_el1 ? source->pmsidr_el1 : source->pmbidr_el1;
		is->found = 0;
		return;
	}
	is->field = SPV_ISSUE_MAXBUFFSIZE;
	is->wanted = SPV_FIELD_GET(source->pmbidr_el1, PMBIDR_EL1_MAXBUFFSIZE);
	is->found = spevirt_maxbuf_encode(cfg->max_buffer_size, &limit) == SPEVIRT_OK ? limit : 0;
}

/*
 * The destination refuses the source's exact values for a reason of its
 * own: the issue names the field or the EL3 input behind it, with the
 * value the guest needs and the destination's, which always differ
 * (policy.md section 12).  @status is that of spevirt_view_present() of
 * the source's values, or of the destination's own view at the nearest
 * level (which never refuses a leak: FORBID_LEAKS is not asked there).
 */
static void check_present(const struct spevirt_view *source, const struct spevirt_config *cfg,
			  const struct spevirt_host *dest, enum spevirt_status status,
			  const char *reason, struct spevirt_migration *report)
{
	struct spevirt_config lenient = *cfg;
	struct spevirt_issue is = { .rule = reason };
	struct spevirt_view v;

	switch (status) {
	case SPEVIRT_E_NEED_FGT:
		need_fgt_issue(dest, &is);
		break;
	case SPEVIRT_E_HOST_NOT_OWNED:
		not_owned_issue(dest, &is);
		break;
	case SPEVIRT_E_PMSVER:	/* the level is the destination's: EL3 keeps FnE away */
		is = (struct spevirt_issue){ "MDCR_EL3.EnPMSN", 1, 0, reason };
		break;
	case SPEVIRT_E_NVM:	/* likewise, PMBMAR_EL1 for SPE_nVM */
		is = (struct spevirt_issue){ "MDCR_EL3.EnPMS4", 1, 0, reason };
		break;
	case SPEVIRT_E_BUFSIZE:
		/*
		 * A pinned guest on a destination with a limit: check_levels()
		 * has listed PMBIDR_EL1.MaxBuffSize already.  Else the source
		 * view holds a limit no PMBIDR_EL1.MaxBuffSize encodes.
		 */
		if (report->nr_issues)
			return;
		is.field = "spevirt_config.max_buffer_size";
		is.wanted = cfg->max_buffer_size;
		is.found = 0;
		break;
	case SPEVIRT_E_LEAK:
		lenient.flags &= ~SPEVIRT_CFG_FORBID_LEAKS;
		is.field = "spevirt_view.leaks";
		is.wanted = cfg->accepted_leaks;
		is.found = spevirt_view_present(dest, &lenient, source->pmsidr_el1,
						source->pmbidr_el1, &v) == SPEVIRT_OK ? v.leaks : 0;
		leak_changes(source->leaks, is.found, report);
		break;
	default:	/* SPEVIRT_E_MISMATCH: values no host presents */
		mismatch_issue(source, cfg, &is);
		break;
	}
	spevirt_issue_add_(report, is.field, is.wanted, is.found, is.rule);
}

/* The two outputs apart from each other and from every input. */
static bool migrate_overlap(const struct spevirt_view *source, const struct spevirt_config *cfg,
			    const struct spevirt_host *dest, const struct spevirt_view *dest_view,
			    const struct spevirt_migration *report)
{
	size_t n = sizeof(*report);

	return spevirt_view_overlap_(dest, cfg, dest_view) ||
	       spv_overlap(dest_view, sizeof(*dest_view), source, sizeof(*source)) ||
	       spv_overlap(report, n, dest_view, sizeof(*dest_view)) ||
	       spv_overlap(report, n, source, sizeof(*source)) ||
	       spv_overlap(report, n, cfg, sizeof(*cfg)) ||
	       spv_overlap(report, n, dest, sizeof(*dest));
}

static enum spevirt_status migrate_check(const struct spevirt_view *source,
					 const struct spevirt_config *cfg,
					 const struct spevirt_host *dest,
					 struct spevirt_view *dest_view,
					 struct spevirt_migration *report)
{
	struct spevirt_config near;
	struct spevirt_hostcaps caps;
	enum spevirt_status status;
	const char *reason;

	/*
	 * @dest_view: every refusal below sets its reason, and
	 * spevirt_fail_closed_() makes the rest the destination's view of a
	 * guest without SPE; success fills all of it.
	 */
	*report = (struct spevirt_migration){ 0 };
	if (migrate_overlap(source, cfg, dest, dest_view, report)) {
		dest_view->reason = SPV_WHY(MIGRATE_OVERLAP,
					    "the destination view or the report overlaps another argument of spevirt_migrate_check()");
		return SPEVIRT_E_INVAL;
	}
	if (!source || !cfg || !dest) {
		dest_view->reason = SPV_WHY(MIGRATE_NULL_POINTER,
					    "the source view, configuration or destination pointer is NULL");
		return SPEVIRT_E_INVAL;
	}
	if (!source_matches(source, cfg)) {
		dest_view->reason = SPV_WHY(MIGRATE_CONFIG_MISMATCH,
					    "spevirt_config does not match the source view: its pmsver, spe_nvm and max_buffer_size must be those the source view shows the guest");
		return SPEVIRT_E_INVAL;
	}
	reason = spevirt_host_check_(dest, &caps);
	if (reason) {
		dest_view->reason = reason;
		return SPEVIRT_E_HOST_INVALID;
	}
	check_levels(&caps, dest, cfg, &near, report);
	status = spevirt_view_compute(dest, &near, dest_view);
	if (status == SPEVIRT_E_INVAL)
		return status;
	if (status != SPEVIRT_OK)
		check_present(source, cfg, dest, status, dest_view->reason, report);
	else if (cfg->pmsver != SPEVIRT_PMSVER_NI)
		check_fields(source, cfg, &near, dest_view, report);
	if (!report->nr_issues) {
		status = spevirt_view_present(dest, cfg, source->pmsidr_el1, source->pmbidr_el1,
					      dest_view);
		if (status == SPEVIRT_OK) {
			leak_changes(source->leaks, dest_view->leaks, report);
			return SPEVIRT_OK;
		}
		check_present(source, cfg, dest, status, dest_view->reason, report);
	}
	dest_view->reason = report->issues[0].rule;
	return SPEVIRT_E_MISMATCH;
}

enum spevirt_status spevirt_migrate_check(const struct spevirt_view *source,
					  const struct spevirt_config *cfg,
					  const struct spevirt_host *dest,
					  struct spevirt_view *dest_view,
					  struct spevirt_migration *report)
{
	enum spevirt_status status;

	/* Without both, there is nowhere to say why: nothing is written. */
	if (!dest_view || !report)
		return SPEVIRT_E_INVAL;
	status = migrate_check(source, cfg, dest, dest_view, report);
	if (status != SPEVIRT_OK)
		return spevirt_fail_closed_(dest, dest_view, status);
	return SPEVIRT_OK;
}
