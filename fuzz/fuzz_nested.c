// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Fuzz harness for spevirt_nested_compose().
 *
 * Input layout: bytes 0 to 83 are fuzz_view.c's (the host and L0's
 * configuration for L1, spevirt_view_compute() gives the view); then
 *
 *  off size  meaning
 *   84    1  spevirt_nested_l1.fgt
 *   85    8  vMDCR_EL2
 *   93    8  vPMSCR_EL2
 *  101    8  vHDFGRTR_EL2
 *  109    8  vHDFGWTR_EL2
 *  117    8  vHDFGRTR2_EL2
 *  125    8  vHDFGWTR2_EL2
 *  133    8  vHFGITR_EL2
 *
 * A view the library refuses is used anyway (its fail-closed view), as a
 * careless hypervisor would.  The composition runs twice, into results
 * filled with different bytes, and the harness abort()s, naming the
 * invariant on stderr, unless:
 *  - both runs give the same status and the same result, field by field;
 *  - the status is OK, E_INVAL, E_NEED_FGT, E_PMSVER or E_HOST_INVALID, and a
 *    refusal has a reason;
 *  - refused for a valid host, L2 gets the routes of a guest without SPE
 *    (HARDWARE where that view leaves the access untrapped, else UNDEF);
 *  - composed: every route is defined; PMSCR_EL2 has no PA, CX or EnVM that
 *    L0's view does not set, PCT 0 or L0's, EE and KE L0's; an access L0's
 *    view makes UNDEF is UNDEF; and every L2 access to the SPE registers,
 *    both directions, through the composed controls (spevirt_hw_access() on
 *    the host), then the route, has the outcome spevirt_hw_access() gives
 *    on L1's machine under L1's controls (docs/policy.md section 16), but
 *    for an L1 without SPE, which gets what L1 gets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spevirt/spevirt.h>
#include <spevirt/spevirt_nested.h>

#include "fuzz.h"

#define L1_OFF	84

static void fail(const char *invariant)
{
	fprintf(stderr, "fuzz_nested: invariant violated: %s\n", invariant);
	abort();
}

static void check(int cond, const char *invariant)
{
	if (!cond)
		fail(invariant);
}

static void l1_input(const uint8_t *data, size_t size, struct spevirt_nested_l1 *l1)
{
	uint64_t *regs[] = {
		&l1->el2.mdcr_el2, &l1->el2.pmscr_el2, &l1->el2.hdfgrtr_el2, &l1->el2.hdfgwtr_el2,
		&l1->el2.hdfgrtr2_el2, &l1->el2.hdfgwtr2_el2, &l1->el2.hfgitr_el2,
	};
	unsigned int i;

	l1->fgt = (unsigned int)fuzz_input_le(data, size, L1_OFF, 1);
	for (i = 0; i < 7; i++)
		*regs[i] = fuzz_input_le(data, size, L1_OFF + 1 + 8 * i, 8);
}

static uint64_t apply(const struct spevirt_regmask *rm)
{
	return rm->value;
}

static struct spevirt_el2_regs controls(const struct spevirt_nested *n)
{
	struct spevirt_el2_regs r = {
		apply(&n->mdcr_el2), apply(&n->pmscr_el2), apply(&n->hdfgrtr_el2),
		apply(&n->hdfgwtr_el2), apply(&n->hdfgrtr2_el2), apply(&n->hdfgwtr2_el2),
		apply(&n->hfgitr_el2),
	};

	return r;
}

static bool same_host(const struct spevirt_host *x, const struct spevirt_host *y)
{
	return x->id_aa64dfr0_el1 == y->id_aa64dfr0_el1 &&
	       x->id_aa64dfr2_el1 == y->id_aa64dfr2_el1 &&
	       x->id_aa64mmfr0_el1 == y->id_aa64mmfr0_el1 && x->pmsidr_el1 == y->pmsidr_el1 &&
	       x->pmbidr_el1 == y->pmbidr_el1 && x->el3_disabled == y->el3_disabled;
}

/* Field by field: padding is not compared. */
static bool same(const struct spevirt_nested *x, const struct spevirt_nested *y)
{
	return !memcmp(&x->mdcr_el2, &y->mdcr_el2, 7 * sizeof(x->mdcr_el2)) &&
	       same_host(&x->l1_host, &y->l1_host) &&
	       !memcmp(x->route, y->route, sizeof(x->route)) &&
	       !memcmp(x->emulate, y->emulate, sizeof(x->emulate)) &&
	       x->psb_route == y->psb_route && x->pmsidr_el1 == y->pmsidr_el1 &&
	       x->pmbidr_el1 == y->pmbidr_el1 && x->vncr == y->vncr && x->load == y->load &&
	       x->shared == y->shared && x->reason == y->reason;
}

/* What L2 observes: the hardware, then L0's route; L1's handling of a reflected trap. */
static enum spevirt_hw_outcome observed(const struct spevirt_host *host,
					const struct spevirt_nested *n, uint32_t enc, bool w,
					uint64_t *value)
{
	struct spevirt_el2_regs regs = controls(n);
	struct spevirt_hw_result r;
	uint32_t slot = spevirt_spe_slot(enc);

	check(spevirt_hw_access(host, &regs, enc, w, &r) == SPEVIRT_OK, "hw access of L2");
	*value = r.value;
	if (r.outcome == SPEVIRT_HW_EXECUTE) {
		check(n->route[w][slot] == SPEVIRT_NESTED_HARDWARE, "executed means HARDWARE");
		return SPEVIRT_HW_EXECUTE;
	}
	check(r.outcome != SPEVIRT_HW_TRAP_EL3, "no L2 access reaches EL3");
	if (r.outcome == SPEVIRT_HW_UNDEF) {
		check(n->route[w][slot] == SPEVIRT_NESTED_UNDEF, "the hardware's UNDEF is UNDEF");
		return SPEVIRT_HW_UNDEF;
	}
	check(n->route[w][slot] != SPEVIRT_NESTED_HARDWARE, "trapped is not HARDWARE");
	if (n->route[w][slot] == SPEVIRT_NESTED_REFLECT)
		return SPEVIRT_HW_TRAP_EL2;
	if (n->route[w][slot] == SPEVIRT_NESTED_UNDEF)
		return SPEVIRT_HW_UNDEF;
	*value = enc == SPEVIRT_SYSREG_PMSIDR_EL1 ? n->pmsidr_el1 :
		 enc == SPEVIRT_SYSREG_PMBIDR_EL1 ? n->pmbidr_el1 : 0;
	return SPEVIRT_HW_EXECUTE;
}

static void check_transparent(const struct spevirt_host *host, const struct spevirt_view *v,
			      const struct spevirt_nested_l1 *l1, const struct spevirt_nested *n)
{
	struct spevirt_host m = {
		.id_aa64dfr0_el1 = v->id_aa64dfr0_el1.value,
		.id_aa64dfr2_el1 = v->id_aa64dfr2_el1.value,
		.id_aa64mmfr0_el1 = (uint64_t)l1->fgt << 56,
		.pmsidr_el1 = v->pmsidr_el1,
		.pmbidr_el1 = v->pmbidr_el1,
	};
	unsigned int slot, w;

	for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++)
		for (w = 0; w <= 1; w++) {
			uint32_t enc = SPEVIRT_SYSREG_PMSCR_EL1 + (slot << 5);
			struct spevirt_hw_result ref;
			uint64_t value;
			enum spevirt_hw_outcome seen = observed(host, n, enc, w, &value);

			if (!v->id_aa64dfr0_el1.value) {
				/* L1 without SPE: what L0 gives L1 for the access. */
				check((seen == SPEVIRT_HW_EXECUTE) ==
				      (v->access[w][slot] == SPEVIRT_ACCESS_UNTRAPPED),
				      "L2 of an L1 without SPE gets what L1 gets");
				continue;
			}
			check(spevirt_hw_access(&m, &l1->el2, enc, w, &ref) == SPEVIRT_OK,
			      "hw access on L1's machine");
			if (ref.outcome == SPEVIRT_HW_NOT_SPE)
				ref.outcome = SPEVIRT_HW_UNDEF;
			check(seen == ref.outcome, "L2 observes what L1's machine gives");
			if (!w && seen == SPEVIRT_HW_EXECUTE)
				check(value == ref.value, "L2's ID read is L1's machine's value");
		}
}

static void check_isolated(const struct spevirt_view *v, const struct spevirt_nested *n)
{
	uint64_t both = SPEVIRT_PMSCR_EL2_PA | SPEVIRT_PMSCR_EL2_CX | SPEVIRT_PMSCR_EL2_ENVM;
	uint64_t l0 = v->pmscr_el2.value, l2 = n->pmscr_el2.value;
	unsigned int slot, w;

	check(!(l2 & both & ~l0), "PA, CX, EnVM never beyond L0's view");
	check(!(l2 & SPEVIRT_PMSCR_EL2_PCT) ||
	      (l2 & SPEVIRT_PMSCR_EL2_PCT) == (l0 & SPEVIRT_PMSCR_EL2_PCT),
	      "PCT 0 or L0's");
	check((l2 & (SPEVIRT_PMSCR_EL2_EE | SPEVIRT_PMSCR_EL2_KE)) ==
	      (l0 & (SPEVIRT_PMSCR_EL2_EE | SPEVIRT_PMSCR_EL2_KE)), "EE and KE L0's");
	for (w = 0; w <= 1; w++)
		for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++) {
			check(n->route[w][slot] <= SPEVIRT_NESTED_REFLECT, "route defined");
			if (v->access[w][slot] == SPEVIRT_ACCESS_UNDEF)
				check(n->route[w][slot] == SPEVIRT_NESTED_UNDEF,
				      "UNDEF for L1 is UNDEF for L2");
		}
}

static void check_refused(const struct spevirt_host *host, const struct spevirt_nested *n)
{
	const struct spevirt_config none = { .profile = SPEVIRT_PROFILE_DEFAULT };
	struct spevirt_view nv;
	unsigned int slot, w;

	check(n->reason != NULL, "a refusal has a reason");
	if (spevirt_view_compute(host, &none, &nv) != SPEVIRT_OK)
		return;
	for (w = 0; w <= 1; w++)
		for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++)
			check(n->route[w][slot] == (nv.access[w][slot] == SPEVIRT_ACCESS_UNTRAPPED ?
						    SPEVIRT_NESTED_HARDWARE : SPEVIRT_NESTED_UNDEF),
			      "a refusal gives L2 what a guest without SPE gets");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct spevirt_host host;
	struct spevirt_config cfg;
	struct spevirt_nested_l1 l1;
	struct spevirt_view v;
	static struct spevirt_nested a, b;
	enum spevirt_status sa, sb, sv;

	fuzz_view_input(data, size, &host, &cfg);
	l1_input(data, size, &l1);
	/* Refused, the view is the fail-closed one: composed all the same. */
	sv = spevirt_view_compute(&host, &cfg, &v);
	check(sv == SPEVIRT_OK || v.reason != NULL, "the view's refusal has a reason");
	memset(&a, 0x00, sizeof(a));
	memset(&b, 0xa5, sizeof(b));
	sa = spevirt_nested_compose(&host, &v, &l1, &a);
	sb = spevirt_nested_compose(&host, &v, &l1, &b);
	check(sa == sb && same(&a, &b), "deterministic, every field set");
	check(sa == SPEVIRT_OK || sa == SPEVIRT_E_INVAL || sa == SPEVIRT_E_NEED_FGT ||
	      sa == SPEVIRT_E_HOST_INVALID || sa == SPEVIRT_E_PMSVER, "a documented status");
	if (sa != SPEVIRT_OK) {
		check_refused(&host, &a);
		return 0;
	}
	check(a.reason == NULL, "composed: no reason");
	check_isolated(&v, &a);
	check_transparent(&host, &v, &l1, &a);
	return 0;
}
