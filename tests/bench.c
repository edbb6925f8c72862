// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Hot-path benchmark: ns per spevirt_view_compute() and per spevirt_access().
 * usage: bench [N]  (N calls of each; default 2000000)
 * Under valgrind --tool=callgrind, run with a small N and --toggle-collect to
 * count instructions per call (./dev bench does).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
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

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 0) : 2000000;
	struct spevirt_config cfg = {
		.profile = SPEVIRT_PROFILE_DEFAULT,
		.pmsver = SPEVIRT_PMSVER_V1P2,
		.max_buffer_size = 4 << 20,
	};
	struct spevirt_view view;
	volatile unsigned int sink = 0;
	double t0, t1, t2;
	long i;

	t0 = now_ns();
	for (i = 0; i < n; i++) {
		cfg.pmsver = (unsigned int)(1 + (i & 1) * 2);
		sink += (unsigned int)spevirt_view_compute(&host, &cfg, &view);
	}
	t1 = now_ns();
	for (i = 0; i < n; i++)
		sink += (unsigned int)spevirt_access(&view, regs[i & 15], (i >> 4) & 1);
	t2 = now_ns();
	if (n > 0)
		printf("spevirt_view_compute: %.1f ns/call\nspevirt_access: %.2f ns/call\n",
		       (t1 - t0) / (double)n, (t2 - t1) / (double)n);
	return sink == 0xffffffffU;
}
