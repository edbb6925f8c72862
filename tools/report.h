/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_REPORT_H
#define SPEVIRT_TOOLS_REPORT_H

/*
 * What 'spevirt view' reports, independent of the output format: the text
 * and JSON writers both walk these lists, so they show the same things.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <spevirt/spevirt.h>

#include "explain.h"
#include "guest_model.h"
#include "parse.h"

/* With --best, --max-buffer-size and --allow pinned-memory: the one the view takes. */
enum buffer_choice {
	BUFFER_GIVEN,			/* no choice: the options name one */
	BUFFER_LIMIT,			/* the limit, trapped buffer registers */
	BUFFER_PINNED_MORE,		/* pinned memory, no limit: a higher offer */
	BUFFER_PINNED_GUEST,		/* pinned memory: the --guest driver cannot see a limit */
};

/* The outcome of 'spevirt view' and 'spevirt check'. */
struct view_result {
	const struct view_args *args;
	struct spevirt_config cfg;	/* as computed: --best fills pmsver and spe_nvm */
	struct spevirt_view view;
	enum spevirt_status status;
	struct spevirt_offer_report report;	/* with --best: the levels tried */
	struct why_not why_not;		/* with --best: why not more, and what would give it */
	struct guest_verdict guest;	/* with --guest and a view: the driver's verdict */
	enum buffer_choice buffer_choice;
};

/*
 * The host of --host FILE: read the file (one host), then apply the options
 * to it (view_args_set_host()).  Nothing to do for a preset.
 * Return: false with @err naming --host, the file and what is wrong.
 */
bool view_load(struct view_args *args, struct parse_error *err);

void view_run(const struct view_args *args, struct view_result *r);

/* A guest level as one number: PMSVer, then SPE_nVM. */
int config_rank(const struct spevirt_config *cfg);
/* The level of an offer as config_rank(); a refusal is below any (-1). */
int offer_rank(const struct view_result *r);

/* What --best chose between a limit and pinned memory, in words; "" when nothing. */
void buffer_choice_text(const struct view_result *r, char *buf, size_t len);
/* Append to check's line what --best chose for the buffer and the --guest verdict. */
void check_clauses(const struct view_result *r, char *buf, size_t len);

/* One register of the view: a value, or a mask and value (is_regmask). */
struct view_reg {
	const char *name;		/* Arm ARM name, as the register description has it */
	uint64_t value;
	uint64_t mask;			/* all ones for a value */
	bool is_regmask;
};

#define NR_GUEST_REGS	4
#define NR_TRAP_REGS	7

/* PMSIDR_EL1, PMBIDR_EL1, ID_AA64DFR0_EL1, ID_AA64DFR2_EL1. */
void view_guest_regs(const struct spevirt_view *v, struct view_reg out[NR_GUEST_REGS]);
/* MDCR_EL2, PMSCR_EL2, HDFGRTR_EL2, HDFGWTR_EL2, HDFGRTR2_EL2, HDFGWTR2_EL2, HFGITR_EL2. */
void view_trap_regs(const struct spevirt_view *v, struct view_reg out[NR_TRAP_REGS]);
/* The same seven rows from any seven regmasks, in that order (a nested composition's). */
void trap_regs_of(const struct spevirt_regmask *const rm[NR_TRAP_REGS],
		  struct view_reg out[NR_TRAP_REGS]);
/* spevirt_nested_max_fgt(), 0 for an invalid host. */
unsigned int host_fgt_level(const struct spevirt_host *host);

/* The access decisions for one SPE register. */
struct access_row {
	const struct spevirt_reg_desc *reg;
	enum spevirt_access read;
	enum spevirt_access write;
};

/*
 * Every described register in SPE's register block (spevirt_access() does
 * not answer SPEVIRT_ACCESS_NOT_SPE for it), in encoding order.
 * Return: the number of rows.
 */
unsigned int view_access(const struct spevirt_view *v,
			 struct access_row rows[SPEVIRT_NR_SPE_SLOTS]);

/* "UNDEF", "UNTRAPPED", ...: the enum's names without SPEVIRT_ACCESS_. */
const char *access_name(enum spevirt_access a);
/* What the hypervisor does for the decision. */
const char *access_meaning(enum spevirt_access a);

/* One field of the EL2 state a guest runs with, and why it has its value. */
struct el2_field {
	const char *reg;		/* "PMSCR_EL2", "MDCR_EL2" */
	const char *field;		/* the Arm ARM name */
	unsigned int msb, lsb;
	uint64_t value;			/* not shifted */
	const char *why;
};

/* Enough for every field of PMSCR_EL2 and MDCR_EL2 a view can own. */
#define NR_EL2_FIELDS	12

/*
 * The fields of view.pmscr_el2 and view.mdcr_el2.HPMFZS in their masks,
 * from bit 63 down.  MDCR_EL2.E2PB and TPMS, which the trap controls show,
 * are left out.  Return: the number of entries.
 */
unsigned int view_el2_fields(const struct spevirt_view *v, struct el2_field out[NR_EL2_FIELDS]);

/* "OK", "E_INVAL", ...: the enum's names without SPEVIRT_. */
const char *status_name(enum spevirt_status status);

/* The library's leak catalogue: SPEVIRT_LEAK_* bits, names, meanings. */
struct leak_desc {
	uint64_t bit;
	const char *name;
	const char *meaning;
};

bool leak_desc(unsigned int index, struct leak_desc *out);	/* false past the last */
/* The bits of @leaks the catalogue above does not describe. */
uint64_t leaks_unknown(uint64_t leaks);

/* HDFGRTR_EL2, HDFGWTR_EL2, their FEAT_FGT2 pair, HFGITR_EL2. */
bool is_fgt_reg(const char *reg);

/*
 * Bit @field of the fine-grained trap register @reg set to @value: whether
 * it traps (n-prefixed bits trap when 0), and why the view wants it so.
 */
bool fgt_bit_traps(const char *field, uint64_t value);
const char *fgt_bit_why(const struct spevirt_view *v, const char *reg, const char *field,
			bool traps);

/* The described register with encoding @enc, or NULL. */
const struct spevirt_reg_desc *reg_by_encoding(uint32_t enc);

/* "S3_0_C9_C9_7": the generic name of a system-register encoding. */
void sysreg_name(uint32_t encoding, char *buf, size_t len);
#define SYSREG_NAME_BUF	24

#endif /* SPEVIRT_TOOLS_REPORT_H */
