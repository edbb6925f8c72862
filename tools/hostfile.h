/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_HOSTFILE_H
#define SPEVIRT_TOOLS_HOSTFILE_H

/*
 * Host description files (docs/cli-json.md, "Host files"), read with
 * jansson.  A file holds one host object, a list of them, or the output of
 * 'spevirt view --json', 'spevirt presets --json' or 'spevirt pool --json',
 * so one command's output feeds the next.
 */
#include <stdbool.h>
#include <stddef.h>

#include <spevirt/spevirt.h>

#include "parse.h"

struct named_host {
	char name[HOST_NAME_MAX_LEN];	/* the "name" (or "preset") member, or FILE#N */
	struct spevirt_host host;
};

/*
 * Parse the JSON document @buf of @len bytes, named @label in messages,
 * appending its hosts to @hosts, which has room for @max and holds *@n.
 * Return: false with @err naming @label, the path inside the document and
 * what was expected.
 */
bool hostfile_parse(const char *label, const char *buf, size_t len, struct named_host *hosts,
		    unsigned int max, unsigned int *n, struct parse_error *err);

/*
 * @arg as a host: a preset name (any case), else a host file read with
 * hostfile_parse().  Appends to @hosts as hostfile_parse() does.
 */
bool host_arg_load(const char *arg, struct named_host *hosts, unsigned int max, unsigned int *n,
		   struct parse_error *err);

/*
 * The host of option @option (--from, --to, --host): a preset, or a host
 * file that holds exactly one host.
 */
bool host_arg_load_one(const char *option, const char *arg, struct named_host *out,
		       struct parse_error *err);

#endif /* SPEVIRT_TOOLS_HOSTFILE_H */
