/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_ENV_H
#define SPEVIRT_ENV_H

/*
 * The environment of spevirt: the only header through which it reaches the
 * platform.  spevirt needs fixed-width integers, uintptr_t (to tell whether
 * two arguments overlap), bool, size_t and NULL, nothing else.  A kernel,
 * firmware or hypervisor that has no C library provides its own header with
 * these definitions and builds with
 * -DSPEVIRT_ENV_HEADER='"my_spevirt_env.h"'; spevirt's headers then include
 * that instead of this one.  The headers used here are freestanding ones that
 * every C11 compiler ships.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#endif /* SPEVIRT_ENV_H */
