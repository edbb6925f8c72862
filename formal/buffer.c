// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Proof drivers: the profiling-buffer emulation, over any view, any state
 * and any access, and with the new state written over the old one (the
 * in-place update the API allows).
 */
#include "fv.h"

/* One call's arguments: any view and any state. */
struct fv_buffer_args {
	struct spevirt_view view;
	struct spevirt_buffer state, next;
	struct spevirt_buffer_effect eff;
};

static void fv_buffer_args_any(struct fv_buffer_args *a)
{
	fv_any_view(&a->view);
	FV_ANY(a->state);
}

void fv_buffer_access(void)
{
	struct fv_buffer_args a;
	enum spevirt_status st;

	fv_buffer_args_any(&a);
	st = spevirt_buffer_access(&a.view, &a.state, fv_u32(), fv_bool(), fv_u64(), &a.next, &a.eff);
	/* In place: next is state. */
	st = spevirt_buffer_access(&a.view, &a.state, fv_u32(), fv_bool(), fv_u64(), &a.state,
				   &a.eff);
	st = spevirt_buffer_access(NULL, &a.state, fv_u32(), fv_bool(), fv_u64(), &a.next, &a.eff);
	//@ assert buffer_null_inval: st == SPEVIRT_E_INVAL && a.eff.reason != \null;
	st = spevirt_buffer_access(&a.view, &a.state, fv_u32(), fv_bool(), fv_u64(), &a.next, NULL);
	//@ assert buffer_null_inval: st == SPEVIRT_E_INVAL;
}

/* A buffer-management event: the hardware's, or an abort of the buffer. */
typedef enum spevirt_status (*fv_event_fn)(const struct spevirt_view *view,
					   const struct spevirt_buffer *state,
					   struct spevirt_buffer *next,
					   struct spevirt_buffer_effect *effect);

/* Every view, state and event; then in place, then a NULL new state. */
static void fv_event_driver(fv_event_fn event)
{
	struct fv_buffer_args a;
	enum spevirt_status st;

	fv_buffer_args_any(&a);
	st = event(&a.view, &a.state, &a.next, &a.eff);
	if (st == SPEVIRT_OK) {
		//@ assert buffer_event_stops: !a.eff.running && a.eff.irq && a.eff.event;
	}
	st = event(&a.view, &a.state, &a.state, &a.eff);
	st = event(&a.view, &a.state, NULL, &a.eff);
	//@ assert buffer_null_inval: st == SPEVIRT_E_INVAL && a.eff.reason != \null;
}

/* Any syndrome and write pointer the hardware reports. */
static enum spevirt_status fv_hw_event(const struct spevirt_view *view,
				       const struct spevirt_buffer *state,
				       struct spevirt_buffer *next, struct spevirt_buffer_effect *effect)
{
	return spevirt_buffer_hw_event(view, state, fv_u64(), fv_u64(), next, effect);
}

/* Any stage and fault status code. */
static enum spevirt_status fv_abort(const struct spevirt_view *view,
				    const struct spevirt_buffer *state,
				    struct spevirt_buffer *next, struct spevirt_buffer_effect *effect)
{
	return spevirt_buffer_abort(view, state, fv_u32(), fv_u32(), next, effect);
}

void fv_buffer_hw_event(void)
{
	fv_event_driver(fv_hw_event);
}

void fv_buffer_abort(void)
{
	fv_event_driver(fv_abort);
}
