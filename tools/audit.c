// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * 'spevirt audit': what a hypervisor programs for SPE, from the catalogue
 * (catalogue.c) or from options, taken through spevirt_audit() on a host.
 */
#include <stdarg.h>
#include <string.h>

#include "audit.h"
#include "guests.h"
#include "json.h"
#include "output.h"
#include "report.h"

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

void audit_run(const struct audit_args *a, struct audit_result *r)
{
	if (r->entry)
		r->entry->program(&r->host.host, &r->hv);
	merge(a, &r->hv);
	r->status = spevirt_audit(&r->host.host, &r->hv, &r->audit);
	r->guest = a->guest;
	if (r->guest && r->status == SPEVIRT_OK)
		audit_guest(a, r);
}

/* Findings of the library and of --guest. */
unsigned int audit_nr_findings(const struct audit_result *r)
{
	return r->audit.nr_findings + r->nr_guest_findings;
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
