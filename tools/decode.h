/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_DECODE_H
#define SPEVIRT_TOOLS_DECODE_H

/*
 * Register values, field by field, from the library's register description
 * (spevirt_reg_find() and friends): the tool has no copy of it.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <spevirt/spevirt.h>

/* One field of a register value. */
struct field_value {
	const struct spevirt_field_desc *desc;
	unsigned int msb;
	unsigned int lsb;
	uint64_t value;			/* not shifted */
	const char *value_name;		/* the enumerated value's name, or NULL */
	bool reserved;			/* an enumerated field's unnamed value, a RES0 bit set
					 * or a RES1 bit clear */
	bool above_known;		/* an ID field above its last named value */
};

/* The in-place mask of @f. */
uint64_t field_mask(const struct spevirt_field_desc *f);

/* Field @f of the register value @reg_value. */
void field_decode(const struct spevirt_field_desc *f, uint64_t reg_value, struct field_value *fv);

/* "plain", "enum", "unsigned_enum", "res0", "res1" or "other". */
const char *field_kind_name(unsigned int kind);

/* The last named value of an enumerated field, or NULL. */
const char *field_last_name(const struct spevirt_field_desc *f);

/*
 * What a field value stands for, where the tool knows more than the
 * description: the size PMBIDR_EL1.MaxBuffSize encodes ("2MiB", "no
 * limit").  Return: false, @buf untouched, for other fields.
 */
bool field_note(const struct spevirt_reg_desc *reg, const struct field_value *fv, char *buf,
		size_t len);

/*
 * Print the fields of @value that overlap @mask, one per line.
 * DECODE_ALL: every range, RES0 and fields outside SPE included.
 * DECODE_SPE: the described fields, and RES0/RES1 ranges only when violated.
 */
enum decode_mode {
	DECODE_SPE,
	DECODE_ALL,
};

void decode_print(FILE *out, const struct spevirt_reg_desc *reg, uint64_t value, uint64_t mask,
		  enum decode_mode mode);

#endif /* SPEVIRT_TOOLS_DECODE_H */
