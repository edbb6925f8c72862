/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/*
 * The rules the contracts in formal/wp/ state, named once.  They are macros
 * rather than ACSL predicates so that WP sees the bit operations themselves.
 */
#ifndef SPEVIRT_WP_ACSL_H
#define SPEVIRT_WP_ACSL_H

#include "__fc_integer.h"
#include <spevirt/spevirt.h>

/* No RES0 bit of PMBLIMITR_EL1, PMBSR_EL1 or PMBMAR_EL1 is set. */
#define SPV_BUFFER_CLEAN(b)						\
	(((b)->pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_RES0) == 0 &&	\
	 ((b)->pmbsr_el1 & SPEVIRT_PMBSR_EL1_RES0) == 0 &&		\
	 ((b)->pmbmar_el1 & SPEVIRT_PMBMAR_EL1_RES0) == 0)

/* The buffer collects: PMBLIMITR_EL1.E = 1 and PMBSR_EL1.S = 0. */
#define SPV_COLLECTING(b)						\
	(((b)->pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_E) != 0 &&		\
	 ((b)->pmbsr_el1 & SPEVIRT_PMBSR_EL1_S) == 0)

/* Rule B9: LIMIT:Zeros(12) - PMBPTR_EL1 is within the view's limit (0: none). */
#define SPV_SIZE_OK(v, b)							\
	((v)->max_buffer_size == 0 ||						\
	 ((b)->pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_LIMIT) <= (b)->pmbptr_el1 ||	\
	 ((b)->pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_LIMIT) - (b)->pmbptr_el1 <=	\
	 (v)->max_buffer_size)

/*
 * Every bit set in @v is set in @m, stated bit by bit: the provers reason
 * about OR-ing a bit into both only in this form.
 */
#define SPV_BITS_WITHIN(v, m)						\
	(\forall integer bit_; 0 <= bit_ < 64 ==> bit_test(v, bit_) ==> bit_test(m, bit_))

/* struct spevirt_regmask's rule: no bit of the value outside the mask. */
#define SPV_RM_OK(r)	SPV_BITS_WITHIN((r).value, (r).mask)

/* The four fine-grained trap registers of view @v keep the rule. */
#define SPV_FGT_OK(v)							\
	(SPV_RM_OK((v)->hdfgrtr_el2) && SPV_RM_OK((v)->hdfgwtr_el2) &&	\
	 SPV_RM_OK((v)->hdfgrtr2_el2) && SPV_RM_OK((v)->hdfgwtr2_el2))

/* Every register of view @v keeps rule (a), FGT and PMSCR_EL2 bit by bit. */
#define SPV_MASKS_OK(v)							\
	(SPV_FGT_OK(v) && SPV_RM_OK((v)->pmscr_el2) &&			\
	 ((v)->mdcr_el2.value & ~(v)->mdcr_el2.mask) == 0 &&		\
	 ((v)->hfgitr_el2.value & ~(v)->hfgitr_el2.mask) == 0 &&		\
	 ((v)->id_aa64dfr0_el1.value & ~(v)->id_aa64dfr0_el1.mask) == 0 &&	\
	 ((v)->id_aa64dfr2_el1.value & ~(v)->id_aa64dfr2_el1.mask) == 0)

/*
 * Rule (b): a guest PMSIDR_EL1 @g with no RES0 bit and no bit the host's
 * @h lacks.
 */
#define SPV_PMSIDR_FROM_HOST(g, h)						\
	(((g) & SPEVIRT_PMSIDR_EL1_RES0) == 0 && SPV_BITS_WITHIN(g, h))

/*
 * Every bit set in PMBIDR_EL1 @g is set in the host's @h, but for
 * MaxBuffSize (the view's limit) and AddrMode: each field a hypothesis of
 * its own, as the provers match each against the mask it was built with.
 */
#define SPV_PMBIDR_BITS_FROM(g, h)						\
	(\forall integer bit_; 0 <= bit_ < 64 ==>				\
	 !bit_test(SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE, bit_) ==>			\
	 !bit_test(SPEVIRT_PMBIDR_EL1_ADDRMODE, bit_) ==>			\
	 bit_test(g, bit_) ==> bit_test(h, bit_))

/*
 * Rule (b) for PMBIDR_EL1: no RES0 bit; no bit the host's @h lacks but in
 * MaxBuffSize and AddrMode, which shows virtual or physical addressing
 * only when the host has FEAT_SPE_nVM (@nvm).
 */
#define SPV_PMBIDR_FROM_HOST(g, h, nvm)					\
	(((g) & SPEVIRT_PMBIDR_EL1_RES0) == 0 && SPV_PMBIDR_BITS_FROM(g, h) &&	\
	 (((g) & SPEVIRT_PMBIDR_EL1_ADDRMODE) == 0 || (nvm)))

/* The host has FEAT_SPE_nVM: its ID_AA64DFR2_EL1.SPE_nVM is not 0. */
#define SPV_HOST_NVM(h)	(((h)->id_aa64dfr2_el1 & SPEVIRT_ID_AA64DFR2_EL1_SPE_NVM) != 0)

#endif /* SPEVIRT_WP_ACSL_H */
