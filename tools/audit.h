/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_AUDIT_H
#define SPEVIRT_TOOLS_AUDIT_H

/*
 * 'spevirt audit': spevirt_audit() of a catalogue hypervisor or of values
 * given by option, on a host; text and JSON outputs (docs/cli-json.md).
 */
#include <stdio.h>

#include <spevirt/spevirt_audit.h>

#include "catalogue.h"
#include "guest_model.h"
#include "hostfile.h"
#include "parse.h"

/* What --guest adds: the firmware, a refusal, a fatal limit, the filter probe. */
#define GUEST_MAX_FINDINGS	4
#define GUEST_FINDING_TEXT	384

struct audit_result {
	struct named_host host;		/* as the guest's hypervisor sees it */
	const struct catalogue_entry *entry;	/* --hypervisor, or NULL */
	struct spevirt_hypervisor hv;
	struct spevirt_audit audit;
	enum spevirt_status status;
	const struct guest_driver *guest;	/* --guest, or NULL */
	struct guest_verdict verdict;	/* its verdict on what the guest reads */
	unsigned int nr_guest_findings;
	struct spevirt_finding guest_findings[GUEST_MAX_FINDINGS];
	char guest_texts[GUEST_MAX_FINDINGS][GUEST_FINDING_TEXT];
};

/* Load the host and the catalogue entry; false with @err for a bad argument. */
bool audit_load(const struct audit_args *a, struct audit_result *r, struct parse_error *err);
void audit_run(const struct audit_args *a, struct audit_result *r);
/* Findings of the library and of --guest. */
unsigned int audit_nr_findings(const struct audit_result *r);

void text_audit(FILE *out, const struct audit_result *r);
void json_audit(FILE *out, const struct audit_result *r);
void text_catalogue(FILE *out);
void json_catalogue(FILE *out);

#endif /* SPEVIRT_TOOLS_AUDIT_H */
