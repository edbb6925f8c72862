// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Text output, for a terminal: sections with a title line, registers as
 * hexadecimal with their fields below, tables in aligned columns.
 */
#include <stdarg.h>
#include <string.h>

#include "decode.h"
#include "explain.h"
#include "guests.h"
#include "output.h"

unsigned int text_width = 80;
#define SIZE_BUF	32
#define LINE_BUF	256

void print_wrapped(FILE *out, unsigned int col, unsigned int hang, const char *text)
{
	const char *p = text;
	bool line_start = true;

	for (;;) {
		size_t len;

		p += strspn(p, " ");
		if (!*p)
			break;
		len = strcspn(p, " ");
		if (!line_start && col + 1 + len > text_width) {
			fprintf(out, "\n%*s", (int)hang, "");
			col = hang;
			line_start = true;
		}
		if (!line_start) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, len, out);
		col += (unsigned int)len;
		p += len;
		line_start = false;
	}
	fputc('\n', out);
}

static unsigned int nr_given(unsigned int given)
{
	unsigned int n = 0;

	for (; given; given >>= 1)
		n += given & 1U;
	return n;
}

/* Append to @buf, which holds @len bytes. */
__attribute__((format(printf, 3, 4))) static void append(char *buf, size_t len, const char *fmt,
							 ...)
{
	size_t used = strlen(buf);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf + used, len - used, fmt, ap);
	va_end(ap);
}

/* Where the host comes from: a preset or a host file, and the options on top. */
static void print_host_source(FILE *out, const struct view_args *a)
{
	char line[LINE_BUF];
	struct quoted q;

	if (nr_given(a->given) == NR_HOST_REGS)
		snprintf(line, sizeof(line), "Host: every register given by option");
	else if (a->host_file)
		snprintf(line, sizeof(line), "Host: %s, from the host file %s%s", a->host_name,
			 quote(&q, a->host_file),
			 a->given ? ", with the registers marked 'given' set by option" : "");
	else if (a->given)
		snprintf(line, sizeof(line),
			 "Host: %s preset, with the registers marked 'given' set by option",
			 a->preset->name);
	else
		snprintf(line, sizeof(line), "Host: %s preset: %s", a->preset->name,
			 a->preset->title);
	print_wrapped(out, 0, 6, line);
}

/* The EL3 controls the firmware leaves disabled, as --el3-disabled names them. */
static void print_el3(FILE *out, uint32_t el3)
{
	char line[LINE_BUF] = "EL3 leaves disabled:";
	const char *sep = " ";
	unsigned int i;

	if (!el3)
		return;
	for (i = 0; i < NR_EL3_BITS; i++) {
		if (!(el3 & el3_desc(i)->flag))
			continue;
		append(line, sizeof(line), "%s%s (%s)", sep, el3_desc(i)->name,
		       el3_desc(i)->option);
		sep = ", ";
	}
	fputs("  ", out);
	print_wrapped(out, 2, 4, line);
}

static void print_host(FILE *out, const struct view_args *a)
{
	unsigned int r;

	print_host_source(out, a);
	for (r = 0; r < NR_HOST_REGS; r++) {
		bool given = a->given & (1U << r);

		fprintf(out, "  %-17s 0x%016llx%s%s\n", host_reg_desc((enum host_reg)r)->name,
			(unsigned long long)host_reg_get(&a->host, (enum host_reg)r),
			given ? "  given with " : "",
			given ? view_host_option((enum host_reg)r) : "");
	}
	print_el3(out, a->host.el3_disabled);
}

static void print_limit(char *buf, size_t len, uint64_t bytes)
{
	char sz[SIZE_BUF];

	if (!bytes) {
		snprintf(buf, len, "none");
		return;
	}
	format_size(bytes, sz, sizeof(sz));
	snprintf(buf, len, "%s (%llu bytes)", sz, (unsigned long long)bytes);
}

static void append_flags(char *buf, size_t len, unsigned int flags)
{
	unsigned int i, n = 0;

	for (i = 0; i < NR_FLAGS; i++)
		if (flags & flag_desc(i)->flag)
			append(buf, len, "%s%s", n++ ? ", " : "flags ", flag_desc(i)->name);
	if (!n)
		append(buf, len, "flags none");
}

static void print_guest(FILE *out, const struct view_result *r)
{
	const struct view_args *a = r->args;
	const char *name = pmsver_name(r->cfg.pmsver);
	const char *why = a->best ? " (chosen by --best)" : "";
	char limit[2 * SIZE_BUF], line[LINE_BUF] = "";

	print_limit(limit, sizeof(limit), r->cfg.max_buffer_size);
	append(line, sizeof(line), "Guest: profile %s, PMSVer ", profile_name(r->cfg.profile));
	if (name)
		append(line, sizeof(line), "%s", name);
	else
		append(line, sizeof(line), "%u", r->cfg.pmsver);
	append(line, sizeof(line), "%s, SPE_nVM %u%s, buffer limit %s, ",
	       a->best || a->pmsver_given ? why :
	       a->pmsver_capped ? " (the highest the profile offers; the host's is above)" :
				  " (the host's)", r->cfg.spe_nvm, why, limit);
	append_flags(line, sizeof(line), r->cfg.flags);
	print_wrapped(out, 0, 7, line);
	buffer_choice_text(r, line, sizeof(line));
	if (line[0]) {
		fputs("Buffer: ", out);
		print_wrapped(out, 8, 7, line);
	}
}

/* A fine-grained trap register: each bit, whether it traps, and why. */
static void print_fgt_bits(FILE *out, const struct spevirt_reg_desc *reg, const struct view_reg *vr,
			   const struct spevirt_view *v)
{
	struct field_value fv;
	uint32_t i;

	for (i = 0; i < reg->nr_fields; i++) {
		char bits[16];
		bool traps;

		field_decode(&reg->fields[i], vr->value, &fv);
		if (!(field_mask(fv.desc) & vr->mask))
			continue;
		traps = fgt_bit_traps(fv.desc->name, fv.value);
		snprintf(bits, sizeof(bits), "[%u]", fv.msb);
		fprintf(out, "    %-6s %-14s %llu %-8s ", bits, fv.desc->name,
			(unsigned long long)fv.value, traps ? "traps" : "no trap");
		/* The columns above take 37 characters. */
		print_wrapped(out, 37, 37, fgt_bit_why(v, vr->name, fv.desc->name, traps));
	}
}

static void print_reg(FILE *out, const struct view_reg *vr, bool no_spe,
		      const struct spevirt_view *v)
{
	const struct spevirt_reg_desc *reg = spevirt_reg_find(vr->name);

	if (vr->is_regmask)
		fprintf(out, "  %-17s mask 0x%016llx  value 0x%016llx\n%s", vr->name,
			(unsigned long long)vr->mask, (unsigned long long)vr->value,
			vr->mask ? "" : "    no bit of it exists on this host\n");
	else
		fprintf(out, "  %-17s 0x%016llx%s\n", vr->name, (unsigned long long)vr->value,
			no_spe ? "  (the guest has no SPE: its reads UNDEF)" : "");
	if (!reg)
		fprintf(out, "    (not in the library's register description)\n");
	else if (vr->is_regmask && is_fgt_reg(reg->name))
		print_fgt_bits(out, reg, vr, v);
	else if (!no_spe || vr->is_regmask)
		decode_print(out, reg, vr->value, vr->mask, DECODE_SPE);
}

static void print_registers(FILE *out, const struct view_result *r)
{
	struct view_reg guest[NR_GUEST_REGS], traps[NR_TRAP_REGS];
	bool no_spe = r->cfg.pmsver == SPEVIRT_PMSVER_NI;
	unsigned int i;

	view_guest_regs(&r->view, guest);
	view_trap_regs(&r->view, traps);
	fprintf(out, "\nGuest-visible registers\n");
	for (i = 0; i < NR_GUEST_REGS; i++)
		print_reg(out, &guest[i], no_spe, &r->view);
	fprintf(out, "\nTrap controls (program each as reg = (reg & ~mask) | value)\n");
	for (i = 0; i < NR_TRAP_REGS; i++)
		print_reg(out, &traps[i], no_spe, &r->view);
}

static void print_el2(FILE *out, const struct view_result *r)
{
	struct el2_field f[NR_EL2_FIELDS];
	unsigned int i, n = view_el2_fields(&r->view, f);
	char name[40];

	fprintf(out, "\nEL2 state while the guest runs (the host's saved on vCPU load, restored "
		"on put)\n");
	if (!n)
		fprintf(out, "  none beyond the trap controls\n");
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "%s.%s", f[i].reg, f[i].field);
		fprintf(out, "  %-18s %-4llx ", name, (unsigned long long)f[i].value);
		print_wrapped(out, 26, 26, f[i].why);
	}
}

static void print_context(FILE *out, const struct view_result *r)
{
	uint32_t regs[SPEVIRT_NR_SPE_SLOTS];
	unsigned int i, n = spevirt_context_regs(&r->view, regs);
	char line[LINE_BUF] = "";

	fprintf(out, "\nContext switch (restore in this order on vCPU load, save in reverse on "
		"put)\n");
	if (!n) {
		fprintf(out, "  none: the guest reaches no SPE register state in the hardware\n");
		return;
	}
	for (i = 0; i < n; i++) {
		const struct spevirt_reg_desc *reg = reg_by_encoding(regs[i]);

		append(line, sizeof(line), "%s%s", i ? ", " : "", reg ? reg->name : "?");
	}
	fprintf(out, "  ");
	print_wrapped(out, 2, 2, line);
}

static void print_buffer(FILE *out, const struct view_result *r)
{
	char limit[2 * SIZE_BUF], line[LINE_BUF];

	print_limit(limit, sizeof(limit), r->view.max_buffer_size);
	if (r->cfg.pmsver == SPEVIRT_PMSVER_NI)
		fprintf(out, "\nBuffer limit: none (the guest has no SPE)\n");
	else if (!r->view.max_buffer_size)
		fprintf(out, "\nBuffer limit: none\n");
	else if (r->view.limit_advertised)
		fprintf(out, "\nBuffer limit: %s, advertised in PMBIDR_EL1.MaxBuffSize\n", limit);
	else {
		snprintf(line, sizeof(line), "Buffer limit: %s, not advertised in "
			 "PMBIDR_EL1.MaxBuffSize: enforce it when the guest enables its buffer",
			 limit);
		fputc('\n', out);
		print_wrapped(out, 0, 14, line);
	}
}

static void print_access(FILE *out, const struct view_result *r)
{
	struct access_row rows[SPEVIRT_NR_SPE_SLOTS];
	unsigned int i, n = view_access(&r->view, rows), used = 0;

	fprintf(out, "\nAccess decisions (spevirt_access)\n");
	fprintf(out, "  %-15s %-15s %-11s %s\n", "Register", "Encoding", "Read", "Write");
	for (i = 0; i < n; i++) {
		char enc[SYSREG_NAME_BUF];

		sysreg_name(rows[i].reg->encoding, enc, sizeof(enc));
		fprintf(out, "  %-15s %-15s %-11s %s\n", rows[i].reg->name, enc,
			access_name(rows[i].read), access_name(rows[i].write));
		used |= 1U << rows[i].read | 1U << rows[i].write;
	}
	fputc('\n', out);
	for (i = 0; i <= SPEVIRT_ACCESS_NOT_SPE; i++) {
		if (!(used & (1U << i)))
			continue;
		fprintf(out, "  %-10s ", access_name((enum spevirt_access)i));
		print_wrapped(out, 13, 13, access_meaning((enum spevirt_access)i));
	}
}

static void print_leaks(FILE *out, const struct view_result *r)
{
	uint64_t unknown = leaks_unknown(r->view.leaks);
	struct leak_desc l;
	unsigned int i;

	fprintf(out, "\nLeaks (what the guest can observe although its view hides it)\n");
	if (!r->view.leaks)
		fprintf(out, "  none\n");
	for (i = 0; leak_desc(i, &l); i++) {
		if (!(r->view.leaks & l.bit))
			continue;
		fprintf(out, "  %-19s ", l.name);
		print_wrapped(out, 22, 22, l.meaning);
	}
	if (unknown)
		fprintf(out, "  bits 0x%llx: leaks this tool does not know\n",
			(unsigned long long)unknown);
}

/* Host ID bits the architecture reserves in @name: the guest reads them as 0. */
static void print_res0_note(FILE *out, const struct spevirt_view *v, const char *name,
			    uint32_t sysreg, uint64_t res0_set)
{
	char line[LINE_BUF];

	if (!res0_set)
		return;
	snprintf(line, sizeof(line), "Note: the host's %s sets RES0 bits 0x%llx; the guest reads "
		 "them as 0, so its %s reads %s", name, (unsigned long long)res0_set, name,
		 spevirt_access_trapped(v, sysreg, false) ? "are trapped" : "would need a trap");
	print_wrapped(out, 0, 6, line);
}

static void print_res0_notes(FILE *out, const struct view_result *r)
{
	const struct spevirt_host *h = &r->args->host;

	if (r->cfg.pmsver == SPEVIRT_PMSVER_NI)
		return;
	print_res0_note(out, &r->view, "PMSIDR_EL1", SPEVIRT_SYSREG_PMSIDR_EL1,
			h->pmsidr_el1 & SPEVIRT_PMSIDR_EL1_RES0);
	print_res0_note(out, &r->view, "PMBIDR_EL1", SPEVIRT_SYSREG_PMBIDR_EL1,
			h->pmbidr_el1 & SPEVIRT_PMBIDR_EL1_RES0);
}

/* --best: why the guest got less than the host and the profile could give. */
static void print_why_not(FILE *out, const struct view_result *r)
{
	const struct why_not *w = &r->why_not;
	char line[2 * CLI_TEXT_MAX], why[CLI_TEXT_MAX] = "";

	if (!r->args->best || (!w->refusal && !w->nr_hints))
		return;
	line[0] = '\0';
	if (w->refusal) {
		refusal_words(w->refusal->status, w->refusal->reason, &r->args->host, why,
			      sizeof(why));
		append(line, sizeof(line), "Why not %s: %s", pmsver_name(w->refusal->pmsver), why);
	}
	hints_text(w, why, line, sizeof(line));
	print_wrapped(out, 0, 2, line);
}

void text_view(FILE *out, const struct view_result *r)
{
	print_host(out, r->args);
	print_res0_notes(out, r);
	print_guest(out, r);
	print_why_not(out, r);
	print_registers(out, r);
	print_el2(out, r);
	print_context(out, r);
	print_buffer(out, r);
	print_access(out, r);
	print_leaks(out, r);
	if (r->args->guest)
		text_guest_verdict(out, &r->guest);
}

void text_decode(FILE *out, const struct spevirt_reg_desc *reg, uint64_t value)
{
	char enc[SYSREG_NAME_BUF];

	sysreg_name(reg->encoding, enc, sizeof(enc));
	fprintf(out, "%s 0x%016llx (%s)\n", reg->name, (unsigned long long)value, enc);
	decode_print(out, reg, value, ~0ULL, DECODE_ALL);
	if (value & reg->res0)
		fprintf(out, "RES0 bits set: 0x%016llx (they must be zero)\n",
			(unsigned long long)(value & reg->res0));
	if (~value & reg->res1)
		fprintf(out, "RES1 bits clear: 0x%016llx (they must be one)\n",
			(unsigned long long)(~value & reg->res1));
}

static void print_preset(FILE *out, const struct preset *p)
{
	unsigned int r;
	const char *const *rule;

	fprintf(out, "\n%s%s\n  ", p->name, p == preset_default() ? " (default)" : "");
	print_wrapped(out, 2, 2, p->title);
	for (r = 0; r < NR_HOST_REGS; r++)
		fprintf(out, "  %-17s 0x%016llx\n", host_reg_desc((enum host_reg)r)->name,
			(unsigned long long)host_reg_get(&p->host, (enum host_reg)r));
	fprintf(out, "  Arm ARM rules it follows:\n");
	for (rule = p->rules; *rule; rule++) {
		fprintf(out, "    - ");
		print_wrapped(out, 6, 6, *rule);
	}
}

void text_presets(FILE *out)
{
	unsigned int i;

	print_wrapped(out, 0, 0, "Built-in synthetic hosts: values the Arm ARM permits at each "
		      "architecture level, not any vendor's CPU. Use one with 'spevirt view "
		      "--host NAME'; --host none starts from a host whose every register is 0.");
	for (i = 0; i < preset_count(); i++)
		print_preset(out, preset_get(i));
}
