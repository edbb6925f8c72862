/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_ESR_TABLE_H
#define SPEVIRT_ESR_TABLE_H

/* Every Op0, Op1, CRn, CRm and Op2: 2 + 3 + 4 + 4 + 3 bits. */
#define SPEVIRT_ESR_ENTRIES	65536

/*
 * One trapped access as the kernel decodes it: the ISS, the sys_reg()
 * encoding, Rt and whether it is a read (MRS).  The same layout in the
 * arm64 object and in user space (both little-endian, 4-byte unsigned int).
 */
struct spevirt_esr_entry {
	unsigned int iss;
	unsigned int sysreg;
	unsigned char rt;
	unsigned char is_read;
	unsigned char pad[2];
};

#ifdef __KERNEL__
extern const struct spevirt_esr_entry spevirt_esr_table[SPEVIRT_ESR_ENTRIES];
#endif

#endif /* SPEVIRT_ESR_TABLE_H */
