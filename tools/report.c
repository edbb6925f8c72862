// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#include <stdio.h>

#include "report.h"

void view_run(const struct view_args *args, struct view_result *r)
{
	r->args = args;
	r->cfg = args->cfg;
	if (args->best)
		r->status = spevirt_best_offer(&args->host, &r->cfg, &r->view);
	else
		r->status = spevirt_view_compute(&args->host, &r->cfg, &r->view);
}

static struct view_reg value_reg(const char *name, uint64_t value)
{
	return (struct view_reg){ .name = name, .value = value, .mask = ~0ULL };
}

static struct view_reg mask_reg(const char *name, const struct spevirt_regmask *rm)
{
	return (struct view_reg){
		.name = name, .value = rm->value, .mask = rm->mask, .is_regmask = true
	};
}

void view_guest_regs(const struct spevirt_view *v, struct view_reg out[NR_GUEST_REGS])
{
	out[0] = value_reg("PMSIDR_EL1", v->pmsidr_el1);
	out[1] = value_reg("PMBIDR_EL1", v->pmbidr_el1);
	out[2] = mask_reg("ID_AA64DFR0_EL1", &v->id_aa64dfr0_el1);
	out[3] = mask_reg("ID_AA64DFR2_EL1", &v->id_aa64dfr2_el1);
}

void view_trap_regs(const struct spevirt_view *v, struct view_reg out[NR_TRAP_REGS])
{
	out[0] = mask_reg("MDCR_EL2", &v->mdcr_el2);
	out[1] = mask_reg("PMSCR_EL2", &v->pmscr_el2);
	out[2] = mask_reg("HDFGRTR_EL2", &v->hdfgrtr_el2);
	out[3] = mask_reg("HDFGWTR_EL2", &v->hdfgwtr_el2);
	out[4] = mask_reg("HDFGRTR2_EL2", &v->hdfgrtr2_el2);
	out[5] = mask_reg("HDFGWTR2_EL2", &v->hdfgwtr2_el2);
	out[6] = mask_reg("HFGITR_EL2", &v->hfgitr_el2);
}

unsigned int view_access(const struct spevirt_view *v,
			 struct access_row rows[SPEVIRT_NR_SPE_SLOTS])
{
	unsigned int i, j, n = 0;

	for (i = 0; i < spevirt_reg_count() && n < SPEVIRT_NR_SPE_SLOTS; i++) {
		const struct spevirt_reg_desc *reg = spevirt_reg_get(i);
		struct access_row row = {
			.reg = reg,
			.read = spevirt_access(v, reg->encoding, false),
			.write = spevirt_access(v, reg->encoding, true),
		};

		if (row.read == SPEVIRT_ACCESS_NOT_SPE)
			continue;
		/* Insert in encoding order. */
		for (j = n++; j > 0 && rows[j - 1].reg->encoding > reg->encoding; j--)
			rows[j] = rows[j - 1];
		rows[j] = row;
	}
	return n;
}

static const struct {
	const char *name;
	const char *meaning;
} accesses[] = {
	[SPEVIRT_ACCESS_UNDEF] = { "UNDEF", "the access UNDEFs: injected by the hypervisor, or by "
				   "the hardware for a register the host lacks or a write to a "
				   "read-only register" },
	[SPEVIRT_ACCESS_UNTRAPPED] = { "UNTRAPPED", "not trapped: the hardware handles it" },
	[SPEVIRT_ACCESS_READ_VIEW] = { "READ_VIEW", "trapped read: return the value in the view" },
	[SPEVIRT_ACCESS_EMULATE] = { "EMULATE", "trapped by MDCR_EL2.E2PB: emulate from the "
				     "guest's shadow buffer registers" },
	[SPEVIRT_ACCESS_FORWARD] = { "FORWARD", "trapped by MDCR_EL2.TPMS: perform the access on "
				     "the hardware register" },
	[SPEVIRT_ACCESS_NOT_SPE] = { "NOT_SPE", "not an SPE register" },
};

#define NR_ACCESSES	(sizeof(accesses) / sizeof(accesses[0]))

const char *access_name(enum spevirt_access a)
{
	return (unsigned int)a < NR_ACCESSES ? accesses[a].name : "UNKNOWN";
}

const char *access_meaning(enum spevirt_access a)
{
	return (unsigned int)a < NR_ACCESSES ? accesses[a].meaning : "an unknown decision";
}

static const char *const statuses[] = {
	[SPEVIRT_OK] = "OK",
	[SPEVIRT_E_INVAL] = "E_INVAL",
	[SPEVIRT_E_HOST_NO_SPE] = "E_HOST_NO_SPE",
	[SPEVIRT_E_HOST_NOT_OWNED] = "E_HOST_NOT_OWNED",
	[SPEVIRT_E_HOST_INVALID] = "E_HOST_INVALID",
	[SPEVIRT_E_PMSVER] = "E_PMSVER",
	[SPEVIRT_E_NVM] = "E_NVM",
	[SPEVIRT_E_BUFSIZE] = "E_BUFSIZE",
	[SPEVIRT_E_NEED_FGT] = "E_NEED_FGT",
	[SPEVIRT_E_LEAK] = "E_LEAK",
};

const char *status_name(enum spevirt_status status)
{
	unsigned int i = (unsigned int)status;

	return i < sizeof(statuses) / sizeof(statuses[0]) ? statuses[i] : "UNKNOWN";
}

/* docs/policy.md, section 6, has for each what hides it and why nothing else can. */
bool leak_desc(unsigned int index, struct leak_desc *out)
{
	if (!spevirt_leak_name(index))
		return false;
	out->bit = 1ULL << index;
	out->name = spevirt_leak_name(index);
	out->meaning = spevirt_leak_describe(index);
	return true;
}

uint64_t leaks_unknown(uint64_t bits)
{
	return bits & ~((1ULL << SPEVIRT_LEAK_COUNT) - 1);
}

/* The widths of the Op0, Op1, CRn, CRm and Op2 fields of an MRS/MSR encoding. */
#define OP0_MAX	0x3U
#define OP1_MAX	0x7U
#define CRN_MAX	0xfU
#define CRM_MAX	0xfU
#define OP2_MAX	0x7U

/* Field @max of @enc, whose lowest bit SPEVIRT_SYSREG() puts at @unit. */
static unsigned int sysreg_field(uint32_t enc, uint32_t unit, unsigned int max)
{
	return (unsigned int)(enc / unit) & max;
}

void sysreg_name(uint32_t enc, char *buf, size_t len)
{
	snprintf(buf, len, "S%u_%u_C%u_C%u_%u",
		 sysreg_field(enc, SPEVIRT_SYSREG(1U, 0U, 0U, 0U, 0U), OP0_MAX),
		 sysreg_field(enc, SPEVIRT_SYSREG(0U, 1U, 0U, 0U, 0U), OP1_MAX),
		 sysreg_field(enc, SPEVIRT_SYSREG(0U, 0U, 1U, 0U, 0U), CRN_MAX),
		 sysreg_field(enc, SPEVIRT_SYSREG(0U, 0U, 0U, 1U, 0U), CRM_MAX),
		 sysreg_field(enc, SPEVIRT_SYSREG(0U, 0U, 0U, 0U, 1U), OP2_MAX));
}
