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

/*
 * (f), in part: from a state without them, every access, hardware event
 * and abort, updating the state in place, leaves no PMBPTR_EL1 bit below
 * PMBIDR_EL1.Align and no PMBMAR_EL1 RES0 bit set, whatever the view, the
 * access and the values written.  Which bits are RES0 in PMBPTR_EL1
 * depends on the view's Align; EVA keeps one Align value per call, so
 * fv_buffer_res0() makes one call per value of the 4-bit field.  The
 * scattered RES0 bits of PMBLIMITR_EL1 and PMBSR_EL1 are beyond EVA's
 * intervals and congruences: WP proves them (formal/wp/buffer.c).
 */
static void fv_clean_state(struct spevirt_buffer *b, unsigned int align)
{
	FV_ANY(*b);
	b->pmblimitr_el1 &= ~SPEVIRT_PMBLIMITR_EL1_RES0;
	b->pmbsr_el1 &= ~SPEVIRT_PMBSR_EL1_RES0;
	b->pmbmar_el1 &= ~SPEVIRT_PMBMAR_EL1_RES0;
	b->pmbptr_el1 &= ~((1ULL << align) - 1);
}

static void fv_check_clean(const struct spevirt_buffer *b, unsigned int align)
{
	uint64_t below_align = b->pmbptr_el1 & ((1ULL << align) - 1);
	uint64_t mar = b->pmbmar_el1 & SPEVIRT_PMBMAR_EL1_RES0;

	//@ assert f_ptr_below_align_zero: below_align == 0;
	//@ assert f_pmbmar_no_res0: mar == 0;
}

/* Each call updates the state in place, as a hypervisor keeps it. */
static void fv_res0_align(unsigned int align)
{
	struct fv_buffer_args a;

	fv_any_view(&a.view);
	a.view.pmbidr_el1 = (a.view.pmbidr_el1 & ~SPEVIRT_PMBIDR_EL1_ALIGN) | align;
	fv_clean_state(&a.state, align);
	spevirt_buffer_access(&a.view, &a.state, fv_u32(), fv_bool(), fv_u64(), &a.state, &a.eff);
	fv_check_clean(&a.state, align);
	fv_clean_state(&a.state, align);
	spevirt_buffer_hw_event(&a.view, &a.state, fv_u64(), fv_u64(), &a.state, &a.eff);
	fv_check_clean(&a.state, align);
	fv_clean_state(&a.state, align);
	spevirt_buffer_abort(&a.view, &a.state, fv_u32(), fv_u32(), &a.state, &a.eff);
	fv_check_clean(&a.state, align);
}

void fv_buffer_res0(void)
{
	fv_res0_align(0);
	fv_res0_align(1);
	fv_res0_align(2);
	fv_res0_align(3);
	fv_res0_align(4);
	fv_res0_align(5);
	fv_res0_align(6);
	fv_res0_align(7);
	fv_res0_align(8);
	fv_res0_align(9);
	fv_res0_align(10);
	fv_res0_align(11);
	fv_res0_align(12);
	fv_res0_align(13);
	fv_res0_align(14);
	fv_res0_align(15);
}
