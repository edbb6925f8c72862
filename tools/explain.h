/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_EXPLAIN_H
#define SPEVIRT_TOOLS_EXPLAIN_H

/*
 * What the tool says about a view beyond its registers: the library's
 * reasons in the command's own words, why a guest gets no SPE (or less than
 * the host has) and what would change that, and the one-line verdict of
 * 'spevirt check'.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <spevirt/spevirt.h>

#include "parse.h"

#define CLI_TEXT_MAX	1024

/*
 * @reason with the library's C names in the command's words:
 * SPEVIRT_CFG_UNADVERTISED_LIMIT becomes "--allow unadvertised-limit",
 * SPEVIRT_LEAK_PMCR_FZS "leak PMCR_FZS", spevirt_config.max_buffer_size
 * "--max-buffer-size", and so on.
 */
void cli_words(const char *reason, char *buf, size_t len);

/* Append to @buf (@len bytes, NUL-terminated), as much as fits. */
__attribute__((format(printf, 3, 4)))
void cli_append(char *buf, size_t len, const char *fmt, ...);

/* PMBIDR_EL1.MaxBuffSize of @pmbidr: the field, as spevirt_maxbuf_decode() takes it. */
uint16_t pmbidr_maxbuffsize(uint64_t pmbidr);

/*
 * A refusal's @reason in the command's words (cli_words()), and for a
 * buffer-size refusal (@status SPEVIRT_E_BUFSIZE) on a host whose
 * PMBIDR_EL1.MaxBuffSize limits the buffer, that limit: the library's
 * reason names the field, the command shows @host's value.
 */
void refusal_words(enum spevirt_status status, const char *reason,
		   const struct spevirt_host *host, char *buf, size_t len);

/* A change to the command line that would give the guest more SPE. */
struct hint {
	char change[64];		/* "--allow unadvertised-limit" */
	unsigned int pmsver;		/* the guest PMSVer it would give */
};

#define MAX_HINTS	8

struct why_not {
	/* The refusal of the highest level the host and the profile could give, or NULL. */
	const struct spevirt_attempt *refusal;
	unsigned int nr_hints;
	struct hint hints[MAX_HINTS];
};

/*
 * After spevirt_best_offer_report() chose @chosen for @a: why the level
 * the host and the profile could give was refused, and which single change
 * would give more.  Nothing to say (refusal NULL, no hint) when the guest
 * got that level.
 */
void explain_offer(const struct view_args *a, unsigned int chosen,
		   const struct spevirt_offer_report *report, struct why_not *w);

/*
 * Append to @buf what would give more, once each: a change the reason @why
 * already names ("--allow unadvertised-limit would enforce the limit ...")
 * is not repeated; the others say what level they would give.
 */
void hints_text(const struct why_not *w, const char *why, char *buf, size_t len);

/* The one line of 'spevirt check' when the library refuses: "SPE: no: STATUS: REASON". */
void check_refusal(const struct view_args *a, enum spevirt_status status, const char *reason,
		   char *buf, size_t len);

/* The one line of 'spevirt check', without a newline. */
void check_verdict(const struct view_args *a, const struct spevirt_config *cfg,
		   const struct spevirt_view *view, const struct why_not *w, char *buf,
		   size_t len);

#endif /* SPEVIRT_TOOLS_EXPLAIN_H */
