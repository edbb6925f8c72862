// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * spevirt_sysreg_from_iss() against the kernel's esr_sys64_to_sysreg(),
 * ESR_ELx_SYS64_ISS_RT() and ISS.Direction: FILE is the .rodata.spevirt_esr
 * section of spevirt_esr_table.o, built in an arm64 kernel tree, as raw
 * bytes.  Every entry must agree; the first disagreement is printed.
 *
 * Usage: esr_agree FILE
 */
#include <stdio.h>
#include <stdlib.h>

#include <spevirt/spevirt.h>

#include "spevirt_esr_table.h"

static int check(const struct spevirt_esr_entry *e)
{
	unsigned int rt = 0;
	bool is_write = false;
	uint32_t sysreg = spevirt_sysreg_from_iss(e->iss, &rt, &is_write);

	if (sysreg == e->sysreg && rt == e->rt && is_write == !e->is_read)
		return 0;
	fprintf(stderr,
		"esr_agree: ISS 0x%07x: spevirt 0x%06x Rt %u %s, kernel 0x%06x Rt %u %s\n",
		e->iss, sysreg, rt, is_write ? "write" : "read", e->sysreg, e->rt,
		e->is_read ? "read" : "write");
	return 1;
}

int main(int argc, char **argv)
{
	static struct spevirt_esr_entry table[SPEVIRT_ESR_ENTRIES + 1];
	unsigned int i, encodings = 0;
	FILE *f;
	size_t n;

	if (argc != 2) {
		fprintf(stderr, "usage: esr_agree FILE\n");
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	n = fread(table, sizeof(table[0]), SPEVIRT_ESR_ENTRIES + 1, f);
	fclose(f);
	if (n != SPEVIRT_ESR_ENTRIES) {
		fprintf(stderr, "esr_agree: %s holds %zu entries, not %d\n", argv[1], n,
			SPEVIRT_ESR_ENTRIES);
		return 1;
	}
	for (i = 0; i < SPEVIRT_ESR_ENTRIES; i++) {
		if (check(&table[i]))
			return 1;
		/* Each entry is a distinct encoding: the table covers them all. */
		encodings += (table[i].sysreg >> 5) == i;
	}
	if (encodings != SPEVIRT_ESR_ENTRIES) {
		fprintf(stderr, "esr_agree: the table covers %u encodings, not %d\n", encodings,
			SPEVIRT_ESR_ENTRIES);
		return 1;
	}
	printf("esr_agree: spevirt_sysreg_from_iss() decodes all %d encodings as the kernel does\n",
	       SPEVIRT_ESR_ENTRIES);
	return 0;
}
