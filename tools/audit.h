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

/* 'spevirt audit': what a hypervisor programs, by catalogue name and/or by option */
enum audit_field {
	AF_MDCR, AF_PMSCR, AF_HDFGRTR, AF_HDFGWTR, AF_HDFGRTR2, AF_HDFGWTR2, AF_HFGITR,
	AF_DFR0, AF_DFR2, AF_PMSIDR, AF_PMBIDR, AF_EMULATE, AF_SWITCH, AF_PINNED,
	NR_AUDIT_FIELDS,
};

struct audit_args {
	const char *host;		/* --host: a preset or a host file; NULL: the default */
	const char *hypervisor;		/* --hypervisor: a catalogue name, or NULL */
	struct spevirt_hypervisor hv;	/* the fields given by option */
	unsigned int given;		/* (1 << enum audit_field): fields set by option */
	bool list;			/* --list: the catalogue */
	const struct guest_driver *guest;	/* --guest: judge the set-up for it */
	bool firmware_spe;		/* --firmware-spe yes: the tables describe SPE */
	bool firmware_given;		/* --firmware-spe was given */
	bool as_l1;			/* --as-l1: audit it as a guest hypervisor */
	unsigned int l1_pmsver;		/* the PMSVer L0 gives it (--as-l1 LEVEL) */
	unsigned int l1_fgt;		/* --l1-fgt: the FGT level it is shown */
	bool l1_fgt_given;		/* else the host's (host_fgt_level()) */
	bool json;
	bool help;
};

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
	/* --as-l1: the host L0 runs on, and whether L0 composes L2's SPE exactly */
	struct named_host l0_host;
	enum spevirt_status nested_status;
	const char *nested_reason;
};

/* 'spevirt audit': the whole command (its options, run and output are here). */
int cmd_audit(int argc, char *const argv[]);
extern const char audit_help[];

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
