// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#include <stdio.h>
#include <string.h>

#include <spevirt/spevirt_nested.h>

#include "guests.h"
#include "hostfile.h"
#include "report.h"

bool view_load(struct view_args *args, struct parse_error *err)
{
	struct named_host nh;

	if (!args->host_file)
		return true;
	if (!host_arg_load_one("--host", args->host_file, &nh, err))
		return false;
	snprintf(args->host_name, sizeof(args->host_name), "%s", nh.name);
	view_args_set_host(args, &nh.host);
	return true;
}

static void view_compute(const struct view_args *args, struct view_result *r)
{
	*r = (struct view_result){ .args = args, .cfg = args->cfg };
	/* A bound of none is a guest without SPE, not an offer without a bound. */
	if (!args->best || (args->pmsver_given && args->cfg.pmsver == SPEVIRT_PMSVER_NI)) {
		r->status = spevirt_view_compute(&args->host, &r->cfg, &r->view);
		return;
	}
	/* --pmsver bounds the offer; without it, nothing does. */
	if (!args->pmsver_given)
		r->cfg.pmsver = SPEVIRT_PMSVER_NI;
	r->status = spevirt_best_offer_report(&args->host, &r->cfg, &r->view, &r->report);
	if (r->status != SPEVIRT_OK)
		return;
	/* --nvm asks for SPE_nVM: the best level with it, or the library's refusal. */
	if (args->cfg.spe_nvm && !r->cfg.spe_nvm && r->cfg.pmsver) {
		r->cfg.spe_nvm = 1;
		r->status = spevirt_view_compute(&args->host, &r->cfg, &r->view);
		if (r->status != SPEVIRT_OK)
			return;
	}
	explain_offer(args, r->cfg.pmsver, &r->report, &r->why_not);
}

int config_rank(const struct spevirt_config *cfg)
{
	return (int)(cfg->pmsver * 2 + cfg->spe_nvm);
}

int offer_rank(const struct view_result *r)
{
	return r->status == SPEVIRT_OK ? config_rank(&r->cfg) : -1;
}

/* The limit is wasted on a driver that cannot see it: pinned memory serves it better. */
static bool limit_hurts(const struct view_args *args, const struct view_result *r)
{
	struct guest_verdict g;

	if (!args->guest || r->status != SPEVIRT_OK)
		return false;
	guest_model(args->guest, &r->view, &g);
	return g.buffer_limit == GUEST_LIMIT_FATAL_ABOVE;
}

/*
 * --best with both --max-buffer-size and --allow pinned-memory names two
 * ways to bound what the guest's buffer costs the hypervisor, and a view
 * takes one: the higher offer wins; on a tie the limit, unless the guest's
 * driver (--guest) cannot see it (docs/policy.md section 14).
 */
static void view_best_buffer(const struct view_args *args, struct view_result *r)
{
	static struct view_result pinned_r;
	struct view_args limited = *args, pinned = *args;
	int rank;

	limited.cfg.flags &= ~SPEVIRT_CFG_PINNED_MEMORY;
	pinned.cfg.max_buffer_size = 0;
	view_compute(&limited, r);
	view_compute(&pinned, &pinned_r);
	rank = offer_rank(r);
	if (offer_rank(&pinned_r) > rank) {
		*r = pinned_r;
		r->buffer_choice = BUFFER_PINNED_MORE;
	} else if (offer_rank(&pinned_r) == rank && limit_hurts(args, r)) {
		*r = pinned_r;
		r->buffer_choice = BUFFER_PINNED_GUEST;
	} else {
		r->buffer_choice = BUFFER_LIMIT;
	}
	r->args = args;
}

void buffer_choice_text(const struct view_result *r, char *buf, size_t len)
{
	char size[32];

	format_size(r->args->cfg.max_buffer_size, size, sizeof(size));
	if (r->buffer_choice == BUFFER_PINNED_MORE)
		snprintf(buf, len, "pinned memory (no limit) chosen over the %s limit: it gives "
			 "more", size);
	else if (r->buffer_choice == BUFFER_PINNED_GUEST)
		snprintf(buf, len, "pinned memory (no limit) chosen over the %s limit, which %s "
			 "cannot see", size, r->args->guest->name);
	else if (r->buffer_choice == BUFFER_LIMIT)
		snprintf(buf, len, "the %s limit chosen over pinned memory", size);
	else
		buf[0] = '\0';
}

void check_clauses(const struct view_result *r, char *buf, size_t len)
{
	size_t used = strlen(buf);
	char choice[128];

	buffer_choice_text(r, choice, sizeof(choice));
	if (choice[0] && used + 2 < len)
		snprintf(buf + used, len - used, "; %s", choice);
	if (r->args->guest)
		guest_check_clause(&r->guest, buf, len);
}

void view_run(const struct view_args *args, struct view_result *r)
{
	if (args->best && args->cfg.max_buffer_size &&
	    (args->cfg.flags & SPEVIRT_CFG_PINNED_MEMORY))
		view_best_buffer(args, r);
	else
		view_compute(args, r);
	if (args->guest && r->status == SPEVIRT_OK)
		guest_model(args->guest, &r->view, &r->guest);
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

void trap_regs_of(const struct spevirt_regmask *const rm[NR_TRAP_REGS],
		  struct view_reg out[NR_TRAP_REGS])
{
	static const char *const names[NR_TRAP_REGS] = {
		"MDCR_EL2", "PMSCR_EL2", "HDFGRTR_EL2", "HDFGWTR_EL2", "HDFGRTR2_EL2",
		"HDFGWTR2_EL2", "HFGITR_EL2",
	};
	unsigned int i;

	for (i = 0; i < NR_TRAP_REGS; i++)
		out[i] = mask_reg(names[i], rm[i]);
}

void view_trap_regs(const struct spevirt_view *v, struct view_reg out[NR_TRAP_REGS])
{
	const struct spevirt_regmask *const rm[NR_TRAP_REGS] = {
		&v->mdcr_el2, &v->pmscr_el2, &v->hdfgrtr_el2, &v->hdfgwtr_el2,
		&v->hdfgrtr2_el2, &v->hdfgwtr2_el2, &v->hfgitr_el2,
	};

	trap_regs_of(rm, out);
}

unsigned int host_fgt_level(const struct spevirt_host *host)
{
	unsigned int fgt;

	/* An invalid host's refusal is the composition's to report. */
	return spevirt_nested_max_fgt(host, &fgt) == SPEVIRT_OK ? fgt : 0;
}

bool is_fgt_reg(const char *reg)
{
	return !strcmp(reg, "HDFGRTR_EL2") || !strcmp(reg, "HDFGWTR_EL2") ||
	       !strcmp(reg, "HDFGRTR2_EL2") || !strcmp(reg, "HDFGWTR2_EL2") ||
	       !strcmp(reg, "HFGITR_EL2");
}

bool fgt_bit_traps(const char *field, uint64_t value)
{
	return (value != 0) != (field[0] == 'n');
}

/* Why a bit traps: what the guest gets from the hypervisor. */
static const char *trapping_why(enum spevirt_access d)
{
	switch (d) {
	case SPEVIRT_ACCESS_READ_VIEW:
		return "the guest must read the view's value";
	case SPEVIRT_ACCESS_UNDEF:
		return "the guest lacks it: UNDEF";
	default:
		return "the hypervisor handles the access";
	}
}

/* Why a bit does not trap. */
static const char *passing_why(enum spevirt_access d)
{
	switch (d) {
	case SPEVIRT_ACCESS_UNTRAPPED:
		return "the hardware handles it";
	case SPEVIRT_ACCESS_EMULATE:
		return "MDCR_EL2.E2PB traps it: emulated";
	case SPEVIRT_ACCESS_FORWARD:
	case SPEVIRT_ACCESS_READ_VIEW:
		return "MDCR_EL2.TPMS traps it instead";
	default:
		return "MDCR_EL2 traps it: UNDEF";
	}
}

const char *fgt_bit_why(const struct spevirt_view *v, const char *reg, const char *field,
			bool traps)
{
	const struct spevirt_reg_desc *target;
	bool is_write = strstr(reg, "WTR") != NULL;

	if (!strcmp(reg, "HFGITR_EL2"))
		return "PSB CSYNC is a hint: never trapped";
	target = spevirt_reg_find(field[0] == 'n' ? field + 1 : field);
	if (!target)
		return "";
	if (traps)
		return trapping_why(spevirt_access(v, target->encoding, is_write));
	return passing_why(spevirt_access(v, target->encoding, is_write));
}

const struct spevirt_reg_desc *reg_by_encoding(uint32_t enc)
{
	unsigned int i;

	for (i = 0; i < spevirt_reg_count(); i++)
		if (spevirt_reg_get(i)->encoding == enc)
			return spevirt_reg_get(i);
	return NULL;
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

/* docs/policy.md section 8 has the same rows with their Arm ARM lines. */
static const char *pmscr_why(const char *field, uint64_t value)
{
	if (!strcmp(field, "EnVM"))
		return value ? "the guest has SPE_nVM: it may use physical-address buffer pointers" :
			       "the guest has no SPE_nVM: the PE behaves as if PMBLIMITR_EL1.nVM "
			       "were 0";
	if (!strcmp(field, "KE"))
		return "0: a profiling exception taken to EL2 stays masked at EL2";
	if (!strcmp(field, "EE"))
		return "0b00: no SPE profiling exception while a guest runs, whatever it writes "
		       "to PMSCR_EL1.EE; its buffer events stay in PMBSR_EL1 and drive PMBIRQ";
	if (!strcmp(field, "PCT"))
		return value == SPEVIRT_PMSCR_EL2_PCT_VIRT ?
			"0b00: timestamps are the virtual counter whatever PMSCR_EL1.PCT says "
			"(--allow phys-timestamp lets the guest choose)" :
		       value == SPEVIRT_PMSCR_EL2_PCT_PHYS ?
			"0b01 (--allow phys-timestamp): PMSCR_EL1.PCT chooses the virtual or the "
			"host's physical counter" :
			"0b11 (--allow phys-timestamp, FEAT_ECV): PMSCR_EL1.PCT chooses the "
			"virtual counter or the physical counter minus CNTPOFF_EL2";
	if (!strcmp(field, "PA"))
		return value ? "1 (--allow phys-addr): records carry host physical addresses when "
			       "the guest sets PMSCR_EL1.PA" :
			       "0: records never carry host physical addresses (--allow phys-addr "
			       "would permit them)";
	return value ? "1 (--allow contextidr-el2): records carry CONTEXTIDR_EL2, the "
		       "hypervisor's context" :
		       "0: records never carry CONTEXTIDR_EL2, the hypervisor's context (--allow "
		       "contextidr-el2 would permit it)";
}

static unsigned int add_fields(const char *name, const struct spevirt_regmask *rm,
			       uint64_t skip, struct el2_field *out, unsigned int n)
{
	const struct spevirt_reg_desc *reg = spevirt_reg_find(name);
	uint32_t i;

	for (i = 0; i < reg->nr_fields && n < NR_EL2_FIELDS; i++) {
		const struct spevirt_field_desc *f = &reg->fields[i];
		uint64_t mask = (~0ULL >> (64 - f->width)) << f->shift;

		if (!(rm->mask & mask) || (skip & mask))
			continue;
		out[n].reg = reg->name;
		out[n].field = f->name;
		out[n].msb = f->shift + f->width - 1U;
		out[n].lsb = f->shift;
		out[n].value = (rm->value & mask) >> f->shift;
		out[n].why = strcmp(name, "MDCR_EL2") ? pmscr_why(f->name, out[n].value) :
			     "0: the guest's buffer events never freeze the hypervisor's event "
			     "counters";
		n++;
	}
	return n;
}

unsigned int view_el2_fields(const struct spevirt_view *v, struct el2_field out[NR_EL2_FIELDS])
{
	unsigned int n = add_fields("PMSCR_EL2", &v->pmscr_el2, 0, out, 0);

	return add_fields("MDCR_EL2", &v->mdcr_el2, SPEVIRT_MDCR_EL2_E2PB | SPEVIRT_MDCR_EL2_TPMS,
			  out, n);
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
	[SPEVIRT_E_MISMATCH] = "E_MISMATCH",
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
