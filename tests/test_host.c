// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Host validation: host ID values the architecture does not permit are
 * refused with SPEVIRT_E_HOST_INVALID and a reason naming the field; hosts it
 * does permit are accepted.  docs/policy.md lists the same rules.
 */
#include "common.h"

struct host_case {
	const char *rule;
	unsigned int pmsver, fgt, opts;
	uint64_t pmsidr_set, pmsidr_clear;
	uint64_t pmbidr_set;
	uint64_t dfr2_set, dfr2_clear;
	enum spevirt_status status;
	const char *field;	/* what the reason must name */
};

#define PMSIDR_FNE	BIT(6)
#define PMSIDR_FDS	BIT(7)
#define PMSIDR_LDS	BIT(4)
#define PMSIDR_CRR	BIT(25)
#define DFR2_NVM	(1ULL << 20)
#define DFR2_EXC	(1ULL << 16)

static const struct host_case host_cases[] = {
	{ "SPE_nVM without SPE is invalid", 0, 2, 0, 0, 0, 0, DFR2_NVM, 0,
	  SPEVIRT_E_HOST_INVALID, "ID_AA64DFR2_EL1.SPE_nVM" },
	{ "SPE_EXC below V1P5 is invalid", 5, 2, 0, 0, 0, 0, DFR2_EXC, 0,
	  SPEVIRT_E_HOST_INVALID, "ID_AA64DFR2_EL1.SPE_EXC" },
	{ "V1P5 without SPE_EXC is invalid", 6, 2, 0, 0, 0, 0, 0, DFR2_EXC,
	  SPEVIRT_E_HOST_INVALID, "SPE_EXC is 0" },
	{ "V1P5 without SPE_nVM is invalid", 6, 2, 0, 0, 0, 0, 0, DFR2_NVM,
	  SPEVIRT_E_HOST_INVALID, "SPE_nVM is 0" },
	{ "SPE_nVM without FGT2 is invalid", 1, 1, HOST_NVM, 0, 0, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "ID_AA64MMFR0_EL1.FGT" },
	{ "FnE below V1P2 is invalid", 2, 1, 0, PMSIDR_FNE, 0, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.FnE is 1" },
	{ "FnE missing from V1P2 is invalid", 3, 1, 0, 0, PMSIDR_FNE, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.FnE is 0" },
	{ "FDS below V1P4 is invalid", 4, 2, HOST_FDS, 0, 0, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.FDS is 1 with PMSVer" },
	{ "FDS without LDS is invalid", 5, 2, HOST_FDS, 0, PMSIDR_LDS, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "LDS 0" },
	{ "FDS without FGT2 is invalid", 5, 1, HOST_FDS, 0, 0, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.FDS is 1 but ID_AA64MMFR0_EL1.FGT" },
	{ "PBT below V1P2 is invalid", 2, 1, HOST_PBT, 0, 0, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.PBT" },
	{ "CRR below V1P4 is invalid", 4, 1, 0, PMSIDR_CRR, 0, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.CRR is 1" },
	{ "CRR missing at V1P5 is invalid", 6, 2, 0, 0, PMSIDR_CRR, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.CRR is 0" },
	{ "SME below V1P1 is invalid", 1, 1, HOST_SME, 0, 0, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.SME" },
	{ "EFT without FPF is invalid", 1, 1, 0, BIT(26), 0, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.EFT and FPF" },
	{ "FPF without EFT is invalid", 1, 1, 0, BIT(27), 0, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.EFT and FPF" },
	{ "ALTCLK 0b0010 is reserved", 1, 1, 0, 2ULL << 28, 0, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.ALTCLK" },
	{ "Format other than 0 is reserved", 1, 1, 0, 1ULL << 20, 0, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.Format" },
	{ "CountSize 0b0000 is reserved", 1, 1, 0, 0, 0xfULL << 16, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.CountSize" },
	{ "CountSize 0b0001 is reserved", 1, 1, 0, 0x1ULL << 16, 0x2ULL << 16, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.CountSize" },
	{ "MaxSize 0b0101 (32 bytes) is not permitted", 1, 1, 0, 0, 0x3ULL << 12, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.MaxSize" },
	{ "MaxSize 0b1100 is reserved", 1, 1, 0, 0xcULL << 12, 0, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.MaxSize" },
	{ "Interval 0b0001 is reserved", 1, 1, 0, 0x1ULL << 8, 0x4ULL << 8, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.Interval" },
	{ "Interval 0b1001 is reserved", 1, 1, 0, 0x9ULL << 8, 0x4ULL << 8, 0, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMSIDR_EL1.Interval" },
	{ "Align 0b1100 is reserved", 1, 1, 0, 0, 0, 0xc, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMBIDR_EL1.Align" },
	{ "EA 0b0011 is reserved", 1, 1, 0, 0, 0, 0x1ULL << 8, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMBIDR_EL1.EA" },
	{ "AddrMode without SPE_nVM is RES0", 1, 1, 0, 0, 0, 0x1ULL << 6, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMBIDR_EL1.AddrMode is non-zero" },
	{ "AddrMode 0b10 is reserved", 1, 2, HOST_NVM, 0, 0, 0x2ULL << 6, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMBIDR_EL1.AddrMode is 0b10" },
	{ "AddrMode 0b11 is never reported by hardware", 1, 2, HOST_NVM, 0, 0, 0x3ULL << 6, 0, 0,
	  SPEVIRT_E_HOST_INVALID, "PMBIDR_EL1.AddrMode" },
	{ "P = 1 means a higher EL owns the buffer", 1, 1, 0, 0, 0, BIT(4), 0, 0,
	  SPEVIRT_E_HOST_NOT_OWNED, "PMBIDR_EL1.P" },

	{ "AddrMode 0b01 read at EL2 with SPE_nVM is valid", 1, 2, HOST_NVM, 0, 0, 0x1ULL << 6,
	  0, 0, SPEVIRT_OK, NULL },
	{ "Interval 0b0000 (256) is valid", 1, 1, 0, 0, 0x4ULL << 8, 0, 0, 0, SPEVIRT_OK, NULL },
	{ "Interval 0b1000 (4096) is valid", 1, 1, 0, 0x8ULL << 8, 0x4ULL << 8, 0, 0, 0,
	  SPEVIRT_OK, NULL },
	{ "MaxSize 0b1011 (2 KiB) is valid", 1, 1, 0, 0xbULL << 12, 0x6ULL << 12, 0, 0, 0,
	  SPEVIRT_OK, NULL },
	{ "Align 0b1011 (2 KiB) is valid", 1, 1, 0, 0, 0, 0xb, 0, 0, SPEVIRT_OK, NULL },
	{ "ALTCLK 0b1111 is valid", 1, 1, 0, 0xfULL << 28, 0, 0, 0, 0, SPEVIRT_OK, NULL },
	{ "EFT with FPF is valid", 1, 1, HOST_EFT, 0, 0, 0, 0, 0, SPEVIRT_OK, NULL },
	{ "FE, FT and FL may read 0 (Armv8.2 SPE)", 1, 1, 0, 0, 0x7, 0, 0, 0, SPEVIRT_OK, NULL },
	{ "RES0 bits of PMSIDR_EL1 are ignored, not refused", 1, 1, 0, BIT(40), 0, 0, 0, 0,
	  SPEVIRT_OK, NULL },
	{ "RES0 bits of PMBIDR_EL1 are ignored, not refused", 1, 1, 0, 0, 0, BIT(20) | BIT(50),
	  0, 0, SPEVIRT_OK, NULL },
	{ "a future PMSVer is treated as V1P5", 7, 2, 0, 0, 0, 0, 0, 0, SPEVIRT_OK, NULL },
	{ "a future FGT level is treated as FGT2", 5, 3, HOST_FDS, 0, 0, 0, 0, 0, SPEVIRT_OK, NULL },
};

static void host_rules(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(host_cases) / sizeof(host_cases[0]); i++) {
		const struct host_case *c = &host_cases[i];
		struct spevirt_host h = make_host(c->pmsver, c->fgt, c->opts);
		struct spevirt_config cfg = make_cfg(SPEVIRT_PROFILE_DEFAULT, 1);
		struct spevirt_view v;
		enum spevirt_status st;

		h.pmsidr_el1 = (h.pmsidr_el1 & ~c->pmsidr_clear) | c->pmsidr_set;
		h.pmbidr_el1 |= c->pmbidr_set;
		h.id_aa64dfr2_el1 = (h.id_aa64dfr2_el1 & ~c->dfr2_clear) | c->dfr2_set;
		if (c->pmsver == 0)
			cfg.pmsver = 0;
		st = spevirt_view_compute(&h, &cfg, &v);
		if (st == SPEVIRT_E_NEED_FGT && c->status == SPEVIRT_OK)
			st = SPEVIRT_OK;	/* valid host; the guest view is another test */
		if (st != c->status)
			fail_msg("%s: status %d (%s), expected %d; reason: %s", c->rule, st,
				 spevirt_strerror(st), c->status, v.reason ? v.reason : "(none)");
		if (c->field && !reason_names(v.reason, c->field))
			fail_msg("%s: reason \"%s\" does not name \"%s\"", c->rule,
				 v.reason ? v.reason : "(none)", c->field);
	}
}

/* For a guest without SPE, PMSIDR_EL1 and PMBIDR_EL1 of a host without SPE are not read. */
static void host_without_spe_ignores_spe_id_registers(void **state)
{
	struct spevirt_host h = make_host(0, 1, 0);
	struct spevirt_config cfg = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	struct spevirt_view v;

	(void)state;
	h.pmsidr_el1 = ~0ULL;
	h.pmbidr_el1 = ~0ULL;
	assert_status(spevirt_view_compute(&h, &cfg, &v), SPEVIRT_OK);
	assert_int_equal(v.mdcr_el2.mask, 0);
	assert_int_equal(v.hdfgrtr_el2.mask, 0);
	assert_int_equal(v.hdfgwtr_el2.mask, 0);
}

/* P = 1 only matters when the guest is to own the buffer. */
static void not_owned_host_still_hides_spe_from_a_guest_without_spe(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config cfg = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	struct spevirt_view v;

	(void)state;
	h.pmbidr_el1 |= BIT(4);
	assert_status(spevirt_view_compute(&h, &cfg, &v), SPEVIRT_OK);
	assert_int_equal(v.mdcr_el2.value & BIT(14), BIT(14));
}

/* An invalid host is refused even for a guest without SPE: its traps depend on it. */
static void invalid_host_is_refused_for_a_guest_without_spe(void **state)
{
	struct spevirt_host h = make_host(2, 1, 0);
	struct spevirt_config cfg = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	struct spevirt_view v;

	(void)state;
	h.pmsidr_el1 |= PMSIDR_FNE;
	assert_status(spevirt_view_compute(&h, &cfg, &v), SPEVIRT_E_HOST_INVALID);
	assert_reason_has(v, "PMSIDR_EL1.FnE");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(host_rules),
		cmocka_unit_test(host_without_spe_ignores_spe_id_registers),
		cmocka_unit_test(not_owned_host_still_hides_spe_from_a_guest_without_spe),
		cmocka_unit_test(invalid_host_is_refused_for_a_guest_without_spe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
