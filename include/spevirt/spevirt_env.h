/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_ENV_H
#define SPEVIRT_ENV_H

/*
 * The environment of spevirt: the only header through which it reaches the
 * platform.  spevirt needs fixed-width integers, uintptr_t (to tell whether
 * two arguments overlap), bool, size_t and NULL, nothing else.
 *
 * In a Linux kernel (__KERNEL__, which Kbuild defines) they come from the
 * kernel's own headers, so a kernel file includes <spevirt/spevirt.h> with
 * an include path and nothing else.  Elsewhere they come from the
 * freestanding headers every C11 compiler ships.  Firmware or a hypervisor
 * with neither provides its own header with these definitions and builds
 * with -DSPEVIRT_ENV_HEADER='"my_spevirt_env.h"'; spevirt's headers then
 * include that instead of this one.
 */
#ifdef __KERNEL__
#include <linux/stddef.h>
#include <linux/types.h>
#else
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#endif

#endif /* SPEVIRT_ENV_H */
