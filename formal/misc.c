// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/* Proof drivers: version, status and leak names, the register descriptions. */
#include "fv.h"

void fv_version(void)
{
	unsigned int v = spevirt_version();

	//@ assert version_nonzero: v != 0;
}

void fv_strerror(void)
{
	const char *s = spevirt_strerror((enum spevirt_status)fv_u32());

	//@ assert strerror_string: \valid_read(s);
}

void fv_leak_name(void)
{
	const char *s = spevirt_leak_name(fv_u32());

	//@ assert leak_name_string: s == \null || \valid_read(s);
}

void fv_leak_describe(void)
{
	const char *s = spevirt_leak_describe(fv_u32());

	//@ assert leak_describe_string: s == \null || \valid_read(s);
}

void fv_reg_count(void)
{
	unsigned int n = spevirt_reg_count();

	//@ assert reg_count_nonzero: n > 0;
}

void fv_reg_get(void)
{
	const struct spevirt_reg_desc *d = spevirt_reg_get(fv_u32());

	//@ assert reg_get_desc: d == \null || \valid_read(d);
}

/* Any string of up to 40 bytes, NUL included, or NULL. */
void fv_reg_find(void)
{
	char name[40];
	size_t len = Frama_C_size_t_interval(0, sizeof(name) - 1);
	const struct spevirt_reg_desc *d;

	FV_ANY(name);
	name[len] = '\0';
	d = spevirt_reg_find(FV_OR_NULL(name));
	//@ assert reg_find_desc: d == \null || \valid_read(d);
}
