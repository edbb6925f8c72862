/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/* Contracts of lib/leaks.c, proved by WP (formal/wp/buffer.h says how). */
#include "acsl.h"

/*@ assigns \nothing; */
uint64_t spevirt_leaks_(const struct spevirt_host *host, const struct spevirt_hostcaps *caps,
			const struct spevirt_config *cfg, const struct spevirt_view *view);

/*@ assigns \nothing; */
const char *spevirt_leak_reason_(uint64_t leaks);
