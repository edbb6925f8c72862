/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_HOSTFILE_H
#define SPEVIRT_HOSTFILE_H

/*
 * A machine's SPE ID registers as the spevirt tool's host file
 * (docs/cli-json.md, "Host files"): read on each CPU, then one host per set
 * of CPUs whose values are the same.  Reading a register is the caller's
 * (the module's MRS on arm64, a test's stub); the order of the reads, the
 * grouping and the JSON are here, with nothing from the kernel or libc, so
 * user space tests them as the module runs them.
 */
#ifdef SPEVIRT_ENV_HEADER
#include SPEVIRT_ENV_HEADER
#else
#include <spevirt/spevirt_env.h>
#endif

enum spevirt_hostfile_reg {
	SPEVIRT_HOSTFILE_ID_AA64DFR0_EL1,
	SPEVIRT_HOSTFILE_ID_AA64DFR2_EL1,
	SPEVIRT_HOSTFILE_ID_AA64MMFR0_EL1,
	SPEVIRT_HOSTFILE_PMSIDR_EL1,
	SPEVIRT_HOSTFILE_PMBIDR_EL1,
	SPEVIRT_HOSTFILE_NR_REGS,
};

/**
 * struct spevirt_cpu_regs - one CPU's values
 * @cpu: its number
 * @val: each register, by enum spevirt_hostfile_reg
 */
struct spevirt_cpu_regs {
	unsigned int cpu;
	uint64_t val[SPEVIRT_HOSTFILE_NR_REGS];
};

/**
 * spevirt_hostfile_read() - read this CPU's registers
 * @regs: where the values go
 * @cpu: this CPU's number
 * @read: reads one register on this CPU
 *
 * ID_AA64DFR0_EL1 is read first: with PMSVer 0 the CPU has no SPE, its
 * PMSIDR_EL1 and PMBIDR_EL1 UNDEF and are not read, and they are given as 0.
 */
void spevirt_hostfile_read(struct spevirt_cpu_regs *regs, unsigned int cpu,
			   uint64_t (*read)(enum spevirt_hostfile_reg reg));

/* The two layouts: the host file's JSON array, or JSON Lines. */
enum spevirt_hostfile_form {
	SPEVIRT_HOSTFILE_ARRAY,
	SPEVIRT_HOSTFILE_LINES,
};

/**
 * struct spevirt_hostfile_sink - where the text goes
 * @write: takes each piece of the text, in order (not NUL-terminated): the
 *	module's seq_write(), a test's buffer
 * @ctx: passed to @write
 */
struct spevirt_hostfile_sink {
	void (*write)(void *ctx, const char *text, size_t len);
	void *ctx;
};

/**
 * spevirt_hostfile_print() - the host file of a set of CPUs, into a sink
 * @sink: where the text goes
 * @form: the array of spevirt_hostfile_format() or the lines of
 *	spevirt_hostfile_format_lines()
 * @name: as for spevirt_hostfile_format()
 * @source: as for spevirt_hostfile_format()
 * @cpus: as for spevirt_hostfile_format()
 * @nr: as for spevirt_hostfile_format()
 */
void spevirt_hostfile_print(const struct spevirt_hostfile_sink *sink,
			    enum spevirt_hostfile_form form, const char *name,
			    const char *source, const struct spevirt_cpu_regs *cpus,
			    unsigned int nr);

/**
 * spevirt_hostfile_format() - the host file of a set of CPUs
 * @buf: where the text goes, NUL-terminated (may be NULL when @size is 0)
 * @size: bytes at @buf
 * @name: the machine's name
 * @source: where the values come from, for the "source" member
 * @cpus: the CPUs' values, in CPU order
 * @nr: how many (at least 1)
 *
 * One host object per distinct set of values, in the order of the first
 * CPU that has it, in a JSON array.  With more than one, each name and
 * source is followed by its CPU list ("cpus 0-3,6").  Strings are JSON
 * escaped.
 *
 * Return: the length of the whole text without its NUL, as snprintf(): the
 * text is cut short when it is not less than @size.
 */
size_t spevirt_hostfile_format(char *buf, size_t size, const char *name, const char *source,
			       const struct spevirt_cpu_regs *cpus, unsigned int nr);

/**
 * spevirt_hostfile_format_lines() - the same hosts as JSON Lines
 * @buf: as for spevirt_hostfile_format()
 * @size: as for spevirt_hostfile_format()
 * @name: as for spevirt_hostfile_format()
 * @source: as for spevirt_hostfile_format()
 * @cpus: as for spevirt_hostfile_format()
 * @nr: as for spevirt_hostfile_format()
 *
 * Each host object on a line of its own, without the array: the machines'
 * outputs put one after the other are a fleet inventory for 'spevirt
 * fleet'.
 *
 * Return: as spevirt_hostfile_format().
 */
size_t spevirt_hostfile_format_lines(char *buf, size_t size, const char *name,
				     const char *source, const struct spevirt_cpu_regs *cpus,
				     unsigned int nr);

#endif /* SPEVIRT_HOSTFILE_H */
