/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/*
 * The rules the contracts in formal/wp/ state, named once.  They are macros
 * rather than ACSL predicates so that WP sees the bit operations themselves.
 */
#ifndef SPEVIRT_WP_ACSL_H
#define SPEVIRT_WP_ACSL_H

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

#endif /* SPEVIRT_WP_ACSL_H */
