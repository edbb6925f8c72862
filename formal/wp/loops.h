/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/*
 * The loop annotations WP needs, one per lib/ function with a loop, named
 * SPV_LOOP_<function>.  scripts/prove.py writes each into the copy of the
 * lib/ file it hands to Frama-C, on the line of the function's only loop,
 * so that lib/ carries no annotation and the line numbers stay those of
 * lib/.  The tables they walk have constant contents, which WP reads
 * (-wp-init-const).
 */
#ifndef SPEVIRT_WP_LOOPS_H
#define SPEVIRT_WP_LOOPS_H

#include "acsl.h"

/* plan_tpms() only reads. */
#define SPV_LOOP_plan_tpms						\
	loop invariant 0 <= i <= SPV_NR_SPE_REGS;			\
	loop assigns i;

/*
 * Each row keeps the fine-grained trap registers' rule and writes only
 * its own access decisions and trapped bits.
 */
#define SPV_LOOP_spevirt_traps_plan_					\
	loop invariant 0 <= i <= SPV_NR_SPE_REGS;			\
	loop invariant SPV_FGT_OK(view);				\
	loop assigns i, view->hdfgrtr_el2, view->hdfgwtr_el2, view->hdfgrtr2_el2, \
		view->hdfgwtr2_el2, view->access[0 .. 1][0 .. SPEVIRT_NR_SPE_SLOTS - 1], \
		view->trapped[0 .. 1];

/* context_set() only reads the view. */
#define SPV_LOOP_context_set						\
	loop invariant 0 <= slot <= SPEVIRT_NR_SPE_SLOTS;		\
	loop assigns slot, set;

#endif /* SPEVIRT_WP_LOOPS_H */
