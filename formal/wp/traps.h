/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/* Contracts of lib/traps.c, proved by WP (formal/wp/buffer.h says how). */
#include "acsl.h"

/*@ assigns \nothing; */
enum spevirt_access spevirt_access(const struct spevirt_view *view, uint32_t sysreg,
				   bool is_write);
