// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#include "spevirt_internal.h"

unsigned int spevirt_reg_count(void)
{
	return spevirt_reg_table_size_;
}

const struct spevirt_reg_desc *spevirt_reg_get(unsigned int index)
{
	if (index >= spevirt_reg_table_size_)
		return NULL;
	return &spevirt_reg_table_[index];
}

/* ASCII only: register names are, and no locale may change the answer. */
static unsigned int ascii_upper(unsigned char c)
{
	return (c >= 'a' && c <= 'z') ? c - ('a' - 'A') : c;
}

/* Longer than any register name: the table's names are all shorter. */
#define SPV_REG_NAME_MAX	32

/* @name against @entry, a table name: neither is read past its NUL. */
static bool name_equal(const char *name, const char *entry)
{
	const unsigned char *x = (const unsigned char *)name;
	const unsigned char *y = (const unsigned char *)entry;
	size_t i;

	for (i = 0; i < SPV_REG_NAME_MAX && y[i]; i++)
		if (ascii_upper(x[i]) != ascii_upper(y[i]))
			return false;
	return x[i] == '\0';
}

const struct spevirt_reg_desc *spevirt_reg_find(const char *name)
{
	unsigned int i;

	if (!name)
		return NULL;
	for (i = 0; i < spevirt_reg_table_size_; i++)
		if (name_equal(name, spevirt_reg_table_[i].name))
			return &spevirt_reg_table_[i];
	return NULL;
}
