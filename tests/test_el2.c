// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The EL2 state a guest runs with (docs/policy.md section 8), the
 * context-switch set (section 9), pinned memory (section 10) and what EL3
 * firmware leaves disabled (section 11).
 *
 * Bit numbers are the Arm ARM's, typed here: PMSCR_EL2 (D24.7.9) EnVM 11,
 * KE 10, EE 9:8, PCT 7:6, TS 5, PA 4, CX 3, E2SPE 1, E0HSPE 0; PMSCR_EL1
 * (D24.7.8) KE 10, EE 9:8, PCT 7:6, TS 5, PA 4, CX 3; MDCR_EL2 (D24.3.17)
 * HPMFZS 36, E2PB 13:12; ID_AA64MMFR0_EL1.ECV 63:60 (D24.2).  The profiling
 * pseudocode below is transcribed from J1.1 for the case these views set up:
 * EL2 enabled in the owning Security state, not in the host (HCR_EL2.TGE 0).
 */
#include "common.h"

#define PMSCR_ENVM	BIT(11)
#define PMSCR_KE	BIT(10)
#define PMSCR_EE	GENMASK(9, 8)
#define PMSCR_PCT	GENMASK(7, 6)
#define PMSCR_TS	BIT(5)
#define PMSCR_PA	BIT(4)
#define PMSCR_CX	BIT(3)
#define MDCR_HPMFZS	BIT(36)
#define MDCR_E2PB	GENMASK(13, 12)

#define ALLOW_ALL	(SPEVIRT_CFG_ALLOW_PHYS_ADDR | SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP | \
			 SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2)

static struct spevirt_host make_host_ecv(unsigned int pmsver, unsigned int fgt, unsigned int opts,
				    unsigned int ecv)
{
	struct spevirt_host h = make_host(pmsver, fgt, opts);

	h.id_aa64mmfr0_el1 |= (uint64_t)ecv << 60;
	return h;
}

static enum spevirt_status compute(struct spevirt_host h, struct spevirt_config c,
				   struct spevirt_view *v)
{
	return spevirt_view_compute(&h, &c, v);
}

/* What the hardware holds while the guest runs: reg = (reg & ~mask) | value. */
static uint64_t programmed(uint64_t host, const struct spevirt_regmask *rm)
{
	return (host & ~rm->mask) | rm->value;
}

/* ---- Transcribed pseudocode (J1.1) ---- */

/* CollectPhysicalAddress(), J1.1.1.54, EL2 present and enabled. */
static bool collect_physical_address(uint64_t pmscr_el2, uint64_t pmscr_el1, bool owning_el2)
{
	return (pmscr_el2 & PMSCR_PA) && (owning_el2 || (pmscr_el1 & PMSCR_PA));
}

/* CollectContextIDR2(), J1.1.1.53, EL2 enabled. */
static bool collect_contextidr2(uint64_t pmscr_el2)
{
	return (pmscr_el2 & PMSCR_CX) != 0;
}

enum timestamp { TS_NONE, TS_VIRTUAL, TS_PHYSICAL, TS_OFFSET_PHYSICAL };

/* PCT<1> is RES0 without FEAT_ECV. */
static unsigned int pct_of(uint64_t pmscr, bool ecv)
{
	return (unsigned int)((pmscr >> 6) & (ecv ? 3 : 1));
}

/*
 * CollectTimeStamp(), J1.1.1.55, for a buffer owned by EL1 (the guest's),
 * EL2 enabled, not in the host.  @pct1 is PMSCR_EL1.PCT after the
 * reserved 0b10 has been constrained to a defined value.
 */
static enum timestamp collect_timestamp(uint64_t pmscr_el2, uint64_t pmscr_el1, bool ecv,
					unsigned int pct1)
{
	unsigned int pct2 = pct_of(pmscr_el2, ecv);

	if (!(pmscr_el1 & PMSCR_TS))
		return TS_NONE;
	assert_int_not_equal(pct2, 2);	/* the view never programs the reserved value */
	if (pct2 == 0)
		return TS_VIRTUAL;
	if (pct2 == 3)
		return pct1 == 0 ? TS_VIRTUAL : TS_OFFSET_PHYSICAL;
	switch (pct1) {
	case 0:
		return TS_VIRTUAL;
	case 1:
		return TS_PHYSICAL;
	default:
		return TS_OFFSET_PHYSICAL;
	}
}

/* EffectivePMSCR_EL2_EE(), J1.1: Non-secure EL2, MDCR_EL3.PMSEE delegated (0b01). */
static unsigned int effective_pmscr_el2_ee(uint64_t pmscr_el2, bool spe_exc)
{
	return spe_exc ? (unsigned int)((pmscr_el2 >> 8) & 3) : 0;
}

/*
 * EffectivePMSCR_EL1_EE(), J1.1, with FEAT_NV (reserved 0b01/0b10 take
 * ee<0> = ee<1>): an SPE Profiling exception can be taken to EL1 only when
 * it is 0b11 (CheckForSPEException()).
 */
static unsigned int effective_pmscr_el1_ee(uint64_t pmscr_el2, uint64_t pmscr_el1, bool spe_exc)
{
	unsigned int ee = (unsigned int)((pmscr_el1 >> 8) & 3);

	if (effective_pmscr_el2_ee(pmscr_el2, spe_exc) == 0)
		return 0;
	if (ee == 1 || ee == 2)
		ee = (ee >> 1) * 3;
	return ee;
}

/* ---- PMSCR_EL2 and MDCR_EL2, field by field ---- */

/*
 * One row per PMSCR_EL2 field of docs/policy.md section 8: its bits, the
 * host features without which it is not in the mask, whether only a guest
 * with SPE has it, and its value.
 */
struct pmscr_row {
	const char *rule;
	uint64_t bits;
	bool (*exists)(const struct spevirt_host *h, const struct spevirt_config *c);
	uint64_t (*value)(const struct spevirt_host *h, const struct spevirt_config *c);
};

static bool host_exc(const struct spevirt_host *h)
{
	return ((h->id_aa64dfr2_el1 >> 16) & 0xf) != 0;
}

static bool host_ecv(const struct spevirt_host *h)
{
	return (h->id_aa64mmfr0_el1 >> 60) != 0;
}

static bool host_nvm(const struct spevirt_host *h)
{
	return ((h->id_aa64dfr2_el1 >> 20) & 0xf) != 0;
}

static bool every_guest_on_exc(const struct spevirt_host *h, const struct spevirt_config *c)
{
	(void)c;
	return host_exc(h);
}

static bool spe_guest(const struct spevirt_host *h, const struct spevirt_config *c)
{
	(void)h;
	return c->pmsver != 0;
}

static bool spe_guest_on_ecv(const struct spevirt_host *h, const struct spevirt_config *c)
{
	return c->pmsver && host_ecv(h);
}

static bool spe_guest_on_nvm(const struct spevirt_host *h, const struct spevirt_config *c)
{
	return c->pmsver && host_nvm(h);
}

static bool never(const struct spevirt_host *h, const struct spevirt_config *c)
{
	(void)h;
	(void)c;
	return false;
}

static uint64_t zero(const struct spevirt_host *h, const struct spevirt_config *c)
{
	(void)h;
	(void)c;
	return 0;
}

static uint64_t envm_value(const struct spevirt_host *h, const struct spevirt_config *c)
{
	(void)h;
	return c->spe_nvm ? PMSCR_ENVM : 0;
}

static uint64_t pct0_value(const struct spevirt_host *h, const struct spevirt_config *c)
{
	(void)h;
	return (c->flags & SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP) ? BIT(6) : 0;
}

static uint64_t pct1_value(const struct spevirt_host *h, const struct spevirt_config *c)
{
	return (c->flags & SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP) && host_ecv(h) ? BIT(7) : 0;
}

static uint64_t pa_value(const struct spevirt_host *h, const struct spevirt_config *c)
{
	(void)h;
	return (c->flags & SPEVIRT_CFG_ALLOW_PHYS_ADDR) ? PMSCR_PA : 0;
}

static uint64_t cx_value(const struct spevirt_host *h, const struct spevirt_config *c)
{
	(void)h;
	return (c->flags & SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2) ? PMSCR_CX : 0;
}

static const struct pmscr_row pmscr_rows[] = {
	{ "EnVM = the guest's SPE_nVM, with FEAT_SPE_nVM", PMSCR_ENVM, spe_guest_on_nvm,
	  envm_value },
	{ "KE = 0 for every guest, with FEAT_SPE_EXC", PMSCR_KE, every_guest_on_exc, zero },
	{ "EE = 0b00 for every guest, with FEAT_SPE_EXC", PMSCR_EE, every_guest_on_exc, zero },
	{ "PCT[1]: 1 with ALLOW_PHYS_TIMESTAMP, exists with FEAT_ECV", BIT(7), spe_guest_on_ecv,
	  pct1_value },
	{ "PCT[0]: 1 with ALLOW_PHYS_TIMESTAMP", BIT(6), spe_guest, pct0_value },
	{ "TS: never owned (read only when EL2 owns the buffer)", PMSCR_TS, never, zero },
	{ "PA: 1 only with ALLOW_PHYS_ADDR", PMSCR_PA, spe_guest, pa_value },
	{ "CX: 1 only with ALLOW_CONTEXTIDR_EL2", PMSCR_CX, spe_guest, cx_value },
	{ "E2SPE, E0HSPE: never owned (EL2 and host EL0 only)", GENMASK(1, 0), never, zero },
};

static void check_pmscr_rows(const struct spevirt_host *h, const struct spevirt_config *c,
			     const struct spevirt_view *v)
{
	size_t i;

	for (i = 0; i < sizeof(pmscr_rows) / sizeof(pmscr_rows[0]); i++) {
		const struct pmscr_row *row = &pmscr_rows[i];
		uint64_t want_mask = row->exists(h, c) ? row->bits : 0;
		uint64_t want_value = want_mask ? row->value(h, c) : 0;

		if ((v->pmscr_el2.mask & row->bits) != want_mask ||
		    (v->pmscr_el2.value & row->bits) != want_value)
			fail_msg("PMSCR_EL2 %s: host PMSVer %llu, guest %u, flags 0x%x: mask 0x%llx "
				 "value 0x%llx", row->rule,
				 (unsigned long long)((h->id_aa64dfr0_el1 >> 32) & 0xf), c->pmsver,
				 c->flags, (unsigned long long)v->pmscr_el2.mask,
				 (unsigned long long)v->pmscr_el2.value);
	}
	if (v->pmscr_el2.mask & ~GENMASK(11, 0) || v->pmscr_el2.mask & BIT(2))
		fail_msg("PMSCR_EL2 mask 0x%llx covers a RES0 bit",
			 (unsigned long long)v->pmscr_el2.mask);
}

/* MDCR_EL2.HPMFZS: owned, 0, for a guest with SPE on a FEAT_SPEv1p2 host. */
static void check_hpmfzs(const struct spevirt_host *h, const struct spevirt_config *c,
			 const struct spevirt_view *v)
{
	bool owned = c->pmsver && ((h->id_aa64dfr0_el1 >> 32) & 0xf) >= 3;

	assert_int_equal(v->mdcr_el2.mask & MDCR_HPMFZS, owned ? MDCR_HPMFZS : 0);
	assert_int_equal(v->mdcr_el2.value & MDCR_HPMFZS, 0);
}

/* Every guest level, SPE_nVM and ALLOW flag set on one host; the number of views. */
static unsigned int sweep_guests(const struct spevirt_host *h, unsigned int hv)
{
	unsigned int gv, gnvm, flags, n = 0;

	for (gv = 0; gv <= hv && gv <= 4; gv++)
		for (gnvm = 0; gnvm <= (gv ? 1U : 0U); gnvm++)
			for (flags = 0; flags <= ALLOW_ALL; flags += SPEVIRT_CFG_ALLOW_PHYS_ADDR) {
				struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, gv);
				struct spevirt_view v;

				c.spe_nvm = gnvm;
				c.flags = flags | SPEVIRT_CFG_TPMS_FALLBACK;
				if (spevirt_view_compute(h, &c, &v) != SPEVIRT_OK)
					continue;
				check_pmscr_rows(h, &c, &v);
				check_hpmfzs(h, &c, &v);
				n++;
			}
	return n;
}

/* Every host level, with and without nVM, EXC and ECV. */
static void pmscr_el2_follows_the_policy_rows_on_every_host(void **state)
{
	unsigned int hv, fgt, nvm, ecv, n = 0;

	(void)state;
	for (hv = 1; hv <= 6; hv++)
		for (fgt = hv == 6 ? 2 : 0; fgt <= 2; fgt++)
			for (nvm = 0; nvm <= (fgt == 2 ? 1U : 0U); nvm++)
				for (ecv = 0; ecv <= 2; ecv++) {
					struct spevirt_host h = make_host_ecv(hv, fgt, nvm ? HOST_NVM : 0,
									 ecv);

					n += sweep_guests(&h, hv);
				}
	/* Guests with and without SPE_nVM, on hosts with and without it. */
	assert_true(n > 1500);
}

static void kvm_profile_programs_the_same_pmscr_el2(void **state)
{
	struct spevirt_host h = make_host_ecv(6, 2, 0, 1);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6, 6);
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	check_pmscr_rows(&h, &c, &v);
	assert_int_equal(v.pmscr_el2.value, PMSCR_PCT);
}

/* ---- Consequences in the profiling pseudocode ---- */

/* Host PMSCR_EL2 values a hypervisor may find: all clear, all set, a VHE host's own. */
static const uint64_t host_pmscr_el2[] = { 0, GENMASK(11, 3) | GENMASK(1, 0), 0x0fb };

static void records_carry_no_host_physical_address_unless_allowed(void **state)
{
	unsigned int allow, i, el1;

	(void)state;
	for (allow = 0; allow <= 1; allow++) {
		struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
		struct spevirt_view v;

		c.flags = allow ? SPEVIRT_CFG_ALLOW_PHYS_ADDR : 0;
		assert_status(compute(make_host_ecv(3, 1, 0, 1), c, &v), SPEVIRT_OK);
		for (i = 0; i < 3; i++)
			for (el1 = 0; el1 < 0x1000; el1++) {
				uint64_t el2 = programmed(host_pmscr_el2[i], &v.pmscr_el2);
				bool pa = collect_physical_address(el2, el1, false);

				if (pa && !allow)
					fail_msg("PMSCR_EL1 0x%x collects a physical address", el1);
				if (allow && (el1 & PMSCR_PA) && !pa)
					fail_msg("ALLOW_PHYS_ADDR: PMSCR_EL1.PA 1 collects none");
			}
	}
}

static void records_carry_no_contextidr_el2_unless_allowed(void **state)
{
	unsigned int allow, i;

	(void)state;
	for (allow = 0; allow <= 1; allow++) {
		struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 2);
		struct spevirt_view v;

		c.flags = allow ? SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2 : 0;
		assert_status(compute(make_host(2, 0, 0), c, &v), SPEVIRT_OK);
		for (i = 0; i < 3; i++)
			assert_int_equal(collect_contextidr2(programmed(host_pmscr_el2[i],
									&v.pmscr_el2)),
					 allow);
	}
}

/* For every PMSCR_EL1 the guest can write: the timestamps it can get. */
static unsigned int timestamps_reachable(const struct spevirt_view *v, bool ecv)
{
	unsigned int reach = 0, i, el1, pct1;

	for (i = 0; i < 3; i++)
		for (el1 = 0; el1 < 0x1000; el1++) {
			unsigned int pct = pct_of(el1, ecv);

			for (pct1 = 0; pct1 <= 3; pct1++) {
				/* A reserved 0b10 is CONSTRAINED UNPREDICTABLE: any defined value. */
				if (pct1 == 2 || (pct != 2 && pct1 != pct))
					continue;
				reach |= 1U << collect_timestamp(programmed(host_pmscr_el2[i],
									    &v->pmscr_el2),
								 el1, ecv, pct1);
			}
		}
	return reach;
}

static void timestamps_are_virtual_unless_allowed(void **state)
{
	unsigned int ecv, allow;

	(void)state;
	for (ecv = 0; ecv <= 1; ecv++)
		for (allow = 0; allow <= 1; allow++) {
			struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
			struct spevirt_view v;
			unsigned int want = 1U << TS_NONE | 1U << TS_VIRTUAL;

			c.flags = allow ? SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP : 0;
			assert_status(compute(make_host_ecv(3, 1, 0, ecv), c, &v), SPEVIRT_OK);
			/* FEAT_ECV: the guest chooses virtual or physical minus CNTPOFF_EL2. */
			if (allow)
				want |= ecv ? 1U << TS_OFFSET_PHYSICAL : 1U << TS_PHYSICAL;
			assert_int_equal(timestamps_reachable(&v, ecv), want);
		}
}

static void a_guest_without_spe_exc_never_enables_a_profiling_exception(void **state)
{
	unsigned int gv, i, el1;

	(void)state;
	for (gv = 0; gv <= 4; gv++) {
		struct spevirt_view v;

		assert_status(compute(make_host(6, 2, 0), make_cfg(SPEVIRT_PROFILE_DEFAULT, gv), &v),
			      SPEVIRT_OK);
		assert_int_equal(v.pmscr_el2.mask & (PMSCR_EE | PMSCR_KE), PMSCR_EE | PMSCR_KE);
		for (i = 0; i < 3; i++)
			for (el1 = 0; el1 < 0x1000; el1++) {
				uint64_t el2 = programmed(host_pmscr_el2[i], &v.pmscr_el2);

				/* No event goes to PMBSR_EL2, none is taken to EL1. */
				assert_int_equal(effective_pmscr_el2_ee(el2, true), 0);
				assert_int_equal(effective_pmscr_el1_ee(el2, el1, true), 0);
			}
	}
}

static void ee_and_ke_do_not_exist_without_spe_exc(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host_ecv(5, 2, HOST_NVM, 1), make_cfg(SPEVIRT_PROFILE_DEFAULT, 5),
			      &v), SPEVIRT_OK);
	assert_int_equal(v.pmscr_el2.mask, PMSCR_ENVM | PMSCR_PCT | PMSCR_PA | PMSCR_CX);
	assert_status(compute(make_host(5, 2, 0), make_cfg(SPEVIRT_PROFILE_DEFAULT, 0), &v),
		      SPEVIRT_OK);
	assert_int_equal(v.pmscr_el2.mask, 0);
}

/* ---- The context-switch set ---- */

static unsigned int slot_of(uint32_t sysreg)
{
	return (sysreg - SPEVIRT_SYSREG_PMSCR_EL1) >> 5;
}

static void check_context_against_access(const struct spevirt_config *c,
					 const struct spevirt_view *v)
{
	uint32_t regs[SPEVIRT_NR_SPE_SLOTS];
	unsigned int i, n = spevirt_context_regs(v, regs), listed = 0;

	for (i = 0; i < SPEVIRT_NR_SPE_SLOTS; i++) {
		uint32_t sysreg = SPEVIRT_SYSREG_PMSCR_EL1 + (i << 5);
		enum spevirt_access wr = spevirt_access(v, sysreg, true);
		bool in = (v->context_regs >> i) & 1;

		if (wr == SPEVIRT_ACCESS_UNTRAPPED || wr == SPEVIRT_ACCESS_FORWARD)
			assert_true(in);
		if (wr == SPEVIRT_ACCESS_EMULATE || wr == SPEVIRT_ACCESS_UNDEF)
			assert_false(in);
		/* Read-only registers hold no state, whatever their read decision. */
		if (sysreg == SPEVIRT_SYSREG_PMSIDR_EL1 || sysreg == SPEVIRT_SYSREG_PMBIDR_EL1)
			assert_false(in);
	}
	if (!c->pmsver)
		assert_int_equal(v->context_regs, 0);
	for (i = 0; i < n; i++)
		listed |= 1U << slot_of(regs[i]);
	assert_int_equal(listed, v->context_regs);
	assert_int_equal(n, (unsigned int)__builtin_popcount(v->context_regs));
}

static void context_set_is_every_register_the_guest_writes_in_hardware(void **state)
{
	static const unsigned int all_flags[] = {
		0, SPEVIRT_CFG_TPMS_FALLBACK, SPEVIRT_CFG_PINNED_MEMORY,
		SPEVIRT_CFG_PINNED_MEMORY | SPEVIRT_CFG_TPMS_FALLBACK,
	};
	unsigned int hv, fgt, opts, gv, f, n = 0;

	(void)state;
	for (hv = 1; hv <= 6; hv++)
		for (fgt = 0; fgt <= 2; fgt++)
			for (opts = 0; opts <= (HOST_FDS | HOST_NVM); opts++)
				for (gv = 0; gv <= hv; gv++)
					for (f = 0; f < 4; f++) {
						struct spevirt_host h = make_host(hv, fgt, opts);
						struct spevirt_config c =
							make_cfg(SPEVIRT_PROFILE_DEFAULT, gv);
						struct spevirt_view v;

						c.flags = all_flags[f];
						if (compute(h, c, &v) != SPEVIRT_OK)
							continue;
						check_context_against_access(&c, &v);
						n++;
					}
	assert_true(n > 100);
}

static void context_regs_restore_pmscr_el1_last_and_the_pointer_before_the_limit(void **state)
{
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 5);
	uint32_t regs[SPEVIRT_NR_SPE_SLOTS];
	struct spevirt_view v;
	unsigned int n, i, ptr = 99, limit = 99;

	(void)state;
	c.spe_nvm = 1;
	c.flags = SPEVIRT_CFG_PINNED_MEMORY;
	assert_status(compute(make_host(6, 2, HOST_FDS), c, &v), SPEVIRT_OK);
	n = spevirt_context_regs(&v, regs);
	/* Every writable SPE register: seven sampling, PMSDSFR, four buffer registers. */
	assert_int_equal(n, 12);
	assert_int_equal(regs[n - 1], SPEVIRT_SYSREG_PMSCR_EL1);
	for (i = 0; i < n; i++) {
		if (regs[i] == SPEVIRT_SYSREG_PMBPTR_EL1)
			ptr = i;
		if (regs[i] == SPEVIRT_SYSREG_PMBLIMITR_EL1)
			limit = i;
	}
	assert_true(ptr < limit && limit < n - 1);
	assert_int_equal(spevirt_context_regs(NULL, regs), 0);
	assert_int_equal(spevirt_context_regs(&v, NULL), 0);
}

static void guest_without_spe_switches_nothing(void **state)
{
	struct spevirt_view v;

	(void)state;
	assert_status(compute(make_host(1, 0, 0), make_cfg(SPEVIRT_PROFILE_DEFAULT, 0), &v),
		      SPEVIRT_OK);
	assert_int_equal(v.context_regs, 0);
}

/* ---- Pinned memory ---- */

static void pinned_memory_leaves_the_buffer_untrapped_with_e2pb_11(void **state)
{
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_PINNED_MEMORY;
	assert_status(compute(make_host(3, 1, 0), c, &v), SPEVIRT_OK);
	assert_int_equal(v.mdcr_el2.value & MDCR_E2PB, 3ULL << 12);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMBLIMITR_EL1, true),
			 SPEVIRT_ACCESS_UNTRAPPED);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMBSR_EL1, false),
			 SPEVIRT_ACCESS_UNTRAPPED);
	/* The buffer registers' FGT bits stay clear: nothing else traps them. */
	assert_int_equal(v.hdfgrtr_el2.value & GENMASK(25, 23), 0);
	assert_int_equal(v.hdfgwtr_el2.value & GENMASK(25, 23), 0);
	assert_true(v.context_regs & (1U << slot_of(SPEVIRT_SYSREG_PMBPTR_EL1)));
	assert_int_equal(v.leaks, 0);
}

static void pinned_memory_refuses_a_buffer_limit(void **state)
{
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_PINNED_MEMORY;
	c.max_buffer_size = 4ULL << 20;
	assert_status(compute(h, c, &v), SPEVIRT_E_BUFSIZE);
	assert_reason_has(v, "no buffer limit can be enforced");
	/* Nor a host that is itself limited (spevirt running in a guest hypervisor). */
	c.max_buffer_size = 0;
	h.pmbidr_el1 |= 0x0400ULL << 32;
	assert_status(compute(h, c, &v), SPEVIRT_E_BUFSIZE);
	assert_reason_has(v, "MaxBuffSize 0");
}

static void pinned_memory_is_not_in_the_kvm_profile(void **state)
{
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6, 3);
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_PINNED_MEMORY;
	assert_status(compute(make_host(3, 1, 0), c, &v), SPEVIRT_E_INVAL);
	assert_reason_has(v, "SPEVIRT_CFG_PINNED_MEMORY");
}

static void pinned_memory_hides_pmbmar_with_fgt2(void **state)
{
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 5);
	struct spevirt_host h = make_host(5, 2, HOST_NVM);
	struct spevirt_view v;

	(void)state;
	c.flags = SPEVIRT_CFG_PINNED_MEMORY;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMBMAR_EL1, false),
			 SPEVIRT_ACCESS_UNDEF);
	assert_int_equal(v.hdfgrtr2_el2.value & BIT(24), 0);
	assert_true(v.leaks & SPEVIRT_LEAK_BUFFER_BITS);	/* PMBLIMITR_EL1.nVM */
	c.spe_nvm = 1;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMBMAR_EL1, true),
			 SPEVIRT_ACCESS_UNTRAPPED);
	assert_int_equal(v.hdfgwtr2_el2.value & BIT(24), BIT(24));
	assert_int_equal(v.leaks, 0);
}

static void best_offer_knows_pinned_memory(void **state)
{
	struct spevirt_host h = make_host(6, 2, 0);
	struct spevirt_config c = { .flags = SPEVIRT_CFG_PINNED_MEMORY };
	struct spevirt_view v;

	(void)state;
	assert_status(spevirt_best_offer(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(c.pmsver, SPEVIRT_PMSVER_V1P4);
	assert_int_equal(v.mdcr_el2.value & MDCR_E2PB, 3ULL << 12);
}

/* ---- What EL3 leaves disabled ---- */

static void el3_fgten_0_plans_the_host_without_fgt(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 2);
	struct spevirt_view v;

	(void)state;
	h.el3_disabled = SPEVIRT_EL3_NO_FGT;
	/* A lower guest must hide FnE: without FGT that needs the TPMS fallback. */
	assert_status(compute(h, c, &v), SPEVIRT_E_NEED_FGT);
	c.flags = SPEVIRT_CFG_TPMS_FALLBACK;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	assert_int_equal(v.hdfgrtr_el2.mask | v.hdfgwtr_el2.mask | v.hfgitr_el2.mask, 0);
	assert_int_equal(v.mdcr_el2.value & BIT(14), BIT(14));
	/* FGTEn covers the first registers only: HDFGxTR2_EL2 still work. */
	h = make_host(5, 2, HOST_FDS);
	h.el3_disabled = SPEVIRT_EL3_NO_FGT;
	assert_status(compute(h, make_cfg(SPEVIRT_PROFILE_DEFAULT, 5), &v), SPEVIRT_OK);
	assert_int_equal(v.hdfgrtr2_el2.mask, BIT(19));
	assert_int_equal(v.hdfgrtr_el2.mask, 0);
}

/*
 * SCR_EL3.FGTEn2 = 0: HDFGxTR2_EL2 are treated as 0 (D24.2.169), so
 * PMSDSFR_EL1 and PMBMAR_EL1 accesses always trap to EL2 (their access
 * pseudocode, D24.7.10 and D24.7.3).
 */
static void el3_fgten2_0_traps_pmsdsfr_and_pmbmar_always(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS | HOST_NVM);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_view v;

	(void)state;
	h.el3_disabled = SPEVIRT_EL3_NO_FGT2;
	/* A guest without FDS: the forced trap is the UNDEF, and TPMS stays 0. */
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	assert_int_equal(v.hdfgrtr2_el2.mask | v.hdfgwtr2_el2.mask, 0);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSDSFR_EL1, true),
			 SPEVIRT_ACCESS_UNDEF);
	assert_int_equal(v.mdcr_el2.value & BIT(14), 0);
	/* A guest with FDS: its PMSDSFR_EL1 accesses reach EL2 and are forwarded. */
	c.pmsver = 5;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSDSFR_EL1, false),
			 SPEVIRT_ACCESS_FORWARD);
	assert_true(v.context_regs & (1U << slot_of(SPEVIRT_SYSREG_PMSDSFR_EL1)));
	/* Pinned memory and SPE_nVM: PMBMAR_EL1 is forwarded, not untrapped. */
	c.spe_nvm = 1;
	c.flags = SPEVIRT_CFG_PINNED_MEMORY;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMBMAR_EL1, true),
			 SPEVIRT_ACCESS_FORWARD);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMBPTR_EL1, true),
			 SPEVIRT_ACCESS_UNTRAPPED);
}

/* FGTEn 0 and FGTEn2 0: the first registers' traps vanish, the second's are forced. */
static void el3_fgten_and_fgten2_0_together(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_view v;

	(void)state;
	h.el3_disabled = SPEVIRT_EL3_NO_FGT | SPEVIRT_EL3_NO_FGT2;
	/* FnE stays visible at V1P2: nothing must hide it, and PMSIDR_EL1 differs (FDS). */
	assert_status(compute(h, c, &v), SPEVIRT_E_NEED_FGT);
	assert_reason_has(v, "PMSIDR_EL1");
	/* V1P1 hides FnE: nPMSNEVFR_EL1 is a first-register bit, not forced. */
	c.pmsver = 2;
	c.flags = SPEVIRT_CFG_TPMS_FALLBACK;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	assert_int_equal(v.mdcr_el2.value & BIT(14), BIT(14));
	assert_int_equal(v.hdfgrtr_el2.mask | v.hdfgrtr2_el2.mask, 0);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSNEVFR_EL1, false),
			 SPEVIRT_ACCESS_UNDEF);
	assert_true(spevirt_access_trapped(&v, SPEVIRT_SYSREG_PMSNEVFR_EL1, false));
}

/*
 * SCR_EL3.FGTEn2 = 0 forces only the n-bits of HDFGxTR2_EL2: HDFGRTR_EL2's
 * nPMSNEVFR_EL1 stays the guest's (FnE visible at V1P2: not trapped).
 */
static void el3_fgten2_0_leaves_first_register_n_bits_alone(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_view v;

	(void)state;
	h.el3_disabled = SPEVIRT_EL3_NO_FGT2;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	assert_true(v.hdfgrtr_el2.value & SPEVIRT_HDFGRTR_EL2_NPMSNEVFR_EL1);
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSNEVFR_EL1, false),
			 SPEVIRT_ACCESS_UNTRAPPED);
	/* FGTEn 0 as well: no fine-grained trap at all, and none forced on HDFGRTR_EL2. */
	h = make_host(5, 2, 0);
	c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 5);
	h.el3_disabled = SPEVIRT_EL3_NO_FGT | SPEVIRT_EL3_NO_FGT2;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	assert_false(spevirt_access_trapped(&v, SPEVIRT_SYSREG_PMSNEVFR_EL1, false));
	h = make_host(5, 2, HOST_FDS);
	c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	h.el3_disabled = SPEVIRT_EL3_NO_FGT2;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
	/* PMSDSFR_EL1's n-bit in HDFGRTR2_EL2 is forced: the guest, without FDS, gets UNDEF. */
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSDSFR_EL1, false),
			 SPEVIRT_ACCESS_UNDEF);
}

/* A control of a feature the host lacks does not exist: its bit changes nothing. */
static void el3_fgten2_is_ignored_without_fgt2(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 2);
	struct spevirt_view with, without;
	size_t i;

	(void)state;
	assert_status(compute(h, c, &without), SPEVIRT_OK);
	h.el3_disabled = SPEVIRT_EL3_NO_FGT2;
	assert_status(compute(h, c, &with), SPEVIRT_OK);
	{
		const struct spevirt_regmask *a[] = VIEW_REGMASKS(&with);
		const struct spevirt_regmask *b[] = VIEW_REGMASKS(&without);

		for (i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
			assert_int_equal(a[i]->mask, b[i]->mask);
			assert_int_equal(a[i]->value, b[i]->value);
		}
	}
	assert_memory_equal(with.access, without.access, sizeof(with.access));
	assert_int_equal(with.leaks, without.leaks);
}

static void el3_enpmsn_0_caps_the_guest_at_v1p1(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 3);
	struct spevirt_view v;

	(void)state;
	h.el3_disabled = SPEVIRT_EL3_NO_PMSNEVFR;
	assert_status(compute(h, c, &v), SPEVIRT_E_PMSVER);
	assert_reason_has(v, "MDCR_EL3.EnPMSN");
	c.profile = SPEVIRT_PROFILE_KVM_RFC_V6;
	assert_status(compute(h, c, &v), SPEVIRT_E_PMSVER);
	c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 0);
	assert_status(spevirt_best_offer(&h, &c, &v), SPEVIRT_OK);
	assert_int_equal(c.pmsver, SPEVIRT_PMSVER_V1P1);
	/* PMSNEVFR_EL1 still exists: the FGT trap UNDEFs it at EL2, before EL3 sees it. */
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSNEVFR_EL1, true),
			 SPEVIRT_ACCESS_UNDEF);
	assert_int_equal(v.hdfgwtr_el2.value & BIT(62), 0);
}

static void el3_enpms3_0_hides_fds(void **state)
{
	struct spevirt_host h = make_host(5, 2, HOST_FDS);
	struct spevirt_view v;

	(void)state;
	h.el3_disabled = SPEVIRT_EL3_NO_PMSDSFR;
	assert_status(compute(h, make_cfg(SPEVIRT_PROFILE_DEFAULT, 5), &v), SPEVIRT_OK);
	assert_int_equal(v.pmsidr_el1 & BIT(7), 0);
	assert_int_equal(v.hdfgrtr_el2.value & BIT(30), BIT(30));	/* PMSIDR_EL1 trapped */
	assert_int_equal(spevirt_access(&v, SPEVIRT_SYSREG_PMSDSFR_EL1, false),
			 SPEVIRT_ACCESS_UNDEF);
	assert_int_equal(v.hdfgrtr2_el2.value & BIT(19), 0);
	assert_status(compute(h, make_cfg(SPEVIRT_PROFILE_KVM_RFC_V6, 5), &v), SPEVIRT_OK);
	assert_int_equal(v.pmsidr_el1 & BIT(7), 0);
}

static void el3_enpms4_0_refuses_spe_nvm(void **state)
{
	struct spevirt_host h = make_host(6, 2, 0);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, 4);
	struct spevirt_view v;

	(void)state;
	h.el3_disabled = SPEVIRT_EL3_NO_PMBMAR;
	c.spe_nvm = 1;
	assert_status(compute(h, c, &v), SPEVIRT_E_NVM);
	assert_reason_has(v, "MDCR_EL3.EnPMS4");
	c.spe_nvm = 0;
	assert_status(compute(h, c, &v), SPEVIRT_OK);
}

static void el3_pmsee_11_leaves_no_buffer_to_a_guest(void **state)
{
	struct spevirt_host h = make_host(6, 2, 0);
	struct spevirt_view v;

	(void)state;
	h.el3_disabled = SPEVIRT_EL3_PMSEE_ALL;
	assert_status(compute(h, make_cfg(SPEVIRT_PROFILE_DEFAULT, 4), &v),
		      SPEVIRT_E_HOST_NOT_OWNED);
	assert_reason_has(v, "MDCR_EL3.PMSEE");
	assert_status(compute(h, make_cfg(SPEVIRT_PROFILE_DEFAULT, 0), &v), SPEVIRT_OK);
	/* Without FEAT_SPE_EXC the control does not exist: the bit is ignored. */
	h = make_host(3, 1, 0);
	h.el3_disabled = SPEVIRT_EL3_PMSEE_ALL | SPEVIRT_EL3_NO_PMSDSFR | SPEVIRT_EL3_NO_PMBMAR;
	assert_status(compute(h, make_cfg(SPEVIRT_PROFILE_DEFAULT, 3), &v), SPEVIRT_OK);
}

/*
 * MDCR_EL3.NSPB 0b10: Non-secure owns the buffer, so PMBIDR_EL1.P reads 0,
 * but its EL2 and EL1 accesses trap to EL3: no guest has SPE; a guest
 * without it is unchanged (EL2's traps come first in the pseudocode).
 */
static void el3_nspb_trap_refuses_spe(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0), plain = make_host(3, 1, 0);
	struct spevirt_view v, none;

	(void)state;
	h.el3_disabled = SPEVIRT_EL3_NSPB_TRAP;
	assert_status(compute(h, make_cfg(SPEVIRT_PROFILE_DEFAULT, 3), &v),
		      SPEVIRT_E_HOST_NOT_OWNED);
	assert_reason_has(v, "MDCR_EL3.NSPB");
	assert_status(compute(h, make_cfg(SPEVIRT_PROFILE_DEFAULT, 0), &v), SPEVIRT_OK);
	assert_status(compute(plain, make_cfg(SPEVIRT_PROFILE_DEFAULT, 0), &none), SPEVIRT_OK);
	assert_true(views_agree(&v, &none));
}

static void el3_unknown_bit_is_refused(void **state)
{
	struct spevirt_host h = make_host(3, 1, 0);
	struct spevirt_view v;

	(void)state;
	h.el3_disabled = 1U << 7;
	assert_status(compute(h, make_cfg(SPEVIRT_PROFILE_DEFAULT, 3), &v), SPEVIRT_E_INVAL);
	assert_reason_has(v, "spevirt_host.el3_disabled");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pmscr_el2_follows_the_policy_rows_on_every_host),
		cmocka_unit_test(kvm_profile_programs_the_same_pmscr_el2),
		cmocka_unit_test(records_carry_no_host_physical_address_unless_allowed),
		cmocka_unit_test(records_carry_no_contextidr_el2_unless_allowed),
		cmocka_unit_test(timestamps_are_virtual_unless_allowed),
		cmocka_unit_test(a_guest_without_spe_exc_never_enables_a_profiling_exception),
		cmocka_unit_test(ee_and_ke_do_not_exist_without_spe_exc),
		cmocka_unit_test(context_set_is_every_register_the_guest_writes_in_hardware),
		cmocka_unit_test(context_regs_restore_pmscr_el1_last_and_the_pointer_before_the_limit),
		cmocka_unit_test(guest_without_spe_switches_nothing),
		cmocka_unit_test(pinned_memory_leaves_the_buffer_untrapped_with_e2pb_11),
		cmocka_unit_test(pinned_memory_refuses_a_buffer_limit),
		cmocka_unit_test(pinned_memory_is_not_in_the_kvm_profile),
		cmocka_unit_test(pinned_memory_hides_pmbmar_with_fgt2),
		cmocka_unit_test(best_offer_knows_pinned_memory),
		cmocka_unit_test(el3_fgten_0_plans_the_host_without_fgt),
		cmocka_unit_test(el3_fgten2_0_traps_pmsdsfr_and_pmbmar_always),
		cmocka_unit_test(el3_fgten2_is_ignored_without_fgt2),
		cmocka_unit_test(el3_fgten2_0_leaves_first_register_n_bits_alone),
		cmocka_unit_test(el3_fgten_and_fgten2_0_together),
		cmocka_unit_test(el3_enpmsn_0_caps_the_guest_at_v1p1),
		cmocka_unit_test(el3_enpms3_0_hides_fds),
		cmocka_unit_test(el3_enpms4_0_refuses_spe_nvm),
		cmocka_unit_test(el3_pmsee_11_leaves_no_buffer_to_a_guest),
		cmocka_unit_test(el3_unknown_bit_is_refused),
		cmocka_unit_test(el3_nspb_trap_refuses_spe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
