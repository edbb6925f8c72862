/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TEST_KERNEL_ENV_H
#define SPEVIRT_TEST_KERNEL_ENV_H

/*
 * A stand-in for the environment header of a kernel, firmware or hypervisor
 * (Linux, Xen, TF-A) that has no C library: everything spevirt needs comes
 * from compiler builtins, and no header at all is included.
 * tests/integration/freestanding.sh builds every lib/ source with
 * -DSPEVIRT_ENV_HEADER='"kernel_env.h"' -nostdinc to prove that this is
 * enough.  It deliberately does not define SPEVIRT_ENV_H: the default
 * include/spevirt/spevirt_env.h must never be reached.
 */
typedef __UINT8_TYPE__ uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;
typedef __SIZE_TYPE__ size_t;
typedef __UINTPTR_TYPE__ uintptr_t;

#define bool _Bool
#define true 1
#define false 0

#define NULL ((void *)0)

#endif /* SPEVIRT_TEST_KERNEL_ENV_H */
