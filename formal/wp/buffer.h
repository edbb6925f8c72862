/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/*
 * Contracts of lib/buffer.c, proved by WP (./dev prove runs them).  The
 * static functions are declared again here with their contracts; Frama-C
 * reads this file right after lib/buffer.c and merges each contract into its
 * function, so lib/ itself carries no annotation.
 */
#include "acsl.h"

/*
 * What the three public buffer functions require and may write: each
 * pointer NULL or valid, the new state the old one or apart from it (the
 * in-place update the API allows), the view apart from both states and the
 * effect.
 */
#define SPV_BUFFER_API								\
	requires view == \null || \valid_read(view);				\
	requires state == \null || \valid_read(state);			\
	requires next == \null || \valid(next);				\
	requires effect == \null || \valid(effect);				\
	requires next == state || \separated(next, state);			\
	requires \separated(view, state, effect) && \separated(view, next, effect); \
	assigns *next, *effect;

/*@
  requires \valid_read(view);
  assigns \nothing;
  ensures res0_cleared: (\result & SPEVIRT_PMBLIMITR_EL1_RES0) == 0;
*/
static uint64_t sanitize_limitr(const struct spevirt_view *view, uint64_t v);

/*@
  requires \valid_read(view);
  assigns \nothing;
  ensures limitr_res0_cleared: sysreg == SPEVIRT_SYSREG_PMBLIMITR_EL1 ==>
	(\result & SPEVIRT_PMBLIMITR_EL1_RES0) == 0;
  ensures pmbsr_res0_cleared: sysreg == SPEVIRT_SYSREG_PMBSR_EL1 ==>
	(\result & SPEVIRT_PMBSR_EL1_RES0) == 0;
  ensures pmbmar_res0_cleared: sysreg != SPEVIRT_SYSREG_PMBLIMITR_EL1 &&
	sysreg != SPEVIRT_SYSREG_PMBPTR_EL1 && sysreg != SPEVIRT_SYSREG_PMBSR_EL1 ==>
	(\result & SPEVIRT_PMBMAR_EL1_RES0) == 0;
*/
static uint64_t sanitize(const struct spevirt_view *view, uint32_t sysreg, uint64_t v);

/*@
  requires \valid_read(view) && \valid(b) && \valid(effect);
  requires \separated(b, effect) && \separated(b, view);
  assigns b->pmbsr_el1, effect->event;
  ensures b9_stopped_or_within: (b->pmbsr_el1 & SPEVIRT_PMBSR_EL1_S) != 0 || SPV_SIZE_OK(view, b);
  ensures res0_kept: (\old(b->pmbsr_el1) & SPEVIRT_PMBSR_EL1_RES0) == 0 ==>
	(b->pmbsr_el1 & SPEVIRT_PMBSR_EL1_RES0) == 0;
*/
static void check_size(const struct spevirt_view *view, struct spevirt_buffer *b,
		       struct spevirt_buffer_effect *effect);

/*@
  requires \valid_read(view) && \valid(cur) && \valid(effect);
  requires reg == &cur->pmblimitr_el1 || reg == &cur->pmbptr_el1 || reg == &cur->pmbsr_el1 ||
	   reg == &cur->pmbmar_el1;
  requires reg == &cur->pmblimitr_el1 <==> sysreg == SPEVIRT_SYSREG_PMBLIMITR_EL1;
  requires reg == &cur->pmbptr_el1 <==> sysreg == SPEVIRT_SYSREG_PMBPTR_EL1;
  requires reg == &cur->pmbsr_el1 <==> sysreg == SPEVIRT_SYSREG_PMBSR_EL1;
  requires \separated(cur, effect) && \separated(cur, view);
  assigns *cur, effect->ignored, effect->event;
  ensures b9_no_start_above_limit: !\at(SPV_COLLECTING(cur), Pre) && SPV_COLLECTING(cur) ==>
	SPV_SIZE_OK(view, cur);
  ensures res0_not_stored: \at(SPV_BUFFER_CLEAN(cur), Pre) ==> SPV_BUFFER_CLEAN(cur);
*/
static void write_reg(const struct spevirt_view *view, struct spevirt_buffer *cur, uint64_t *reg,
		      uint32_t sysreg, uint64_t value, struct spevirt_buffer_effect *effect);

/*@
  SPV_BUFFER_API
  ensures res0_not_stored: \result == SPEVIRT_OK && \at(SPV_BUFFER_CLEAN(state), Pre) ==>
	SPV_BUFFER_CLEAN(next);
  ensures b9_no_start_above_limit: \result == SPEVIRT_OK && !\at(SPV_COLLECTING(state), Pre) &&
	SPV_COLLECTING(next) ==> SPV_SIZE_OK(view, next);
*/
enum spevirt_status spevirt_buffer_access(const struct spevirt_view *view,
					  const struct spevirt_buffer *state, uint32_t sysreg,
					  bool is_write, uint64_t value,
					  struct spevirt_buffer *next,
					  struct spevirt_buffer_effect *effect);

/*@
  requires \valid_read(state) && \valid(cur) && \valid(effect);
  requires \separated(cur, effect) && \separated(state, effect);
  assigns *cur, *effect;
  ensures stopped: (cur->pmbsr_el1 & SPEVIRT_PMBSR_EL1_S) != 0;
  ensures res0_not_stored: \at(SPV_BUFFER_CLEAN(state), Pre) ==> SPV_BUFFER_CLEAN(cur);
*/
static void stop_with(const struct spevirt_buffer *state, uint64_t pmbsr,
		      struct spevirt_buffer *cur, struct spevirt_buffer_effect *effect);

/*@
  SPV_BUFFER_API
  ensures res0_not_stored: \result == SPEVIRT_OK && \at(SPV_BUFFER_CLEAN(state), Pre) ==>
	SPV_BUFFER_CLEAN(next);
*/
enum spevirt_status spevirt_buffer_hw_event(const struct spevirt_view *view,
					    const struct spevirt_buffer *state, uint64_t hw_pmbsr,
					    uint64_t hw_pmbptr, struct spevirt_buffer *next,
					    struct spevirt_buffer_effect *effect);

/*@
  SPV_BUFFER_API
  ensures res0_not_stored: \result == SPEVIRT_OK && \at(SPV_BUFFER_CLEAN(state), Pre) ==>
	SPV_BUFFER_CLEAN(next);
*/
enum spevirt_status spevirt_buffer_abort(const struct spevirt_view *view,
					 const struct spevirt_buffer *state, unsigned int stage,
					 unsigned int fsc, struct spevirt_buffer *next,
					 struct spevirt_buffer_effect *effect);
