// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Built-in synthetic hosts.  Each is an implementation the Arm ARM (DDI0487
 * M.a.a) permits at its architecture level, built field by field from the
 * register macros; the rules each follows are listed with it and printed by
 * 'spevirt presets'.  None claims to be a vendor's CPU.  Fields outside SPE
 * that spevirt ignores are 0 unless a value is given below.
 *
 * Rules shared by every preset (PMSIDR_EL1, D24.7.14; PMBIDR_EL1, D24.7.1):
 *   MaxSize is 0b0110 (64 bytes) to 0b1011 (2 KiB): 0b0100 and 0b0101 are not
 *	permitted for an implementation, higher values are reserved;
 *   Interval is 0b0000 or 0b0010 to 0b1000 (0b0001 and above 0b1000 reserved);
 *   CountSize is 0b0010 or 0b0011, Format 0b0000, ALTCLK 0b0000;
 *   FE, FT and FL read as 1; EFT and FPF imply each other;
 *   PMBIDR_EL1.P is 0 (EL2 owns the buffer), MaxBuffSize 0 (hardware always
 *	reports no limit), Align at most 0b1011, AddrMode 0b00 without
 *	FEAT_SPE_nVM (RES0).
 */
#include <string.h>

#include "presets.h"

/* The value @v in field @f of its register: FIELD(PMSIDR_EL1_MAXSIZE, 6). */
#define FIELD(f, v)	(((uint64_t)(v) << SPEVIRT_##f##_SHIFT) & SPEVIRT_##f##_MASK)

/*
 * Debug and PMU fields of ID_AA64DFR0_EL1 are plain numbers in the register
 * description; their encodings (D24.2.80) are named here.
 */
#define DEBUGVER_V8P2	0x8	/* FEAT_Debugv8p2 */
#define DEBUGVER_V8P4	0x9	/* FEAT_Debugv8p4 */
#define DEBUGVER_V8P9	0xb	/* FEAT_Debugv8p9 */
#define PMUVER_V3P1	0x4	/* FEAT_PMUv3p1 */
#define PMUVER_V3P7	0x7	/* FEAT_PMUv3p7 */
#define PMUVER_V3P9	0x9	/* FEAT_PMUv3p9 */
#define BRPS_6		0x5	/* the number of breakpoints, minus 1 */
#define WRPS_4		0x3	/* the number of watchpoints, minus 1 */
#define CTX_CMPS_2	0x1	/* the number of context-aware breakpoints, minus 1 */
#define ALIGN_16B	0x4	/* PMBIDR_EL1.Align: 2^4 bytes */

/* Debug resources every preset reports (at least 2, 2, 1 required). */
#define DFR0_DEBUG_RESOURCES                                                              \
	(FIELD(ID_AA64DFR0_EL1_BRPS, BRPS_6) | FIELD(ID_AA64DFR0_EL1_WRPS, WRPS_4) |     \
	 FIELD(ID_AA64DFR0_EL1_CTX_CMPS, CTX_CMPS_2))

/* FE, FT and FL read as 1 on every implementation. */
#define PMSIDR_FILTERS	(SPEVIRT_PMSIDR_EL1_FE | SPEVIRT_PMSIDR_EL1_FT | SPEVIRT_PMSIDR_EL1_FL)

/*
 * armv8.2: Armv8.2 with FEAT_SPEv1p1, no FEAT_FGT.
 *   ID_AA64DFR0_EL1  PMSVer V1P1 (optional from Armv8.2); DebugVer 0b1000
 *                    (FEAT_Debugv8p2, required at Armv8.2); PMUVer 0b0100
 *                    (FEAT_PMUv3p1, which FEAT_SPE requires with a PMUv3)
 *   ID_AA64DFR2_EL1  0: FEAT_SPE_nVM and FEAT_SPE_EXC are Armv9.5 features
 *   ID_AA64MMFR0_EL1 FGT 0: FEAT_FGT is optional from Armv8.5, required
 *                    from Armv8.6
 *   PMSIDR_EL1       FnE 0 (the field exists from FEAT_SPEv1p2), FDS 0 (from
 *                    SPEv1p4); PBT, CRR, SME 0 (they need SPEv1p2, SPEv1p4,
 *                    FEAT_SME); MaxSize 64 bytes; Interval 256; 12-bit counts
 *   PMBIDR_EL1       EA 0b0000 (not described: permitted before Armv8.8); F 1
 */
static const char *const rules_v8_2[] = {
	"ID_AA64DFR0_EL1.PMSVer 0b0010 (FEAT_SPEv1p1): optional from Armv8.2, required with "
	"SPE from Armv8.5",
	"ID_AA64DFR0_EL1.DebugVer 0b1000 (FEAT_Debugv8p2, required at Armv8.2), PMUVer 0b0100 "
	"(FEAT_PMUv3p1, required by FEAT_SPE with a PMUv3)",
	"ID_AA64DFR2_EL1 0: FEAT_SPE_nVM and FEAT_SPE_EXC are Armv9.5 features",
	"ID_AA64MMFR0_EL1.FGT 0b0000: FEAT_FGT is optional from Armv8.5, required from Armv8.6",
	"PMSIDR_EL1.FnE 0: the field exists only with FEAT_SPEv1p2 (FnE <=> SPEv1p2)",
	"PMSIDR_EL1.FDS 0, PBT 0, CRR 0, SME 0: they need SPEv1p4, SPEv1p2, SPEv1p4, "
	"SPEv1p1 with FEAT_SME",
	"PMSIDR_EL1.MaxSize 0b0110 (64 bytes; 0b0110..0b1011 permitted), Interval 0b0000 (256; "
	"0b0000, 0b0010..0b1000 permitted)",
	"PMSIDR_EL1.CountSize 0b0010 (12-bit saturating), FE, FT, FL 1",
	"PMBIDR_EL1.EA 0b0000 (not described, permitted before Armv8.8), F 1, P 0, Align 0b0000",
	NULL,
};

/*
 * armv8.7: Armv8.7 with FEAT_SPEv1p2 and FEAT_FGT, the default host (README
 * and './dev run' show it).
 *   ID_AA64DFR0_EL1  0x0000000310305709: PMSVer V1P2 (optional from Armv8.6,
 *                    required with SPE from Armv8.7); PMUVer 0b0111
 *                    (FEAT_PMUv3p7); DebugVer 0b1001 (FEAT_Debugv8p4,
 *                    required from Armv8.4); 6 breakpoints, 4 watchpoints,
 *                    2 context-aware breakpoints
 *   ID_AA64DFR2_EL1  0
 *   ID_AA64MMFR0_EL1 FGT 0b0001 (FEAT_FGT, required from Armv8.6 with EL2),
 *                    ECV 0b0001 (FEAT_ECV, required from Armv8.6)
 *   PMSIDR_EL1       FnE 1 (required with SPE from Armv8.7, implied by
 *                    SPEv1p2); LDS 1; FE, FT, FL 1; Interval 1024; MaxSize
 *                    64 bytes, the smallest permitted; CountSize 12-bit
 *   PMBIDR_EL1       EA 0b0010 (SError); F 1; P 0; Align 0
 */
static const char *const rules_v8_7[] = {
	"ID_AA64DFR0_EL1.PMSVer 0b0011 (FEAT_SPEv1p2): optional from Armv8.6, required with "
	"SPE from Armv8.7",
	"ID_AA64DFR0_EL1.DebugVer 0b1001 (FEAT_Debugv8p4, required from Armv8.4), PMUVer "
	"0b0111 (FEAT_PMUv3p7)",
	"ID_AA64MMFR0_EL1.FGT 0b0001 (FEAT_FGT): required from Armv8.6 with EL2",
	"ID_AA64MMFR0_EL1.ECV 0b0001 (FEAT_ECV): required from Armv8.6; FEAT_ECV_POFF is "
	"optional",
	"PMSIDR_EL1.FnE 1: FEAT_SPEv1p2 implies FEAT_SPE_FnE; from Armv8.7 FnE 0 is not permitted",
	"PMSIDR_EL1.FDS 0, CRR 0: they need FEAT_SPEv1p4; LDS 1 (optional)",
	"PMSIDR_EL1.MaxSize 0b0110 (64 bytes, the smallest permitted), Interval 0b0100 (1024)",
	"PMSIDR_EL1.CountSize 0b0010 (12-bit saturating), FE, FT, FL 1",
	"PMBIDR_EL1.EA 0b0010 (SError), F 1, P 0, Align 0b0000",
	NULL,
};

/*
 * armv8.9: Armv8.9 with FEAT_SPEv1p4, FEAT_SPE_FDS and FEAT_FGT2.
 *   ID_AA64DFR0_EL1  PMSVer V1P4 (required with SPE from Armv8.9); DebugVer
 *                    0b1011 (FEAT_Debugv8p9); PMUVer 0b1001 (FEAT_PMUv3p9)
 *   ID_AA64DFR2_EL1  0
 *   ID_AA64MMFR0_EL1 FGT 0b0010 (FEAT_FGT2, required from Armv8.9 with EL2;
 *                    FEAT_SPE_FDS with EL2 requires it)
 *   PMSIDR_EL1       FnE 1; LDS 1 and FDS 1 (FDS requires LDS; from Armv8.9
 *                    FDS 0 is not permitted when LDS is 1); CRR 1 (required
 *                    with SPE from Armv8.9, needs SPEv1p4); PBT 1 (optional,
 *                    needs SPEv1p2); ERnd 1 (optional); MaxSize 128 bytes;
 *                    Interval 1536; 16-bit counts
 *   PMBIDR_EL1       EA 0b0010 and F 1 (from Armv8.8, EA 0b0000 and F 0 are
 *                    not permitted); P 0; Align 0
 */
static const char *const rules_v8_9[] = {
	"ID_AA64DFR0_EL1.PMSVer 0b0101 (FEAT_SPEv1p4): required with SPE from Armv8.9",
	"ID_AA64DFR0_EL1.DebugVer 0b1011 (FEAT_Debugv8p9), PMUVer 0b1001 (FEAT_PMUv3p9)",
	"ID_AA64MMFR0_EL1.FGT 0b0010 (FEAT_FGT2): required from Armv8.9 with EL2, and by "
	"FEAT_SPE_FDS with EL2",
	"ID_AA64MMFR0_EL1.ECV 0b0001 (FEAT_ECV): required from Armv8.6",
	"PMSIDR_EL1.FnE 1: FEAT_SPEv1p2 and later imply FEAT_SPE_FnE",
	"PMSIDR_EL1.FDS 1 with LDS 1: FEAT_SPE_FDS requires FEAT_SPE_LDS; from Armv8.9 FDS 0 is "
	"not permitted when LDS is 1",
	"PMSIDR_EL1.CRR 1: required with SPE from Armv8.9 (needs SPEv1p4); PBT 1 (optional, needs "
	"SPEv1p2); ERnd 1 (optional)",
	"PMSIDR_EL1.MaxSize 0b0111 (128 bytes), Interval 0b0101 (1536), CountSize 0b0011 (16-bit)",
	"PMBIDR_EL1.EA 0b0010 (SError) and F 1: from Armv8.8 EA 0b0000 and F 0 are not permitted",
	NULL,
};

/*
 * armv9.5: Armv9.5 with FEAT_SPEv1p5, FEAT_SPE_nVM, FEAT_SPE_EXC and FEAT_FGT2.
 *   ID_AA64DFR0_EL1  PMSVer V1P5 (optional from Armv9.5); DebugVer 0b1011;
 *                    PMUVer 0b1001
 *   ID_AA64DFR2_EL1  SPE_nVM 1 and SPE_EXC 1: FEAT_SPEv1p5 implies both
 *                    (and EXC implies SPEv1p5); nVM with EL2 requires FGT2
 *   ID_AA64MMFR0_EL1 FGT 0b0010 (FEAT_FGT2)
 *   PMSIDR_EL1       CRR 1 (implied by SPEv1p5); FnE 1; FDS 1 with LDS 1;
 *                    EFT 1 and FPF 1 (required with SPE from Armv9.5, each
 *                    implies the other); PBT 1; SME 0 (the host has no
 *                    FEAT_SME); MaxSize 256 bytes; Interval 2048; 16-bit
 *                    counts
 *   PMBIDR_EL1       EA 0b0010; F 1; P 0; Align 0b0100 (16 bytes);
 *                    AddrMode 0b00 (what the hardware reports at EL2 while
 *                    PMSCR_EL2.EnVM is 0)
 */
static const char *const rules_v9_5[] = {
	"ID_AA64DFR0_EL1.PMSVer 0b0110 (FEAT_SPEv1p5): optional from Armv9.5",
	"ID_AA64DFR0_EL1.DebugVer 0b1011 (FEAT_Debugv8p9), PMUVer 0b1001 (FEAT_PMUv3p9)",
	"ID_AA64DFR2_EL1.SPE_nVM 1 and SPE_EXC 1: FEAT_SPEv1p5 implies FEAT_SPE_nVM and "
	"FEAT_SPE_EXC",
	"ID_AA64MMFR0_EL1.FGT 0b0010 (FEAT_FGT2): required from Armv8.9 with EL2, and by "
	"FEAT_SPE_nVM and FEAT_SPE_FDS with EL2",
	"ID_AA64MMFR0_EL1.ECV 0b0010 (FEAT_ECV with FEAT_ECV_POFF, which is optional): "
	"CNTPOFF_EL2 exists",
	"PMSIDR_EL1.CRR 1: FEAT_SPEv1p5 implies FEAT_SPE_CRR",
	"PMSIDR_EL1.FnE 1; FDS 1 with LDS 1 (required from Armv8.9 when LDS is 1)",
	"PMSIDR_EL1.EFT 1 and FPF 1: required with SPE from Armv9.5, each implies the other",
	"PMSIDR_EL1.PBT 1 (optional); SME 0: the host has no FEAT_SME",
	"PMSIDR_EL1.MaxSize 0b1000 (256 bytes), Interval 0b0110 (2048), CountSize 0b0011 (16-bit)",
	"PMBIDR_EL1.EA 0b0010, F 1 (required from Armv8.8), P 0, Align 0b0100 (16 bytes), "
	"AddrMode 0b00 (PMSCR_EL2.EnVM 0 at EL2)",
	NULL,
};

static const struct preset presets[] = {
	{
		.name = "armv8.2",
		.title = "Armv8.2 with FEAT_SPEv1p1, no FEAT_FGT",
		.rules = rules_v8_2,
		.host = {
			.id_aa64dfr0_el1 = FIELD(ID_AA64DFR0_EL1_PMSVER, SPEVIRT_PMSVER_V1P1) |
					   DFR0_DEBUG_RESOURCES |
					   FIELD(ID_AA64DFR0_EL1_PMUVER, PMUVER_V3P1) |
					   FIELD(ID_AA64DFR0_EL1_DEBUGVER, DEBUGVER_V8P2),
			.id_aa64dfr2_el1 = 0,
			.id_aa64mmfr0_el1 = FIELD(ID_AA64MMFR0_EL1_FGT,
						  SPEVIRT_ID_AA64MMFR0_EL1_FGT_NI),
			.pmsidr_el1 = FIELD(PMSIDR_EL1_COUNTSIZE,
					    SPEVIRT_PMSIDR_EL1_COUNTSIZE_12_BIT_SAT) |
				      FIELD(PMSIDR_EL1_MAXSIZE, SPEVIRT_PMSIDR_EL1_MAXSIZE_64) |
				      FIELD(PMSIDR_EL1_INTERVAL, SPEVIRT_PMSIDR_EL1_INTERVAL_256) |
				      PMSIDR_FILTERS,
			.pmbidr_el1 = FIELD(PMBIDR_EL1_EA, SPEVIRT_PMBIDR_EL1_EA_NOT_DESCRIBED) |
				      SPEVIRT_PMBIDR_EL1_F,
		},
	},
	{
		.name = "armv8.7",
		.title = "Armv8.7 with FEAT_SPEv1p2 and FEAT_FGT (the default host)",
		.rules = rules_v8_7,
		.host = {
			.id_aa64dfr0_el1 = FIELD(ID_AA64DFR0_EL1_PMSVER, SPEVIRT_PMSVER_V1P2) |
					   DFR0_DEBUG_RESOURCES |
					   FIELD(ID_AA64DFR0_EL1_PMUVER, PMUVER_V3P7) |
					   FIELD(ID_AA64DFR0_EL1_DEBUGVER, DEBUGVER_V8P4),
			.id_aa64dfr2_el1 = 0,
			.id_aa64mmfr0_el1 = FIELD(ID_AA64MMFR0_EL1_ECV,
						  SPEVIRT_ID_AA64MMFR0_EL1_ECV_IMP) |
					    FIELD(ID_AA64MMFR0_EL1_FGT,
						  SPEVIRT_ID_AA64MMFR0_EL1_FGT_IMP),
			.pmsidr_el1 = FIELD(PMSIDR_EL1_COUNTSIZE,
					    SPEVIRT_PMSIDR_EL1_COUNTSIZE_12_BIT_SAT) |
				      FIELD(PMSIDR_EL1_MAXSIZE, SPEVIRT_PMSIDR_EL1_MAXSIZE_64) |
				      FIELD(PMSIDR_EL1_INTERVAL, SPEVIRT_PMSIDR_EL1_INTERVAL_1024) |
				      SPEVIRT_PMSIDR_EL1_FNE | SPEVIRT_PMSIDR_EL1_LDS |
				      PMSIDR_FILTERS,
			.pmbidr_el1 = FIELD(PMBIDR_EL1_EA, SPEVIRT_PMBIDR_EL1_EA_SERROR) |
				      SPEVIRT_PMBIDR_EL1_F,
		},
	},
	{
		.name = "armv8.9",
		.title = "Armv8.9 with FEAT_SPEv1p4, FEAT_SPE_FDS (with LDS) and FEAT_FGT2",
		.rules = rules_v8_9,
		.host = {
			.id_aa64dfr0_el1 = FIELD(ID_AA64DFR0_EL1_PMSVER, SPEVIRT_PMSVER_V1P4) |
					   DFR0_DEBUG_RESOURCES |
					   FIELD(ID_AA64DFR0_EL1_PMUVER, PMUVER_V3P9) |
					   FIELD(ID_AA64DFR0_EL1_DEBUGVER, DEBUGVER_V8P9),
			.id_aa64dfr2_el1 = 0,
			.id_aa64mmfr0_el1 = FIELD(ID_AA64MMFR0_EL1_ECV,
						  SPEVIRT_ID_AA64MMFR0_EL1_ECV_IMP) |
					    FIELD(ID_AA64MMFR0_EL1_FGT,
						  SPEVIRT_ID_AA64MMFR0_EL1_FGT_FGT2),
			.pmsidr_el1 = SPEVIRT_PMSIDR_EL1_CRR | SPEVIRT_PMSIDR_EL1_PBT |
				      FIELD(PMSIDR_EL1_COUNTSIZE,
					    SPEVIRT_PMSIDR_EL1_COUNTSIZE_16_BIT_SAT) |
				      FIELD(PMSIDR_EL1_MAXSIZE, SPEVIRT_PMSIDR_EL1_MAXSIZE_128) |
				      FIELD(PMSIDR_EL1_INTERVAL, SPEVIRT_PMSIDR_EL1_INTERVAL_1536) |
				      SPEVIRT_PMSIDR_EL1_FDS | SPEVIRT_PMSIDR_EL1_FNE |
				      SPEVIRT_PMSIDR_EL1_ERND | SPEVIRT_PMSIDR_EL1_LDS |
				      PMSIDR_FILTERS,
			.pmbidr_el1 = FIELD(PMBIDR_EL1_EA, SPEVIRT_PMBIDR_EL1_EA_SERROR) |
				      SPEVIRT_PMBIDR_EL1_F,
		},
	},
	{
		.name = "armv9.5",
		.title = "Armv9.5 with FEAT_SPEv1p5, FEAT_SPE_nVM, FEAT_SPE_EXC, FEAT_SPE_CRR and "
			 "FEAT_FGT2",
		.rules = rules_v9_5,
		.host = {
			.id_aa64dfr0_el1 = FIELD(ID_AA64DFR0_EL1_PMSVER, SPEVIRT_PMSVER_V1P5) |
					   DFR0_DEBUG_RESOURCES |
					   FIELD(ID_AA64DFR0_EL1_PMUVER, PMUVER_V3P9) |
					   FIELD(ID_AA64DFR0_EL1_DEBUGVER, DEBUGVER_V8P9),
			.id_aa64dfr2_el1 = FIELD(ID_AA64DFR2_EL1_SPE_NVM,
						 SPEVIRT_ID_AA64DFR2_EL1_SPE_NVM_IMP) |
					   FIELD(ID_AA64DFR2_EL1_SPE_EXC,
						 SPEVIRT_ID_AA64DFR2_EL1_SPE_EXC_IMP),
			.id_aa64mmfr0_el1 = FIELD(ID_AA64MMFR0_EL1_ECV,
						  SPEVIRT_ID_AA64MMFR0_EL1_ECV_CNTPOFF) |
					    FIELD(ID_AA64MMFR0_EL1_FGT,
						  SPEVIRT_ID_AA64MMFR0_EL1_FGT_FGT2),
			.pmsidr_el1 = SPEVIRT_PMSIDR_EL1_FPF | SPEVIRT_PMSIDR_EL1_EFT |
				      SPEVIRT_PMSIDR_EL1_CRR | SPEVIRT_PMSIDR_EL1_PBT |
				      FIELD(PMSIDR_EL1_COUNTSIZE,
					    SPEVIRT_PMSIDR_EL1_COUNTSIZE_16_BIT_SAT) |
				      FIELD(PMSIDR_EL1_MAXSIZE, SPEVIRT_PMSIDR_EL1_MAXSIZE_256) |
				      FIELD(PMSIDR_EL1_INTERVAL, SPEVIRT_PMSIDR_EL1_INTERVAL_2048) |
				      SPEVIRT_PMSIDR_EL1_FDS | SPEVIRT_PMSIDR_EL1_FNE |
				      SPEVIRT_PMSIDR_EL1_LDS | PMSIDR_FILTERS,
			.pmbidr_el1 = FIELD(PMBIDR_EL1_EA, SPEVIRT_PMBIDR_EL1_EA_SERROR) |
				      SPEVIRT_PMBIDR_EL1_F | FIELD(PMBIDR_EL1_ALIGN, ALIGN_16B),
		},
	},
};

#define NR_PRESETS	(sizeof(presets) / sizeof(presets[0]))
#define DEFAULT_PRESET	1	/* armv8.7 */

unsigned int preset_count(void)
{
	return NR_PRESETS;
}

const struct preset *preset_get(unsigned int index)
{
	return index < NR_PRESETS ? &presets[index] : NULL;
}

/* A host given entirely by options: every register 0 until set. */
static const struct preset preset_none = {
	.name = "none",
	.title = "no preset: every register 0 unless given by option",
	.rules = (const char *const[]){ NULL },
};

static char ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

bool name_equal(const char *a, const char *b)
{
	while (*a && ascii_lower(*a) == ascii_lower(*b)) {
		a++;
		b++;
	}
	return ascii_lower(*a) == ascii_lower(*b);
}

const struct preset *preset_find(const char *name)
{
	unsigned int i;

	if (name && name_equal(name, preset_none.name))
		return &preset_none;
	for (i = 0; name && i < NR_PRESETS; i++)
		if (name_equal(presets[i].name, name))
			return &presets[i];
	return NULL;
}

const struct preset *preset_default(void)
{
	return &presets[DEFAULT_PRESET];
}

static const struct host_reg_desc host_regs[NR_HOST_REGS] = {
	[HOST_DFR0] = { "ID_AA64DFR0_EL1", offsetof(struct spevirt_host, id_aa64dfr0_el1) },
	[HOST_DFR2] = { "ID_AA64DFR2_EL1", offsetof(struct spevirt_host, id_aa64dfr2_el1) },
	[HOST_MMFR0] = { "ID_AA64MMFR0_EL1", offsetof(struct spevirt_host, id_aa64mmfr0_el1) },
	[HOST_PMSIDR] = { "PMSIDR_EL1", offsetof(struct spevirt_host, pmsidr_el1) },
	[HOST_PMBIDR] = { "PMBIDR_EL1", offsetof(struct spevirt_host, pmbidr_el1) },
};

const struct host_reg_desc *host_reg_desc(enum host_reg reg)
{
	return &host_regs[reg];
}

uint64_t host_reg_get(const struct spevirt_host *host, enum host_reg reg)
{
	uint64_t value;

	memcpy(&value, (const char *)host + host_regs[reg].offset, sizeof(value));
	return value;
}

void host_reg_set(struct spevirt_host *host, enum host_reg reg, uint64_t value)
{
	memcpy((char *)host + host_regs[reg].offset, &value, sizeof(value));
}
