// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * 'spevirt guests': the guest drivers the tool models (tools/guest_model.c,
 * docs/guests.md), and their verdicts as view and check show them.
 */
#include <string.h>

#include "command.h"
#include "explain.h"
#include "guests.h"
#include "json.h"
#include "output.h"

const char guests_help[] =
	"Usage: spevirt guests [OPTIONS]\n"
	"\n"
	"The guest SPE drivers whose rules the tool models (docs/guests.md): each\n"
	"one's name for --guest, the versions it stands for and where its rules were\n"
	"read.  view, check and pool take --guest DRIVER to add what that driver\n"
	"makes of the guest's values: whether it probes, what it derives, what a\n"
	"buffer limit does to it, what the firmware tables must describe and what\n"
	"it needs outside SPE.\n"
	"\n"
	"Options:\n"
	"  --json                JSON (docs/cli-json.md) instead of text\n"
	"  -h, --help            this text\n"
	"\n"
	"Exit status: 0 success; 2 usage error; 3 output error.\n";

/* Options */

enum guests_opt {
	GO_HELP = OPT_HELP,
	GO_JSON,
};

static const struct opt_spec guests_opts[] = {
	[GO_HELP] = { "--help", NULL, false },
	[GO_JSON] = { "--json", NULL, false },
};

struct guests_args {
	bool json;
	bool help;
};

static bool guests_option(void *ctx, int o, const char *val, struct parse_error *err)
{
	struct guests_args *a = ctx;

	(void)o;
	(void)val;
	(void)err;
	a->json = true;
	return true;
}

static bool parse_guests_args(int argc, char *const argv[], struct guests_args *a,
			      struct parse_error *err)
{
	struct scanner sc = SCANNER("guests", argc, argv, guests_opts);
	int n;

	*a = (struct guests_args){ .json = false };
	return scan_all(&sc, NULL, 0, &n, " [OPTIONS]", guests_option, a, &a->help, err);
}

/* Output */

static void text_guests(FILE *out)
{
	unsigned int i;

	fprintf(out, "Guest SPE drivers modelled (--guest DRIVER; docs/guests.md):\n");
	for (i = 0; i < NR_GUEST_DRIVERS; i++) {
		const struct guest_driver *d = guest_driver_get(i);
		char line[512];

		fprintf(out, "\n%s%s\n", d->name, d->proposed ? " (proposed, in no release)" : "");
		snprintf(line, sizeof(line), "stands for: %s", d->stands_for);
		fputs("  ", out);
		print_wrapped(out, 2, 4, line);
		snprintf(line, sizeof(line), "read in: %s", d->source);
		fputs("  ", out);
		print_wrapped(out, 2, 4, line);
	}
}

static void json_guests(FILE *out)
{
	struct json j;
	unsigned int i;

	json_begin_command(&j, out, "guests");
	json_array(&j, "guests");
	for (i = 0; i < NR_GUEST_DRIVERS; i++) {
		const struct guest_driver *d = guest_driver_get(i);

		json_object(&j, NULL);
		json_str(&j, "name", d->name);
		json_str(&j, "stands_for", d->stands_for);
		json_str(&j, "source", d->source);
		json_bool(&j, "proposed", d->proposed);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end(&j);
}

int cmd_guests(int argc, char *const argv[])
{
	struct guests_args a;
	struct parse_error err;

	if (!parse_guests_args(argc, argv, &a, &err))
		return usage_error(CMD_GUESTS, argc, argv, &err);
	if (a.help)
		return show_help(CMD_GUESTS);
	if (a.json)
		json_guests(stdout);
	else
		text_guests(stdout);
	return finish(EXIT_OK);
}

/* A verdict, for view and check */

bool guest_uses_spe(const struct guest_verdict *g)
{
	return g->probes;
}

static void feature_list(const struct guest_verdict *g, char *buf, size_t len)
{
	unsigned int f, n = 0;

	for (f = 0; f < NR_GUEST_FEATURES; f++)
		if (g->features & (1U << f))
			cli_append(buf, len, "%s%s", n++ ? ", " : "", guest_feature_name(f));
	if (!n)
		cli_append(buf, len, "none");
}

static void limit_text(const struct guest_verdict *g, char *buf, size_t len)
{
	char size[32], largest[32];

	if (g->buffer_limit == GUEST_LIMIT_NONE) {
		cli_append(buf, len, "no limit: any buffer works");
		return;
	}
	format_size(g->largest_buffer, largest, sizeof(largest));
	if (g->buffer_limit == GUEST_LIMIT_REFUSED_AT_SETUP) {
		cli_append(buf, len, "refused at setup: it reads PMBIDR_EL1.MaxBuffSize and "
			   "refuses an AUX buffer above %s", largest);
		return;
	}
	format_size(g->driver->rules & GUEST_HALF_BUFFERS ? g->largest_buffer / 2 :
							   g->largest_buffer, size, sizeof(size));
	cli_append(buf, len, "fatal above the limit: it does not read PMBIDR_EL1.MaxBuffSize, "
		   "and the buffer-size event of a buffer above %s ends the session; the "
		   "largest trace buffer that works is %s", size, largest);
}

/* "item: text", wrapped under the verdict's heading. */
static void item(FILE *out, const char *name, const char *text)
{
	char line[1024];

	snprintf(line, sizeof(line), "%s: %s", name, text);
	fputs("  ", out);
	print_wrapped(out, 2, 4, line);
}

static void text_derived(FILE *out, const struct guest_verdict *g)
{
	char line[512] = "";

	feature_list(g, line, sizeof(line));
	item(out, "features", line);
	line[0] = '\0';
	cli_append(line, sizeof(line), "minimum interval %u, period floor %u", g->min_interval,
	    g->period_floor);
	if (g->max_record_size)
		cli_append(line, sizeof(line), ", records up to %u bytes, %u-bit counters",
		    g->max_record_size, g->counter_size);
	cli_append(line, sizeof(line), ", buffer alignment %u byte%s", g->align, g->align > 1 ? "s" : "");
	item(out, "derives", line);
	item(out, "event filter", g->event_filter);
	line[0] = '\0';
	limit_text(g, line, sizeof(line));
	item(out, "buffer", line);
}

void text_guest_verdict(FILE *out, const struct guest_verdict *g)
{
	unsigned int i;

	fprintf(out, "\nGuest driver %s%s\n", g->driver->name,
		g->driver->proposed ? " (proposed, in no release)" : "");
	if (g->probes) {
		item(out, "probes", "yes");
		text_derived(out, g);
	} else {
		item(out, "probes", "no");
		item(out, "refusal", g->refusal);
	}
	item(out, "firmware", g->firmware_text);
	for (i = 0; i < g->nr_needs; i++)
		item(out, "needs", g->needs[i]);
}

static void json_uint_or_null(struct json *j, const char *key, uint64_t v)
{
	if (v)
		json_uint(j, key, v);
	else
		json_null(j, key);
}

void json_guest_verdict(struct json *j, const char *key, const struct guest_verdict *g)
{
	unsigned int i;

	json_object(j, key);
	json_str(j, "name", g->driver->name);
	json_bool(j, "proposed", g->driver->proposed);
	json_bool(j, "probes", g->probes);
	json_str(j, "refusal", g->refusal);
	json_array(j, "features");
	for (i = 0; i < NR_GUEST_FEATURES; i++)
		if (g->features & (1U << i))
			json_str(j, NULL, guest_feature_name(i));
	json_end_array(j);
	json_uint_or_null(j, "min_interval", g->min_interval);
	json_uint_or_null(j, "period_floor", g->period_floor);
	json_uint_or_null(j, "max_record_size", g->max_record_size);
	json_uint_or_null(j, "align", g->align);
	json_uint_or_null(j, "counter_size", g->counter_size);
	json_str(j, "event_filter", g->event_filter);
	json_str(j, "buffer_limit", guest_limit_name(g->buffer_limit));
	json_uint_or_null(j, "largest_buffer", g->largest_buffer);
	json_str(j, "firmware", guest_firmware_name(g->firmware));
	json_str(j, "firmware_text", g->firmware_text);
	json_array(j, "needs");
	for (i = 0; i < g->nr_needs; i++)
		json_str(j, NULL, g->needs[i]);
	json_end_array(j);
	json_end_object(j);
}

void guest_check_clause(const struct guest_verdict *g, char *buf, size_t len)
{
	const char *name = g->driver->name;
	char size[32];

	if (g->firmware == GUEST_FW_MUST_NOT) {
		cli_append(buf, len, "; %s: describe no SPE interrupt in the firmware tables, or "
			   "the guest crashes at boot", name);
		return;
	}
	if (g->firmware == GUEST_FW_NONE_NEEDED) {
		cli_append(buf, len, "; %s needs no SPE interrupt in the firmware tables", name);
		return;
	}
	if (!g->probes) {
		cli_append(buf, len, "; but %s does not probe: %s", name, g->refusal);
		return;
	}
	format_size(g->largest_buffer, size, sizeof(size));
	if (g->buffer_limit == GUEST_LIMIT_FATAL_ABOVE)
		cli_append(buf, len, "; but %s ends any session whose trace buffer exceeds %s: "
			   "keep %s at or below %s, or give no limit", name, size,
			   (g->driver->rules & GUEST_CHECKS_PMSVER) ? "perf -m" : "the hwt buffer",
			   size);
	else if (g->buffer_limit == GUEST_LIMIT_REFUSED_AT_SETUP)
		cli_append(buf, len, "; %s refuses trace buffers above %s at setup", name, size);
	else
		cli_append(buf, len, "; %s probes it", name);
	if (g->nr_needs)
		cli_append(buf, len, " (it needs no KPTI: ID_AA64PFR0_EL1.CSV3 = 1 and, with "
			   "KASLR, ID_AA64MMFR2_EL1.E0PD, or kpti=off)");
}
