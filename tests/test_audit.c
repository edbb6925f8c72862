// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * spevirt_audit(): every view spevirt computes, programmed as documented,
 * audits with no finding but its own documented leaks and opt-ins; each
 * finding class appears for a configuration that has the fault and goes
 * when the fault is fixed.
 */
#include "model.h"

#include <spevirt/spevirt_audit.h>

#define SLOT(name)	((uint16_t)(1U << spevirt_spe_slot(SPEVIRT_SYSREG_##name)))

/* The SPE registers by spevirt_spe_slot(); NULL where no register is. */
static const char *const slot_names[SPEVIRT_NR_SPE_SLOTS] = {
	"PMSCR_EL1", "PMSNEVFR_EL1", "PMSICR_EL1", "PMSIRR_EL1", "PMSFCR_EL1", "PMSEVFR_EL1",
	"PMSLATFR_EL1", "PMSIDR_EL1", "PMBLIMITR_EL1", "PMBPTR_EL1", NULL, "PMBSR_EL1",
	"PMSDSFR_EL1", "PMBMAR_EL1", NULL, "PMBIDR_EL1",
};

/* What every finding is made of, whatever its configuration. */
static void check_finding_shape(const struct spevirt_finding *f)
{
	uint32_t slot = spevirt_spe_slot(f->sysreg);

	assert_non_null(spevirt_finding_class_name(f->cls));
	assert_non_null(f->rule);
	assert_non_null(f->text);
	if (f->sysreg) {
		/* An access: BROKEN or ISOLATION, named by its register. */
		assert_true(f->cls == SPEVIRT_FINDING_BROKEN || f->cls == SPEVIRT_FINDING_ISOLATION);
		assert_true(slot < SPEVIRT_NR_SPE_SLOTS && slot_names[slot]);
		assert_string_equal(f->field, slot_names[slot]);
		assert_int_equal(f->leak, 0);
	} else {
		assert_false(f->is_write);
	}
	/* A leak bit is one bit of the catalogue, on a LEAK or INCONSISTENT finding. */
	if (f->leak) {
		assert_true(f->cls == SPEVIRT_FINDING_LEAK || f->cls == SPEVIRT_FINDING_INCONSISTENT);
		assert_int_equal(f->leak & (f->leak - 1), 0);
		assert_true(f->leak < (1ULL << SPEVIRT_LEAK_COUNT));
	}
}

/* A finding the view documents: one of its leaks, or a PMSCR_EL2 opt-in. */
static int documented(const struct spevirt_finding *f, const struct spevirt_view *v,
		      const struct spevirt_config *c)
{
	if (f->leak && (f->leak & v->leaks))
		return 1;
	if (!strcmp(f->field, "PMSCR_EL2.PA"))
		return (c->flags & SPEVIRT_CFG_ALLOW_PHYS_ADDR) != 0;
	if (!strcmp(f->field, "PMSCR_EL2.CX"))
		return (c->flags & SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2) != 0;
	/* 0b01 on a host without FEAT_ECV: the host's physical counter. */
	if (!strcmp(f->field, "PMSCR_EL2.PCT"))
		return (c->flags & SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP) != 0;
	return 0;
}

static unsigned long audit_view(const struct spevirt_host *h, const struct spevirt_config *c,
				const struct spevirt_view *v)
{
	struct spevirt_hypervisor hv;
	struct spevirt_audit a;
	unsigned int i;
	uint64_t leaks = 0;

	assert_int_equal(spevirt_view_hypervisor(v, c, &hv), SPEVIRT_OK);
	assert_int_equal(spevirt_audit(h, &hv, &a), SPEVIRT_OK);
	assert_true(a.nr_findings <= SPEVIRT_MAX_FINDINGS);
	for (i = 0; i < a.nr_findings; i++) {
		check_finding_shape(&a.findings[i]);
		leaks |= a.findings[i].leak;
	}
	/* Each leak the view has and the audit's inputs show is found. */
	if (leaks != (v->leaks & ~SPEVIRT_LEAK_UNADVERTISED_LIMIT))
		fail_msg("profile %d PMSVer %u flags 0x%x: the audit finds leaks 0x%llx, the view "
			 "has 0x%llx", c->profile, c->pmsver, c->flags, (unsigned long long)leaks,
			 (unsigned long long)v->leaks);
	for (i = 0; i < a.nr_findings; i++)
		if (!documented(&a.findings[i], v, c))
			fail_msg("profile %d PMSVer %u nVM %u flags 0x%x on host PMSVer %llu FGT %llu "
				 "EL3 0x%x: %s %s %s: %s (%s)", c->profile, c->pmsver, c->spe_nvm,
				 c->flags, (unsigned long long)(h->id_aa64dfr0_el1 >> 32 & 0xf),
				 (unsigned long long)(h->id_aa64mmfr0_el1 >> 56 & 0xf),
				 h->el3_disabled, spevirt_finding_class_name(a.findings[i].cls),
				 a.findings[i].field, a.findings[i].is_write ? "write" : "read",
				 a.findings[i].text, a.findings[i].rule);
	return 1;
}

/* Every view of the exhaustive sweep audits with only what it documents. */
static void every_computed_view_audits_with_only_its_documented_findings(void **state)
{
	static const unsigned int opts[] = { 0, HOST_FDS, HOST_NVM, HOST_FDS | HOST_NVM };
	unsigned long views = 0;

	(void)state;
	for (int p = 0; p <= 1; p++)
	for (unsigned int hv = 0; hv <= 7; hv++)
	for (unsigned int fgt = 0; fgt <= 3; fgt++)
	for (unsigned int o = 0; o < 4; o++)
	for (uint32_t el3 = 0; el3 < 32; el3 += (el3 ? 7 : 1))
	for (unsigned int gv = 0; gv <= 6; gv++)
	for (unsigned int nvm = 0; nvm <= 1; nvm++)
	for (unsigned int flags = 0; flags < 128; flags++) {
		struct spevirt_host h = make_host(hv, fgt, hv >= 5 ? opts[o] : opts[o] & HOST_NVM);
		struct spevirt_config c = make_cfg((enum spevirt_profile)p, gv);
		struct spevirt_view v;

		h.el3_disabled = el3;
		c.spe_nvm = nvm;
		c.flags = flags;
		if (spevirt_view_compute(&h, &c, &v) == SPEVIRT_OK)
			views += audit_view(&h, &c, &v);
	}
	print_message("# audit: %lu views, each with only its documented findings\n", views);
	assert_true(views > 10000);
}

static void every_random_view_audits_with_only_its_documented_findings(void **state)
{
	uint64_t seed = 0xa0d17ULL;
	unsigned int i;

	(void)state;
	for (i = 0; i < 20000; i++) {
		struct spevirt_host h = random_valid_host(&seed);
		struct spevirt_config c = make_cfg((enum spevirt_profile)rnd_below(&seed, 2),
						   rnd_below(&seed, 7));
		struct spevirt_view v;

		c.spe_nvm = rnd_below(&seed, 2);
		c.flags = rnd_below(&seed, 128);
		if (spevirt_view_compute(&h, &c, &v) == SPEVIRT_OK)
			audit_view(&h, &c, &v);
	}
}

/* The number of findings of a class naming @field ("" for any). */
static unsigned int count(const struct spevirt_host *h, const struct spevirt_hypervisor *hv,
			  enum spevirt_finding_class cls, const char *field)
{
	struct spevirt_audit a;
	unsigned int i, n = 0;

	assert_int_equal(spevirt_audit(h, hv, &a), SPEVIRT_OK);
	for (i = 0; i < a.nr_findings; i++) {
		check_finding_shape(&a.findings[i]);
		if (a.findings[i].cls == cls && strstr(a.findings[i].field, field))
			n++;
	}
	return n;
}

/* The leak bit of the one finding about @field. */
static uint64_t leak_of(const struct spevirt_host *h, const struct spevirt_hypervisor *hv,
			const char *field)
{
	struct spevirt_audit a;
	unsigned int i;

	assert_int_equal(spevirt_audit(h, hv, &a), SPEVIRT_OK);
	for (i = 0; i < a.nr_findings; i++)
		if (!strcmp(a.findings[i].field, field))
			return a.findings[i].leak;
	fail_msg("no finding about %s", field);
	return 0;
}

/* A guest told it has SPE (PMSVer V1P2 on a V1P2 host with FEAT_FGT), all open. */
static struct spevirt_hypervisor spe_guest(const struct spevirt_host *h)
{
	struct spevirt_hypervisor hv = {
		.el2 = { .mdcr_el2 = 2ULL << 12, .hdfgrtr_el2 = BIT(62), .hdfgwtr_el2 = BIT(62) },
		.id_aa64dfr0_el1 = 3ULL << 32,
		.emulated = SLOT(PMBLIMITR_EL1) | SLOT(PMBPTR_EL1) | SLOT(PMBSR_EL1),
		.switched = SLOT(PMSCR_EL1) | SLOT(PMSNEVFR_EL1) | SLOT(PMSICR_EL1) |
			    SLOT(PMSIRR_EL1) | SLOT(PMSFCR_EL1) | SLOT(PMSEVFR_EL1) |
			    SLOT(PMSLATFR_EL1),
	};

	(void)h;
	return hv;
}

static void broken_when_a_register_the_guest_is_told_of_undefs(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_BROKEN, ""), 0);
	/* E2PB 0b00 (EL2 owns the buffer) with nothing emulated: Hafnium's shape. */
	hv.el2.mdcr_el2 = 0;
	hv.emulated = 0;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_BROKEN, "PMB"), 6);
	hv = spe_guest(&h);
	hv.el2.hdfgrtr_el2 &= ~BIT(62);		/* nPMSNEVFR_EL1 reads trap, not emulated */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_BROKEN, "PMSNEVFR_EL1"), 1);
}

static void broken_when_a_register_the_guest_is_told_is_absent_executes(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = { .el2 = { .mdcr_el2 = 0 } };

	(void)state;
	/* PMSVer 0, but MDCR_EL2.TPMS is 0: the sampling registers work. */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_BROKEN, "PMSCR_EL1"), 2);
	hv.el2.mdcr_el2 = BIT(14);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_BROKEN, ""), 0);
}

static void broken_when_the_guest_owns_a_buffer_in_memory_not_pinned(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	hv.el2.mdcr_el2 = 3ULL << 12;
	hv.switched = (uint16_t)(hv.switched | SLOT(PMBLIMITR_EL1) | SLOT(PMBPTR_EL1) |
				 SLOT(PMBSR_EL1));
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_BROKEN, "MDCR_EL2.E2PB"), 1);
	hv.pinned = true;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_BROKEN, ""), 0);
}

static void isolation_when_state_is_neither_trapped_nor_switched(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, ""), 0);
	hv.switched = 0;	/* Xen's shape: sampling registers untrapped, not switched */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, "PMS"), 14);
	hv.el2.mdcr_el2 |= BIT(14);	/* TPMS: trapped instead */
	hv.emulated = 0xffff;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, ""), 0);
}

static void isolation_when_pmscr_el2_collects_host_addresses_or_contextidr_el2(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	hv.el2.pmscr_el2 = BIT(4) | BIT(3);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, "PMSCR_EL2.PA"), 1);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, "PMSCR_EL2.CX"), 1);
	hv.el2.pmscr_el2 = 0;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, "PMSCR_EL2"), 0);
}

/*
 * D24.7.9: PMSCR_EL2.PCT 0b01 lets PMSCR_EL1.PCT pick the physical counter,
 * the host's; 0b11 gives the physical counter less CNTPOFF_EL2, the guest's
 * own; 0b00 the virtual counter.
 */
static void isolation_when_pmscr_el2_pct_gives_the_hosts_physical_counter(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	hv.el2.pmscr_el2 = 1ULL << 6;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, "PMSCR_EL2.PCT"), 1);
	hv.el2.pmscr_el2 = 3ULL << 6;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, "PMSCR_EL2.PCT"), 0);
	hv.el2.pmscr_el2 = 0;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, "PMSCR_EL2.PCT"), 0);
}

/*
 * An advertised limit the guest cannot see: the hypervisor's PMBIDR_EL1 shows
 * the limit it enforces, but HDFGRTR_EL2.PMBIDR_EL1 is clear, so the guest
 * reads the hardware's MaxBuffSize (UNADVERTISED_LIMIT).
 */
static void leak_when_the_advertised_limit_is_not_what_the_guest_reads(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	hv.pmbidr_el1 = h.pmbidr_el1 | (0x400ULL << 32);	/* 4 MiB */
	assert_int_equal(leak_of(&h, &hv, "PMBIDR_EL1.MaxBuffSize"),
			 SPEVIRT_LEAK_UNADVERTISED_LIMIT);
	hv.el2.hdfgrtr_el2 |= BIT(63);		/* trapped and shown: none */
	hv.emulated = (uint16_t)(hv.emulated | SLOT(PMBIDR_EL1));
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, "PMBIDR_EL1"), 0);
	hv = spe_guest(&h);
	hv.pmbidr_el1 = h.pmbidr_el1;		/* no limit advertised: none */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, "PMBIDR_EL1"), 0);
	h.pmbidr_el1 |= 0x400ULL << 32;		/* the hardware shows the same limit */
	hv.pmbidr_el1 = h.pmbidr_el1;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, "PMBIDR_EL1"), 0);
}

/* MDCR_EL2.TPM or TPMCR trap PMCR_EL0 (D24.3.17): the FZS leak is closed. */
static void no_pmcr_fzs_leak_when_the_hypervisor_traps_pmcr_el0(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = { .el2 = { .mdcr_el2 = BIT(14) } };

	(void)state;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, "PMCR_EL0.FZS"), 1);
	hv.el2.mdcr_el2 = BIT(14) | BIT(6);	/* TPM */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, "PMCR_EL0.FZS"), 0);
	hv.el2.mdcr_el2 = BIT(14) | BIT(5);	/* TPMCR */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, "PMCR_EL0.FZS"), 0);
	hv.el2.mdcr_el2 = 0x4060;		/* mainline KVM: TPMS, TPM, TPMCR */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, "PMCR_EL0.FZS"), 0);
}

static void leak_when_pmbidr_el1_reads_reach_the_hardware_of_a_guest_without_spe(void **state)
{
	struct spevirt_host h = make_host(3, 0, 0);	/* no FEAT_FGT */
	struct spevirt_hypervisor hv = { .el2 = { .mdcr_el2 = BIT(14) } };

	(void)state;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, "PMBIDR_EL1"), 1);
	h = make_host(3, 1, 0);
	hv.el2.hdfgrtr_el2 = BIT(63);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, "PMBIDR_EL1"), 0);
}

static void leak_when_the_guests_pmsver_is_below_the_hosts(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	hv.id_aa64dfr0_el1 = 1ULL << 32;
	hv.el2.hdfgrtr_el2 = BIT(30);		/* PMSIDR_EL1 reads trapped ... */
	hv.emulated = (uint16_t)(hv.emulated | SLOT(PMSIDR_EL1));
	hv.pmsidr_el1 = h.pmsidr_el1 & ~BIT(6);	/* ... and FnE hidden */
	hv.el2.hdfgrtr_el2 &= ~BIT(62);		/* nPMSNEVFR_EL1 0: UNDEF */
	hv.el2.hdfgwtr_el2 &= ~BIT(62);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, "ID_AA64DFR0_EL1.PMSVer"), 1);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, "PMCR_EL0.FZS"), 1);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_BROKEN, ""), 0);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, ""), 0);
	hv = spe_guest(&h);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, ""), 0);
}

static void inconsistent_when_the_id_values_contradict_the_architecture(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	hv.id_aa64dfr2_el1 = 1ULL << 20;	/* SPE_nVM without ... */
	hv.id_aa64dfr0_el1 = 0;			/* ... SPE */
	hv.el2.mdcr_el2 = BIT(14);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, "ID_AA64DFR2_EL1"), 1);
	hv = spe_guest(&h);
	hv.id_aa64dfr0_el1 = 2ULL << 32;	/* V1P1 reading the host's FnE */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, "PMSIDR_EL1"), 1);
	hv = spe_guest(&h);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, ""), 0);
}

/* FEAT_SPEv1p5 implies SPE_EXC and SPE_nVM (A2.2): a V1P5 guest needs both. */
static void inconsistent_when_a_v1p5_guest_lacks_spe_exc_or_spe_nvm(void **state)
{
	struct spevirt_host h = make_host(6, 2, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	hv.id_aa64dfr0_el1 = 6ULL << 32;
	hv.id_aa64dfr2_el1 = 1ULL << 20;			/* SPE_nVM, no SPE_EXC */
	hv.el2.hdfgrtr2_el2 = hv.el2.hdfgwtr2_el2 = BIT(24);	/* PMBMAR_EL1 open */
	hv.switched = (uint16_t)(hv.switched | SLOT(PMBMAR_EL1));
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, "PMSVer"), 1);
	assert_int_equal(leak_of(&h, &hv, "ID_AA64DFR0_EL1.PMSVer"), SPEVIRT_LEAK_ID_INCONSISTENT);
	hv.id_aa64dfr2_el1 = 1ULL << 16;			/* SPE_EXC, no SPE_nVM */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, "PMSVer"), 1);
	hv.id_aa64dfr2_el1 = (1ULL << 20) | (1ULL << 16);	/* both: consistent */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, ""), 0);
}

/* Findings outside the leak catalogue carry no leak bit. */
static void only_catalogue_leaks_carry_a_leak_bit(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	hv.id_aa64dfr2_el1 = 1ULL << 16;
	assert_int_equal(leak_of(&h, &hv, "ID_AA64DFR2_EL1.SPE_EXC"), 0);
	hv = (struct spevirt_hypervisor){ .el2 = { .mdcr_el2 = BIT(14) },
					  .id_aa64dfr2_el1 = 1ULL << 20 };
	assert_int_equal(leak_of(&h, &hv, "ID_AA64DFR2_EL1"), 0);
	hv = spe_guest(&h);
	hv.el2.hdfgrtr_el2 |= BIT(63);
	hv.emulated = (uint16_t)(hv.emulated | SLOT(PMBIDR_EL1));
	hv.pmbidr_el1 = h.pmbidr_el1 | BIT(6);
	assert_int_equal(leak_of(&h, &hv, "PMBIDR_EL1.AddrMode"), 0);
	hv = spe_guest(&h);
	h.pmsidr_el1 |= BIT(40);
	assert_int_equal(leak_of(&h, &hv, "PMSIDR_EL1"), 0);
	h = make_host(3, 1, 0);
	hv.el2.mdcr_el2 = 3ULL << 12;
	assert_int_equal(leak_of(&h, &hv, "MDCR_EL2.E2PB"), 0);
	hv.el2.pmscr_el2 = BIT(4) | BIT(3);
	assert_int_equal(leak_of(&h, &hv, "PMSCR_EL2.PA"), 0);
	assert_int_equal(leak_of(&h, &hv, "PMSCR_EL2.CX"), 0);
	h = make_host(6, 2, 0);
	hv = spe_guest(&h);
	hv.el2.hfgitr_el2 = BIT(63);
	hv.pinned = true;
	assert_int_equal(leak_of(&h, &hv, "HFGITR_EL2.PSBCSYNC"), 0);
	assert_int_equal(leak_of(&h, &hv, "MDCR_EL2.E2PB"), 0);
}

/* The buffer registers, PMSDSFR_EL1 and PMBMAR_EL1 hold state too. */
static void isolation_of_every_register_with_state(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS | HOST_NVM);
	struct spevirt_hypervisor hv = {
		.el2 = { .mdcr_el2 = 3ULL << 12, .hdfgrtr_el2 = BIT(62), .hdfgwtr_el2 = BIT(62),
			 .hdfgrtr2_el2 = BIT(24) | BIT(19), .hdfgwtr2_el2 = BIT(24) | BIT(19) },
		.id_aa64dfr0_el1 = 5ULL << 32,
		.id_aa64dfr2_el1 = 1ULL << 20,
		.pinned = true,
	};

	(void)state;
	/* 12 registers with state, read and write; PMSIDR_EL1 and PMBIDR_EL1 have none. */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, "_EL1"), 24);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, "PMB"), 8);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, "PMSDSFR_EL1"), 2);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, "IDR"), 0);
	hv.switched = 0xffff;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, ""), 0);
}

/* No record is written for a guest without SPE, or on a host without it. */
static void pmscr_el2_matters_only_where_the_guest_profiles(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = { .el2 = { .mdcr_el2 = BIT(14), .pmscr_el2 = BIT(4) | BIT(3),
						  .hdfgrtr_el2 = BIT(63) } };

	(void)state;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, "PMSCR_EL2"), 0);
	h = make_host(0, 1, 0);
	hv.id_aa64dfr0_el1 = 3ULL << 32;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_ISOLATION, "PMSCR_EL2"), 0);
}

/* FEAT_SPE_FDS needs FEAT_SPEv1p4 and FEAT_SPE_LDS; a hidden EFT/FPF leaves filters. */
static void pmsidr_el1_fds_rules_and_hidden_filters(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS | HOST_EFT);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	hv.id_aa64dfr0_el1 = 5ULL << 32;
	hv.el2.hdfgrtr_el2 |= BIT(30);		/* PMSIDR_EL1 reads emulated */
	hv.emulated = (uint16_t)(hv.emulated | SLOT(PMSIDR_EL1));
	hv.el2.hdfgrtr2_el2 = hv.el2.hdfgwtr2_el2 = BIT(19);
	hv.switched = (uint16_t)(hv.switched | SLOT(PMSDSFR_EL1));
	hv.pmsidr_el1 = h.pmsidr_el1;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, ""), 0);
	hv.pmsidr_el1 = h.pmsidr_el1 & ~BIT(4);		/* FDS without LDS */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, "PMSIDR_EL1"), 1);
	hv.pmsidr_el1 = h.pmsidr_el1;
	hv.id_aa64dfr0_el1 = 4ULL << 32;		/* FDS with V1P3 */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, "PMSIDR_EL1"), 1);
	hv.id_aa64dfr0_el1 = 5ULL << 32;
	hv.pmsidr_el1 = h.pmsidr_el1 & ~(BIT(26) | BIT(27));	/* EFT and FPF hidden */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, "PMSFCR_EL1"), 1);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, ""), 0);
}

static void redundant_when_a_trap_changes_nothing(void **state)
{
	struct spevirt_host h = make_host(6, 2, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	hv.el2.hfgitr_el2 = BIT(63);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_REDUNDANT, "HFGITR_EL2.PSBCSYNC"), 1);
	hv.el2.hfgitr_el2 = 0;
	hv.pinned = true;			/* E2PB 0b10 with pinned memory */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_REDUNDANT, "MDCR_EL2.E2PB"), 1);
	hv.pinned = false;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_REDUNDANT, ""), 0);
}

static void the_findings_of_a_pmsidr_el1_the_guest_cannot_read(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	/* PMSIDR_EL1 reads trap and UNDEF: PMSNEVFR_EL1 follows PMSVer V1P2. */
	hv.el2.hdfgrtr_el2 |= BIT(30);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_BROKEN, "PMSIDR_EL1"), 1);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_BROKEN, "PMSNEVFR_EL1"), 0);
	hv.el2.hdfgrtr_el2 &= ~BIT(62);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_BROKEN, "PMSNEVFR_EL1"), 1);
}

static void inconsistent_spe_exc_below_v1p5_and_addrmode_without_nvm(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	hv.id_aa64dfr2_el1 = 1ULL << 16;	/* SPE_EXC with PMSVer V1P2 */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, "SPE_EXC"), 1);
	hv = spe_guest(&h);
	hv.el2.hdfgrtr_el2 |= BIT(63);		/* PMBIDR_EL1 reads emulated ... */
	hv.emulated = (uint16_t)(hv.emulated | SLOT(PMBIDR_EL1));
	hv.pmbidr_el1 = h.pmbidr_el1 | BIT(6);	/* ... with AddrMode 0b01, SPE_nVM 0 */
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, "AddrMode"), 1);
	hv.pmbidr_el1 = h.pmbidr_el1;
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_INCONSISTENT, ""), 0);
}

static void leak_when_pmsidr_el1_reads_reach_a_host_value_with_res0_bits(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);

	(void)state;
	h.pmsidr_el1 |= BIT(40);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, "PMSIDR_EL1"), 1);
	hv.el2.hdfgrtr_el2 |= BIT(30);
	hv.emulated = (uint16_t)(hv.emulated | SLOT(PMSIDR_EL1));
	hv.pmsidr_el1 = h.pmsidr_el1 & ~BIT(40);
	assert_int_equal(count(&h, &hv, SPEVIRT_FINDING_LEAK, ""), 0);
}

/* Everything reachable, nothing switched, the guest told it has nothing. */
static void the_most_findings_fit(void **state)
{
	struct spevirt_host h = make_host(6, 2, HOST_FDS | HOST_NVM | HOST_PBT);
	struct spevirt_hypervisor hv = {
		.el2 = { .mdcr_el2 = 3ULL << 12, .pmscr_el2 = BIT(6) | BIT(4) | BIT(3),
			 .hdfgrtr_el2 = BIT(62), .hdfgwtr_el2 = BIT(62),
			 .hdfgrtr2_el2 = BIT(24) | BIT(19), .hdfgwtr2_el2 = BIT(24) | BIT(19),
			 .hfgitr_el2 = BIT(63) },
		.id_aa64dfr2_el1 = 1ULL << 20,
	};
	struct spevirt_audit a;

	(void)state;
	assert_int_equal(spevirt_audit(&h, &hv, &a), SPEVIRT_OK);
	assert_true(a.nr_findings >= 50);
	assert_true(a.nr_findings <= SPEVIRT_MAX_FINDINGS);
}

/* The view as spevirt_audit() takes it: each part where the view says. */
static void a_view_programmed_as_documented(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_hypervisor hv;
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_PINNED_MEMORY;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(spevirt_view_hypervisor(&v, &c, &hv), SPEVIRT_OK);
	assert_int_equal(hv.el2.mdcr_el2, v.mdcr_el2.value);
	assert_int_equal(hv.el2.hdfgrtr_el2, v.hdfgrtr_el2.value);
	assert_int_equal(hv.el2.hdfgwtr2_el2, v.hdfgwtr2_el2.value);
	assert_int_equal(hv.el2.hfgitr_el2, v.hfgitr_el2.value);
	assert_int_equal(hv.el2.pmscr_el2, v.pmscr_el2.value);
	assert_int_equal(hv.id_aa64dfr0_el1, v.id_aa64dfr0_el1.value);
	assert_int_equal(hv.pmsidr_el1, v.pmsidr_el1);
	assert_int_equal(hv.switched, v.context_regs);
	assert_true(hv.pinned);
	/* The host's own values, the buffer untrapped: nothing is emulated. */
	assert_int_equal(hv.emulated, 0);
	c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(spevirt_view_hypervisor(&v, &c, &hv), SPEVIRT_OK);
	assert_false(hv.pinned);
	assert_true(hv.emulated & SLOT(PMBLIMITR_EL1));
	assert_int_equal(spevirt_view_hypervisor(NULL, &c, &hv), SPEVIRT_E_INVAL);
	assert_int_equal(hv.emulated, 0);
	assert_false(hv.pinned);
	assert_int_equal(spevirt_view_hypervisor(&v, NULL, &hv), SPEVIRT_E_INVAL);
	assert_int_equal(spevirt_view_hypervisor(&v, &c, NULL), SPEVIRT_E_INVAL);
}

static void bad_input_fails_closed(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_hypervisor hv = spe_guest(&h);
	struct spevirt_audit a;

	(void)state;
	assert_int_equal(spevirt_audit(NULL, &hv, &a), SPEVIRT_E_INVAL);
	assert_int_equal(a.nr_findings, 0);
	assert_int_equal(spevirt_audit(&h, NULL, &a), SPEVIRT_E_INVAL);
	assert_int_equal(spevirt_audit(&h, &hv, NULL), SPEVIRT_E_INVAL);
	h.pmsidr_el1 &= ~BIT(6);
	assert_int_equal(spevirt_audit(&h, &hv, &a), SPEVIRT_E_HOST_INVALID);
	assert_int_equal(a.nr_findings, 0);
	assert_string_equal(spevirt_finding_class_name(SPEVIRT_FINDING_REDUNDANT), "REDUNDANT");
	assert_null(spevirt_finding_class_name(5));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_computed_view_audits_with_only_its_documented_findings),
		cmocka_unit_test(every_random_view_audits_with_only_its_documented_findings),
		cmocka_unit_test(broken_when_a_register_the_guest_is_told_of_undefs),
		cmocka_unit_test(broken_when_a_register_the_guest_is_told_is_absent_executes),
		cmocka_unit_test(broken_when_the_guest_owns_a_buffer_in_memory_not_pinned),
		cmocka_unit_test(isolation_when_state_is_neither_trapped_nor_switched),
		cmocka_unit_test(isolation_when_pmscr_el2_collects_host_addresses_or_contextidr_el2),
		cmocka_unit_test(isolation_when_pmscr_el2_pct_gives_the_hosts_physical_counter),
		cmocka_unit_test(leak_when_the_advertised_limit_is_not_what_the_guest_reads),
		cmocka_unit_test(no_pmcr_fzs_leak_when_the_hypervisor_traps_pmcr_el0),
		cmocka_unit_test(leak_when_pmbidr_el1_reads_reach_the_hardware_of_a_guest_without_spe),
		cmocka_unit_test(leak_when_the_guests_pmsver_is_below_the_hosts),
		cmocka_unit_test(inconsistent_when_the_id_values_contradict_the_architecture),
		cmocka_unit_test(inconsistent_when_a_v1p5_guest_lacks_spe_exc_or_spe_nvm),
		cmocka_unit_test(only_catalogue_leaks_carry_a_leak_bit),
		cmocka_unit_test(isolation_of_every_register_with_state),
		cmocka_unit_test(pmscr_el2_matters_only_where_the_guest_profiles),
		cmocka_unit_test(pmsidr_el1_fds_rules_and_hidden_filters),
		cmocka_unit_test(redundant_when_a_trap_changes_nothing),
		cmocka_unit_test(the_findings_of_a_pmsidr_el1_the_guest_cannot_read),
		cmocka_unit_test(inconsistent_spe_exc_below_v1p5_and_addrmode_without_nvm),
		cmocka_unit_test(leak_when_pmsidr_el1_reads_reach_a_host_value_with_res0_bits),
		cmocka_unit_test(the_most_findings_fit),
		cmocka_unit_test(a_view_programmed_as_documented),
		cmocka_unit_test(bad_input_fails_closed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
