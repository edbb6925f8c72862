/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_GUESTS_H
#define SPEVIRT_TOOLS_GUESTS_H

/*
 * 'spevirt guests' (its options, its run, its output), and how view and
 * check show a guest driver's verdict (--guest).
 */
#include <stddef.h>
#include <stdio.h>

#include "guest_model.h"

struct json;

/* The verdict as the view's text shows it: a heading and one line per item. */
void text_guest_verdict(FILE *out, const struct guest_verdict *g);
/* The verdict as member @key of a JSON object (docs/cli-json.md, "guest"). */
void json_guest_verdict(struct json *j, const char *key, const struct guest_verdict *g);
/*
 * Append to check's one line what the driver makes of an offered view:
 * whether it probes, and what a limit it cannot see does to it.
 */
void guest_check_clause(const struct guest_verdict *g, char *buf, size_t len);
/* The driver can use the view: a guest with SPE whose driver probes. */
bool guest_uses_spe(const struct guest_verdict *g);

#endif /* SPEVIRT_TOOLS_GUESTS_H */
