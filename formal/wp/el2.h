/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/*
 * Contracts of lib/el2.c, proved by WP (formal/wp/buffer.h says how): the
 * EL2 plan keeps rule (a) for PMSCR_EL2, bit by bit as plan_bits() sets
 * them.
 */
#include "acsl.h"

/*@
  requires \valid(rm);
  assigns *rm;
  ensures SPV_RM_OK(\old(*rm)) ==> SPV_RM_OK(*rm);
  ensures rm->mask == (\old(rm->mask) | bits);
  ensures set ==> rm->value == (\old(rm->value) | bits);
  ensures !set ==> rm->value == \old(rm->value);
*/
static void plan_bits(struct spevirt_regmask *rm, uint64_t bits, bool set);

/* The PMSCR_EL2 steps: each keeps rule (a) for the register it is given. */
#define SPV_PLAN_STEP(...)						\
	requires \valid(rm) && \valid_read(caps) && \separated(rm, caps, ## __VA_ARGS__); \
	assigns *rm;							\
	ensures SPV_RM_OK(\old(*rm)) ==> SPV_RM_OK(*rm);

/*@ SPV_PLAN_STEP() */
static void plan_exc(const struct spevirt_hostcaps *caps, struct spevirt_regmask *rm);

/*@ SPV_PLAN_STEP() */
static void plan_records(const struct spevirt_hostcaps *caps, unsigned int flags,
			 struct spevirt_regmask *rm);

/*@
  requires \valid_read(g);
  SPV_PLAN_STEP(g)
*/
static void plan_pmscr(const struct spevirt_hostcaps *caps, const struct spevirt_guest *g,
		       unsigned int flags, struct spevirt_regmask *rm);

/*@ assigns \nothing; */
static uint16_t context_set(const struct spevirt_view *view);

/*@
  requires \valid(view) && \valid_read(caps) && \valid_read(guest);
  requires \separated(view, caps, guest);
  requires SPV_RM_OK(view->pmscr_el2);
  assigns view->pmscr_el2, view->context_regs;
  ensures SPV_RM_OK(view->pmscr_el2);
*/
void spevirt_el2_plan_(const struct spevirt_hostcaps *caps, const struct spevirt_guest *guest,
		       unsigned int flags, struct spevirt_view *view);
