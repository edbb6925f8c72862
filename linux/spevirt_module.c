// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * spevirt in a kernel: the library, unchanged.  Built in, its user (KVM)
 * calls it directly and nothing is exported; as a module (MODULE, spevirt=m)
 * its API is exported here, and only here, to the hypervisor module that
 * links against it.  The library has no state; with SPEVIRT_HOSTFILE the
 * module also gives the machine's own values as a host file
 * (spevirt_hostinfo.c).
 */
#include <linux/export.h>
#include <linux/init.h>
#include <linux/module.h>

#include <spevirt/spevirt.h>
#include <spevirt/spevirt_audit.h>
#include <spevirt/spevirt_nested.h>
#include <spevirt/spevirt_regdesc.h>
#include <spevirt/spevirt_errno.h>	/* built here under the kernel's flags too */

#include "spevirt_hostinfo.h"

#ifdef MODULE
/* The core: what a hypervisor calls while its guests run. */
EXPORT_SYMBOL_GPL(spevirt_version);
EXPORT_SYMBOL_GPL(spevirt_strerror);
EXPORT_SYMBOL_GPL(spevirt_view_compute);
EXPORT_SYMBOL_GPL(spevirt_view_present);
EXPORT_SYMBOL_GPL(spevirt_access);
EXPORT_SYMBOL_GPL(spevirt_access_trapped);
EXPORT_SYMBOL_GPL(spevirt_sysreg_from_iss);
EXPORT_SYMBOL_GPL(spevirt_context_regs);
EXPORT_SYMBOL_GPL(spevirt_leak_name);
EXPORT_SYMBOL_GPL(spevirt_leak_describe);
EXPORT_SYMBOL_GPL(spevirt_buffer_access);
EXPORT_SYMBOL_GPL(spevirt_buffer_hw_event);
EXPORT_SYMBOL_GPL(spevirt_buffer_abort);
EXPORT_SYMBOL_GPL(spevirt_maxbuf_encode);
EXPORT_SYMBOL_GPL(spevirt_maxbuf_decode);
#ifdef SPEVIRT_HAVE_OFFERS
EXPORT_SYMBOL_GPL(spevirt_best_offer);
EXPORT_SYMBOL_GPL(spevirt_best_offer_report);
EXPORT_SYMBOL_GPL(spevirt_pool_compute);
EXPORT_SYMBOL_GPL(spevirt_pool_best_offer);
EXPORT_SYMBOL_GPL(spevirt_migrate_check);
#endif
#ifdef SPEVIRT_HAVE_AUDIT
EXPORT_SYMBOL_GPL(spevirt_hw_access);
EXPORT_SYMBOL_GPL(spevirt_hw_rule_text);
EXPORT_SYMBOL_GPL(spevirt_audit);
EXPORT_SYMBOL_GPL(spevirt_finding_class_name);
EXPORT_SYMBOL_GPL(spevirt_view_hypervisor);
#endif
#ifdef SPEVIRT_HAVE_NESTED
EXPORT_SYMBOL_GPL(spevirt_nested_compose);
EXPORT_SYMBOL_GPL(spevirt_vncr_offset);
EXPORT_SYMBOL_GPL(spevirt_nested_esr);
EXPORT_SYMBOL_GPL(spevirt_nested_max_fgt);
#endif
#ifdef SPEVIRT_HAVE_REGDESC
EXPORT_SYMBOL_GPL(spevirt_reg_count);
EXPORT_SYMBOL_GPL(spevirt_reg_get);
EXPORT_SYMBOL_GPL(spevirt_reg_find);
#endif
#endif /* MODULE */

#ifdef SPEVIRT_HAVE_HOSTFILE
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
