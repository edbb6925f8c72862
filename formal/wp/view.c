// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * WP proof obligations of the guest view: for every host and
 * configuration, a view spevirt_view_compute() gives keeps rules (a) and
 * (b).
 */
#include <spevirt/spevirt.h>
#include "acsl.h"

/*@
  requires \valid_read(host) && \valid_read(cfg) && \valid(view);
  requires \separated(view, host, cfg);
*/
void fv_wp_view_compute(const struct spevirt_host *host, const struct spevirt_config *cfg,
			struct spevirt_view *view)
{
	if (spevirt_view_compute(host, cfg, view) != SPEVIRT_OK)
		return;
	//@ assert a_view_fgt_within_masks: SPV_FGT_OK(view);
	//@ assert a_view_pmscr_within_mask: SPV_RM_OK(view->pmscr_el2);
	//@ assert a_view_mdcr_within_mask: (view->mdcr_el2.value & ~view->mdcr_el2.mask) == 0;
	//@ assert a_view_hfgitr_within_mask: (view->hfgitr_el2.value & ~view->hfgitr_el2.mask) == 0;
	//@ assert a_view_dfr0_within_mask: (view->id_aa64dfr0_el1.value & ~view->id_aa64dfr0_el1.mask) == 0;
	//@ assert a_view_dfr2_within_mask: (view->id_aa64dfr2_el1.value & ~view->id_aa64dfr2_el1.mask) == 0;
	//@ assert b_view_pmsidr_from_host: SPV_PMSIDR_FROM_HOST(view->pmsidr_el1, host->pmsidr_el1);
	//@ assert b_view_pmbidr_from_host: SPV_PMBIDR_FROM_HOST(view->pmbidr_el1, host->pmbidr_el1, SPV_HOST_NVM(host));
}
