/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/*
 * Contracts of lib/traps.c, proved by WP (formal/wp/buffer.h says how).
 * They carry rule (a) through the trap plan: every fine-grained trap bit
 * is set in the value only with its mask bit (stated bit by bit, the form
 * in which the provers follow a bit OR-ed into both), and MDCR_EL2 and
 * HFGITR_EL2 get only values inside their masks (stated on the whole
 * word: their values are constants, which WP evaluates).
 */
#include "acsl.h"

/*@ assigns \nothing; */
enum spevirt_access spevirt_access(const struct spevirt_view *view, uint32_t sysreg,
				   bool is_write);

/*@ assigns \nothing; */
static bool forced_trap(const struct spevirt_hostcaps *caps, const struct fgt_ref *f);

/*@ assigns \nothing; */
static const char *need_fgt(const struct spe_reg *r, const struct spevirt_guest *g);

/*@ assigns \nothing; */
static uint8_t wanted(const struct spe_reg *r, const struct spevirt_guest *g);

/*@
  requires \valid_read(r);
  assigns \nothing;
  ensures \result == \null || \result == &r->rd || \result == &r->wr;
*/
static const struct fgt_ref *fgt_of(const struct spe_reg *r, int is_write);

/*@ assigns \nothing; */
static uint8_t decision(const struct spe_reg *r, uint8_t want, bool trapped, bool by_other);

/*@ assigns \nothing; */
static bool plan_tpms(const struct spevirt_hostcaps *caps, const struct spevirt_guest *g,
		      unsigned int flags);

/*@
  requires \valid(view) && \valid_read(r) && \valid_read(caps) && \valid_read(g);
  requires \separated(view, r, caps, g);
  requires 0 <= is_write <= 1 && r->slot < SPEVIRT_NR_SPE_SLOTS;
  requires SPV_FGT_OK(view);
  assigns view->hdfgrtr_el2, view->hdfgwtr_el2, view->hdfgrtr2_el2, view->hdfgwtr2_el2,
	  view->access[is_write][r->slot], view->trapped[is_write];
  ensures SPV_FGT_OK(view);
*/
static const char *plan_access(const struct spe_reg *r, int is_write,
			       const struct spevirt_hostcaps *caps, const struct spevirt_guest *g,
			       bool tpms, struct spevirt_view *view);

/* No bit of MDCR_EL2's value outside its mask. */
#define SPV_MDCR_OK(v)	(((v)->mdcr_el2.value & ~(v)->mdcr_el2.mask) == 0)

/*
 * On a host with SPE, plan_mdcr() writes E2PB and TPMS, both in the mask,
 * and may add HPMFZS to the mask; on one without, nothing.
 */
/*@
  requires \valid(view) && \valid_read(caps) && \valid_read(g) && \separated(view, caps, g);
  assigns view->mdcr_el2;
  behavior no_spe:
    assumes (caps->feats & SPV_FEAT_SPE) == 0;
    ensures view->mdcr_el2.mask == \old(view->mdcr_el2.mask);
    ensures view->mdcr_el2.value == \old(view->mdcr_el2.value);
  behavior spe:
    assumes (caps->feats & SPV_FEAT_SPE) != 0;
    ensures SPV_MDCR_OK(view);
  complete behaviors;
  disjoint behaviors;
*/
static void plan_mdcr(const struct spevirt_hostcaps *caps, const struct spevirt_guest *g,
		      bool tpms, struct spevirt_view *view);

/*@
  requires \valid(view) && \valid_read(caps) && \separated(view, caps);
  assigns view->hfgitr_el2.mask;
  ensures view->hfgitr_el2.mask == \old(view->hfgitr_el2.mask) ||
	  view->hfgitr_el2.mask == SPEVIRT_HFGITR_EL2_PSBCSYNC;
*/
static void plan_psbcsync(const struct spevirt_hostcaps *caps, struct spevirt_view *view);

/*
 * A successful plan keeps rule (a) for the fine-grained trap registers and
 * MDCR_EL2, and sets at most PSBCSYNC in the HFGITR_EL2 mask.  MDCR_EL2 is
 * stated once per case of the host so that each proof sees which one
 * plan_mdcr() took.
 */
/*@
  requires \valid(view) && \valid_read(caps) && \valid_read(guest);
  requires \separated(view, caps, guest);
  requires \separated(&spe_regs[0 .. SPV_NR_SPE_REGS - 1], view);
  requires SPV_FGT_OK(view) && SPV_MDCR_OK(view);
  assigns view->hdfgrtr_el2, view->hdfgwtr_el2, view->hdfgrtr2_el2, view->hdfgwtr2_el2,
	  view->access[0 .. 1][0 .. SPEVIRT_NR_SPE_SLOTS - 1], view->trapped[0 .. 1],
	  view->reason, view->mdcr_el2, view->hfgitr_el2.mask;
  ensures \result == SPEVIRT_OK ==> SPV_FGT_OK(view);
  ensures \result == SPEVIRT_OK ==>
	  view->hfgitr_el2.mask == \old(view->hfgitr_el2.mask) ||
	  view->hfgitr_el2.mask == SPEVIRT_HFGITR_EL2_PSBCSYNC;
  behavior host_without_spe:
    assumes (caps->feats & SPV_FEAT_SPE) == 0;
    ensures \result == SPEVIRT_OK ==> SPV_MDCR_OK(view);
  behavior host_with_spe:
    assumes (caps->feats & SPV_FEAT_SPE) != 0;
    ensures \result == SPEVIRT_OK ==> SPV_MDCR_OK(view);
*/
enum spevirt_status spevirt_traps_plan_(const struct spevirt_hostcaps *caps,
					const struct spevirt_guest *guest, unsigned int flags,
					struct spevirt_view *view);
