// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Pools and migration (docs/policy.md section 12): one set of guest values
 * every host of a pool presents, each host with its own trap plan, and the
 * field-by-field check that a running guest can move to a host.
 */
#include "model.h"

#define NR_POOLS	4000

/* Fields a pool's hosts must share (policy.md section 12, "same"). */
#define PMSIDR_SAME	(GENMASK(31, 28) | GENMASK(19, 16) | BIT(5) | BIT(3) | GENMASK(2, 0))
#define PMBIDR_SAME	GENMASK(11, 8)

static struct spevirt_config random_cfg(uint64_t *s, unsigned int max_pmsver)
{
	struct spevirt_config c = { 0 };

	c.profile = rnd_below(s, 4) ? SPEVIRT_PROFILE_DEFAULT : SPEVIRT_PROFILE_KVM_RFC_V6;
	c.pmsver = rnd_below(s, max_pmsver + 1);
	c.spe_nvm = c.pmsver && rnd_below(s, 2);
	if (rnd_below(s, 3) == 0)
		c.flags |= SPEVIRT_CFG_TPMS_FALLBACK;
	if (rnd_below(s, 3) == 0)
		c.flags |= SPEVIRT_CFG_UNADVERTISED_LIMIT;
	if (c.profile == SPEVIRT_PROFILE_KVM_RFC_V6)
		c.flags = 0;
	if (rnd_below(s, 3) == 0)
		c.max_buffer_size = 1ULL << 20;
	return c;
}

/* A host whose record format agrees with @base's, and with no buffer limit at times. */
static struct spevirt_host pool_host(uint64_t *s, const struct spevirt_host *base)
{
	struct spevirt_host h = random_valid_host(s);

	if (base) {
		h.pmsidr_el1 = (h.pmsidr_el1 & ~PMSIDR_SAME) | (base->pmsidr_el1 & PMSIDR_SAME);
		h.pmbidr_el1 = (h.pmbidr_el1 & ~PMBIDR_SAME) | (base->pmbidr_el1 & PMBIDR_SAME);
	}
	if (rnd_below(s, 2))
		h.pmbidr_el1 &= ~SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE;
	return h;
}

static unsigned int host_pmsver(const struct spevirt_host *h)
{
	unsigned int v = model_host_pmsver(h);

	return v > 6 ? 6 : v;
}

/* What every view must keep: values inside masks, no absent FGT bit owned, traps as told. */
static void assert_view_invariants(const char *what, const struct spevirt_host *h,
				   const struct spevirt_view *v)
{
	const struct spevirt_regmask *rm[] = VIEW_REGMASKS(v);
	struct spevirt_view exist = { 0 };
	bool pmsidr_trap, pmbidr_trap;
	size_t i;

	for (i = 0; i < sizeof(rm) / sizeof(rm[0]); i++)
		if (rm[i]->value & ~rm[i]->mask)
			fail_msg("%s: regmask %zu has a value bit outside its mask", what, i);
	model_fgt_masks(h, &exist);
	if ((v->hdfgrtr_el2.mask & ~exist.hdfgrtr_el2.mask) ||
	    (v->hdfgwtr_el2.mask & ~exist.hdfgwtr_el2.mask) ||
	    (v->hdfgrtr2_el2.mask & ~exist.hdfgrtr2_el2.mask) ||
	    (v->hdfgwtr2_el2.mask & ~exist.hdfgwtr2_el2.mask) ||
	    (v->hfgitr_el2.mask & ~exist.hfgitr_el2.mask))
		fail_msg("%s: a fine-grained trap bit the host lacks is owned", what);
	if (!v->id_aa64dfr0_el1.value)
		return;
	pmsidr_trap = (v->hdfgrtr_el2.value & SPEVIRT_HDFGRTR_EL2_PMSIDR_EL1) ||
		      (v->mdcr_el2.value & SPEVIRT_MDCR_EL2_TPMS);
	pmbidr_trap = (v->hdfgrtr_el2.value & SPEVIRT_HDFGRTR_EL2_PMBIDR_EL1) != 0;
	if (spevirt_access_trapped(v, SPEVIRT_SYSREG_PMSIDR_EL1, false) != pmsidr_trap ||
	    spevirt_access_trapped(v, SPEVIRT_SYSREG_PMBIDR_EL1, false) != pmbidr_trap)
		fail_msg("%s: the access table disagrees with the ID read traps", what);
	if (v->pmsidr_el1 != h->pmsidr_el1 && !pmsidr_trap)
		fail_msg("%s: PMSIDR_EL1 differs from the hardware's but is not trapped", what);
	if ((v->pmsidr_el1 & ~h->pmsidr_el1 & ~(uint64_t)GENMASK(15, 8)) != 0)
		fail_msg("%s: PMSIDR_EL1 shows a feature the host lacks", what);
}

static void check_pool_success(unsigned int n, const struct spevirt_host *hosts,
			       const struct spevirt_config *c, const struct spevirt_pool *p,
			       const struct spevirt_view *views)
{
	struct spevirt_view again, alone;
	unsigned int i;

	assert_null(p->reason);
	for (i = 0; i < n; i++) {
		if (views[i].pmsidr_el1 != p->pmsidr_el1 || views[i].pmbidr_el1 != p->pmbidr_el1)
			fail_msg("host %u does not present the pool's values", i);
		if (c->pmsver > host_pmsver(&hosts[i]))
			fail_msg("pool PMSVer %u is above host %u's", c->pmsver, i);
		assert_view_invariants("pool view", &hosts[i], &views[i]);
		assert_status(spevirt_view_present(&hosts[i], c, p->pmsidr_el1, p->pmbidr_el1,
						   &again), SPEVIRT_OK);
		assert_view_equal("pool view against spevirt_view_present", &views[i], &again);
		assert_memory_equal(views[i].access, again.access, sizeof(again.access));
	}
	if (n == 1) {
		assert_status(spevirt_view_compute(&hosts[0], c, &alone), SPEVIRT_OK);
		assert_view_equal("pool of one against spevirt_view_compute", &views[0], &alone);
		assert_memory_equal(views[0].access, alone.access, sizeof(alone.access));
		assert_int_equal(views[0].leaks, alone.leaks);
	}
}

/* A failure names a host whose own computation, or presentation, fails. */
static void check_pool_failure(enum spevirt_status st, unsigned int n,
			       const struct spevirt_pool *p)
{
	assert_true(p->host < n);
	assert_non_null(p->reason);
	assert_true(st != SPEVIRT_E_INVAL);
}

static void every_host_of_a_pool_presents_the_same_values(void **state)
{
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	unsigned int round, ok = 0, mismatch = 0;

	(void)state;
	for (round = 0; round < NR_POOLS; round++) {
		struct spevirt_host hosts[4];
		struct spevirt_view views[4];
		struct spevirt_config c;
		struct spevirt_pool p;
		unsigned int n = 1 + rnd_below(&seed, 4), i, lowest = 6;
		enum spevirt_status st;

		for (i = 0; i < n; i++) {
			hosts[i] = pool_host(&seed, i && rnd_below(&seed, 8) ? &hosts[0] : NULL);
			if (host_pmsver(&hosts[i]) < lowest)
				lowest = host_pmsver(&hosts[i]);
		}
		c = random_cfg(&seed, lowest);
		st = spevirt_pool_compute(hosts, n, &c, &p, views);
		if (st == SPEVIRT_OK) {
			ok++;
			check_pool_success(n, hosts, &c, &p, views);
		} else {
			mismatch += st == SPEVIRT_E_MISMATCH;
			check_pool_failure(st, n, &p);
		}
	}
	/* The generator must reach both outcomes often enough to mean something. */
	if (ok < NR_POOLS / 4 || mismatch < NR_POOLS / 50)
		fail_msg("%u pools succeeded and %u mismatched of %u", ok, mismatch, NR_POOLS);
}

/*
 * A guest can move from A to B exactly when the pool {A, B} presents A's
 * own guest values: B can present them, and A's features are the fewer and
 * its limits the larger.
 */
static void migration_agrees_with_the_pool_of_both(void **state)
{
	uint64_t seed = 0x1234567887654321ULL;
	unsigned int round, moves = 0, refusals = 0;

	(void)state;
	for (round = 0; round < NR_POOLS; round++) {
		struct spevirt_host ab[2];
		struct spevirt_view src, dst, views[2];
		struct spevirt_migration m;
		struct spevirt_config c;
		struct spevirt_pool p;
		enum spevirt_status mig, pool;
		unsigned int lowest;

		ab[0] = pool_host(&seed, NULL);
		ab[1] = pool_host(&seed, rnd_below(&seed, 8) ? &ab[0] : NULL);
		lowest = host_pmsver(&ab[0]);
		c = random_cfg(&seed, lowest);
		if (spevirt_view_compute(&ab[0], &c, &src) != SPEVIRT_OK)
			continue;
		mig = spevirt_migrate_check(&src, &c, &ab[1], &dst, &m);
		pool = spevirt_pool_compute(ab, 2, &c, &p, views);
		if (mig == SPEVIRT_OK) {
			moves++;
			assert_int_equal(m.nr_issues, 0);
			assert_status(pool, SPEVIRT_OK);
			assert_int_equal(p.pmsidr_el1, src.pmsidr_el1);
			assert_int_equal(p.pmbidr_el1, src.pmbidr_el1);
			assert_view_equal("destination view against the pool's", &dst, &views[1]);
			assert_int_equal(m.new_leaks, dst.leaks & ~src.leaks);
		} else {
			refusals++;
			assert_status(mig, SPEVIRT_E_MISMATCH);
			assert_true(m.nr_issues > 0);
			assert_non_null(dst.reason);
			assert_true(pool != SPEVIRT_OK || p.pmsidr_el1 != src.pmsidr_el1 ||
				    p.pmbidr_el1 != src.pmbidr_el1);
		}
	}
	if (moves < 100 || refusals < 100)
		fail_msg("%u moves and %u refusals: the generator reaches too few", moves, refusals);
}

static void a_guest_can_always_move_to_its_own_host(void **state)
{
	uint64_t seed = 42;
	unsigned int round;

	(void)state;
	for (round = 0; round < NR_POOLS; round++) {
		struct spevirt_host h = pool_host(&seed, NULL);
		struct spevirt_config c = random_cfg(&seed, host_pmsver(&h));
		struct spevirt_view src, dst;
		struct spevirt_migration m;

		if (spevirt_view_compute(&h, &c, &src) != SPEVIRT_OK)
			continue;
		if (spevirt_migrate_check(&src, &c, &h, &dst, &m) != SPEVIRT_OK)
			fail_msg("refused: %s (flags 0x%x, profile %d, pmsver %u, limit %llu)",
				 dst.reason, c.flags, c.profile, c.pmsver,
				 (unsigned long long)c.max_buffer_size);
		assert_view_equal("the same host", &dst, &src);
		assert_int_equal(m.new_leaks, 0);
	}
}

/* Hosts for the exhaustive migration tests: levels, FGT, features, limits. */
static struct spevirt_host variant_host(unsigned int i)
{
	static const struct {
		unsigned int pmsver, fgt, opts;
		uint64_t maxbuf;	/* PMBIDR_EL1.MaxBuffSize */
	} v[] = {
		{ 1, 0, 0, 0 }, { 3, 0, 0, 0 }, { 3, 1, 0, 0 }, { 3, 1, HOST_PBT, 0 },
		{ 3, 1, 0, 0x400 }, { 5, 2, HOST_FDS | HOST_NVM, 0 }, { 6, 2, HOST_FDS, 0 },
		{ 2, 0, HOST_SME, 0 },
	};
	struct spevirt_host h = make_host(v[i].pmsver, v[i].fgt, v[i].opts);

	h.pmbidr_el1 |= v[i].maxbuf << 32;
	return h;
}

#define NR_VARIANTS	8

/*
 * Every refusal issue names a field whose two values differ, or the EL3
 * input behind it (issue fields never show the same value on both sides):
 * over every source and destination variant, every SPEVIRT_EL3_* set on the
 * destination, every flag that changes a plan, both profiles, with and
 * without a limit.
 */
static void every_refusal_issue_shows_two_different_values(void **state)
{
	unsigned int si, di, el3, f, prof, lim, refusals = 0;
	const unsigned int plan_flags[] = { SPEVIRT_CFG_TPMS_FALLBACK,
		SPEVIRT_CFG_UNADVERTISED_LIMIT, SPEVIRT_CFG_FORBID_LEAKS,
		SPEVIRT_CFG_PINNED_MEMORY };

	(void)state;
	for (si = 0; si < NR_VARIANTS; si++)
	for (prof = 0; prof < 2; prof++)
	for (f = 0; f < 16; f++)
	for (lim = 0; lim < 2; lim++) {
		struct spevirt_host a = variant_host(si);
		struct spevirt_config c = { .profile = (enum spevirt_profile)prof };
		struct spevirt_view src;
		unsigned int b;

		for (b = 0; b < 4; b++)
			if (f & (1U << b))
				c.flags |= plan_flags[b];
		c.max_buffer_size = lim ? 4ULL << 20 : 0;
		if (spevirt_best_offer(&a, &c, &src) != SPEVIRT_OK)
			continue;
		for (di = 0; di < NR_VARIANTS; di++)
		for (el3 = 0; el3 <= SPEVIRT_EL3_VALID; el3++) {
			struct spevirt_host d = variant_host(di);
			struct spevirt_migration m;
			struct spevirt_view dst;
			unsigned int i;

			d.el3_disabled = el3;
			if (spevirt_migrate_check(&src, &c, &d, &dst, &m) == SPEVIRT_OK)
				continue;
			refusals++;
			assert_true(m.nr_issues > 0);
			for (i = 0; i < m.nr_issues; i++)
				if (m.issues[i].wanted == m.issues[i].found)
					fail_msg("%s: wanted = found = 0x%llx (source %u, dest %u, el3 0x%x, flags 0x%x, profile %u): %s",
						 m.issues[i].field,
						 (unsigned long long)m.issues[i].found, si, di, el3,
						 c.flags, prof, m.issues[i].rule);
		}
	}
	assert_true(refusals > 1000);
	print_message("# migration issues: %u refusals, every issue with two values\n", refusals);
}

/*
 * docs/policy.md section 12, as written: a guest moves from A to B exactly
 * when the pool {A, B} succeeds with A's own values.  Both profiles, every
 * flag set, and with SPEVIRT_CFG_FORBID_LEAKS every accepted-leak set, on
 * pairs that differ in what each rule is about (a feature the guest sees
 * inconsistently, FEAT_FGT with an unadvertised limit, the level, EL3).
 */
static void section_12_rule_holds_for_every_flag_and_accepted_set(void **state)
{
	struct spevirt_host pairs[][2] = {
		{ make_host(3, 1, 0), make_host(3, 1, HOST_PBT) },
		{ make_host(3, 0, 0), make_host(3, 1, 0) },
		{ make_host(3, 1, 0), make_host(5, 2, HOST_FDS) },
		{ make_host(5, 2, HOST_FDS | HOST_NVM), make_host(5, 2, HOST_FDS) },
		{ make_host(3, 1, HOST_PBT), make_host(3, 0, HOST_PBT) },
	};
	unsigned int pi, prof, flags, acc, moves = 0, refusals = 0;

	(void)state;
	pairs[4][1].el3_disabled = SPEVIRT_EL3_NO_PMSNEVFR;
	for (pi = 0; pi < sizeof(pairs) / sizeof(pairs[0]); pi++)
	for (prof = 0; prof < 2; prof++)
	for (flags = 0; flags <= SPEVIRT_CFG_VALID_FLAGS; flags++)
	for (acc = 0; acc < (1U << SPEVIRT_LEAK_COUNT); acc++) {
		struct spevirt_config c = { .profile = (enum spevirt_profile)prof,
					    .pmsver = 1, .flags = flags, .accepted_leaks = acc };
		struct spevirt_view src, dst, views[2];
		struct spevirt_migration m;
		struct spevirt_pool p;
		bool moved, pooled;

		if (!(flags & SPEVIRT_CFG_FORBID_LEAKS) && acc)
			break;	/* accepted leaks matter only when leaks are forbidden */
		if (spevirt_view_compute(&pairs[pi][0], &c, &src) != SPEVIRT_OK)
			continue;
		moved = spevirt_migrate_check(&src, &c, &pairs[pi][1], &dst, &m) == SPEVIRT_OK;
		pooled = spevirt_pool_compute(pairs[pi], 2, &c, &p, views) == SPEVIRT_OK &&
			 p.pmsidr_el1 == src.pmsidr_el1 && p.pmbidr_el1 == src.pmbidr_el1;
		if (moved != pooled)
			fail_msg("pair %u, profile %u, flags 0x%x, accepted 0x%x: migration %s, pool %s (%s)",
				 pi, prof, flags, acc, moved ? "allowed" : "refused",
				 pooled ? "succeeds with the source's values" : "does not",
				 moved ? (p.reason ? p.reason : "") : dst.reason);
		moved ? moves++ : refusals++;
	}
	assert_true(moves > 1000 && refusals > 1000);
	print_message("# section 12: %u moves and %u refusals agree with the pool\n", moves,
		      refusals);
}

/*
 * A guest whose limit is unadvertised on a host without FEAT_FGT moves to
 * an otherwise identical host with FEAT_FGT: the destination presents the
 * MaxBuffSize it read, 0, keeps enforcing the limit (rule B10), and the
 * leak stays declared.  PMBIDR_EL1 is trapped only where its hardware value
 * differs from the presented one (default profile: the fewest traps).
 */
static void an_unadvertised_limit_moves_to_a_host_with_fgt(void **state)
{
	struct spevirt_host a = make_host(3, 0, 0), b = make_host(3, 1, 0);
	struct spevirt_config c = { .pmsver = 3, .max_buffer_size = 4ULL << 20,
				    .flags = SPEVIRT_CFG_UNADVERTISED_LIMIT };
	struct spevirt_view src, dst;
	struct spevirt_migration m;
	struct spevirt_buffer buf = { .pmbptr_el1 = 0x10000000 };
	struct spevirt_buffer_effect e;

	(void)state;
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	assert_false(src.limit_advertised);
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_OK);
	assert_int_equal(dst.pmbidr_el1 >> 32, 0);
	assert_int_equal(dst.pmbidr_el1, src.pmbidr_el1);
	assert_false(dst.limit_advertised);
	assert_true(dst.max_buffer_size == 4ULL << 20);
	assert_true(dst.leaks & SPEVIRT_LEAK_UNADVERTISED_LIMIT);
	assert_int_equal(m.new_leaks, 0);
	assert_int_equal(spevirt_access(&dst, SPEVIRT_SYSREG_PMBIDR_EL1, false),
			 SPEVIRT_ACCESS_UNTRAPPED);
	/* B10: an 8 MiB buffer does not start; BSC SIZE. */
	assert_status(spevirt_buffer_access(&dst, &buf, SPEVIRT_SYSREG_PMBLIMITR_EL1, true,
					    (0x10000000ULL + (8ULL << 20)) | SPEVIRT_PMBLIMITR_EL1_E,
					    &buf, &e), SPEVIRT_OK);
	assert_true(e.event && !e.running);
	assert_int_equal(buf.pmbsr_el1 & 0x3f, 0x4);
	/* A destination whose hardware shows a limit traps PMBIDR_EL1 to keep showing 0. */
	b.pmbidr_el1 |= 0x400ULL << 32;	/* 4 MiB */
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_OK);
	assert_int_equal(dst.pmbidr_el1 >> 32, 0);
	assert_int_equal(spevirt_access(&dst, SPEVIRT_SYSREG_PMBIDR_EL1, false),
			 SPEVIRT_ACCESS_READ_VIEW);
	/* Without the flag the limit must be advertised: refused. */
	c.flags = 0;
	src.limit_advertised = true;
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_string_equal(m.issues[0].field, "PMBIDR_EL1.MaxBuffSize");
}

/*
 * Source views a caller made by hand, and refusals that restate a level:
 * each issue still names a field with two different values.
 */
static void hand_made_sources_are_refused_naming_the_field(void **state)
{
	struct spevirt_host a = make_host(3, 0, 0), b = make_host(3, 1, 0);
	struct spevirt_config c = { .pmsver = 0 };
	struct spevirt_view src, dst;
	struct spevirt_migration m;

	(void)state;
	/* A guest without SPE has no ID values to carry. */
	assert_status(spevirt_view_compute(&b, &c, &src), SPEVIRT_OK);
	src.pmsidr_el1 = 0x7;
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_string_equal(m.issues[0].field, "PMSIDR_EL1");
	assert_true(m.issues[0].wanted == 0x7 && m.issues[0].found == 0);
	src.pmsidr_el1 = 0;
	src.pmbidr_el1 = 0x20;
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_string_equal(m.issues[0].field, "PMBIDR_EL1");
	/* An unadvertised MaxBuffSize with its reserved bits [15:14] set. */
	c = (struct spevirt_config){ .pmsver = 3, .max_buffer_size = 4ULL << 20,
				     .flags = SPEVIRT_CFG_UNADVERTISED_LIMIT };
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	src.pmbidr_el1 |= 0xc000ULL << 32;
	assert_status(spevirt_view_present(&b, &c, src.pmsidr_el1, src.pmbidr_el1, &dst),
		      SPEVIRT_E_MISMATCH);
	assert_reason_has(dst, "reserved bits");
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_int_equal(m.nr_issues, 1);
	assert_string_equal(m.issues[0].field, "PMBIDR_EL1.MaxBuffSize");
	assert_int_equal(m.issues[0].wanted, 0xc000);
	assert_int_equal(m.issues[0].found, 0x400);	/* 4 MiB, as the destination shows it */
	/* A pinned guest on a destination with a limit: one issue, not two. */
	c = (struct spevirt_config){ .pmsver = 3, .flags = SPEVIRT_CFG_PINNED_MEMORY };
	assert_status(spevirt_view_compute(&b, &c, &src), SPEVIRT_OK);
	a = b;
	a.pmbidr_el1 |= 0x400ULL << 32;
	assert_status(spevirt_migrate_check(&src, &c, &a, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_int_equal(m.nr_issues, 1);
	assert_string_equal(m.issues[0].field, "PMBIDR_EL1.MaxBuffSize");
	assert_true(m.issues[0].wanted == 0 && m.issues[0].found == 0x400);
	/* A limit no encoding has, on a destination with one: wanted 0 (none). */
	c = (struct spevirt_config){ .pmsver = 3, .max_buffer_size = 4096 };
	assert_status(spevirt_view_compute(&b, &c, &src), SPEVIRT_OK);
	src.max_buffer_size = c.max_buffer_size = 5000;
	a = b;
	a.pmbidr_el1 |= 1ULL << 32;	/* 4 KiB */
	assert_status(spevirt_migrate_check(&src, &c, &a, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_string_equal(m.issues[0].field, "PMBIDR_EL1.MaxBuffSize");
	assert_true(m.issues[0].wanted == 0 && m.issues[0].found == 1);
	/* The same limit on a destination without one: no encoding shows it. */
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_int_equal(m.nr_issues, 1);
	assert_string_equal(m.issues[0].field, "spevirt_config.max_buffer_size");
	assert_true(m.issues[0].wanted == 5000 && m.issues[0].found == 0);
}

/*
 * A pool with SPEVIRT_CFG_UNADVERTISED_LIMIT takes the MaxBuffSize of the
 * host that cannot trap PMBIDR_EL1 (its hardware's), in either order; the
 * host with FEAT_FGT presents it unadvertised too, and the limit stays
 * enforced on both.
 */
static void a_pool_takes_the_unadvertised_maxbuffsize(void **state)
{
	struct spevirt_host h[2] = { make_host(3, 1, 0), make_host(3, 0, 0) };
	struct spevirt_config c = { .pmsver = 3, .max_buffer_size = 4ULL << 20,
				    .flags = SPEVIRT_CFG_UNADVERTISED_LIMIT };
	struct spevirt_view views[2];
	struct spevirt_pool p;
	unsigned int order, i;

	(void)state;
	h[1].pmbidr_el1 |= 0x800ULL << 32;	/* its hardware shows 8 MiB */
	for (order = 0; order < 2; order++) {
		assert_status(spevirt_pool_compute(h, 2, &c, &p, views), SPEVIRT_OK);
		assert_int_equal(p.pmbidr_el1 >> 32, 0x800);
		for (i = 0; i < 2; i++) {
			assert_int_equal(views[i].pmbidr_el1, p.pmbidr_el1);
			assert_false(views[i].limit_advertised);
			assert_true(views[i].max_buffer_size == 4ULL << 20);
		}
		h[0] = h[1];			/* swap: the host without FGT first */
		h[1] = make_host(3, 1, 0);
	}
	/* Two hosts without FEAT_FGT that show different limits cannot agree. */
	h[0] = make_host(3, 0, 0);
	h[0].pmbidr_el1 |= 0x800ULL << 32;
	h[1] = make_host(3, 0, 0);
	assert_status(spevirt_pool_compute(h, 2, &c, &p, views), SPEVIRT_E_NEED_FGT);
	/* Without the flag the limit must be advertised, which needs FEAT_FGT. */
	h[1] = make_host(3, 1, 0);
	c.flags = 0;
	assert_status(spevirt_pool_compute(h, 2, &c, &p, views), SPEVIRT_E_NEED_FGT);
	/* Views overlapping the configuration are refused as well. */
	assert_status(spevirt_pool_compute(h, 1, (struct spevirt_config *)&views[0], &p, views),
		      SPEVIRT_E_INVAL);
}

/*
 * spevirt.h: views overlapping the hosts, the configuration or the pool are
 * SPEVIRT_E_INVAL and are not written, whichever of the three they overlap.
 */
static void overlapping_views_are_not_written(void **state)
{
	struct spevirt_host h[2] = { make_host(3, 1, 0), make_host(3, 1, 0) };
	struct spevirt_view views[2], marker;
	struct spevirt_config c = { .pmsver = 3 };
	struct spevirt_pool p;
	unsigned int which;

	(void)state;
	memset(&marker, 0xa5, sizeof(marker));
	for (which = 0; which < 3; which++) {
		const struct spevirt_host *hosts = which == 0 ? (void *)&views[1] : (void *)h;
		struct spevirt_config *cfg = which == 1 ? (void *)&views[1] : &c;
		struct spevirt_pool *pool = which == 2 ? (void *)&views[1] : &p;

		memcpy(&views[1], which == 0 ? (void *)h : which == 1 ? (void *)&c : (void *)&p,
		       which == 0 ? sizeof(h) : which == 1 ? sizeof(c) : sizeof(p));
		views[0] = marker;
		assert_status(spevirt_pool_compute(hosts, 2, cfg, pool, views), SPEVIRT_E_INVAL);
		assert_memory_equal(&views[0], &marker, sizeof(marker));
		assert_status(spevirt_pool_best_offer(hosts, 2, cfg, pool, views),
			      SPEVIRT_E_INVAL);
		assert_memory_equal(&views[0], &marker, sizeof(marker));
	}
}

/*
 * spevirt.h: the destination view or the report overlapping each other or
 * any input is SPEVIRT_E_INVAL, whichever pair overlaps.
 */
static void each_overlap_of_a_migration_is_einval(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = { .pmsver = 3 };
	struct spevirt_view src, dst;
	struct spevirt_migration m;
	unsigned int pair;
	union {
		struct spevirt_view v;
		struct spevirt_migration m;
		struct spevirt_host h;
		struct spevirt_config c;
	} u;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &src), SPEVIRT_OK);
	/* dest_view over dest, cfg, source; report over dest_view, source, cfg, dest. */
	for (pair = 0; pair < 7; pair++) {
		const struct spevirt_view *source = &src;
		const struct spevirt_config *cfg = &c;
		const struct spevirt_host *dest = &h;
		struct spevirt_view *dest_view = pair < 4 ? &u.v : &dst;
		struct spevirt_migration *report = pair < 3 ? &m : &u.m;

		if (pair == 0 || pair == 6) {
			u.h = h;
			dest = &u.h;
		} else if (pair == 1 || pair == 5) {
			u.c = c;
			cfg = &u.c;
		} else if (pair == 2 || pair == 4) {
			u.v = src;
			source = &u.v;
		}
		assert_status(spevirt_migrate_check(source, cfg, dest, dest_view, report),
			      SPEVIRT_E_INVAL);
		assert_reason_names(dest_view->reason, "spevirt_migrate_check()");
	}
}

/* A leak the source had and the destination closes is reported too. */
static void a_move_reports_the_leaks_it_closes(void **state)
{
	struct spevirt_host a = make_host(3, 0, 0), b = make_host(3, 1, 0);
	struct spevirt_config c = { .pmsver = 0 };
	struct spevirt_view src, dst;
	struct spevirt_migration m;

	(void)state;
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	assert_true(src.leaks & SPEVIRT_LEAK_PMBIDR_READ);
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_OK);
	assert_int_equal(m.gone_leaks, SPEVIRT_LEAK_PMBIDR_READ);
	assert_int_equal(m.new_leaks, 0);
	assert_status(spevirt_migrate_check(&dst, &c, &a, &src, &m), SPEVIRT_OK);
	assert_int_equal(m.new_leaks, SPEVIRT_LEAK_PMBIDR_READ);
	assert_int_equal(m.gone_leaks, 0);
}

/* Two hosts alike but for what @change does to the second. */
struct one_field {
	const char *field;		/* the first issue's field, NULL: the move is possible */
	unsigned int nr;		/* how many issues */
	uint64_t pmsidr_set, pmsidr_clear;
	uint64_t pmbidr_set, pmbidr_clear;
	unsigned int dest_pmsver, dest_fgt;
	uint64_t new_leaks;
};

static const struct one_field one_field_cases[] = {
	{ "PMSIDR_EL1.Interval", 1, 0x8ULL << 8, 0xfULL << 8, 0, 0, 3, 1, 0 },
	{ "PMSIDR_EL1.MaxSize", 1, 0xbULL << 12, 0xfULL << 12, 0, 0, 3, 1, 0 },
	{ "PMSIDR_EL1.CountSize", 1, 0x3ULL << 16, 0xfULL << 16, 0, 0, 3, 1, 0 },
	{ "PMSIDR_EL1.ALTCLK", 1, 0xfULL << 28, 0, 0, 0, 3, 1, 0 },
	{ "PMSIDR_EL1.ERnd", 1, BIT(5), 0, 0, 0, 3, 1, 0 },
	{ "PMSIDR_EL1.ArchInst", 1, BIT(3), 0, 0, 0, 3, 1, 0 },
	/* Bit 0: a field whose lowest bit is the register's. */
	{ "PMSIDR_EL1.FE", 1, 0, BIT(0), 0, 0, 3, 1, 0 },
	{ "PMSIDR_EL1.PBT", 1, 0, BIT(24), 0, 0, 3, 1, 0 },
	{ "PMSIDR_EL1.SME", 1, 0, BIT(32), 0, 0, 3, 1, 0 },
	{ "PMSIDR_EL1.FPF", 2, 0, BIT(26) | BIT(27), 0, 0, 3, 1, 0 },
	{ "PMBIDR_EL1.Align", 1, 0, 0, 0xbULL, 0xfULL, 3, 1, 0 },
	{ "PMBIDR_EL1.F", 1, 0, 0, 0, BIT(5), 3, 1, 0 },
	{ "PMBIDR_EL1.EA", 1, 0, 0, 0x1ULL << 8, 0xfULL << 8, 3, 1, 0 },
	{ "PMBIDR_EL1.MaxBuffSize", 1, 0, 0, 0x10ULL << 32, 0, 3, 1, 0 },
	/* V1P1 has no PBT either: both are listed. */
	{ "ID_AA64DFR0_EL1.PMSVer", 2, 0, BIT(6) | BIT(24), 0, 0, 2, 1, 0 },
	/* No FGT: PMSIDR_EL1 reads cannot be trapped to show a larger Interval. */
	{ "ID_AA64MMFR0_EL1.FGT", 1, 0, 0xfULL << 8, 0, 0, 3, 0, 0 },
	/* Features the guest does not see, a smaller Interval: possible. */
	{ NULL, 0, BIT(4), 0, 0, 0, 3, 1, SPEVIRT_LEAK_RECORD_FEATURES },
	{ NULL, 0, 0, 0xfULL << 8, 0, 0, 3, 1, 0 },
	{ NULL, 0, 0, 0, 0, 0xfULL, 3, 1, 0 },
	/* A higher PMSVer writes its own packets: a new leak. */
	{ NULL, 0, 0, 0, 0, 0, 4, 1, SPEVIRT_LEAK_RECORD_FORMAT | SPEVIRT_LEAK_FILTER_BITS },
};

/* Source: V1P2 with FGT, PBT, SME, EFT/FPF, no LDS, Interval 1024, MaxSize 64, Align 16. */
static struct spevirt_host one_field_source(void)
{
	struct spevirt_host h = make_host(3, 1, HOST_PBT | HOST_SME | HOST_EFT);

	h.pmbidr_el1 |= 0x4;
	return h;
}

static void each_field_that_differs_is_named_with_both_values(void **state)
{
	struct spevirt_config c = { .pmsver = 3 };
	struct spevirt_host a = one_field_source();
	struct spevirt_view src, dst;
	size_t i;

	(void)state;
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	for (i = 0; i < sizeof(one_field_cases) / sizeof(one_field_cases[0]); i++) {
		const struct one_field *t = &one_field_cases[i];
		struct spevirt_host b = a;
		struct spevirt_migration m;
		enum spevirt_status st;

		b.id_aa64dfr0_el1 = (uint64_t)t->dest_pmsver << 32;
		b.id_aa64mmfr0_el1 = (uint64_t)t->dest_fgt << 56;
		b.pmsidr_el1 = (b.pmsidr_el1 & ~t->pmsidr_clear) | t->pmsidr_set;
		b.pmbidr_el1 = (b.pmbidr_el1 & ~t->pmbidr_clear) | t->pmbidr_set;
		if (t->dest_pmsver < 3)
			b.pmsidr_el1 &= ~(BIT(6) | BIT(24));
		st = spevirt_migrate_check(&src, &c, &b, &dst, &m);
		if (!t->field) {
			if (st != SPEVIRT_OK)
				fail_msg("case %zu: refused: %s", i, dst.reason);
			assert_int_equal(m.new_leaks, t->new_leaks);
			continue;
		}
		assert_status(st, SPEVIRT_E_MISMATCH);
		if (m.nr_issues != t->nr || strcmp(m.issues[0].field, t->field))
			fail_msg("case %zu: %u issues, the first %s; expected %u, the first %s", i,
				 m.nr_issues, m.nr_issues ? m.issues[0].field : "-", t->nr, t->field);
		assert_non_null(m.issues[0].rule);
		assert_string_equal(dst.reason, m.issues[0].rule);
	}
}

/* An issue reports the field's own values, shifted down to bit 0. */
static void an_issue_reports_the_fields_values_not_the_registers(void **state)
{
	struct spevirt_config c = { .pmsver = 3 };
	struct spevirt_host a = one_field_source(), b = a;
	struct spevirt_view src, dst;
	struct spevirt_migration m;

	(void)state;
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	b.pmbidr_el1 = (b.pmbidr_el1 & ~0xfULL) | 0xb;		/* Align 2 KiB */
	b.pmsidr_el1 &= ~BIT(0);				/* no FE */
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_int_equal(m.nr_issues, 2);
	assert_string_equal(m.issues[0].field, "PMSIDR_EL1.FE");
	assert_int_equal(m.issues[0].wanted, 1);
	assert_int_equal(m.issues[0].found, 0);
	assert_string_equal(m.issues[1].field, "PMBIDR_EL1.Align");
	assert_int_equal(m.issues[1].wanted, 4);
	assert_int_equal(m.issues[1].found, 0xb);
}

static void every_issue_is_listed_not_only_the_first(void **state)
{
	struct spevirt_config c = { .pmsver = 3, .max_buffer_size = 1ULL << 21 };
	struct spevirt_host a = one_field_source(), b;
	struct spevirt_view src, dst;
	struct spevirt_migration m;

	(void)state;
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	b = a;
	b.id_aa64dfr0_el1 = 2ULL << 32;				/* PMSVer V1P1 */
	b.pmsidr_el1 &= ~(BIT(6) | BIT(24));
	b.pmsidr_el1 = (b.pmsidr_el1 & ~GENMASK(19, 16)) | (0x3ULL << 16);	/* CountSize */
	b.pmbidr_el1 |= 0x1ULL << 32;				/* limit 4 KiB */
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_int_equal(m.nr_issues, 4);
	assert_string_equal(m.issues[0].field, "ID_AA64DFR0_EL1.PMSVer");
	assert_int_equal(m.issues[0].wanted, 3);
	assert_int_equal(m.issues[0].found, 2);
	assert_string_equal(m.issues[1].field, "PMBIDR_EL1.MaxBuffSize");
	assert_int_equal(m.issues[1].wanted, 0x200);
	assert_int_equal(m.issues[1].found, 1);
	assert_string_equal(m.issues[2].field, "PMSIDR_EL1.PBT");
	assert_string_equal(m.issues[3].field, "PMSIDR_EL1.CountSize");
	assert_int_equal(m.issues[3].wanted, 2);
	assert_int_equal(m.issues[3].found, 3);
}

static void migration_with_forbidden_leaks_names_the_new_leaks(void **state)
{
	struct spevirt_config c = { .pmsver = 3, .flags = SPEVIRT_CFG_FORBID_LEAKS };
	struct spevirt_host a = one_field_source(), b;
	struct spevirt_view src, dst;
	struct spevirt_migration m;

	(void)state;
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	b = a;
	b.id_aa64dfr0_el1 = 4ULL << 32;
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_int_equal(m.nr_issues, 1);
	assert_string_equal(m.issues[0].field, "spevirt_view.leaks");
	assert_true(m.issues[0].found & SPEVIRT_LEAK_RECORD_FORMAT);
	assert_int_equal(m.new_leaks, SPEVIRT_LEAK_RECORD_FORMAT | SPEVIRT_LEAK_FILTER_BITS);
	assert_reason_has(dst, "RECORD_FORMAT");
}

static void a_source_view_of_another_configuration_is_einval(void **state)
{
	struct spevirt_config c = { .pmsver = 3 }, other = { .pmsver = 2 };
	struct spevirt_host a = one_field_source();
	struct spevirt_view src, dst;
	struct spevirt_migration m;

	(void)state;
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	assert_status(spevirt_migrate_check(&src, &other, &a, &dst, &m), SPEVIRT_E_INVAL);
	assert_reason_has(dst, "spevirt_config");
	assert_status(spevirt_migrate_check(NULL, &c, &a, &dst, &m), SPEVIRT_E_INVAL);
	assert_reason_has(dst, "NULL");
	assert_status(spevirt_migrate_check(&src, &c, &a, NULL, &m), SPEVIRT_E_INVAL);
	assert_status(spevirt_migrate_check(&src, &c, &a, &dst, NULL), SPEVIRT_E_INVAL);
}

static void pool_features_intersect_and_limits_take_the_largest(void **state)
{
	struct spevirt_config c = { .pmsver = 3 };
	struct spevirt_host h[2] = { one_field_source(), one_field_source() };
	struct spevirt_view views[2];
	struct spevirt_pool p;

	(void)state;
	h[0].pmsidr_el1 |= BIT(4);				/* LDS on host 0 only */
	h[1].pmsidr_el1 &= ~BIT(24);				/* no PBT */
	h[1].pmsidr_el1 = (h[1].pmsidr_el1 & ~GENMASK(15, 8)) | (0x8ULL << 8) | (0xaULL << 12);
	h[1].pmbidr_el1 = (h[1].pmbidr_el1 & ~0xfULL) | 0x8;	/* Align 256 */
	h[1].pmbidr_el1 &= ~BIT(5);				/* F 0 */
	assert_status(spevirt_pool_compute(h, 2, &c, &p, views), SPEVIRT_OK);
	assert_int_equal(p.pmsidr_el1 & (BIT(24) | BIT(4)), 0);
	assert_int_equal(p.pmsidr_el1 & BIT(32), BIT(32));	/* SME on both */
	assert_int_equal((p.pmsidr_el1 >> 8) & 0xf, 0x8);
	assert_int_equal((p.pmsidr_el1 >> 12) & 0xf, 0xa);
	assert_int_equal(p.pmbidr_el1 & 0xf, 0x8);
	assert_int_equal(p.pmbidr_el1 & BIT(5), 0);
	/* Host 0 hides PBT and LDS, whose packets it still writes. */
	assert_true(views[0].leaks & SPEVIRT_LEAK_RECORD_FEATURES);
	assert_false(views[1].leaks & SPEVIRT_LEAK_RECORD_FEATURES);
}

static void a_pool_whose_record_format_differs_names_the_host_and_field(void **state)
{
	struct spevirt_config c = { .pmsver = 3 };
	struct spevirt_host h[3] = { one_field_source(), one_field_source(), one_field_source() };
	struct spevirt_view views[3];
	struct spevirt_pool p;

	(void)state;
	h[2].pmsidr_el1 = (h[2].pmsidr_el1 & ~GENMASK(19, 16)) | (0x3ULL << 16);
	assert_status(spevirt_pool_compute(h, 3, &c, &p, views), SPEVIRT_E_MISMATCH);
	assert_int_equal(p.host, 2);
	assert_reason_names(p.reason, "PMSIDR_EL1.CountSize");
}

static void a_pool_host_without_fgt_that_must_trap_is_named(void **state)
{
	struct spevirt_config c = { .pmsver = 3 };
	struct spevirt_host h[2] = { one_field_source(), one_field_source() };
	struct spevirt_view views[2];
	struct spevirt_pool p;

	(void)state;
	h[0].id_aa64mmfr0_el1 = 0;				/* host 0 without FGT */
	h[1].pmsidr_el1 = (h[1].pmsidr_el1 & ~GENMASK(11, 8)) | (0x8ULL << 8);
	assert_status(spevirt_pool_compute(h, 2, &c, &p, views), SPEVIRT_E_NEED_FGT);
	assert_int_equal(p.host, 0);
	assert_reason_names(p.reason, "PMSIDR_EL1");
	c.flags = SPEVIRT_CFG_TPMS_FALLBACK;
	assert_status(spevirt_pool_compute(h, 2, &c, &p, views), SPEVIRT_OK);
	assert_true(views[0].mdcr_el2.value & SPEVIRT_MDCR_EL2_TPMS);
}

static void pool_best_offer_is_the_weakest_hosts_level_and_names_it(void **state)
{
	struct spevirt_host h[3] = { make_host(5, 2, HOST_NVM), make_host(2, 1, 0),
				     make_host(5, 2, 0) };
	struct spevirt_config c = { 0 };
	struct spevirt_view views[3];
	struct spevirt_pool p;

	(void)state;
	assert_status(spevirt_pool_best_offer(h, 3, &c, &p, views), SPEVIRT_OK);
	assert_int_equal(c.pmsver, 2);
	assert_int_equal(c.spe_nvm, 0);
	assert_int_equal(p.host, 1);
	assert_reason_names(p.reason, "PMSVer");
	/* The same hosts alone give the same level: nothing limits that pool. */
	c = (struct spevirt_config){ 0 };
	assert_status(spevirt_pool_best_offer(&h[1], 1, &c, &p, views), SPEVIRT_OK);
	assert_int_equal(c.pmsver, 2);
	assert_null(p.reason);
}

static void pool_best_offer_without_any_spe_says_why(void **state)
{
	struct spevirt_host h[2] = { make_host(3, 1, 0), make_host(0, 1, 0) };
	struct spevirt_config c = { .pmsver = 3 };
	struct spevirt_view views[2];
	struct spevirt_pool p;

	(void)state;
	assert_status(spevirt_pool_best_offer(h, 2, &c, &p, views), SPEVIRT_OK);
	assert_int_equal(c.pmsver, 0);
	assert_int_equal(p.host, 1);
	assert_reason_names(p.reason, "no SPE");
	/* No host has SPE: IMP is still tried, for the reason. */
	h[0] = h[1];
	c.pmsver = 0;
	assert_status(spevirt_pool_best_offer(h, 2, &c, &p, views), SPEVIRT_OK);
	assert_int_equal(c.pmsver, 0);
	assert_int_equal(p.host, 0);
	assert_reason_names(p.reason, "no SPE");
	/*
	 * Hosts with SPE that give none alone (a limit needs FEAT_FGT): the
	 * reason is IMP's refusal, not that of a level above it.
	 */
	h[0] = make_host(3, 0, 0);
	h[1] = make_host(3, 0, 0);
	c = (struct spevirt_config){ .max_buffer_size = 4ULL << 20 };
	assert_status(spevirt_pool_best_offer(h, 2, &c, &p, views), SPEVIRT_OK);
	assert_int_equal(c.pmsver, 0);
	assert_reason_names(p.reason, "FEAT_FGT");
}

static void pool_arguments_out_of_range_are_einval(void **state)
{
	struct spevirt_host h[SPEVIRT_MAX_POOL + 1];
	struct spevirt_view views[SPEVIRT_MAX_POOL + 1];
	struct spevirt_config c = { .pmsver = 1 };
	struct spevirt_pool p;
	unsigned int i;

	(void)state;
	for (i = 0; i <= SPEVIRT_MAX_POOL; i++)
		h[i] = make_host(3, 1, 0);
	assert_status(spevirt_pool_compute(h, 0, &c, &p, views), SPEVIRT_E_INVAL);
	assert_reason_names(p.reason, "SPEVIRT_MAX_POOL");
	assert_status(spevirt_pool_compute(h, SPEVIRT_MAX_POOL + 1, &c, &p, views),
		      SPEVIRT_E_INVAL);
	assert_status(spevirt_pool_compute(h, SPEVIRT_MAX_POOL, &c, &p, views), SPEVIRT_OK);
	assert_status(spevirt_pool_compute(NULL, 1, &c, &p, views), SPEVIRT_E_INVAL);
	assert_reason_names(p.reason, "NULL");
	assert_status(spevirt_pool_compute(h, 1, &c, NULL, views), SPEVIRT_E_INVAL);
	assert_status(spevirt_pool_best_offer(h, 0, &c, &p, views), SPEVIRT_E_INVAL);
	assert_status(spevirt_pool_best_offer(h, 1, NULL, &p, views), SPEVIRT_E_INVAL);
	c.max_buffer_size = 4097;
	assert_status(spevirt_pool_best_offer(h, 2, &c, &p, views), SPEVIRT_E_BUFSIZE);
	assert_int_equal(c.pmsver, 0);
}

static void present_refuses_values_breaking_a_feature_rule(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS | HOST_EFT);
	struct spevirt_config c = { .pmsver = 5 };
	struct spevirt_view own, v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &own), SPEVIRT_OK);
	/* FDS without LDS (A2.2: FEAT_SPE_FDS requires FEAT_SPE_LDS). */
	assert_status(spevirt_view_present(&h, &c, own.pmsidr_el1 & ~BIT(4), own.pmbidr_el1, &v),
		      SPEVIRT_E_MISMATCH);
	assert_reason_has(v, "LDS");
	/* EFT without FPF. */
	assert_status(spevirt_view_present(&h, &c, own.pmsidr_el1 & ~BIT(27), own.pmbidr_el1, &v),
		      SPEVIRT_E_MISMATCH);
	assert_reason_has(v, "FPF");
	/* FnE is 1 exactly from V1P2. */
	assert_status(spevirt_view_present(&h, &c, own.pmsidr_el1 & ~BIT(6), own.pmbidr_el1, &v),
		      SPEVIRT_E_MISMATCH);
	assert_reason_has(v, "FnE");
	/* RES0 bits. */
	assert_status(spevirt_view_present(&h, &c, own.pmsidr_el1 | BIT(40), own.pmbidr_el1, &v),
		      SPEVIRT_E_MISMATCH);
	assert_reason_has(v, "RES0");
	assert_status(spevirt_view_present(&h, &c, own.pmsidr_el1, own.pmbidr_el1 | BIT(20), &v),
		      SPEVIRT_E_MISMATCH);
	assert_reason_has(v, "RES0");
	/* Without SPE there is nothing to present. */
	c.pmsver = 0;
	assert_status(spevirt_view_present(&h, &c, own.pmsidr_el1, 0, &v), SPEVIRT_E_MISMATCH);
	assert_status(spevirt_view_present(&h, &c, 0, own.pmbidr_el1, &v), SPEVIRT_E_MISMATCH);
	assert_reason_has(v, "both values must be 0");
	assert_status(spevirt_view_present(&h, &c, 0, 0, &v), SPEVIRT_OK);
}

/*
 * Rules H19 to H21 hold for presented values as for a host's own: every
 * reserved MaxSize, Interval and Align is refused by spevirt_view_present()
 * and by spevirt_migrate_check(), naming the field; every other value at
 * least the host's is presented.
 */
static void present_and_migrate_refuse_reserved_limits(void **state)
{
	static const struct {
		const char *field;
		unsigned int reg, shift;
		uint16_t reserved;	/* from D24.7.14 and D24.7.1, not from lib/ */
	} limits[] = {
		{ "PMSIDR_EL1.MaxSize", 0, 12, (uint16_t)(GENMASK(15, 12) | GENMASK(5, 0)) },
		{ "PMSIDR_EL1.Interval", 0, 8, (uint16_t)(BIT(1) | GENMASK(15, 9)) },
		{ "PMBIDR_EL1.Align", 1, 0, (uint16_t)GENMASK(15, 12) },
	};
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = { .pmsver = 3 };
	struct spevirt_view own, v, dst;
	struct spevirt_migration m;
	size_t i;
	unsigned int val;

	(void)state;
	/* The smallest valid host limits: MaxSize 64 B, Interval 256, Align 0. */
	h.pmsidr_el1 = (h.pmsidr_el1 & ~(GENMASK(15, 12) | GENMASK(11, 8))) | (0x6ULL << 12);
	assert_status(spevirt_view_compute(&h, &c, &own), SPEVIRT_OK);
	for (i = 0; i < sizeof(limits) / sizeof(limits[0]); i++)
		for (val = 0; val < 16; val++) {
			uint64_t want[2] = { own.pmsidr_el1, own.pmbidr_el1 };
			uint64_t own_val = (want[limits[i].reg] >> limits[i].shift) & 0xf;
			enum spevirt_status st;

			want[limits[i].reg] &= ~(0xfULL << limits[i].shift);
			want[limits[i].reg] |= (uint64_t)val << limits[i].shift;
			st = spevirt_view_present(&h, &c, want[0], want[1], &v);
			if (val < own_val) {
				assert_status(st, SPEVIRT_E_MISMATCH);
				continue;
			}
			if (!((limits[i].reserved >> val) & 1)) {
				assert_status(st, SPEVIRT_OK);
				continue;
			}
			assert_status(st, SPEVIRT_E_MISMATCH);
			assert_reason_has(v, "reserved");
			assert_denies(&h, &v, limits[i].field);
			own.pmsidr_el1 = want[0];
			own.pmbidr_el1 = want[1];
			assert_status(spevirt_migrate_check(&own, &c, &h, &dst, &m), SPEVIRT_E_MISMATCH);
			assert_int_equal(m.nr_issues, 1);
			assert_string_equal(m.issues[0].field, limits[i].field);
			assert_int_equal(m.issues[0].wanted, val);
			assert_int_equal(m.issues[0].found, own_val);
			assert_status(spevirt_view_compute(&h, &c, &own), SPEVIRT_OK);
		}
}

static void present_v1p5_keeps_crr(void **state)
{
	struct spevirt_host h = make_host(6, 2, 0);
	struct spevirt_config c = { .profile = SPEVIRT_PROFILE_KVM_RFC_V6, .pmsver = 6 };
	struct spevirt_view own, v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &own), SPEVIRT_OK);
	assert_status(spevirt_view_present(&h, &c, own.pmsidr_el1 & ~BIT(25), own.pmbidr_el1, &v),
		      SPEVIRT_E_MISMATCH);
	assert_reason_has(v, "CRR");
	c.pmsver = 5;
	assert_status(spevirt_view_compute(&h, &c, &own), SPEVIRT_OK);
	assert_status(spevirt_view_present(&h, &c, own.pmsidr_el1 & ~BIT(25), own.pmbidr_el1, &v),
		      SPEVIRT_OK);
}

/* Refusals that are the destination's own, not a field's. */
static void a_destination_refusing_for_its_own_reason_is_named(void **state)
{
	struct spevirt_config c = { .pmsver = 3 }, bad = { .pmsver = 3, .flags = 1U << 31 };
	struct spevirt_host a = one_field_source(), b;
	struct spevirt_view src, dst;
	struct spevirt_migration m;

	(void)state;
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	b = a;
	b.pmbidr_el1 |= SPEVIRT_PMBIDR_EL1_P;			/* EL3 owns the buffer */
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_string_equal(m.issues[0].field, "PMBIDR_EL1.P");
	assert_int_equal(m.issues[0].wanted, 0);
	assert_int_equal(m.issues[0].found, 1);
	b = a;
	b.el3_disabled = SPEVIRT_EL3_NO_PMSNEVFR;		/* FnE's register traps to EL3 */
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_string_equal(m.issues[0].field, "MDCR_EL3.EnPMSN");
	assert_int_equal(m.issues[0].wanted, 1);
	assert_int_equal(m.issues[0].found, 0);
	assert_reason_has(dst, "EnPMSN");
	b = a;
	b.el3_disabled = SPEVIRT_EL3_NSPB_TRAP;			/* buffer accesses trap to EL3 */
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_string_equal(m.issues[0].field, "MDCR_EL3.NSPB");
	assert_int_equal(m.issues[0].wanted, 3);
	assert_int_equal(m.issues[0].found, 2);
	b = a;
	b.pmsidr_el1 |= SPEVIRT_PMSIDR_EL1_FNE;			/* FnE below V1P2 */
	b.id_aa64dfr0_el1 = 2ULL << 32;
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_HOST_INVALID);
	assert_reason_has(dst, "FnE");
	assert_int_equal(m.nr_issues, 0);
	src.id_aa64dfr0_el1.value = 3ULL << 32;
	assert_status(spevirt_migrate_check(&src, &bad, &a, &dst, &m), SPEVIRT_E_INVAL);
	assert_reason_has(dst, "spevirt_config.flags");
	/* MDCR_EL3.PMSEE exists from FEAT_SPEv1p5: 0b11 takes every buffer event to EL3. */
	a = make_host(6, 2, 0);
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	b = a;
	b.el3_disabled = SPEVIRT_EL3_PMSEE_ALL;
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_string_equal(m.issues[0].field, "MDCR_EL3.PMSEE");
	assert_int_equal(m.issues[0].wanted, 0);
	assert_int_equal(m.issues[0].found, 3);
	/* An SPE_nVM guest needs PMBMAR_EL1, which MDCR_EL3.EnPMS4 = 0 traps to EL3. */
	c.spe_nvm = 1;
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	b = a;
	b.el3_disabled = SPEVIRT_EL3_NO_PMBMAR;
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_string_equal(m.issues[0].field, "MDCR_EL3.EnPMS4");
	assert_int_equal(m.issues[0].wanted, 1);
	assert_int_equal(m.issues[0].found, 0);
}

static void a_guest_without_spe_moves_anywhere_its_config_is_valid(void **state)
{
	struct spevirt_config c = { .max_buffer_size = 1ULL << 20 };
	struct spevirt_host a = make_host(0, 0, 0), b = one_field_source();
	struct spevirt_view src, dst;
	struct spevirt_migration m;

	(void)state;
	b.pmbidr_el1 |= 0x1ULL << 32;				/* a limit, irrelevant */
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_OK);
	assert_int_equal(dst.pmsidr_el1, 0);
	/* The destination has FEAT_SPEv1p2, the source none: PMCR_EL0.FZS appears. */
	assert_int_equal(m.new_leaks, SPEVIRT_LEAK_PMCR_FZS);
}

/* FEAT_SPE_EFT's PMSFCR_EL1 filter bits stay writable where the pool hides EFT (leak FILTER_BITS). */
static void hiding_eft_and_fpf_leaves_their_filters_writable(void **state)
{
	struct spevirt_config c = { .pmsver = 3 };
	struct spevirt_host h[2] = { one_field_source(), one_field_source() };
	struct spevirt_view views[2];
	struct spevirt_pool p;

	(void)state;
	h[1].pmsidr_el1 &= ~(SPEVIRT_PMSIDR_EL1_EFT | SPEVIRT_PMSIDR_EL1_FPF);
	assert_status(spevirt_pool_compute(h, 2, &c, &p, views), SPEVIRT_OK);
	assert_int_equal(p.pmsidr_el1 & (SPEVIRT_PMSIDR_EL1_EFT | SPEVIRT_PMSIDR_EL1_FPF), 0);
	assert_int_equal(views[0].leaks, SPEVIRT_LEAK_FILTER_BITS);
	assert_int_equal(views[1].leaks, 0);
}

/* Invalid arguments: each pointer alone, the reason names it, nothing is left filled. */
static void each_null_pointer_alone_is_einval(void **state)
{
	struct spevirt_host h[2] = { make_host(3, 1, 0), make_host(3, 1, 0) };
	struct spevirt_config c = { .pmsver = 3 };
	struct spevirt_view views[2], src, dst;
	struct spevirt_migration m;
	struct spevirt_pool p;

	(void)state;
	assert_status(spevirt_pool_compute(h, 2, NULL, &p, views), SPEVIRT_E_INVAL);
	assert_reason_names(p.reason, "hosts, configuration or views");
	assert_status(spevirt_pool_compute(h, 2, &c, &p, NULL), SPEVIRT_E_INVAL);
	assert_reason_names(p.reason, "hosts, configuration or views");
	assert_int_equal(p.host, 0);
	assert_status(spevirt_pool_compute(h, 0, &c, &p, views), SPEVIRT_E_INVAL);
	assert_int_equal(p.host, 0);
	assert_int_equal(p.pmsidr_el1, 0);
	assert_status(spevirt_pool_best_offer(h, 0, &c, &p, views), SPEVIRT_E_INVAL);
	assert_int_equal(p.pmsidr_el1, 0);
	assert_status(spevirt_pool_best_offer(h, 2, &c, NULL, views), SPEVIRT_E_INVAL);
	assert_status(spevirt_view_compute(&h[0], &c, &src), SPEVIRT_OK);
	assert_status(spevirt_migrate_check(&src, NULL, &h[0], &dst, &m), SPEVIRT_E_INVAL);
	assert_reason_has(dst, "NULL");
	assert_status(spevirt_migrate_check(&src, &c, NULL, &dst, &m), SPEVIRT_E_INVAL);
	assert_reason_has(dst, "NULL");
	assert_int_equal(dst.pmsidr_el1, 0);
}

/*
 * On any refusal the pool's values are zero, and every view, the
 * destination's too, denies SPE on its host: nothing stale is left.
 */
static void refusals_leave_no_values(void **state)
{
	struct spevirt_host h[2] = { one_field_source(), one_field_source() };
	struct spevirt_config c = { .pmsver = 3 };
	struct spevirt_view views[2], src, dst;
	struct spevirt_migration m;
	struct spevirt_pool p;

	(void)state;
	h[1].pmsidr_el1 = (h[1].pmsidr_el1 & ~GENMASK(19, 16)) | (0x3ULL << 16);
	assert_status(spevirt_pool_compute(h, 2, &c, &p, views), SPEVIRT_E_MISMATCH);
	assert_int_equal(p.pmsidr_el1, 0);
	assert_int_equal(p.pmbidr_el1, 0);
	assert_denies(&h[0], &views[0], "pool, host 0");
	assert_denies(&h[1], &views[1], "pool, host 1");
	assert_ptr_equal(views[0].reason, p.reason);
	assert_status(spevirt_view_compute(&h[0], &c, &src), SPEVIRT_OK);
	assert_status(spevirt_migrate_check(&src, &c, &h[1], &dst, &m), SPEVIRT_E_MISMATCH);
	assert_denies(&h[1], &dst, "migration");
	h[1] = h[0];
	h[1].id_aa64mmfr0_el1 = 0;
	h[1].pmsidr_el1 = (h[1].pmsidr_el1 & ~GENMASK(11, 8));	/* must trap, cannot */
	assert_status(spevirt_migrate_check(&src, &c, &h[1], &dst, &m), SPEVIRT_E_MISMATCH);
	assert_denies(&h[1], &dst, "migration to a host without FGT");
	assert_int_equal(m.nr_issues, 1);
	assert_string_equal(m.issues[0].field, "ID_AA64MMFR0_EL1.FGT");
	assert_int_equal(m.issues[0].wanted, 1);
	assert_int_equal(m.issues[0].found, 0);
	c.max_buffer_size = 4097;
	assert_status(spevirt_pool_best_offer(h, 1, &c, &p, views), SPEVIRT_E_BUFSIZE);
	assert_int_equal(c.pmsver, 0);
	assert_int_equal(c.spe_nvm, 0);
}

/* SPE_nVM: the guest's 1 on a destination without FEAT_SPE_nVM is one issue. */
static void spe_nvm_missing_on_the_destination_is_one_issue(void **state)
{
	/* FDS and FnE set: PMSIDR_EL1 bits [7:6] differ from PMBIDR_EL1.AddrMode. */
	struct spevirt_host a = make_host(5, 2, HOST_NVM | HOST_FDS), b = make_host(5, 2, HOST_FDS);
	struct spevirt_config c = { .pmsver = 5, .spe_nvm = 1 };
	struct spevirt_view src, dst;
	struct spevirt_migration m;

	(void)state;
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_int_equal(m.nr_issues, 1);
	assert_string_equal(m.issues[0].field, "ID_AA64DFR2_EL1.SPE_nVM");
	assert_int_equal(m.issues[0].wanted, 1);
	assert_int_equal(m.issues[0].found, 0);
}

/* A destination whose own limit equals the guest's can take it. */
static void a_destination_limit_equal_to_the_guests_is_enough(void **state)
{
	struct spevirt_host a = make_host(3, 1, 0), b = make_host(3, 1, 0);
	struct spevirt_config c = { .pmsver = 3, .max_buffer_size = 1ULL << 20 };
	struct spevirt_view src, dst;
	struct spevirt_migration m;

	(void)state;
	b.pmbidr_el1 |= 0x100ULL << 32;			/* 1 MiB */
	assert_status(spevirt_view_compute(&a, &c, &src), SPEVIRT_OK);
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_OK);
	b.pmbidr_el1 = (b.pmbidr_el1 & ~SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE) | (0xffULL << 32);
	assert_status(spevirt_migrate_check(&src, &c, &b, &dst, &m), SPEVIRT_E_MISMATCH);
	assert_string_equal(m.issues[0].field, "PMBIDR_EL1.MaxBuffSize");
}

/* Two hosts with SPE_nVM: the pool's best offer keeps it. */
static void pool_best_offer_keeps_spe_nvm_every_host_has(void **state)
{
	struct spevirt_host h[2] = { make_host(5, 2, HOST_NVM), make_host(5, 2, HOST_NVM) };
	struct spevirt_config c = { 0 };
	struct spevirt_view views[2];
	struct spevirt_pool p;

	(void)state;
	assert_status(spevirt_pool_best_offer(h, 2, &c, &p, views), SPEVIRT_OK);
	assert_int_equal(c.pmsver, 5);
	assert_int_equal(c.spe_nvm, 1);
	assert_null(p.reason);
	/* IMP hosts: IMP without SPE_nVM is what each gives alone, nothing limits. */
	h[0] = make_host(1, 1, 0);
	h[1] = make_host(1, 1, 0);
	c = (struct spevirt_config){ 0 };
	assert_status(spevirt_pool_best_offer(h, 2, &c, &p, views), SPEVIRT_OK);
	assert_int_equal(c.pmsver, 1);
	assert_null(p.reason);
}

/*
 * Below the weakest host's own level the pool's own refusal is the reason
 * (a record format that differs), not the level.
 */
static void pool_best_offer_gives_the_pools_own_refusal(void **state)
{
	struct spevirt_host h[2] = { make_host(5, 2, 0), make_host(3, 1, 0) };
	struct spevirt_config c = { 0 };
	struct spevirt_view views[2];
	struct spevirt_pool p;

	(void)state;
	h[1].pmsidr_el1 = (h[1].pmsidr_el1 & ~GENMASK(19, 16)) | (0x3ULL << 16);
	assert_status(spevirt_pool_best_offer(h, 2, &c, &p, views), SPEVIRT_OK);
	assert_int_equal(c.pmsver, 0);
	assert_int_equal(p.host, 1);
	assert_reason_names(p.reason, "PMSIDR_EL1.CountSize");
	/*
	 * Leaks forbidden, no FEAT_FGT: each host alone gives V1P2 without a
	 * leak, the pool no level (CountSize), and no SPE leaks PMBIDR_EL1:
	 * that last refusal is the reason.
	 */
	h[0] = make_host(3, 0, 0);
	h[1] = make_host(3, 0, 0);
	h[1].pmsidr_el1 = (h[1].pmsidr_el1 & ~GENMASK(19, 16)) | (0x3ULL << 16);
	c = (struct spevirt_config){ .flags = SPEVIRT_CFG_FORBID_LEAKS };
	assert_status(spevirt_pool_best_offer(h, 2, &c, &p, views), SPEVIRT_E_LEAK);
	assert_reason_names(p.reason, "PMBIDR_READ");
	assert_int_equal(p.pmsidr_el1, 0);
}

/* PMBIDR_EL1.AddrMode follows SPE_nVM: a host cannot present another. */
static void present_keeps_addrmode(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_NVM);
	struct spevirt_config c = { .pmsver = 5 };
	struct spevirt_view own, v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &own), SPEVIRT_OK);
	assert_status(spevirt_view_present(&h, &c, own.pmsidr_el1,
					   own.pmbidr_el1 | SPEVIRT_PMBIDR_EL1_ADDRMODE, &v),
		      SPEVIRT_E_MISMATCH);
	assert_reason_has(v, "AddrMode");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_host_of_a_pool_presents_the_same_values),
		cmocka_unit_test(migration_agrees_with_the_pool_of_both),
		cmocka_unit_test(a_guest_can_always_move_to_its_own_host),
		cmocka_unit_test(each_field_that_differs_is_named_with_both_values),
		cmocka_unit_test(an_issue_reports_the_fields_values_not_the_registers),
		cmocka_unit_test(every_issue_is_listed_not_only_the_first),
		cmocka_unit_test(migration_with_forbidden_leaks_names_the_new_leaks),
		cmocka_unit_test(a_source_view_of_another_configuration_is_einval),
		cmocka_unit_test(pool_features_intersect_and_limits_take_the_largest),
		cmocka_unit_test(a_pool_whose_record_format_differs_names_the_host_and_field),
		cmocka_unit_test(a_pool_host_without_fgt_that_must_trap_is_named),
		cmocka_unit_test(pool_best_offer_is_the_weakest_hosts_level_and_names_it),
		cmocka_unit_test(pool_best_offer_without_any_spe_says_why),
		cmocka_unit_test(pool_arguments_out_of_range_are_einval),
		cmocka_unit_test(present_refuses_values_breaking_a_feature_rule),
		cmocka_unit_test(present_v1p5_keeps_crr),
		cmocka_unit_test(a_destination_refusing_for_its_own_reason_is_named),
		cmocka_unit_test(a_guest_without_spe_moves_anywhere_its_config_is_valid),
		cmocka_unit_test(hiding_eft_and_fpf_leaves_their_filters_writable),
		cmocka_unit_test(each_null_pointer_alone_is_einval),
		cmocka_unit_test(refusals_leave_no_values),
		cmocka_unit_test(spe_nvm_missing_on_the_destination_is_one_issue),
		cmocka_unit_test(a_destination_limit_equal_to_the_guests_is_enough),
		cmocka_unit_test(pool_best_offer_keeps_spe_nvm_every_host_has),
		cmocka_unit_test(pool_best_offer_gives_the_pools_own_refusal),
		cmocka_unit_test(present_keeps_addrmode),
		cmocka_unit_test(present_and_migrate_refuse_reserved_limits),
		cmocka_unit_test(every_refusal_issue_shows_two_different_values),
		cmocka_unit_test(section_12_rule_holds_for_every_flag_and_accepted_set),
		cmocka_unit_test(an_unadvertised_limit_moves_to_a_host_with_fgt),
		cmocka_unit_test(a_move_reports_the_leaks_it_closes),
		cmocka_unit_test(a_pool_takes_the_unadvertised_maxbuffsize),
		cmocka_unit_test(overlapping_views_are_not_written),
		cmocka_unit_test(each_overlap_of_a_migration_is_einval),
		cmocka_unit_test(hand_made_sources_are_refused_naming_the_field),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
