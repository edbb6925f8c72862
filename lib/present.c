// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Which PMSIDR_EL1 and PMBIDR_EL1 values a host can present to a guest in
 * place of its own guest values, and the values common to several hosts.
 * One table drives both: each field either agrees, or may be shown smaller
 * (a feature the guest need not see), or larger (a limit the guest must
 * respect), than the host's.  docs/policy.md section 12 gives each rule
 * with its Arm ARM basis.
 */
#include "spevirt_internal.h"

enum spv_order {
	SPV_SAME,	/* the presented field equals the host's */
	SPV_AT_MOST,	/* the presented field is at most the host's */
	SPV_AT_LEAST,	/* the presented field is at least the host's */
};

struct spv_field_rule {
	const char *field;
	uint64_t mask;
	const char *rule;
	unsigned int reg;	/* 0: PMSIDR_EL1, 1: PMBIDR_EL1 */
	enum spv_order order;
	/*
	 * SPV_AT_LEAST fields: bit N set when the value N is one no host may
	 * report (rules H19 to H21), so no host may present it either: every
	 * guest driver refuses it.  @reserved_rule says why.
	 */
	uint16_t reserved;
	const char *reserved_rule;
};

/* The issue's field names the rule, so its short form (SPV_WHY()) is one name. */
#define SPV_RULE(name, text, r, m, o)	\
	{ .field = (name), .mask = (m), .rule = SPV_WHY(PRESENT_FIELD, text),	\
	  .reg = (r), .order = (o) }
#define SPV_LIMIT_RULE(name, text, res_text, r, m, res)				\
	{ .field = (name), .mask = (m), .rule = SPV_WHY(PRESENT_FIELD, text),	\
	  .reg = (r), .order = SPV_AT_LEAST, .reserved = (res),			\
	  .reserved_rule = SPV_WHY(PRESENT_RESERVED, res_text) }

/* Reserved values of the limits, as bitmaps of 4-bit field values. */
#define SPV_MAXSIZE_RESERVED	0xf03fU	/* all but 0b0110 to 0b1011 */
#define SPV_INTERVAL_RESERVED	0xfe02U	/* 0b0001, and above 0b1000 */
#define SPV_ALIGN_RESERVED	0xf000U	/* above 0b1011 */

#define SPV_FEATURE_TEXT	": the guest may see a feature only where every host it runs on has it"
#define SPV_FEATURE_RULE(bit)							\
	SPV_RULE("PMSIDR_EL1." #bit, "PMSIDR_EL1." #bit SPV_FEATURE_TEXT,		\
		 0, SPEVIRT_PMSIDR_EL1_##bit, SPV_AT_MOST)

static const struct spv_field_rule spv_field_rules[] = {
	SPV_RULE("PMSIDR_EL1.RES0",
		 "PMSIDR_EL1 bits [63:33] are RES0: the guest reads them as 0",
		 0, SPEVIRT_PMSIDR_EL1_RES0, SPV_SAME),
	SPV_FEATURE_RULE(SME),
	SPV_RULE("PMSIDR_EL1.ALTCLK",
		 "PMSIDR_EL1.ALTCLK: the clock domain of the profiling counters is the hardware's, so every host must have the same",
		 0, SPEVIRT_PMSIDR_EL1_ALTCLK, SPV_SAME),
	SPV_FEATURE_RULE(FPF),
	SPV_FEATURE_RULE(EFT),
	SPV_FEATURE_RULE(CRR),
	SPV_FEATURE_RULE(PBT),
	SPV_RULE("PMSIDR_EL1.Format",
		 "PMSIDR_EL1.Format: the SPU writes records in its own format, so every host must have the same",
		 0, SPEVIRT_PMSIDR_EL1_FORMAT, SPV_SAME),
	SPV_RULE("PMSIDR_EL1.CountSize",
		 "PMSIDR_EL1.CountSize: counter packets have the hardware's width, so every host must have the same",
		 0, SPEVIRT_PMSIDR_EL1_COUNTSIZE, SPV_SAME),
	SPV_LIMIT_RULE("PMSIDR_EL1.MaxSize",
		       "PMSIDR_EL1.MaxSize: the hardware writes records up to its own largest size, so the guest must read the largest of every host",
		       "PMSIDR_EL1.MaxSize presented as a reserved value, outside 0b0110 (64 bytes) to 0b1011 (2 KiB) (rule H19): guest drivers refuse it",
		       0, SPEVIRT_PMSIDR_EL1_MAXSIZE, SPV_MAXSIZE_RESERVED),
	SPV_LIMIT_RULE("PMSIDR_EL1.Interval",
		       "PMSIDR_EL1.Interval: below a host's minimum sampling interval samples collide, so the guest must read the largest of every host",
		       "PMSIDR_EL1.Interval presented as a reserved value, 0b0001 or above 0b1000 (rule H20)",
		       0, SPEVIRT_PMSIDR_EL1_INTERVAL, SPV_INTERVAL_RESERVED),
	SPV_FEATURE_RULE(FDS),
	SPV_RULE("PMSIDR_EL1.FnE",
		 "PMSIDR_EL1.FnE is 1 exactly when PMSVer is V1P2 or above (FEAT_SPEv1p2 implies FEAT_SPE_FnE)",
		 0, SPEVIRT_PMSIDR_EL1_FNE, SPV_SAME),
	SPV_RULE("PMSIDR_EL1.ERnd",
		 "PMSIDR_EL1.ERnd: how the random interval is applied is the hardware's, so every host must have the same",
		 0, SPEVIRT_PMSIDR_EL1_ERND, SPV_SAME),
	SPV_FEATURE_RULE(LDS),
	SPV_RULE("PMSIDR_EL1.ArchInst",
		 "PMSIDR_EL1.ArchInst: whether instructions or micro-operations are sampled is the hardware's, so every host must have the same",
		 0, SPEVIRT_PMSIDR_EL1_ARCHINST, SPV_SAME),
	SPV_RULE("PMSIDR_EL1.FL",
		 "PMSIDR_EL1.FL reads as 1",
		 0, SPEVIRT_PMSIDR_EL1_FL, SPV_SAME),
	SPV_RULE("PMSIDR_EL1.FT",
		 "PMSIDR_EL1.FT reads as 1",
		 0, SPEVIRT_PMSIDR_EL1_FT, SPV_SAME),
	SPV_RULE("PMSIDR_EL1.FE",
		 "PMSIDR_EL1.FE reads as 1",
		 0, SPEVIRT_PMSIDR_EL1_FE, SPV_SAME),
	SPV_RULE("PMBIDR_EL1.RES0",
		 "PMBIDR_EL1 bits [63:48] and [31:12] are RES0: the guest reads them as 0",
		 1, SPEVIRT_PMBIDR_EL1_RES0, SPV_SAME),
	SPV_RULE("PMBIDR_EL1.MaxBuffSize",
		 "PMBIDR_EL1.MaxBuffSize shows the limit spevirt_config.max_buffer_size gives (or, with SPEVIRT_CFG_UNADVERTISED_LIMIT on a host without FEAT_FGT, the hardware's), so every host must show the same",
		 1, SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE, SPV_SAME),
	SPV_RULE("PMBIDR_EL1.EA",
		 "PMBIDR_EL1.EA: how External aborts on buffer writes are taken is the hardware's, so every host must have the same",
		 1, SPEVIRT_PMBIDR_EL1_EA, SPV_SAME),
	SPV_RULE("PMBIDR_EL1.AddrMode",
		 "PMBIDR_EL1.AddrMode follows the guest's ID_AA64DFR2_EL1.SPE_nVM",
		 1, SPEVIRT_PMBIDR_EL1_ADDRMODE, SPV_SAME),
	SPV_RULE("PMBIDR_EL1.F",
		 "PMBIDR_EL1.F: the guest may rely on hardware Access flag and dirty state management only where every host has it",
		 1, SPEVIRT_PMBIDR_EL1_F, SPV_AT_MOST),
	SPV_RULE("PMBIDR_EL1.P",
		 "PMBIDR_EL1.P: the guest owns its profiling buffer and reads 0",
		 1, SPEVIRT_PMBIDR_EL1_P, SPV_SAME),
	SPV_LIMIT_RULE("PMBIDR_EL1.Align",
		       "PMBIDR_EL1.Align: the guest must align PMBPTR_EL1 for the strictest host, so it reads the largest of every host",
		       "PMBIDR_EL1.Align presented above 0b1011 (2 KiB): 0b1100 to 0b1111 are reserved (rule H21), and guest drivers refuse them",
		       1, SPEVIRT_PMBIDR_EL1_ALIGN, SPV_ALIGN_RESERVED),
};

#define SPV_NR_FIELD_RULES	spv_array_size(spv_field_rules)

/* A field's value, not shifted: the mask's lowest set bit is bit 0. */
static uint64_t field_of(uint64_t reg, uint64_t mask)
{
	unsigned int shift = 0;

	while (shift < 63 && !((mask >> shift) & 1))
		shift++;
	return (reg & mask) >> shift;
}

static bool order_holds(enum spv_order order, uint64_t want, uint64_t own)
{
	if (order == SPV_AT_MOST)
		return want <= own;
	if (order == SPV_AT_LEAST)
		return want >= own;
	return want == own;
}

/*
 * Every rule can fail at once and still fit: the field rules, the three
 * rules between fields, and spevirt_migrate_check()'s three level rules.
 * Otherwise SPV_ISSUES_FIT divides by zero, which does not compile.
 */
enum { SPV_ISSUES_FIT = 1 / (SPV_NR_FIELD_RULES + 3 + 3 <= SPEVIRT_MAX_ISSUES) };

void spevirt_issue_add_(struct spevirt_migration *issues, const char *field, uint64_t wanted,
			uint64_t found, const char *rule)
{
	/* SPV_ISSUES_FIT says there is always room; the bound stays where the write is. */
	if (issues->nr_issues < SPEVIRT_MAX_ISSUES) {
		struct spevirt_issue *i = &issues->issues[issues->nr_issues++];

		i->field = field;
		i->wanted = wanted;
		i->found = found;
		i->rule = rule;
	}
}

/* Remember the first rule broken; list every one when @issues is not NULL. */
static void note_why(struct spevirt_migration *issues, const char **first, const char *field,
		     uint64_t wanted, uint64_t found, const char *rule)
{
	if (!*first)
		*first = rule;
	if (issues)
		spevirt_issue_add_(issues, field, wanted, found, rule);
}

/* A broken rule with its reason @name, @text (SPV_WHY()). */
#define note(issues, first, field, wanted, found, name, text)	\
	note_why(issues, first, field, wanted, found, SPV_WHY(name, text))

/*
 * Rules between fields of the presented PMSIDR_EL1 that the order of each
 * field alone does not keep (Arm ARM A2.2).
 */
static void check_cross_fields(uint64_t want, uint64_t own, unsigned int pmsver,
			       struct spevirt_migration *issues, const char **first)
{
	uint64_t crr = SPEVIRT_PMSIDR_EL1_CRR;

	if (pmsver >= SPEVIRT_PMSVER_V1P5 && (want & crr) != (own & crr))
		note(issues, first, "PMSIDR_EL1.CRR", field_of(want, crr), field_of(own, crr),
		     PRESENT_V1P5_NO_CRR,
		     "PMSIDR_EL1.CRR is 1 when PMSVer is V1P5 (FEAT_SPEv1p5 implies FEAT_SPE_CRR)");
	if ((want & SPEVIRT_PMSIDR_EL1_FDS) && !(want & SPEVIRT_PMSIDR_EL1_LDS))
		note(issues, first, "PMSIDR_EL1.LDS", field_of(want, SPEVIRT_PMSIDR_EL1_LDS),
		     field_of(own, SPEVIRT_PMSIDR_EL1_LDS), PRESENT_FDS_NO_LDS,
		     "PMSIDR_EL1.FDS is 1 with LDS 0: FEAT_SPE_FDS requires FEAT_SPE_LDS");
	if (!(want & SPEVIRT_PMSIDR_EL1_EFT) != !(want & SPEVIRT_PMSIDR_EL1_FPF))
		note(issues, first, "PMSIDR_EL1.FPF", field_of(want, SPEVIRT_PMSIDR_EL1_FPF),
		     field_of(want, SPEVIRT_PMSIDR_EL1_EFT), PRESENT_EFT_FPF_DIFFER,
		     "PMSIDR_EL1.EFT and FPF differ: FEAT_SPE_EFT and FEAT_SPE_FPF imply each other");
}

const char *spevirt_present_check_(const uint64_t *own, const uint64_t *want, unsigned int pmsver,
				   struct spevirt_migration *issues)
{
	const char *first = NULL;
	unsigned int i;

	for (i = 0; i < SPV_NR_FIELD_RULES; i++) {
		const struct spv_field_rule *r = &spv_field_rules[i];
		uint64_t w = field_of(want[r->reg], r->mask);
		uint64_t o = field_of(own[r->reg], r->mask);

		if (!order_holds(r->order, w, o))
			note_why(issues, &first, r->field, w, o, r->rule);
		else if (w < 16 && ((r->reserved >> w) & 1))
			note_why(issues, &first, r->field, w, o, r->reserved_rule);
	}
	check_cross_fields(want[0], own[0], pmsver, issues, &first);
	return first;
}

/*
 * Fold a host's guest values into the pool's: features and F the smaller,
 * limits the larger.  Return the rule of the first field that must agree
 * and does not, or NULL.
 */
const char *spevirt_present_merge_(uint64_t *pool, uint64_t pmsidr, uint64_t pmbidr)
{
	const uint64_t own[] = { pmsidr, pmbidr };
	unsigned int i;

	for (i = 0; i < SPV_NR_FIELD_RULES; i++) {
		const struct spv_field_rule *r = &spv_field_rules[i];
		uint64_t p = field_of(pool[r->reg], r->mask);
		uint64_t o = field_of(own[r->reg], r->mask);

		if (order_holds(r->order, p, o))
			continue;
		if (r->order == SPV_SAME)
			return r->rule;
		pool[r->reg] = (pool[r->reg] & ~r->mask) | (own[r->reg] & r->mask);
	}
	return NULL;
}
