// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Buffer-register emulation (docs/policy.md section 7): each rule, and the
 * sequence the Linux arm_spe_pmu driver runs for perf record.
 */
#include "common.h"

#define LIMITR	SPEVIRT_SYSREG_PMBLIMITR_EL1
#define PTR	SPEVIRT_SYSREG_PMBPTR_EL1
#define SR	SPEVIRT_SYSREG_PMBSR_EL1
#define MAR	SPEVIRT_SYSREG_PMBMAR_EL1
#define E	SPEVIRT_PMBLIMITR_EL1_E
#define S	SPEVIRT_PMBSR_EL1_S
#define MIB	(1ULL << 20)
#define BASE	0xffff800010000000ULL

static struct spevirt_view make_view(unsigned int hv, unsigned int fgt, unsigned int opts,
				     unsigned int gv, unsigned int nvm, uint64_t limit,
				     unsigned int flags)
{
	struct spevirt_host h = make_host(hv, fgt, opts);
	struct spevirt_config c = make_cfg(SPEVIRT_PROFILE_DEFAULT, gv);
	struct spevirt_view v;

	h.pmbidr_el1 |= 0x6;	/* Align: 64 bytes */
	c.spe_nvm = nvm;
	c.max_buffer_size = limit;
	c.flags = flags;
	assert_status(spevirt_view_compute(&h, &c, &v), SPEVIRT_OK);
	return v;
}

/* One access; the state is updated in place. */
static struct spevirt_buffer_effect acc(const struct spevirt_view *v, struct spevirt_buffer *b,
					uint32_t reg, bool w, uint64_t val)
{
	struct spevirt_buffer_effect e;

	assert_status(spevirt_buffer_access(v, b, reg, w, val, b, &e), SPEVIRT_OK);
	assert_int_equal(e.irq, !!(b->pmbsr_el1 & S));
	return e;
}

static uint64_t bsc_size_event(void)
{
	return (SPEVIRT_PMBSR_EL1_EC_BUF << SPEVIRT_PMBSR_EL1_EC_SHIFT) |
	       SPEVIRT_PMBSR_EL1_MSS_BUF_BSC_SIZE | S;
}

static void linux_perf_record_start_full_and_stop(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 4 * MIB, 0);
	struct spevirt_buffer b = { 0 };
	struct spevirt_buffer_effect e;
	uint64_t full = (SPEVIRT_PMBSR_EL1_EC_BUF << SPEVIRT_PMBSR_EL1_EC_SHIFT) |
			SPEVIRT_PMBSR_EL1_MSS_BUF_BSC_FULL | S;

	(void)state;
	/* arm_spe_perf_aux_output_begin(): PMBPTR_EL1, then PMBLIMITR_EL1 with E. */
	e = acc(&v, &b, PTR, true, BASE);
	assert_false(e.ignored || e.program || e.running || e.event || e.irq);
	e = acc(&v, &b, LIMITR, true, (BASE + 4 * MIB) | E);
	assert_true(e.program && e.running);
	assert_false(e.event || e.irq);

	/* The SPU fills the buffer: a management event, the interrupt rises. */
	assert_status(spevirt_buffer_hw_event(&v, &b, full, BASE + 4 * MIB - 64, &b, &e),
		      SPEVIRT_OK);
	assert_true(e.event && e.irq && e.program);
	assert_false(e.running);

	/* The interrupt handler reads PMBSR_EL1 and PMBPTR_EL1. */
	e = acc(&v, &b, SR, false, 0);
	assert_int_equal(e.read_value, full);
	e = acc(&v, &b, PTR, false, 0);
	assert_int_equal(e.read_value, BASE + 4 * MIB - 64);
	/* Disables the buffer, clears PMBSR_EL1: the interrupt falls. */
	e = acc(&v, &b, LIMITR, true, 0);
	assert_false(e.ignored || e.running || e.program);
	assert_true(e.irq);
	e = acc(&v, &b, SR, true, 0);
	assert_false(e.irq || e.ignored);
	/* Restarts at the buffer's start. */
	acc(&v, &b, PTR, true, BASE);
	e = acc(&v, &b, LIMITR, true, (BASE + 4 * MIB) | E);
	assert_true(e.running && e.program);

	/* perf stop: arm_spe_pmu_disable_and_drain_local() clears PMBLIMITR_EL1. */
	e = acc(&v, &b, LIMITR, true, 0);
	assert_true(e.program);
	assert_false(e.running || e.ignored);
	e = acc(&v, &b, SR, false, 0);
	assert_int_equal(e.read_value, 0);
}

static void writes_are_ignored_while_collecting(void **state)
{
	struct spevirt_view v = make_view(1, 2, HOST_NVM, 1, 1, 0, 0);
	struct spevirt_buffer b = { .pmbptr_el1 = BASE, .pmblimitr_el1 = (BASE + MIB) | E };
	struct spevirt_buffer before = b;
	struct spevirt_buffer_effect e;

	(void)state;
	e = acc(&v, &b, PTR, true, BASE + 4096);
	assert_true(e.ignored && e.running);
	assert_false(e.program);
	assert_true(acc(&v, &b, SR, true, S).ignored);
	assert_true(acc(&v, &b, MAR, true, 0x3ff).ignored);
	/* A PMBLIMITR_EL1 write that keeps E is ignored too. */
	assert_true(acc(&v, &b, LIMITR, true, (BASE + 2 * MIB) | E).ignored);
	assert_memory_equal(&b, &before, sizeof(b));
}

static void a_limitr_write_that_clears_e_is_taken(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 0, 0);
	struct spevirt_buffer b = { .pmbptr_el1 = BASE, .pmblimitr_el1 = (BASE + MIB) | E };
	struct spevirt_buffer_effect e;

	(void)state;
	e = acc(&v, &b, LIMITR, true, BASE + 2 * MIB);
	assert_false(e.ignored || e.running);
	assert_true(e.program);
	assert_int_equal(b.pmblimitr_el1, BASE + 2 * MIB);
}

static void writes_are_taken_once_an_event_stopped_collection(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 0, 0);
	struct spevirt_buffer b = { .pmbptr_el1 = BASE, .pmblimitr_el1 = (BASE + MIB) | E,
				    .pmbsr_el1 = S };

	(void)state;
	assert_false(acc(&v, &b, PTR, true, BASE + 4096).ignored);
	assert_int_equal(b.pmbptr_el1, BASE + 4096);
}

static void nvm_reads_as_zero_without_guest_nvm(void **state)
{
	struct spevirt_view v = make_view(1, 2, HOST_NVM, 1, 0, 0, 0);
	struct spevirt_view vn = make_view(1, 2, HOST_NVM, 1, 1, 0, 0);
	struct spevirt_buffer b = { 0 };

	(void)state;
	acc(&v, &b, LIMITR, true, BASE | SPEVIRT_PMBLIMITR_EL1_NVM);
	assert_int_equal(b.pmblimitr_el1, BASE);
	acc(&vn, &b, LIMITR, true, BASE | SPEVIRT_PMBLIMITR_EL1_NVM);
	assert_int_equal(b.pmblimitr_el1, BASE | SPEVIRT_PMBLIMITR_EL1_NVM);
}

static void pmfz_and_discard_exist_from_v1p2(void **state)
{
	struct spevirt_view v11 = make_view(2, 1, 0, 2, 0, 0, 0);
	struct spevirt_view v12 = make_view(3, 1, 0, 3, 0, 0, 0);
	uint64_t val = BASE | SPEVIRT_PMBLIMITR_EL1_PMFZ |
		       (SPEVIRT_PMBLIMITR_EL1_FM_DISCARD << SPEVIRT_PMBLIMITR_EL1_FM_SHIFT);
	struct spevirt_buffer b = { 0 };

	(void)state;
	acc(&v11, &b, LIMITR, true, val);
	assert_int_equal(b.pmblimitr_el1, BASE);
	acc(&v12, &b, LIMITR, true, val);
	assert_int_equal(b.pmblimitr_el1, val);
}

static void reserved_fill_modes_behave_as_fill(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 0, 0);
	struct spevirt_buffer b = { 0 };

	(void)state;
	acc(&v, &b, LIMITR, true, BASE | (1ULL << SPEVIRT_PMBLIMITR_EL1_FM_SHIFT));
	assert_int_equal(b.pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_FM, 0);
	acc(&v, &b, LIMITR, true, BASE | (3ULL << SPEVIRT_PMBLIMITR_EL1_FM_SHIFT));
	assert_int_equal(b.pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_FM, 0);
}

static void res0_bits_read_as_zero(void **state)
{
	struct spevirt_view v = make_view(3, 2, HOST_NVM, 3, 1, 0, 0);
	struct spevirt_buffer b = { 0 };

	(void)state;
	acc(&v, &b, MAR, true, ~0ULL);
	assert_int_equal(b.pmbmar_el1, ~SPEVIRT_PMBMAR_EL1_RES0);
	acc(&v, &b, SR, true, ~0ULL & ~S);
	assert_int_equal(b.pmbsr_el1, ~SPEVIRT_PMBSR_EL1_RES0 & ~S);
	acc(&v, &b, LIMITR, true, ~0ULL & ~E);
	assert_int_equal(b.pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_RES0, 0);
	assert_int_equal(acc(&v, &b, MAR, false, 0).read_value, ~SPEVIRT_PMBMAR_EL1_RES0);
}

static void ptr_bits_below_align_are_res0(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 0, 0);
	struct spevirt_buffer b = { 0 };

	(void)state;
	acc(&v, &b, PTR, true, BASE | 0x3f);
	assert_int_equal(b.pmbptr_el1, BASE);
	acc(&v, &b, PTR, true, BASE | 0x40);
	assert_int_equal(b.pmbptr_el1, BASE | 0x40);
}

static void pmbsr_s_drives_the_interrupt(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 0, 0);
	struct spevirt_buffer b = { 0 };

	(void)state;
	assert_true(acc(&v, &b, SR, true, S).irq);
	assert_false(acc(&v, &b, SR, true, 0).irq);
}

static void an_oversized_buffer_raises_buffer_size_and_does_not_start(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 4 * MIB, 0);
	struct spevirt_buffer b = { .pmbptr_el1 = BASE };
	struct spevirt_buffer_effect e;

	(void)state;
	e = acc(&v, &b, LIMITR, true, (BASE + 8 * MIB) | E);
	assert_true(e.event && e.irq);
	assert_false(e.running || e.program);
	assert_int_equal(b.pmbsr_el1, bsc_size_event());
	/* Exactly the limit collects. */
	b = (struct spevirt_buffer){ .pmbptr_el1 = BASE };
	e = acc(&v, &b, LIMITR, true, (BASE + 4 * MIB) | E);
	assert_true(e.running);
	assert_false(e.event);
}

static void a_limitr_write_with_e_0_never_raises_buffer_size(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 4 * MIB, 0);
	struct spevirt_buffer b = { .pmbptr_el1 = BASE };
	struct spevirt_buffer_effect e;

	(void)state;
	/* B9: only an access that starts collection is checked against the limit. */
	e = acc(&v, &b, LIMITR, true, BASE + 8 * MIB);
	assert_false(e.event || e.irq || e.running || e.program);
	assert_int_equal(b.pmbsr_el1, 0);
	assert_int_equal(b.pmblimitr_el1, BASE + 8 * MIB);
}

static void the_size_is_limit_minus_ptr(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 4 * MIB, 0);
	struct spevirt_buffer b = { .pmbptr_el1 = BASE + 4 * MIB };

	(void)state;
	/* An 8 MiB buffer half consumed: 4 MiB left to write, allowed. */
	assert_true(acc(&v, &b, LIMITR, true, (BASE + 8 * MIB) | E).running);
}

static void resuming_by_clearing_s_checks_the_size(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 4 * MIB, 0);
	struct spevirt_buffer b = { .pmbptr_el1 = BASE, .pmblimitr_el1 = (BASE + 8 * MIB) | E,
				    .pmbsr_el1 = S };
	struct spevirt_buffer_effect e;

	(void)state;
	e = acc(&v, &b, SR, true, 0);
	assert_true(e.event && e.irq);
	assert_int_equal(b.pmbsr_el1, bsc_size_event());
}

static void an_unadvertised_limit_is_enforced_too(void **state)
{
	struct spevirt_view v = make_view(3, 0, 0, 3, 0, 4 * MIB, SPEVIRT_CFG_UNADVERTISED_LIMIT);
	struct spevirt_buffer b = { .pmbptr_el1 = BASE };

	(void)state;
	assert_false(v.limit_advertised);
	assert_true(acc(&v, &b, LIMITR, true, (BASE + 8 * MIB) | E).event);
	assert_int_equal(b.pmbsr_el1, bsc_size_event());
}

static void limit_at_or_below_ptr_is_left_to_the_hardware(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 4 * MIB, 0);
	struct spevirt_buffer b = { .pmbptr_el1 = BASE + MIB };
	struct spevirt_buffer_effect e;

	(void)state;
	/* Collection starts; the SPU reports the buffer full at its first record. */
	e = acc(&v, &b, LIMITR, true, BASE | E);
	assert_true(e.running);
	assert_false(e.event);
}

static void an_unlimited_view_never_raises_buffer_size(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 0, 0);
	struct spevirt_buffer b = { .pmbptr_el1 = 0 };

	(void)state;
	assert_true(acc(&v, &b, LIMITR, true, ~0xfffULL | E).running);
}

static void a_stage1_fault_reports_ec_100100_and_fsc(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 0, 0);
	struct spevirt_buffer b = { .pmbptr_el1 = BASE, .pmblimitr_el1 = (BASE + MIB) | E };
	struct spevirt_buffer_effect e;

	(void)state;
	assert_status(spevirt_buffer_abort(&v, &b, 1, 0x7, &b, &e), SPEVIRT_OK);
	assert_int_equal(b.pmbsr_el1, (0x24ULL << 26) | 0x7 | S);
	assert_true(e.event && e.irq && e.program);
	assert_false(e.running);
	assert_status(spevirt_buffer_abort(&v, &b, 2, 0x28, &b, &e), SPEVIRT_OK);
	assert_int_equal(b.pmbsr_el1, (0x25ULL << 26) | 0x28 | S);
}

static void undefined_fault_codes_are_refused(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 0, 0);
	struct spevirt_buffer b = { 0 };
	struct spevirt_buffer_effect e;

	(void)state;
	assert_status(spevirt_buffer_abort(&v, &b, 1, 0x1c, &b, &e), SPEVIRT_E_INVAL);
	assert_status(spevirt_buffer_abort(&v, &b, 1, 64, &b, &e), SPEVIRT_E_INVAL);
	assert_status(spevirt_buffer_abort(&v, &b, 3, 0x7, &b, &e), SPEVIRT_E_INVAL);
	assert_status(spevirt_buffer_abort(NULL, &b, 1, 0x7, &b, &e), SPEVIRT_E_INVAL);
}

static void hardware_events_need_s(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 0, 0);
	struct spevirt_buffer b = { 0 };
	struct spevirt_buffer_effect e;

	(void)state;
	assert_status(spevirt_buffer_hw_event(&v, &b, 0, 0, &b, &e), SPEVIRT_E_INVAL);
	assert_status(spevirt_buffer_hw_event(&v, NULL, S, 0, &b, &e), SPEVIRT_E_INVAL);
}

/*
 * Rule B16, for every PMBSR_EL1.EC value (D24.7.5): BUF, IMPDEF and the
 * stage 1 and stage 2 Data Aborts reach the guest as the hardware reported
 * them; a GPC fault (0b011110, FEAT_RME only, which no guest has) reaches it
 * as a stage 2 Data Abort with FSC 0b010000 (Synchronous External abort),
 * keeping S, DL, EA and COLL; every reserved EC is refused, state unchanged.
 */
static void hw_events_reach_the_guest_only_with_ecs_it_has(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 0, 0);
	const uint64_t flags = S | SPEVIRT_PMBSR_EL1_DL | SPEVIRT_PMBSR_EL1_EA |
			       SPEVIRT_PMBSR_EL1_COLL;
	unsigned int ec;

	(void)state;
	for (ec = 0; ec < 64; ec++) {
		uint64_t hw = ((uint64_t)ec << 26) | flags | 0x7 | (0x5ULL << 32);
		struct spevirt_buffer b = { .pmblimitr_el1 = E, .pmbptr_el1 = BASE };
		struct spevirt_buffer_effect e;
		enum spevirt_status st = spevirt_buffer_hw_event(&v, &b, hw, BASE + 64, &b, &e);

		switch (ec) {
		case 0x00:	/* other buffer management event */
		case 0x1f:	/* IMPLEMENTATION DEFINED */
		case 0x24:	/* stage 1 Data Abort */
		case 0x25:	/* stage 2 Data Abort */
			assert_status(st, SPEVIRT_OK);
			assert_true(b.pmbsr_el1 == hw);
			assert_true(e.irq);
			break;
		case 0x1e:	/* GPC fault */
			assert_status(st, SPEVIRT_OK);
			assert_true(b.pmbsr_el1 == ((0x25ULL << 26) | flags | 0x10));
			assert_true(e.irq);
			break;
		default:
			assert_status(st, SPEVIRT_E_INVAL);
			assert_reason_names(e.reason, "EC");
			assert_true(b.pmbsr_el1 == 0 && b.pmbptr_el1 == BASE);
			break;
		}
	}
}

static void only_buffer_registers_are_emulated(void **state)
{
	struct spevirt_view v = make_view(3, 1, 0, 3, 0, 0, 0);
	struct spevirt_view none = make_view(3, 1, 0, 0, 0, 0, 0);
	struct spevirt_buffer b = { 0 };
	struct spevirt_buffer_effect e;

	(void)state;
	assert_status(spevirt_buffer_access(&v, &b, SPEVIRT_SYSREG_PMSCR_EL1, true, 0, &b, &e),
		      SPEVIRT_E_INVAL);
	assert_status(spevirt_buffer_access(&v, &b, PTR, true, 0, NULL, &e), SPEVIRT_E_INVAL);
	/* PMBMAR_EL1 without FEAT_SPE_nVM, and a guest without SPE: UNDEF. */
	assert_true(acc(&v, &b, MAR, true, 1).undef);
	assert_int_equal(b.pmbmar_el1, 0);
	assert_true(acc(&none, &b, PTR, true, BASE).undef);
	assert_int_equal(b.pmbptr_el1, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(linux_perf_record_start_full_and_stop),
		cmocka_unit_test(writes_are_ignored_while_collecting),
		cmocka_unit_test(a_limitr_write_that_clears_e_is_taken),
		cmocka_unit_test(writes_are_taken_once_an_event_stopped_collection),
		cmocka_unit_test(nvm_reads_as_zero_without_guest_nvm),
		cmocka_unit_test(pmfz_and_discard_exist_from_v1p2),
		cmocka_unit_test(reserved_fill_modes_behave_as_fill),
		cmocka_unit_test(res0_bits_read_as_zero),
		cmocka_unit_test(ptr_bits_below_align_are_res0),
		cmocka_unit_test(pmbsr_s_drives_the_interrupt),
		cmocka_unit_test(an_oversized_buffer_raises_buffer_size_and_does_not_start),
		cmocka_unit_test(a_limitr_write_with_e_0_never_raises_buffer_size),
		cmocka_unit_test(the_size_is_limit_minus_ptr),
		cmocka_unit_test(resuming_by_clearing_s_checks_the_size),
		cmocka_unit_test(an_unadvertised_limit_is_enforced_too),
		cmocka_unit_test(limit_at_or_below_ptr_is_left_to_the_hardware),
		cmocka_unit_test(an_unlimited_view_never_raises_buffer_size),
		cmocka_unit_test(a_stage1_fault_reports_ec_100100_and_fsc),
		cmocka_unit_test(undefined_fault_codes_are_refused),
		cmocka_unit_test(hardware_events_need_s),
		cmocka_unit_test(hw_events_reach_the_guest_only_with_ecs_it_has),
		cmocka_unit_test(only_buffer_registers_are_emulated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
