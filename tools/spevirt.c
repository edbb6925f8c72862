// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * spevirt: show what a guest would see of SPE on a host, and which traps the
 * hypervisor must program.
 */
#include <stdio.h>
#include <string.h>

#include <spevirt/spevirt.h>

#include "decode.h"

/*
 * The default host: a synthetic Armv8.7 implementation, not any vendor's CPU.
 * Each value is one the Arm ARM permits at that level:
 *   ID_AA64DFR0_EL1  PMSVer 0b0011 (FEAT_SPEv1p2, required from Armv8.7 with SPE),
 *                    PMUVer 0b0111 (FEAT_PMUv3p7), DebugVer 0b1001 (Armv8.4 debug)
 *   ID_AA64DFR2_EL1  0: no FEAT_SPE_nVM or FEAT_SPE_EXC (Armv9.5 features)
 *   ID_AA64MMFR0_EL1 FGT 0b0001 (FEAT_FGT, required from Armv8.6 with EL2)
 *   PMSIDR_EL1       FE, FT, FL = 1; LDS = 1; FnE = 1 (implied by SPEv1p2);
 *                    Interval 0b0100 (1024); MaxSize 0b0110 (64 bytes, the
 *                    smallest permitted); CountSize 0b0010 (12-bit saturating)
 *   PMBIDR_EL1       Align 0 (byte); P = 0 (EL2 owns the buffer); F = 1;
 *                    AddrMode 0; EA 0b0010 (SError); MaxBuffSize 0 (no limit,
 *                    the only value hardware reports)
 */
static const struct spevirt_host default_host = {
	.id_aa64dfr0_el1 = 0x0000000300000790ULL,
	.id_aa64dfr2_el1 = 0,
	.id_aa64mmfr0_el1 = 0x0100000000000000ULL,
	.pmsidr_el1 = 0x0000000000026457ULL,
	.pmbidr_el1 = 0x0000000000000220ULL,
};

static void print_value(const char *name, uint64_t value)
{
	const struct spevirt_reg_desc *reg = spevirt_reg_find(name);

	printf("  %-16s 0x%016llx\n", name, (unsigned long long)value);
	decode_fields(stdout, reg, value, ~0ULL);
}

static void print_regmask(const char *name, const struct spevirt_regmask *rm)
{
	const struct spevirt_reg_desc *reg = spevirt_reg_find(name);

	printf("  %-16s mask 0x%016llx value 0x%016llx\n", name,
	       (unsigned long long)rm->mask, (unsigned long long)rm->value);
	if (!rm->mask)
		printf("    (no bit exists on this host)\n");
	decode_fields(stdout, reg, rm->value, rm->mask);
}

static void print_view(const struct spevirt_host *host, const struct spevirt_config *cfg,
		       const struct spevirt_view *v)
{
	printf("Host: synthetic Armv8.7 (FEAT_SPEv1p2, FEAT_FGT)\n");
	printf("Guest: profile %s, PMSVer %u, SPE_nVM %u, max buffer size %llu%s\n\n",
	       cfg->profile == SPEVIRT_PROFILE_DEFAULT ? "default" : "kvm-rfc-v6", cfg->pmsver,
	       cfg->spe_nvm, (unsigned long long)cfg->max_buffer_size,
	       cfg->max_buffer_size ? " bytes" : " (no limit)");

	printf("Host ID registers\n");
	print_value("PMSIDR_EL1", host->pmsidr_el1);
	print_value("PMBIDR_EL1", host->pmbidr_el1);

	printf("\nGuest-visible registers\n");
	print_value("PMSIDR_EL1", v->pmsidr_el1);
	print_value("PMBIDR_EL1", v->pmbidr_el1);
	print_regmask("ID_AA64DFR0_EL1", &v->id_aa64dfr0_el1);
	print_regmask("ID_AA64DFR2_EL1", &v->id_aa64dfr2_el1);

	printf("\nTrap controls: program each as reg = (reg & ~mask) | value\n");
	print_regmask("MDCR_EL2", &v->mdcr_el2);
	print_regmask("PMSCR_EL2", &v->pmscr_el2);
	print_regmask("HDFGRTR_EL2", &v->hdfgrtr_el2);
	print_regmask("HDFGWTR_EL2", &v->hdfgwtr_el2);
	print_regmask("HDFGRTR2_EL2", &v->hdfgrtr2_el2);
	print_regmask("HDFGWTR2_EL2", &v->hdfgwtr2_el2);
	print_regmask("HFGITR_EL2", &v->hfgitr_el2);
}

int main(int argc, char **argv)
{
	struct spevirt_config cfg = {
		.profile = SPEVIRT_PROFILE_DEFAULT,
		.pmsver = SPEVIRT_PMSVER_V1P2,
	};
	struct spevirt_view view;
	enum spevirt_status status;

	if (argc > 1) {
		fprintf(stderr, "usage: %s\n"
			"Prints the SPE view of a guest on the built-in default host.\n", argv[0]);
		return 2;
	}
	status = spevirt_view_compute(&default_host, &cfg, &view);
	if (status != SPEVIRT_OK) {
		fprintf(stderr, "spevirt: %s: %s\n", spevirt_strerror(status), view.reason);
		return 1;
	}
	print_view(&default_host, &cfg, &view);
	return 0;
}
