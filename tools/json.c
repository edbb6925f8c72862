// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#include "json.h"

#define JSON_INDENT	2

static void quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < ' ' || c == 0x7f)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void indent(struct json *j)
{
	fprintf(j->out, "%*s", (int)(j->depth * JSON_INDENT), "");
}

/* Separator, indentation and key of the next member. */
static void member(struct json *j, const char *key)
{
	fputs(j->empty[j->depth] ? "\n" : ",\n", j->out);
	j->empty[j->depth] = false;
	indent(j);
	if (key) {
		quoted(j->out, key);
		fputs(": ", j->out);
	}
}

static void open_container(struct json *j, const char *key, char bracket)
{
	member(j, key);
	fputc(bracket, j->out);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->empty[j->depth] = true;
}

static void close_container(struct json *j, char bracket)
{
	bool was_empty = j->empty[j->depth];

	if (j->depth)
		j->depth--;
	if (!was_empty) {
		fputc('\n', j->out);
		indent(j);
	}
	fputc(bracket, j->out);
}

void json_begin(struct json *j, FILE *out)
{
	j->out = out;
	j->depth = 0;
	fputc('{', out);
	j->depth = 1;
	j->empty[1] = true;
}

void json_end(struct json *j)
{
	close_container(j, '}');
	fputc('\n', j->out);
}

void json_object(struct json *j, const char *key)
{
	open_container(j, key, '{');
}

void json_end_object(struct json *j)
{
	close_container(j, '}');
}

void json_array(struct json *j, const char *key)
{
	open_container(j, key, '[');
}

void json_end_array(struct json *j)
{
	close_container(j, ']');
}

void json_str(struct json *j, const char *key, const char *s)
{
	member(j, key);
	if (s)
		quoted(j->out, s);
	else
		fputs("null", j->out);
}

void json_null(struct json *j, const char *key)
{
	json_str(j, key, NULL);
}

void json_uint(struct json *j, const char *key, uint64_t v)
{
	member(j, key);
	fprintf(j->out, "%llu", (unsigned long long)v);
}

void json_bool(struct json *j, const char *key, bool v)
{
	member(j, key);
	fputs(v ? "true" : "false", j->out);
}

void json_reg(struct json *j, const char *key, uint64_t v)
{
	member(j, key);
	fprintf(j->out, "\"0x%016llx\"", (unsigned long long)v);
}

void json_hex(struct json *j, const char *key, uint64_t v)
{
	member(j, key);
	fprintf(j->out, "\"0x%llx\"", (unsigned long long)v);
}
