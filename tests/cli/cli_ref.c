// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Reference values for the cli tests: what the library itself says, printed
 * one "key value..." per line, so the tests can check the spevirt tool's
 * JSON against it field by field.  It shares no code with tools/.
 *
 *   cli_ref view DFR0 DFR2 MMFR0 PMSIDR PMBIDR EL3 PROFILE PMSVER NVM SIZE FLAGS ACCEPTED BEST
 *	registers, EL3 (spevirt_host.el3_disabled) and ACCEPTED (accepted_leaks)
 *	hexadecimal, the rest decimal; BEST 1 calls spevirt_best_offer()
 *   cli_ref regs
 *	the register description: "reg NAME ENCODING RES0 RES1", then
 *	"field NAME SHIFT WIDTH KIND" and "enum VALUE NAME" lines
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spevirt/spevirt.h>

static unsigned long long num(const char *s, int base)
{
	char *end;
	unsigned long long v = strtoull(s, &end, base);

	if (!*s || *end) {
		fprintf(stderr, "cli_ref: bad number '%s'\n", s);
		exit(2);
	}
	return v;
}

static void regmask(const char *name, const struct spevirt_regmask *rm)
{
	printf("%s 0x%016llx 0x%016llx\n", name, (unsigned long long)rm->mask,
	       (unsigned long long)rm->value);
}

static void print_access(const struct spevirt_view *v)
{
	unsigned int i;

	for (i = 0; i < spevirt_reg_count(); i++) {
		const struct spevirt_reg_desc *r = spevirt_reg_get(i);

		printf("access %s 0x%x %d %d\n", r->name, (unsigned int)r->encoding,
		       (int)spevirt_access(v, r->encoding, false),
		       (int)spevirt_access(v, r->encoding, true));
	}
}

static int view(char **argv)
{
	struct spevirt_host h = {
		.id_aa64dfr0_el1 = num(argv[0], 16),
		.id_aa64dfr2_el1 = num(argv[1], 16),
		.id_aa64mmfr0_el1 = num(argv[2], 16),
		.pmsidr_el1 = num(argv[3], 16),
		.pmbidr_el1 = num(argv[4], 16),
		.el3_disabled = (uint32_t)num(argv[5], 16),
	};
	struct spevirt_config c = {
		.profile = (enum spevirt_profile)num(argv[6], 10),
		.pmsver = (unsigned int)num(argv[7], 10),
		.spe_nvm = (unsigned int)num(argv[8], 10),
		.max_buffer_size = num(argv[9], 10),
		.flags = (unsigned int)num(argv[10], 10),
		.accepted_leaks = num(argv[11], 16),
	};
	uint32_t ctx[SPEVIRT_NR_SPE_SLOTS];
	unsigned int i, n;
	struct spevirt_view v;
	enum spevirt_status st;

	memset(&v, 0, sizeof(v));
	st = num(argv[12], 10) ? spevirt_best_offer(&h, &c, &v) : spevirt_view_compute(&h, &c, &v);
	printf("status %d\nstrerror %s\nreason %s\n", (int)st, spevirt_strerror(st),
	       v.reason ? v.reason : "(null)");
	printf("pmsver %u\nspe_nvm %u\n", c.pmsver, c.spe_nvm);
	if (st != SPEVIRT_OK)
		return 0;
	printf("PMSIDR_EL1 0x%016llx\nPMBIDR_EL1 0x%016llx\n", (unsigned long long)v.pmsidr_el1,
	       (unsigned long long)v.pmbidr_el1);
	regmask("ID_AA64DFR0_EL1", &v.id_aa64dfr0_el1);
	regmask("ID_AA64DFR2_EL1", &v.id_aa64dfr2_el1);
	regmask("MDCR_EL2", &v.mdcr_el2);
	regmask("PMSCR_EL2", &v.pmscr_el2);
	regmask("HDFGRTR_EL2", &v.hdfgrtr_el2);
	regmask("HDFGWTR_EL2", &v.hdfgwtr_el2);
	regmask("HDFGRTR2_EL2", &v.hdfgrtr2_el2);
	regmask("HDFGWTR2_EL2", &v.hdfgwtr2_el2);
	regmask("HFGITR_EL2", &v.hfgitr_el2);
	printf("leaks 0x%llx\nmax_buffer_size %llu\nlimit_advertised %d\n",
	       (unsigned long long)v.leaks, (unsigned long long)v.max_buffer_size,
	       v.limit_advertised ? 1 : 0);
	print_access(&v);
	n = spevirt_context_regs(&v, ctx);
	printf("context");
	for (i = 0; i < n; i++)
		printf(" 0x%x", (unsigned int)ctx[i]);
	printf("\n");
	return 0;
}

static int regs(void)
{
	unsigned int i, f, e;

	for (i = 0; i < spevirt_reg_count(); i++) {
		const struct spevirt_reg_desc *r = spevirt_reg_get(i);

		printf("reg %s 0x%x 0x%016llx 0x%016llx\n", r->name, (unsigned int)r->encoding,
		       (unsigned long long)r->res0, (unsigned long long)r->res1);
		for (f = 0; f < r->nr_fields; f++) {
			const struct spevirt_field_desc *fd = &r->fields[f];

			printf("field %s %u %u %u\n", fd->name, fd->shift, fd->width, fd->kind);
			for (e = 0; e < fd->nr_enums; e++)
				printf("enum %u %s\n", fd->enums[e].value, fd->enums[e].name);
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 15 && !strcmp(argv[1], "view"))
		return view(argv + 2);
	if (argc == 2 && !strcmp(argv[1], "regs"))
		return regs();
	fprintf(stderr, "usage: cli_ref view DFR0 DFR2 MMFR0 PMSIDR PMBIDR EL3 PROFILE PMSVER "
		"NVM SIZE FLAGS ACCEPTED BEST | regs\n");
	return 2;
}
