// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Fuzz harness for spevirt_best_offer().
 *
 * The input is the one fuzz_view.c reads (its layout, copied here so that the
 * two corpora are interchangeable), turned into a struct spevirt_host and a
 * struct spevirt_config.  cfg.pmsver is the caller's upper bound (1 to V1P5;
 * any other value bounds nothing) and cfg.spe_nvm what the caller leaves in
 * it; spevirt_best_offer() overwrites both.
 *
 * Input layout (multi-byte values are little-endian; bytes past the end of a
 * short input read as 0, bytes from offset 80 on are ignored):
 *
 *  off size  meaning
 *    0    1  bits 3:0 host ID_AA64DFR0_EL1.PMSVer, bits 7:4 host ID_AA64MMFR0_EL1.FGT
 *    1    1  bits 3:0 host ID_AA64DFR2_EL1.SPE_nVM, bits 7:4 host ID_AA64DFR2_EL1.SPE_EXC
 *    2    1  host PMSIDR_EL1[7:0]: FE, FT, FL, ArchInst, LDS, ERnd, FnE, FDS
 *    3    1  host PMSIDR_EL1: bit 0 PBT, bit 1 CRR, bit 2 EFT and FPF (both),
 *            bit 3 SME, bits 7:4 ALTCLK
 *    4    1  host PMSIDR_EL1: bits 3:0 Interval, bits 7:4 MaxSize - 6 (modulo 16)
 *    5    1  host PMSIDR_EL1: bits 3:0 CountSize - 2 (modulo 16), bits 7:4 Format
 *    6    1  host PMBIDR_EL1: bits 3:0 Align, bits 7:4 EA
 *    7    1  host PMBIDR_EL1: bit 0 F, bit 1 P, bits 3:2 AddrMode; bits 7:4 ignored
 *    8    2  host PMBIDR_EL1.MaxBuffSize
 *   10    1  cfg.profile
 *   11    1  cfg.pmsver (the bound; overwritten by the call)
 *   12    1  cfg.spe_nvm (overwritten by the call)
 *   13    1  cfg.flags
 *   14    2  cfg.max_buffer_size, as a MaxBuffSize field: spevirt_maxbuf_decode(this)
 *   16    8  XORed into cfg.max_buffer_size
 *   24    8  XORed into host.id_aa64dfr0_el1
 *   32    8  XORed into host.id_aa64dfr2_el1
 *   40    8  XORed into host.id_aa64mmfr0_el1
 *   48    8  XORed into host.pmsidr_el1
 *   56    8  XORed into host.pmbidr_el1
 *   64    4  XORed into cfg.profile
 *   68    4  XORed into cfg.pmsver
 *   72    4  XORed into cfg.spe_nvm
 *   76    4  XORed into cfg.flags
 *
 * fuzz/make-corpus.py builds inputs in this layout; keep the two in step.
 *
 * The harness abort()s, naming the invariant on stderr, unless:
 *  - the call leaves cfg.profile, cfg.flags and cfg.max_buffer_size as they
 *    were, and the host untouched;
 *  - the status is an enum spevirt_status value; a configuration that no
 *    level can take (an unknown profile or flag, an unrepresentable limit, a
 *    limit with pinned memory) is refused with SPEVIRT_E_INVAL or
 *    SPEVIRT_E_BUFSIZE even where a guest without SPE would be accepted;
 *    otherwise the status is spevirt_view_compute()'s for the configuration
 *    the call chose;
 *  - on success: the chosen (pmsver, spe_nvm) is a pair with pmsver 0..6 and
 *    spe_nvm 0..1, at most the bound; spevirt_view_compute() with it gives
 *    SPEVIRT_OK and the same view, field by field; and no higher pair up to
 *    the bound (ordered by pmsver, then spe_nvm) gives SPEVIRT_OK with the
 *    same profile, flags and limit;
 *  - on error: view.reason is set, the chosen pair is (0, 0), and no pair
 *    within the bound (but (0, 0) for a configuration no level can take)
 *    gives SPEVIRT_OK;
 *  - spevirt_best_offer_report() gives the same status, pair and view, and
 *    its report lists the pairs tried from the bound down, each with the
 *    status spevirt_view_compute() gives it, the last one being the chosen
 *    pair when a guest with SPE was possible.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spevirt/spevirt.h>

#include "fuzz.h"


#define INPUT_SIZE	80
#define MAX_PMSVER	SPEVIRT_PMSVER_V1P5

struct ctx {
	struct spevirt_host host, host_before;
	struct spevirt_config cfg_in, cfg;
	enum spevirt_status status;
	struct spevirt_view view;
	/* The pair being tried when an invariant failed, and what it gave. */
	unsigned int try_pmsver, try_nvm;
	enum spevirt_status try_status;
};

static void dump(const struct ctx *c)
{
	fprintf(stderr,
		"host: id_aa64dfr0_el1=0x%016llx id_aa64dfr2_el1=0x%016llx "
		"id_aa64mmfr0_el1=0x%016llx pmsidr_el1=0x%016llx pmbidr_el1=0x%016llx\n",
		(unsigned long long)c->host_before.id_aa64dfr0_el1,
		(unsigned long long)c->host_before.id_aa64dfr2_el1,
		(unsigned long long)c->host_before.id_aa64mmfr0_el1,
		(unsigned long long)c->host_before.pmsidr_el1,
		(unsigned long long)c->host_before.pmbidr_el1);
	fprintf(stderr,
		"cfg before: profile=%u pmsver=%u spe_nvm=%u max_buffer_size=0x%llx flags=0x%x\n",
		(unsigned int)c->cfg_in.profile, c->cfg_in.pmsver, c->cfg_in.spe_nvm,
		(unsigned long long)c->cfg_in.max_buffer_size, c->cfg_in.flags);
	fprintf(stderr,
		"cfg after:  profile=%u pmsver=%u spe_nvm=%u max_buffer_size=0x%llx flags=0x%x\n",
		(unsigned int)c->cfg.profile, c->cfg.pmsver, c->cfg.spe_nvm,
		(unsigned long long)c->cfg.max_buffer_size, c->cfg.flags);
	fprintf(stderr, "status: %d (%s)\nreason: %s\n", (int)c->status,
		spevirt_strerror(c->status), c->view.reason ? c->view.reason : "(null)");
	fprintf(stderr, "tried: pmsver=%u spe_nvm=%u status=%d (%s)\n", c->try_pmsver, c->try_nvm,
		(int)c->try_status, spevirt_strerror(c->try_status));
}

static _Noreturn void violated(const struct ctx *c, const char *invariant)
{
	fprintf(stderr, "fuzz_offer: invariant violated: %s\n", invariant);
	dump(c);
	abort();
}

#define CHECK(c, cond, invariant)			\
	do {						\
		if (!(cond))				\
			violated(c, invariant);		\
	} while (0)

static bool same_regmask(const struct spevirt_regmask *a, const struct spevirt_regmask *b)
{
	return a->mask == b->mask && a->value == b->value;
}

static bool same_view(const struct spevirt_view *a, const struct spevirt_view *b)
{
	return a->pmsidr_el1 == b->pmsidr_el1 && a->pmbidr_el1 == b->pmbidr_el1 &&
	       same_regmask(&a->id_aa64dfr0_el1, &b->id_aa64dfr0_el1) &&
	       same_regmask(&a->id_aa64dfr2_el1, &b->id_aa64dfr2_el1) &&
	       same_regmask(&a->mdcr_el2, &b->mdcr_el2) &&
	       same_regmask(&a->pmscr_el2, &b->pmscr_el2) &&
	       same_regmask(&a->hdfgrtr_el2, &b->hdfgrtr_el2) &&
	       same_regmask(&a->hdfgwtr_el2, &b->hdfgwtr_el2) &&
	       same_regmask(&a->hdfgrtr2_el2, &b->hdfgrtr2_el2) &&
	       same_regmask(&a->hdfgwtr2_el2, &b->hdfgwtr2_el2) &&
	       same_regmask(&a->hfgitr_el2, &b->hfgitr_el2) && a->leaks == b->leaks &&
	       a->max_buffer_size == b->max_buffer_size &&
	       a->limit_advertised == b->limit_advertised &&
	       !memcmp(a->access, b->access, sizeof(a->access)) &&
	       !a->reason == !b->reason && (!a->reason || !strcmp(a->reason, b->reason));
}

static bool same_host(const struct spevirt_host *a, const struct spevirt_host *b)
{
	return a->id_aa64dfr0_el1 == b->id_aa64dfr0_el1 &&
	       a->id_aa64dfr2_el1 == b->id_aa64dfr2_el1 &&
	       a->id_aa64mmfr0_el1 == b->id_aa64mmfr0_el1 && a->pmsidr_el1 == b->pmsidr_el1 &&
	       a->pmbidr_el1 == b->pmbidr_el1;
}

/* spevirt_view_compute() with the input's profile, flags and limit and (pmsver, nvm). */
static enum spevirt_status try_pair(struct ctx *c, unsigned int pmsver, unsigned int nvm,
				    struct spevirt_view *view)
{
	struct spevirt_config cfg = c->cfg_in;

	cfg.pmsver = pmsver;
	cfg.spe_nvm = nvm;
	c->try_pmsver = pmsver;
	c->try_nvm = nvm;
	c->try_status = spevirt_view_compute(&c->host_before, &cfg, view);
	return c->try_status;
}

/* The bound spevirt_best_offer() reads from cfg.pmsver. */
static unsigned int ceiling(const struct spevirt_config *cfg)
{
	return cfg->pmsver >= SPEVIRT_PMSVER_IMP && cfg->pmsver <= MAX_PMSVER ? cfg->pmsver :
										MAX_PMSVER;
}

/* A configuration no level can take, whatever the host. */
static bool no_level_can_take(struct ctx *c)
{
	struct spevirt_config cfg = c->cfg_in;
	struct spevirt_view view;
	uint16_t field;

	cfg.pmsver = 0;
	cfg.spe_nvm = 0;
	return spevirt_maxbuf_encode(cfg.max_buffer_size, &field) != SPEVIRT_OK ||
	       ((cfg.flags & SPEVIRT_CFG_PINNED_MEMORY) && cfg.max_buffer_size) ||
	       spevirt_view_compute(&c->host_before, &cfg, &view) == SPEVIRT_E_INVAL;
}

/* The report: every pair tried from the bound down, each with its own status. */
static void check_report(struct ctx *c)
{
	struct spevirt_config cfg = c->cfg_in;
	struct spevirt_offer_report report;
	struct spevirt_view view, tried;
	enum spevirt_status st = spevirt_best_offer_report(&c->host_before, &cfg, &view, &report);
	unsigned int i, p = ceiling(&c->cfg_in), n = 1;

	CHECK(c, st == c->status && cfg.pmsver == c->cfg.pmsver && cfg.spe_nvm == c->cfg.spe_nvm,
	      "spevirt_best_offer_report() chooses what spevirt_best_offer() does");
	CHECK(c, report.nr_attempts <= SPEVIRT_MAX_ATTEMPTS, "the report fits its array");
	for (i = 0; i < report.nr_attempts; i++) {
		const struct spevirt_attempt *a = &report.attempts[i];

		CHECK(c, a->pmsver == p && a->spe_nvm == n,
		      "the report lists the pairs from the bound down");
		CHECK(c, try_pair(c, p, n, &tried) == a->status && !tried.reason == !a->reason,
		      "each attempt has spevirt_view_compute()'s status and reason");
		if (n-- == 0) {
			n = 1;
			p--;
		}
	}
	if (st == SPEVIRT_OK && cfg.pmsver)
		CHECK(c, report.nr_attempts &&
			      report.attempts[report.nr_attempts - 1].status == SPEVIRT_OK,
		      "the last attempt is the level chosen");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct spevirt_view view;
	struct ctx c;
	unsigned int p, n;
	bool untakeable;

	if (size > INPUT_SIZE)
		size = INPUT_SIZE;
	memset(&c, 0, sizeof(c));
	fuzz_view_input(data, size, &c.host, &c.cfg);
	c.host_before = c.host;
	c.cfg_in = c.cfg;
	/* Stale contents: the result must not depend on them. */
	memset(&c.view, 0xa5, sizeof(c.view));

	c.status = spevirt_best_offer(&c.host, &c.cfg, &c.view);

	CHECK(&c, same_host(&c.host, &c.host_before), "the host is not written");
	CHECK(&c,
	      c.cfg.profile == c.cfg_in.profile && c.cfg.flags == c.cfg_in.flags &&
		      c.cfg.max_buffer_size == c.cfg_in.max_buffer_size,
	      "cfg.profile, cfg.flags and cfg.max_buffer_size are unchanged by the call");
	CHECK(&c, (unsigned int)c.status <= (unsigned int)SPEVIRT_E_MISMATCH,
	      "the status is an enum spevirt_status value");
	CHECK(&c, c.cfg.pmsver <= MAX_PMSVER && c.cfg.spe_nvm <= 1,
	      "the chosen pair has pmsver 0..6 and spe_nvm 0..1");

	untakeable = no_level_can_take(&c);
	if (untakeable)
		CHECK(&c, c.status == SPEVIRT_E_INVAL || c.status == SPEVIRT_E_BUFSIZE,
		      "a configuration no level can take is refused before any level is tried");
	else
		CHECK(&c, try_pair(&c, c.cfg.pmsver, c.cfg.spe_nvm, &view) == c.status,
		      "the status is spevirt_view_compute()'s for the chosen configuration");

	if (c.status == SPEVIRT_OK) {
		CHECK(&c, same_view(&c.view, &view),
		      "spevirt_view_compute() with the chosen configuration gives the same view");
		CHECK(&c, c.cfg.pmsver <= ceiling(&c.cfg_in), "the chosen level is within the bound");
		for (p = c.cfg.pmsver; p <= ceiling(&c.cfg_in); p++)
			for (n = 0; n <= 1; n++) {
				if (p == c.cfg.pmsver && n <= c.cfg.spe_nvm)
					continue;
				CHECK(&c, try_pair(&c, p, n, &view) != SPEVIRT_OK,
				      "no higher (pmsver, spe_nvm) pair gives SPEVIRT_OK");
			}
	} else {
		CHECK(&c, c.view.reason, "an error has a reason");
		CHECK(&c, c.cfg.pmsver == 0 && c.cfg.spe_nvm == 0,
		      "on error the chosen pair is (0, 0)");
		for (p = 0; p <= ceiling(&c.cfg_in); p++)
			for (n = 0; n <= 1; n++)
				CHECK(&c,
				      (untakeable && p == 0) || try_pair(&c, p, n, &view) != SPEVIRT_OK,
				      "on error no (pmsver, spe_nvm) pair within the bound gives "
				      "SPEVIRT_OK");
	}
	check_report(&c);
	return 0;
}
