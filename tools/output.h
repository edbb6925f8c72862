/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_OUTPUT_H
#define SPEVIRT_TOOLS_OUTPUT_H

/*
 * The outputs of the commands: text for a terminal (output_text.c) and JSON
 * (output_json.c, schema in docs/cli-json.md).
 */
#include <stdint.h>
#include <stdio.h>

#include <spevirt/spevirt.h>

#include "report.h"

/* The JSON documents' schema_version: bump it on any incompatible change. */
#define CLI_JSON_SCHEMA_VERSION	2

/* A successful view; text_view() is not called for a refusal. */
void text_view(FILE *out, const struct view_result *r);
/* A view or a refusal: status, reason and a null "view" member. */
void json_view(FILE *out, const struct view_result *r);

void text_decode(FILE *out, const struct spevirt_reg_desc *reg, uint64_t value);
void json_decode(FILE *out, const struct spevirt_reg_desc *reg, uint64_t value);

void text_presets(FILE *out);
void json_presets(FILE *out);

/*
 * @text from the current column @col, broken at spaces so that no line
 * passes column 96; continuation lines are indented by @hang.
 */
void print_wrapped(FILE *out, unsigned int col, unsigned int hang, const char *text);

#endif /* SPEVIRT_TOOLS_OUTPUT_H */
