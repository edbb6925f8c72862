// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The library's reasons in the command's words, why a guest gets less SPE
 * than the host has, and the verdict of 'spevirt check'.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "explain.h"
#include "report.h"

/* Fields of the library's structures, as the options that set them. */
static const struct {
	const char *c_name;
	const char *words;
} field_words[] = {
	{ "spevirt_config.max_buffer_size", "--max-buffer-size" },
	{ "spevirt_config.accepted_leaks", "--accept-leak" },
	{ "spevirt_config.spe_nvm", "--nvm" },
	{ "spevirt_config.pmsver", "--pmsver" },
	{ "spevirt_config.profile", "--profile" },
	{ "spevirt_config.flags", "the options" },
	{ "spevirt_host.el3_disabled", "--el3-disabled" },
};

#define NR_FIELD_WORDS	(sizeof(field_words) / sizeof(field_words[0]))

void cli_append(char *buf, size_t len, const char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list ap;

	if (used + 1 >= len)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + used, len - used, fmt, ap);
	va_end(ap);
}

/* The words for the C name at @p, and its length in *@n; NULL when none starts there. */
static const char *words_at(const char *p, size_t *n, char *tmp, size_t tmp_len)
{
	size_t id = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
	unsigned int i;

	for (i = 0; i < NR_FIELD_WORDS; i++)
		if (!strncmp(p, field_words[i].c_name, strlen(field_words[i].c_name))) {
			*n = strlen(field_words[i].c_name);
			return field_words[i].words;
		}
	*n = id;
	for (i = 0; flag_desc(i); i++)
		if (id == strlen(flag_desc(i)->c_name) && !strncmp(p, flag_desc(i)->c_name, id))
			return flag_desc(i)->option;
	for (i = 0; el3_desc(i); i++)
		if (id == strlen(el3_desc(i)->c_name) && !strncmp(p, el3_desc(i)->c_name, id)) {
			snprintf(tmp, tmp_len, "--el3-disabled %s", el3_desc(i)->name);
			return tmp;
		}
	if (id > strlen("SPEVIRT_LEAK_") && !strncmp(p, "SPEVIRT_LEAK_", strlen("SPEVIRT_LEAK_"))) {
		snprintf(tmp, tmp_len, "leak %.*s", (int)(id - strlen("SPEVIRT_LEAK_")),
			 p + strlen("SPEVIRT_LEAK_"));
		return tmp;
	}
	return NULL;
}

void cli_words(const char *reason, char *buf, size_t len)
{
	const char *p = reason ? reason : "(the library gave no reason)";
	char tmp[64];

	buf[0] = '\0';
	while (*p) {
		size_t n;
		const char *w = words_at(p, &n, tmp, sizeof(tmp));

		if (w && n) {
			cli_append(buf, len, "%s", w);
			p += n;
		} else {
			cli_append(buf, len, "%c", *p++);
		}
	}
}

uint16_t pmbidr_maxbuffsize(uint64_t pmbidr)
{
	return (uint16_t)((pmbidr & SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE) >>
			  SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE_SHIFT);
}

void refusal_words(enum spevirt_status status, const char *reason,
		   const struct spevirt_host *host, char *buf, size_t len)
{
	uint16_t field = pmbidr_maxbuffsize(host->pmbidr_el1);
	uint64_t limit = spevirt_maxbuf_decode(field);
	char size[32];

	cli_words(reason, buf, len);
	if (status != SPEVIRT_E_BUFSIZE || !limit)
		return;
	format_size(limit, size, sizeof(size));
	cli_append(buf, len, " (the host's limit: %s, PMBIDR_EL1.MaxBuffSize 0x%04x)", size,
		   (unsigned int)field);
}

/* The host's PMSVer as the library reads it: above V1P5 is V1P5. */
static unsigned int host_level(const struct spevirt_host *host)
{
	unsigned int v = (unsigned int)((host->id_aa64dfr0_el1 & SPEVIRT_ID_AA64DFR0_EL1_PMSVER) >>
					SPEVIRT_ID_AA64DFR0_EL1_PMSVER_SHIFT);

	return v > SPEVIRT_PMSVER_V1P5 ? SPEVIRT_PMSVER_V1P5 : v;
}

/* The level the host and the profile could give, within --pmsver when given. */
static unsigned int target_level(const struct view_args *a)
{
	unsigned int v = host_level(&a->host);
	unsigned int profile_max = a->cfg.profile == SPEVIRT_PROFILE_KVM_RFC_V6 ?
					   SPEVIRT_PMSVER_V1P5 : SPEVIRT_PMSVER_V1P4;

	if (v > profile_max)
		v = profile_max;
	if (a->pmsver_given && a->cfg.pmsver < v)
		v = a->cfg.pmsver;
	return v;
}

/* The level spevirt_best_offer() gives with @cfg. */
static unsigned int offer_level(const struct view_args *a, struct spevirt_config cfg)
{
	struct spevirt_view view;

	if (!a->pmsver_given)
		cfg.pmsver = SPEVIRT_PMSVER_NI;
	if (spevirt_best_offer(&a->host, &cfg, &view) != SPEVIRT_OK)
		return 0;
	return cfg.pmsver;
}

static void try_hint(const struct view_args *a, unsigned int chosen, struct spevirt_config cfg,
		     const char *change, struct why_not *w)
{
	unsigned int got = offer_level(a, cfg);
	struct hint *h;

	if (got <= chosen || w->nr_hints == MAX_HINTS)
		return;
	h = &w->hints[w->nr_hints++];
	snprintf(h->change, sizeof(h->change), "%s", change);
	h->pmsver = got;
}

/* Each single change to the command line that could give more. */
static void find_hints(const struct view_args *a, unsigned int chosen, struct why_not *w)
{
	struct spevirt_config cfg = a->cfg;
	bool dflt = cfg.profile == SPEVIRT_PROFILE_DEFAULT;

	if (dflt && !(cfg.flags & SPEVIRT_CFG_TPMS_FALLBACK)) {
		cfg.flags = a->cfg.flags | SPEVIRT_CFG_TPMS_FALLBACK;
		try_hint(a, chosen, cfg, "--allow tpms-fallback", w);
	}
	if (dflt && a->cfg.max_buffer_size && !(a->cfg.flags & SPEVIRT_CFG_UNADVERTISED_LIMIT)) {
		cfg.flags = a->cfg.flags | SPEVIRT_CFG_UNADVERTISED_LIMIT;
		try_hint(a, chosen, cfg, "--allow unadvertised-limit", w);
	}
	cfg.flags = a->cfg.flags;
	if (a->cfg.max_buffer_size) {
		cfg.max_buffer_size = 0;
		try_hint(a, chosen, cfg, "--max-buffer-size 0", w);
		cfg.max_buffer_size = a->cfg.max_buffer_size;
	}
	if (!dflt) {
		cfg.profile = SPEVIRT_PROFILE_DEFAULT;
		try_hint(a, chosen, cfg, "--profile default", w);
		cfg.profile = a->cfg.profile;
	}
	if (a->cfg.flags & SPEVIRT_CFG_FORBID_LEAKS) {
		cfg.flags = a->cfg.flags & ~SPEVIRT_CFG_FORBID_LEAKS;
		try_hint(a, chosen, cfg, "no --forbid-leaks", w);
	}
}

void explain_offer(const struct view_args *a, unsigned int chosen,
		   const struct spevirt_offer_report *report, struct why_not *w)
{
	unsigned int target = target_level(a), i;

	*w = (struct why_not){ .refusal = NULL };
	if (chosen >= target)
		return;
	for (i = 0; i < report->nr_attempts; i++)
		if (report->attempts[i].pmsver == target && !report->attempts[i].spe_nvm)
			w->refusal = &report->attempts[i];
	find_hints(a, chosen, w);
}

/* "PMBIDR_EL1 reads, the buffer registers": what reaches the hypervisor. */
static void trapped_list(const struct spevirt_view *v, char *buf, size_t len)
{
	struct access_row rows[SPEVIRT_NR_SPE_SLOTS];
	unsigned int i, n = view_access(v, rows), listed = 0;
	bool buffer = false, forward = false;

	for (i = 0; i < n; i++) {
		uint32_t enc = rows[i].reg->encoding;

		if (rows[i].read == SPEVIRT_ACCESS_READ_VIEW && rows[i].write != SPEVIRT_ACCESS_FORWARD)
			cli_append(buf, len, "%s%s reads", listed++ ? ", " : "", rows[i].reg->name);
		/* A register the guest lacks and the hardware has: trapped to UNDEF. */
		if (!forward && rows[i].read == SPEVIRT_ACCESS_UNDEF &&
		    spevirt_access_trapped(v, enc, false))
			cli_append(buf, len, "%s%s (UNDEF)", listed++ ? ", " : "", rows[i].reg->name);
		buffer |= rows[i].read == SPEVIRT_ACCESS_EMULATE;
		forward |= rows[i].read == SPEVIRT_ACCESS_FORWARD;
	}
	if (buffer)
		cli_append(buf, len, "%sthe buffer registers (emulated)", listed++ ? ", " : "");
	if (forward)
		cli_append(buf, len, "%sthe sampling registers (MDCR_EL2.TPMS, forwarded)",
			   listed++ ? ", " : "");
	if (!listed)
		cli_append(buf, len, "nothing");
}

static void leak_list(uint64_t leaks, char *buf, size_t len)
{
	unsigned int i, listed = 0;

	for (i = 0; spevirt_leak_name(i); i++)
		if (leaks & (1ULL << i))
			cli_append(buf, len, "%s%s", listed++ ? ", " : "", spevirt_leak_name(i));
	if (!listed)
		cli_append(buf, len, "none");
}

static void yes_verdict(const struct spevirt_config *cfg, const struct spevirt_view *v,
			char *buf, size_t len)
{
	char size[32];

	cli_append(buf, len, "SPE: yes, %s%s, traps ", pmsver_name(cfg->pmsver),
		   cfg->spe_nvm ? " with SPE_nVM" : "");
	trapped_list(v, buf, len);
	if (v->max_buffer_size) {
		format_size(v->max_buffer_size, size, sizeof(size));
		cli_append(buf, len, ", buffer limit %s%s", size,
			   v->limit_advertised ? "" : " (not advertised)");
	} else {
		cli_append(buf, len, ", no buffer limit");
	}
	cli_append(buf, len, ", leaks: ");
	leak_list(v->leaks, buf, len);
}

void hints_text(const struct why_not *w, const char *why, char *buf, size_t len)
{
	unsigned int i, n = 0;

	for (i = 0; i < w->nr_hints; i++) {
		if (strstr(why, w->hints[i].change))
			continue;
		cli_append(buf, len, "%s%s would give %s", n++ ? ", " : "; ", w->hints[i].change,
			   pmsver_name(w->hints[i].pmsver));
	}
}

void check_refusal(const struct view_args *a, enum spevirt_status status, const char *reason,
		   char *buf, size_t len)
{
	char why[CLI_TEXT_MAX];

	refusal_words(status, reason, &a->host, why, sizeof(why));
	snprintf(buf, len, "SPE: no: %s: %s", spevirt_strerror(status), why);
}

void check_verdict(const struct view_args *a, const struct spevirt_config *cfg,
		   const struct spevirt_view *view, const struct why_not *w, char *buf,
		   size_t len)
{
	char why[CLI_TEXT_MAX];

	buf[0] = '\0';
	if (cfg->pmsver) {
		yes_verdict(cfg, view, buf, len);
		if (w->refusal) {
			refusal_words(w->refusal->status, w->refusal->reason, &a->host, why,
				      sizeof(why));
			cli_append(buf, len, "; not %s: %s", pmsver_name(w->refusal->pmsver), why);
			hints_text(w, why, buf, len);
		}
		return;
	}
	why[0] = '\0';
	if (!host_level(&a->host))
		cli_append(buf, len, "SPE: no: the host has none (ID_AA64DFR0_EL1.PMSVer 0)");
	else if (!w->refusal)
		cli_append(buf, len, "SPE: no: --pmsver none");
	else {
		refusal_words(w->refusal->status, w->refusal->reason, &a->host, why, sizeof(why));
		cli_append(buf, len, "SPE: no: %s", why);
	}
	hints_text(w, why, buf, len);
}
