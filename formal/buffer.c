// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Proof drivers: the profiling-buffer emulation, over any view, any state
 * and any access, and with the new state written over the old one (the
 * in-place update the API allows).
 */
#include "fv.h"

void fv_buffer_access(void)
{
	struct spevirt_view view;
	struct spevirt_buffer state, next;
	struct spevirt_buffer_effect eff;
	enum spevirt_status st;

	fv_any_view(&view);
	FV_ANY(state);
	st = spevirt_buffer_access(&view, &state, fv_u32(), fv_bool(), fv_u64(), &next, &eff);
	/* In place: next is state. */
	st = spevirt_buffer_access(&view, &state, fv_u32(), fv_bool(), fv_u64(), &state, &eff);
	st = spevirt_buffer_access(NULL, &state, fv_u32(), fv_bool(), fv_u64(), &next, &eff);
	//@ assert buffer_null_inval: st == SPEVIRT_E_INVAL && eff.reason != \null;
	st = spevirt_buffer_access(&view, &state, fv_u32(), fv_bool(), fv_u64(), &next, NULL);
	//@ assert buffer_null_inval: st == SPEVIRT_E_INVAL;
}

void fv_buffer_hw_event(void)
{
	struct spevirt_view view;
	struct spevirt_buffer state, next;
	struct spevirt_buffer_effect eff;
	enum spevirt_status st;

	fv_any_view(&view);
	FV_ANY(state);
	st = spevirt_buffer_hw_event(&view, &state, fv_u64(), fv_u64(), &next, &eff);
	if (st == SPEVIRT_OK) {
		//@ assert buffer_event_stops: !eff.running && eff.irq && eff.event;
	}
	st = spevirt_buffer_hw_event(&view, &state, fv_u64(), fv_u64(), &state, &eff);
	st = spevirt_buffer_hw_event(&view, NULL, fv_u64(), fv_u64(), &next, &eff);
	//@ assert buffer_null_inval: st == SPEVIRT_E_INVAL && eff.reason != \null;
}

void fv_buffer_abort(void)
{
	struct spevirt_view view;
	struct spevirt_buffer state, next;
	struct spevirt_buffer_effect eff;
	enum spevirt_status st;

	fv_any_view(&view);
	FV_ANY(state);
	st = spevirt_buffer_abort(&view, &state, fv_u32(), fv_u32(), &next, &eff);
	if (st == SPEVIRT_OK) {
		//@ assert buffer_event_stops: !eff.running && eff.irq && eff.event;
	}
	st = spevirt_buffer_abort(&view, &state, fv_u32(), fv_u32(), &state, &eff);
	st = spevirt_buffer_abort(&view, &state, 2, 0x10, NULL, &eff);
	//@ assert buffer_null_inval: st == SPEVIRT_E_INVAL && eff.reason != \null;
}
