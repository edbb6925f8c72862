/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_PRESETS_H
#define SPEVIRT_TOOLS_PRESETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <spevirt/spevirt.h>

/*
 * Built-in synthetic hosts, one per architecture level.  None is a vendor's
 * CPU: each register holds values the Arm ARM permits at that level, and
 * @rules says which rules they follow.
 */
struct preset {
	const char *name;		/* what --host accepts, e.g. "armv8.7" */
	const char *title;		/* one line */
	const char *const *rules;	/* the permitted-value rules followed, NULL-terminated */
	struct spevirt_host host;
};

/* The presets, in architecture order. */
unsigned int preset_count(void);
const struct preset *preset_get(unsigned int index);

/* The preset called @name (any case), "none" for the all-zero host, or NULL. */
const struct preset *preset_find(const char *name);

/* @a and @b are the same name, in any case (ASCII). */
bool name_equal(const char *a, const char *b);

/* The host of 'spevirt' and 'spevirt view' without --host: armv8.7. */
const struct preset *preset_default(void);

/* The five host registers, in the order the tool prints them. */
enum host_reg {
	HOST_DFR0,
	HOST_DFR2,
	HOST_MMFR0,
	HOST_PMSIDR,
	HOST_PMBIDR,
	NR_HOST_REGS,
};

struct host_reg_desc {
	const char *name;		/* Arm ARM name */
	size_t offset;			/* in struct spevirt_host */
};

const struct host_reg_desc *host_reg_desc(enum host_reg reg);
uint64_t host_reg_get(const struct spevirt_host *host, enum host_reg reg);
void host_reg_set(struct spevirt_host *host, enum host_reg reg, uint64_t value);

#endif /* SPEVIRT_TOOLS_PRESETS_H */
