/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_REGDESC_H
#define SPEVIRT_REGDESC_H

/*
 * The register description as data: the same fields as spevirt_regs.h,
 * generated from the same source, for programs that decode register values
 * (the spevirt tool does).
 */
#ifdef SPEVIRT_ENV_HEADER
#include SPEVIRT_ENV_HEADER
#else
#include <spevirt/spevirt_env.h>
#endif
#include <spevirt/spevirt_visibility.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * enum spevirt_field_kind - what a range of register bits is
 * @SPEVIRT_FIELD_PLAIN: a field without named values
 * @SPEVIRT_FIELD_ENUM: a field whose values have names
 * @SPEVIRT_FIELD_UNSIGNED_ENUM: an ID field with named values, where a larger
 *	value means more features
 * @SPEVIRT_FIELD_RES0: reserved, should be zero
 * @SPEVIRT_FIELD_RES1: reserved, should be one
 * @SPEVIRT_FIELD_OTHER: fields of features outside SPE, not described
 */
enum spevirt_field_kind {
	SPEVIRT_FIELD_PLAIN,
	SPEVIRT_FIELD_ENUM,
	SPEVIRT_FIELD_UNSIGNED_ENUM,
	SPEVIRT_FIELD_RES0,
	SPEVIRT_FIELD_RES1,
	SPEVIRT_FIELD_OTHER,
};

/**
 * struct spevirt_enum_desc - a named value of a field
 * @name: the name (the value's suffix in spevirt_regs.h)
 * @value: the value, not shifted
 */
struct spevirt_enum_desc {
	const char *name;
	uint8_t value;
};

/**
 * struct spevirt_field_desc - one range of bits of a register
 * @name: the Arm ARM name of the field; "RES0", "RES1" or "Other" for ranges
 *	that are not fields
 * @shift: the lowest bit
 * @width: the number of bits
 * @kind: an enum spevirt_field_kind
 * @nr_enums: the number of entries in @enums
 * @enums: the named values, or NULL
 */
struct spevirt_field_desc {
	const char *name;
	uint8_t shift;
	uint8_t width;
	uint8_t kind;
	uint8_t nr_enums;
	const struct spevirt_enum_desc *enums;
};

/**
 * struct spevirt_reg_desc - one system register
 * @name: the Arm ARM name, e.g. "PMSIDR_EL1"
 * @fields: every bit of the register, from bit 63 down, each exactly once
 * @res0: the reserved-zero bits
 * @res1: the reserved-one bits
 * @encoding: SPEVIRT_SYSREG(op0, op1, CRn, CRm, op2)
 * @nr_fields: the number of entries in @fields
 */
struct spevirt_reg_desc {
	const char *name;
	const struct spevirt_field_desc *fields;
	uint64_t res0;
	uint64_t res1;
	uint32_t encoding;
	uint32_t nr_fields;
};

/**
 * spevirt_reg_count() - the number of described registers
 *
 * Return: the number of registers spevirt_reg_get() accepts.
 */
SPEVIRT_API unsigned int spevirt_reg_count(void);

/**
 * spevirt_reg_get() - a described register, by index
 * @index: 0 to spevirt_reg_count() - 1
 *
 * Return: the register, or NULL when @index is out of range.
 */
SPEVIRT_API const struct spevirt_reg_desc *spevirt_reg_get(unsigned int index);

/**
 * spevirt_reg_find() - a described register, by name
 * @name: the Arm ARM name, compared without regard to ASCII case
 *
 * Return: the register, or NULL when @name is NULL or not described.
 */
SPEVIRT_API const struct spevirt_reg_desc *spevirt_reg_find(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* SPEVIRT_REGDESC_H */
