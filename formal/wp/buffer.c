// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * WP proof obligations of the profiling-buffer emulation: the pointers are
 * the drivers' parameters, so WP proves each assertion for every view,
 * state, access and event they can point to.  The new state may be the old
 * one, the in-place update the API allows.
 */
#include <spevirt/spevirt.h>
#include "acsl.h"

/* Every driver's arguments: valid, the new state the old one or apart from it. */
#define FV_WP_BUFFER_ARGS							\
	requires \valid_read(view) && \valid(state) && \valid(next) && \valid(effect); \
	requires next == state || \separated(next, state);			\
	requires \separated(view, state, effect) && \separated(view, next, effect);

/*@ FV_WP_BUFFER_ARGS */
void fv_wp_buffer_access(const struct spevirt_view *view, struct spevirt_buffer *state,
			 uint32_t sysreg, bool is_write, uint64_t value,
			 struct spevirt_buffer *next, struct spevirt_buffer_effect *effect)
{
	if (spevirt_buffer_access(view, state, sysreg, is_write, value, next, effect) != SPEVIRT_OK)
		return;
	//@ assert f_access_stores_no_res0: \at(SPV_BUFFER_CLEAN(state), Pre) ==> SPV_BUFFER_CLEAN(next);
	//@ assert f_b9_no_start_above_limit: !\at(SPV_COLLECTING(state), Pre) && SPV_COLLECTING(next) ==> SPV_SIZE_OK(view, next);
}

/*@ FV_WP_BUFFER_ARGS */
void fv_wp_buffer_hw_event(const struct spevirt_view *view, struct spevirt_buffer *state,
			   uint64_t hw_pmbsr, uint64_t hw_pmbptr,
			   struct spevirt_buffer *next, struct spevirt_buffer_effect *effect)
{
	if (spevirt_buffer_hw_event(view, state, hw_pmbsr, hw_pmbptr, next, effect) != SPEVIRT_OK)
		return;
	//@ assert f_event_stores_no_res0: \at(SPV_BUFFER_CLEAN(state), Pre) ==> SPV_BUFFER_CLEAN(next);
}

/*@ FV_WP_BUFFER_ARGS */
void fv_wp_buffer_abort(const struct spevirt_view *view, struct spevirt_buffer *state,
			unsigned int stage, unsigned int fsc,
			struct spevirt_buffer *next, struct spevirt_buffer_effect *effect)
{
	if (spevirt_buffer_abort(view, state, stage, fsc, next, effect) != SPEVIRT_OK)
		return;
	//@ assert f_abort_stores_no_res0: \at(SPV_BUFFER_CLEAN(state), Pre) ==> SPV_BUFFER_CLEAN(next);
}
