/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_KVM_TU_H
#define SPEVIRT_KVM_TU_H

struct spevirt_view;
struct sys_reg_params;
struct sys_reg_desc;

/* spevirt's part of trapped ID reads, as KVM's hooks would call it (spevirt_kvm_tu.c). */
bool spevirt_kvm_read_by_encoding(const struct spevirt_view *view, u32 sysreg, u64 *val);
bool spevirt_kvm_access_id(const struct spevirt_view *view, struct sys_reg_params *p,
			   const struct sys_reg_desc *r);
bool spevirt_kvm_read_pmsidr(const struct spevirt_view *view, struct sys_reg_params *p);
bool spevirt_kvm_read_pmbidr(const struct spevirt_view *view, struct sys_reg_params *p);

#endif /* SPEVIRT_KVM_TU_H */
