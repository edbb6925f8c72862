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

#endif /* SPEVIRT_WP_ACSL_H */
