/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_KVM_TU_H
#define SPEVIRT_KVM_TU_H

struct spevirt_view;
struct sys_reg_params;
struct sys_reg_desc;

/* spevirt's part of a trapped PMSIDR_EL1 or PMBIDR_EL1 read (spevirt_kvm_tu.c). */
bool spevirt_kvm_access_id(const struct spevirt_view *view, struct sys_reg_params *p,
			   const struct sys_reg_desc *r);

#endif /* SPEVIRT_KVM_TU_H */
