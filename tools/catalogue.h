/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_CATALOGUE_H
#define SPEVIRT_TOOLS_CATALOGUE_H

/*
 * What existing hypervisors program for SPE, as data 'spevirt audit
 * --hypervisor NAME' audits (docs/hypervisors.md has each with its source).
 */
#include <spevirt/spevirt_audit.h>

struct catalogue_entry {
	const char *name;	/* what --hypervisor accepts, e.g. "xen" */
	const char *title;	/* one line */
	const char *source;	/* repository @ commit, files */
	const char *notes;	/* what is inferred rather than read in the source */
	/*
	 * Fill @hv for a guest on @host, and adjust @host where the guest sees
	 * it otherwise (a Realm, say); @host is a copy.
	 */
	void (*program)(struct spevirt_host *host, struct spevirt_hypervisor *hv);
};

unsigned int catalogue_count(void);
const struct catalogue_entry *catalogue_get(unsigned int index);
/* The entry called @name (any case), or NULL. */
const struct catalogue_entry *catalogue_find(const char *name);

#endif /* SPEVIRT_TOOLS_CATALOGUE_H */
