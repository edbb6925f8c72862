/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/*
 * The properties every view must have, as ACSL assertions.  A driver calls
 * fv_check_view() right after the function that filled the view.
 */
#ifndef SPEVIRT_FV_PROPS_H
#define SPEVIRT_FV_PROPS_H

#include "fv.h"

/* (c) A refused view: zero but for its reason, and every access UNDEF. */
static inline void fv_check_refused(const struct spevirt_view *v)
{
	//@ assert c_refused_ids: v->pmsidr_el1 == 0 && v->pmbidr_el1 == 0;
	//@ assert c_refused_regmasks: v->id_aa64dfr0_el1.mask == 0 && v->id_aa64dfr0_el1.value == 0 && v->id_aa64dfr2_el1.mask == 0 && v->id_aa64dfr2_el1.value == 0 && v->mdcr_el2.mask == 0 && v->mdcr_el2.value == 0 && v->pmscr_el2.mask == 0 && v->pmscr_el2.value == 0 && v->hdfgrtr_el2.mask == 0 && v->hdfgrtr_el2.value == 0 && v->hdfgwtr_el2.mask == 0 && v->hdfgwtr_el2.value == 0 && v->hdfgrtr2_el2.mask == 0 && v->hdfgrtr2_el2.value == 0 && v->hdfgwtr2_el2.mask == 0 && v->hdfgwtr2_el2.value == 0 && v->hfgitr_el2.mask == 0 && v->hfgitr_el2.value == 0;
	//@ assert c_refused_rest: v->leaks == 0 && v->max_buffer_size == 0 && v->limit_advertised == 0 && v->trapped[0] == 0 && v->trapped[1] == 0 && v->context_regs == 0;
	//@ assert c_refused_access_undef: \forall integer d, s; 0 <= d < 2 && 0 <= s < SPEVIRT_NR_SPE_SLOTS ==> v->access[d][s] == SPEVIRT_ACCESS_UNDEF;
}

/* (c) A NULL host or configuration: refused as invalid, fail closed. */
static inline void fv_check_null(enum spevirt_status st, const struct spevirt_view *v)
{
	//@ assert c_null_inval: st == SPEVIRT_E_INVAL;
	fv_check_refused(v);
}

static inline void fv_check_view(enum spevirt_status st, const struct spevirt_view *v)
{
	if (st != SPEVIRT_OK)
		fv_check_refused(v);
}

#endif /* SPEVIRT_FV_PROPS_H */
