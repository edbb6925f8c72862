/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_KENV_H
#define SPEVIRT_KENV_H

/*
 * spevirt's environment inside a Linux kernel: the kernel's own types.
 * Kbuild passes -DSPEVIRT_ENV_HEADER='"spevirt_kenv.h"', so spevirt's
 * headers include this instead of <stdint.h> and friends.  Defining
 * SPEVIRT_ENV_H keeps the user-space environment header out, should
 * anything include it.
 */
#define SPEVIRT_ENV_H
#include <linux/stddef.h>
#include <linux/types.h>

/* <spevirt/spevirt_errno.h> takes its errno values from the kernel's. */
#define SPEVIRT_ERRNO_HEADER "linux/errno.h"	/* quoted: GNU C defines linux as 1 */

#endif /* SPEVIRT_KENV_H */
