// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * SPEVIRT_PROFILE_KVM_RFC_V6 reproduces the KVM RFC v6 policy bit for bit:
 * compared with a reference model of kvm-spe-rfc.md over randomized and
 * exhaustive hosts, plus named cases for each rule.
 */
#include "model.h"

static void check_against_model(const struct spevirt_host *h, const struct spevirt_config *c,
				const char *what)
{
	struct spevirt_view got, want;
	enum spevirt_status st = spevirt_view_compute(h, c, &got);
	unsigned int cap = model_host_pmsver(h);
	uint16_t field = 0;

	if (c->pmsver > cap) {
		assert_status(st, SPEVIRT_E_PMSVER);
		return;
	}
	if (c->pmsver == 0) {
		assert_status(st, SPEVIRT_OK);
		model_no_spe_guest(h, &want);
		want.id_aa64dfr0_el1.value = 0;
		assert_view_equal(what, &got, &want);
		return;
	}
	if (model_host_fgt(h) == 0) {
		/* v6 traps PMBIDR_EL1 and PMSIDR_EL1 reads, which needs FEAT_FGT. */
		assert_status(st, SPEVIRT_E_NEED_FGT);
		assert_reason_has(got, "FEAT_FGT");
		return;
	}
	assert_status(spevirt_maxbuf_encode(c->max_buffer_size, &field), SPEVIRT_OK);
	if (st != SPEVIRT_OK)
		fail_msg("%s: status %d: %s", what, st, got.reason);
	model_kvm_rfc_v6(h, c, field, &want);
	assert_view_equal(what, &got, &want);
}

static uint64_t random_limit(uint64_t *s, const struct spevirt_host *h)
{
	unsigned int host_field = (unsigned int)((h->pmbidr_el1 >> 32) & 0x3fff);

	if (host_field)
		return spevirt_maxbuf_decode((uint16_t)(1 + rnd_below(s, host_field)));
	if (rnd_below(s, 2))
		return 0;
	return spevirt_maxbuf_decode((uint16_t)rnd_below(s, 0x4000));
}

static void matches_the_rfc_on_200000_random_hosts(void **state)
{
	uint64_t seed = 0x5be5be5be5be5beULL;
	unsigned int i;

	(void)state;
	for (i = 0; i < 200000; i++) {
		struct spevirt_host h = random_valid_host(&seed);
		struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6,
						   rnd_below(&seed, model_host_pmsver(&h) + 1));
		char what[64];

		c.max_buffer_size = random_limit(&seed, &h);
		if (c.pmsver == 0)
			c.max_buffer_size = 0;
		snprintf(what, sizeof(what), "random case %u", i);
		check_against_model(&h, &c, what);
	}
}

static void matches_the_rfc_on_every_level_fgt_and_feature(void **state)
{
	static const uint64_t limits[] = { 0, 4096, 2ULL << 20, 1023ULL << 42 };
	unsigned int hv, fgt, opts, gv, l;

	(void)state;
	for (hv = 1; hv <= 7; hv++)
		for (fgt = 0; fgt <= 3; fgt++)
			for (opts = 0; opts < 32; opts++) {
				struct spevirt_host h = make_host(hv, fgt, opts);

				if (hv >= 6 && fgt < 2)
					continue;
				if ((opts & (HOST_FDS | HOST_NVM)) && fgt < 2)
					continue;
				if (((opts & HOST_FDS) && hv < 5) || ((opts & HOST_PBT) && hv < 3) ||
				    ((opts & HOST_SME) && hv < 2))
					continue;
				for (gv = 0; gv <= 6; gv++)
					for (l = 0; l < 4; l++) {
						struct spevirt_config c =
							make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6, gv);

						c.max_buffer_size = gv ? limits[l] : 0;
						check_against_model(&h, &c, "exhaustive case");
					}
			}
}

static struct spevirt_view kvm_view(struct spevirt_host h, unsigned int pmsver,
				    enum spevirt_status want)
{
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6, pmsver);
	struct spevirt_view v;

	assert_status(spevirt_view_compute(&h, &c, &v), want);
	return v;
}

static void id_registers_are_always_trapped(void **state)
{
	struct spevirt_view v = kvm_view(make_host(3, 1, 0), 3, SPEVIRT_OK);

	(void)state;
	assert_int_equal(v.hdfgrtr_el2.value & (BIT(63) | BIT(30)), BIT(63) | BIT(30));
}

static void fne_hidden_below_v1p2(void **state)
{
	struct spevirt_view v = kvm_view(make_host(3, 1, 0), 2, SPEVIRT_OK);

	(void)state;
	assert_int_equal(v.pmsidr_el1 & BIT(6), 0);
	/* nPMSNEVFR_EL1 traps when 0. */
	assert_int_equal(v.hdfgrtr_el2.mask & BIT(62), BIT(62));
	assert_int_equal(v.hdfgrtr_el2.value & BIT(62), 0);
	assert_int_equal(v.hdfgwtr_el2.value & BIT(62), 0);
}

static void fds_hidden_below_v1p4(void **state)
{
	struct spevirt_view v = kvm_view(make_host(5, 2, HOST_FDS), 4, SPEVIRT_OK);

	(void)state;
	assert_int_equal(v.pmsidr_el1 & BIT(7), 0);
	assert_int_equal(v.hdfgrtr2_el2.mask & BIT(19), BIT(19));
	assert_int_equal(v.hdfgrtr2_el2.value & BIT(19), 0);
}

static void pbt_passes_through_for_a_v1_guest(void **state)
{
	struct spevirt_view v = kvm_view(make_host(3, 1, HOST_PBT), 1, SPEVIRT_OK);

	(void)state;
	/* The RFC clears only FnE and FDS; the default profile also hides PBT. */
	assert_int_equal(v.pmsidr_el1 & BIT(24), BIT(24));
}

static void v1p5_guest_is_offered_without_nvm(void **state)
{
	struct spevirt_view v = kvm_view(make_host(6, 2, 0), 6, SPEVIRT_OK);

	(void)state;
	assert_int_equal(v.id_aa64dfr0_el1.value, 6ULL << 32);
	assert_int_equal(v.id_aa64dfr2_el1.value, 0);
	/* nPMBMAR_EL1 traps when 0; PSB CSYNC is not trapped. */
	assert_int_equal(v.hdfgrtr2_el2.value & BIT(24), 0);
	assert_int_equal(v.hfgitr_el2.mask, BIT(63));
	assert_int_equal(v.hfgitr_el2.value, 0);
	assert_int_equal(v.pmbidr_el1 & GENMASK(7, 6), 0);
}

static void nvm_is_never_offered(void **state)
{
	struct spevirt_host h = make_host(6, 2, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6, 6);
	struct spevirt_view v;

	(void)state;
	c.spe_nvm = 1;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_E_NVM);
	assert_reason_has(v, "SPE_nVM");
}

static void needs_fgt_even_without_a_limit(void **state)
{
	struct spevirt_view v = kvm_view(make_host(3, 0, 0), 3, SPEVIRT_E_NEED_FGT);

	(void)state;
	assert_reason_has(v, "PMBIDR_EL1");
}

static void limit_is_advertised_in_maxbuffsize(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6, 3);
	struct spevirt_view v;

	(void)state;
	c.max_buffer_size = 4ULL << 20;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal((v.pmbidr_el1 >> 32) & 0xffff, 0x0400);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(matches_the_rfc_on_200000_random_hosts),
		cmocka_unit_test(matches_the_rfc_on_every_level_fgt_and_feature),
		cmocka_unit_test(id_registers_are_always_trapped),
		cmocka_unit_test(fne_hidden_below_v1p2),
		cmocka_unit_test(fds_hidden_below_v1p4),
		cmocka_unit_test(pbt_passes_through_for_a_v1_guest),
		cmocka_unit_test(v1p5_guest_is_offered_without_nvm),
		cmocka_unit_test(nvm_is_never_offered),
		cmocka_unit_test(needs_fgt_even_without_a_limit),
		cmocka_unit_test(limit_is_advertised_in_maxbuffsize),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
