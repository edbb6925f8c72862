// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * 'spevirt nested': SPE for a guest hypervisor's guest
 * (spevirt_nested_compose(), docs/policy.md section 16).  L0's view for L1
 * takes the view options; L1's virtual EL2 controls for L2 take --l1-*.
 */
#include <string.h>

#include <spevirt/spevirt_nested.h>
#include <spevirt/spevirt_regdesc.h>

#include "command.h"
#include "json.h"
#include "output.h"
#include "report.h"

const char nested_help[] =
	"Usage: spevirt nested [VIEW OPTIONS] [L1 OPTIONS]\n"
	"\n"
	"What a guest hypervisor (L1) running under this host's hypervisor (L0)\n"
	"can give its own guest (L2): the controls L0 programs while L2 runs, the\n"
	"route of each L2 access to an SPE register (the hardware, UNDEF,\n"
	"emulated by L0 as L1's machine would answer, or reflected to L1's\n"
	"virtual EL2), each register's VNCR_EL2 page offset and where L2's value\n"
	"lives.  The view options (see 'spevirt help view') give L0's view for L1.\n"
	"\n"
	"L1 options (L1's virtual EL2 registers for L2; each HEX is 0x... or 0b...):\n"
	"  --l1-fgt LEVEL        the ID_AA64MMFR0_EL1.FGT L0 shows L1: 0, 1 or 2\n"
	"                        (default: the host's, as far as EL3 leaves it\n"
	"                        enabled)\n"
	"  --l1-mdcr-el2 HEX     vMDCR_EL2 (TPMS, E2PB; default 0x3000: L2 owns the\n"
	"                        buffer, no trap)\n"
	"  --l1-pmscr-el2 HEX    vPMSCR_EL2 (EnVM, PA, CX, PCT; default 0)\n"
	"  --l1-hdfgrtr-el2 HEX  vHDFGRTR_EL2 (default 0)\n"
	"  --l1-hdfgwtr-el2 HEX  vHDFGWTR_EL2 (default 0)\n"
	"  --l1-hdfgrtr2-el2 HEX vHDFGRTR2_EL2 (default 0: with FEAT_FGT2 every\n"
	"                        n-prefixed bit traps)\n"
	"  --l1-hdfgwtr2-el2 HEX vHDFGWTR2_EL2 (default 0)\n"
	"  --l1-hfgitr-el2 HEX   vHFGITR_EL2 (PSBCSYNC; default 0)\n"
	"  --json                JSON (docs/cli-json.md) instead of text\n"
	"  -h, --help            this text\n"
	"\n"
	"Exit status: 0 composed; 1 refused (L0 gives L1 no view, or L2's view\n"
	"cannot be exact: the reason is on stderr, and the controls given are those\n"
	"of a guest without SPE); 2 usage error; 3 output error.\n";

/* Options */

enum nested_opt {
	NO_HELP = OPT_HELP,
	NO_FGT,
	NO_MDCR,
	NO_PMSCR,
	NO_HDFGRTR,
	NO_HDFGWTR,
	NO_HDFGRTR2,
	NO_HDFGWTR2,
	NO_HFGITR,
	NR_NESTED_OPTS,
};

static const struct opt_spec nested_opts[] = {
	[NO_HELP] = { "--help", NULL, false },
	[NO_FGT] = { "--l1-fgt", "LEVEL", false },
	[NO_MDCR] = { "--l1-mdcr-el2", "HEX", false },
	[NO_PMSCR] = { "--l1-pmscr-el2", "HEX", false },
	[NO_HDFGRTR] = { "--l1-hdfgrtr-el2", "HEX", false },
	[NO_HDFGWTR] = { "--l1-hdfgwtr-el2", "HEX", false },
	[NO_HDFGRTR2] = { "--l1-hdfgrtr2-el2", "HEX", false },
	[NO_HDFGWTR2] = { "--l1-hdfgwtr2-el2", "HEX", false },
	[NO_HFGITR] = { "--l1-hfgitr-el2", "HEX", false },
};

struct nested_args {
	struct view_args view;
	struct spevirt_nested_l1 l1;
	bool fgt_given;
	bool help;
};

static uint64_t *l1_reg(struct spevirt_nested_l1 *l1, int o)
{
	uint64_t *regs[] = {
		[NO_MDCR] = &l1->el2.mdcr_el2, [NO_PMSCR] = &l1->el2.pmscr_el2,
		[NO_HDFGRTR] = &l1->el2.hdfgrtr_el2, [NO_HDFGWTR] = &l1->el2.hdfgwtr_el2,
		[NO_HDFGRTR2] = &l1->el2.hdfgrtr2_el2, [NO_HDFGWTR2] = &l1->el2.hdfgwtr2_el2,
		[NO_HFGITR] = &l1->el2.hfgitr_el2,
	};

	return regs[o];
}

static bool nested_option(void *ctx, int o, const char *val, struct parse_error *err)
{
	struct nested_args *a = ctx;
	uint64_t v;

	if (o == NO_FGT) {
		a->fgt_given = true;
		return parse_fgt_level(nested_opts[o].name, val, &a->l1.fgt, err);
	}
	if (!parse_value(nested_opts[o].name, val, ~0ULL, &v, err))
		return false;
	*l1_reg(&a->l1, o) = v;
	return true;
}

/* Is @arg one of ours (--l1-..., as "--l1-x VALUE" or "--l1-x=VALUE")? */
static bool is_l1_option(const char *arg)
{
	return strncmp(arg, "--l1-", 5) == 0;
}

/*
 * The --l1-* options (and their values) to our scanner, the rest (--help
 * both) to the view's parser.
 */
static bool parse_nested_args(int argc, char *const argv[], struct nested_args *a,
			      struct parse_error *err)
{
	char *mine[MAX_ARGS + 1], *theirs[MAX_ARGS + 1];
	struct scanner sc = SCANNER("nested", 0, mine, nested_opts);
	int i, nm = 0, nt = 0, n;
	bool help = false;

	*a = (struct nested_args){ .l1.el2.mdcr_el2 = 0x3000 };
	if (argc > MAX_ARGS) {
		snprintf(err->msg, sizeof(err->msg), "nested: more than %d arguments", MAX_ARGS);
		return false;
	}
	for (i = 0; i < argc; i++) {
		bool ours = is_l1_option(argv[i]);

		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			help = true;
		if (ours)
			mine[nm++] = argv[i];
		if (ours && !strchr(argv[i], '=') && i + 1 < argc)
			mine[nm++] = argv[++i];
		else if (!ours)
			theirs[nt++] = argv[i];
	}
	mine[nm] = theirs[nt] = NULL;
	if (help) {
		a->help = true;
		return true;
	}
	if (!parse_view_args(nt, theirs, &a->view, err))
		return false;
	sc.argc = nm;
	return scan_all(&sc, NULL, 0, &n, " [VIEW OPTIONS] [L1 OPTIONS]", nested_option, a,
			&a->help, err);
}

/* Output */

static const char *route_name(unsigned int r)
{
	static const char *const names[] = {
		[SPEVIRT_NESTED_UNDEF] = "undef",
		[SPEVIRT_NESTED_HARDWARE] = "hardware",
		[SPEVIRT_NESTED_EMULATE] = "emulate",
		[SPEVIRT_NESTED_REFLECT] = "reflect",
	};

	return r < sizeof(names) / sizeof(names[0]) ? names[r] : "?";
}

/* The route of an access, with L0's decision for an emulated one. */
static void route_text(const struct spevirt_nested *n, unsigned int w, unsigned int slot,
		       char *buf, size_t len)
{
	if (n->route[w][slot] == SPEVIRT_NESTED_EMULATE)
		snprintf(buf, len, "emulate (%s)",
			 access_name((enum spevirt_access)n->emulate[w][slot]));
	else
		snprintf(buf, len, "%s", route_name(n->route[w][slot]));
}

/* Where L2's value of a register lives (docs/policy.md section 16). */
static const char *state_name(const struct spevirt_nested *n, unsigned int slot)
{
	uint16_t bit = (uint16_t)(1U << slot);

	if (n->load & bit)
		return "page, loaded";
	if (n->vncr & bit)
		return "page";
	if (n->shared & bit)
		return "hardware (L1's)";
	return "-";
}

/* The register of a slot of SPE's block, or NULL for an unallocated one. */
static const struct spevirt_reg_desc *slot_reg(unsigned int slot)
{
	return reg_by_encoding(SPEVIRT_SYSREG_PMSCR_EL1 + (slot << 5));
}

static void nested_trap_regs(const struct spevirt_nested *n, struct view_reg out[NR_TRAP_REGS])
{
	const struct spevirt_regmask *const rm[NR_TRAP_REGS] = {
		&n->mdcr_el2, &n->pmscr_el2, &n->hdfgrtr_el2, &n->hdfgwtr_el2,
		&n->hdfgrtr2_el2, &n->hdfgwtr2_el2, &n->hfgitr_el2,
	};

	trap_regs_of(rm, out);
}

static void text_nested(FILE *out, const struct nested_args *a, const struct view_result *r,
			const struct spevirt_nested *n, enum spevirt_status st)
{
	struct view_reg regs[NR_TRAP_REGS];
	unsigned int i, slot;

	fprintf(out, "Host: %s; L1 gets PMSVer %s%s from L0; L1 is shown FGT level %u\n",
		a->view.host_name, pmsver_name(r->cfg.pmsver) ? pmsver_name(r->cfg.pmsver) : "?",
		r->cfg.spe_nvm ? " with SPE_nVM" : "", a->l1.fgt);
	if (st != SPEVIRT_OK)
		fprintf(out, "L2: refused (%s): %s; L2 gets the controls of a guest without SPE\n",
			status_name(st), n->reason ? n->reason : "");
	fprintf(out, "\nWhile L2 runs, L0 programs (reg = (reg & ~mask) | value):\n");
	nested_trap_regs(n, regs);
	for (i = 0; i < NR_TRAP_REGS; i++)
		fprintf(out, "  %-13s mask 0x%016llx  value 0x%016llx\n", regs[i].name,
			(unsigned long long)regs[i].mask, (unsigned long long)regs[i].value);
	fprintf(out, "\n  %-14s %-22s %-22s %-6s %s\n", "register", "L2 read", "L2 write", "VNCR",
		"L2's value");
	for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++) {
		const struct spevirt_reg_desc *d = slot_reg(slot);
		uint32_t off = d ? spevirt_vncr_offset(d->encoding) : 0;
		char rd[40], wr[40], vncr[8];

		if (!d)
			continue;
		route_text(n, 0, slot, rd, sizeof(rd));
		route_text(n, 1, slot, wr, sizeof(wr));
		snprintf(vncr, sizeof(vncr), off ? "0x%03x" : "-", off);
		fprintf(out, "  %-14s %-22s %-22s %-6s %s\n", d->name, rd, wr, vncr,
			state_name(n, slot));
	}
	fprintf(out, "\n  PSB CSYNC: %s\n", route_name(n->psb_route));
	if (st == SPEVIRT_OK)
		fprintf(out, "  L2's emulated ID reads: PMSIDR_EL1 0x%016llx, PMBIDR_EL1 0x%016llx\n",
			(unsigned long long)n->pmsidr_el1, (unsigned long long)n->pmbidr_el1);
	fprintf(out, "  reflected: ESR_EL2 EC 0x%02x, IL 1, the trap's ISS (spevirt_nested_esr())\n",
		SPEVIRT_ESR_EC_SYS64);
}

static void json_l1(struct json *j, const struct spevirt_nested_l1 *l1)
{
	json_object(j, "l1");
	json_uint(j, "fgt", l1->fgt);
	json_reg(j, "mdcr_el2", l1->el2.mdcr_el2);
	json_reg(j, "pmscr_el2", l1->el2.pmscr_el2);
	json_reg(j, "hdfgrtr_el2", l1->el2.hdfgrtr_el2);
	json_reg(j, "hdfgwtr_el2", l1->el2.hdfgwtr_el2);
	json_reg(j, "hdfgrtr2_el2", l1->el2.hdfgrtr2_el2);
	json_reg(j, "hdfgwtr2_el2", l1->el2.hdfgwtr2_el2);
	json_reg(j, "hfgitr_el2", l1->el2.hfgitr_el2);
	json_end_object(j);
}

static void json_routes(struct json *j, const struct spevirt_nested *n)
{
	unsigned int slot, w;

	json_array(j, "routes");
	for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++) {
		const struct spevirt_reg_desc *d = slot_reg(slot);

		if (!d)
			continue;
		json_object(j, NULL);
		json_str(j, "register", d->name);
		for (w = 0; w <= 1; w++) {
			bool emulated = n->route[w][slot] == SPEVIRT_NESTED_EMULATE;

			json_str(j, w ? "write" : "read", route_name(n->route[w][slot]));
			if (emulated)
				json_str(j, w ? "write_emulation" : "read_emulation",
					 access_name((enum spevirt_access)n->emulate[w][slot]));
			else
				json_null(j, w ? "write_emulation" : "read_emulation");
		}
		if (spevirt_vncr_offset(d->encoding))
			json_hex(j, "vncr_offset", spevirt_vncr_offset(d->encoding));
		else
			json_null(j, "vncr_offset");
		json_str(j, "state", state_name(n, slot));
		json_end_object(j);
	}
	json_end_array(j);
}

static void json_nested(FILE *out, const struct nested_args *a, const struct view_result *r,
			const struct spevirt_nested *n, enum spevirt_status st)
{
	struct view_reg regs[NR_TRAP_REGS];
	struct json j;
	unsigned int i;

	json_begin_command(&j, out, "nested");
	json_object(&j, "host");
	json_str(&j, "name", a->view.host_name);
	json_host_members(&j, &a->view.host);
	json_end_object(&j);
	json_object(&j, "config");
	json_config_level(&j, &r->cfg);
	json_config_rest(&j, &r->cfg);
	json_end_object(&j);
	json_l1(&j, &a->l1);
	json_status_members(&j, st);
	json_str(&j, "reason", n->reason);
	json_object(&j, "traps");
	nested_trap_regs(n, regs);
	for (i = 0; i < NR_TRAP_REGS; i++) {
		json_object(&j, regs[i].name);
		json_reg(&j, "mask", regs[i].mask);
		json_reg(&j, "value", regs[i].value);
		json_end_object(&j);
	}
	json_end_object(&j);
	json_routes(&j, n);
	json_str(&j, "psb_csync", route_name(n->psb_route));
	json_reg(&j, "emulated_pmsidr_el1", n->pmsidr_el1);
	json_reg(&j, "emulated_pmbidr_el1", n->pmbidr_el1);
	json_end(&j);
}

int cmd_nested(int argc, char *const argv[])
{
	struct spevirt_nested n;
	struct parse_error err;
	struct view_result r;
	struct nested_args a;
	enum spevirt_status st;

	if (!parse_nested_args(argc, argv, &a, &err))
		return usage_error(CMD_NESTED, argc, argv, &err);
	if (a.help)
		return show_help(CMD_NESTED);
	if (!view_load(&a.view, &err))
		return usage_error(CMD_NESTED, argc, argv, &err);
	view_run(&a.view, &r);
	if (r.status != SPEVIRT_OK) {
		fprintf(stderr, "spevirt: nested: L0 gives L1 no view: %s: %s\n",
			spevirt_strerror(r.status), r.view.reason ? r.view.reason : "");
		return finish(EXIT_REFUSED);
	}
	if (!a.fgt_given)
		a.l1.fgt = host_fgt_level(&a.view.host);
	st = spevirt_nested_compose(&a.view.host, &r.view, &a.l1, &n);
	if (a.view.json)
		json_nested(stdout, &a, &r, &n, st);
	else
		text_nested(stdout, &a, &r, &n, st);
	if (st != SPEVIRT_OK) {
		fprintf(stderr, "spevirt: nested: %s: %s\n", spevirt_strerror(st),
			n.reason ? n.reason : "");
		return finish(EXIT_REFUSED);
	}
	return finish(EXIT_OK);
}
