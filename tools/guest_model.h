/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_GUEST_MODEL_H
#define SPEVIRT_TOOLS_GUEST_MODEL_H

/*
 * What a guest's SPE driver does with a view: the rules of each driver
 * generation, as read in its source (docs/guests.md cites file, function
 * and version for each), applied to the values the guest reads.  Pure data
 * and pure functions: parse.c names the drivers, the commands report them.
 */
#include <stdbool.h>
#include <stdint.h>

#include <spevirt/spevirt.h>

/* The rules that set one driver generation apart. */
#define GUEST_CHECKS_PMSVER	(1U << 0)	/* reads PMSVer first, refuses 0 */
#define GUEST_CHECKS_MAXSIZE	(1U << 1)	/* refuses MaxSize outside 16 B..2 KiB */
#define GUEST_REFUSES_KPTI	(1U << 2)	/* does not probe when KPTI is on */
#define GUEST_READS_MAXBUFFSIZE	(1U << 3)	/* refuses an AUX buffer above MaxBuffSize */
#define GUEST_PROBES_PMSEVFR	(1U << 4)	/* writes ones to PMSEVFR_EL1, reads back */
#define GUEST_KNOWS_V1P2	(1U << 5)	/* FnE, EFT, discard (PMSVer >= V1P2) */
#define GUEST_KNOWS_FDS		(1U << 6)	/* PMSDSFR_EL1 with PMSIDR_EL1.FDS */
#define GUEST_PERIOD_FLOOR_256	(1U << 7)	/* period floor 256, not the Interval's */
#define GUEST_READS_FEATURES	(1U << 8)	/* features, record size and counter size */
#define GUEST_HALF_BUFFERS	(1U << 9)	/* each SPE buffer is half its trace buffer */

struct guest_driver {
	const char *name;		/* what --guest takes: "linux-6.1" */
	const char *stands_for;		/* the versions it models */
	const char *source;		/* where its rules were read */
	bool proposed;			/* in no release */
	unsigned int rules;		/* GUEST_* */
};

#define NR_GUEST_DRIVERS	5

const struct guest_driver *guest_driver_get(unsigned int index);
/* The driver called @name (any case), or NULL. */
const struct guest_driver *guest_driver_find(const char *name);

/* Features a driver detects, by the name its generation gives them. */
enum guest_feature {
	GF_FE, GF_FT, GF_FL, GF_ARCHINST, GF_LDS, GF_ERND, GF_FNE, GF_DISCARD, GF_EFT, GF_FDS,
	NR_GUEST_FEATURES,
};

const char *guest_feature_name(enum guest_feature f);

/* What happens when the guest programs a buffer above the view's limit. */
enum guest_limit {
	GUEST_LIMIT_NONE,		/* the view has no limit */
	GUEST_LIMIT_REFUSED_AT_SETUP,	/* the driver refuses the buffer up front */
	GUEST_LIMIT_FATAL_ABOVE,	/* the buffer-size event ends the session */
};

const char *guest_limit_name(enum guest_limit l);

/* What the VMM's firmware tables must say about SPE. */
enum guest_firmware {
	GUEST_FW_SPE_PPI,		/* the SPE overflow PPI, on every CPU */
	GUEST_FW_NONE_NEEDED,		/* no SPE: describing it is harmless */
	GUEST_FW_MUST_NOT,		/* no SPE: describing it crashes the guest */
};

const char *guest_firmware_name(enum guest_firmware f);

#define GUEST_MAX_NEEDS		2

struct guest_verdict {
	const struct guest_driver *driver;
	bool probes;			/* given its needs are met */
	const char *refusal;		/* the driver's message when it does not probe */
	uint32_t features;		/* (1 << enum guest_feature) */
	unsigned int min_interval;	/* 0: not derived */
	unsigned int period_floor;	/* the smallest sampling period it programs */
	unsigned int max_record_size;	/* 0: not read */
	unsigned int align;
	unsigned int counter_size;	/* bits; 0: not read */
	enum guest_limit buffer_limit;
	uint64_t largest_buffer;	/* with a limit: the largest trace buffer that works */
	enum guest_firmware firmware;
	const char *firmware_text;
	const char *event_filter;	/* how it learns the PMSEVFR_EL1 bits */
	unsigned int nr_needs;
	const char *needs[GUEST_MAX_NEEDS];	/* guest-visible conditions outside SPE */
};

/* The verdict of driver @d on the guest values of @view. */
void guest_model(const struct guest_driver *d, const struct spevirt_view *view,
		 struct guest_verdict *out);

#endif /* SPEVIRT_TOOLS_GUEST_MODEL_H */
