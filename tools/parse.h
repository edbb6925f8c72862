/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_PARSE_H
#define SPEVIRT_TOOLS_PARSE_H

/*
 * Command-line parsing for the spevirt tool, as pure functions: no I/O, no
 * global state, no allocation, so fuzz/fuzz_cli.c can call them directly.
 *
 * Every parser returns true on success.  On failure it fills err->msg with
 * one sentence that says what was wrong and what is accepted (user input in
 * it is quoted, non-printable bytes escaped, long arguments shortened), and
 * its outputs are unspecified.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <spevirt/spevirt.h>
#include <spevirt/spevirt_audit.h>

#include "guest_model.h"
#include "presets.h"

#define PARSE_MSG_MAX	1024

struct parse_error {
	char msg[PARSE_MSG_MAX];
};

/* The longest stretch of an argument a message repeats. */
#define QUOTE_MAX	48
/* Quotes, each byte escaped as \xHH at worst, "..." and the terminator. */
#define QUOTE_BUF	(2 + 4 * QUOTE_MAX + 3 + 1)

struct quoted {
	char s[QUOTE_BUF];
};

/* @s in single quotes, non-printable bytes as \xHH, shortened when long. */
const char *quote(struct quoted *q, const char *s);

enum command {
	CMD_VIEW,
	CMD_CHECK,
	CMD_DECODE,
	CMD_PRESETS,
	CMD_ENCODE_SIZE,
	CMD_DECODE_SIZE,
	CMD_POOL,
	CMD_MIGRATE,
	CMD_AUDIT,
	CMD_GUESTS,
	CMD_FLEET,
	CMD_NESTED,
	CMD_HELP,
	NR_COMMANDS,
};

const char *command_name(enum command cmd);
bool parse_command(const char *s, enum command *cmd, struct parse_error *err);

/*
 * Scalar parsers.  @what names the option or argument in the message, e.g.
 * "--pmsidr".
 *
 * parse_value(): a register value: 0x and hexadecimal digits (any case), 0b
 *	and binary digits, '_' allowed between digits, or 0 alone; at most @max.
 *	Bare digits are refused: 26457 could be either base.
 * parse_size(): a byte count: decimal, 0x hexadecimal or 0b binary, '_'
 *	allowed between digits, with an optional binary suffix (K, M, G, T, P,
 *	E, each also as KiB, MiB, ...; any case); none or unlimited for 0.  KB,
 *	MB, ... are refused as ambiguous.
 * parse_buffer_size(): parse_size(), and exactly representable in
 *	PMBIDR_EL1.MaxBuffSize; the message names the nearest sizes that are.
 * parse_pmsver(): 0 to 6, none, v1, or a PMSVer value name of the register
 *	description (NI, IMP, V1P1 ... V1P5; any case).
 * parse_profile(): default or kvm-rfc-v6.
 * parse_allow(): a comma-separated list of flag names (every SPEVIRT_CFG_*
 *	flag but forbid-leaks); their bits are ORed into *flags.
 * parse_el3(): a comma-separated list of EL3 control names; their
 *	SPEVIRT_EL3_* bits are ORed into *el3.
 */
bool parse_value(const char *what, const char *s, uint64_t max, uint64_t *out,
		 struct parse_error *err);
bool parse_size(const char *what, const char *s, uint64_t *out, struct parse_error *err);
bool parse_buffer_size(const char *what, const char *s, uint64_t *out, struct parse_error *err);
bool parse_pmsver(const char *what, const char *s, unsigned int *out, struct parse_error *err);
bool parse_profile(const char *what, const char *s, enum spevirt_profile *out,
		   struct parse_error *err);
bool parse_allow(const char *what, const char *s, unsigned int *flags, struct parse_error *err);
bool parse_el3(const char *what, const char *s, uint32_t *el3, struct parse_error *err);
/* A comma-separated list of leak names (RECORD_FORMAT, ...; any case), ORed into *leaks. */
bool parse_leaks(const char *what, const char *s, uint64_t *leaks, struct parse_error *err);
/* The preset whose name is close to @s (a typo, a missing suffix), or NULL. */
const char *preset_guess(const char *s);
bool parse_register(const char *what, const char *s, const struct spevirt_reg_desc **out,
		    struct parse_error *err);

/*
 * The representable PMBIDR_EL1.MaxBuffSize sizes next to @bytes (0, "no
 * limit", is not a size): the largest below and the smallest above.
 * Return: SIZE_HAS_BELOW and SIZE_HAS_ABOVE bits for the ones that exist.
 */
#define SIZE_HAS_BELOW	(1U << 0)
#define SIZE_HAS_ABOVE	(1U << 1)
unsigned int maxbuf_neighbours(uint64_t bytes, uint64_t *below, uint64_t *above);

/* @bytes with the largest binary suffix that divides it ("2MiB", "4097"); parse_size() reads it. */
void format_size(uint64_t bytes, char *buf, size_t len);

/* Names, for output: profile and fallback names as the options take them. */
const char *profile_name(enum spevirt_profile profile);
/* The register description's name of a PMSVer value ("V1P2"), or NULL. */
const char *pmsver_name(unsigned int pmsver);

struct flag_desc {
	unsigned int flag;		/* SPEVIRT_CFG_* or SPEVIRT_EL3_* */
	const char *name;		/* "tpms-fallback" */
	const char *option;		/* how to set it: "--allow tpms-fallback" */
	const char *c_name;		/* "SPEVIRT_CFG_TPMS_FALLBACK" */
};

#define NR_FLAGS	7
const struct flag_desc *flag_desc(unsigned int index);
/* The SPEVIRT_EL3_* bits: name as --el3-disabled takes it, option the EL3 control. */
#define NR_EL3_BITS	7
const struct flag_desc *el3_desc(unsigned int index);

/* The view option that sets host register @reg ("--pmsidr"). */
const char *view_host_option(enum host_reg reg);

/* A host's name in the output: a preset's, or a host file's "name" or FILE#N. */
#define HOST_NAME_MAX_LEN	64

/* 'spevirt view' */
struct view_args {
	struct spevirt_host host;
	struct spevirt_config cfg;
	const struct preset *preset;	/* the host's base: a preset, or NULL for host_file */
	const char *host_file;		/* --host that names no preset: a host file */
	char host_name[HOST_NAME_MAX_LEN];	/* the preset's or the file's name for it */
	unsigned int given;		/* (1 << enum host_reg): registers set by option */
	uint64_t given_value[NR_HOST_REGS];	/* their values */
	uint32_t el3_given;		/* --el3-disabled: ORed into the base host's */
	const struct guest_driver *guest;	/* --guest: whose verdict to add, or NULL */
	bool pmsver_given;		/* else cfg.pmsver is the host's PMSVer, at most the
					 * profile's highest (V1P4 default, V1P5 kvm-rfc-v6) */
	bool pmsver_capped;		/* the host's PMSVer was above the profile's highest */
	bool best;			/* pick PMSVer and SPE_nVM with spevirt_best_offer(),
					 * up to --pmsver when it is given */
	const char *size_text;		/* --max-buffer-size as written, or NULL */
	bool json;
	bool help;			/* --help: the rest is not filled */
};

/* 'spevirt decode' */
struct decode_args {
	const struct spevirt_reg_desc *reg;
	uint64_t value;
	bool json;
	bool help;
};

/* 'spevirt presets' */
struct presets_args {
	bool json;
	bool help;
};

/* 'spevirt encode-size' (value: bytes) and 'spevirt decode-size' (value: the field) */
struct size_args {
	const char *text;		/* the argument as given */
	uint64_t value;
	bool json;
	bool help;
};

/* 'spevirt help' */
struct help_args {
	bool has_command;
	enum command command;
	bool help;			/* 'spevirt help --help' */
};

/* 'spevirt pool' and 'spevirt migrate': hosts by name, resolved by hostfile.c */
struct fleet_args {
	const char *hosts[SPEVIRT_MAX_POOL];	/* pool: PRESET or FILE arguments */
	unsigned int nr_hosts;
	const char *from, *to;			/* migrate: --from, --to */
	struct spevirt_config cfg;		/* pmsver 0: the best (pool: an upper bound) */
	bool pmsver_given;
	const char *size_text;			/* --max-buffer-size as written, or NULL */
	const struct guest_driver *guest;	/* --guest, or NULL */
	bool json;
	bool help;
};


/*
 * The host of @a: @base (the preset's, or the host file's), with the
 * registers given by option replacing its own, --el3-disabled added to its
 * EL3 bits and, without --pmsver, the host's PMSVer (at most the profile's
 * highest) as the guest's.  parse_view_args() applies it for a preset; the
 * command, once it has read the file, for a host file.
 */
void view_args_set_host(struct view_args *a, const struct spevirt_host *base);

/*
 * The shared option parser.  Each command has a table of its options
 * (--help first) and a function that takes one option; scan_all() walks
 * the arguments with getopt_long(), checks that each option is spelled out
 * and given once unless repeatable, and collects positional arguments.
 */
struct opt_spec {
	const char *name;		/* "--host" */
	const char *value;		/* the value's name, "PRESET"; NULL: a flag */
	bool repeatable;
};

#define MAX_OPTS	24
#define MAX_ARGS	256
/* getopt_long() returns OPT_BASE + the option's index for a long option. */
#define OPT_BASE	0x100

struct scanner {
	const char *cmd;
	int argc;
	char *const *argv;
	const struct opt_spec *opts;
	unsigned int nr_opts;
	uint32_t seen;			/* (1 << option index) */
};

#define SCANNER(cmd_, argc_, argv_, opts_)                                                    \
	{ .cmd = (cmd_), .argc = (argc_), .argv = (argv_), .opts = (opts_),                  \
	  .nr_opts = sizeof(opts_) / sizeof((opts_)[0]), .seen = 0 }

/* Every command's option table starts with --help. */
#define OPT_HELP	0

/* Take option @opt (its index in the table) with value @val (NULL for a flag). */
typedef bool (*option_fn)(void *ctx, int opt, const char *val, struct parse_error *err);

/*
 * Scan options and up to @max positional arguments into @pos; *n counts them.
 * Return: false on error; true with *help set when --help or -h was given.
 */
bool scan_all(struct scanner *sc, const char **pos, int max, int *n, const char *usage,
	      option_fn option, void *ctx, bool *help, struct parse_error *err);

/* An FGT level as --l1-fgt takes it: 0, 1 or 2 (ID_AA64MMFR0_EL1.FGT). */
bool parse_fgt_level(const char *what, const char *s, unsigned int *out, struct parse_error *err);

/* yes or no, in any case. */
bool parse_yes_no(const char *what, const char *s, bool *out, struct parse_error *err);

/* A guest driver by name (any case), with a did-you-mean for a near miss. */
bool parse_guest(const char *what, const char *s, const struct guest_driver **out,
		 struct parse_error *err);

/* @argv holds the arguments after the command name; @argc counts them. */
bool parse_view_args(int argc, char *const argv[], struct view_args *a, struct parse_error *err);
/* 'spevirt check': the view options; best set, up to --pmsver when given. */
bool parse_check_args(int argc, char *const argv[], struct view_args *a, struct parse_error *err);
bool parse_decode_args(int argc, char *const argv[], struct decode_args *a,
		       struct parse_error *err);
bool parse_presets_args(int argc, char *const argv[], struct presets_args *a,
			struct parse_error *err);
bool parse_encode_size_args(int argc, char *const argv[], struct size_args *a,
			    struct parse_error *err);
bool parse_decode_size_args(int argc, char *const argv[], struct size_args *a,
			    struct parse_error *err);
bool parse_pool_args(int argc, char *const argv[], struct fleet_args *a, struct parse_error *err);
bool parse_migrate_args(int argc, char *const argv[], struct fleet_args *a,
			struct parse_error *err);
bool parse_help_args(int argc, char *const argv[], struct help_args *a, struct parse_error *err);

#endif /* SPEVIRT_TOOLS_PARSE_H */
