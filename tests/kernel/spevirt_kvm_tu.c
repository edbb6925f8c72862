// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * spevirt in a KVM translation unit, as a KVM file would use it: the
 * kernel's and KVM's headers first, then spevirt's, with nothing but an
 * include path (no -D).  './dev kernel' builds it in arch/arm64/kvm/ of an
 * arm64 tree, and for x86-64 as spevirt's COMPILE_TEST would (KVM's arm64
 * headers left out there).
 *
 * On arm64, sys_reg_desc .access hooks answer trapped PMSIDR_EL1 and
 * PMBIDR_EL1 reads from a view, and the build checks that spevirt's
 * encodings and field positions are the kernel's.
 */
#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/kvm_host.h>
#include <linux/module.h>
#ifdef CONFIG_ARM64
#include <asm/kvm_emulate.h>
#include <asm/sysreg.h>

#include "sys_regs.h"
#endif

#include <spevirt/spevirt.h>
#include <spevirt/spevirt_errno.h>

#include "spevirt_kvm_tu.h"

/* The errno of a refusal, as a KVM ioctl returns it, from the kernel's linux/errno.h. */
static_assert(-EINVAL == -22);
static_assert(sizeof(uint64_t) == sizeof(u64));

/*
 * A trap handler that has only the encoding (a catch-all MRS handler): the
 * decision through spevirt's range check and table, then the value.
 */
bool spevirt_kvm_read_by_encoding(const struct spevirt_view *view, u32 sysreg, u64 *val)
{
	if (spevirt_access_inline(view, sysreg, false) != SPEVIRT_ACCESS_READ_VIEW)
		return false;
	*val = spevirt_read_view(view, sysreg);
	return true;
}

#ifdef CONFIG_ARM64
/*
 * spevirt's encoding is the kernel's sys_reg() (op0 [20:19], op1 [18:16],
 * CRn [15:12], CRm [11:8], op2 [7:5]), so each SPE register's encoding is
 * the kernel's SYS_ value itself.
 */
static_assert(SPEVIRT_SYSREG(3, 0, 9, 9, 7) == sys_reg(3, 0, 9, 9, 7));
static_assert(SYS_PMSCR_EL1 == SPEVIRT_SYSREG_PMSCR_EL1);
static_assert(SYS_PMSICR_EL1 == SPEVIRT_SYSREG_PMSICR_EL1);
static_assert(SYS_PMSIRR_EL1 == SPEVIRT_SYSREG_PMSIRR_EL1);
static_assert(SYS_PMSFCR_EL1 == SPEVIRT_SYSREG_PMSFCR_EL1);
static_assert(SYS_PMSEVFR_EL1 == SPEVIRT_SYSREG_PMSEVFR_EL1);
static_assert(SYS_PMSLATFR_EL1 == SPEVIRT_SYSREG_PMSLATFR_EL1);
static_assert(SYS_PMSIDR_EL1 == SPEVIRT_SYSREG_PMSIDR_EL1);
static_assert(SYS_PMBLIMITR_EL1 == SPEVIRT_SYSREG_PMBLIMITR_EL1);
static_assert(SYS_PMBPTR_EL1 == SPEVIRT_SYSREG_PMBPTR_EL1);
static_assert(SYS_PMBSR_EL1 == SPEVIRT_SYSREG_PMBSR_EL1);
static_assert(SYS_PMBIDR_EL1 == SPEVIRT_SYSREG_PMBIDR_EL1);

/* Field positions the guest's driver decodes: the kernel's and spevirt's agree. */
static_assert(SYS_PMSIDR_EL1_INTERVAL_SHIFT == SPEVIRT_PMSIDR_EL1_INTERVAL_SHIFT);
static_assert(SYS_PMSIDR_EL1_MAXSIZE_SHIFT == SPEVIRT_PMSIDR_EL1_MAXSIZE_SHIFT);
static_assert(SYS_PMSIDR_EL1_COUNTSIZE_SHIFT == SPEVIRT_PMSIDR_EL1_COUNTSIZE_SHIFT);
static_assert(SYS_PMBIDR_EL1_ALIGN_SHIFT == SPEVIRT_PMBIDR_EL1_ALIGN_SHIFT);
static_assert(SYS_PMBIDR_EL1_P_SHIFT == SPEVIRT_PMBIDR_EL1_P_SHIFT);
static_assert(SYS_PMBSR_EL1_EC_SHIFT == SPEVIRT_PMBSR_EL1_EC_SHIFT);
static_assert(SYS_PMSCR_EL1_PA_SHIFT == SPEVIRT_PMSCR_EL1_PA_SHIFT);

/*
 * The part of a trapped ID read that is spevirt's, in a generic hook: the
 * decision for the register KVM has already found (@r), and the value the
 * guest reads.  False: not a read spevirt answers from the view (the
 * caller injects the UNDEF).
 */
bool spevirt_kvm_access_id(const struct spevirt_view *view, struct sys_reg_params *p,
			   const struct sys_reg_desc *r)
{
	u32 sysreg = SPEVIRT_SYSREG(r->Op0, r->Op1, r->CRn, r->CRm, r->Op2);

	if (spevirt_access_inline(view, sysreg, p->is_write) != SPEVIRT_ACCESS_READ_VIEW)
		return false;
	p->regval = spevirt_read_view(view, sysreg);
	return true;
}

/*
 * The PMSIDR_EL1 and PMBIDR_EL1 hooks: each knows its register, so
 * spevirt's part is a load of the value and a load of the decision.
 * notrace: './dev kernel' counts their instructions without ftrace's
 * patchable entry.
 */
bool notrace spevirt_kvm_read_pmsidr(const struct spevirt_view *view, struct sys_reg_params *p)
{
	return spevirt_read_pmsidr(view, &p->regval) == SPEVIRT_ACCESS_READ_VIEW;
}

bool notrace spevirt_kvm_read_pmbidr(const struct spevirt_view *view, struct sys_reg_params *p)
{
	return spevirt_read_pmbidr(view, &p->regval) == SPEVIRT_ACCESS_READ_VIEW;
}
#endif /* CONFIG_ARM64 */

#ifdef MODULE
MODULE_DESCRIPTION("spevirt in a KVM translation unit (a build test)");
MODULE_LICENSE("Dual BSD/GPL");
#endif
