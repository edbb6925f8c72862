// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Host description files, read with jansson (hostfile.h).  Every message
 * names the file, the path inside the document ($.hosts[1].registers.
 * PMSIDR_EL1) and what was expected there.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "hostfile.h"

/* A host file is small: five registers and a few words per host. */
#define HOSTFILE_MAX_BYTES	(1024 * 1024)
#define PATH_MAX_LEN		128

struct hostfile {
	const char *label;
	struct named_host *hosts;
	unsigned int max;
	unsigned int *n;
	struct parse_error *err;
};

__attribute__((format(printf, 3, 4))) static bool fail_at(const struct hostfile *f,
							  const char *path, const char *fmt, ...)
{
	char what[PARSE_MSG_MAX / 2];
	struct quoted q;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(f->err->msg, sizeof(f->err->msg), "%s: at %s: %s", quote(&q, f->label), path,
		 what);
	return false;
}

static const char *type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "true or false";
	default:
		return "null";
	}
}

/* @s with each unprintable byte as \xHH: jansson's messages and keys quote the input. */
static void escape_text(const char *s, char *out, size_t len)
{
	size_t n = 0;

	for (; *s && n + 5 < len; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= ' ' && c <= '~')
			out[n++] = (char)c;
		else
			n += (size_t)snprintf(out + n, len - n, "\\x%02x", c);
	}
	out[n] = '\0';
}

/* @path.@key, the key's unprintable bytes as \xHH (a key is any UTF-8 string). */
static void sub_path(char *out, const char *path, const char *key)
{
	char escaped[PATH_MAX_LEN];

	escape_text(key, escaped, sizeof(escaped));
	/* A path too long to show whole ends in "...". */
	if (snprintf(out, PATH_MAX_LEN, "%s.%s", path, escaped) >= PATH_MAX_LEN)
		memcpy(out + PATH_MAX_LEN - 4, "...", 4);
}

static void index_path(char *out, const char *path, size_t i)
{
	if (snprintf(out, PATH_MAX_LEN, "%s[%zu]", path, i) >= PATH_MAX_LEN)
		memcpy(out + PATH_MAX_LEN - 4, "...", 4);
}

static bool read_register(const struct hostfile *f, const char *path, const char *key,
			   const json_t *val, struct spevirt_host *h, unsigned int *seen)
{
	char at[PATH_MAX_LEN];
	struct parse_error e;
	struct quoted q;
	uint64_t v;
	unsigned int r;

	sub_path(at, path, key);
	for (r = 0; r < NR_HOST_REGS; r++)
		if (!strcmp(key, host_reg_desc((enum host_reg)r)->name))
			break;
	if (r == NR_HOST_REGS)
		return fail_at(f, at, "%s is not a host register: expected ID_AA64DFR0_EL1, "
			       "ID_AA64DFR2_EL1, ID_AA64MMFR0_EL1, PMSIDR_EL1 and PMBIDR_EL1",
			       quote(&q, key));
	if (!json_is_string(val))
		return fail_at(f, at, "expected a string such as \"0x0000000000026457\", found %s",
			       type_name(val));
	if (!parse_value("the value", json_string_value(val), UINT64_MAX, &v, &e))
		return fail_at(f, at, "%s", e.msg);
	host_reg_set(h, (enum host_reg)r, v);
	*seen |= 1U << r;
	return true;
}

static bool read_registers(const struct hostfile *f, const char *path, const json_t *regs,
			    struct spevirt_host *h)
{
	unsigned int seen = 0, r;
	const char *key;
	json_t *val;

	if (!json_is_object(regs))
		return fail_at(f, path, "expected an object of the five host registers, found %s",
			       type_name(regs));
	json_object_foreach((json_t *)regs, key, val)
		if (!read_register(f, path, key, val, h, &seen))
			return false;
	for (r = 0; r < NR_HOST_REGS; r++)
		if (!(seen & (1U << r)))
			return fail_at(f, path, "%s is missing: a host gives all five registers",
				       host_reg_desc((enum host_reg)r)->name);
	return true;
}

static bool read_el3_list(const struct hostfile *f, const char *path, const json_t *list,
			   struct spevirt_host *h)
{
	char at[PATH_MAX_LEN];
	struct parse_error e;
	size_t i;
	json_t *v;

	if (!json_is_array(list))
		return fail_at(f, path, "expected an array of EL3 control names, found %s",
			       type_name(list));
	json_array_foreach((json_t *)list, i, v) {
		index_path(at, path, i);
		if (!json_is_string(v))
			return fail_at(f, at, "expected an EL3 control name such as "
				       "\"no-fgt2\", found %s", type_name(v));
		if (!parse_el3("the name", json_string_value(v), &h->el3_disabled, &e))
			return fail_at(f, at, "%s", e.msg);
	}
	return true;
}

/* Members a host object may have, the JSON type of each, and whether null will do. */
static const struct {
	const char *key;
	json_type type;
	bool nullable;		/* view's "preset" and "file": one of them is null */
} host_members[] = {
	{ "name", JSON_STRING, false }, { "title", JSON_STRING, false },
	{ "notes", JSON_STRING, false }, { "source", JSON_STRING, false },
	{ "preset", JSON_STRING, true }, { "file", JSON_STRING, true },
	{ "default", JSON_TRUE, false }, { "given", JSON_ARRAY, false },
	{ "rules", JSON_ARRAY, false }, { "registers", JSON_OBJECT, false },
	{ "el3_disabled", JSON_ARRAY, false },
};

#define NR_HOST_MEMBERS	(sizeof(host_members) / sizeof(host_members[0]))

static bool type_matches(const json_t *v, json_type type)
{
	if (type == JSON_TRUE)
		return json_is_boolean(v);
	return json_typeof(v) == type;
}

/* Every member is one a host object has, of its type. */
static bool check_members(const struct hostfile *f, const char *path, const json_t *obj)
{
	static const char *const type_names[] = {
		[JSON_OBJECT] = "an object", [JSON_ARRAY] = "an array",
		[JSON_STRING] = "a string", [JSON_TRUE] = "true or false",
	};
	char at[PATH_MAX_LEN];
	const char *key;
	struct quoted q;
	json_t *v;
	size_t i;

	json_object_foreach((json_t *)obj, key, v) {
		for (i = 0; i < NR_HOST_MEMBERS && strcmp(key, host_members[i].key); i++)
			;
		sub_path(at, path, key);
		if (i == NR_HOST_MEMBERS)
			return fail_at(f, at, "%s is not a member of a host object: expected name, "
				       "registers, el3_disabled, notes, source (or title, preset, "
				       "file, default, given, rules)", quote(&q, key));
		if (!type_matches(v, host_members[i].type) &&
		    !(host_members[i].nullable && json_is_null(v)))
			return fail_at(f, at, "expected %s%s, found %s",
				       type_names[host_members[i].type],
				       host_members[i].nullable ? " or null" : "", type_name(v));
	}
	return true;
}

/*
 * @src as a terminal may show it: a control character (C0, DEL) becomes
 * \xNN, so that a name such as "ESC[2J" cannot clear the screen.
 */
static void copy_printable(char *dst, size_t len, const char *src)
{
	size_t n = 0;

	for (; *src && n + 1 < len; src++) {
		unsigned char c = (unsigned char)*src;

		if (c >= 0x20 && c != 0x7f) {
			dst[n++] = (char)c;
			continue;
		}
		if (n + 5 > len)
			break;
		n += (size_t)snprintf(dst + n, len - n, "\\x%02x", c);
	}
	dst[n] = '\0';
}

static void host_name(const struct hostfile *f, const json_t *obj, char *name)
{
	const json_t *v = json_object_get(obj, "name");

	if (!v)
		v = json_object_get(obj, "preset");
	if (json_is_string(v))
		copy_printable(name, HOST_NAME_MAX_LEN, json_string_value(v));
	else
		snprintf(name, HOST_NAME_MAX_LEN, "%s#%u", f->label, *f->n + 1);
}

static bool parse_host(const struct hostfile *f, const char *path, const json_t *obj)
{
	struct named_host *nh;
	char at[PATH_MAX_LEN];
	const json_t *v;

	if (!json_is_object(obj))
		return fail_at(f, path, "expected a host object, found %s", type_name(obj));
	if (!check_members(f, path, obj))
		return false;
	v = json_object_get(obj, "registers");
	if (!v)
		return fail_at(f, path, "a host object needs \"registers\"");
	if (*f->n == f->max)
		return fail_at(f, path, "more than %u hosts: a pool holds at most %u", f->max,
			       f->max);
	nh = &f->hosts[*f->n];
	*nh = (struct named_host){ .host = { 0 } };
	sub_path(at, path, "registers");
	if (!read_registers(f, at, v, &nh->host))
		return false;
	v = json_object_get(obj, "el3_disabled");
	sub_path(at, path, "el3_disabled");
	if (v && !read_el3_list(f, at, v, &nh->host))
		return false;
	host_name(f, obj, nh->name);
	(*f->n)++;
	return true;
}

/* A list element: a host object, or an object whose "host" member is one. */
static bool parse_element(const struct hostfile *f, const char *path, const json_t *el)
{
	char at[PATH_MAX_LEN];
	const json_t *host = json_is_object(el) ? json_object_get(el, "host") : NULL;

	if (!host)
		return parse_host(f, path, el);
	sub_path(at, path, "host");
	return parse_host(f, at, host);
}

static bool parse_list(const struct hostfile *f, const char *path, const json_t *list)
{
	char at[PATH_MAX_LEN];
	size_t i;
	json_t *el;

	if (!json_is_array(list))
		return fail_at(f, path, "expected an array of host objects, found %s",
			       type_name(list));
	if (!json_array_size(list))
		return fail_at(f, path, "the list holds no host");
	json_array_foreach((json_t *)list, i, el) {
		index_path(at, path, i);
		if (!parse_element(f, at, el))
			return false;
	}
	return true;
}

static bool parse_document(const struct hostfile *f, const json_t *root)
{
	const json_t *v;

	if (json_is_array(root))
		return parse_list(f, "$", root);
	if (!json_is_object(root))
		return fail_at(f, "$", "expected a host object or a list of them, found %s",
			       type_name(root));
	if (json_object_get(root, "registers"))
		return parse_host(f, "$", root);
	v = json_object_get(root, "host");
	if (v)
		return parse_host(f, "$.host", v);
	v = json_object_get(root, "hosts");
	if (v)
		return parse_list(f, "$.hosts", v);
	v = json_object_get(root, "presets");
	if (v)
		return parse_list(f, "$.presets", v);
	return fail_at(f, "$", "expected a host object (with \"registers\"), a list of them, or "
		       "a document with \"host\", \"hosts\" or \"presets\"");
}

bool hostfile_parse(const char *label, const char *buf, size_t len, struct named_host *hosts,
		    unsigned int max, unsigned int *n, struct parse_error *err)
{
	const struct hostfile f = { label, hosts, max, n, err };
	json_error_t jerr;
	struct quoted q;
	json_t *root;
	bool ok;

	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
	if (!root) {
		char text[4 * JSON_ERROR_TEXT_LENGTH];

		escape_text(jerr.text, text, sizeof(text));
		snprintf(err->msg, sizeof(err->msg), "%s: line %d, column %d: not valid JSON: %s",
			 quote(&q, label), jerr.line, jerr.column, text);
		return false;
	}
	ok = parse_document(&f, root);
	json_decref(root);
	return ok;
}

static bool read_file(const char *path, char *buf, size_t *len, struct parse_error *err)
{
	char names[PARSE_MSG_MAX / 4] = "";
	struct quoted q;
	unsigned int i;
	FILE *fp;

	fp = fopen(path, "rb");
	if (!fp) {
		for (i = 0; i < preset_count(); i++)
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
				 i ? ", " : "", preset_get(i)->name);
		snprintf(err->msg, sizeof(err->msg), "%s is neither a preset (%s, none) nor a "
			 "readable host file: %s", quote(&q, path), names, strerror(errno));
		if (preset_guess(path))
			snprintf(err->msg + strlen(err->msg), sizeof(err->msg) - strlen(err->msg),
				 "; did you mean %s?", preset_guess(path));
		return false;
	}
	*len = fread(buf, 1, HOSTFILE_MAX_BYTES + 1, fp);
	if (ferror(fp) || *len > HOSTFILE_MAX_BYTES) {
		snprintf(err->msg, sizeof(err->msg), "%s: %s", quote(&q, path),
			 ferror(fp) ? "cannot be read" : "larger than 1 MiB: not a host file");
		fclose(fp);
		return false;
	}
	fclose(fp);
	return true;
}

bool host_arg_load(const char *arg, struct named_host *hosts, unsigned int max, unsigned int *n,
		   struct parse_error *err)
{
	static char buf[HOSTFILE_MAX_BYTES + 1];
	const struct preset *p = preset_find(arg);
	struct quoted q;
	size_t len;

	if (p) {
		if (*n == max) {
			snprintf(err->msg, sizeof(err->msg), "%s: more than %u hosts",
				 quote(&q, arg), max);
			return false;
		}
		hosts[*n] = (struct named_host){ .host = p->host };
		snprintf(hosts[*n].name, HOST_NAME_MAX_LEN, "%s", p->name);
		(*n)++;
		return true;
	}
	if (!read_file(arg, buf, &len, err))
		return false;
	return hostfile_parse(arg, buf, len, hosts, max, n, err);
}

bool host_arg_load_one(const char *option, const char *arg, struct named_host *out,
		       struct parse_error *err)
{
	struct named_host hosts[SPEVIRT_MAX_POOL];
	unsigned int n = 0;
	struct quoted q;

	if (!host_arg_load(arg, hosts, SPEVIRT_MAX_POOL, &n, err)) {
		/* Prefixed by the option: the message loses its end, if any. */
		size_t skip = strlen(option) + 2, len = strlen(err->msg);

		if (len + skip >= sizeof(err->msg))
			len = sizeof(err->msg) - skip - 1;
		memmove(err->msg + skip, err->msg, len);
		err->msg[skip + len] = '\0';
		memcpy(err->msg, option, skip - 2);
		memcpy(err->msg + skip - 2, ": ", 2);
		return false;
	}
	if (n != 1) {
		snprintf(err->msg, sizeof(err->msg), "%s %s: the file holds %u hosts; %s takes a "
			 "file with one", option, quote(&q, arg), n, option);
		return false;
	}
	*out = hosts[0];
	return true;
}
