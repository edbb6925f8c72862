// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * 'spevirt pool' and 'spevirt migrate' (fleet.h): a pool's common guest
 * offer and each host's trap plan; whether a running guest can move to a
 * host, field by field.
 */
#include <string.h>

#include "decode.h"
#include "explain.h"
#include "fleet.h"
#include "guests.h"
#include "json.h"
#include "output.h"

#define LINE_BUF	512

bool pool_load(const struct fleet_args *a, struct pool_result *r, struct parse_error *err)
{
	unsigned int i;

	*r = (struct pool_result){ .nr_hosts = 0 };
	for (i = 0; i < a->nr_hosts; i++)
		if (!host_arg_load(a->hosts[i], r->hosts, SPEVIRT_MAX_POOL, &r->nr_hosts, err))
			return false;
	return true;
}

bool migrate_load(const struct fleet_args *a, struct migrate_result *r, struct parse_error *err)
{
	*r = (struct migrate_result){ .status = SPEVIRT_OK };
	return host_arg_load_one("--from", a->from, &r->from, err) &&
	       host_arg_load_one("--to", a->to, &r->to, err);
}

void pool_run(const struct fleet_args *a, struct pool_result *r)
{
	struct spevirt_host hosts[SPEVIRT_MAX_POOL];
	unsigned int i;

	for (i = 0; i < r->nr_hosts; i++)
		hosts[i] = r->hosts[i].host;
	r->cfg = a->cfg;
	/* A bound of none is a guest without SPE, not an offer without a bound. */
	r->no_spe = a->pmsver_given && a->cfg.pmsver == SPEVIRT_PMSVER_NI;
	if (r->no_spe)
		r->status = spevirt_pool_compute(hosts, r->nr_hosts, &r->cfg, &r->pool, r->views);
	else
		r->status = spevirt_pool_best_offer(hosts, r->nr_hosts, &r->cfg, &r->pool,
						    r->views);
	r->guest = a->guest;
	for (i = 0; a->guest && r->status == SPEVIRT_OK && i < r->nr_hosts; i++)
		guest_model(a->guest, &r->views[i], &r->verdicts[i]);
}

void migrate_run(const struct fleet_args *a, struct migrate_result *r)
{
	r->cfg = a->cfg;
	if (a->pmsver_given)
		r->source_status = spevirt_view_compute(&r->from.host, &r->cfg, &r->source);
	else
		r->source_status = spevirt_best_offer(&r->from.host, &r->cfg, &r->source);
	if (r->source_status != SPEVIRT_OK) {
		r->status = r->source_status;
		return;
	}
	r->status = spevirt_migrate_check(&r->source, &r->cfg, &r->to.host, &r->dest, &r->report);
	/* The driver probed on the source; a move it may make keeps every value it read. */
	r->guest = a->guest;
	if (a->guest)
		guest_model(a->guest, &r->source, &r->verdict);
}

/* Text */

static void print_guest_line(FILE *out, const struct spevirt_config *c, const char *why)
{
	char line[2 * LINE_BUF], size[32];	/* @why is at most LINE_BUF */
	const char *name = pmsver_name(c->pmsver);

	if (c->max_buffer_size)
		format_size(c->max_buffer_size, size, sizeof(size));
	snprintf(line, sizeof(line), "Guest: profile %s, PMSVer %s, SPE_nVM %u, buffer limit %s%s",
		 profile_name(c->profile), name ? name : "?", c->spe_nvm,
		 c->max_buffer_size ? size : "none", why);
	print_wrapped(out, 0, 7, line);
}

static void print_value(FILE *out, const char *name, uint64_t value)
{
	const struct spevirt_reg_desc *reg = spevirt_reg_find(name);

	fprintf(out, "  %-17s 0x%016llx\n", name, (unsigned long long)value);
	if (reg)
		decode_print(out, reg, value, ~0ULL, DECODE_SPE);
}

/* @lead, then the names of @leaks, or none. */
static void print_leak_names(FILE *out, const char *lead, uint64_t leaks)
{
	struct leak_desc l;
	unsigned int i, n = 0;

	fprintf(out, "%s", lead);
	for (i = 0; leak_desc(i, &l); i++)
		if (leaks & l.bit)
			fprintf(out, "%s%s", n++ ? ", " : "", l.name);
	fprintf(out, "%s\n", n ? "" : "none");
}

/* The trap controls of a view, one line each, and its leaks. */
static void print_plan(FILE *out, const char *name, const struct spevirt_view *v)
{
	struct view_reg traps[NR_TRAP_REGS];
	unsigned int i;

	view_trap_regs(v, traps);
	fprintf(out, "  %s\n", name);
	for (i = 0; i < NR_TRAP_REGS; i++)
		fprintf(out, "    %-15s mask 0x%016llx  value 0x%016llx\n", traps[i].name,
			(unsigned long long)traps[i].mask, (unsigned long long)traps[i].value);
	fprintf(out, "    ID reads trapped: PMSIDR_EL1 %s, PMBIDR_EL1 %s\n",
		spevirt_access_trapped(v, SPEVIRT_SYSREG_PMSIDR_EL1, false) ? "yes" : "no",
		spevirt_access_trapped(v, SPEVIRT_SYSREG_PMBIDR_EL1, false) ? "yes" : "no");
	print_leak_names(out, "    leaks: ", v->leaks);
}

static void print_reason(FILE *out, const char *lead, const char *reason)
{
	char words[CLI_TEXT_MAX], line[LINE_BUF + CLI_TEXT_MAX];

	cli_words(reason, words, sizeof(words));
	snprintf(line, sizeof(line), "%s%s", lead, words);
	print_wrapped(out, 0, 2, line);
}

/* Two hosts' verdicts say the same (their own texts are shared constants). */
static bool same_verdict(const struct guest_verdict *a, const struct guest_verdict *b)
{
	return a->probes == b->probes && a->refusal == b->refusal &&
	       a->event_filter == b->event_filter && a->features == b->features &&
	       a->buffer_limit == b->buffer_limit;
}

/* The driver's verdict once when every host gives the same, else per host. */
static void print_pool_verdicts(FILE *out, const struct pool_result *r)
{
	unsigned int i;

	for (i = 1; i < r->nr_hosts; i++)
		if (!same_verdict(&r->verdicts[0], &r->verdicts[i]))
			break;
	if (i == r->nr_hosts) {
		text_guest_verdict(out, &r->verdicts[0]);
		return;
	}
	for (i = 0; i < r->nr_hosts; i++) {
		fprintf(out, "\nOn %s:", r->hosts[i].name);
		text_guest_verdict(out, &r->verdicts[i]);
	}
}

void text_pool(FILE *out, const struct pool_result *r)
{
	char lead[LINE_BUF];
	unsigned int i;

	fprintf(out, "Pool of %u host%s:", r->nr_hosts, r->nr_hosts == 1 ? "" : "s");
	for (i = 0; i < r->nr_hosts; i++)
		fprintf(out, "%s %s", i ? "," : "", r->hosts[i].name);
	fprintf(out, "\n");
	print_guest_line(out, &r->cfg, r->no_spe ? " (--pmsver none)" : " (the best every host gives)");
	if (r->pool.reason) {
		snprintf(lead, sizeof(lead), "Limited by %s: ", r->hosts[r->pool.host].name);
		print_reason(out, lead, r->pool.reason);
	} else {
		fprintf(out, "Nothing in the pool limits it: its best host gives no more alone\n");
	}
	if (r->cfg.pmsver) {
		fprintf(out, "\nEvery host presents\n");
		print_value(out, "PMSIDR_EL1", r->pool.pmsidr_el1);
		print_value(out, "PMBIDR_EL1", r->pool.pmbidr_el1);
	}
	fprintf(out, "\nEach host's trap plan (program each as reg = (reg & ~mask) | value)\n");
	for (i = 0; i < r->nr_hosts; i++)
		print_plan(out, r->hosts[i].name, &r->views[i]);
	if (r->guest)
		print_pool_verdicts(out, r);
}

static void print_migration(FILE *out, const struct migrate_result *r)
{
	char why[LINE_BUF], words[CLI_TEXT_MAX];
	unsigned int i;

	fprintf(out, "Migration from %s to %s: %s\n", r->from.name, r->to.name,
		r->status == SPEVIRT_OK ? "possible" : "not possible");
	snprintf(why, sizeof(why), " (on %s)", r->from.name);
	print_guest_line(out, &r->cfg, why);
	if (r->report.nr_issues)
		fprintf(out, "\nWhy not (the guest reads / %s has)\n", r->to.name);
	for (i = 0; i < r->report.nr_issues; i++) {
		const struct spevirt_issue *is = &r->report.issues[i];

		fprintf(out, "  %-24s 0x%llx / 0x%llx\n", is->field,
			(unsigned long long)is->wanted, (unsigned long long)is->found);
		cli_words(is->rule, words, sizeof(words));
		fprintf(out, "    ");
		print_wrapped(out, 4, 4, words);
	}
	if (r->status != SPEVIRT_OK && !r->report.new_leaks && !r->report.gone_leaks)
		return;
	fprintf(out, "\nLeaks the move adds on %s\n", r->to.name);
	print_leak_names(out, "  ", r->report.new_leaks);
	fprintf(out, "\nLeaks the move closes (the guest observed them on %s)\n", r->from.name);
	print_leak_names(out, "  ", r->report.gone_leaks);
	if (r->status != SPEVIRT_OK)
		return;
	fprintf(out, "\nDestination trap plan (program each as reg = (reg & ~mask) | value)\n");
	print_plan(out, r->to.name, &r->dest);
}

void text_migrate(FILE *out, const struct migrate_result *r)
{
	print_migration(out, r);
	/* What the driver probed on the source, and keeps on a destination it may move to. */
	if (r->guest)
		text_guest_verdict(out, &r->verdict);
}

/* JSON */

static void host_members(struct json *j, const struct named_host *h)
{
	json_str(j, "name", h->name);
	json_host_members(j, &h->host);
}

static void host_obj(struct json *j, const char *key, const struct named_host *h)
{
	json_object(j, key);
	host_members(j, h);
	json_end_object(j);
}

static void config_obj(struct json *j, const struct spevirt_config *c)
{
	json_object(j, "config");
	json_config_level(j, c);
	json_config_rest(j, c);
	json_end_object(j);
}

static void leak_names(struct json *j, const char *key, uint64_t leaks)
{
	struct leak_desc l;
	unsigned int i;

	json_array(j, key);
	for (i = 0; leak_desc(i, &l); i++)
		if (leaks & l.bit)
			json_str(j, NULL, l.name);
	json_end_array(j);
}

void json_pool(FILE *out, const struct pool_result *r)
{
	bool ok = r->status == SPEVIRT_OK;
	struct json j;
	unsigned int i;

	json_begin_command(&j, out, "pool");
	config_obj(&j, &r->cfg);
	json_status_members(&j, r->status);
	if (r->pool.reason) {
		json_object(&j, ok ? "limited_by" : "refused_by");
		json_uint(&j, "host", r->pool.host);
		json_str(&j, "name", r->hosts[r->pool.host].name);
		json_str(&j, "reason", r->pool.reason);
		json_end_object(&j);
	} else {
		json_null(&j, ok ? "limited_by" : "refused_by");
	}
	if (ok) {
		json_object(&j, "guest");
		json_reg(&j, "PMSIDR_EL1", r->pool.pmsidr_el1);
		json_reg(&j, "PMBIDR_EL1", r->pool.pmbidr_el1);
		json_end_object(&j);
	} else {
		json_null(&j, "guest");
	}
	json_array(&j, "hosts");
	for (i = 0; i < r->nr_hosts; i++) {
		json_object(&j, NULL);
		host_obj(&j, "host", &r->hosts[i]);
		if (ok)
			json_view_object(&j, "view", &r->views[i]);
		else
			json_null(&j, "view");
		if (ok && r->guest)
			json_guest_verdict(&j, "guest", &r->verdicts[i]);
		else
			json_null(&j, "guest");
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end(&j);
}

void json_migrate(FILE *out, const struct migrate_result *r)
{
	unsigned int i;
	struct json j;

	json_begin_command(&j, out, "migrate");
	host_obj(&j, "from", &r->from);
	host_obj(&j, "to", &r->to);
	config_obj(&j, &r->cfg);
	json_status_members(&j, r->status);
	json_bool(&j, "possible", r->status == SPEVIRT_OK);
	json_str(&j, "reason", r->source_status != SPEVIRT_OK ? r->source.reason :
			       r->dest.reason);
	json_array(&j, "issues");
	for (i = 0; i < r->report.nr_issues; i++) {
		json_object(&j, NULL);
		json_str(&j, "field", r->report.issues[i].field);
		json_hex(&j, "guest", r->report.issues[i].wanted);
		json_hex(&j, "destination", r->report.issues[i].found);
		json_str(&j, "rule", r->report.issues[i].rule);
		json_end_object(&j);
	}
	json_end_array(&j);
	leak_names(&j, "new_leaks", r->report.new_leaks);
	leak_names(&j, "gone_leaks", r->report.gone_leaks);
	if (r->source_status == SPEVIRT_OK)
		json_view_object(&j, "source_view", &r->source);
	else
		json_null(&j, "source_view");
	if (r->status == SPEVIRT_OK)
		json_view_object(&j, "destination_view", &r->dest);
	else
		json_null(&j, "destination_view");
	if (r->guest && r->source_status == SPEVIRT_OK)
		json_guest_verdict(&j, "guest", &r->verdict);
	else
		json_null(&j, "guest");
	json_end(&j);
}
