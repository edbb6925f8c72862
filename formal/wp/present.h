/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/*
 * Contracts of lib/present.c, proved by WP (formal/wp/buffer.h says how):
 * checking presented values writes nothing but the issue list.
 */
#include "acsl.h"

/*@ assigns \nothing; */
static uint64_t field_of(uint64_t reg, uint64_t mask);

/*@ assigns \nothing; */
static bool order_holds(enum spv_order order, uint64_t want, uint64_t own);

/*@ assigns *issues; */
void spevirt_issue_add_(struct spevirt_migration *issues, const char *field, uint64_t wanted,
			uint64_t found, const char *rule);

/*@ assigns *first, *issues; */
static void note_why(struct spevirt_migration *issues, const char **first, const char *field,
		     uint64_t wanted, uint64_t found, const char *rule);

/*@ assigns *first, *issues; */
static void check_cross_fields(uint64_t want, uint64_t own, unsigned int pmsver,
			       struct spevirt_migration *issues, const char **first);

/*@ assigns *issues; */
const char *spevirt_present_check_(const uint64_t *own, const uint64_t *want, unsigned int pmsver,
				   struct spevirt_migration *issues);
