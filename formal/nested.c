// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/* Drivers for the nested composition (spevirt_nested.h). */
#include "fv.h"
#include <spevirt/spevirt_nested.h>

/* Any host, any view, any L1 controls; NULL for each pointer. */
void fv_nested_compose(void)
{
	struct spevirt_host host;
	struct spevirt_view view;
	struct spevirt_nested_l1 l1;
	struct spevirt_nested out;
	enum spevirt_status st;
	unsigned int slot;

	FV_ANY(host);
	fv_any_view(&view);
	FV_ANY(l1);
	FV_ANY(out);
	st = spevirt_nested_compose(FV_OR_NULL(&host), FV_OR_NULL(&view), FV_OR_NULL(&l1), &out);
	//@ assert nested_status_documented: st == SPEVIRT_OK || st == SPEVIRT_E_INVAL || st == SPEVIRT_E_NEED_FGT || st == SPEVIRT_E_PMSVER || st == SPEVIRT_E_HOST_INVALID;
	//@ assert nested_psb_route_defined: out.psb_route <= SPEVIRT_NESTED_REFLECT;
	slot = Frama_C_unsigned_int_interval(0, SPEVIRT_NR_SPE_SLOTS - 1);
	//@ assert nested_read_route_defined: out.route[0][slot] <= SPEVIRT_NESTED_REFLECT;
	//@ assert nested_write_route_defined: out.route[1][slot] <= SPEVIRT_NESTED_REFLECT;
	st = spevirt_nested_compose(&host, &view, &l1, NULL);
	//@ assert nested_null_out_inval: st == SPEVIRT_E_INVAL;
}

/* Any host; NULL for each pointer. */
void fv_nested_max_fgt(void)
{
	struct spevirt_host host;
	unsigned int fgt;
	enum spevirt_status st;

	FV_ANY(host);
	st = spevirt_nested_max_fgt(FV_OR_NULL(&host), &fgt);
	//@ assert nested_max_fgt_status_documented: st == SPEVIRT_OK || st == SPEVIRT_E_INVAL || st == SPEVIRT_E_HOST_INVALID;
	//@ assert nested_max_fgt_level: fgt <= 2;
	//@ assert nested_max_fgt_refused_zero: st == SPEVIRT_OK || fgt == 0;
	st = spevirt_nested_max_fgt(&host, NULL);
	//@ assert nested_max_fgt_null_inval: st == SPEVIRT_E_INVAL;
}

void fv_vncr_offset(void)
{
	uint32_t off = spevirt_vncr_offset(fv_u32());

	//@ assert vncr_offset_in_page: off == 0 || (0x800 <= off <= 0x858 && off % 8 == 0);
}

void fv_nested_esr(void)
{
	uint64_t esr = spevirt_nested_esr(fv_u32(), fv_u32(), fv_bool());

	//@ assert nested_esr_ec_sys64: esr >> 26 == SPEVIRT_ESR_EC_SYS64;
	//@ assert nested_esr_il: ((esr >> 25) & 1) == 1;
}
