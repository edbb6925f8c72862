// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The trap planner: access decisions agree with the trap controls for every
 * register, direction, profile, flag and FGT level; the no-FGT fallbacks;
 * the leak catalogue; the best offer.
 */
#include "model.h"

#include <spevirt/spevirt_audit.h>

/* The SPE registers, by name. */
static const struct {
	const char *name;
	uint32_t enc;
} regs[] = {
	{ "PMSCR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 0) },
	{ "PMSNEVFR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 1) },
	{ "PMSICR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 2) },
	{ "PMSIRR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 3) },
	{ "PMSFCR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 4) },
	{ "PMSEVFR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 5) },
	{ "PMSLATFR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 6) },
	{ "PMSIDR_EL1", SPEVIRT_SYSREG(3, 0, 9, 9, 7) },
	{ "PMBLIMITR_EL1", SPEVIRT_SYSREG(3, 0, 9, 10, 0) },
	{ "PMBPTR_EL1", SPEVIRT_SYSREG(3, 0, 9, 10, 1) },
	{ "PMBSR_EL1", SPEVIRT_SYSREG(3, 0, 9, 10, 3) },
	{ "PMSDSFR_EL1", SPEVIRT_SYSREG(3, 0, 9, 10, 4) },
	{ "PMBMAR_EL1", SPEVIRT_SYSREG(3, 0, 9, 10, 5) },
	{ "PMBIDR_EL1", SPEVIRT_SYSREG(3, 0, 9, 10, 7) },
};

/*
 * Each decision of the view against what the hardware does with its
 * controls (spevirt_hw_access(), the Arm ARM's access pseudocode): an
 * access the hardware UNDEFs is UNDEF, one it executes UNTRAPPED, one it
 * traps to EL2 any other decision; an untrapped ID read of a guest with SPE
 * reads the view's value.
 */
static void check_agreement(const struct spevirt_host *h, const struct spevirt_config *c,
			    const struct spevirt_view *v)
{
	struct spevirt_hypervisor hv;
	size_t i;
	int w;

	assert_int_equal(spevirt_view_hypervisor(v, c, &hv), SPEVIRT_OK);
	for (i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		for (w = 0; w <= 1; w++) {
			enum spevirt_access a = spevirt_access(v, regs[i].enc, w);
			struct spevirt_hw_result hw;

			assert_int_equal(spevirt_hw_access(h, &hv.el2, regs[i].enc, w, &hw),
					 SPEVIRT_OK);
			if ((hw.outcome == SPEVIRT_HW_UNDEF && a != SPEVIRT_ACCESS_UNDEF) ||
			    (hw.outcome == SPEVIRT_HW_EXECUTE) != (a == SPEVIRT_ACCESS_UNTRAPPED) ||
			    hw.outcome == SPEVIRT_HW_TRAP_EL3 || hw.outcome == SPEVIRT_HW_NOT_SPE)
				fail_msg("%s %s: the hardware's outcome %d (%s) but decision %d "
					 "(profile %d guest V%u flags %u)", regs[i].name,
					 w ? "write" : "read", hw.outcome,
					 spevirt_hw_rule_text(hw.rule), a, c->profile, c->pmsver,
					 c->flags);
			if (c->pmsver == 0 && a != SPEVIRT_ACCESS_UNDEF &&
			    a != SPEVIRT_ACCESS_UNTRAPPED)
				fail_msg("%s: guest without SPE gets decision %d", regs[i].name, a);
			if (a == SPEVIRT_ACCESS_EMULATE && hw.rule != SPEVIRT_HW_RULE_E2PB)
				fail_msg("%s: emulated but not trapped by MDCR_EL2.E2PB", regs[i].name);
			if (a == SPEVIRT_ACCESS_READ_VIEW && !strstr(regs[i].name, "IDR_EL1"))
				fail_msg("%s: read from the view but not an ID register", regs[i].name);
			if (a == SPEVIRT_ACCESS_FORWARD && hw.rule != SPEVIRT_HW_RULE_TPMS)
				fail_msg("%s: forwarded, but not trapped by MDCR_EL2.TPMS", regs[i].name);
			if (c->pmsver && hw.outcome == SPEVIRT_HW_EXECUTE && !w &&
			    !strcmp(regs[i].name, "PMSIDR_EL1") && hw.value != v->pmsidr_el1)
				fail_msg("PMSIDR_EL1 untrapped reads 0x%llx, the view says 0x%llx",
					 (unsigned long long)hw.value,
					 (unsigned long long)v->pmsidr_el1);
			if (c->pmsver && hw.outcome == SPEVIRT_HW_EXECUTE && !w &&
			    !strcmp(regs[i].name, "PMBIDR_EL1") && hw.value != v->pmbidr_el1)
				fail_msg("PMBIDR_EL1 untrapped reads 0x%llx, the view says 0x%llx",
					 (unsigned long long)hw.value,
					 (unsigned long long)v->pmbidr_el1);
		}
}

static void decisions_agree_with_trap_controls_everywhere(void **state)
{
	static const unsigned int opts[] = { 0, HOST_FDS, HOST_NVM, HOST_FDS | HOST_NVM };
	unsigned int hv, fgt, o, gv, nvm, flags, checked = 0;
	int p, l;

	(void)state;
	for (p = 0; p <= 1; p++)
		for (hv = 0; hv <= 7; hv++)
			for (fgt = 0; fgt <= 3; fgt++)
				for (o = 0; o < 4; o++)
					for (gv = 0; gv <= 6; gv++)
						for (nvm = 0; nvm <= 1; nvm++)
							for (flags = 0; flags < 8; flags++)
								for (l = 0; l <= 1; l++) {
		struct spevirt_host h = make_host(hv, fgt, hv >= 5 ? opts[o] : opts[o] & HOST_NVM);
		struct spevirt_config c = make_cfg((enum spevirt_profile)p, gv);
		struct spevirt_view v;

		c.spe_nvm = nvm;
		c.flags = flags;
		c.max_buffer_size = l ? 4096 : 0;
		if (spevirt_view_compute(&h, &c, &v) != SPEVIRT_OK)
			continue;
		check_agreement(&h, &c, &v);
		checked++;
								}
	assert_true(checked > 1000);
}

static void agreement_on_random_hosts(void **state)
{
	uint64_t seed = 0xacce55ULL;
	unsigned int i;

	(void)state;
	for (i = 0; i < 50000; i++) {
		struct spevirt_host h = random_valid_host(&seed);
		struct spevirt_config c = make_cfg((enum spevirt_profile)rnd_below(&seed, 2),
						   rnd_below(&seed, 7));
		struct spevirt_view v;

		c.spe_nvm = rnd_below(&seed, 2);
		c.flags = rnd_below(&seed, 8);
		if (spevirt_view_compute(&h, &c, &v) == SPEVIRT_OK)
			check_agreement(&h, &c, &v);
	}
}

static void unknown_encodings_get_a_defined_answer(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_view v;
	uint32_t base = SPEVIRT_SYSREG_PMSCR_EL1;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSCR_EL2, false),
			 SPEVIRT_ACCESS_NOT_SPE);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_MDCR_EL2, true), SPEVIRT_ACCESS_NOT_SPE);
	assert_int_equal(spevirt_access(&v, 0, false), SPEVIRT_ACCESS_NOT_SPE);
	assert_int_equal(spevirt_access(&v, ~0U, false), SPEVIRT_ACCESS_NOT_SPE);
	assert_int_equal(spevirt_access(&v, base - (1U << 5), false), SPEVIRT_ACCESS_NOT_SPE);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG(3, 0, 9, 11, 0), false),
			 SPEVIRT_ACCESS_NOT_SPE);
	assert_int_equal(spevirt_access(&v, base | 1, false), SPEVIRT_ACCESS_NOT_SPE);
	/* Unallocated encodings inside the block UNDEF. */
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG(3, 0, 9, 10, 2), false),
			 SPEVIRT_ACCESS_UNDEF);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG(3, 0, 9, 10, 6), true),
			 SPEVIRT_ACCESS_UNDEF);
	/* Writes to the read-only ID registers UNDEF. */
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSIDR_EL1, true), SPEVIRT_ACCESS_UNDEF);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMBIDR_EL1, true), SPEVIRT_ACCESS_UNDEF);
}

/*
 * The header's inline decision is the exported one: the same answer for
 * every encoding of op0 3 (SPE's block, around it and far from it), both
 * directions, and a NULL view; a trapped ID read returns the view's value.
 */
static void inline_decision_and_read_view_agree_with_spevirt_access(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 2);
	struct spevirt_view v;
	uint32_t enc;
	int w;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	for (enc = SPEVIRT_SYSREG(3, 0, 0, 0, 0); enc <= SPEVIRT_SYSREG(3, 7, 15, 15, 7); enc++)
		for (w = 0; w <= 1; w++) {
			assert_int_equal(spevirt_access_inline(&v, enc, w), spevirt_access(&v, enc, w));
			assert_int_equal(spevirt_access_inline(NULL, enc, w),
					 spevirt_access(NULL, enc, w));
		}
	assert_int_equal(spevirt_access_inline(&v, ~0U, false), SPEVIRT_ACCESS_NOT_SPE);
	assert_int_equal(spevirt_spe_slot(SPEVIRT_SYSREG_PMSCR_EL1), 0);
	assert_int_equal(spevirt_spe_slot(SPEVIRT_SYSREG_PMBIDR_EL1), SPEVIRT_NR_SPE_SLOTS - 1);
	assert_int_equal(spevirt_spe_slot(SPEVIRT_SYSREG_PMSCR_EL1 - (1U << 5)), SPEVIRT_NR_SPE_SLOTS);
	assert_int_equal(spevirt_spe_slot(SPEVIRT_SYSREG_PMBIDR_EL1 + (1U << 5)), SPEVIRT_NR_SPE_SLOTS);

	assert_int_equal(spevirt_access_inline(&v, SPEVIRT_SYSREG_PMSIDR_EL1, false),
			 SPEVIRT_ACCESS_READ_VIEW);
	assert_true(spevirt_read_view(&v, SPEVIRT_SYSREG_PMSIDR_EL1) == v.pmsidr_el1);
	assert_true(spevirt_read_view(&v, SPEVIRT_SYSREG_PMBIDR_EL1) == v.pmbidr_el1);
	assert_true(spevirt_read_view(&v, SPEVIRT_SYSREG_PMSCR_EL1) == 0);
	assert_true(spevirt_read_view(NULL, SPEVIRT_SYSREG_PMSIDR_EL1) == 0);
}

/*
 * A handler that knows its register answers as spevirt_access() does: the
 * constant slot of every SPE register, both directions, in views of each
 * version on each preset host; the ID readers give the view's value.
 */
static void per_register_answers_agree_with_spevirt_access(void **state)
{
	static const uint32_t slots[] = {
		SPEVIRT_SLOT(PMSCR_EL1), SPEVIRT_SLOT(PMSICR_EL1), SPEVIRT_SLOT(PMSIRR_EL1),
		SPEVIRT_SLOT(PMSFCR_EL1), SPEVIRT_SLOT(PMSEVFR_EL1), SPEVIRT_SLOT(PMSLATFR_EL1),
		SPEVIRT_SLOT(PMSIDR_EL1), SPEVIRT_SLOT(PMBLIMITR_EL1), SPEVIRT_SLOT(PMBPTR_EL1),
		SPEVIRT_SLOT(PMBSR_EL1), SPEVIRT_SLOT(PMBIDR_EL1),
	};
	static const uint32_t encs[] = {
		SPEVIRT_SYSREG_PMSCR_EL1, SPEVIRT_SYSREG_PMSICR_EL1, SPEVIRT_SYSREG_PMSIRR_EL1,
		SPEVIRT_SYSREG_PMSFCR_EL1, SPEVIRT_SYSREG_PMSEVFR_EL1, SPEVIRT_SYSREG_PMSLATFR_EL1,
		SPEVIRT_SYSREG_PMSIDR_EL1, SPEVIRT_SYSREG_PMBLIMITR_EL1, SPEVIRT_SYSREG_PMBPTR_EL1,
		SPEVIRT_SYSREG_PMBSR_EL1, SPEVIRT_SYSREG_PMBIDR_EL1,
	};
	unsigned int host, pmsver, i, w, checked = 0;

	(void)state;
	for (host = 1; host <= 6; host++)
		for (pmsver = 0; pmsver <= host; pmsver++) {
			struct spevirt_host h = make_host(host, 2, 0);
			struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, pmsver);
			struct spevirt_view v;
			uint64_t value = ~0ULL;

			if (spevirt_view_compute(&h, &c, &v) != SPEVIRT_OK)
				continue;
			for (i = 0; i < sizeof(slots) / sizeof(slots[0]); i++)
				for (w = 0; w <= 1; w++)
					assert_int_equal(spevirt_access_slot(&v, slots[i], w),
							 spevirt_access(&v, encs[i], w));
			assert_int_equal(spevirt_read_pmsidr(&v, &value),
					 spevirt_access(&v, SPEVIRT_SYSREG_PMSIDR_EL1, false));
			assert_true(value == spevirt_read_view(&v, SPEVIRT_SYSREG_PMSIDR_EL1));
			assert_int_equal(spevirt_read_pmbidr(&v, &value),
					 spevirt_access(&v, SPEVIRT_SYSREG_PMBIDR_EL1, false));
			assert_true(value == spevirt_read_view(&v, SPEVIRT_SYSREG_PMBIDR_EL1));
			checked++;
		}
	/*
	 * Every version up to the host's, FEAT_FGT2 present: all but V1P5,
	 * which implies FEAT_SPE_EXC (the default profile offers up to V1P4).
	 */
	assert_int_equal(checked, 26);
	assert_int_equal(SPEVIRT_SLOT(PMSCR_EL1), spevirt_spe_slot(SPEVIRT_SYSREG_PMSCR_EL1));
	assert_int_equal(SPEVIRT_SLOT(PMBIDR_EL1), spevirt_spe_slot(SPEVIRT_SYSREG_PMBIDR_EL1));
}

static void a_failed_view_fails_closed(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 4);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_E_PMSVER);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSCR_EL1, false), SPEVIRT_ACCESS_UNDEF);
}

static void no_fgt_host_level_guest_works_without_flags(void **state)
{
	struct spevirt_host h = make_host(3, 0, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSCR_EL1, true),
			 SPEVIRT_ACCESS_UNTRAPPED);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSNEVFR_EL1, false),
			 SPEVIRT_ACCESS_UNTRAPPED);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSIDR_EL1, false),
			 SPEVIRT_ACCESS_UNTRAPPED);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMBIDR_EL1, false),
			 SPEVIRT_ACCESS_UNTRAPPED);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMBLIMITR_EL1, true),
			 SPEVIRT_ACCESS_EMULATE);
	assert_int_equal(v.leaks, 0);
}

static void downgraded_guest_without_fgt_needs_the_tpms_fallback(void **state)
{
	struct spevirt_host h = make_host(3, 0, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 2);
	struct spevirt_view v;
	static const uint32_t sampling[] = {
		SPEVIRT_SYSREG_PMSCR_EL1, SPEVIRT_SYSREG_PMSICR_EL1, SPEVIRT_SYSREG_PMSIRR_EL1,
		SPEVIRT_SYSREG_PMSFCR_EL1, SPEVIRT_SYSREG_PMSEVFR_EL1, SPEVIRT_SYSREG_PMSLATFR_EL1,
	};
	size_t i;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_E_NEED_FGT);
	assert_reason_has(v, "PMSNEVFR_EL1");
	assert_reason_has(v, "SPEVIRT_CFG_TPMS_FALLBACK");

	c.flags = SPEVIRT_CFG_TPMS_FALLBACK;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.mdcr_el2.value & SPEVIRT_MDCR_EL2_TPMS, SPEVIRT_MDCR_EL2_TPMS);
	for (i = 0; i < sizeof(sampling) / sizeof(sampling[0]); i++) {
		assert_int_equal(spevirt_access(&v, sampling[i], false), SPEVIRT_ACCESS_FORWARD);
		assert_int_equal(spevirt_access(&v, sampling[i], true), SPEVIRT_ACCESS_FORWARD);
	}
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSNEVFR_EL1, false),
			 SPEVIRT_ACCESS_UNDEF);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSIDR_EL1, false),
			 SPEVIRT_ACCESS_READ_VIEW);
	assert_int_equal(v.pmsidr_el1 & SPEVIRT_PMSIDR_EL1_FNE, 0);
}

static void tpms_fallback_is_unused_with_fgt(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 2);
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_TPMS_FALLBACK;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.mdcr_el2.value & SPEVIRT_MDCR_EL2_TPMS, 0);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSCR_EL1, true),
			 SPEVIRT_ACCESS_UNTRAPPED);
}

static void unadvertised_limit_without_fgt(void **state)
{
	struct spevirt_host h = make_host(3, 0, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_view v;

	(void)state;
	c.max_buffer_size = 4ULL << 20;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_E_NEED_FGT);
	assert_reason_has(v, "SPEVIRT_CFG_UNADVERTISED_LIMIT");
	c.flags = SPEVIRT_CFG_UNADVERTISED_LIMIT;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.pmbidr_el1 & SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE, 0);
	assert_false(v.limit_advertised);
	assert_int_equal(v.max_buffer_size, 4ULL << 20);
	assert_int_equal(v.leaks, SPEVIRT_LEAK_UNADVERTISED_LIMIT);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMBIDR_EL1, false),
			 SPEVIRT_ACCESS_UNTRAPPED);
}

static void unadvertised_limit_is_advertised_with_fgt(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_view v;

	(void)state;
	c.max_buffer_size = 4ULL << 20;
	c.flags = SPEVIRT_CFG_UNADVERTISED_LIMIT;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_true(v.limit_advertised);
	assert_int_equal((v.pmbidr_el1 >> 32) & 0xffff, 0x0400);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMBIDR_EL1, false),
			 SPEVIRT_ACCESS_READ_VIEW);
}

static void kvm_profile_refuses_fallback_flags(void **state)
{
	struct spevirt_host h = make_host(3, 0, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6, 3);
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_TPMS_FALLBACK;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_E_INVAL);
	assert_reason_has(v, "spevirt_config.flags");
	c.flags = SPEVIRT_CFG_UNADVERTISED_LIMIT;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_E_INVAL);
}

struct leak_case {
	const char *rule;
	uint64_t leak;
	unsigned int hv, fgt, opts, gv, flags;
	uint64_t limit;
	enum spevirt_profile profile;
};

#define DFLT	SPEVIRT_PROFILE_DEFAULT

static const struct leak_case leak_cases[] = {
	{ "a lower PMSVer leaks the record format", SPEVIRT_LEAK_RECORD_FORMAT, 3, 1, 0, 2, 0, 0,
	  DFLT },
	{ "a hidden PBT still appears in records", SPEVIRT_LEAK_RECORD_FEATURES, 3, 1, HOST_PBT, 2,
	  0, 0, DFLT },
	{ "a lower PMSVer leaks filter bits", SPEVIRT_LEAK_FILTER_BITS, 2, 0, 0, 1, 0, 0, DFLT },
	{ "a V1P5 host leaks PMSCR_EL1.KE/EE", SPEVIRT_LEAK_PMSCR_EXC, 6, 2, 0, 5, 0, 0, DFLT },
	{ "no FGT leaks PMBIDR_EL1 to a guest without SPE", SPEVIRT_LEAK_PMBIDR_READ, 1, 0, 0, 0,
	  0, 0, DFLT },
	{ "PMCR_EL0.FZS of a V1P2 host", SPEVIRT_LEAK_PMCR_FZS, 3, 1, 0, 0, 0, 0, DFLT },
	{ "an unadvertised limit", SPEVIRT_LEAK_UNADVERTISED_LIMIT, 3, 0, 0, 3,
	  SPEVIRT_CFG_UNADVERTISED_LIMIT, 4096, DFLT },
	{ "FEAT_SPEv1p5 implies SPE_nVM and SPE_EXC: the RFC's V1P5 guest is inconsistent",
	  SPEVIRT_LEAK_ID_INCONSISTENT, 6, 2, 0, 6, 0, 0, SPEVIRT_PROFILE_KVM_RFC_V6 },
	{ "FEAT_SPE_PBT needs FEAT_SPEv1p2: the RFC shows PBT to a V1P1 guest",
	  SPEVIRT_LEAK_ID_INCONSISTENT, 3, 1, HOST_PBT, 2, 0, 0, SPEVIRT_PROFILE_KVM_RFC_V6 },
	{ "pinned memory leaves PMBLIMITR_EL1.PMFZ writable below V1P2", SPEVIRT_LEAK_BUFFER_BITS,
	  3, 1, 0, 2, SPEVIRT_CFG_PINNED_MEMORY, 0, DFLT },
};

static void every_leak_is_produced_and_forbidden(void **state)
{
	uint64_t all = 0;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(leak_cases) / sizeof(leak_cases[0]); i++) {
		const struct leak_case *lc = &leak_cases[i];
		struct spevirt_host h = make_host(lc->hv, lc->fgt, lc->opts);
		struct spevirt_config c = make_cfg(lc->profile, lc->gv);
		struct spevirt_view v;

		c.flags = lc->flags;
		c.max_buffer_size = lc->limit;
		assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
		if (!(v.leaks & lc->leak))
			fail_msg("%s: leaks 0x%llx lack 0x%llx", lc->rule,
				 (unsigned long long)v.leaks, (unsigned long long)lc->leak);
		all |= lc->leak;
		c.flags |= SPEVIRT_CFG_FORBID_LEAKS;
		assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_E_LEAK);
		assert_reason_has(v, "SPEVIRT_LEAK_");
		assert_denies(&h, &v, lc->rule);
	}
	assert_int_equal(all, (1ULL << SPEVIRT_LEAK_COUNT) - 1);
}

/* With every leak but one accepted, FORBID_LEAKS names exactly that one. */
static void forbid_leaks_names_the_one_leak_not_accepted(void **state)
{
	uint64_t all = (1ULL << SPEVIRT_LEAK_COUNT) - 1;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(leak_cases) / sizeof(leak_cases[0]); i++) {
		const struct leak_case *lc = &leak_cases[i];
		struct spevirt_host h = make_host(lc->hv, lc->fgt, lc->opts);
		struct spevirt_config c = make_cfg(lc->profile, lc->gv);
		char name[64];
		struct spevirt_view v;
		unsigned int bit = 0;

		while (!(lc->leak & (1ULL << bit)))
			bit++;
		snprintf(name, sizeof(name), "SPEVIRT_LEAK_%s:", spevirt_leak_name(bit));
		c.flags = lc->flags | SPEVIRT_CFG_FORBID_LEAKS;
		c.max_buffer_size = lc->limit;
		c.accepted_leaks = all & ~lc->leak;
		assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_E_LEAK);
		assert_reason_has(v, name);
	}
}

/* The leaks of a view are exactly those its configuration causes. */
static void each_leak_has_its_cause_and_no_other(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 2);
	struct spevirt_view v;

	(void)state;
	/* Below the host, buffer trapped: PMBLIMITR_EL1.PMFZ is sanitized, no BUFFER_BITS. */
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.leaks, SPEVIRT_LEAK_RECORD_FORMAT | SPEVIRT_LEAK_FILTER_BITS |
				  SPEVIRT_LEAK_PMCR_FZS);
	/* At the host's level, with CRR hidden by the default profile below V1P4. */
	h = make_host(5, 2, HOST_FDS);
	h.pmsidr_el1 |= 1ULL << 25;			/* CRR */
	c.pmsver = 3;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_true(v.leaks & SPEVIRT_LEAK_RECORD_FEATURES);
	/* SME hidden from a guest without SPEv1p1. */
	h = make_host(2, 1, HOST_SME);
	c.pmsver = 1;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_true(v.leaks & SPEVIRT_LEAK_RECORD_FEATURES);
	/* FDS hidden by EL3 at the host's own level: only its filter bit leaks. */
	h = make_host(5, 2, HOST_FDS);
	h.el3_disabled = SPEVIRT_EL3_NO_PMSDSFR;
	c.pmsver = 5;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.leaks, SPEVIRT_LEAK_FILTER_BITS);
	/* Pinned memory at the host's level, SPE_nVM hidden: only BUFFER_BITS. */
	h = make_host(5, 2, HOST_NVM);
	c.flags = SPEVIRT_CFG_PINNED_MEMORY;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.leaks, SPEVIRT_LEAK_BUFFER_BITS);
}

/* FEAT_SPE_SME needs FEAT_SPEv1p1 only: the RFC's V1P1 guest may read SME. */
static void sme_at_v1p1_is_no_id_inconsistency(void **state)
{
	struct spevirt_host h = make_host(3, 1, HOST_SME);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6, 2);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_true(v.pmsidr_el1 & BIT(32));
	assert_false(v.leaks & SPEVIRT_LEAK_ID_INCONSISTENT);
	c.pmsver = 1;			/* V1: SME is above it */
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_true(v.leaks & SPEVIRT_LEAK_ID_INCONSISTENT);
}

static void leak_names_and_descriptions_follow_the_bits(void **state)
{
	(void)state;
	assert_string_equal(spevirt_leak_name(0), "RECORD_FORMAT");
	assert_int_equal(SPEVIRT_LEAK_RECORD_FORMAT, 1ULL << 0);
	assert_string_equal(spevirt_leak_name(5), "PMCR_FZS");
	assert_int_equal(SPEVIRT_LEAK_PMCR_FZS, 1ULL << 5);
	assert_string_equal(spevirt_leak_name(6), "UNADVERTISED_LIMIT");
	assert_string_equal(spevirt_leak_name(7), "ID_INCONSISTENT");
	assert_int_equal(SPEVIRT_LEAK_ID_INCONSISTENT, 1ULL << 7);
	assert_string_equal(spevirt_leak_name(SPEVIRT_LEAK_COUNT - 1), "BUFFER_BITS");
	assert_reason_names(spevirt_leak_describe(4), "PMBIDR_EL1");
	assert_null(spevirt_leak_name(SPEVIRT_LEAK_COUNT));
	assert_null(spevirt_leak_describe(SPEVIRT_LEAK_COUNT));
}

static void forbid_leaks_names_the_first_leak(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 2);
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_FORBID_LEAKS;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_E_LEAK);
	assert_reason_has(v, "SPEVIRT_LEAK_RECORD_FORMAT");
	/* The host's own level leaks nothing. */
	c.pmsver = 3;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.leaks, 0);
}

static void best_offer_is_the_highest_level_the_profile_allows(void **state)
{
	struct spevirt_host h = make_host(6, 2, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_best_offer(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(c.pmsver, SPEVIRT_PMSVER_V1P4);
	assert_int_equal(c.spe_nvm, 1);
	c.profile = SPEVIRT_PROFILE_KVM_RFC_V6;
	c.pmsver = 0;
	assert_status(spevirt_best_offer(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(c.pmsver, SPEVIRT_PMSVER_V1P5);
	assert_int_equal(c.spe_nvm, 0);
}

static void best_offer_takes_pmsver_as_an_upper_bound(void **state)
{
	struct spevirt_host h = make_host(6, 2, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, SPEVIRT_PMSVER_V1P2);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_best_offer(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(c.pmsver, SPEVIRT_PMSVER_V1P2);
	assert_int_equal(c.spe_nvm, 1);
	/* A value above V1P5 bounds nothing. */
	c.pmsver = 9;
	assert_status(spevirt_best_offer(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(c.pmsver, SPEVIRT_PMSVER_V1P4);
}

static void best_offer_without_fgt(void **state)
{
	struct spevirt_host h = make_host(3, 0, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_best_offer(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(c.pmsver, SPEVIRT_PMSVER_V1P2);
	c.profile = SPEVIRT_PROFILE_KVM_RFC_V6;
	assert_status(spevirt_best_offer(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(c.pmsver, 0);
	assert_int_equal(v.mdcr_el2.value & SPEVIRT_MDCR_EL2_TPMS, SPEVIRT_MDCR_EL2_TPMS);
}

static void best_offer_reports_when_nothing_is_possible(void **state)
{
	struct spevirt_host h = make_host(6, 2, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	struct spevirt_view v;

	(void)state;
	/* Every level leaks on a V1P5 host: even no SPE leaks nothing only below V1P2. */
	c.flags = SPEVIRT_CFG_FORBID_LEAKS;
	assert_status(spevirt_best_offer(&h, &c, &v), SPEVIRT_E_LEAK);
	assert_int_equal(c.pmsver, 0);
	assert_status(spevirt_best_offer(&h, NULL, &v), SPEVIRT_E_INVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decisions_agree_with_trap_controls_everywhere),
		cmocka_unit_test(agreement_on_random_hosts),
		cmocka_unit_test(unknown_encodings_get_a_defined_answer),
		cmocka_unit_test(inline_decision_and_read_view_agree_with_spevirt_access),
		cmocka_unit_test(per_register_answers_agree_with_spevirt_access),
		cmocka_unit_test(a_failed_view_fails_closed),
		cmocka_unit_test(no_fgt_host_level_guest_works_without_flags),
		cmocka_unit_test(downgraded_guest_without_fgt_needs_the_tpms_fallback),
		cmocka_unit_test(tpms_fallback_is_unused_with_fgt),
		cmocka_unit_test(unadvertised_limit_without_fgt),
		cmocka_unit_test(unadvertised_limit_is_advertised_with_fgt),
		cmocka_unit_test(kvm_profile_refuses_fallback_flags),
		cmocka_unit_test(every_leak_is_produced_and_forbidden),
		cmocka_unit_test(sme_at_v1p1_is_no_id_inconsistency),
		cmocka_unit_test(leak_names_and_descriptions_follow_the_bits),
		cmocka_unit_test(forbid_leaks_names_the_one_leak_not_accepted),
		cmocka_unit_test(each_leak_has_its_cause_and_no_other),
		cmocka_unit_test(forbid_leaks_names_the_first_leak),
		cmocka_unit_test(best_offer_is_the_highest_level_the_profile_allows),
		cmocka_unit_test(best_offer_takes_pmsver_as_an_upper_bound),
		cmocka_unit_test(best_offer_without_fgt),
		cmocka_unit_test(best_offer_reports_when_nothing_is_possible),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
