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

static bool name_equal(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;

	while (*x && ascii_upper(*x) == ascii_upper(*y)) {
		x++;
		y++;
	}
	return ascii_upper(*x) == ascii_upper(*y);
}

const struct spevirt_reg_desc *spevirt_reg_find(const char *name)
{
	unsigned int i;

	if (!name)
		return NULL;
	for (i = 0; i < spevirt_reg_table_size_; i++)
		if (name_equal(spevirt_reg_table_[i].name, name))
			return &spevirt_reg_table_[i];
	return NULL;
}
