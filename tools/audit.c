// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * 'spevirt audit': what a hypervisor programs for SPE, from the catalogue
 * (catalogue.c) or from options, taken through spevirt_audit() on a host.
 */
#include <stdarg.h>
#include <string.h>
#include <strings.h>

#include <spevirt/spevirt_nested.h>

#include "audit.h"
#include "command.h"
#include "explain.h"
#include "guests.h"
#include "json.h"
#include "output.h"
#include "report.h"

const char audit_help[] =
	"Usage: spevirt audit [--hypervisor NAME] [--host HOST] [OPTIONS]\n"
	"\n"
	"What a hypervisor's SPE set-up does to its guest: every SPE register access\n"
	"taken through the Arm ARM's access pseudocode with the EL2 controls it\n"
	"programs, against what its guest reads.  Each finding is BROKEN, ISOLATION,\n"
	"LEAK, INCONSISTENT or REDUNDANT, with its rule (docs/policy.md section 13).\n"
	"\n"
	"  --hypervisor NAME     a hypervisor of the catalogue (docs/hypervisors.md):\n"
	"                        kvm, kvm-rfc-v6, xen, hafnium, bhyve, tf-rmm, gunyah,\n"
	"                        bao, jailhouse, sel4 (any case); the options below\n"
	"                        change its values\n"
	"  --list                the catalogue\n"
	"  --host HOST           the host (default: the armv8.7 preset)\n"
	"\n"
	"What the hypervisor programs (VALUE: 0x or 0b digits; default 0):\n"
	"  --mdcr-el2 VALUE, --pmscr-el2 VALUE, --hdfgrtr-el2 VALUE,\n"
	"  --hdfgwtr-el2 VALUE, --hdfgrtr2-el2 VALUE, --hdfgwtr2-el2 VALUE,\n"
	"  --hfgitr-el2 VALUE\n"
	"What its guest reads:\n"
	"  --guest-dfr0 VALUE    ID_AA64DFR0_EL1 (PMSVer is read)\n"
	"  --guest-dfr2 VALUE    ID_AA64DFR2_EL1 (SPE_nVM, SPE_EXC)\n"
	"  --guest-pmsidr VALUE  what a trapped, emulated PMSIDR_EL1 read returns\n"
	"  --guest-pmbidr VALUE  likewise for PMBIDR_EL1\n"
	"What it claims:\n"
	"  --emulate REGS        the SPE registers it emulates when they trap (names,\n"
	"                        comma-separated, all or none); the others get UNDEF\n"
	"  --switch REGS         the SPE registers it context-switches (all: every\n"
	"                        one with state, not PMSIDR_EL1 or PMBIDR_EL1)\n"
	"  --pinned              guest memory is pinned at stage 2\n"
	"The guest:\n"
	"  --guest DRIVER        also report what breaks that guest SPE driver (see\n"
	"                        'spevirt guests'): a refusal to probe, a limit it\n"
	"                        cannot see, filter bits its probe learns\n"
	"  --firmware-spe yes|no whether the firmware tables describe the SPE\n"
	"                        interrupt (with --guest): judged against PMSVer\n"
	"As a guest hypervisor (docs/policy.md section 16):\n"
	"  --as-l1 LEVEL         audit it as L1 under spevirt's default view with\n"
	"                        PMSVer LEVEL on --host: on the machine L1 sees, and\n"
	"                        whether L0 can give its guest that view exactly\n"
	"  --l1-fgt LEVEL        the FEAT_FGT level L1 is shown: 0, 1 or 2 (default:\n"
	"                        the host's, as far as EL3 leaves it enabled)\n"
	"  --json                JSON output (docs/cli-json.md)\n"
	"\n"
	"Exit status: 0 no finding; 1 findings; 2 usage error or a bad host file;\n"
	"3 output error.\n";


__attribute__((format(printf, 2, 3))) static bool fail(struct parse_error *err,
						      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return false;
}

/* Options */

/*
 * "all": every SPE register there is (not the unallocated encodings of the
 * block); for --switch, without PMSIDR_EL1 and PMBIDR_EL1, which are
 * read-only and hold no guest state to switch.
 */
static uint16_t all_spe_regs(const char *what)
{
	bool ids = strcmp(what, "--switch") != 0;
	uint16_t slots = 0;
	unsigned int i;

	for (i = 0; i < spevirt_reg_count(); i++) {
		const struct spevirt_reg_desc *reg = spevirt_reg_get(i);
		uint32_t slot = spevirt_spe_slot(reg->encoding);

		if (slot < SPEVIRT_NR_SPE_SLOTS &&
		    (ids || (reg->encoding != SPEVIRT_SYSREG_PMSIDR_EL1 &&
			     reg->encoding != SPEVIRT_SYSREG_PMBIDR_EL1)))
			slots |= (uint16_t)(1U << slot);
	}
	return slots;
}

static bool parse_spe_regs(const char *what, const char *s, uint16_t *slots, struct parse_error *err)
{
	char name[32];
	size_t len;
	struct quoted q;

	for (;;) {
		const struct spevirt_reg_desc *reg;

		len = strcspn(s, ",");
		if (!len || len >= sizeof(name))
			return fail(err, "%s %s: expected SPE register names separated by commas "
				    "(PMSCR_EL1,PMBLIMITR_EL1), all or none", what, quote(&q, s));
		memcpy(name, s, len);
		name[len] = '\0';
		reg = spevirt_reg_find(name);
		if (!strcasecmp(name, "all"))
			*slots = all_spe_regs(what);
		else if (reg && spevirt_spe_slot(reg->encoding) < SPEVIRT_NR_SPE_SLOTS)
			*slots |= (uint16_t)(1U << spevirt_spe_slot(reg->encoding));
		else if (strcasecmp(name, "none"))
			return fail(err, "%s: %s is not an SPE register (PMSCR_EL1 ... PMBIDR_EL1), "
				    "all or none", what, quote(&q, name));
		if (!s[len])
			return true;
		s += len + 1;
	}
}

enum audit_opt {
	AO_HELP = OPT_HELP,
	AO_MDCR,		/* in the order of enum audit_field, to AO_PINNED */
	AO_PMSCR,
	AO_HDFGRTR,
	AO_HDFGWTR,
	AO_HDFGRTR2,
	AO_HDFGWTR2,
	AO_HFGITR,
	AO_DFR0,
	AO_DFR2,
	AO_PMSIDR,
	AO_PMBIDR,
	AO_EMULATE,
	AO_SWITCH,
	AO_PINNED,
	AO_HOST,
	AO_HYPERVISOR,
	AO_LIST,
	AO_GUEST,
	AO_FIRMWARE,
	AO_AS_L1,
	AO_L1_FGT,
	AO_JSON,
};

static const struct opt_spec audit_opts[] = {
	[AO_HELP] = { "--help", NULL, false },
	[AO_MDCR] = { "--mdcr-el2", "VALUE", false },
	[AO_PMSCR] = { "--pmscr-el2", "VALUE", false },
	[AO_HDFGRTR] = { "--hdfgrtr-el2", "VALUE", false },
	[AO_HDFGWTR] = { "--hdfgwtr-el2", "VALUE", false },
	[AO_HDFGRTR2] = { "--hdfgrtr2-el2", "VALUE", false },
	[AO_HDFGWTR2] = { "--hdfgwtr2-el2", "VALUE", false },
	[AO_HFGITR] = { "--hfgitr-el2", "VALUE", false },
	[AO_DFR0] = { "--guest-dfr0", "VALUE", false },
	[AO_DFR2] = { "--guest-dfr2", "VALUE", false },
	[AO_PMSIDR] = { "--guest-pmsidr", "VALUE", false },
	[AO_PMBIDR] = { "--guest-pmbidr", "VALUE", false },
	[AO_EMULATE] = { "--emulate", "REGS", true },
	[AO_SWITCH] = { "--switch", "REGS", true },
	[AO_PINNED] = { "--pinned", NULL, false },
	[AO_HOST] = { "--host", "HOST", false },
	[AO_HYPERVISOR] = { "--hypervisor", "NAME", false },
	[AO_LIST] = { "--list", NULL, false },
	[AO_GUEST] = { "--guest", "DRIVER", false },
	[AO_FIRMWARE] = { "--firmware-spe", "yes|no", false },
	[AO_AS_L1] = { "--as-l1", "LEVEL", false },
	[AO_L1_FGT] = { "--l1-fgt", "LEVEL", false },
	[AO_JSON] = { "--json", NULL, false },
};

static uint64_t *audit_field(struct spevirt_hypervisor *hv, enum audit_field f)
{
	uint64_t *const at[] = {
		[AF_MDCR] = &hv->el2.mdcr_el2,
		[AF_PMSCR] = &hv->el2.pmscr_el2,
		[AF_HDFGRTR] = &hv->el2.hdfgrtr_el2,
		[AF_HDFGWTR] = &hv->el2.hdfgwtr_el2,
		[AF_HDFGRTR2] = &hv->el2.hdfgrtr2_el2,
		[AF_HDFGWTR2] = &hv->el2.hdfgwtr2_el2,
		[AF_HFGITR] = &hv->el2.hfgitr_el2,
		[AF_DFR0] = &hv->id_aa64dfr0_el1,
		[AF_DFR2] = &hv->id_aa64dfr2_el1,
		[AF_PMSIDR] = &hv->pmsidr_el1,
		[AF_PMBIDR] = &hv->pmbidr_el1,
	};

	return (unsigned int)f <= AF_PMBIDR ? at[f] : NULL;
}

static bool audit_option(void *ctx, int o, const char *val, struct parse_error *err)
{
	struct audit_args *a = ctx;
	const char *name = audit_opts[o].name;

	if (o >= AO_MDCR && o <= AO_PINNED)
		a->given |= 1U << (o - AO_MDCR);
	switch (o) {
	case AO_EMULATE:
		return parse_spe_regs(name, val, &a->hv.emulated, err);
	case AO_SWITCH:
		return parse_spe_regs(name, val, &a->hv.switched, err);
	case AO_PINNED:
		a->hv.pinned = true;
		return true;
	case AO_HOST:
		a->host = val;
		return true;
	case AO_HYPERVISOR:
		a->hypervisor = val;
		return true;
	case AO_LIST:
		a->list = true;
		return true;
	case AO_GUEST:
		return parse_guest(name, val, &a->guest, err);
	case AO_FIRMWARE:
		return parse_yes_no(name, val, &a->firmware_spe, err);
	case AO_AS_L1:
		a->as_l1 = true;
		return parse_pmsver(name, val, &a->l1_pmsver, err);
	case AO_L1_FGT:
		a->l1_fgt_given = true;
		return parse_fgt_level(name, val, &a->l1_fgt, err);
	case AO_JSON:
		a->json = true;
		return true;
	default:
		return parse_value(name, val, UINT64_MAX,
				   audit_field(&a->hv, (enum audit_field)(o - AO_MDCR)), err);
	}
}

static bool parse_audit_args(int argc, char *const argv[], struct audit_args *a,
			     struct parse_error *err)
{
	struct scanner sc = SCANNER("audit", argc, argv, audit_opts);
	static const char usage[] = " [--hypervisor NAME] [--host HOST] [OPTIONS]";
	int n;

	*a = (struct audit_args){ .host = NULL };
	if (!scan_all(&sc, NULL, 0, &n, usage, audit_option, a, &a->help, err))
		return false;
	if (a->help || a->list)
		return true;
	if (!a->hypervisor && !a->given)
		return fail(err, "'spevirt audit' needs --hypervisor NAME (see --list) or the "
			    "values the hypervisor programs (--mdcr-el2 VALUE ...): usage: spevirt "
			    "audit%s", usage);
	if ((sc.seen & (1U << AO_FIRMWARE)) && !a->guest)
		return fail(err, "--firmware-spe judges what a guest driver does with the "
			    "tables: give --guest DRIVER too");
	a->firmware_given = sc.seen & (1U << AO_FIRMWARE);
	if (a->l1_fgt_given && !a->as_l1)
		return fail(err, "--l1-fgt is the FGT level a guest hypervisor is shown: give "
			    "--as-l1 LEVEL too");
	return true;
}

/* Run */

bool audit_load(const struct audit_args *a, struct audit_result *r, struct parse_error *err)
{
	struct quoted q;

	*r = (struct audit_result){ .status = SPEVIRT_OK };
	if (a->hypervisor) {
		r->entry = catalogue_find(a->hypervisor);
		if (!r->entry) {
			snprintf(err->msg, sizeof(err->msg), "--hypervisor: %s is not in the "
				 "catalogue; 'spevirt audit --list' lists it", quote(&q, a->hypervisor));
			return false;
		}
	}
	if (a->host)
		return host_arg_load_one("--host", a->host, &r->host, err);
	snprintf(r->host.name, sizeof(r->host.name), "%s", preset_default()->name);
	r->host.host = preset_default()->host;
	return true;
}

/* The catalogue's values, then those given by option over them. */
static void merge(const struct audit_args *a, struct spevirt_hypervisor *hv)
{
	struct spevirt_hypervisor given = a->hv;
	unsigned int f;

	for (f = AF_MDCR; f <= AF_PMBIDR; f++)
		if (a->given & (1U << f))
			*audit_field(hv, (enum audit_field)f) = *audit_field(&given, (enum audit_field)f);
	if (a->given & (1U << AF_EMULATE))
		hv->emulated = given.emulated;
	if (a->given & (1U << AF_SWITCH))
		hv->switched = given.switched;
	if (a->given & (1U << AF_PINNED))
		hv->pinned = true;
}

/*
 * What the guest's driver reads, as a view: the ID values the hypervisor
 * gives, its advertised limit, and the leaks the audit found (an
 * unadvertised limit, filter bits the driver's probe sees).
 */
static void guest_reads(const struct audit_result *r, struct spevirt_view *v)
{
	unsigned int i;

	*v = (struct spevirt_view){ .pmsidr_el1 = r->hv.pmsidr_el1 };
	v->pmbidr_el1 = r->hv.pmbidr_el1;
	v->id_aa64dfr0_el1.mask = SPEVIRT_ID_AA64DFR0_EL1_PMSVER;
	v->id_aa64dfr0_el1.value = r->hv.id_aa64dfr0_el1 & SPEVIRT_ID_AA64DFR0_EL1_PMSVER;
	v->max_buffer_size = spevirt_maxbuf_decode(pmbidr_maxbuffsize(r->hv.pmbidr_el1));
	for (i = 0; i < r->audit.nr_findings; i++)
		v->leaks |= r->audit.findings[i].leak;
	v->limit_advertised = !(v->leaks & SPEVIRT_LEAK_UNADVERTISED_LIMIT);
}

__attribute__((format(printf, 5, 6)))
static void guest_finding(struct audit_result *r, enum spevirt_finding_class cls, uint64_t leak,
			  const char *field, const char *fmt, ...)
{
	unsigned int n = r->nr_guest_findings;
	va_list ap;

	if (n == GUEST_MAX_FINDINGS)
		return;
	va_start(ap, fmt);
	vsnprintf(r->guest_texts[n], GUEST_FINDING_TEXT, fmt, ap);
	va_end(ap);
	r->guest_findings[n] = (struct spevirt_finding){
		.cls = (uint8_t)cls, .leak = leak, .field = field, .text = r->guest_texts[n],
		.rule = "docs/guests.md, the driver's rules; docs/policy.md section 14",
	};
	r->nr_guest_findings++;
}

/* The firmware tables against PMSVer: the PPI exactly when the guest has SPE. */
static void guest_firmware(const struct audit_args *a, struct audit_result *r,
			   unsigned int pmsver)
{
	const char *name = r->guest->name;

	if (!a->firmware_given)
		return;
	if (!pmsver && a->firmware_spe && r->verdict.firmware == GUEST_FW_MUST_NOT)
		guest_finding(r, SPEVIRT_FINDING_BROKEN, 0, "firmware tables",
			      "%s crashes at boot: the tables describe the SPE interrupt while "
			      "ID_AA64DFR0_EL1.PMSVer reads 0, so the driver attaches and reads "
			      "PMBIDR_EL1, which UNDEFs", name);
	if (pmsver && !a->firmware_spe)
		guest_finding(r, SPEVIRT_FINDING_BROKEN, 0, "firmware tables",
			      "%s never probes SPE: ID_AA64DFR0_EL1.PMSVer reads %u but the "
			      "tables describe no SPE interrupt, so no SPE device exists", name,
			      pmsver);
}

/* What the driver makes of the values the guest reads. */
static void audit_guest(const struct audit_args *a, struct audit_result *r)
{
	const struct guest_verdict *g = &r->verdict;
	unsigned int pmsver;
	struct spevirt_view v;
	char size[32];

	guest_reads(r, &v);
	guest_model(r->guest, &v, &r->verdict);
	pmsver = (unsigned int)((r->hv.id_aa64dfr0_el1 & SPEVIRT_ID_AA64DFR0_EL1_PMSVER) >>
				SPEVIRT_ID_AA64DFR0_EL1_PMSVER_SHIFT);
	guest_firmware(a, r, pmsver);
	if (pmsver && !g->probes)
		guest_finding(r, SPEVIRT_FINDING_BROKEN, 0, "guest driver",
			      "%s does not probe what the guest reads: %s", r->guest->name,
			      g->refusal);
	format_size(v.max_buffer_size, size, sizeof(size));
	if (g->probes && g->buffer_limit == GUEST_LIMIT_FATAL_ABOVE)
		guest_finding(r, SPEVIRT_FINDING_BROKEN, 0, "PMBIDR_EL1.MaxBuffSize",
			      "%s ends any session whose buffer exceeds the %s limit: it does not "
			      "see PMBIDR_EL1.MaxBuffSize, and the buffer-size event is fatal to "
			      "it", r->guest->name, size);
	if (g->probes && (r->guest->rules & GUEST_PROBES_PMSEVFR) &&
	    (v.leaks & SPEVIRT_LEAK_FILTER_BITS))
		guest_finding(r, SPEVIRT_FINDING_LEAK, SPEVIRT_LEAK_FILTER_BITS, "PMSEVFR_EL1",
			      "%s writes ones to PMSEVFR_EL1 and reads back the host's filter "
			      "bits: perf accepts filters the guest's PMSVer does not have",
			      r->guest->name);
}

/*
 * --as-l1: the hypervisor runs as a guest hypervisor under spevirt's
 * default view with PMSVer LEVEL.  It is audited on the machine it sees
 * (spevirt_nested.l1_host), and L0's composition of its guest's SPE says
 * whether that guest's view can be exact (docs/policy.md section 16).
 * False when L0 gives it no view: r->status is the view's refusal.
 */
static bool as_l1(const struct audit_args *a, struct audit_result *r)
{
	struct spevirt_config cfg = { .profile = SPEVIRT_PROFILE_DEFAULT, .pmsver = a->l1_pmsver };
	struct spevirt_nested_l1 l1 = {
		.el2 = r->hv.el2,
		.fgt = a->l1_fgt_given ? a->l1_fgt : host_fgt_level(&r->host.host),
	};
	struct spevirt_nested n;
	struct spevirt_view v;

	r->l0_host = r->host;
	r->status = spevirt_view_compute(&r->host.host, &cfg, &v);
	r->nested_status = r->status;
	r->nested_reason = v.reason;
	if (r->status != SPEVIRT_OK)
		return false;
	r->nested_status = spevirt_nested_compose(&r->host.host, &v, &l1, &n);
	r->nested_reason = n.reason;
	r->host.host = n.l1_host;
	snprintf(r->host.name, sizeof(r->host.name), "L1's machine (PMSVer %s, FGT level %u)",
		 pmsver_name(a->l1_pmsver) ? pmsver_name(a->l1_pmsver) : "?", l1.fgt);
	return true;
}

void audit_run(const struct audit_args *a, struct audit_result *r)
{
	if (r->entry)
		r->entry->program(&r->host.host, &r->hv);
	merge(a, &r->hv);
	if (a->as_l1 && !as_l1(a, r))
		return;
	r->status = spevirt_audit(&r->host.host, &r->hv, &r->audit);
	r->guest = a->guest;
	if (r->guest && r->status == SPEVIRT_OK)
		audit_guest(a, r);
}

/* Findings of the library and of --guest; with --as-l1, a composition L0 refuses. */
unsigned int audit_nr_findings(const struct audit_result *r)
{
	return r->audit.nr_findings + r->nr_guest_findings +
	       (r->l0_host.name[0] && r->nested_status != SPEVIRT_OK);
}

/* The EL2 registers, in the order struct spevirt_el2_regs has them. */
static const char *const el2_names[] = {
	"MDCR_EL2", "PMSCR_EL2", "HDFGRTR_EL2", "HDFGWTR_EL2", "HDFGRTR2_EL2", "HDFGWTR2_EL2",
	"HFGITR_EL2",
};

static void el2_values(const struct spevirt_el2_regs *e, uint64_t out[7])
{
	out[0] = e->mdcr_el2;
	out[1] = e->pmscr_el2;
	out[2] = e->hdfgrtr_el2;
	out[3] = e->hdfgwtr_el2;
	out[4] = e->hdfgrtr2_el2;
	out[5] = e->hdfgwtr2_el2;
	out[6] = e->hfgitr_el2;
}

/* The Arm ARM name of an SPE register encoding. */
static const char *spe_name(uint32_t enc)
{
	const struct spevirt_reg_desc *reg = reg_by_encoding(enc);

	return reg ? reg->name : "?";
}

/* The Arm ARM section whose "Accessing" pseudocode an SPE register's access follows. */
static const char *access_section(uint32_t enc)
{
	/* By spevirt_spe_slot(): PMSCR_EL1 ... PMSIDR_EL1, then PMBLIMITR_EL1 ... PMBIDR_EL1. */
	static const char *const sections[SPEVIRT_NR_SPE_SLOTS] = {
		"D24.7.8", "D24.7.17", "D24.7.13", "D24.7.15", "D24.7.12", "D24.7.11",
		"D24.7.16", "D24.7.14", "D24.7.2", "D24.7.4", NULL, "D24.7.5", "D24.7.10",
		"D24.7.3", NULL, "D24.7.1",
	};
	uint32_t slot = spevirt_spe_slot(enc);

	return slot < SPEVIRT_NR_SPE_SLOTS ? sections[slot] : NULL;
}

/* The SPEVIRT_LEAK_* name of the one bit of @leak. */
static const char *leak_of(uint64_t leak)
{
	unsigned int bit = 0;

	while (bit < 63 && !((leak >> bit) & 1))
		bit++;
	return spevirt_leak_name(bit);
}

/* The registers of a set of spevirt_spe_slot() bits, comma-separated. */
static void slot_names(uint16_t slots, char *buf, size_t len)
{
	unsigned int s;
	size_t used = 0;

	buf[0] = '\0';
	for (s = 0; s < SPEVIRT_NR_SPE_SLOTS && used < len; s++) {
		if (!((slots >> s) & 1))
			continue;
		used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
					 spe_name(SPEVIRT_SYSREG(3, 0, 9, 9 + s / 8, s % 8)));
	}
	if (!buf[0])
		snprintf(buf, len, "none");
}

/* Is finding @i followed by the other direction of the same register and rule? */
static bool paired(const struct spevirt_audit *a, unsigned int i)
{
	const struct spevirt_finding *f = &a->findings[i], *g = f + 1;

	return i + 1 < a->nr_findings && f->sysreg && g->sysreg == f->sysreg &&
	       g->cls == f->cls && g->text == f->text && g->rule == f->rule;
}

/* One finding; @pair: it stands for the read and the write of its register. */
static void text_one(FILE *out, const struct spevirt_finding *f, bool pair)
{
	char what[64];

	snprintf(what, sizeof(what), "%s%s", f->field,
		 !f->sysreg ? "" : pair ? " read and write" : f->is_write ? " write" : " read");
	fprintf(out, "  %-12s %s\n    ", spevirt_finding_class_name(f->cls), what);
	print_wrapped(out, 4, 4, f->text);
	if (f->sysreg && access_section(f->sysreg)) {
		fprintf(out, "    rule (%s, accessing %s): ", access_section(f->sysreg), f->field);
		print_wrapped(out, (unsigned int)(25 + strlen(access_section(f->sysreg)) +
						  strlen(f->field)), 6, f->rule);
	} else {
		fputs("    rule: ", out);
		print_wrapped(out, 10, 6, f->rule);
	}
}

/* Finding @i, with the next one when it is the other direction of the same. */
static unsigned int text_finding(FILE *out, const struct spevirt_audit *a, unsigned int i)
{
	bool pair = paired(a, i);

	text_one(out, &a->findings[i], pair);
	return pair ? 2 : 1;
}

static void text_setup(FILE *out, const struct audit_result *r)
{
	uint64_t v[7];
	char list[256];
	unsigned int i;

	fputs("\nEL2 controls while the guest runs\n", out);
	el2_values(&r->hv.el2, v);
	for (i = 0; i < 7; i++)
		fprintf(out, "  %-16s 0x%016llx\n", el2_names[i], (unsigned long long)v[i]);
	fputs("The guest reads\n", out);
	fprintf(out, "  %-16s 0x%016llx  (PMSVer %llu)\n", "ID_AA64DFR0_EL1",
		(unsigned long long)r->hv.id_aa64dfr0_el1,
		(unsigned long long)((r->hv.id_aa64dfr0_el1 >> 32) & 0xf));
	fprintf(out, "  %-16s 0x%016llx\n", "ID_AA64DFR2_EL1",
		(unsigned long long)r->hv.id_aa64dfr2_el1);
	slot_names(r->hv.emulated, list, sizeof(list));
	fputs("Emulated when trapped: ", out);
	print_wrapped(out, 23, 2, list);
	slot_names(r->hv.switched, list, sizeof(list));
	fputs("Context-switched: ", out);
	print_wrapped(out, 18, 2, list);
	fprintf(out, "Guest memory pinned: %s\n", r->hv.pinned ? "yes" : "no");
	if (r->guest)
		text_guest_verdict(out, &r->verdict);
	fputs("\n", out);
}

void text_audit(FILE *out, const struct audit_result *r)
{
	unsigned int i, shown, total = audit_nr_findings(r);

	fprintf(out, "Audit of %s on %s\n", r->entry ? r->entry->name : "the given values",
		r->host.name);
	if (r->l0_host.name[0]) {
		char line[CLI_TEXT_MAX];

		if (r->nested_status == SPEVIRT_OK)
			snprintf(line, sizeof(line), "as a guest hypervisor on %s: L0 gives its "
				 "guest that view exactly (docs/policy.md section 16)",
				 r->l0_host.name);
		else
			snprintf(line, sizeof(line), "as a guest hypervisor on %s: L0 cannot give "
				 "its guest that view exactly (%s): %s", r->l0_host.name,
				 status_name(r->nested_status), r->nested_reason ? r->nested_reason : "");
		fputs("  ", out);
		print_wrapped(out, 2, 2, line);
	}
	if (r->entry) {
		fputs("  ", out);
		print_wrapped(out, 2, 2, r->entry->title);
		fputs("  source: ", out);
		print_wrapped(out, 10, 4, r->entry->source);
		if (r->entry->notes) {
			fputs("  ", out);
			print_wrapped(out, 2, 2, r->entry->notes);
		}
	}
	text_setup(out, r);
	if (!total) {
		fputs("No finding.\n", out);
		return;
	}
	for (i = 0, shown = 0; i < r->audit.nr_findings; i += paired(&r->audit, i) ? 2 : 1)
		shown++;
	shown += r->nr_guest_findings;
	fprintf(out, "Findings: %u", total);
	if (shown != total)
		fprintf(out, ", in %u entries (a register's read and write share one)", shown);
	fputs("\n", out);
	for (i = 0; i < r->audit.nr_findings;)
		i += text_finding(out, &r->audit, i);
	for (i = 0; i < r->nr_guest_findings; i++)
		text_one(out, &r->guest_findings[i], false);
}

void json_audit(FILE *out, const struct audit_result *r)
{
	struct json j;
	uint64_t v[7];
	unsigned int i;

	json_begin_command(&j, out, "audit");
	json_status_members(&j, r->status);
	json_str(&j, "hypervisor", r->entry ? r->entry->name : NULL);
	if (r->l0_host.name[0]) {
		json_object(&j, "as_l1");
		json_str(&j, "l0_host", r->l0_host.name);
		json_str(&j, "nested_status", status_name(r->nested_status));
		json_str(&j, "nested_reason", r->nested_reason);
		json_end_object(&j);
	} else {
		json_null(&j, "as_l1");
	}
	json_object(&j, "host");
	json_str(&j, "name", r->host.name);
	json_host_members(&j, &r->host.host);
	json_end_object(&j);
	json_object(&j, "el2");
	el2_values(&r->hv.el2, v);
	for (i = 0; i < 7; i++)
		json_reg(&j, el2_names[i], v[i]);
	json_end_object(&j);
	json_object(&j, "guest");
	json_reg(&j, "ID_AA64DFR0_EL1", r->hv.id_aa64dfr0_el1);
	json_reg(&j, "ID_AA64DFR2_EL1", r->hv.id_aa64dfr2_el1);
	json_reg(&j, "PMSIDR_EL1", r->hv.pmsidr_el1);
	json_reg(&j, "PMBIDR_EL1", r->hv.pmbidr_el1);
	json_end_object(&j);
	json_hex(&j, "emulated", r->hv.emulated);
	json_hex(&j, "switched", r->hv.switched);
	json_bool(&j, "pinned", r->hv.pinned);
	if (r->guest)
		json_guest_verdict(&j, "guest_driver", &r->verdict);
	else
		json_null(&j, "guest_driver");
	json_array(&j, "findings");
	for (i = 0; i < audit_nr_findings(r); i++) {
		const struct spevirt_finding *f = i < r->audit.nr_findings ?
			&r->audit.findings[i] : &r->guest_findings[i - r->audit.nr_findings];

		json_object(&j, NULL);
		json_str(&j, "class", spevirt_finding_class_name(f->cls));
		json_str(&j, "field", f->field);
		if (f->sysreg) {
			json_str(&j, "register", spe_name(f->sysreg));
			json_str(&j, "direction", f->is_write ? "write" : "read");
		}
		json_str(&j, "leak", f->leak ? leak_of(f->leak) : NULL);
		json_str(&j, "section", f->sysreg ? access_section(f->sysreg) : NULL);
		json_str(&j, "rule", f->rule);
		json_str(&j, "text", f->text);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end(&j);
}

void text_catalogue(FILE *out)
{
	unsigned int i;

	for (i = 0; i < catalogue_count(); i++) {
		const struct catalogue_entry *e = catalogue_get(i);

		fprintf(out, "%-12s ", e->name);
		print_wrapped(out, 13, 13, e->title);
		fputc('\n', out);
	}
}

void json_catalogue(FILE *out)
{
	struct json j;
	unsigned int i;

	json_begin_command(&j, out, "audit");
	json_array(&j, "hypervisors");
	for (i = 0; i < catalogue_count(); i++) {
		const struct catalogue_entry *e = catalogue_get(i);

		json_object(&j, NULL);
		json_str(&j, "name", e->name);
		json_str(&j, "title", e->title);
		json_str(&j, "source", e->source);
		json_str(&j, "notes", e->notes);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end(&j);
}

/* The command */

int cmd_audit(int argc, char *const argv[])
{
	static struct audit_result r;
	struct parse_error err;
	struct audit_args a;

	if (!parse_audit_args(argc, argv, &a, &err))
		return usage_error(CMD_AUDIT, argc, argv, &err);
	if (a.help)
		return show_help(CMD_AUDIT);
	if (a.list) {
		if (a.json)
			json_catalogue(stdout);
		else
			text_catalogue(stdout);
		return finish(EXIT_OK);
	}
	if (!audit_load(&a, &r, &err))
		return usage_error(CMD_AUDIT, argc, argv, &err);
	audit_run(&a, &r);
	if (r.status != SPEVIRT_OK) {
		/* The host's own reason: spevirt_view_compute() refuses it the same way. */
		struct spevirt_config none = { .profile = SPEVIRT_PROFILE_DEFAULT };
		struct spevirt_view v;

		enum spevirt_status st = spevirt_view_compute(&r.host.host, &none, &v);

		char words[CLI_TEXT_MAX];

		refusal_words(r.status, a.as_l1 ? r.nested_reason : st == SPEVIRT_OK ? NULL :
			      v.reason, &r.host.host, words, sizeof(words));
		fprintf(stderr, "spevirt: %s: %s\n", spevirt_strerror(r.status), words);
		return finish(EXIT_REFUSED);
	}
	if (a.json)
		json_audit(stdout, &r);
	else
		text_audit(stdout, &r);
	return finish(audit_nr_findings(&r) ? EXIT_REFUSED : EXIT_OK);
}
