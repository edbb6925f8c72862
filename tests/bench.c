// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Hot-path benchmark: ns per spevirt_view_compute(), per spevirt_access(), and
 * per trapped PMSIDR_EL1 read (decision and value) out of line and inline.
 * usage: bench [N [LOOP]]  (N calls of each loop, or of LOOP only: view, access,
 * read_call, read_inline; default 2000000)
 * Under valgrind --tool=callgrind, run with a small N and --toggle-collect to
 * count instructions per call (./dev bench does).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <spevirt/spevirt.h>

/* The Armv8.7 default host of the spevirt tool, with a 4 MiB limit. */
static const struct spevirt_host host = {
	.id_aa64dfr0_el1 = 0x0000000310305709ULL,
	.id_aa64mmfr0_el1 = 0x0100000000000000ULL,
	.pmsidr_el1 = 0x26457,
	.pmbidr_el1 = 0x220,
};

static const uint32_t regs[] = {
	SPEVIRT_SYSREG_PMSCR_EL1, SPEVIRT_SYSREG_PMSNEVFR_EL1, SPEVIRT_SYSREG_PMSICR_EL1,
	SPEVIRT_SYSREG_PMSIRR_EL1, SPEVIRT_SYSREG_PMSFCR_EL1, SPEVIRT_SYSREG_PMSEVFR_EL1,
	SPEVIRT_SYSREG_PMSLATFR_EL1, SPEVIRT_SYSREG_PMSIDR_EL1, SPEVIRT_SYSREG_PMBLIMITR_EL1,
	SPEVIRT_SYSREG_PMBPTR_EL1, SPEVIRT_SYSREG_PMBSR_EL1, SPEVIRT_SYSREG_PMSDSFR_EL1,
	SPEVIRT_SYSREG_PMBMAR_EL1, SPEVIRT_SYSREG_PMBIDR_EL1, SPEVIRT_SYSREG_MDCR_EL2, 0,
};

/*
 * A trap handler's work for a guest MRS of PMSIDR_EL1: the decision, then
 * the value to return.  The loop calls each through a volatile function
 * pointer, as KVM calls a sys_reg_desc's .access hook: every iteration
 * makes the call, which the compiler could otherwise hoist as pure.  Out of line: the exported spevirt_access(); inline:
 * spevirt_access_inline() and spevirt_read_view() from the header.
 */
static __attribute__((noinline)) uint64_t
bench_pmsidr_read_call(const struct spevirt_view *view)
{
	if (spevirt_access(view, SPEVIRT_SYSREG_PMSIDR_EL1, false) != SPEVIRT_ACCESS_READ_VIEW)
		return 0;
	return view->pmsidr_el1;
}

static __attribute__((noinline)) uint64_t
bench_pmsidr_read_inline(const struct spevirt_view *view)
{
	if (spevirt_access_inline(view, SPEVIRT_SYSREG_PMSIDR_EL1, false) !=
	    SPEVIRT_ACCESS_READ_VIEW)
		return 0;
	return spevirt_read_view(view, SPEVIRT_SYSREG_PMSIDR_EL1);
}

/* A PMSIDR_EL1 hook, which knows its register: spevirt_read_pmsidr(). */
static __attribute__((noinline)) uint64_t
bench_pmsidr_read_slot(const struct spevirt_view *view)
{
	uint64_t value;

	if (spevirt_read_pmsidr(view, &value) != SPEVIRT_ACCESS_READ_VIEW)
		return 0;
	return value;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Time @n calls of loop @which (an index into loops[] of main()), in ns per call. */
static double run(unsigned int which, long n, struct spevirt_config *cfg,
		  struct spevirt_view *view)
{
	uint64_t (*volatile hook)(const struct spevirt_view *view);
	volatile unsigned int sink = 0;
	double t0 = now_ns();
	long i;

	switch (which) {
	case 0:
		for (i = 0; i < n; i++) {
			cfg->pmsver = (unsigned int)(1 + (i & 1) * 2);
			sink += (unsigned int)spevirt_view_compute(&host, cfg, view);
		}
		break;
	case 1:
		for (i = 0; i < n; i++)
			sink += (unsigned int)spevirt_access(view, regs[i & 15], (i >> 4) & 1);
		break;
	default:
		hook = which == 2 ? bench_pmsidr_read_call :
		       which == 3 ? bench_pmsidr_read_inline : bench_pmsidr_read_slot;
		for (i = 0; i < n; i++)
			sink += (unsigned int)hook(view);
		break;
	}
	(void)sink;
	return n > 0 ? (now_ns() - t0) / (double)n : 0;
}

int main(int argc, char **argv)
{
	static const char *const loops[] = {
		"view", "access", "read_call", "read_inline", "read_pmsidr",
	};
	static const char *const names[] = {
		"spevirt_view_compute", "spevirt_access",
		"trapped PMSIDR_EL1 read, spevirt_access()",
		"trapped PMSIDR_EL1 read, spevirt_access_inline()",
		"trapped PMSIDR_EL1 read, spevirt_read_pmsidr()",
	};
	long n = argc > 1 ? strtol(argv[1], NULL, 0) : 2000000;
	const char *only = argc > 2 ? argv[2] : NULL;
	struct spevirt_config cfg = {
		.profile = SPEVIRT_PROFILE_DEFAULT,
		.pmsver = SPEVIRT_PMSVER_V1P2,
		.max_buffer_size = 4 << 20,
	};
	struct spevirt_view view;
	unsigned int i;

	if (spevirt_view_compute(&host, &cfg, &view) != SPEVIRT_OK)
		return 1;
	for (i = 0; i < sizeof(loops) / sizeof(loops[0]); i++)
		if (!only || !strcmp(only, loops[i]))
			printf("%s: %.2f ns/call\n", names[i], run(i, n, &cfg, &view));
	return 0;
}
