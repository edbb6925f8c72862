// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The register description: every register covers bits 63..0 exactly once,
 * the generated masks agree with the table, and field positions match the
 * Arm ARM tables (DDI0487 M.a.a, restated in spe-architecture.md).
 */
#include "common.h"

static uint64_t fmask(const struct spevirt_field_desc *f)
{
	return (f->width == 64 ? ~0ULL : (1ULL << f->width) - 1) << f->shift;
}

static void fields_cover_every_bit_once_from_63_down(void **state)
{
	unsigned int r;

	(void)state;
	assert_true(spevirt_reg_count() >= 20);
	for (r = 0; r < spevirt_reg_count(); r++) {
		const struct spevirt_reg_desc *reg = spevirt_reg_get(r);
		uint64_t seen = 0, res0 = 0;
		int next = 63;
		uint32_t i;

		for (i = 0; i < reg->nr_fields; i++) {
			const struct spevirt_field_desc *f = &reg->fields[i];

			if (f->shift + f->width - 1 != next)
				fail_msg("%s.%s: starts at bit %d, expected %d", reg->name, f->name,
					 f->shift + f->width - 1, next);
			assert_int_equal(seen & fmask(f), 0);
			seen |= fmask(f);
			if (f->kind == SPEVIRT_FIELD_RES0)
				res0 |= fmask(f);
			next = f->shift - 1;
		}
		assert_int_equal(next, -1);
		assert_int_equal(seen, ~0ULL);
		assert_int_equal(reg->res0, res0);
	}
}

static void enum_values_fit_their_fields(void **state)
{
	unsigned int r;

	(void)state;
	for (r = 0; r < spevirt_reg_count(); r++) {
		const struct spevirt_reg_desc *reg = spevirt_reg_get(r);
		uint32_t i;
		unsigned int e;

		for (i = 0; i < reg->nr_fields; i++)
			for (e = 0; e < reg->fields[i].nr_enums; e++)
				assert_true(reg->fields[i].enums[e].value <
					    (1U << reg->fields[i].width));
	}
}

struct ref_field {
	const char *reg, *field;
	unsigned int hi, lo;
};

/* Positions from the reference tables, typed independently of lib/sysreg. */
static const struct ref_field ref_fields[] = {
	{ "PMSIDR_EL1", "SME", 32, 32 }, { "PMSIDR_EL1", "ALTCLK", 31, 28 },
	{ "PMSIDR_EL1", "FPF", 27, 27 }, { "PMSIDR_EL1", "EFT", 26, 26 },
	{ "PMSIDR_EL1", "CRR", 25, 25 }, { "PMSIDR_EL1", "PBT", 24, 24 },
	{ "PMSIDR_EL1", "Format", 23, 20 }, { "PMSIDR_EL1", "CountSize", 19, 16 },
	{ "PMSIDR_EL1", "MaxSize", 15, 12 }, { "PMSIDR_EL1", "Interval", 11, 8 },
	{ "PMSIDR_EL1", "FDS", 7, 7 }, { "PMSIDR_EL1", "FnE", 6, 6 },
	{ "PMSIDR_EL1", "ERnd", 5, 5 }, { "PMSIDR_EL1", "LDS", 4, 4 },
	{ "PMSIDR_EL1", "ArchInst", 3, 3 }, { "PMSIDR_EL1", "FL", 2, 2 },
	{ "PMSIDR_EL1", "FT", 1, 1 }, { "PMSIDR_EL1", "FE", 0, 0 },
	{ "PMBIDR_EL1", "MaxBuffSize", 47, 32 }, { "PMBIDR_EL1", "EA", 11, 8 },
	{ "PMBIDR_EL1", "AddrMode", 7, 6 }, { "PMBIDR_EL1", "F", 5, 5 },
	{ "PMBIDR_EL1", "P", 4, 4 }, { "PMBIDR_EL1", "Align", 3, 0 },
	{ "PMBLIMITR_EL1", "LIMIT", 63, 12 }, { "PMBLIMITR_EL1", "nVM", 7, 7 },
	{ "PMBLIMITR_EL1", "PMFZ", 5, 5 }, { "PMBLIMITR_EL1", "FM", 2, 1 },
	{ "PMBLIMITR_EL1", "E", 0, 0 },
	{ "PMBSR_EL1", "MSS2", 55, 32 }, { "PMBSR_EL1", "EC", 31, 26 },
	{ "PMBSR_EL1", "DL", 19, 19 }, { "PMBSR_EL1", "EA", 18, 18 },
	{ "PMBSR_EL1", "S", 17, 17 }, { "PMBSR_EL1", "COLL", 16, 16 },
	{ "PMBSR_EL1", "MSS", 15, 0 },
	{ "PMBMAR_EL1", "SH", 9, 8 }, { "PMBMAR_EL1", "Attr", 7, 0 },
	{ "PMSCR_EL1", "EnVM", 11, 11 }, { "PMSCR_EL1", "KE", 10, 10 },
	{ "PMSCR_EL1", "EE", 9, 8 }, { "PMSCR_EL1", "PCT", 7, 6 },
	{ "PMSCR_EL1", "E1SPE", 1, 1 }, { "PMSCR_EL1", "E0SPE", 0, 0 },
	{ "PMSCR_EL2", "EnVM", 11, 11 }, { "PMSCR_EL2", "KE", 10, 10 },
	{ "PMSCR_EL2", "EE", 9, 8 }, { "PMSCR_EL2", "PCT", 7, 6 },
	{ "PMSCR_EL2", "TS", 5, 5 }, { "PMSCR_EL2", "PA", 4, 4 },
	{ "PMSCR_EL2", "CX", 3, 3 }, { "PMSCR_EL2", "E2SPE", 1, 1 },
	{ "PMSCR_EL2", "E0HSPE", 0, 0 },
	{ "PMSICR_EL1", "ECOUNT", 63, 56 }, { "PMSICR_EL1", "COUNT", 31, 0 },
	{ "PMSIRR_EL1", "INTERVAL", 31, 8 }, { "PMSIRR_EL1", "RND", 0, 0 },
	{ "PMSFCR_EL1", "SIMDm", 52, 52 }, { "PMSFCR_EL1", "Bm", 48, 48 },
	{ "PMSFCR_EL1", "SIMD", 20, 20 }, { "PMSFCR_EL1", "B", 16, 16 },
	{ "PMSFCR_EL1", "FDS", 4, 4 }, { "PMSFCR_EL1", "FnE", 3, 3 },
	{ "PMSFCR_EL1", "FE", 0, 0 },
	{ "PMSLATFR_EL1", "MINLAT", 15, 0 },
	{ "PMSNEVFR_EL1", "E_NOT_TAKEN", 6, 6 }, { "PMSEVFR_EL1", "E_L2D_ACCESS", 19, 19 },
	{ "ID_AA64DFR0_EL1", "PMSVer", 35, 32 }, { "ID_AA64DFR0_EL1", "DebugVer", 3, 0 },
	{ "ID_AA64DFR0_EL1", "HPMN0", 63, 60 },
	{ "ID_AA64DFR2_EL1", "SPE_nVM", 23, 20 }, { "ID_AA64DFR2_EL1", "SPE_EXC", 19, 16 },
	{ "ID_AA64DFR2_EL1", "TRBE_EXC", 27, 24 },
	{ "ID_AA64MMFR0_EL1", "ECV", 63, 60 }, { "ID_AA64MMFR0_EL1", "FGT", 59, 56 },
	{ "MDCR_EL2", "HPMFZS", 36, 36 }, { "MDCR_EL2", "TPMS", 14, 14 },
	{ "MDCR_EL2", "E2PB", 13, 12 },
	{ "HDFGRTR_EL2", "PMBIDR_EL1", 63, 63 }, { "HDFGRTR_EL2", "nPMSNEVFR_EL1", 62, 62 },
	{ "HDFGRTR_EL2", "PMSLATFR_EL1", 32, 32 }, { "HDFGRTR_EL2", "PMSIDR_EL1", 30, 30 },
	{ "HDFGRTR_EL2", "PMBLIMITR_EL1", 23, 23 },
	{ "HDFGWTR_EL2", "nPMSNEVFR_EL1", 62, 62 }, { "HDFGWTR_EL2", "PMSICR_EL1", 29, 29 },
	{ "HDFGWTR_EL2", "PMBLIMITR_EL1", 23, 23 },
	{ "HDFGRTR2_EL2", "nPMBMAR_EL1", 24, 24 }, { "HDFGRTR2_EL2", "nPMSDSFR_EL1", 19, 19 },
	{ "HDFGWTR2_EL2", "nPMBMAR_EL1", 24, 24 }, { "HDFGWTR2_EL2", "nPMSDSFR_EL1", 19, 19 },
	{ "HFGITR_EL2", "PSBCSYNC", 63, 63 },
};

static void field_positions_match_the_arm_arm(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ref_fields) / sizeof(ref_fields[0]); i++) {
		const struct ref_field *rf = &ref_fields[i];
		const struct spevirt_reg_desc *reg = spevirt_reg_find(rf->reg);
		const struct spevirt_field_desc *f = NULL;
		uint32_t j;

		if (!reg)
			fail_msg("%s is not described", rf->reg);
		for (j = 0; j < reg->nr_fields; j++)
			if (!strcmp(reg->fields[j].name, rf->field))
				f = &reg->fields[j];
		if (!f)
			fail_msg("%s.%s is not described", rf->reg, rf->field);
		if (f->shift != rf->lo || (unsigned int)(f->shift + f->width - 1) != rf->hi)
			fail_msg("%s.%s is [%u:%u], the Arm ARM says [%u:%u]", rf->reg, rf->field,
				 f->shift + f->width - 1, f->shift, rf->hi, rf->lo);
	}
}

/* Reserved ranges from the reference, which the generated RES0 masks must equal. */
static void res0_masks_match_the_arm_arm(void **state)
{
	(void)state;
	assert_int_equal(SPEVIRT_PMSIDR_EL1_RES0, GENMASK(63, 33));
	assert_int_equal(SPEVIRT_PMBIDR_EL1_RES0, GENMASK(63, 48) | GENMASK(31, 12));
	assert_int_equal(SPEVIRT_PMBLIMITR_EL1_RES0, GENMASK(11, 8) | BIT(6) | GENMASK(4, 3));
	assert_int_equal(SPEVIRT_PMBSR_EL1_RES0, GENMASK(63, 56) | GENMASK(25, 20));
	assert_int_equal(SPEVIRT_ID_AA64DFR2_EL1_RES0, GENMASK(63, 28) | GENMASK(15, 8));
	assert_int_equal(SPEVIRT_HDFGWTR_EL2_RES0, BIT(63) | BIT(30) | BIT(22));
	assert_int_equal(SPEVIRT_HDFGRTR2_EL2_RES0, GENMASK(63, 25));
	assert_int_equal(SPEVIRT_PMSEVFR_EL1_RES0, GENMASK(47, 32) | BIT(16) | BIT(0));
}

static void generated_macros_agree_with_the_table(void **state)
{
	const struct spevirt_reg_desc *reg = spevirt_reg_find("PMSIDR_EL1");

	(void)state;
	assert_int_equal(reg->encoding, SPEVIRT_SYSREG_PMSIDR_EL1);
	assert_int_equal(SPEVIRT_PMSIDR_EL1_FNE, BIT(6));
	assert_int_equal(SPEVIRT_PMSIDR_EL1_FNE_MASK, SPEVIRT_PMSIDR_EL1_FNE);
	assert_int_equal(SPEVIRT_PMSIDR_EL1_FNE_SHIFT, 6);
	assert_int_equal(SPEVIRT_PMSIDR_EL1_FNE_WIDTH, 1);
	assert_int_equal(SPEVIRT_ID_AA64DFR0_EL1_PMSVER_V1P5, 6);
	assert_int_equal(SPEVIRT_PMSVER_V1P2, 3);
	assert_int_equal(SPEVIRT_HDFGRTR_EL2_NPMSNEVFR_EL1, BIT(62));
	assert_int_equal(SPEVIRT_MDCR_EL2_E2PB_EL1_TRAP, 2);
}

/* System-register encodings (op0, op1, CRn, CRm, op2) from the reference. */
static void encodings_match_the_arm_arm(void **state)
{
	(void)state;
	assert_int_equal(spevirt_reg_find("PMSCR_EL1")->encoding, SPEVIRT_SYSREG(3, 0, 9, 9, 0));
	assert_int_equal(spevirt_reg_find("PMSNEVFR_EL1")->encoding,
			 SPEVIRT_SYSREG(3, 0, 9, 9, 1));
	assert_int_equal(spevirt_reg_find("PMBIDR_EL1")->encoding, SPEVIRT_SYSREG(3, 0, 9, 10, 7));
	assert_int_equal(spevirt_reg_find("PMSDSFR_EL1")->encoding,
			 SPEVIRT_SYSREG(3, 0, 9, 10, 4));
	assert_int_equal(spevirt_reg_find("PMBMAR_EL1")->encoding, SPEVIRT_SYSREG(3, 0, 9, 10, 5));
	assert_int_equal(spevirt_reg_find("HDFGRTR2_EL2")->encoding,
			 SPEVIRT_SYSREG(3, 4, 3, 1, 0));
	assert_int_equal(spevirt_reg_find("HFGITR_EL2")->encoding, SPEVIRT_SYSREG(3, 4, 1, 1, 6));
	assert_int_equal(SPEVIRT_SYSREG(3, 0, 9, 9, 7), (3U << 19) | (9U << 12) | (9U << 8) | (7U << 5));
}

static void lookup_by_name_ignores_case_and_refuses_unknown(void **state)
{
	(void)state;
	assert_ptr_equal(spevirt_reg_find("pmsidr_el1"), spevirt_reg_find("PMSIDR_EL1"));
	/* 'a', the first lowercase letter, in a name that has it */
	assert_ptr_equal(spevirt_reg_find("id_aa64dfr0_el1"), spevirt_reg_find("ID_AA64DFR0_EL1"));
	/* Every character counts, the first and the last included. */
	assert_null(spevirt_reg_find("XMSIDR_EL1"));
	assert_null(spevirt_reg_find("PMSIDR_EL2"));
	assert_null(spevirt_reg_find("PMSIDR_EL"));
	assert_null(spevirt_reg_find("PMSIDR_EL12"));
	assert_null(spevirt_reg_find(""));
	assert_null(spevirt_reg_find(NULL));
	assert_null(spevirt_reg_get(spevirt_reg_count()));
}

/* spevirt_reg_find() compares at most 31 characters: every name is shorter. */
static void every_register_is_found_by_its_own_name(void **state)
{
	unsigned int i;

	(void)state;
	for (i = 0; i < spevirt_reg_count(); i++) {
		const struct spevirt_reg_desc *reg = spevirt_reg_get(i);

		assert_true(strlen(reg->name) < 32);
		assert_ptr_equal(spevirt_reg_find(reg->name), reg);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fields_cover_every_bit_once_from_63_down),
		cmocka_unit_test(enum_values_fit_their_fields),
		cmocka_unit_test(field_positions_match_the_arm_arm),
		cmocka_unit_test(res0_masks_match_the_arm_arm),
		cmocka_unit_test(generated_macros_agree_with_the_table),
		cmocka_unit_test(encodings_match_the_arm_arm),
		cmocka_unit_test(lookup_by_name_ignores_case_and_refuses_unknown),
		cmocka_unit_test(every_register_is_found_by_its_own_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
