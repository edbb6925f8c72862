// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The host's values, read from the machine: /sys/kernel/debug/spevirt/host.json
 * holds the five registers spevirt needs, read with MRS on every online CPU
 * and grouped by value (spevirt_hostfile.h), in the host-file format the
 * spevirt tool reads; hosts.jsonl holds the same hosts one per line, so that
 * the files of many machines put end to end are an inventory for 'spevirt
 * fleet'.
 *
 * Only a kernel that booted at EL2 reads the host's values: bare metal with
 * VHE (the kernel at EL2) or nVHE (at EL1, KVM or nothing at EL2, neither
 * trapping these reads).  A kernel that booted at EL1 is a guest: its ID
 * registers are what its hypervisor shows it (KVM: PMSVer 0), and reading
 * PMSIDR_EL1 traps to that hypervisor.  There, or where CPUs booted at
 * different Exception levels, no file is made and the log says why.
 */
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/utsname.h>
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
		return read_sysreg_s(SYS_ID_AA64DFR0_EL1);
	case SPEVIRT_HOSTFILE_ID_AA64DFR2_EL1:
		/* Before its features, "reserved, RES0 from EL1, EL2, and EL3" (D24.2.82). */
		return read_sysreg_s(SPEVIRT_SYS_ID_AA64DFR2_EL1);
	case SPEVIRT_HOSTFILE_ID_AA64MMFR0_EL1:
		return read_sysreg_s(SYS_ID_AA64MMFR0_EL1);
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

/* One of the formats of spevirt_hostfile.h, of every online CPU, into @m. */
static int show_hosts(struct seq_file *m,
		      size_t (*format)(char *buf, size_t size, const char *name,
				       const char *source, const struct spevirt_cpu_regs *cpus,
				       unsigned int nr))
{
	struct spevirt_cpu_regs *regs;
	char source[128];
	unsigned int nr;
	size_t len;
	char *text;

	regs = kcalloc(nr_cpu_ids, sizeof(*regs), GFP_KERNEL);
	if (!regs)
		return -ENOMEM;
	nr = read_cpus(regs);
	snprintf(source, sizeof(source), "spevirt.ko: MRS on Linux %s, kernel at %s",
		 init_utsname()->release, is_kernel_in_hyp_mode() ? "EL2 (VHE)" : "EL1 (nVHE)");
	len = format(NULL, 0, init_utsname()->nodename, source, regs, nr);
	text = kvmalloc(len + 1, GFP_KERNEL);
	if (text) {
		format(text, len + 1, init_utsname()->nodename, source, regs, nr);
		seq_write(m, text, len);
		kvfree(text);
	}
	kfree(regs);
	return text ? 0 : -ENOMEM;
}

static int host_show(struct seq_file *m, void *unused)
{
	return show_hosts(m, spevirt_hostfile_format);
}
DEFINE_SHOW_ATTRIBUTE(host);

/* JSON Lines: the machines' files put end to end are a fleet inventory. */
static int hosts_lines_show(struct seq_file *m, void *unused)
{
	return show_hosts(m, spevirt_hostfile_format_lines);
}
DEFINE_SHOW_ATTRIBUTE(hosts_lines);

void spevirt_hostinfo_init(void)
{
	if (!is_hyp_mode_available()) {
		pr_info("spevirt: no host.json: this kernel did not boot at EL2 on every CPU, so its ID registers are a hypervisor's guest view (or EL2 is missing), not the host's values\n");
		return;
	}
	spevirt_debugfs = debugfs_create_dir("spevirt", NULL);
	debugfs_create_file("host.json", 0400, spevirt_debugfs, NULL, &host_fops);
	debugfs_create_file("hosts.jsonl", 0400, spevirt_debugfs, NULL, &hosts_lines_fops);
}

void spevirt_hostinfo_exit(void)
{
	debugfs_remove_recursive(spevirt_debugfs);
}
