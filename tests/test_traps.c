// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Trap controls (spec section 4): polarity, which bits exist on which host,
 * guests without SPE, and the invariants every view keeps, swept over every
 * guest PMSVer x host PMSVer x FGT level x SPE_nVM x profile.
 */
#include "model.h"

static void guest_without_spe_undefs_every_spe_register(void **state)
{
	static const unsigned int hosts[][3] = {
		{ 1, 1, 0 }, { 3, 1, 0 }, { 5, 2, HOST_FDS }, { 6, 2, 0 }, { 3, 2, HOST_NVM },
	};
	size_t i;
	int p;

	(void)state;
	for (p = 0; p <= 1; p++)
		for (i = 0; i < sizeof(hosts) / sizeof(hosts[0]); i++) {
			struct spevirt_host h = make_host(hosts[i][0], hosts[i][1], hosts[i][2]);
			struct spevirt_config c = make_cfg((enum spevirt_profile)p, 0);
			struct spevirt_view got, want;

			assert_status(spevirt_view_compute(&h, &c, &got), SPEVIRT_OK);
			model_no_spe_guest(&h, &want);
			assert_view_equal("guest without SPE", &got, &want);
		}
}

static void guest_without_spe_mdcr_tpms_1_e2pb_00(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.mdcr_el2.mask, SPEVIRT_MDCR_EL2_TPMS | SPEVIRT_MDCR_EL2_E2PB);
	assert_int_equal(v.mdcr_el2.value, SPEVIRT_MDCR_EL2_TPMS);
	assert_int_equal(v.pmsidr_el1, 0);
	assert_int_equal(v.pmbidr_el1, 0);
}

static void guest_without_spe_needs_no_fgt(void **state)
{
	struct spevirt_host h = make_host(3, 0, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6, 0);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.hdfgrtr_el2.mask, 0);
	assert_int_equal(v.mdcr_el2.value, SPEVIRT_MDCR_EL2_TPMS);
}

static void guest_with_spe_owns_the_buffer_e2pb_10_tpms_0(void **state)
{
	struct spevirt_host h = make_host(1, 0, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 1);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.mdcr_el2.value,
			 SPEVIRT_MDCR_EL2_E2PB_EL1_TRAP << SPEVIRT_MDCR_EL2_E2PB_SHIFT);
}

static void negative_bits_are_set_when_not_trapping(void **state)
{
	struct spevirt_host h = make_host(6, 2, HOST_FDS);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 5);
	struct spevirt_view v;

	(void)state;
	c.spe_nvm = 1;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.hdfgrtr_el2.value, SPEVIRT_HDFGRTR_EL2_NPMSNEVFR_EL1);
	assert_int_equal(v.hdfgwtr_el2.value, SPEVIRT_HDFGWTR_EL2_NPMSNEVFR_EL1);
	assert_int_equal(v.hdfgrtr2_el2.value,
			 SPEVIRT_HDFGRTR2_EL2_NPMBMAR_EL1 | SPEVIRT_HDFGRTR2_EL2_NPMSDSFR_EL1);
	assert_int_equal(v.hdfgwtr2_el2.value,
			 SPEVIRT_HDFGWTR2_EL2_NPMBMAR_EL1 | SPEVIRT_HDFGWTR2_EL2_NPMSDSFR_EL1);
}

static void fgt2_bits_absent_without_fgt2(void **state)
{
	struct spevirt_host h = make_host(4, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 4);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.hdfgrtr2_el2.mask, 0);
	assert_int_equal(v.hdfgwtr2_el2.mask, 0);
}

static void fgt2_bits_absent_without_their_features(void **state)
{
	struct spevirt_host h = make_host(4, 2, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 4);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.hdfgrtr2_el2.mask, 0);
	/* No EnVM, KE or EE without FEAT_SPE_nVM and FEAT_SPE_EXC; PCT bit 7 needs FEAT_ECV. */
	assert_int_equal(v.pmscr_el2.mask, BIT(6) | BIT(4) | BIT(3));
}

static void npmsnevfr_absent_without_fne(void **state)
{
	struct spevirt_host h = make_host(2, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 2);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.hdfgrtr_el2.mask & BIT(62), 0);
	assert_int_equal(v.hdfgrtr_el2.mask, BIT(63) | GENMASK(32, 23));
	assert_int_equal(v.hdfgwtr_el2.mask, BIT(32) | BIT(31) | GENMASK(29, 23));
	assert_int_equal(v.hfgitr_el2.mask, 0);
}

static void host_without_spe_owns_nothing_but_the_id_fields(void **state)
{
	struct spevirt_host h = make_host(0, 2, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.mdcr_el2.mask | v.pmscr_el2.mask | v.hdfgrtr_el2.mask |
			 v.hdfgwtr_el2.mask | v.hdfgrtr2_el2.mask | v.hdfgwtr2_el2.mask |
			 v.hfgitr_el2.mask, 0);
	assert_int_equal(v.id_aa64dfr0_el1.mask, SPEVIRT_ID_AA64DFR0_EL1_PMSVER);
	assert_int_equal(v.id_aa64dfr0_el1.value, 0);
}

/* Properties every successful view has. */
/* The TPMS fallback on a host without FEAT_FGT: set exactly when a TPMS-trappable access needs a trap. */
static void tpms_fallback_only_when_a_sampling_access_needs_a_trap(void **state)
{
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_host h = make_host(3, 0, 0);
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_TPMS_FALLBACK;
	/* Nothing to hide: no trap, the sampling registers stay untrapped. */
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.mdcr_el2.value & BIT(14), 0);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSCR_EL1, true),
			 SPEVIRT_ACCESS_UNTRAPPED);
	/* FnE hidden: PMSNEVFR_EL1 must UNDEF in both directions. */
	c.pmsver = 2;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.mdcr_el2.value & BIT(14), BIT(14));
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSCR_EL1, true),
			 SPEVIRT_ACCESS_FORWARD);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSNEVFR_EL1, false),
			 SPEVIRT_ACCESS_UNDEF);
	/* A read-only need: PMSIDR_EL1 reads, with RES0 bits the guest must not see. */
	c.pmsver = 3;
	h.pmsidr_el1 |= BIT(40);
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.mdcr_el2.value & BIT(14), BIT(14));
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSIDR_EL1, false),
			 SPEVIRT_ACCESS_READ_VIEW);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSICR_EL1, false),
			 SPEVIRT_ACCESS_FORWARD);
	/* PMBIDR_EL1 is not TPMS-trappable: a limit still needs FEAT_FGT. */
	h.pmsidr_el1 &= ~BIT(40);
	c.max_buffer_size = 1ULL << 22;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_E_NEED_FGT);
}

/* A trap the host cannot make is refused before any leak is looked at. */
static void need_fgt_comes_before_leak(void **state)
{
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 2);
	struct spevirt_host h = make_host(3, 0, 0);
	struct spevirt_view v;

	(void)state;
	/* Below the host, without FGT: FnE cannot be hidden, and the records leak. */
	c.flags = SPEVIRT_CFG_FORBID_LEAKS;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_E_NEED_FGT);
	c.flags = SPEVIRT_CFG_FORBID_LEAKS | SPEVIRT_CFG_TPMS_FALLBACK;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_E_LEAK);
}

static void host_without_spe_has_no_leaks(void **state)
{
	struct spevirt_host h = make_host(0, 0, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_FORBID_LEAKS;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.leaks, 0);
	/* A guest without SPE on a V1P2 host: PMCR_FZS is its one leak, and the reason. */
	h = make_host(3, 1, HOST_PBT);
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_E_LEAK);
	assert_reason_has(v, "SPEVIRT_LEAK_PMCR_FZS");
	c.flags = 0;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(v.leaks, SPEVIRT_LEAK_PMCR_FZS);
}

static void check_invariants(const struct spevirt_host *h, const struct spevirt_view *v)
{
	const struct spevirt_regmask *rm[] = VIEW_REGMASKS(v);
	size_t i;

	for (i = 0; i < sizeof(rm) / sizeof(rm[0]); i++)
		if (rm[i]->value & ~rm[i]->mask)
			fail_msg("regmask %zu: value 0x%llx outside mask 0x%llx", i,
				 (unsigned long long)rm[i]->value, (unsigned long long)rm[i]->mask);
	assert_int_equal(v->hdfgrtr_el2.mask & SPEVIRT_HDFGRTR_EL2_RES0, 0);
	assert_int_equal(v->hdfgwtr_el2.mask & SPEVIRT_HDFGWTR_EL2_RES0, 0);
	assert_int_equal(v->hdfgrtr2_el2.mask & SPEVIRT_HDFGRTR2_EL2_RES0, 0);
	assert_int_equal(v->hdfgwtr2_el2.mask & SPEVIRT_HDFGWTR2_EL2_RES0, 0);
	assert_int_equal(v->pmsidr_el1 & ~h->pmsidr_el1, 0);
	assert_int_equal(v->pmsidr_el1 & SPEVIRT_PMSIDR_EL1_RES0, 0);
	assert_int_equal(v->pmbidr_el1 & SPEVIRT_PMBIDR_EL1_RES0, 0);
	assert_int_equal(v->pmbidr_el1 & SPEVIRT_PMBIDR_EL1_P, 0);
	assert_int_equal(v->pmbidr_el1 & ~h->pmbidr_el1 &
			 ~(SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE | SPEVIRT_PMBIDR_EL1_ADDRMODE), 0);
	if (model_host_fgt(h) == 0)
		assert_int_equal(v->hdfgrtr_el2.mask | v->hdfgwtr_el2.mask | v->hfgitr_el2.mask, 0);
	if (model_host_fgt(h) < 2)
		assert_int_equal(v->hdfgrtr2_el2.mask | v->hdfgwtr2_el2.mask, 0);
	/* PSB CSYNC is never trapped. */
	assert_int_equal(v->hfgitr_el2.value, 0);
}

/* The spec's rules, in the order spevirt applies them, for make_host() hosts. */
static enum spevirt_status expected(unsigned int hv, unsigned int fgt, unsigned int gv,
				    unsigned int nvm, int kvm, uint64_t limit)
{
	unsigned int cap = hv > 6 ? 6 : hv;

	if (gv > 15 || nvm > 1)
		return SPEVIRT_E_INVAL;
	if (gv > 6)
		return SPEVIRT_E_PMSVER;
	if (cap >= 6 && fgt < 2)
		return SPEVIRT_E_HOST_INVALID;	/* SPE_nVM needs FGT2 */
	if (gv && !cap)
		return SPEVIRT_E_HOST_NO_SPE;
	if (!gv)
		return nvm ? SPEVIRT_E_NVM : SPEVIRT_OK;
	if (gv > cap || (!kvm && gv >= 6))
		return SPEVIRT_E_PMSVER;
	if (nvm && (kvm || cap < 6))
		return SPEVIRT_E_NVM;
	if (limit == 4097)
		return SPEVIRT_E_BUFSIZE;
	/* ID reads must be trapped: the RFC always; the default on a limit or hidden FnE. */
	if (!fgt && (kvm || limit || (cap >= 3 && gv < 3)))
		return SPEVIRT_E_NEED_FGT;
	return SPEVIRT_OK;
}

static void sweep_every_level_fgt_nvm_and_profile(void **state)
{
	static const uint64_t limits[] = { 0, 4096, 4097 };
	unsigned int hv, fgt, gv, nvm, l;
	int p;

	(void)state;
	for (p = 0; p <= 1; p++)
		for (hv = 0; hv <= 15; hv++)
			for (fgt = 0; fgt <= 3; fgt++)
				for (gv = 0; gv <= 16; gv++)
					for (nvm = 0; nvm <= 2; nvm++)
						for (l = 0; l < 3; l++) {
		struct spevirt_host h = make_host(hv, fgt, 0);
		struct spevirt_config c = make_cfg((enum spevirt_profile)p, gv);
		struct spevirt_view v, again;
		enum spevirt_status st, want = expected(hv, fgt, gv, nvm, p, limits[l]);

		c.spe_nvm = nvm;
		c.max_buffer_size = limits[l];
		st = spevirt_view_compute(&h, &c, &v);
		if (st != want)
			fail_msg("profile %d host V%u FGT %u guest V%u nVM %u limit %llu: "
				 "status %d, expected %d (%s)", p, hv, fgt, gv, nvm,
				 (unsigned long long)limits[l], st, want,
				 v.reason ? v.reason : "no reason");
		assert_status(spevirt_view_compute(&h, &c, &again), st);
		assert_memory_equal(&v, &again, sizeof(v));
		if (st != SPEVIRT_OK) {
			assert_non_null(v.reason);
			continue;
		}
		assert_null(v.reason);
		check_invariants(&h, &v);
		assert_int_equal(v.id_aa64dfr0_el1.value >> 32, gv);
		assert_int_equal(v.id_aa64dfr2_el1.value >> 20, nvm);
						}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(guest_without_spe_undefs_every_spe_register),
		cmocka_unit_test(guest_without_spe_mdcr_tpms_1_e2pb_00),
		cmocka_unit_test(guest_without_spe_needs_no_fgt),
		cmocka_unit_test(guest_with_spe_owns_the_buffer_e2pb_10_tpms_0),
		cmocka_unit_test(negative_bits_are_set_when_not_trapping),
		cmocka_unit_test(fgt2_bits_absent_without_fgt2),
		cmocka_unit_test(fgt2_bits_absent_without_their_features),
		cmocka_unit_test(npmsnevfr_absent_without_fne),
		cmocka_unit_test(host_without_spe_owns_nothing_but_the_id_fields),
		cmocka_unit_test(sweep_every_level_fgt_nvm_and_profile),
		cmocka_unit_test(tpms_fallback_only_when_a_sampling_access_needs_a_trap),
		cmocka_unit_test(need_fgt_comes_before_leak),
		cmocka_unit_test(host_without_spe_has_no_leaks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
