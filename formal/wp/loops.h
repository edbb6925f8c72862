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

/* spevirt_maxbuf_encode() tries each exponent; it writes only on return. */
#define SPV_LOOP_spevirt_maxbuf_encode					\
	loop invariant 1 <= e <= SPV_E_MAX + 1;				\
	loop assigns e;

/* The lowest leak bit set. */
#define SPV_LOOP_spevirt_leak_reason_					\
	loop invariant 0 <= i <= SPEVIRT_LEAK_COUNT - 1;		\
	loop assigns i;

/* The lowest set bit of a field's mask. */
#define SPV_LOOP_field_of						\
	loop invariant 0 <= shift <= 63;				\
	loop assigns shift;

/* Each field rule may note an issue; nothing else is written. */
#define SPV_LOOP_spevirt_present_check_					\
	loop invariant 0 <= i <= SPV_NR_FIELD_RULES;			\
	loop assigns i, first, *issues;

#endif /* SPEVIRT_WP_LOOPS_H */
