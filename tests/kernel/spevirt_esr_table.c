// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The kernel's decoding of a trapped MSR/MRS, as a table the compiler
 * evaluates with the kernel's own macros: for each ISS of
 * spevirt_esr_entries.h (every Op0, Op1, CRn, CRm and Op2, with Rt and the
 * direction varied, written by './dev kernel'), esr_sys64_to_sysreg(),
 * ESR_ELx_SYS64_ISS_RT() and the direction.  tests/kernel/esr_agree.c
 * compares spevirt_sysreg_from_iss() with it, entry by entry.
 */
#include <linux/module.h>
#include <asm/esr.h>
#include <asm/sysreg.h>

#include "spevirt_esr_table.h"

#define E(iss)	{ (iss), esr_sys64_to_sysreg(iss), ESR_ELx_SYS64_ISS_RT(iss),		\
		  ((iss) & ESR_ELx_SYS64_ISS_DIR_MASK) == ESR_ELx_SYS64_ISS_DIR_READ },

const struct spevirt_esr_entry spevirt_esr_table[SPEVIRT_ESR_ENTRIES]
	__section(".rodata.spevirt_esr") = {
#include "spevirt_esr_entries.h"
};

MODULE_DESCRIPTION("the kernel's esr_sys64_to_sysreg(), tabulated (a build test)");
MODULE_LICENSE("Dual BSD/GPL");
