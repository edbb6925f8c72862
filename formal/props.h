/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/*
 * The properties every view must have, as ACSL assertions.  A driver calls
 * fv_check_view() right after the function that filled the view.
 */
#ifndef SPEVIRT_FV_PROPS_H
#define SPEVIRT_FV_PROPS_H

#include "fv.h"

/*
 * (c) A refused view denies SPE: it is a host's view of a guest without SPE,
 * or zero for a host that has none.  No ID value, PMSVer and SPE_nVM 0, no
 * buffer, no record control the guest could use, and every access UNDEF but
 * the PMBIDR_EL1 read that a host without FEAT_FGT cannot trap.
 */
static inline void fv_check_refused(const struct spevirt_view *v)
{
	//@ assert c_refused_ids: v->pmsidr_el1 == 0 && v->pmbidr_el1 == 0;
	//@ assert c_refused_levels: v->id_aa64dfr0_el1.value == 0 && v->id_aa64dfr2_el1.value == 0;
	//@ assert c_refused_rest: v->max_buffer_size == 0 && v->context_regs == 0;
	//@ assert c_refused_records: (v->pmscr_el2.value & (SPEVIRT_PMSCR_EL2_PA | SPEVIRT_PMSCR_EL2_CX | SPEVIRT_PMSCR_EL2_PCT)) == 0;
	//@ assert c_refused_reads_undef: \forall integer s; 0 <= s < SPEVIRT_NR_SPE_SLOTS - 1 ==> v->access[0][s] == SPEVIRT_ACCESS_UNDEF;
	//@ assert c_refused_writes_undef: \forall integer s; 0 <= s < SPEVIRT_NR_SPE_SLOTS ==> v->access[1][s] == SPEVIRT_ACCESS_UNDEF;
	//@ assert c_refused_pmbidr_read: v->access[0][SPEVIRT_NR_SPE_SLOTS - 1] == SPEVIRT_ACCESS_UNDEF || v->access[0][SPEVIRT_NR_SPE_SLOTS - 1] == SPEVIRT_ACCESS_UNTRAPPED;
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
