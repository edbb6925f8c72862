// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * WP proof obligations of the trap and EL2 plans, the steps of rule (a)
 * that write the fine-grained trap registers, MDCR_EL2, HFGITR_EL2 and
 * PMSCR_EL2: for any host capabilities, guest and flags, the two plans as
 * spevirt_view_compute() makes them, on a view whose registers are clear
 * (it clears the whole view first), set no value bit outside its mask.
 */
#include "spevirt_internal.h"
#include "acsl.h"

/* A register with no bit in its mask and none in its value. */
#define FV_CLEAR(rm)	((rm).mask == 0 && (rm).value == 0)

/*@
  requires \valid(view) && \valid_read(caps) && \valid_read(guest);
  requires \separated(view, caps, guest);
  requires FV_CLEAR(view->hdfgrtr_el2) && FV_CLEAR(view->hdfgwtr_el2) &&
	   FV_CLEAR(view->hdfgrtr2_el2) && FV_CLEAR(view->hdfgwtr2_el2) &&
	   FV_CLEAR(view->mdcr_el2) && FV_CLEAR(view->hfgitr_el2) && FV_CLEAR(view->pmscr_el2);
*/
void fv_wp_plans(const struct spevirt_hostcaps *caps, const struct spevirt_guest *guest,
		 unsigned int flags, struct spevirt_view *view)
{
	if (spevirt_traps_plan_(caps, guest, flags, view) != SPEVIRT_OK)
		return;
	spevirt_el2_plan_(caps, guest, flags, view);
	//@ assert a_plan_fgt_within_masks: SPV_FGT_OK(view);
	//@ assert a_plan_mdcr_within_mask: (view->mdcr_el2.value & ~view->mdcr_el2.mask) == 0;
	//@ assert a_plan_hfgitr_within_mask: (view->hfgitr_el2.value & ~view->hfgitr_el2.mask) == 0;
	//@ assert a_plan_pmscr_within_mask: SPV_RM_OK(view->pmscr_el2);
}
