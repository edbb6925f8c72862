/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TESTS_MODEL_H
#define SPEVIRT_TESTS_MODEL_H

/*
 * Reference models, written straight from the policy texts with the bit
 * numbers of the Arm ARM tables, independently of the library's code and of
 * its generated header.  Hosts passed in must be valid.
 */
#include "common.h"

static inline unsigned int model_host_pmsver(const struct spevirt_host *h)
{
	unsigned int v = (unsigned int)((h->id_aa64dfr0_el1 >> 32) & 0xf);

	return v > 6 ? 6 : v;
}

static inline unsigned int model_host_fgt(const struct spevirt_host *h)
{
	return (unsigned int)((h->id_aa64mmfr0_el1 >> 56) & 0xf);
}

static inline int model_host_nvm(const struct spevirt_host *h)
{
	return ((h->id_aa64dfr2_el1 >> 20) & 0xf) != 0;
}

/* HDFGRTR_EL2 SPE bits: PMBIDR_EL1 63, PMSLATFR..PMBLIMITR 32..23; nPMSNEVFR 62. */
#define M_HDFGRTR_POS	(BIT(63) | GENMASK(32, 23))
/* HDFGWTR_EL2 SPE bits: PMSLATFR 32, PMSIRR 31, PMSICR..PMBLIMITR 29..23; nPMSNEVFR 62. */
#define M_HDFGWTR_POS	(BIT(32) | BIT(31) | GENMASK(29, 23))
#define M_NPMSNEVFR	BIT(62)
#define M_NPMBMAR	BIT(24)
#define M_NPMSDSFR	BIT(19)
#define M_PSBCSYNC	BIT(63)

/* Which FGT bits exist on the host, and the trap value when all of them trap. */
static inline void model_fgt_masks(const struct spevirt_host *h, struct spevirt_view *v)
{
	unsigned int fgt = model_host_fgt(h), pmsver = model_host_pmsver(h);
	int fne = (h->pmsidr_el1 >> 6) & 1, fds = (h->pmsidr_el1 >> 7) & 1;

	if (pmsver == 0)
		return;
	if (fgt >= 1) {
		v->hdfgrtr_el2.mask = M_HDFGRTR_POS | (fne ? M_NPMSNEVFR : 0);
		v->hdfgwtr_el2.mask = M_HDFGWTR_POS | (fne ? M_NPMSNEVFR : 0);
		v->hfgitr_el2.mask = pmsver >= 6 ? M_PSBCSYNC : 0;
	}
	if (fgt >= 2) {
		v->hdfgrtr2_el2.mask = (model_host_nvm(h) ? M_NPMBMAR : 0) | (fds ? M_NPMSDSFR : 0);
		v->hdfgwtr2_el2.mask = v->hdfgrtr2_el2.mask;
	}
	v->mdcr_el2.mask = BIT(14) | (3ULL << 12);
}

static inline int model_host_exc(const struct spevirt_host *h)
{
	return ((h->id_aa64dfr2_el1 >> 16) & 0xf) != 0;
}

static inline int model_host_ecv(const struct spevirt_host *h)
{
	return ((h->id_aa64mmfr0_el1 >> 60) & 0xf) != 0;
}

/*
 * docs/policy.md section 8, with the Arm ARM bit numbers of D24.7.9
 * (PMSCR_EL2: EnVM 11, KE 10, EE 9:8, PCT 7:6, PA 4, CX 3) and D24.3.17
 * (MDCR_EL2.HPMFZS 36).
 */
static inline void model_el2(const struct spevirt_host *h, const struct spevirt_config *c,
			     struct spevirt_view *v)
{
	int ecv = model_host_ecv(h);

	if (model_host_pmsver(h) == 0)
		return;
	v->pmscr_el2.mask = model_host_exc(h) ? GENMASK(10, 8) : 0;
	v->pmscr_el2.value = 0;
	if (c->pmsver == 0)
		return;
	v->pmscr_el2.mask |= BIT(6) | BIT(4) | BIT(3) | (ecv ? BIT(7) : 0) |
			     (model_host_nvm(h) ? BIT(11) : 0);
	if (c->spe_nvm)
		v->pmscr_el2.value |= BIT(11);
	if (c->flags & SPEVIRT_CFG_ALLOW_PHYS_ADDR)
		v->pmscr_el2.value |= BIT(4);
	if (c->flags & SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2)
		v->pmscr_el2.value |= BIT(3);
	if (c->flags & SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP)
		v->pmscr_el2.value |= ecv ? GENMASK(7, 6) : BIT(6);
	if (model_host_pmsver(h) >= 3)
		v->mdcr_el2.mask |= BIT(36);
}

/* Spec section 4: a guest without SPE; every SPE register UNDEFs. */
static inline void model_no_spe_guest(const struct spevirt_host *h, struct spevirt_view *v)
{
	memset(v, 0, sizeof(*v));
	model_fgt_masks(h, v);
	v->id_aa64dfr0_el1.mask = 0xfULL << 32;
	v->id_aa64dfr2_el1.mask = 0xffULL << 16;
	v->mdcr_el2.value = v->mdcr_el2.mask & BIT(14);		/* TPMS = 1, E2PB = 0b00 */
	v->hdfgrtr_el2.value = v->hdfgrtr_el2.mask & ~M_NPMSNEVFR;
	v->hdfgwtr_el2.value = v->hdfgwtr_el2.mask & ~M_NPMSNEVFR;
	v->hfgitr_el2.value = 0;				/* PSB CSYNC never trapped */
	model_el2(h, &(struct spevirt_config){ 0 }, v);
}

/* kvm-spe-rfc.md sections 2-5, for a guest with SPE (cfg->pmsver >= 1). */
static inline void model_kvm_rfc_v6(const struct spevirt_host *h, const struct spevirt_config *c,
				    uint16_t maxbuf, struct spevirt_view *v)
{
	int host_fne = (h->pmsidr_el1 >> 6) & 1, host_fds = (h->pmsidr_el1 >> 7) & 1;
	int guest_fne = c->pmsver >= 3 && host_fne, guest_fds = c->pmsver >= 5 && host_fds;

	memset(v, 0, sizeof(*v));
	model_fgt_masks(h, v);

	/* Section 2: PMSIDR_EL1. */
	v->pmsidr_el1 = h->pmsidr_el1 & GENMASK(32, 0);
	if (!guest_fne)
		v->pmsidr_el1 &= ~BIT(6);
	if (!guest_fds)
		v->pmsidr_el1 &= ~BIT(7);

	/* Section 3: PMBIDR_EL1. */
	v->pmbidr_el1 = h->pmbidr_el1 & ~(GENMASK(63, 48) | GENMASK(31, 12));
	v->pmbidr_el1 &= ~GENMASK(7, 6);
	v->pmbidr_el1 = (v->pmbidr_el1 & ~GENMASK(47, 32)) | ((uint64_t)maxbuf << 32);

	/* Section 5 and spec section 3: ID fields. */
	v->id_aa64dfr0_el1.mask = 0xfULL << 32;
	v->id_aa64dfr0_el1.value = (uint64_t)c->pmsver << 32;
	v->id_aa64dfr2_el1.mask = 0xffULL << 16;

	/* Section 4: traps. */
	v->mdcr_el2.value = 2ULL << 12;				/* E2PB = 0b10, TPMS = 0 */
	v->hdfgrtr_el2.value = (BIT(63) | BIT(30) | (guest_fne ? M_NPMSNEVFR : 0)) &
			       v->hdfgrtr_el2.mask;
	v->hdfgwtr_el2.value = (guest_fne ? M_NPMSNEVFR : 0) & v->hdfgwtr_el2.mask;
	v->hdfgrtr2_el2.value = (guest_fds ? M_NPMSDSFR : 0) & v->hdfgrtr2_el2.mask;
	v->hdfgwtr2_el2.value = v->hdfgrtr2_el2.value;
	model_el2(h, c, v);
}

static inline void assert_view_equal(const char *what, const struct spevirt_view *got,
				     const struct spevirt_view *want)
{
	const struct spevirt_regmask *g[] = VIEW_REGMASKS(got);
	const struct spevirt_regmask *w[] = VIEW_REGMASKS(want);
	static const char *const names[] = {
		"ID_AA64DFR0_EL1", "ID_AA64DFR2_EL1", "MDCR_EL2", "PMSCR_EL2", "HDFGRTR_EL2",
		"HDFGWTR_EL2", "HDFGRTR2_EL2", "HDFGWTR2_EL2", "HFGITR_EL2",
	};
	size_t i;

	if (got->pmsidr_el1 != want->pmsidr_el1)
		fail_msg("%s: PMSIDR_EL1 0x%llx, expected 0x%llx", what,
			 (unsigned long long)got->pmsidr_el1, (unsigned long long)want->pmsidr_el1);
	if (got->pmbidr_el1 != want->pmbidr_el1)
		fail_msg("%s: PMBIDR_EL1 0x%llx, expected 0x%llx", what,
			 (unsigned long long)got->pmbidr_el1, (unsigned long long)want->pmbidr_el1);
	for (i = 0; i < sizeof(g) / sizeof(g[0]); i++)
		if (g[i]->mask != w[i]->mask || g[i]->value != w[i]->value)
			fail_msg("%s: %s mask/value 0x%llx/0x%llx, expected 0x%llx/0x%llx", what,
				 names[i], (unsigned long long)g[i]->mask,
				 (unsigned long long)g[i]->value, (unsigned long long)w[i]->mask,
				 (unsigned long long)w[i]->value);
	if (got->reason != NULL)
		fail_msg("%s: reason set on success", what);
}

/* xorshift64*: a fixed, portable sequence for randomized cases. */
static inline uint64_t rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1dULL;
}

static inline unsigned int rnd_below(uint64_t *s, unsigned int n)
{
	return (unsigned int)(rnd(s) % n);
}

/* A random host the architecture permits, with random RES0 bits at times. */
static inline struct spevirt_host random_valid_host(uint64_t *s)
{
	static const unsigned int intervals[] = { 0, 2, 3, 4, 5, 6, 7, 8 };
	static const unsigned int altclks[] = { 0, 1, 15 };
	unsigned int pmsver = 1 + rnd_below(s, 7);		/* 7 is a future version */
	unsigned int fgt = pmsver >= 6 ? 2 + rnd_below(s, 2) : rnd_below(s, 4);
	unsigned int opts = 0;
	struct spevirt_host h;
	uint16_t limit;

	if (pmsver >= 5 && fgt >= 2 && rnd_below(s, 2))
		opts |= HOST_FDS;
	if (fgt >= 2 && rnd_below(s, 2))
		opts |= HOST_NVM;
	if (pmsver >= 3 && rnd_below(s, 2))
		opts |= HOST_PBT;
	if (pmsver >= 2 && rnd_below(s, 2))
		opts |= HOST_SME;
	if (rnd_below(s, 2))
		opts |= HOST_EFT;
	h = make_host(pmsver, fgt, opts);
	if (pmsver >= 5 && rnd_below(s, 2))
		h.pmsidr_el1 |= BIT(25);			/* CRR */
	h.pmsidr_el1 &= ~(GENMASK(19, 8) | GENMASK(2, 0));
	h.pmsidr_el1 |= (uint64_t)(2 + rnd_below(s, 2)) << 16;
	h.pmsidr_el1 |= (uint64_t)(6 + rnd_below(s, 6)) << 12;
	h.pmsidr_el1 |= (uint64_t)intervals[rnd_below(s, 8)] << 8;
	h.pmsidr_el1 |= (uint64_t)altclks[rnd_below(s, 3)] << 28;
	h.pmsidr_el1 |= rnd(s) & (BIT(5) | BIT(3) | GENMASK(2, 0));	/* ERnd ArchInst FL FT FE */
	if (!(opts & HOST_FDS))
		h.pmsidr_el1 |= rnd(s) & BIT(4);			/* LDS */
	h.pmbidr_el1 = (uint64_t)rnd_below(s, 12) | ((uint64_t)rnd_below(s, 3) << 8) |
		       (rnd(s) & BIT(5));
	if (model_host_nvm(&h))
		h.pmbidr_el1 |= (uint64_t)rnd_below(s, 2) << 6;
	if (rnd_below(s, 4) == 0)
		h.pmsidr_el1 |= rnd(s) & GENMASK(63, 33);
	if (rnd_below(s, 4) == 0)
		h.pmbidr_el1 |= rnd(s) & (GENMASK(63, 48) | GENMASK(31, 12));
	if (rnd_below(s, 4) == 0) {
		/* A host that is itself a guest with a buffer limit. */
		limit = (uint16_t)(1 + rnd_below(s, 0x3fff));
		h.pmbidr_el1 |= (uint64_t)limit << 32;
	}
	return h;
}

#endif
