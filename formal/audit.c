// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/* Proof drivers: the hardware's access model and the audit. */
#include "fv.h"
#include <spevirt/spevirt_audit.h>

/* Any host, any EL2 controls, any encoding and direction; NULL for each pointer. */
void fv_hw_access(void)
{
	struct spevirt_host host;
	struct spevirt_el2_regs el2;
	struct spevirt_hw_result res;
	enum spevirt_status st;

	FV_ANY(host);
	FV_ANY(el2);
	FV_ANY(res);
	st = spevirt_hw_access(FV_OR_NULL(&host), FV_OR_NULL(&el2), fv_u32(), fv_bool(), &res);
	//@ assert hw_outcome_defined: res.outcome <= SPEVIRT_HW_NOT_SPE;
	//@ assert hw_fails_closed: st != SPEVIRT_OK ==> res.outcome == SPEVIRT_HW_UNDEF && res.value == 0;
	//@ assert hw_value_only_read: res.outcome != SPEVIRT_HW_EXECUTE ==> res.value == 0;
	st = spevirt_hw_access(&host, &el2, fv_u32(), fv_bool(), NULL);
	//@ assert hw_null_result_inval: st == SPEVIRT_E_INVAL;
}

void fv_hw_rule_text(void)
{
	const char *s = spevirt_hw_rule_text((enum spevirt_hw_rule)fv_u32());

	//@ assert hw_rule_text_string: s == \null || \valid_read(s);
}

/* Any host and any hypervisor configuration; NULL for each pointer. */
void fv_audit(void)
{
	struct spevirt_host host;
	struct spevirt_hypervisor hv;
	struct spevirt_audit audit;
	enum spevirt_status st;

	FV_ANY(host);
	FV_ANY(hv);
	hv.pinned = fv_bool();
	FV_ANY(audit);
	st = spevirt_audit(FV_OR_NULL(&host), FV_OR_NULL(&hv), &audit);
	//@ assert audit_bounded: audit.nr_findings <= SPEVIRT_MAX_FINDINGS;
	//@ assert audit_fails_closed: st != SPEVIRT_OK ==> audit.nr_findings == 0;
	st = spevirt_audit(&host, &hv, NULL);
	//@ assert audit_null_inval: st == SPEVIRT_E_INVAL;
}

void fv_finding_class_name(void)
{
	const char *s = spevirt_finding_class_name(fv_u32());

	//@ assert finding_class_name_string: s == \null || \valid_read(s);
}

/* Any view and configuration; NULL for each pointer. */
void fv_view_hypervisor(void)
{
	struct spevirt_view view;
	struct spevirt_config cfg;
	struct spevirt_hypervisor hv;
	enum spevirt_status st;

	fv_any_view(&view);
	FV_ANY(cfg);
	FV_ANY(hv);
	st = spevirt_view_hypervisor(FV_OR_NULL(&view), FV_OR_NULL(&cfg), &hv);
	//@ assert view_hypervisor_fails_closed: st != SPEVIRT_OK ==> hv.emulated == 0 && hv.switched == 0 && hv.el2.mdcr_el2 == 0;
}
