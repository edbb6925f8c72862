/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TESTS_COMMON_H
#define SPEVIRT_TESTS_COMMON_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <spevirt/spevirt.h>

#define BIT(n)		(1ULL << (n))
#define GENMASK(h, l)	((~0ULL >> (63 - (h))) & (~0ULL << (l)))

/* Options for make_host(). */
#define HOST_FDS	(1U << 0)	/* PMSIDR_EL1.FDS and LDS (needs V1P4, FGT2) */
#define HOST_NVM	(1U << 1)	/* ID_AA64DFR2_EL1.SPE_nVM (needs FGT2) */
#define HOST_PBT	(1U << 2)	/* PMSIDR_EL1.PBT (needs V1P2) */
#define HOST_SME	(1U << 3)	/* PMSIDR_EL1.SME (needs V1P1) */
#define HOST_EFT	(1U << 4)	/* PMSIDR_EL1.EFT and FPF */

/*
 * A host the architecture permits for @pmsver and @fgt: FnE from V1P2, CRR,
 * SPE_EXC and SPE_nVM from V1P5, plus the @opts features.  PMSVer values
 * above V1P5 are passed through unchanged (a future host).
 */
static inline struct spevirt_host make_host(unsigned int pmsver, unsigned int fgt,
					    unsigned int opts)
{
	struct spevirt_host h = {
		.id_aa64dfr0_el1 = (uint64_t)pmsver << 32,
		.id_aa64mmfr0_el1 = (uint64_t)fgt << 56,
		/* FE, FT, FL; Interval 1024; MaxSize 64 B; CountSize 12-bit. */
		.pmsidr_el1 = 0x7 | (0x4ULL << 8) | (0x6ULL << 12) | (0x2ULL << 16),
		/* EA SError, F = 1, Align 0. */
		.pmbidr_el1 = (0x2ULL << 8) | BIT(5),
	};

	if (pmsver == 0)
		return h;
	if (pmsver >= 3)
		h.pmsidr_el1 |= BIT(6);
	if (pmsver >= 6) {
		h.pmsidr_el1 |= BIT(25);
		h.id_aa64dfr2_el1 |= (1ULL << 20) | (1ULL << 16);
	}
	if (opts & HOST_FDS)
		h.pmsidr_el1 |= BIT(7) | BIT(4);
	if (opts & HOST_NVM)
		h.id_aa64dfr2_el1 |= 1ULL << 20;
	if (opts & HOST_PBT)
		h.pmsidr_el1 |= BIT(24);
	if (opts & HOST_SME)
		h.pmsidr_el1 |= BIT(32);
	if (opts & HOST_EFT)
		h.pmsidr_el1 |= BIT(26) | BIT(27);
	return h;
}

static inline struct spevirt_config make_cfg(enum spevirt_profile profile, unsigned int pmsver)
{
	struct spevirt_config c = { .profile = profile, .pmsver = pmsver };

	return c;
}

/*
 * The library's SPEVIRT_REASONS, which the test build passes on: 2 (a
 * sentence naming the field and the rule), 1 (its short name: capitals,
 * digits and '_') or 0 ("").  Whatever it is, a refusal has a reason.
 */
#ifndef SPEVIRT_TEST_REASONS
#define SPEVIRT_TEST_REASONS 2
#endif

/* @reason is a reason that names @text, in the form SPEVIRT_TEST_REASONS says. */
static inline int reason_names(const char *reason, const char *text)
{
	if (!reason)
		return 0;
	if (SPEVIRT_TEST_REASONS >= 2)
		return strstr(reason, text) != NULL;
	if (SPEVIRT_TEST_REASONS == 1)
		return reason[0] && !reason[strspn(reason, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")];
	return !reason[0];
}

#define assert_reason_has(view, text) assert_reason_names((view).reason, (text))

#define assert_reason_names(reason, text) do {					\
	const char *r_ = (reason);						\
	if (!reason_names(r_, (text)))						\
		fail_msg("reason \"%s\" does not name \"%s\"", r_ ? r_ : "(none)", (text)); \
} while (0)

#define assert_status(got, want) do {						\
	enum spevirt_status got_ = (got), want_ = (want);			\
	if (got_ != want_)							\
		fail_msg("status %d (%s), expected %d (%s)", got_,		\
			 spevirt_strerror(got_), want_, spevirt_strerror(want_));	\
} while (0)

/* Every regmask of a view, for loops over them. */
#define VIEW_REGMASKS(v)							\
	{ &(v)->id_aa64dfr0_el1, &(v)->id_aa64dfr2_el1, &(v)->mdcr_el2,		\
	  &(v)->pmscr_el2, &(v)->hdfgrtr_el2, &(v)->hdfgwtr_el2,		\
	  &(v)->hdfgrtr2_el2, &(v)->hdfgwtr2_el2, &(v)->hfgitr_el2 }

/* Two views agree on everything a hypervisor programs or reads (not the reason). */
static inline int views_agree(const struct spevirt_view *a, const struct spevirt_view *b)
{
	const struct spevirt_regmask *ra[] = VIEW_REGMASKS(a), *rb[] = VIEW_REGMASKS(b);
	size_t i;

	for (i = 0; i < sizeof(ra) / sizeof(ra[0]); i++)
		if (ra[i]->mask != rb[i]->mask || ra[i]->value != rb[i]->value)
			return 0;
	return a->pmsidr_el1 == b->pmsidr_el1 && a->pmbidr_el1 == b->pmbidr_el1 &&
	       a->leaks == b->leaks && a->max_buffer_size == b->max_buffer_size &&
	       a->limit_advertised == b->limit_advertised &&
	       !memcmp(a->access, b->access, sizeof(a->access)) &&
	       a->trapped[0] == b->trapped[0] && a->trapped[1] == b->trapped[1] &&
	       a->context_regs == b->context_regs;
}

/*
 * A refusal fails closed: @v is @host's view of a guest without SPE (default
 * profile, no flag), or, for a host that has none, zero in every field.
 */
static inline void assert_denies(const struct spevirt_host *host, const struct spevirt_view *v,
				 const char *what)
{
	const struct spevirt_config none = { .profile = SPEVIRT_PROFILE_DEFAULT };
	struct spevirt_view deny;

	if (!host || spevirt_view_compute(host, &none, &deny) != SPEVIRT_OK)
		deny = (struct spevirt_view){ 0 };
	if (!views_agree(v, &deny))
		fail_msg("%s: the refused view is not the host's view of a guest without SPE", what);
	if (!v->reason)
		fail_msg("%s: the refused view lost its reason", what);
}

#endif
