/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/*
 * Contracts of lib/view.c, proved by WP (formal/wp/buffer.h says how):
 * rules (a) and (b) for spevirt_view_compute(), built from the guest's ID
 * values (compute_spe_guest()) and the trap and EL2 plans.  The public
 * functions require what the API documents; lib/offer.c and lib/pool.c,
 * which call them, are outside this proof.
 */
#include "acsl.h"

/*@ assigns \nothing; */
const char *spevirt_config_invalid_(const struct spevirt_config *cfg);

/*@
  requires \valid_read(caps) && \valid_read(cfg) && \valid(view);
  requires \separated(view, caps, cfg);
  assigns view->reason;
  ensures nvm_from_host: \result == SPEVIRT_OK ==>
	  cfg->spe_nvm == 0 || (caps->feats & SPV_FEAT_SPE_NVM) != 0;
*/
static enum spevirt_status check_guest_levels(const struct spevirt_hostcaps *caps,
					      const struct spevirt_config *cfg,
					      struct spevirt_view *view);

/*@
  requires \valid_read(host) && \valid_read(cfg) && \valid(view) && \valid(field);
  requires \separated(view, host, cfg, field);
  assigns view->reason, *field;
*/
static enum spevirt_status check_buffer_size(const struct spevirt_host *host,
					     const struct spevirt_config *cfg,
					     struct spevirt_view *view, uint16_t *field);

/*@
  requires \valid_read(caps) && \valid_read(cfg);
  assigns \nothing;
  ensures no_res0: (\result & SPEVIRT_PMSIDR_EL1_RES0) == 0;
  ensures from_host: SPV_BITS_WITHIN(\result, host);
*/
static uint64_t guest_pmsidr(uint64_t host, const struct spevirt_hostcaps *caps,
			     const struct spevirt_config *cfg);

/*@
  requires \valid_read(cfg);
  assigns \nothing;
  ensures no_res0: (\result & SPEVIRT_PMBIDR_EL1_RES0) == 0;
  ensures from_host: SPV_PMBIDR_BITS_FROM(\result, host);
  ensures addrmode_nvm: (\result & SPEVIRT_PMBIDR_EL1_ADDRMODE) == 0 || cfg->spe_nvm != 0;
*/
static uint64_t guest_pmbidr(uint64_t host, const struct spevirt_config *cfg, uint16_t maxbuf);

/*@
  requires \valid(view) && \valid_read(want + (0 .. 1)) && \valid_read(cfg);
  requires \separated(view, want + (0 .. 1)) && \separated(view, cfg);
  assigns view->pmsidr_el1, view->pmbidr_el1, view->limit_advertised, view->reason;
*/
static enum spevirt_status present(const uint64_t *want, const struct spevirt_config *cfg,
				   uint16_t limit, struct spevirt_view *view);

/*@
  requires \valid_read(host) && \valid_read(caps) && \valid_read(cfg);
  requires \valid(view) && \valid(guest);
  requires \separated(view, host, caps, cfg, guest);
  requires want == \null || (\valid_read(want + (0 .. 1)) &&
			     \separated(want + (0 .. 1), view, guest));
  assigns view->reason, view->max_buffer_size, view->limit_advertised, view->pmsidr_el1,
	  view->pmbidr_el1, *guest;
  ensures t1: \result == SPEVIRT_OK && want == \null ==> (view->pmsidr_el1 & SPEVIRT_PMSIDR_EL1_RES0) == 0;
  ensures t2: \result == SPEVIRT_OK && want == \null ==> SPV_BITS_WITHIN(view->pmsidr_el1, host->pmsidr_el1);
  ensures t3: \result == SPEVIRT_OK && want == \null ==> (view->pmbidr_el1 & SPEVIRT_PMBIDR_EL1_RES0) == 0;
  ensures t4: \result == SPEVIRT_OK && want == \null ==> SPV_PMBIDR_BITS_FROM(view->pmbidr_el1, host->pmbidr_el1);
  ensures t5: \result == SPEVIRT_OK && want == \null ==> ((view->pmbidr_el1 & SPEVIRT_PMBIDR_EL1_ADDRMODE) == 0 || (caps->feats & SPV_FEAT_SPE_NVM) != 0);
*/
static enum spevirt_status compute_spe_guest(const struct spevirt_host *host,
					     const struct spevirt_hostcaps *caps,
					     const struct spevirt_config *cfg, const uint64_t *want,
					     struct spevirt_view *view, struct spevirt_guest *guest);

/* The registers the plans write are clear, as view_compute() leaves them. */
#define SPV_PLAN_CLEAR(v)						\
	((v)->hdfgrtr_el2.value == 0 && (v)->hdfgrtr_el2.mask == 0 &&	\
	 (v)->hdfgwtr_el2.value == 0 && (v)->hdfgwtr_el2.mask == 0 &&	\
	 (v)->hdfgrtr2_el2.value == 0 && (v)->hdfgrtr2_el2.mask == 0 &&	\
	 (v)->hdfgwtr2_el2.value == 0 && (v)->hdfgwtr2_el2.mask == 0 &&	\
	 (v)->mdcr_el2.value == 0 && (v)->mdcr_el2.mask == 0 &&		\
	 (v)->pmscr_el2.value == 0 && (v)->pmscr_el2.mask == 0 &&		\
	 (v)->hfgitr_el2.value == 0 && (v)->hfgitr_el2.mask == 0)

/*@
  assigns *view;
  ensures clear: SPV_PLAN_CLEAR(view);
  ensures no_values: view->pmsidr_el1 == 0 && view->pmbidr_el1 == 0;
*/
static void view_clear(struct spevirt_view *view);

/*@
  requires \valid_read(host) && \valid_read(caps) && \valid_read(guest);
  requires \valid_read(cfg) && \valid(view);
  requires \separated(view, host, caps, guest, cfg);
  requires clear: SPV_PLAN_CLEAR(view);
  assigns view->id_aa64dfr0_el1, view->id_aa64dfr2_el1, view->mdcr_el2, view->pmscr_el2,
	  view->hdfgrtr_el2, view->hdfgwtr_el2, view->hdfgrtr2_el2, view->hdfgwtr2_el2,
	  view->hfgitr_el2.mask, view->access[0 .. 1][0 .. SPEVIRT_NR_SPE_SLOTS - 1],
	  view->trapped[0 .. 1], view->context_regs, view->leaks, view->reason;
  ensures a: \result == SPEVIRT_OK ==> SPV_MASKS_OK(view);
*/
static enum spevirt_status view_plan(const struct spevirt_host *host,
				     const struct spevirt_hostcaps *caps,
				     const struct spevirt_guest *guest,
				     const struct spevirt_config *cfg, struct spevirt_view *view);

/*
 * The API's precondition (include/spevirt/spevirt.h): each pointer NULL or
 * valid, the view apart from the host and from the configuration (an
 * overlap is refused, SPEVIRT_E_INVAL, which the proofs do not need), and
 * the host apart from the configuration (objects of two types, which only a
 * union could make overlap).
 */
#define SPV_VIEW_API							\
	requires host == \null || \valid_read(host);			\
	requires cfg == \null || \valid_read(cfg);			\
	requires view == \null || \valid(view);				\
	requires host == \null || view == \null || \separated(view, host);	\
	requires cfg == \null || view == \null || \separated(view, cfg);	\
	requires host == \null || cfg == \null || \separated(host, cfg);

/*
 * Whether the view overlaps its inputs: compared as integers, which WP's
 * typed memory model does not follow; either answer is proved safe (an
 * overlap is a refusal).
 */
/*@ assigns \nothing; */
const char *spevirt_view_overlap_(const struct spevirt_host *host,
				  const struct spevirt_config *cfg,
				  const struct spevirt_view *view);

/*@
  SPV_VIEW_API
  requires want == \null || (\valid_read(want + (0 .. 1)) && \separated(want + (0 .. 1), view));
  assigns *view;
  ensures a: \result == SPEVIRT_OK && want == \null ==> SPV_MASKS_OK(view);
  ensures b_pmsidr: \result == SPEVIRT_OK && want == \null ==>
	  SPV_PMSIDR_FROM_HOST(view->pmsidr_el1, host->pmsidr_el1);
  ensures b_pmbidr: \result == SPEVIRT_OK && want == \null ==>
	  SPV_PMBIDR_FROM_HOST(view->pmbidr_el1, host->pmbidr_el1, SPV_HOST_NVM(host));
*/
static enum spevirt_status view_compute(const struct spevirt_host *host,
					const struct spevirt_config *cfg, const uint64_t *want,
					struct spevirt_view *view);

/* A refusal is denied with the host's view of a guest without SPE. */
/*@
  requires host == \null || \valid_read(host);
  requires view == \null || \valid(view);
  requires host == \null || view == \null || \separated(view, host);
  assigns *view;
  ensures status: \result == status;
*/
enum spevirt_status spevirt_fail_closed_(const struct spevirt_host *host,
					 struct spevirt_view *view, enum spevirt_status status);

/*@
  SPV_VIEW_API
  assigns *view;
  ensures a: \result == SPEVIRT_OK ==> SPV_MASKS_OK(view);
  ensures b_pmsidr: \result == SPEVIRT_OK ==>
	  SPV_PMSIDR_FROM_HOST(view->pmsidr_el1, host->pmsidr_el1);
  ensures b_pmbidr: \result == SPEVIRT_OK ==>
	  SPV_PMBIDR_FROM_HOST(view->pmbidr_el1, host->pmbidr_el1, SPV_HOST_NVM(host));
*/
enum spevirt_status spevirt_view_compute(const struct spevirt_host *host,
					 const struct spevirt_config *cfg,
					 struct spevirt_view *view);

/*@
  SPV_VIEW_API
  assigns *view;
*/
enum spevirt_status spevirt_view_present(const struct spevirt_host *host,
					 const struct spevirt_config *cfg,
					 uint64_t pmsidr_el1, uint64_t pmbidr_el1,
					 struct spevirt_view *view);
