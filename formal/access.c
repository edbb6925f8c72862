// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Proof drivers: access decisions, the ISS decoder and the context-switch
 * set, over any view and any encoding.  EVA checks every read against the
 * object it reads (property e: spevirt_access() never reads outside the
 * view): an out-of-bounds read would be an alarm.
 */
#include "fv.h"
#include "props.h"

void fv_access(void)
{
	struct spevirt_view view;
	enum spevirt_access a;
	uint32_t sysreg = fv_u32();

	fv_any_view(&view);
	a = spevirt_access(&view, sysreg, fv_bool());
	a = spevirt_access(NULL, sysreg, fv_bool());
	//@ assert e_null_view_fails_closed: a == SPEVIRT_ACCESS_UNDEF || a == SPEVIRT_ACCESS_NOT_SPE;
}

/* The header's inline decision and value: the same code as spevirt_access(). */
void fv_access_inline(void)
{
	struct spevirt_view view;
	uint32_t sysreg = fv_u32();
	enum spevirt_access a;
	uint64_t value;

	fv_any_view(&view);
	a = spevirt_access_inline(&view, sysreg, fv_bool());
	value = spevirt_read_view(&view, sysreg);
	a = spevirt_access_inline(NULL, sysreg, fv_bool());
	//@ assert e_null_view_fails_closed: a == SPEVIRT_ACCESS_UNDEF || a == SPEVIRT_ACCESS_NOT_SPE;
	value = spevirt_read_view(NULL, sysreg);
	//@ assert e_null_view_reads_zero: value == 0;
}

void fv_access_trapped(void)
{
	struct spevirt_view view;
	bool t;

	fv_any_view(&view);
	t = spevirt_access_trapped(&view, fv_u32(), fv_bool());
	t = spevirt_access_trapped(NULL, fv_u32(), fv_bool());
	//@ assert e_null_view_untrapped: t == 0;
}

void fv_sysreg_from_iss(void)
{
	unsigned int rt;
	bool is_write;
	uint32_t sysreg = spevirt_sysreg_from_iss(fv_u32(), &rt, &is_write);

	//@ assert iss_rt_register: rt <= 31;
	sysreg = spevirt_sysreg_from_iss(fv_u32(), NULL, NULL);
}

void fv_context_regs(void)
{
	struct spevirt_view view;
	uint32_t regs[SPEVIRT_NR_SPE_SLOTS];
	unsigned int n;

	fv_any_view(&view);
	n = spevirt_context_regs(&view, regs);
	//@ assert context_regs_bounded: n <= SPEVIRT_NR_SPE_SLOTS;
	n = spevirt_context_regs(NULL, regs);
	//@ assert context_regs_null: n == 0;
	n = spevirt_context_regs(&view, NULL);
	//@ assert context_regs_null: n == 0;
}
