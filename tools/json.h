/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_JSON_H
#define SPEVIRT_TOOLS_JSON_H

/*
 * A small JSON writer: members in the order written, two-space indentation,
 * one member per line, so the output is stable and diffable.  @key is the
 * member name inside an object, NULL inside an array.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH	16

struct json {
	FILE *out;
	unsigned int depth;
	bool empty[JSON_MAX_DEPTH];	/* nothing written yet at this depth */
};

/* Start the document's top-level object; json_end() closes it. */
void json_begin(struct json *j, FILE *out);
void json_end(struct json *j);

void json_object(struct json *j, const char *key);
void json_end_object(struct json *j);
void json_array(struct json *j, const char *key);
void json_end_array(struct json *j);

/* A string; NULL writes null. */
void json_str(struct json *j, const char *key, const char *s);
void json_null(struct json *j, const char *key);
void json_uint(struct json *j, const char *key, uint64_t v);
void json_bool(struct json *j, const char *key, bool v);
/* A register value: the string "0x" and 16 hexadecimal digits. */
void json_reg(struct json *j, const char *key, uint64_t v);
/* A field value: the string "0x" and as many hexadecimal digits as needed. */
void json_hex(struct json *j, const char *key, uint64_t v);

#endif /* SPEVIRT_TOOLS_JSON_H */
