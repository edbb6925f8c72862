// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * spevirt as a kernel module: the library, unchanged, and its API exported
 * to the hypervisor (KVM, or any module) that links against it.  The
 * library has no state; on arm64 the module also gives the machine's own
 * values as a host file (spevirt_hostinfo.c).
 */
#include <linux/export.h>
#include <linux/module.h>

#include <spevirt/spevirt.h>
#include <spevirt/spevirt_audit.h>
#include <spevirt/spevirt_regdesc.h>
#include <spevirt/spevirt_errno.h>	/* built here under the kernel's flags too */

#include "spevirt_hostinfo.h"

EXPORT_SYMBOL_GPL(spevirt_version);
EXPORT_SYMBOL_GPL(spevirt_strerror);
EXPORT_SYMBOL_GPL(spevirt_view_compute);
EXPORT_SYMBOL_GPL(spevirt_access);
EXPORT_SYMBOL_GPL(spevirt_access_trapped);
EXPORT_SYMBOL_GPL(spevirt_sysreg_from_iss);
EXPORT_SYMBOL_GPL(spevirt_context_regs);
EXPORT_SYMBOL_GPL(spevirt_best_offer);
EXPORT_SYMBOL_GPL(spevirt_best_offer_report);
EXPORT_SYMBOL_GPL(spevirt_view_present);
EXPORT_SYMBOL_GPL(spevirt_pool_compute);
EXPORT_SYMBOL_GPL(spevirt_pool_best_offer);
EXPORT_SYMBOL_GPL(spevirt_migrate_check);
EXPORT_SYMBOL_GPL(spevirt_leak_name);
EXPORT_SYMBOL_GPL(spevirt_leak_describe);
EXPORT_SYMBOL_GPL(spevirt_buffer_access);
EXPORT_SYMBOL_GPL(spevirt_buffer_hw_event);
EXPORT_SYMBOL_GPL(spevirt_buffer_abort);
EXPORT_SYMBOL_GPL(spevirt_maxbuf_encode);
EXPORT_SYMBOL_GPL(spevirt_maxbuf_decode);
EXPORT_SYMBOL_GPL(spevirt_hw_access);
EXPORT_SYMBOL_GPL(spevirt_hw_rule_text);
EXPORT_SYMBOL_GPL(spevirt_audit);
EXPORT_SYMBOL_GPL(spevirt_finding_class_name);
EXPORT_SYMBOL_GPL(spevirt_view_hypervisor);
#ifdef SPEVIRT_HAVE_REGDESC
EXPORT_SYMBOL_GPL(spevirt_reg_count);
EXPORT_SYMBOL_GPL(spevirt_reg_get);
EXPORT_SYMBOL_GPL(spevirt_reg_find);
#endif

#ifdef CONFIG_ARM64
static int __init spevirt_init(void)
{
	spevirt_hostinfo_init();
	return 0;
}
module_init(spevirt_init);

static void __exit spevirt_exit(void)
{
	spevirt_hostinfo_exit();
}
module_exit(spevirt_exit);
#endif

MODULE_DESCRIPTION("spevirt: how a hypervisor virtualizes Arm SPE for a guest");
MODULE_LICENSE("Dual BSD/GPL");
