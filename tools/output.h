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
void json_check(FILE *out, const struct view_result *r);

void text_decode(FILE *out, const struct spevirt_reg_desc *reg, uint64_t value);
void json_decode(FILE *out, const struct spevirt_reg_desc *reg, uint64_t value);

void text_presets(FILE *out);
void json_presets(FILE *out);

/* A usage error, when --json was asked for: the message, and status USAGE. */
void json_usage_error(FILE *out, const char *command, const char *msg);
/* encode-size: the size, and its field when @exact, or the refusal @why. */
void json_encode_size(FILE *out, uint64_t bytes, bool exact, uint16_t field, const char *why);
/* decode-size: the field, the size, and the reserved bits the codec ignored. */
void json_decode_size(FILE *out, uint16_t field, uint64_t bytes, uint16_t ignored);

struct json;
/* A JSON document for @command: its schema_version and command members. */
void json_begin_command(struct json *j, FILE *out, const char *command);
/* Members of a "config" object: profile, pmsver, pmsver_name ... */
void json_config_level(struct json *j, const struct spevirt_config *cfg);
/* ... and spe_nvm, max_buffer_size, flags, accepted_leaks. */
void json_config_rest(struct json *j, const struct spevirt_config *cfg);
/* status, status_code, status_text. */
void json_status_members(struct json *j, enum spevirt_status status);
/* A host's "registers" object and "el3_disabled" array, as host files have them. */
void json_host_members(struct json *j, const struct spevirt_host *host);
/* The "view" object of a successful view, as member @key. */
void json_view_object(struct json *j, const char *key, const struct spevirt_view *v);

/* The terminal's width for wrapped text: $COLUMNS, or 80. */
extern unsigned int text_width;

/*
 * @text from the current column @col, broken at spaces so that no line
 * passes column text_width; continuation lines are indented by @hang.
 */
void print_wrapped(FILE *out, unsigned int col, unsigned int hang, const char *text);

#endif /* SPEVIRT_TOOLS_OUTPUT_H */
