// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * spevirt in a KVM/arm64 translation unit, as a KVM file would use it: the
 * kernel's and KVM's headers first, then spevirt's, with nothing but an
 * include path (no -D).  A sys_reg_desc .access hook answers a trapped
 * PMSIDR_EL1 or PMBIDR_EL1 read from a view, and the build checks that
 * spevirt's encodings and field positions are the kernel's.
 */
#include <linux/build_bug.h>
#include <linux/kvm_host.h>
#include <linux/module.h>
#include <asm/kvm_emulate.h>
#include <asm/sysreg.h>

#include "sys_regs.h"

#include <spevirt/spevirt.h>
#include <spevirt/spevirt_errno.h>

#include "spevirt_kvm_tu.h"

/* The kernel's encoding of a register, in spevirt's form. */
#define SPEVIRT_OF(reg)							\
	SPEVIRT_SYSREG(sys_reg_Op0(reg), sys_reg_Op1(reg), sys_reg_CRn(reg),	\
		       sys_reg_CRm(reg), sys_reg_Op2(reg))

static_assert(SPEVIRT_OF(SYS_PMSCR_EL1) == SPEVIRT_SYSREG_PMSCR_EL1);
static_assert(SPEVIRT_OF(SYS_PMSICR_EL1) == SPEVIRT_SYSREG_PMSICR_EL1);
static_assert(SPEVIRT_OF(SYS_PMSIRR_EL1) == SPEVIRT_SYSREG_PMSIRR_EL1);
static_assert(SPEVIRT_OF(SYS_PMSFCR_EL1) == SPEVIRT_SYSREG_PMSFCR_EL1);
static_assert(SPEVIRT_OF(SYS_PMSEVFR_EL1) == SPEVIRT_SYSREG_PMSEVFR_EL1);
static_assert(SPEVIRT_OF(SYS_PMSLATFR_EL1) == SPEVIRT_SYSREG_PMSLATFR_EL1);
static_assert(SPEVIRT_OF(SYS_PMSIDR_EL1) == SPEVIRT_SYSREG_PMSIDR_EL1);
static_assert(SPEVIRT_OF(SYS_PMBLIMITR_EL1) == SPEVIRT_SYSREG_PMBLIMITR_EL1);
static_assert(SPEVIRT_OF(SYS_PMBPTR_EL1) == SPEVIRT_SYSREG_PMBPTR_EL1);
static_assert(SPEVIRT_OF(SYS_PMBSR_EL1) == SPEVIRT_SYSREG_PMBSR_EL1);
static_assert(SPEVIRT_OF(SYS_PMBIDR_EL1) == SPEVIRT_SYSREG_PMBIDR_EL1);

/* Field positions the guest's driver decodes: the kernel's and spevirt's agree. */
static_assert(SYS_PMSIDR_EL1_INTERVAL_SHIFT == SPEVIRT_PMSIDR_EL1_INTERVAL_SHIFT);
static_assert(SYS_PMSIDR_EL1_MAXSIZE_SHIFT == SPEVIRT_PMSIDR_EL1_MAXSIZE_SHIFT);
static_assert(SYS_PMSIDR_EL1_COUNTSIZE_SHIFT == SPEVIRT_PMSIDR_EL1_COUNTSIZE_SHIFT);
static_assert(SYS_PMBIDR_EL1_ALIGN_SHIFT == SPEVIRT_PMBIDR_EL1_ALIGN_SHIFT);
static_assert(SYS_PMBIDR_EL1_P_SHIFT == SPEVIRT_PMBIDR_EL1_P_SHIFT);
static_assert(SYS_PMBSR_EL1_EC_SHIFT == SPEVIRT_PMBSR_EL1_EC_SHIFT);
static_assert(SYS_PMSCR_EL1_PA_SHIFT == SPEVIRT_PMSCR_EL1_PA_SHIFT);

/* The errno of a refusal, as a KVM ioctl returns it, from the kernel's linux/errno.h. */
static_assert(-EINVAL == -22);

/*
 * The part of a trapped ID read that is spevirt's: the decision for the
 * register KVM has already found (@r), and the value the guest reads.
 * False: not a read spevirt answers from the view (the caller injects
 * the UNDEF).
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
EXPORT_SYMBOL_GPL(spevirt_kvm_access_id);

MODULE_DESCRIPTION("spevirt in a KVM/arm64 translation unit (a build test)");
MODULE_LICENSE("Dual BSD/GPL");
