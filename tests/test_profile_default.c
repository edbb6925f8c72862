// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * SPEVIRT_PROFILE_DEFAULT: an architecturally consistent guest view with the
 * fewest traps (spec section 3, docs/policy.md).
 */
#include "model.h"

static enum spevirt_status compute(struct spevirt_host h, struct spevirt_config c,
				   struct spevirt_view *v)
{
	return spevirt_view_compute(&h, &c, v);
}

static struct spevirt_config dflt(unsigned int pmsver)
{
	return make_cfg(SPEVIRT_PROFILE_DEFAULT, pmsver);
}

static void no_id_trap_for_a_no_limit_guest_at_the_host_level(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(3, 1, 0), dflt(3), &v), SPEVIRT_OK);
	assert_int_equal(v.hdfgrtr_el2.mask & (BIT(63) | BIT(30)), BIT(63) | BIT(30));
	assert_int_equal(v.hdfgrtr_el2.value & (BIT(63) | BIT(30)), 0);
	assert_int_equal(v.pmsidr_el1, make_host(3, 1, 0).pmsidr_el1);
}

static void works_without_fgt_when_nothing_differs(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(3, 0, 0), dflt(3), &v), SPEVIRT_OK);
	assert_int_equal(v.hdfgrtr_el2.mask | v.hdfgwtr_el2.mask | v.hdfgrtr2_el2.mask |
			 v.hdfgwtr2_el2.mask | v.hfgitr_el2.mask, 0);
	assert_int_equal(v.mdcr_el2.value, 2ULL << 12);
}

static void pmbidr_trapped_when_a_limit_is_advertised(void **state)
{
	struct spevirt_config c = dflt(3);
	struct spevirt_view v;

	(void)state;
	c.max_buffer_size = 4ULL << 20;
	assert_status(compute(make_host(3, 1, 0), c, &v), SPEVIRT_OK);
	assert_int_equal(v.hdfgrtr_el2.value & BIT(63), BIT(63));
	assert_int_equal(v.hdfgrtr_el2.value & BIT(30), 0);
	assert_int_equal((v.pmbidr_el1 >> 32) & 0xffff, 0x0400);
}

static void a_limit_without_fgt_needs_fgt_naming_pmbidr(void **state)
{
	struct spevirt_config c = dflt(3);
	struct spevirt_view v;

	(void)state;
	c.max_buffer_size = 4ULL << 20;
	assert_status(compute(make_host(3, 0, 0), c, &v), SPEVIRT_E_NEED_FGT);
	assert_reason_has(v, "HDFGRTR_EL2.PMBIDR_EL1");
	{
		struct spevirt_host h = make_host(3, 0, 0);

		assert_denies(&h, &v, "limit without FGT");
	}
}

static void fne_hidden_below_v1p2_traps_pmsidr_and_pmsnevfr(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(3, 1, 0), dflt(2), &v), SPEVIRT_OK);
	assert_int_equal(v.pmsidr_el1 & BIT(6), 0);
	assert_int_equal(v.hdfgrtr_el2.value & BIT(30), BIT(30));
	/* nPMSNEVFR traps when 0. */
	assert_int_equal(v.hdfgrtr_el2.value & BIT(62), 0);
	assert_int_equal(v.hdfgwtr_el2.value & BIT(62), 0);
}

static void hidden_fne_without_fgt_needs_fgt(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(3, 0, 0), dflt(2), &v), SPEVIRT_E_NEED_FGT);
	assert_reason_has(v, "PMSNEVFR_EL1");
}

static void fds_hidden_below_v1p4(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(5, 2, HOST_FDS), dflt(4), &v), SPEVIRT_OK);
	assert_int_equal(v.pmsidr_el1 & BIT(7), 0);
	assert_int_equal(v.hdfgrtr2_el2.value & BIT(19), 0);
	assert_int_equal(v.hdfgwtr2_el2.value & BIT(19), 0);
	assert_int_equal(v.hdfgrtr_el2.value & BIT(30), BIT(30));
}

static void fds_reaches_a_v1p4_guest_untrapped(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(5, 2, HOST_FDS), dflt(5), &v), SPEVIRT_OK);
	assert_int_equal(v.pmsidr_el1 & BIT(7), BIT(7));
	assert_int_equal(v.hdfgrtr2_el2.value & BIT(19), BIT(19));
	assert_int_equal(v.hdfgrtr_el2.value & BIT(30), 0);
}

static void pbt_hidden_below_v1p2(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(3, 1, HOST_PBT), dflt(2), &v), SPEVIRT_OK);
	assert_int_equal(v.pmsidr_el1 & BIT(24), 0);
}

static void crr_hidden_below_v1p4(void **state)
{
	struct spevirt_host h = make_host(5, 1, 0);
	struct spevirt_view v;

	(void)state;
	h.pmsidr_el1 |= BIT(25);
	assert_status(compute(h, dflt(4), &v), SPEVIRT_OK);
	assert_int_equal(v.pmsidr_el1 & BIT(25), 0);
	assert_status(compute(h, dflt(5), &v), SPEVIRT_OK);
	assert_int_equal(v.pmsidr_el1 & BIT(25), BIT(25));
}

static void sme_hidden_below_v1p1(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(2, 1, HOST_SME), dflt(1), &v), SPEVIRT_OK);
	assert_int_equal(v.pmsidr_el1 & BIT(32), 0);
	assert_status(compute(make_host(2, 1, HOST_SME), dflt(2), &v), SPEVIRT_OK);
	assert_int_equal(v.pmsidr_el1 & BIT(32), BIT(32));
}

static void v1p5_guest_refused_naming_spe_exc(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(6, 2, 0), dflt(6), &v), SPEVIRT_E_PMSVER);
	assert_reason_has(v, "FEAT_SPE_EXC");
}

static void v1p4_guest_on_a_v1p5_host_leaves_psb_csync_untrapped(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(6, 2, 0), dflt(5), &v), SPEVIRT_OK);
	assert_int_equal(v.hfgitr_el2.mask, BIT(63));
	assert_int_equal(v.hfgitr_el2.value, 0);
	/* CRR is kept at V1P4; nVM is hidden and PMBMAR_EL1 UNDEFs. */
	assert_int_equal(v.pmsidr_el1 & BIT(25), BIT(25));
	assert_int_equal(v.hdfgrtr2_el2.value & BIT(24), 0);
}

static void nvm_guest_gets_addrmode_01_and_envm(void **state)
{
	struct spevirt_config c = dflt(1);
	struct spevirt_view v;

	(void)state;
	c.spe_nvm = 1;
	assert_status(compute(make_host(1, 2, HOST_NVM), c, &v), SPEVIRT_OK);
	assert_int_equal(v.pmbidr_el1 & GENMASK(7, 6), 1ULL << 6);
	assert_int_equal(v.pmscr_el2.mask & BIT(11), BIT(11));
	assert_int_equal(v.pmscr_el2.value, BIT(11));
	assert_int_equal(v.id_aa64dfr2_el1.value, 1ULL << 20);
	/* nPMBMAR_EL1 set: not trapped.  The hardware shows AddrMode 0b01: no PMBIDR trap. */
	assert_int_equal(v.hdfgrtr2_el2.value & BIT(24), BIT(24));
	assert_int_equal(v.hdfgrtr_el2.value & BIT(63), 0);
}

static void nvm_hidden_makes_pmbmar_undef(void **state)
{
	struct spevirt_host h = make_host(1, 2, HOST_NVM);
	struct spevirt_view v;

	(void)state;
	h.pmbidr_el1 |= 1ULL << 6;	/* read at EL2 with EnVM effective 1 */
	assert_status(compute(h, dflt(1), &v), SPEVIRT_OK);
	assert_int_equal(v.pmbidr_el1 & GENMASK(7, 6), 0);
	assert_int_equal(v.pmscr_el2.value, 0);
	assert_int_equal(v.hdfgrtr2_el2.value & BIT(24), 0);
	assert_int_equal(v.hdfgwtr2_el2.value & BIT(24), 0);
	/* EnVM = 0 makes the hardware read AddrMode 0b00 too: no PMBIDR trap. */
	assert_int_equal(v.hdfgrtr_el2.value & BIT(63), 0);
}

static void nvm_refused_without_host_nvm(void **state)
{
	struct spevirt_config c = dflt(1);
	struct spevirt_view v;

	(void)state;
	c.spe_nvm = 1;
	assert_status(compute(make_host(1, 2, 0), c, &v), SPEVIRT_E_NVM);
	assert_reason_has(v, "SPE_nVM");
}

static void nvm_refused_for_a_guest_without_spe(void **state)
{
	struct spevirt_config c = dflt(0);
	struct spevirt_view v;

	(void)state;
	c.spe_nvm = 1;
	assert_status(compute(make_host(1, 2, HOST_NVM), c, &v), SPEVIRT_E_NVM);
	assert_reason_has(v, "FEAT_SPE_nVM requires FEAT_SPE");
}

static void pmsver_above_the_host_is_refused(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(2, 1, 0), dflt(3), &v), SPEVIRT_E_PMSVER);
	assert_reason_has(v, "PMSVer");
}

static void res0_bits_of_the_host_never_reach_the_guest(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_view v;

	(void)state;
	h.pmsidr_el1 |= BIT(40);
	h.pmbidr_el1 |= BIT(50) | BIT(20);
	assert_status(compute(h, dflt(3), &v), SPEVIRT_OK);
	assert_int_equal(v.pmsidr_el1 & GENMASK(63, 33), 0);
	assert_int_equal(v.pmbidr_el1 & (GENMASK(63, 48) | GENMASK(31, 12)), 0);
	/* The hardware would show those bits: both reads must be trapped. */
	assert_int_equal(v.hdfgrtr_el2.value & (BIT(63) | BIT(30)), BIT(63) | BIT(30));
}

static void future_host_pmsver_is_treated_as_v1p5(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(9, 2, 0), dflt(5), &v), SPEVIRT_OK);
	assert_int_equal(v.hfgitr_el2.mask, BIT(63));
	assert_status(compute(make_host(9, 2, 0), dflt(7), &v), SPEVIRT_E_PMSVER);
	assert_reason_has(v, "reserved");
}

static void host_limit_bounds_the_guest_limit(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = dflt(3);
	struct spevirt_view v;

	(void)state;
	h.pmbidr_el1 |= 0x0400ULL << 32;	/* 4 MiB */
	c.max_buffer_size = 0;
	assert_status(compute(h, c, &v), SPEVIRT_E_BUFSIZE);
	assert_reason_has(v, "must be non-zero");
	c.max_buffer_size = 8ULL << 20;
	assert_status(compute(h, c, &v), SPEVIRT_E_BUFSIZE);
	assert_reason_has(v, "above the host's");
	c.max_buffer_size = 4ULL << 20;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	/* Same limit as the hardware shows: no trap needed. */
	assert_int_equal(v.hdfgrtr_el2.value & BIT(63), 0);
	c.max_buffer_size = 2ULL << 20;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	assert_int_equal(v.hdfgrtr_el2.value & BIT(63), BIT(63));
}

static void unrepresentable_limit_is_refused(void **state)
{
	struct spevirt_config c = dflt(3);
	struct spevirt_view v;

	(void)state;
	c.max_buffer_size = 5000;
	assert_status(compute(make_host(3, 1, 0), c, &v), SPEVIRT_E_BUFSIZE);
	assert_reason_has(v, "PMBIDR_EL1.MaxBuffSize");
}

static void limit_is_ignored_for_a_guest_without_spe(void **state)
{
	struct spevirt_config c = dflt(0);
	struct spevirt_view v;

	(void)state;
	c.max_buffer_size = 5000;
	assert_status(compute(make_host(3, 1, 0), c, &v), SPEVIRT_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_id_trap_for_a_no_limit_guest_at_the_host_level),
		cmocka_unit_test(works_without_fgt_when_nothing_differs),
		cmocka_unit_test(pmbidr_trapped_when_a_limit_is_advertised),
		cmocka_unit_test(a_limit_without_fgt_needs_fgt_naming_pmbidr),
		cmocka_unit_test(fne_hidden_below_v1p2_traps_pmsidr_and_pmsnevfr),
		cmocka_unit_test(hidden_fne_without_fgt_needs_fgt),
		cmocka_unit_test(fds_hidden_below_v1p4),
		cmocka_unit_test(fds_reaches_a_v1p4_guest_untrapped),
		cmocka_unit_test(pbt_hidden_below_v1p2),
		cmocka_unit_test(crr_hidden_below_v1p4),
		cmocka_unit_test(sme_hidden_below_v1p1),
		cmocka_unit_test(v1p5_guest_refused_naming_spe_exc),
		cmocka_unit_test(v1p4_guest_on_a_v1p5_host_leaves_psb_csync_untrapped),
		cmocka_unit_test(nvm_guest_gets_addrmode_01_and_envm),
		cmocka_unit_test(nvm_hidden_makes_pmbmar_undef),
		cmocka_unit_test(nvm_refused_without_host_nvm),
		cmocka_unit_test(nvm_refused_for_a_guest_without_spe),
		cmocka_unit_test(pmsver_above_the_host_is_refused),
		cmocka_unit_test(res0_bits_of_the_host_never_reach_the_guest),
		cmocka_unit_test(future_host_pmsver_is_treated_as_v1p5),
		cmocka_unit_test(host_limit_bounds_the_guest_limit),
		cmocka_unit_test(unrepresentable_limit_is_refused),
		cmocka_unit_test(limit_is_ignored_for_a_guest_without_spe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
