// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The host's values, read from the machine: /sys/kernel/debug/spevirt/host.json
 * holds the five registers spevirt needs, read with MRS on every online CPU
 * and grouped by value (spevirt_hostfile.h), in the host-file format the
 * spevirt tool reads; hosts.jsonl holds the same hosts one per line, so that
 * the files of many machines put end to end are an inventory for 'spevirt
 * fleet'.
 *
 * ID_AA64DFR0_EL1 and ID_AA64MMFR0_EL1 are the kernel's sanitised values,
 * the system-wide values KVM builds its guests' ID registers from
 * (read_sanitised_ftr_reg()): PMSVer is 0 there unless every CPU has the
 * same SPE version.  The kernel does not sanitise PMSIDR_EL1, PMBIDR_EL1
 * or, in the kernels that do not know it, ID_AA64DFR2_EL1, so those are
 * read on each CPU and CPUs whose values differ are separate hosts.
 *
 * A kernel at EL1 may be an nVHE host or a guest; in a guest the values are
 * its hypervisor's view (KVM shows PMSVer 0, and nothing else is read), and
 * the file's "source" says at which Exception level the kernel runs.
 */
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/utsname.h>
#include <asm/cpufeature.h>
#include <asm/sysreg.h>
#include <asm/virt.h>

#include "spevirt_hostfile.h"
#include "spevirt_hostinfo.h"

/* Not named in Linux 6.1's sysreg.h: op0 3, op1 0, CRn 0, CRm 5, op2 2 (D24.2.82). */
#define SPEVIRT_SYS_ID_AA64DFR2_EL1	sys_reg(3, 0, 0, 5, 2)

static struct dentry *spevirt_debugfs;

static u64 read_reg(enum spevirt_hostfile_reg reg)
{
	switch (reg) {
	case SPEVIRT_HOSTFILE_ID_AA64DFR0_EL1:
		return read_sanitised_ftr_reg(SYS_ID_AA64DFR0_EL1);
	case SPEVIRT_HOSTFILE_ID_AA64DFR2_EL1:
		/* Before its features, "reserved, RES0 from EL1, EL2, and EL3" (D24.2.82). */
		return read_sysreg_s(SPEVIRT_SYS_ID_AA64DFR2_EL1);
	case SPEVIRT_HOSTFILE_ID_AA64MMFR0_EL1:
		return read_sanitised_ftr_reg(SYS_ID_AA64MMFR0_EL1);
	case SPEVIRT_HOSTFILE_PMSIDR_EL1:
		return read_sysreg_s(SYS_PMSIDR_EL1);
	case SPEVIRT_HOSTFILE_PMBIDR_EL1:
		return read_sysreg_s(SYS_PMBIDR_EL1);
	default:
		return 0;
	}
}

static void read_this_cpu(void *info)
{
	spevirt_hostfile_read(info, smp_processor_id(), read_reg);
}

/* Every online CPU's values, in CPU order: how many were read. */
static unsigned int read_cpus(struct spevirt_cpu_regs *regs)
{
	unsigned int cpu, n = 0;

	cpus_read_lock();
	for_each_online_cpu(cpu)
		if (!smp_call_function_single(cpu, read_this_cpu, &regs[n], 1))
			n++;
	cpus_read_unlock();
	return n;
}

static void seq_sink_write(void *m, const char *text, size_t len)
{
	seq_write(m, text, len);
}

/*
 * One of the forms of spevirt_hostfile.h, of every online CPU, into @m:
 * seq_file calls this again with a larger buffer when the text overflows.
 */
static int show_hosts(struct seq_file *m, enum spevirt_hostfile_form form)
{
	const struct spevirt_hostfile_sink sink = { seq_sink_write, m };
	struct spevirt_cpu_regs *regs;
	char source[128];
	unsigned int nr;

	regs = kcalloc(nr_cpu_ids, sizeof(*regs), GFP_KERNEL);
	if (!regs)
		return -ENOMEM;
	nr = read_cpus(regs);
	snprintf(source, sizeof(source), "spevirt.ko: MRS on Linux %s, kernel at %s",
		 init_utsname()->release,
		 is_kernel_in_hyp_mode() ? "EL2 (VHE)" : "EL1 (an nVHE host, or a guest)");
	spevirt_hostfile_print(&sink, form, init_utsname()->nodename, source, regs, nr);
	kfree(regs);
	return 0;
}

static int host_show(struct seq_file *m, void *unused)
{
	return show_hosts(m, SPEVIRT_HOSTFILE_ARRAY);
}
DEFINE_SHOW_ATTRIBUTE(host);

/* JSON Lines: the machines' files put end to end are a fleet inventory. */
static int hosts_lines_show(struct seq_file *m, void *unused)
{
	return show_hosts(m, SPEVIRT_HOSTFILE_LINES);
}
DEFINE_SHOW_ATTRIBUTE(hosts_lines);

void spevirt_hostinfo_init(void)
{
	spevirt_debugfs = debugfs_create_dir("spevirt", NULL);
	debugfs_create_file("host.json", 0400, spevirt_debugfs, NULL, &host_fops);
	debugfs_create_file("hosts.jsonl", 0400, spevirt_debugfs, NULL, &hosts_lines_fops);
}

void spevirt_hostinfo_exit(void)
{
	debugfs_remove_recursive(spevirt_debugfs);
}
