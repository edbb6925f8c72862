// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * What a caller embedding the library meets: the version, the ESR_EL2.ISS
 * helper, NULL views, trapped accesses, accepted leaks, the buffer
 * functions' effects on error, and why spevirt_best_offer() refused a level.
 */
#include "common.h"

static enum spevirt_status compute(struct spevirt_host h, struct spevirt_config c,
				   struct spevirt_view *v)
{
	return spevirt_view_compute(&h, &c, v);
}

static void version_macros_match_the_project_version(void **state)
{
	char text[32];

	(void)state;
	snprintf(text, sizeof(text), "%d.%d.%d", SPEVIRT_VERSION_MAJOR, SPEVIRT_VERSION_MINOR,
		 SPEVIRT_VERSION_PATCH);
	assert_string_equal(text, SPEVIRT_PROJECT_VERSION);
	assert_int_equal(SPEVIRT_VERSION, SPEVIRT_VERSION_NUMBER(SPEVIRT_VERSION_MAJOR,
								  SPEVIRT_VERSION_MINOR,
								  SPEVIRT_VERSION_PATCH));
	assert_int_equal(spevirt_version(), SPEVIRT_VERSION);
}

/* ESR_EL2.ISS for EC 0x18 (D24.2.46), built from its field positions. */
static uint32_t iss(unsigned int op0, unsigned int op1, unsigned int crn, unsigned int crm,
		    unsigned int op2, unsigned int rt, bool read)
{
	return op0 << 20 | op2 << 17 | op1 << 14 | crn << 10 | rt << 5 | crm << 1 | (read ? 1 : 0);
}

static void iss_direction_1_is_a_read(void **state)
{
	unsigned int rt = 99, crm, op2;
	bool is_write = true;

	(void)state;
	assert_int_equal(spevirt_sysreg_from_iss(iss(3, 0, 9, 9, 0, 3, true), &rt, &is_write),
			 SPEVIRT_SYSREG_PMSCR_EL1);
	assert_int_equal(rt, 3);
	assert_false(is_write);
	assert_int_equal(spevirt_sysreg_from_iss(iss(3, 0, 9, 10, 7, 30, false), &rt, &is_write),
			 SPEVIRT_SYSREG_PMBIDR_EL1);
	assert_int_equal(rt, 30);
	assert_true(is_write);
	/* Every slot of SPE's block, and fields that must not leak into each other. */
	for (crm = 9; crm <= 10; crm++)
		for (op2 = 0; op2 < 8; op2++)
			assert_int_equal(spevirt_sysreg_from_iss(iss(3, 0, 9, crm, op2, 31, true),
								 NULL, NULL),
					 SPEVIRT_SYSREG(3U, 0U, 9U, crm, op2));
	assert_int_equal(spevirt_sysreg_from_iss(iss(3, 4, 9, 9, 0, 0, true), NULL, NULL),
			 SPEVIRT_SYSREG_PMSCR_EL2);
	/* Bits [24:22] are not part of the encoding. */
	assert_int_equal(spevirt_sysreg_from_iss(iss(3, 0, 9, 9, 7, 0, true) | 7U << 22, NULL,
						 NULL),
			 SPEVIRT_SYSREG_PMSIDR_EL1);
}

static void access_with_a_null_view_fails_closed(void **state)
{
	(void)state;
	assert_int_equal(spevirt_access(NULL, SPEVIRT_SYSREG_PMSCR_EL1, false),
			 SPEVIRT_ACCESS_UNDEF);
	assert_int_equal(spevirt_access(NULL, SPEVIRT_SYSREG_PMBIDR_EL1, true),
			 SPEVIRT_ACCESS_UNDEF);
	assert_int_equal(spevirt_access(NULL, SPEVIRT_SYSREG_PMSCR_EL2, false),
			 SPEVIRT_ACCESS_NOT_SPE);
	assert_false(spevirt_access_trapped(NULL, SPEVIRT_SYSREG_PMSCR_EL1, false));
}

/* Just past SPE's block (CRm 11) and just before it (CRm 8, op2 7): not SPE. */
static void encodings_next_to_the_block_are_not_spe(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(3, 1, 0), make_cfg(SPEVIRT_PROFILE_DEFAULT, 3), &v),
		      SPEVIRT_OK);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG(3U, 0U, 9U, 11U, 0U), false),
			 SPEVIRT_ACCESS_NOT_SPE);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG(3U, 0U, 9U, 8U, 7U), true),
			 SPEVIRT_ACCESS_NOT_SPE);
	assert_false(spevirt_access_trapped(&v, SPEVIRT_SYSREG(3U, 0U, 9U, 11U, 0U), false));
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG(3U, 0U, 9U, 10U, 7U), false),
			 SPEVIRT_ACCESS_UNTRAPPED);
}

static void writes_to_id_registers_never_reach_the_hypervisor(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(3, 1, 0), make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6, 3), &v),
		      SPEVIRT_OK);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSIDR_EL1, true), SPEVIRT_ACCESS_UNDEF);
	assert_false(spevirt_access_trapped(&v, SPEVIRT_SYSREG_PMSIDR_EL1, true));
	assert_true(spevirt_access_trapped(&v, SPEVIRT_SYSREG_PMSIDR_EL1, false));
	/* A hidden PMSDSFR_EL1 on a host without FDS: the hardware UNDEFs it. */
	assert_false(spevirt_access_trapped(&v, SPEVIRT_SYSREG_PMSDSFR_EL1, false));
	/* A hidden PMSNEVFR_EL1 on a host with FnE: the hypervisor injects UNDEF. */
	assert_status(compute(make_host(3, 1, 0), make_cfg(SPEVIRT_PROFILE_DEFAULT, 2), &v),
		      SPEVIRT_OK);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSNEVFR_EL1, true),
			 SPEVIRT_ACCESS_UNDEF);
	assert_true(spevirt_access_trapped(&v, SPEVIRT_SYSREG_PMSNEVFR_EL1, true));
	assert_false(spevirt_access_trapped(&v, SPEVIRT_SYSREG_PMSCR_EL1, true));
	assert_false(spevirt_access_trapped(&v, SPEVIRT_SYSREG_PMSCR_EL2, true));
}

/* Every decision but UNTRAPPED and a hardware UNDEF reaches the hypervisor. */
static void trapped_agrees_with_every_decision(void **state)
{
	unsigned int hv, fgt, gv, slot, w, n = 0;

	(void)state;
	for (hv = 1; hv <= 6; hv++)
		for (fgt = hv == 6 ? 2 : 0; fgt <= 2; fgt++)
			for (gv = 0; gv <= hv && gv <= 4; gv++) {
				struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, gv);
				struct spevirt_view v;

				c.flags = SPEVIRT_CFG_TPMS_FALLBACK;
				if (compute(make_host(hv, fgt, 0), c, &v) != SPEVIRT_OK)
					continue;
				n++;
				for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++)
					for (w = 0; w <= 1; w++) {
						uint32_t sr = SPEVIRT_SYSREG_PMSCR_EL1 + (slot << 5);
						enum spevirt_access d = spevirt_access(&v, sr, w);
						bool t = spevirt_access_trapped(&v, sr, w);

						if (d == SPEVIRT_ACCESS_UNTRAPPED)
							assert_false(t);
						else if (d != SPEVIRT_ACCESS_UNDEF)
							assert_true(t);
					}
			}
	assert_true(n > 20);
}

static void accepted_leaks_pass_forbid_leaks(void **state)
{
	struct spevirt_host h = make_host(3, 1, HOST_PBT);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_FORBID_LEAKS;
	/* A guest without SPE on a V1P2 host: only PMCR_EL0.FZS, which the caller traps. */
	assert_status(compute(h, c, &v), SPEVIRT_E_LEAK);
	assert_reason_has(v, "SPEVIRT_LEAK_PMCR_FZS");
	c.accepted_leaks = SPEVIRT_LEAK_PMCR_FZS;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	assert_int_equal(v.leaks, SPEVIRT_LEAK_PMCR_FZS);
	/* The reason names the lowest leak not accepted. */
	c.pmsver = 2;
	c.accepted_leaks = SPEVIRT_LEAK_RECORD_FORMAT;
	assert_status(compute(h, c, &v), SPEVIRT_E_LEAK);
	assert_reason_has(v, "SPEVIRT_LEAK_RECORD_FEATURES");
	c.accepted_leaks = (1ULL << SPEVIRT_LEAK_COUNT) - 1;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	/* Without the flag nothing is refused, whatever is accepted. */
	c.flags = 0;
	c.accepted_leaks = 0;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	c.accepted_leaks = 1ULL << SPEVIRT_LEAK_COUNT;
	assert_status(compute(h, c, &v), SPEVIRT_E_INVAL);
	assert_reason_has(v, "spevirt_config.accepted_leaks");
}

static void buffer_errors_zero_the_effect_and_say_why(void **state)
{
	struct spevirt_buffer b = { 0 };
	struct spevirt_buffer_effect e;
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(3, 1, 0), make_cfg(SPEVIRT_PROFILE_DEFAULT, 3), &v),
		      SPEVIRT_OK);
	memset(&e, 0xff, sizeof(e));
	assert_status(spevirt_buffer_access(&v, &b, SPEVIRT_SYSREG_PMSCR_EL1, false, 0, &b, &e),
		      SPEVIRT_E_INVAL);
	assert_reason_names(e.reason, "PMBLIMITR_EL1");
	assert_false(e.undef || e.ignored || e.program || e.running || e.event || e.irq);
	assert_int_equal(e.read_value, 0);
	memset(&e, 0xff, sizeof(e));
	assert_status(spevirt_buffer_access(NULL, &b, SPEVIRT_SYSREG_PMBSR_EL1, false, 0, &b, &e),
		      SPEVIRT_E_INVAL);
	assert_reason_names(e.reason, "NULL");
	assert_false(e.irq);
	memset(&e, 0xff, sizeof(e));
	assert_status(spevirt_buffer_hw_event(&v, &b, 0, 0, &b, &e), SPEVIRT_E_INVAL);
	assert_reason_names(e.reason, "S = 0");
	assert_status(spevirt_buffer_abort(&v, &b, 3, 4, &b, &e), SPEVIRT_E_INVAL);
	assert_reason_names(e.reason, "stage");
	assert_status(spevirt_buffer_abort(&v, &b, 1, 0x3f, &b, &e), SPEVIRT_E_INVAL);
	assert_reason_names(e.reason, "fsc");
	assert_status(spevirt_buffer_abort(NULL, &b, 1, 4, &b, &e), SPEVIRT_E_INVAL);
	assert_reason_names(e.reason, "NULL");
	/* Success: no reason; an undef access says why. */
	assert_status(spevirt_buffer_access(&v, &b, SPEVIRT_SYSREG_PMBSR_EL1, false, 0, &b, &e),
		      SPEVIRT_OK);
	assert_null(e.reason);
	assert_status(spevirt_buffer_access(&v, &b, SPEVIRT_SYSREG_PMBMAR_EL1, false, 0, &b, &e),
		      SPEVIRT_OK);
	assert_true(e.undef);
	assert_non_null(e.reason);
}

/* Every field of the effect is set on every return: a write reads nothing. */
static void effects_start_from_zero(void **state)
{
	struct spevirt_buffer b = { .pmbptr_el1 = 0x10000 };
	struct spevirt_buffer_effect e;
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(3, 1, 0), make_cfg(SPEVIRT_PROFILE_DEFAULT, 3), &v),
		      SPEVIRT_OK);
	memset(&e, 0xff, sizeof(e));
	assert_status(spevirt_buffer_access(&v, &b, SPEVIRT_SYSREG_PMBPTR_EL1, true, 0x20000, &b,
					    &e), SPEVIRT_OK);
	assert_int_equal(e.read_value, 0);
	assert_false(e.undef || e.ignored || e.program || e.running || e.event || e.irq);
	assert_null(e.reason);
	memset(&e, 0xff, sizeof(e));
	assert_status(spevirt_buffer_hw_event(&v, &b, SPEVIRT_PMBSR_EL1_S, 0x20000, &b, &e),
		      SPEVIRT_OK);
	assert_int_equal(e.read_value, 0);
	assert_false(e.undef || e.ignored || e.program || e.running);
	assert_true(e.event && e.irq);
	assert_null(e.reason);
	memset(&e, 0xff, sizeof(e));
	assert_status(spevirt_buffer_abort(&v, &b, 2, 4, &b, &e), SPEVIRT_OK);
	assert_int_equal(e.read_value, 0);
	assert_null(e.reason);
}

static void best_offer_refuses_an_unrepresentable_limit(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	struct spevirt_view v;

	(void)state;
	c.max_buffer_size = 5000;
	c.spe_nvm = 1;
	v.pmsidr_el1 = 1;
	assert_status(spevirt_best_offer(&h, &c, &v), SPEVIRT_E_BUFSIZE);
	assert_reason_has(v, "max_buffer_size");
	assert_int_equal(c.pmsver, 0);
	assert_int_equal(c.spe_nvm, 0);
	assert_denies(&h, &v, "unrepresentable limit");	/* nothing stale is left */
	c.max_buffer_size = 4096;
	c.flags = SPEVIRT_CFG_PINNED_MEMORY;
	assert_status(spevirt_best_offer(&h, &c, &v), SPEVIRT_E_BUFSIZE);
	assert_reason_has(v, "SPEVIRT_CFG_PINNED_MEMORY");
	c.flags = 1U << 30;
	assert_status(spevirt_best_offer(&h, &c, &v), SPEVIRT_E_INVAL);
}

static void best_offer_report_says_why_each_level_was_refused(void **state)
{
	struct spevirt_host h = make_host(3, 0, 0);	/* Armv8.7 SPE, no FEAT_FGT */
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	struct spevirt_offer_report r;
	struct spevirt_view v;
	unsigned int i;

	(void)state;
	c.max_buffer_size = 4ULL << 20;
	assert_status(spevirt_best_offer_report(&h, &c, &v, &r), SPEVIRT_OK);
	assert_int_equal(c.pmsver, 0);
	/* V1P5 down to IMP, SPE_nVM 1 then 0: twelve attempts, each refused. */
	assert_int_equal(r.nr_attempts, SPEVIRT_MAX_ATTEMPTS);
	assert_int_equal(r.attempts[0].pmsver, SPEVIRT_PMSVER_V1P5);
	assert_int_equal(r.attempts[0].spe_nvm, 1);
	assert_int_equal(r.attempts[0].status, SPEVIRT_E_PMSVER);
	for (i = 0; i < r.nr_attempts; i++) {
		assert_int_not_equal(r.attempts[i].status, SPEVIRT_OK);
		assert_non_null(r.attempts[i].reason);
	}
	/* The host's own level, V1P2 without nVM, needs the limit advertised. */
	assert_int_equal(r.attempts[7].pmsver, SPEVIRT_PMSVER_V1P2);
	assert_int_equal(r.attempts[7].spe_nvm, 0);
	assert_int_equal(r.attempts[7].status, SPEVIRT_E_NEED_FGT);
	assert_reason_names(r.attempts[7].reason, "MaxBuffSize must show the buffer limit");
	/* With the fallback the host's level is offered, and is the last attempt. */
	c.pmsver = 0;
	c.flags = SPEVIRT_CFG_UNADVERTISED_LIMIT;
	assert_status(spevirt_best_offer_report(&h, &c, &v, &r), SPEVIRT_OK);
	assert_int_equal(c.pmsver, SPEVIRT_PMSVER_V1P2);
	assert_int_equal(r.attempts[r.nr_attempts - 1].status, SPEVIRT_OK);
	assert_int_equal(r.nr_attempts, 8);
}

static void kvm_profile_reasons_name_its_own_rule(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(3, 0, 0), make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6, 3), &v),
		      SPEVIRT_E_NEED_FGT);
	assert_reason_has(v, "the KVM RFC v6 profile traps them for every guest with SPE");
	if (strstr(v.reason, "SPEVIRT_CFG_"))
		fail_msg("the RFC profile has no fallback, yet the reason offers one: %s", v.reason);
}

static void a_pmsidr_with_res0_bits_is_trapped_and_says_so(void **state)
{
	struct spevirt_host h = make_host(3, 0, 0);
	struct spevirt_view v;

	(void)state;
	h.pmsidr_el1 |= 1ULL << 40;
	assert_status(compute(h, make_cfg(SPEVIRT_PROFILE_DEFAULT, 3), &v), SPEVIRT_E_NEED_FGT);
	assert_reason_has(v, "RES0 bits");
	h.pmsidr_el1 &= ~(1ULL << 40);
	h.pmbidr_el1 |= 1ULL << 20;
	assert_status(compute(h, make_cfg(SPEVIRT_PROFILE_DEFAULT, 3), &v), SPEVIRT_E_NEED_FGT);
	assert_reason_has(v, "PMBIDR_EL1 has RES0 bits");
}

/*
 * Outputs that overlap inputs are refused (SPEVIRT_E_INVAL): a view computed
 * over its own host would read what it has just written.
 */
static void outputs_overlapping_inputs_are_einval(void **state)
{
	union {
		struct spevirt_view v;
		struct spevirt_host h;
		struct spevirt_config c;
		struct spevirt_migration m;
	} u;
	struct spevirt_host h = make_host(3, 1, 0), hosts[2];
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_view v, views[2];
	struct spevirt_migration m;
	struct spevirt_pool p;

	(void)state;
	u.h = h;
	assert_status(spevirt_view_compute(&u.h, &c, &u.v), SPEVIRT_E_INVAL);
	assert_reason_has(u.v, "overlaps");
	assert_denies(NULL, &u.v, "view over its host");
	u.c = c;
	assert_status(spevirt_view_present(&h, &u.c, 0, 0, &u.v), SPEVIRT_E_INVAL);
	assert_reason_has(u.v, "overlaps");
	u.c = c;
	assert_status(spevirt_best_offer(&h, &u.c, &u.v), SPEVIRT_E_INVAL);
	assert_reason_has(u.v, "overlaps");
	assert_denies(&h, &u.v, "best offer over its configuration");
	/* The same objects apart are accepted. */
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	u.v = v;
	assert_status(spevirt_migrate_check(&u.v, &c, &h, &v, &u.m), SPEVIRT_E_INVAL);
	assert_reason_has(v, "overlaps");
	assert_status(spevirt_migrate_check(&v, &c, &h, &u.v, &u.m), SPEVIRT_E_INVAL);
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_status(spevirt_migrate_check(&v, &c, &h, &u.v, &m), SPEVIRT_OK);
	hosts[0] = h;
	hosts[1] = h;
	assert_status(spevirt_pool_compute(hosts, 2, &c, &p, (struct spevirt_view *)hosts),
		      SPEVIRT_E_INVAL);
	assert_reason_names(p.reason, "overlap");
	assert_status(spevirt_pool_compute(hosts, 2, &c, &p, views), SPEVIRT_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(version_macros_match_the_project_version),
		cmocka_unit_test(iss_direction_1_is_a_read),
		cmocka_unit_test(access_with_a_null_view_fails_closed),
		cmocka_unit_test(encodings_next_to_the_block_are_not_spe),
		cmocka_unit_test(writes_to_id_registers_never_reach_the_hypervisor),
		cmocka_unit_test(trapped_agrees_with_every_decision),
		cmocka_unit_test(accepted_leaks_pass_forbid_leaks),
		cmocka_unit_test(buffer_errors_zero_the_effect_and_say_why),
		cmocka_unit_test(effects_start_from_zero),
		cmocka_unit_test(best_offer_refuses_an_unrepresentable_limit),
		cmocka_unit_test(best_offer_report_says_why_each_level_was_refused),
		cmocka_unit_test(kvm_profile_reasons_name_its_own_rule),
		cmocka_unit_test(a_pmsidr_with_res0_bits_is_trapped_and_says_so),
		cmocka_unit_test(outputs_overlapping_inputs_are_einval),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
