// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Every spevirt_status a caller can get, each produced by a real call whose
 * reason names the field at fault; spevirt_strerror never returns NULL.
 */
#include "common.h"

#include <errno.h>
#include <spevirt/spevirt_errno.h>

struct status_case {
	const char *rule;
	enum spevirt_status status;
	const char *field;
	unsigned int host_pmsver, host_fgt;
	struct spevirt_config cfg;
	uint64_t pmbidr_set;
	uint64_t present_pmsidr;	/* non-zero: spevirt_view_present() of this */
};

static const struct status_case status_cases[] = {
	{ "unknown profile", SPEVIRT_E_INVAL, "spevirt_config.profile", 3, 1,
	  { .profile = (enum spevirt_profile)2, .pmsver = 3 }, 0, 0 },
	{ "unknown flag bit", SPEVIRT_E_INVAL, "spevirt_config.flags", 3, 1,
	  { .pmsver = 3, .flags = 1U << 31 }, 0, 0 },
	{ "pmsver wider than the field", SPEVIRT_E_INVAL, "ID_AA64DFR0_EL1.PMSVer", 3, 1,
	  { .pmsver = 16 }, 0, 0 },
	{ "spe_nvm neither 0 nor 1", SPEVIRT_E_INVAL, "ID_AA64DFR2_EL1.SPE_nVM", 3, 1,
	  { .pmsver = 3, .spe_nvm = 2 }, 0, 0 },
	{ "reserved guest pmsver", SPEVIRT_E_PMSVER, "ID_AA64DFR0_EL1.PMSVer", 3, 1,
	  { .pmsver = 7 }, 0, 0 },
	{ "guest SPE on a host without", SPEVIRT_E_HOST_NO_SPE, "PMSVer", 0, 1,
	  { .pmsver = 1 }, 0, 0 },
	{ "nVM on a host without", SPEVIRT_E_NVM, "SPE_nVM", 3, 1,
	  { .pmsver = 3, .spe_nvm = 1 }, 0, 0 },
	{ "limit not representable", SPEVIRT_E_BUFSIZE, "MaxBuffSize", 3, 1,
	  { .pmsver = 3, .max_buffer_size = 4097 }, 0, 0 },
	{ "limit without FGT", SPEVIRT_E_NEED_FGT, "HDFGRTR_EL2.PMBIDR_EL1", 3, 0,
	  { .pmsver = 3, .max_buffer_size = 4096 }, 0, 0 },
	{ "V1P5 host without FGT2", SPEVIRT_E_HOST_INVALID, "ID_AA64MMFR0_EL1.FGT", 6, 1,
	  { .pmsver = 3 }, 0, 0 },
	{ "buffer owned by a higher EL", SPEVIRT_E_HOST_NOT_OWNED, "PMBIDR_EL1.P", 3, 1,
	  { .pmsver = 3 }, BIT(4), 0 },
	{ "a leak with FORBID_LEAKS", SPEVIRT_E_LEAK, "SPEVIRT_LEAK_RECORD_FORMAT", 3, 1,
	  { .pmsver = 2, .flags = SPEVIRT_CFG_FORBID_LEAKS }, 0, 0 },
	{ "presented CountSize not the host's", SPEVIRT_E_MISMATCH, "PMSIDR_EL1.CountSize", 3, 1,
	  { .pmsver = 3 }, 0, 0x47 | (0x4ULL << 8) | (0x6ULL << 12) | (0x3ULL << 16) },
};

static void every_status_with_a_reason_naming_the_field(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(status_cases) / sizeof(status_cases[0]); i++) {
		const struct status_case *c = &status_cases[i];
		struct spevirt_host h = make_host(c->host_pmsver, c->host_fgt, 0);
		struct spevirt_view v;
		enum spevirt_status st;

		h.pmbidr_el1 |= c->pmbidr_set;
		if (c->present_pmsidr)
			st = spevirt_view_present(&h, &c->cfg, c->present_pmsidr,
						  (0x2ULL << 8) | BIT(5), &v);
		else
			st = spevirt_view_compute(&h, &c->cfg, &v);

		if (st != c->status)
			fail_msg("%s: status %d, expected %d", c->rule, st, c->status);
		if (!reason_names(v.reason, c->field))
			fail_msg("%s: reason \"%s\" does not name %s", c->rule,
				 v.reason ? v.reason : "(none)", c->field);
		assert_denies(&h, &v, c->rule);
	}
}

/* The table above reaches every status but SPEVIRT_OK. */
static void the_table_reaches_every_error_status(void **state)
{
	unsigned int seen = 0;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(status_cases) / sizeof(status_cases[0]); i++)
		seen |= 1U << status_cases[i].status;
	assert_int_equal(seen, ((1U << (SPEVIRT_E_MISMATCH + 1)) - 1) & ~1U);
}

static void null_pointers_are_einval(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_view_compute(NULL, &c, &v), SPEVIRT_E_INVAL);
	assert_reason_has(v, "NULL");
	assert_status(spevirt_view_compute(&h, NULL, &v), SPEVIRT_E_INVAL);
	assert_reason_has(v, "NULL");
	assert_status(spevirt_view_compute(&h, &c, NULL), SPEVIRT_E_INVAL);
}

static void success_clears_the_reason(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_view v;

	(void)state;
	v.reason = "stale";
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_null(v.reason);
}

static void strerror_is_distinct_and_never_null(void **state)
{
	int a, b;

	(void)state;
	for (a = SPEVIRT_OK; a <= SPEVIRT_E_MISMATCH; a++) {
		assert_non_null(spevirt_strerror((enum spevirt_status)a));
		for (b = SPEVIRT_OK; b < a; b++)
			assert_string_not_equal(spevirt_strerror((enum spevirt_status)a),
						spevirt_strerror((enum spevirt_status)b));
	}
	assert_string_equal(spevirt_strerror((enum spevirt_status)(SPEVIRT_E_MISMATCH + 1)),
			    "unknown spevirt status");
	assert_string_equal(spevirt_strerror((enum spevirt_status)1000),
			    "unknown spevirt status");
	assert_string_equal(spevirt_strerror((enum spevirt_status)-1), "unknown spevirt status");
}

static void status_values_are_stable(void **state)
{
	(void)state;
	assert_int_equal(SPEVIRT_OK, 0);
	assert_int_equal(SPEVIRT_E_INVAL, 1);
	assert_int_equal(SPEVIRT_E_HOST_NO_SPE, 2);
	assert_int_equal(SPEVIRT_E_HOST_NOT_OWNED, 3);
	assert_int_equal(SPEVIRT_E_HOST_INVALID, 4);
	assert_int_equal(SPEVIRT_E_PMSVER, 5);
	assert_int_equal(SPEVIRT_E_NVM, 6);
	assert_int_equal(SPEVIRT_E_BUFSIZE, 7);
	assert_int_equal(SPEVIRT_E_NEED_FGT, 8);
	assert_int_equal(SPEVIRT_E_LEAK, 9);
	assert_int_equal(SPEVIRT_E_MISMATCH, 10);
}

/* The errno of each status is the one KVM gives for the same condition. */
static void errno_follows_kvm_for_each_status(void **state)
{
	(void)state;
	assert_int_equal(spevirt_errno(SPEVIRT_OK), 0);
	assert_int_equal(spevirt_errno(SPEVIRT_E_INVAL), -EINVAL);
	assert_int_equal(spevirt_errno(SPEVIRT_E_HOST_NO_SPE), -ENXIO);
	assert_int_equal(spevirt_errno(SPEVIRT_E_HOST_NOT_OWNED), -EBUSY);
	assert_int_equal(spevirt_errno(SPEVIRT_E_HOST_INVALID), -EINVAL);
	assert_int_equal(spevirt_errno(SPEVIRT_E_PMSVER), -EINVAL);
	assert_int_equal(spevirt_errno(SPEVIRT_E_NVM), -EINVAL);
	assert_int_equal(spevirt_errno(SPEVIRT_E_BUFSIZE), -EDOM);
	assert_int_equal(spevirt_errno(SPEVIRT_E_NEED_FGT), -ENXIO);
	assert_int_equal(spevirt_errno(SPEVIRT_E_LEAK), -EPERM);
	assert_int_equal(spevirt_errno(SPEVIRT_E_MISMATCH), -EINVAL);
	assert_int_equal(spevirt_errno((enum spevirt_status)(SPEVIRT_E_MISMATCH + 1)), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_status_with_a_reason_naming_the_field),
		cmocka_unit_test(errno_follows_kvm_for_each_status),
		cmocka_unit_test(the_table_reaches_every_error_status),
		cmocka_unit_test(null_pointers_are_einval),
		cmocka_unit_test(success_clears_the_reason),
		cmocka_unit_test(strerror_is_distinct_and_never_null),
		cmocka_unit_test(status_values_are_stable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
