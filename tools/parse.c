// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Command-line parsing for the spevirt tool: pure functions (parse.h).
 * Names of registers, fields and values come from the library's register
 * description, never from a copy here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "parse.h"

/* The longest stretch of an argument a message repeats. */
#define QUOTE_MAX	48
/* Quotes, each byte escaped as \xHH at worst, "..." and the terminator. */
#define QUOTE_BUF	(2 + 4 * QUOTE_MAX + 3 + 1)

struct quoted {
	char s[QUOTE_BUF];
};

/* A message under construction. */
struct strbuf {
	char s[PARSE_MSG_MAX];
	size_t len;
};

__attribute__((format(printf, 2, 3))) static bool fail(struct parse_error *err,
							const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return false;
}

__attribute__((format(printf, 2, 3))) static void sb_add(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->len >= sizeof(b->s))
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->s + b->len, sizeof(b->s) - b->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->len += (size_t)n;
}

static bool printable(unsigned char c)
{
	return c >= ' ' && c <= '~' && c != '\'' && c != '\\';
}

/* @s in single quotes, non-printable bytes as \xHH, shortened when long. */
static const char *quote(struct quoted *q, const char *s)
{
	size_t n = 0, i;

	q->s[n++] = '\'';
	for (i = 0; s[i] && i < QUOTE_MAX; i++) {
		unsigned char c = (unsigned char)s[i];

		if (printable(c))
			q->s[n++] = (char)c;
		else
			n += (size_t)snprintf(q->s + n, sizeof(q->s) - n, "\\x%02x", c);
	}
	if (s[i]) {
		memcpy(q->s + n, "...", 3);
		n += 3;
	}
	q->s[n++] = '\'';
	q->s[n] = '\0';
	return q->s;
}

static char ascii_upper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

static bool ascii_case_equal(const char *a, const char *b)
{
	while (*a && ascii_upper(*a) == ascii_upper(*b)) {
		a++;
		b++;
	}
	return *a == *b;
}

/* Commands */

static const char *const command_names[NR_COMMANDS] = {
	[CMD_VIEW] = "view",
	[CMD_DECODE] = "decode",
	[CMD_PRESETS] = "presets",
	[CMD_ENCODE_SIZE] = "encode-size",
	[CMD_DECODE_SIZE] = "decode-size",
	[CMD_HELP] = "help",
};

const char *command_name(enum command cmd)
{
	return (unsigned int)cmd < NR_COMMANDS ? command_names[cmd] : "?";
}

bool parse_command(const char *s, enum command *cmd, struct parse_error *err)
{
	struct strbuf list = { .len = 0 };
	struct quoted q;
	unsigned int i;

	for (i = 0; i < NR_COMMANDS; i++) {
		if (!strcmp(s, command_names[i])) {
			*cmd = (enum command)i;
			return true;
		}
		sb_add(&list, "%s%s", i ? ", " : "", command_names[i]);
	}
	return fail(err, "unknown command %s; accepted: %s (see 'spevirt --help')", quote(&q, s),
		    list.s);
}

/* Numbers */

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool has_hex_prefix(const char *s)
{
	return s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
}

/* Bits needed for @max: 16 for 0xffff. */
static unsigned int bit_width(uint64_t max)
{
	unsigned int n = 0;

	for (; max; max >>= 1)
		n++;
	return n;
}

bool parse_hex(const char *what, const char *s, uint64_t max, uint64_t *out,
	       struct parse_error *err)
{
	const char *p = has_hex_prefix(s) ? s + 2 : s;
	uint64_t v = 0;
	struct quoted q;

	if (!*p)
		goto malformed;
	for (; *p; p++) {
		int d = hex_digit(*p);

		if (d < 0)
			goto malformed;
		if (v >> 60)
			return fail(err, "%s: %s does not fit in 64 bits", what, quote(&q, s));
		v = v << 4 | (uint64_t)d;
	}
	if (v > max)
		return fail(err, "%s: %s does not fit in %u bits (at most 0x%llx)", what,
			    quote(&q, s), bit_width(max), (unsigned long long)max);
	*out = v;
	return true;
malformed:
	return fail(err,
		    "%s: %s is not hexadecimal; give 1 to 16 hexadecimal digits, with or without "
		    "0x (e.g. 0x26457 or 26457)",
		    what, quote(&q, s));
}

/* Binary size suffixes: K is 2^10, ..., E is 2^60. */
static const struct {
	char letter;
	unsigned int shift;
} units[] = {
	{ 'K', 10 }, { 'M', 20 }, { 'G', 30 }, { 'T', 40 }, { 'P', 50 }, { 'E', 60 },
};

#define NR_UNITS	(sizeof(units) / sizeof(units[0]))

/* The shift of the suffix @s ("", "K", "KiB", "k", ...), or -1. */
static int size_suffix(const char *s)
{
	unsigned int i;

	if (!*s)
		return 0;
	for (i = 0; i < NR_UNITS; i++)
		if (ascii_upper(s[0]) == units[i].letter &&
		    (!s[1] || ascii_case_equal(s + 1, "iB")))
			return (int)units[i].shift;
	return -1;
}

bool parse_size(const char *what, const char *s, uint64_t *out, struct parse_error *err)
{
	const char *p = s;
	uint64_t v = 0;
	struct quoted q;
	int shift;

	if (has_hex_prefix(s))
		return parse_hex(what, s, UINT64_MAX, out, err);
	for (; *p >= '0' && *p <= '9'; p++) {
		uint64_t d = (uint64_t)(*p - '0');

		if (v > (UINT64_MAX - d) / 10)
			goto too_large;
		v = v * 10 + d;
	}
	shift = p == s ? -1 : size_suffix(p);
	if (shift < 0)
		return fail(err,
			    "%s: %s is not a size; give a number of bytes, decimal with an "
			    "optional binary suffix K, M, G, T, P or E (also KiB, MiB, ...; any "
			    "case), or hexadecimal with 0x: e.g. 0, 4096, 4K, 2M, 2MiB, 1G, "
			    "0x200000",
			    what, quote(&q, s));
	if (shift && v > (UINT64_MAX >> shift))
		goto too_large;
	*out = v << shift;
	return true;
too_large:
	return fail(err, "%s: %s is too large: a size must be below 16EiB (2^64 bytes)", what,
		    quote(&q, s));
}

unsigned int maxbuf_neighbours(uint64_t bytes, uint64_t *below, uint64_t *above)
{
	uint16_t last = 0;
	unsigned int found = 0;
	uint32_t field;

	*below = 0;
	*above = 0;
	/*
	 * Every field value up to the one of the largest size: the codec is the
	 * one definition of what is representable (the bits above that field's
	 * are reserved, and decoding ignores them).
	 */
	spevirt_maxbuf_encode(spevirt_maxbuf_decode(UINT16_MAX), &last);
	for (field = 0; field <= last; field++) {
		uint64_t size = spevirt_maxbuf_decode((uint16_t)field);

		if (!size)
			continue;
		if (size < bytes && (!(found & SIZE_HAS_BELOW) || size > *below)) {
			*below = size;
			found |= SIZE_HAS_BELOW;
		}
		if (size > bytes && (!(found & SIZE_HAS_ABOVE) || size < *above)) {
			*above = size;
			found |= SIZE_HAS_ABOVE;
		}
	}
	return found;
}

void format_size(uint64_t bytes, char *buf, size_t len)
{
	unsigned int i = NR_UNITS;

	while (bytes && i-- > 0) {
		if (bytes & ((1ULL << units[i].shift) - 1))
			continue;
		snprintf(buf, len, "%llu%ciB", (unsigned long long)(bytes >> units[i].shift),
			 units[i].letter);
		return;
	}
	snprintf(buf, len, "%llu", (unsigned long long)bytes);
}

#define SIZE_BUF	32

static bool fail_inexact(const char *what, const char *s, uint64_t bytes,
			 struct parse_error *err)
{
	char b[SIZE_BUF], a[SIZE_BUF];
	uint64_t below, above;
	unsigned int found = maxbuf_neighbours(bytes, &below, &above);
	struct strbuf msg = { .len = 0 };
	struct quoted q;

	format_size(below, b, sizeof(b));
	format_size(above, a, sizeof(a));
	sb_add(&msg, "%s: %s is not exactly representable in PMBIDR_EL1.MaxBuffSize (multiples "
	       "of 4KiB below 2MiB, then ten significant bits); ", what, quote(&q, s));
	if (found == (SIZE_HAS_BELOW | SIZE_HAS_ABOVE))
		sb_add(&msg, "the nearest representable sizes are %s (%llu bytes) below and %s "
		       "(%llu bytes) above", b, (unsigned long long)below, a,
		       (unsigned long long)above);
	else if (found & SIZE_HAS_ABOVE)
		sb_add(&msg, "the nearest representable size is %s (%llu bytes), above it; none "
		       "is smaller (0 means no limit)", a, (unsigned long long)above);
	else
		sb_add(&msg, "the nearest representable size is %s (%llu bytes), below it; none "
		       "is larger", b, (unsigned long long)below);
	return fail(err, "%s", msg.s);
}

bool parse_buffer_size(const char *what, const char *s, uint64_t *out, struct parse_error *err)
{
	uint16_t field;

	if (!parse_size(what, s, out, err))
		return false;
	if (spevirt_maxbuf_encode(*out, &field) != SPEVIRT_OK)
		return fail_inexact(what, s, *out, err);
	return true;
}

/* Names */

/* ID_AA64DFR0_EL1.PMSVer in the library's register description. */
static const struct spevirt_field_desc *pmsver_field(void)
{
	const struct spevirt_reg_desc *reg = spevirt_reg_find("ID_AA64DFR0_EL1");
	uint32_t i;

	for (i = 0; reg && i < reg->nr_fields; i++)
		if (reg->fields[i].shift == SPEVIRT_ID_AA64DFR0_EL1_PMSVER_SHIFT &&
		    reg->fields[i].width == SPEVIRT_ID_AA64DFR0_EL1_PMSVER_WIDTH)
			return &reg->fields[i];
	return NULL;
}

const char *pmsver_name(unsigned int pmsver)
{
	const struct spevirt_field_desc *f = pmsver_field();
	unsigned int i;

	for (i = 0; f && i < f->nr_enums; i++)
		if (f->enums[i].value == pmsver)
			return f->enums[i].name;
	return NULL;
}

/* Extra spellings of PMSVer values. */
static const struct {
	const char *name;
	unsigned int pmsver;
} pmsver_aliases[] = {
	{ "none", SPEVIRT_PMSVER_NI },
	{ "v1", SPEVIRT_PMSVER_IMP },
};

static bool fail_pmsver(const char *what, const char *s, const struct spevirt_field_desc *f,
			struct parse_error *err)
{
	struct strbuf names = { .len = 0 };
	unsigned int i, max = 0;
	struct quoted q;

	for (i = 0; f && i < f->nr_enums; i++) {
		sb_add(&names, "%s%s", i ? ", " : "", f->enums[i].name);
		if (f->enums[i].value > max)
			max = f->enums[i].value;
	}
	return fail(err,
		    "%s: %s is not an SPE version; accepted: 0 to %u, none, v1, or an "
		    "ID_AA64DFR0_EL1.PMSVer name in any case (%s)",
		    what, quote(&q, s), max, names.s);
}

bool parse_pmsver(const char *what, const char *s, unsigned int *out, struct parse_error *err)
{
	const struct spevirt_field_desc *f = pmsver_field();
	unsigned int i;

	for (i = 0; i < sizeof(pmsver_aliases) / sizeof(pmsver_aliases[0]); i++)
		if (ascii_case_equal(s, pmsver_aliases[i].name)) {
			*out = pmsver_aliases[i].pmsver;
			return true;
		}
	for (i = 0; f && i < f->nr_enums; i++) {
		bool digit = s[0] == (char)('0' + f->enums[i].value) && !s[1];

		if (digit || ascii_case_equal(s, f->enums[i].name)) {
			*out = f->enums[i].value;
			return true;
		}
	}
	return fail_pmsver(what, s, f, err);
}

static const char *const profile_names[] = {
	[SPEVIRT_PROFILE_DEFAULT] = "default",
	[SPEVIRT_PROFILE_KVM_RFC_V6] = "kvm-rfc-v6",
};

#define NR_PROFILES	(sizeof(profile_names) / sizeof(profile_names[0]))

const char *profile_name(enum spevirt_profile profile)
{
	return (unsigned int)profile < NR_PROFILES ? profile_names[profile] : "?";
}

bool parse_profile(const char *what, const char *s, enum spevirt_profile *out,
		   struct parse_error *err)
{
	struct quoted q;
	unsigned int i;

	for (i = 0; i < NR_PROFILES; i++)
		if (!strcmp(s, profile_names[i])) {
			*out = (enum spevirt_profile)i;
			return true;
		}
	return fail(err, "%s: unknown profile %s; accepted: %s, %s", what, quote(&q, s),
		    profile_names[SPEVIRT_PROFILE_DEFAULT],
		    profile_names[SPEVIRT_PROFILE_KVM_RFC_V6]);
}

/* Every SPEVIRT_CFG_* flag, and the option that sets it. */
static const struct flag_desc flags[NR_FLAGS] = {
	{ SPEVIRT_CFG_TPMS_FALLBACK, "tpms-fallback", "--allow tpms-fallback" },
	{ SPEVIRT_CFG_UNADVERTISED_LIMIT, "unadvertised-limit", "--allow unadvertised-limit" },
	{ SPEVIRT_CFG_FORBID_LEAKS, "forbid-leaks", "--forbid-leaks" },
	{ SPEVIRT_CFG_PINNED_MEMORY, "pinned-memory", "--allow pinned-memory" },
	{ SPEVIRT_CFG_ALLOW_PHYS_ADDR, "phys-addr", "--allow phys-addr" },
	{ SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP, "phys-timestamp", "--allow phys-timestamp" },
	{ SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2, "contextidr-el2", "--allow contextidr-el2" },
};

/* A new library flag needs an option here. */
_Static_assert((SPEVIRT_CFG_TPMS_FALLBACK | SPEVIRT_CFG_UNADVERTISED_LIMIT |
		SPEVIRT_CFG_FORBID_LEAKS | SPEVIRT_CFG_PINNED_MEMORY |
		SPEVIRT_CFG_ALLOW_PHYS_ADDR | SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP |
		SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2) == SPEVIRT_CFG_VALID_FLAGS,
	       "every SPEVIRT_CFG_* flag has an option");

/* The flags --allow takes: every one but --forbid-leaks. */
#define ALLOW_FLAGS	(SPEVIRT_CFG_VALID_FLAGS & ~SPEVIRT_CFG_FORBID_LEAKS)

const struct flag_desc *flag_desc(unsigned int index)
{
	return index < NR_FLAGS ? &flags[index] : NULL;
}

/* Every SPEVIRT_EL3_* bit, as --el3-disabled names it. */
static const struct flag_desc el3_bits[NR_EL3_BITS] = {
	{ SPEVIRT_EL3_NO_FGT, "fgt", "SCR_EL3.FGTEn = 0" },
	{ SPEVIRT_EL3_NO_FGT2, "fgt2", "SCR_EL3.FGTEn2 = 0" },
	{ SPEVIRT_EL3_NO_PMSNEVFR, "pmsnevfr", "MDCR_EL3.EnPMSN = 0" },
	{ SPEVIRT_EL3_NO_PMSDSFR, "pmsdsfr", "MDCR_EL3.EnPMS3 = 0" },
	{ SPEVIRT_EL3_NO_PMBMAR, "pmbmar", "MDCR_EL3.EnPMS4 = 0" },
	{ SPEVIRT_EL3_PMSEE_ALL, "pmsee-all", "MDCR_EL3.PMSEE = 0b11" },
};

_Static_assert((SPEVIRT_EL3_NO_FGT | SPEVIRT_EL3_NO_FGT2 | SPEVIRT_EL3_NO_PMSNEVFR |
		SPEVIRT_EL3_NO_PMSDSFR | SPEVIRT_EL3_NO_PMBMAR | SPEVIRT_EL3_PMSEE_ALL) ==
	       SPEVIRT_EL3_VALID, "every SPEVIRT_EL3_* bit has a name");

const struct flag_desc *el3_desc(unsigned int index)
{
	return index < NR_EL3_BITS ? &el3_bits[index] : NULL;
}

/* The bit of @table called @name (@len bytes) within @allowed, or 0. */
static unsigned int named_bit(const struct flag_desc *table, unsigned int n, unsigned int allowed,
			      const char *name, size_t len)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if ((table[i].flag & allowed) && strlen(table[i].name) == len &&
		    !strncmp(table[i].name, name, len))
			return table[i].flag;
	return 0;
}

/* "a, b, c": the names of @table within @allowed. */
static void name_list(const struct flag_desc *table, unsigned int n, unsigned int allowed,
		      char *buf, size_t len)
{
	unsigned int i;
	size_t used = 0;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		if (table[i].flag & allowed)
			used += (size_t)snprintf(buf + used, used < len ? len - used : 0, "%s%s",
						 used ? ", " : "", table[i].name);
}

#define NAME_LIST_BUF	160

/* A comma-separated list of names of @table within @allowed, ORed into *out. */
static bool parse_names(const char *what, const char *kind, const char *s,
			const struct flag_desc *table, unsigned int n, unsigned int allowed,
			unsigned int *out, struct parse_error *err)
{
	const char *p = s;
	struct quoted q;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		unsigned int bit = named_bit(table, n, allowed, p, len);
		char piece[QUOTE_MAX + 2], names[NAME_LIST_BUF];

		if (!bit) {
			/* Quote the bad name alone; a long one ends in "...". */
			snprintf(piece, sizeof(piece), "%.*s", (int)(len > QUOTE_MAX + 1 ?
								     QUOTE_MAX + 1 : len), p);
			name_list(table, n, allowed, names, sizeof(names));
			return fail(err,
				    "%s: %s is not %s; accepted: %s (comma-separated, or %s "
				    "repeated)", what, quote(&q, piece), kind, names, what);
		}
		*out |= bit;
		if (!comma)
			return true;
		p = comma + 1;
	}
}

bool parse_allow(const char *what, const char *s, unsigned int *out, struct parse_error *err)
{
	return parse_names(what, "a flag --allow takes", s, flags, NR_FLAGS, ALLOW_FLAGS, out,
			   err);
}

bool parse_el3(const char *what, const char *s, uint32_t *out, struct parse_error *err)
{
	unsigned int bits = 0;

	if (!parse_names(what, "an EL3 control", s, el3_bits, NR_EL3_BITS, SPEVIRT_EL3_VALID,
			 &bits, err))
		return false;
	*out |= bits;
	return true;
}

static const char *preset_name_at(unsigned int i)
{
	return i < preset_count() ? preset_get(i)->name : NULL;
}

static const char *register_name_at(unsigned int i)
{
	const struct spevirt_reg_desc *reg = spevirt_reg_get(i);

	return reg ? reg->name : NULL;
}

/* "WHAT: unknown KIND 'S'; ACCEPTED: each name name_at() gives, then SUFFIX". */
static bool unknown_name(struct parse_error *err, const char *what, const char *kind,
			 const char *s, const char *(*name_at)(unsigned int),
			 const char *accepted, const char *suffix)
{
	struct strbuf list = { .len = 0 };
	struct quoted q;
	const char *name;
	unsigned int i;

	for (i = 0; (name = name_at(i)); i++)
		sb_add(&list, "%s%s", i ? ", " : "", name);
	return fail(err, "%s: unknown %s %s; %s: %s%s", what, kind, quote(&q, s), accepted,
		    list.s, suffix);
}

bool parse_preset(const char *what, const char *s, const struct preset **out,
		  struct parse_error *err)
{
	*out = preset_find(s);
	return *out || unknown_name(err, what, "preset", s, preset_name_at, "accepted",
				    " (see 'spevirt presets')");
}

bool parse_register(const char *what, const char *s, const struct spevirt_reg_desc **out,
		    struct parse_error *err)
{
	*out = spevirt_reg_find(s);
	return *out || unknown_name(err, what, "register", s, register_name_at,
				    "accepted (any case)", "");
}

/* Options */

struct opt_spec {
	const char *name;		/* "--host" */
	const char *value;		/* the value's name, "PRESET"; NULL: a flag */
	bool repeatable;
};

/* scan_next() results besides an option index. */
#define SCAN_END	(-1)
#define SCAN_ERROR	(-2)
#define SCAN_ARG	(-3)

struct scanner {
	const char *cmd;
	int argc;
	char *const *argv;
	int next;
	bool only_args;			/* after "--" */
	const struct opt_spec *opts;
	unsigned int nr_opts;
	uint32_t seen;			/* (1 << option index) */
};

#define SCANNER(cmd_, argc_, argv_, opts_)                                                    \
	{ .cmd = (cmd_), .argc = (argc_), .argv = (argv_), .next = 0, .only_args = false,    \
	  .opts = (opts_), .nr_opts = sizeof(opts_) / sizeof((opts_)[0]), .seen = 0 }

/* Every command's option table starts with --help. */
#define OPT_HELP	0

static int fail_unknown_option(const struct scanner *sc, const char *arg,
			       struct parse_error *err)
{
	struct strbuf list = { .len = 0 };
	struct quoted q;
	unsigned int i;

	for (i = 0; i < sc->nr_opts; i++)
		sb_add(&list, "%s%s%s%s", i ? ", " : "", sc->opts[i].name,
		       sc->opts[i].value ? " " : "", sc->opts[i].value ? sc->opts[i].value : "");
	fail(err, "unknown option %s for 'spevirt %s'; accepted: %s (see 'spevirt help %s')",
	     quote(&q, arg), sc->cmd, list.s, sc->cmd);
	return SCAN_ERROR;
}

static int find_option(const struct scanner *sc, const char *arg, size_t len)
{
	unsigned int i;

	for (i = 0; i < sc->nr_opts; i++)
		if (strlen(sc->opts[i].name) == len && !strncmp(sc->opts[i].name, arg, len))
			return (int)i;
	return SCAN_ERROR;
}

/* The option's value: after '=', or the next argument. */
static int option_value(struct scanner *sc, int i, const char *eq, const char **val,
			struct parse_error *err)
{
	const struct opt_spec *o = &sc->opts[i];

	if (!o->value) {
		if (!eq)
			return i;
		fail(err, "option %s of 'spevirt %s' takes no value", o->name, sc->cmd);
		return SCAN_ERROR;
	}
	if (eq) {
		*val = eq + 1;
	} else if (sc->next < sc->argc) {
		*val = sc->argv[sc->next++];
	} else {
		fail(err, "option %s of 'spevirt %s' needs a value: %s %s", o->name, sc->cmd,
		     o->name, o->value);
		return SCAN_ERROR;
	}
	return i;
}

/*
 * The next argument: an option's index in sc->opts, with its value in *val;
 * SCAN_ARG with the argument in *val; SCAN_END; or SCAN_ERROR.
 */
static int scan_next(struct scanner *sc, const char **val, struct parse_error *err)
{
	const char *arg, *eq;
	int i;

	if (sc->next >= sc->argc)
		return SCAN_END;
	arg = sc->argv[sc->next++];
	if (sc->only_args || arg[0] != '-' || !arg[1]) {
		*val = arg;
		return SCAN_ARG;
	}
	if (!strcmp(arg, "--")) {
		sc->only_args = true;
		return scan_next(sc, val, err);
	}
	if (!strcmp(arg, "-h"))
		arg = sc->opts[OPT_HELP].name;
	eq = strchr(arg, '=');
	i = find_option(sc, arg, eq ? (size_t)(eq - arg) : strlen(arg));
	if (i < 0)
		return fail_unknown_option(sc, arg, err);
	if ((sc->seen & (1U << i)) && !sc->opts[i].repeatable) {
		fail(err, "option %s of 'spevirt %s' is given twice", sc->opts[i].name, sc->cmd);
		return SCAN_ERROR;
	}
	sc->seen |= 1U << i;
	return option_value(sc, i, eq, val, err);
}

static bool fail_extra_arg(const struct scanner *sc, const char *arg, const char *usage,
			   struct parse_error *err)
{
	struct quoted q;

	return fail(err, "unexpected argument %s: usage: spevirt %s%s (see 'spevirt help %s')",
		    quote(&q, arg), sc->cmd, usage, sc->cmd);
}

/*
 * Scan options and up to @max positional arguments into @pos; *n counts them.
 * Return: false on error; true with *help set when --help was given.
 */
static bool scan_all(struct scanner *sc, const char **pos, int max, int *n, const char *usage,
		     bool (*option)(void *ctx, int opt, const char *val, struct parse_error *err),
		     void *ctx, bool *help, struct parse_error *err)
{
	const char *val = NULL;
	int o;

	*n = 0;
	while ((o = scan_next(sc, &val, err)) != SCAN_END) {
		if (o == SCAN_ERROR)
			return false;
		if (o == OPT_HELP) {
			*help = true;
			return true;
		}
		if (o == SCAN_ARG) {
			if (*n == max)
				return fail_extra_arg(sc, val, usage, err);
			pos[(*n)++] = val;
		} else if (!option(ctx, o, val, err)) {
			return false;
		}
	}
	return true;
}

/* 'spevirt view' */

enum view_opt {
	VO_HELP = OPT_HELP,
	VO_HOST,
	VO_DFR0,		/* the host registers, in enum host_reg order */
	VO_DFR2,
	VO_MMFR0,
	VO_PMSIDR,
	VO_PMBIDR,
	VO_PMSVER,
	VO_NVM,
	VO_MAXBUF,
	VO_PROFILE,
	VO_ALLOW,
	VO_EL3,
	VO_FORBID,
	VO_BEST,
	VO_JSON,
};

static const struct opt_spec view_opts[] = {
	[VO_HELP] = { "--help", NULL, false },
	[VO_HOST] = { "--host", "PRESET", false },
	[VO_DFR0] = { "--dfr0", "HEX", false },
	[VO_DFR2] = { "--dfr2", "HEX", false },
	[VO_MMFR0] = { "--mmfr0", "HEX", false },
	[VO_PMSIDR] = { "--pmsidr", "HEX", false },
	[VO_PMBIDR] = { "--pmbidr", "HEX", false },
	[VO_PMSVER] = { "--pmsver", "LEVEL", false },
	[VO_NVM] = { "--nvm", NULL, false },
	[VO_MAXBUF] = { "--max-buffer-size", "SIZE", false },
	[VO_PROFILE] = { "--profile", "PROFILE", false },
	[VO_ALLOW] = { "--allow", "FLAG", true },
	[VO_EL3] = { "--el3-disabled", "CONTROL", true },
	[VO_FORBID] = { "--forbid-leaks", NULL, false },
	[VO_BEST] = { "--best", NULL, false },
	[VO_JSON] = { "--json", NULL, false },
};

_Static_assert(VO_PMBIDR - VO_DFR0 + 1 == NR_HOST_REGS, "one option per host register");

const char *view_host_option(enum host_reg reg)
{
	return view_opts[VO_DFR0 + (int)reg].name;
}

struct view_ctx {
	struct view_args *a;
	uint64_t raw[NR_HOST_REGS];
	uint32_t el3;
};

static bool view_option(void *ctx, int o, const char *val, struct parse_error *err)
{
	struct view_ctx *c = ctx;
	struct view_args *a = c->a;
	const char *name = view_opts[o].name;

	if (o >= VO_DFR0 && o <= VO_PMBIDR) {
		a->given |= 1U << (o - VO_DFR0);
		return parse_hex(name, val, UINT64_MAX, &c->raw[o - VO_DFR0], err);
	}
	switch (o) {
	case VO_HOST:
		return parse_preset(name, val, &a->preset, err);
	case VO_PMSVER:
		a->pmsver_given = true;
		return parse_pmsver(name, val, &a->cfg.pmsver, err);
	case VO_NVM:
		a->cfg.spe_nvm = SPEVIRT_ID_AA64DFR2_EL1_SPE_NVM_IMP;
		return true;
	case VO_MAXBUF:
		return parse_buffer_size(name, val, &a->cfg.max_buffer_size, err);
	case VO_PROFILE:
		return parse_profile(name, val, &a->cfg.profile, err);
	case VO_ALLOW:
		return parse_allow(name, val, &a->cfg.flags, err);
	case VO_EL3:
		return parse_el3(name, val, &c->el3, err);
	case VO_FORBID:
		a->cfg.flags |= SPEVIRT_CFG_FORBID_LEAKS;
		return true;
	case VO_BEST:
		a->best = true;
		return true;
	default:
		a->json = true;
		return true;
	}
}

/* The host's PMSVer, as spevirt reads it: a value above V1P5 is V1P5. */
static unsigned int host_pmsver(const struct spevirt_host *host)
{
	uint64_t v = (host->id_aa64dfr0_el1 & SPEVIRT_ID_AA64DFR0_EL1_PMSVER_MASK) >>
		     SPEVIRT_ID_AA64DFR0_EL1_PMSVER_SHIFT;

	return v > SPEVIRT_PMSVER_V1P5 ? SPEVIRT_PMSVER_V1P5 : (unsigned int)v;
}

bool parse_view_args(int argc, char *const argv[], struct view_args *a, struct parse_error *err)
{
	struct scanner sc = SCANNER("view", argc, argv, view_opts);
	struct view_ctx ctx = { .a = a };
	unsigned int r;
	int n;

	*a = (struct view_args){ .preset = preset_default() };
	a->cfg.profile = SPEVIRT_PROFILE_DEFAULT;
	if (!scan_all(&sc, NULL, 0, &n, " [OPTIONS]", view_option, &ctx, &a->help, err))
		return false;
	if (a->help)
		return true;
	if (a->best && (sc.seen & (1U << VO_PMSVER | 1U << VO_NVM)))
		return fail(err, "--best chooses PMSVer and SPE_nVM itself: do not combine it with "
			    "--pmsver or --nvm");
	a->host = a->preset->host;
	for (r = 0; r < NR_HOST_REGS; r++)
		if (a->given & (1U << r))
			host_reg_set(&a->host, (enum host_reg)r, ctx.raw[r]);
	a->host.el3_disabled = ctx.el3;
	if (!a->pmsver_given)
		a->cfg.pmsver = host_pmsver(&a->host);
	return true;
}

/* 'spevirt decode', 'spevirt presets' */

enum json_opt {
	JO_HELP = OPT_HELP,
	JO_JSON,
};

static const struct opt_spec json_opts[] = {
	[JO_HELP] = { "--help", NULL, false },
	[JO_JSON] = { "--json", NULL, false },
};

/* --json is the only option besides --help: ctx is the bool it sets. */
static bool json_option(void *ctx, int o, const char *val, struct parse_error *err)
{
	(void)o;
	(void)val;
	(void)err;
	*(bool *)ctx = true;
	return true;
}

bool parse_decode_args(int argc, char *const argv[], struct decode_args *a,
		       struct parse_error *err)
{
	static const char usage[] = " [--json] REGISTER VALUE";
	struct scanner sc = SCANNER("decode", argc, argv, json_opts);
	const char *pos[2];
	int n;

	*a = (struct decode_args){ .reg = NULL };
	if (!scan_all(&sc, pos, 2, &n, usage, json_option, &a->json, &a->help, err))
		return false;
	if (a->help)
		return true;
	if (n < 2)
		return fail(err,
			    "'spevirt decode' needs a REGISTER and a hexadecimal VALUE: usage: "
			    "spevirt decode%s, e.g. spevirt decode PMSIDR_EL1 0x26457", usage);
	return parse_register("REGISTER", pos[0], &a->reg, err) &&
	       parse_hex("VALUE", pos[1], UINT64_MAX, &a->value, err);
}

bool parse_presets_args(int argc, char *const argv[], struct presets_args *a,
			struct parse_error *err)
{
	struct scanner sc = SCANNER("presets", argc, argv, json_opts);
	int n;

	*a = (struct presets_args){ .json = false };
	return scan_all(&sc, NULL, 0, &n, " [--json]", json_option, &a->json, &a->help, err);
}

/* 'spevirt encode-size', 'spevirt decode-size', 'spevirt help' */

static const struct opt_spec help_opts[] = {
	[OPT_HELP] = { "--help", NULL, false },
};

static bool no_option(void *ctx, int o, const char *val, struct parse_error *err)
{
	(void)ctx;
	(void)val;
	return fail(err, "option %d is not handled", o);
}

/* One positional argument and --help. */
static bool scan_one(const char *cmd, const char *usage, int argc, char *const argv[],
		     const char **arg, bool *help, struct parse_error *err)
{
	struct scanner sc = SCANNER(cmd, argc, argv, help_opts);
	int n;

	if (!scan_all(&sc, arg, 1, &n, usage, no_option, NULL, help, err))
		return false;
	if (!*help && n < 1)
		return fail(err, "'spevirt %s' needs an argument: usage: spevirt %s%s", cmd, cmd,
			    usage);
	return true;
}

bool parse_encode_size_args(int argc, char *const argv[], struct size_args *a,
			    struct parse_error *err)
{
	const char *arg = NULL;

	*a = (struct size_args){ .value = 0 };
	if (!scan_one("encode-size", " SIZE", argc, argv, &arg, &a->help, err))
		return false;
	a->text = arg;
	return a->help || parse_size("SIZE", arg, &a->value, err);
}

bool parse_decode_size_args(int argc, char *const argv[], struct size_args *a,
			    struct parse_error *err)
{
	const uint64_t max = (1ULL << SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE_WIDTH) - 1;
	const char *arg = NULL;

	*a = (struct size_args){ .value = 0 };
	if (!scan_one("decode-size", " FIELD", argc, argv, &arg, &a->help, err))
		return false;
	a->text = arg;
	return a->help || parse_hex("FIELD", arg, max, &a->value, err);
}

bool parse_help_args(int argc, char *const argv[], struct help_args *a, struct parse_error *err)
{
	struct scanner sc = SCANNER("help", argc, argv, help_opts);
	const char *arg = NULL;
	int n;

	*a = (struct help_args){ .has_command = false };
	if (!scan_all(&sc, &arg, 1, &n, " [COMMAND]", no_option, NULL, &a->help, err))
		return false;
	if (a->help || n == 0)
		return true;
	a->has_command = true;
	return parse_command(arg, &a->command, err);
}
