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
#include "hostfile.h"
#include "parse.h"

struct audit_result {
	struct named_host host;		/* as the guest's hypervisor sees it */
	const struct catalogue_entry *entry;	/* --hypervisor, or NULL */
	struct spevirt_hypervisor hv;
	struct spevirt_audit audit;
	enum spevirt_status status;
};

/* Load the host and the catalogue entry; false with @err for a bad argument. */
bool audit_load(const struct audit_args *a, struct audit_result *r, struct parse_error *err);
void audit_run(const struct audit_args *a, struct audit_result *r);

void text_audit(FILE *out, const struct audit_result *r);
void json_audit(FILE *out, const struct audit_result *r);
void text_catalogue(FILE *out);
void json_catalogue(FILE *out);

#endif /* SPEVIRT_TOOLS_AUDIT_H */
