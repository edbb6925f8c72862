/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_DECODE_H
#define SPEVIRT_TOOLS_DECODE_H

#include <stdint.h>
#include <stdio.h>

#include <spevirt/spevirt.h>

/*
 * Print the fields of @value that lie inside @mask, one per line, named and
 * decoded from the library's register description.  Set RES0 bits are
 * flagged.
 */
void decode_fields(FILE *out, const struct spevirt_reg_desc *reg, uint64_t value, uint64_t mask);

#endif
