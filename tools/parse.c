// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Command-line parsing for the spevirt tool: pure functions (parse.h).
 * Names of registers, fields and values come from the library's register
 * description, never from a copy here.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "parse.h"

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

const char *quote(struct quoted *q, const char *s)
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
	[CMD_CHECK] = "check",
	[CMD_DECODE] = "decode",
	[CMD_PRESETS] = "presets",
	[CMD_ENCODE_SIZE] = "encode-size",
	[CMD_DECODE_SIZE] = "decode-size",
	[CMD_POOL] = "pool",
	[CMD_MIGRATE] = "migrate",
	[CMD_AUDIT] = "audit",
	[CMD_GUESTS] = "guests",
	[CMD_FLEET] = "fleet",
	[CMD_NESTED] = "nested",
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

static int digit_value(char c)
{
	unsigned int u = (unsigned int)(unsigned char)c - '0';

	if (u < 10)
		return (int)u;
	/* ASCII: 0x20 turns 'A'..'F' into 'a'..'f' and nothing else into them. */
	u = ((unsigned int)(unsigned char)c | 0x20) - 'a';
	return u < 6 ? (int)u + 10 : -1;
}

/* Bits needed for @max: 16 for 0xffff. */
static unsigned int bit_width(uint64_t max)
{
	unsigned int n = 0;

	for (; max; max >>= 1)
		n++;
	return n;
}

/* The base a prefix names: 0x hexadecimal, 0b binary; 0 for none. */
static unsigned int prefix_base(const char *s)
{
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return 16;
	if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
		return 2;
	return 0;
}

enum digits_result { DIGITS_OK, DIGITS_NONE, DIGITS_TOO_LARGE };

/*
 * The digits of @base at *@p, each '_' between two digits skipped (Arm ARM
 * style: 0b0000_0001); *@p is left after the last digit.
 */
static enum digits_result read_digits(const char **p, unsigned int base, uint64_t *out)
{
	/* v * base + d fits while v < lim, or v == lim and d <= rem: one division per value. */
	const uint64_t lim = UINT64_MAX / base, rem = UINT64_MAX % base;
	const char *s = *p;
	uint64_t v = 0;
	int d;

	if ((unsigned int)digit_value(*s) >= base)	/* -1 is above any base */
		return DIGITS_NONE;
	for (;; s++) {
		d = digit_value(*s);
		if (*s == '_' && (unsigned int)digit_value(s[1]) < base)
			continue;
		if ((unsigned int)d >= base)
			break;
		if (v > lim || (v == lim && (uint64_t)d > rem))
			return DIGITS_TOO_LARGE;
		v = v * base + (uint64_t)d;
	}
	*p = s;
	*out = v;
	return DIGITS_OK;
}

bool parse_value(const char *what, const char *s, uint64_t max, uint64_t *out,
		 struct parse_error *err)
{
	unsigned int base = prefix_base(s);
	const char *p = s + (base ? 2 : 0);
	enum digits_result r;
	uint64_t v = 0;
	struct quoted q;

	if (!strcmp(s, "0")) {
		*out = 0;
		return true;
	}
	if (!base) {
		const char *d = s;
		uint64_t dec;

		if (read_digits(&d, 10, &dec) == DIGITS_OK && !*d)
			return fail(err, "%s: %s has no base: write 0x%s for hexadecimal, or 0x%llx "
				    "if it is decimal (a register value needs 0x or 0b)", what,
				    quote(&q, s), s, (unsigned long long)dec);
		if (read_digits(&p, 16, &v) == DIGITS_OK && !*p)
			return fail(err, "%s: %s has no base: write 0x%s for hexadecimal (a register "
				    "value needs 0x or 0b)", what, quote(&q, s), s);
		goto malformed;
	}
	r = read_digits(&p, base, &v);
	if (r == DIGITS_TOO_LARGE)
		return fail(err, "%s: %s does not fit in 64 bits", what, quote(&q, s));
	if (r != DIGITS_OK || *p)
		goto malformed;
	if (v > max)
		return fail(err, "%s: %s does not fit in %u bits (at most 0x%llx)", what,
			    quote(&q, s), bit_width(max), (unsigned long long)max);
	*out = v;
	return true;
malformed:
	return fail(err,
		    "%s: %s is not a register value; give 0x and hexadecimal digits or 0b and "
		    "binary digits, '_' allowed between digits (e.g. 0x26457, 0x0000_0003, "
		    "0b1010), or 0",
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

/* The shift of the suffix @s ("", "K", "KiB", "k", ...), -1 for none, -2 for "KB". */
static int size_suffix(const char *s)
{
	unsigned int i;

	if (!*s)
		return 0;
	for (i = 0; i < NR_UNITS; i++) {
		if (ascii_upper(s[0]) != units[i].letter)
			continue;
		if (!s[1] || ascii_case_equal(s + 1, "iB"))
			return (int)units[i].shift;
		if (ascii_case_equal(s + 1, "B"))
			return -2;
	}
	return -1;
}

/* Words that mean no limit. */
static bool no_limit_word(const char *s)
{
	return ascii_case_equal(s, "none") || ascii_case_equal(s, "unlimited");
}

bool parse_size(const char *what, const char *s, uint64_t *out, struct parse_error *err)
{
	unsigned int base = prefix_base(s);
	const char *p = s + (base ? 2 : 0);
	enum digits_result r;
	struct quoted q;
	uint64_t v = 0;
	int shift;

	if (no_limit_word(s)) {
		*out = 0;
		return true;
	}
	r = read_digits(&p, base ? base : 10, &v);
	if (r == DIGITS_TOO_LARGE)
		goto too_large;
	shift = r == DIGITS_OK ? size_suffix(p) : -1;
	if (shift == -2)
		return fail(err, "%s: %s: the suffix %c%c is refused, as it can mean a power of "
			    "1000 or of 1024; write %c or %ciB for a power of 1024", what,
			    quote(&q, s), p[0], p[1], ascii_upper(p[0]), ascii_upper(p[0]));
	if (shift < 0)
		return fail(err,
			    "%s: %s is not a size; give a number of bytes: decimal, or 0x "
			    "hexadecimal, or 0b binary, '_' allowed between digits, with an "
			    "optional binary suffix K, M, G, T, P or E (also KiB, MiB, ...; any "
			    "case); or none: e.g. 0, 4096, 4K, 2M, 2MiB, 1G, 0x200000, none",
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
	if (spevirt_maxbuf_encode(spevirt_maxbuf_decode(UINT16_MAX), &last) != SPEVIRT_OK)
		return 0;
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

/* Extra spellings of PMSVer values: the Arm ARM's feature names among them. */
static const struct {
	const char *name;
	unsigned int pmsver;
} pmsver_aliases[] = {
	{ "none", SPEVIRT_PMSVER_NI },
	{ "v1", SPEVIRT_PMSVER_IMP },
	{ "FEAT_SPE", SPEVIRT_PMSVER_IMP },
	{ "FEAT_SPEv1p1", SPEVIRT_PMSVER_V1P1 },
	{ "FEAT_SPEv1p2", SPEVIRT_PMSVER_V1P2 },
	{ "FEAT_SPEv1p3", SPEVIRT_PMSVER_V1P3 },
	{ "FEAT_SPEv1p4", SPEVIRT_PMSVER_V1P4 },
	{ "FEAT_SPEv1p5", SPEVIRT_PMSVER_V1P5 },
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
		    "%s: %s is not an SPE version; accepted: 0 to %u (or 0x0 ...), none, v1, an "
		    "ID_AA64DFR0_EL1.PMSVer name (%s, also as v1.2 or SPEv1p2) or a feature "
		    "name (FEAT_SPE, FEAT_SPEv1p1 ...), in any case",
		    what, quote(&q, s), max, names.s);
}

/*
 * Other common spellings, made the canonical one in @buf: "SPEv1p2" and
 * "v1.2" are "v1p2", "0x3" is "3".
 */
static const char *pmsver_spelling(const char *s, char *buf, size_t len)
{
	size_t i;

	if ((s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) && s[2] && !s[3])
		s += 2;
	if (ascii_upper(s[0]) == 'S' && ascii_upper(s[1]) == 'P' && ascii_upper(s[2]) == 'E' &&
	    ascii_upper(s[3]) == 'V')
		s += 3;
	snprintf(buf, len, "%s", s);
	for (i = 0; buf[i]; i++)
		if (buf[i] == '.')
			buf[i] = 'p';
	return buf;
}

bool parse_pmsver(const char *what, const char *raw, unsigned int *out, struct parse_error *err)
{
	const struct spevirt_field_desc *f = pmsver_field();
	char buf[32];
	const char *s = pmsver_spelling(raw, buf, sizeof(buf));
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
	return fail_pmsver(what, raw, f, err);
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
		if (ascii_case_equal(s, profile_names[i])) {
			*out = (enum spevirt_profile)i;
			return true;
		}
	return fail(err, "%s: unknown profile %s; accepted: %s, %s (any case)", what, quote(&q, s),
		    profile_names[SPEVIRT_PROFILE_DEFAULT],
		    profile_names[SPEVIRT_PROFILE_KVM_RFC_V6]);
}

/* Every SPEVIRT_CFG_* flag, and the option that sets it. */
static const struct flag_desc flags[NR_FLAGS] = {
#define FLAG(f, name, option)	{ SPEVIRT_CFG_##f, name, option, "SPEVIRT_CFG_" #f }
	FLAG(TPMS_FALLBACK, "tpms-fallback", "--allow tpms-fallback"),
	FLAG(UNADVERTISED_LIMIT, "unadvertised-limit", "--allow unadvertised-limit"),
	FLAG(FORBID_LEAKS, "forbid-leaks", "--forbid-leaks"),
	FLAG(PINNED_MEMORY, "pinned-memory", "--allow pinned-memory"),
	FLAG(ALLOW_PHYS_ADDR, "phys-addr", "--allow phys-addr"),
	FLAG(ALLOW_PHYS_TIMESTAMP, "phys-timestamp", "--allow phys-timestamp"),
	FLAG(ALLOW_CONTEXTIDR_EL2, "contextidr-el2", "--allow contextidr-el2"),
#undef FLAG
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
#define EL3(b, name, control)	{ SPEVIRT_EL3_##b, name, control, "SPEVIRT_EL3_" #b }
	EL3(NO_FGT, "fgt", "SCR_EL3.FGTEn = 0"),
	EL3(NO_FGT2, "fgt2", "SCR_EL3.FGTEn2 = 0"),
	EL3(NO_PMSNEVFR, "pmsnevfr", "MDCR_EL3.EnPMSN = 0"),
	EL3(NO_PMSDSFR, "pmsdsfr", "MDCR_EL3.EnPMS3 = 0"),
	EL3(NO_PMBMAR, "pmbmar", "MDCR_EL3.EnPMS4 = 0"),
	EL3(PMSEE_ALL, "pmsee-all", "MDCR_EL3.PMSEE = 0b11"),
	EL3(NSPB_TRAP, "nspb-trap", "MDCR_EL3.NSPB = 0b10"),
#undef EL3
};

_Static_assert((SPEVIRT_EL3_NO_FGT | SPEVIRT_EL3_NO_FGT2 | SPEVIRT_EL3_NO_PMSNEVFR |
		SPEVIRT_EL3_NO_PMSDSFR | SPEVIRT_EL3_NO_PMBMAR | SPEVIRT_EL3_PMSEE_ALL |
		SPEVIRT_EL3_NSPB_TRAP) ==
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

static const char *leak_name_at(unsigned int i)
{
	return spevirt_leak_name(i);
}

bool parse_leaks(const char *what, const char *s, uint64_t *out, struct parse_error *err)
{
	const char *p = s;
	struct strbuf names = { .len = 0 };
	struct quoted q;
	unsigned int i;

	for (;;) {
		size_t len = strcspn(p, ",");
		char piece[QUOTE_MAX + 2];
		bool found = false;

		snprintf(piece, sizeof(piece), "%.*s", (int)(len > QUOTE_MAX + 1 ? QUOTE_MAX + 1 : len),
			 p);
		for (i = 0; leak_name_at(i); i++)
			if (len == strlen(leak_name_at(i)) && ascii_case_equal(piece, leak_name_at(i))) {
				*out |= 1ULL << i;
				found = true;
			}
		if (!found) {
			for (i = 0; leak_name_at(i); i++)
				sb_add(&names, "%s%s", i ? ", " : "", leak_name_at(i));
			return fail(err, "%s: %s is not a leak; accepted (any case): %s", what,
				    quote(&q, piece), names.s);
		}
		if (!p[len])
			return true;
		p += len + 1;
	}
}

static const char *preset_name_at(unsigned int i)
{
	return i < preset_count() ? preset_get(i)->name : NULL;
}

static const char *guest_name_at(unsigned int i)
{
	return i < NR_GUEST_DRIVERS ? guest_driver_get(i)->name : NULL;
}

static const char *register_name_at(unsigned int i)
{
	const struct spevirt_reg_desc *reg = spevirt_reg_get(i);

	return reg ? reg->name : NULL;
}

#define NAME_MAX_LEN	40

/* Levenshtein distance, ASCII case folded; names longer than NAME_MAX_LEN are far. */
static unsigned int distance(const char *a, const char *b)
{
	unsigned int row[NAME_MAX_LEN + 1], i, j, la = (unsigned int)strlen(a);
	unsigned int lb = (unsigned int)strlen(b);

	if (la > NAME_MAX_LEN || lb > NAME_MAX_LEN)
		return UINT32_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		unsigned int diag = row[0], up;

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			unsigned int best = diag + (ascii_upper(a[i - 1]) != ascii_upper(b[j - 1]));

			up = row[j];
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

/* The name @name_at() gives that is close to @s (a typo or a missing suffix), or NULL. */
static const char *closest(const char *s, const char *(*name_at)(unsigned int))
{
	unsigned int i, best = UINT32_MAX, limit = (unsigned int)strlen(s) / 4 + 1;
	const char *name, *found = NULL;

	for (i = 0; (name = name_at(i)); i++) {
		unsigned int d = distance(s, name);
		size_t len = strlen(s);

		/* "PMSIDR" for "PMSIDR_EL1": the name starts with what was typed. */
		if (len >= 4 && !strncmp(name, s, len))
			d = 1;
		if (d < best) {
			best = d;
			found = name;
		}
	}
	return best <= limit ? found : NULL;
}

/* "WHAT: unknown KIND 'S'; did you mean NAME? (WHERE)" or "...; WHERE". */
static bool unknown_name(struct parse_error *err, const char *what, const char *kind,
			 const char *s, const char *(*name_at)(unsigned int), const char *where)
{
	const char *guess = closest(s, name_at);
	struct quoted q;

	if (guess)
		return fail(err, "%s: unknown %s %s; did you mean %s? (%s)", what, kind,
			    quote(&q, s), guess, where);
	return fail(err, "%s: unknown %s %s; %s", what, kind, quote(&q, s), where);
}

bool parse_fgt_level(const char *what, const char *s, unsigned int *out, struct parse_error *err)
{
	struct quoted q;

	if (strlen(s) != 1 || s[0] < '0' || s[0] > '2')
		return fail(err, "%s: %s is not 0, 1 or 2 (ID_AA64MMFR0_EL1.FGT: 0 none, 1 "
			    "FEAT_FGT, 2 FEAT_FGT2)", what, quote(&q, s));
	*out = (unsigned int)(s[0] - '0');
	return true;
}

bool parse_yes_no(const char *what, const char *s, bool *out, struct parse_error *err)
{
	struct quoted q;

	*out = name_equal(s, "yes");
	if (*out || name_equal(s, "no"))
		return true;
	return fail(err, "%s: %s is neither yes nor no", what, quote(&q, s));
}

bool parse_guest(const char *what, const char *s, const struct guest_driver **out,
		 struct parse_error *err)
{
	*out = guest_driver_find(s);
	return *out || unknown_name(err, what, "guest driver", s, guest_name_at,
				    "'spevirt guests' lists them");
}

const char *preset_guess(const char *s)
{
	return closest(s, preset_name_at);
}

/* "S3_0_C9_C9_7": the generic name of an encoding (any case). */
static bool generic_sysreg(const char *s, uint32_t *enc)
{
	unsigned int op0, op1, crn, crm, op2;
	char end;

	if (sscanf(s, "%*1[sS]%u_%u_%*1[cC]%u_%*1[cC]%u_%u%c", &op0, &op1, &crn, &crm, &op2,
		   &end) != 5 || op0 > 3 || op1 > 7 || crn > 15 || crm > 15 || op2 > 7)
		return false;
	*enc = SPEVIRT_SYSREG(op0, op1, crn, crm, op2);
	return true;
}

bool parse_register(const char *what, const char *s, const struct spevirt_reg_desc **out,
		    struct parse_error *err)
{
	uint32_t enc;
	unsigned int i;

	*out = spevirt_reg_find(s);
	if (!*out && generic_sysreg(s, &enc))
		for (i = 0; i < spevirt_reg_count(); i++)
			if (spevirt_reg_get(i)->encoding == enc)
				*out = spevirt_reg_get(i);
	return *out || unknown_name(err, what, "register", s, register_name_at,
				    "names in any case, or S<op0>_<op1>_C<n>_C<m>_<op2>; "
				    "'spevirt help decode' lists them");
}

/* Options */

/*
 * Options are scanned by getopt_long(3): long options only (and -h), each
 * spelled out in full, a value after '=' or as the next argument, "--"
 * ending them.  getopt_long() keeps its state in globals; optind = 0 starts
 * a new scan, so the parsers stay callable again and again, from one thread.
 */
static bool fail_unknown_option(const struct scanner *sc, const char *arg,
				struct parse_error *err)
{
	struct strbuf list = { .len = 0 };
	unsigned int i, best = UINT32_MAX;
	const char *guess = NULL;
	char typed[64];
	struct quoted q;

	/* A typo ("--hots") gets the option meant, not the list of all. */
	snprintf(typed, sizeof(typed), "%.*s", (int)strcspn(arg, "="), arg);
	for (i = 0; i < sc->nr_opts; i++) {
		unsigned int d = distance(typed, sc->opts[i].name);

		if (d < best) {
			best = d;
			guess = sc->opts[i].name;
		}
	}
	if (guess && best <= (unsigned int)strlen(typed) / 4 + 1 && best)
		return fail(err, "unknown option %s for 'spevirt %s'; did you mean %s? (see "
			    "'spevirt help %s')", quote(&q, arg), sc->cmd, guess, sc->cmd);
	for (i = 0; i < sc->nr_opts; i++)
		sb_add(&list, "%s%s%s%s", i ? ", " : "", sc->opts[i].name,
		       sc->opts[i].value ? " " : "", sc->opts[i].value ? sc->opts[i].value : "");
	return fail(err, "unknown option %s for 'spevirt %s'; accepted: %s (see 'spevirt help "
		    "%s')", quote(&q, arg), sc->cmd, list.s, sc->cmd);
}

static bool fail_extra_arg(const struct scanner *sc, const char *arg, const char *usage,
			   struct parse_error *err)
{
	struct quoted q;

	return fail(err, "unexpected argument %s: usage: spevirt %s%s (see 'spevirt help %s')",
		    quote(&q, arg), sc->cmd, usage, sc->cmd);
}

/* The option's own argument: the one before its value when the value came separately. */
static const char *option_text(char *const args[])
{
	const char *last = args[optind - 1];

	return (optarg && optarg == last && optind >= 2) ? args[optind - 2] : last;
}

/* The option as written, which must be its full name: getopt_long() takes prefixes. */
static bool check_spelling(const struct scanner *sc, int o, const char *text,
			   struct parse_error *err)
{
	size_t len = strcspn(text, "=");
	const char *name = sc->opts[o].name;
	struct quoted q;

	if (len == strlen(name) && !strncmp(text, name, len))
		return true;
	return fail(err, "option %s of 'spevirt %s' is not spelled out: write %s", quote(&q, text),
		    sc->cmd, name);
}

/* getopt_long() said '?': an unknown option, or a value given to a flag. */
static bool fail_scan(const struct scanner *sc, char *const args[], struct parse_error *err)
{
	const char *text = args[optind - 1];

	if (optopt >= OPT_BASE && (unsigned int)(optopt - OPT_BASE) < sc->nr_opts)
		return fail(err, "option %s of 'spevirt %s' takes no value",
			    sc->opts[optopt - OPT_BASE].name, sc->cmd);
	return fail_unknown_option(sc, text, err);
}

/* A positional argument, at most @max of them into @pos. */
static bool take_arg(const struct scanner *sc, const char *arg, const char **pos, int max, int *n,
		     const char *usage, struct parse_error *err)
{
	if (*n == max)
		return fail_extra_arg(sc, arg, usage, err);
	pos[(*n)++] = arg;
	return true;
}

/* One option @o with value @val: its spelling, repetition, then @option. */
static bool take_option(struct scanner *sc, int o, char *const args[], option_fn option,
			void *ctx, struct parse_error *err)
{
	const char *text = option_text(args);

	if (!check_spelling(sc, o, text, err))
		return false;
	if ((sc->seen & (1U << o)) && !sc->opts[o].repeatable)
		return fail(err, "option %s of 'spevirt %s' is given twice", sc->opts[o].name,
			    sc->cmd);
	sc->seen |= 1U << o;
	return option(ctx, o, optarg, err);
}

bool scan_all(struct scanner *sc, const char **pos, int max, int *n, const char *usage,
	      option_fn option, void *ctx, bool *help, struct parse_error *err)
{
	struct option longopts[MAX_OPTS + 1];
	char *args[MAX_ARGS + 2];
	unsigned int i;
	int c;

	*n = 0;
	if (sc->argc > MAX_ARGS)
		return fail(err, "'spevirt %s' takes at most %d arguments", sc->cmd, MAX_ARGS);
	args[0] = (char *)"spevirt";
	for (c = 0; c < sc->argc; c++)
		args[c + 1] = sc->argv[c];
	args[sc->argc + 1] = NULL;
	for (i = 0; i < sc->nr_opts; i++)
		longopts[i] = (struct option){ sc->opts[i].name + 2,
					       sc->opts[i].value ? required_argument : no_argument,
					       NULL, (int)(OPT_BASE + i) };
	longopts[sc->nr_opts] = (struct option){ NULL, 0, NULL, 0 };
	optind = 0;
	opterr = 0;
	/* "-": positional arguments in order (as code 1); ":": a missing value is ':'. */
	while ((c = getopt_long(sc->argc + 1, args, "-:h", longopts, NULL)) != -1) {
		bool ok;

		if (c == 'h' || c == OPT_BASE + OPT_HELP) {
			*help = true;
			return true;
		}
		if (c == 1)
			ok = take_arg(sc, optarg, pos, max, n, usage, err);
		else if (c == ':')
			ok = fail(err, "option %s of 'spevirt %s' needs a value: %s %s",
				  sc->opts[optopt - OPT_BASE].name, sc->cmd,
				  sc->opts[optopt - OPT_BASE].name,
				  sc->opts[optopt - OPT_BASE].value);
		else if (c == '?')
			ok = fail_scan(sc, args, err);
		else
			ok = take_option(sc, c - OPT_BASE, args, option, ctx, err);
		if (!ok)
			return false;
	}
	/* After "--": every argument is positional. */
	for (c = optind; c < sc->argc + 1; c++)
		if (!take_arg(sc, args[c], pos, max, n, usage, err))
			return false;
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
	VO_ACCEPT,
	VO_BEST,
	VO_GUEST,
	VO_JSON,
};

static const struct opt_spec view_opts[] = {
	[VO_HELP] = { "--help", NULL, false },
	[VO_HOST] = { "--host", "HOST", false },
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
	[VO_ACCEPT] = { "--accept-leak", "LEAK", true },
	[VO_BEST] = { "--best", NULL, false },
	[VO_GUEST] = { "--guest", "DRIVER", false },
	[VO_JSON] = { "--json", NULL, false },
};

_Static_assert(VO_PMBIDR - VO_DFR0 + 1 == NR_HOST_REGS, "one option per host register");

const char *view_host_option(enum host_reg reg)
{
	return view_opts[VO_DFR0 + (int)reg].name;
}

/* --host: a preset, or else a host file the command reads (parsing reads no file). */
static void view_host(struct view_args *a, const char *val)
{
	a->preset = preset_find(val);
	a->host_file = a->preset ? NULL : val;
}

static bool view_option(void *ctx, int o, const char *val, struct parse_error *err)
{
	struct view_args *a = ctx;
	const char *name = view_opts[o].name;

	if (o >= VO_DFR0 && o <= VO_PMBIDR) {
		a->given |= 1U << (o - VO_DFR0);
		return parse_value(name, val, UINT64_MAX, &a->given_value[o - VO_DFR0], err);
	}
	switch (o) {
	case VO_HOST:
		view_host(a, val);
		return true;
	case VO_PMSVER:
		a->pmsver_given = true;
		return parse_pmsver(name, val, &a->cfg.pmsver, err);
	case VO_NVM:
		a->cfg.spe_nvm = SPEVIRT_ID_AA64DFR2_EL1_SPE_NVM_IMP;
		return true;
	case VO_MAXBUF:
		a->size_text = val;
		return parse_size(name, val, &a->cfg.max_buffer_size, err);
	case VO_PROFILE:
		return parse_profile(name, val, &a->cfg.profile, err);
	case VO_ALLOW:
		return parse_allow(name, val, &a->cfg.flags, err);
	case VO_EL3:
		return parse_el3(name, val, &a->el3_given, err);
	case VO_FORBID:
		a->cfg.flags |= SPEVIRT_CFG_FORBID_LEAKS;
		return true;
	case VO_ACCEPT:
		return parse_leaks(name, val, &a->cfg.accepted_leaks, err);
	case VO_BEST:
		a->best = true;
		return true;
	case VO_GUEST:
		return parse_guest(name, val, &a->guest, err);
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

/* The highest guest PMSVer a profile offers. */
static unsigned int profile_max_pmsver(enum spevirt_profile profile)
{
	return profile == SPEVIRT_PROFILE_KVM_RFC_V6 ? SPEVIRT_PMSVER_V1P5 : SPEVIRT_PMSVER_V1P4;
}

/* Flags the RFC profile has no use for: a usage error, not a refusal. */
#define RFC_REFUSED_FLAGS							\
	(SPEVIRT_CFG_TPMS_FALLBACK | SPEVIRT_CFG_UNADVERTISED_LIMIT | SPEVIRT_CFG_PINNED_MEMORY)

/* A flag the RFC profile has no use for is a usage error, not a refusal. */
static bool check_rfc_flags(const struct spevirt_config *cfg, struct parse_error *err)
{
	unsigned int i;

	if (cfg->profile != SPEVIRT_PROFILE_KVM_RFC_V6)
		return true;
	for (i = 0; i < NR_FLAGS; i++)
		if (cfg->flags & flags[i].flag & RFC_REFUSED_FLAGS)
			return fail(err, "%s: the kvm-rfc-v6 profile has no such mode; use "
				    "--profile default", flags[i].option);
	return true;
}

static bool check_combinations(const struct scanner *sc, const struct view_args *a,
			       struct parse_error *err)
{
	if (a->best && (sc->seen & (1U << VO_NVM)))
		return fail(err, "--best chooses SPE_nVM itself: do not combine it with --nvm");
	return check_rfc_flags(&a->cfg, err);
}

void view_args_set_host(struct view_args *a, const struct spevirt_host *base)
{
	unsigned int r;

	a->host = *base;
	for (r = 0; r < NR_HOST_REGS; r++)
		if (a->given & (1U << r))
			host_reg_set(&a->host, (enum host_reg)r, a->given_value[r]);
	a->host.el3_disabled |= a->el3_given;
	if (!a->pmsver_given) {
		a->cfg.pmsver = host_pmsver(&a->host);
		if (a->cfg.pmsver > profile_max_pmsver(a->cfg.profile)) {
			a->cfg.pmsver = profile_max_pmsver(a->cfg.profile);
			a->pmsver_capped = true;
		}
	}
}

static bool parse_guest_args(const char *cmd, int argc, char *const argv[],
			     struct view_args *a, struct parse_error *err)
{
	struct scanner sc = SCANNER(cmd, argc, argv, view_opts);
	int n;

	*a = (struct view_args){ .preset = preset_default() };
	a->cfg.profile = SPEVIRT_PROFILE_DEFAULT;
	if (!scan_all(&sc, NULL, 0, &n, " [OPTIONS]", view_option, a, &a->help, err))
		return false;
	if (a->help)
		return true;
	if (!check_combinations(&sc, a, err))
		return false;
	if (a->preset) {
		snprintf(a->host_name, sizeof(a->host_name), "%s", a->preset->name);
		view_args_set_host(a, &a->preset->host);
	}
	return true;
}

bool parse_view_args(int argc, char *const argv[], struct view_args *a, struct parse_error *err)
{
	return parse_guest_args("view", argc, argv, a, err);
}

bool parse_check_args(int argc, char *const argv[], struct view_args *a, struct parse_error *err)
{
	if (!parse_guest_args("check", argc, argv, a, err))
		return false;
	/* A verdict: the best the host gives, up to --pmsver when it is given. */
	a->best = true;
	return true;
}

/* 'spevirt pool', 'spevirt migrate' */

enum fleet_opt {
	FO_HELP = OPT_HELP,
	FO_PMSVER,
	FO_MAXBUF,
	FO_PROFILE,
	FO_ALLOW,
	FO_FORBID,
	FO_ACCEPT,
	FO_GUEST,
	FO_JSON,
	FO_NVM,			/* migrate only, from here */
	FO_FROM,
	FO_TO,
};

#define FLEET_OPTS							\
	[FO_HELP] = { "--help", NULL, false },				\
	[FO_PMSVER] = { "--pmsver", "LEVEL", false },			\
	[FO_MAXBUF] = { "--max-buffer-size", "SIZE", false },		\
	[FO_PROFILE] = { "--profile", "PROFILE", false },		\
	[FO_ALLOW] = { "--allow", "FLAG", true },			\
	[FO_FORBID] = { "--forbid-leaks", NULL, false },		\
	[FO_ACCEPT] = { "--accept-leak", "LEAK", true },		\
	[FO_GUEST] = { "--guest", "DRIVER", false },			\
	[FO_JSON] = { "--json", NULL, false }

static const struct opt_spec pool_opts[] = { FLEET_OPTS };

static const struct opt_spec migrate_opts[] = {
	FLEET_OPTS,
	[FO_NVM] = { "--nvm", NULL, false },
	[FO_FROM] = { "--from", "HOST", false },
	[FO_TO] = { "--to", "HOST", false },
};

static bool fleet_option(void *ctx, int o, const char *val, struct parse_error *err)
{
	struct fleet_args *a = ctx;
	const char *name = migrate_opts[o].name;

	switch (o) {
	case FO_PMSVER:
		a->pmsver_given = true;
		return parse_pmsver(name, val, &a->cfg.pmsver, err);
	case FO_MAXBUF:
		a->size_text = val;
		return parse_size(name, val, &a->cfg.max_buffer_size, err);
	case FO_PROFILE:
		return parse_profile(name, val, &a->cfg.profile, err);
	case FO_ALLOW:
		return parse_allow(name, val, &a->cfg.flags, err);
	case FO_FORBID:
		a->cfg.flags |= SPEVIRT_CFG_FORBID_LEAKS;
		return true;
	case FO_ACCEPT:
		return parse_leaks(name, val, &a->cfg.accepted_leaks, err);
	case FO_GUEST:
		return parse_guest(name, val, &a->guest, err);
	case FO_NVM:
		a->cfg.spe_nvm = SPEVIRT_ID_AA64DFR2_EL1_SPE_NVM_IMP;
		return true;
	case FO_FROM:
		a->from = val;
		return true;
	case FO_TO:
		a->to = val;
		return true;
	default:
		a->json = true;
		return true;
	}
}

bool parse_pool_args(int argc, char *const argv[], struct fleet_args *a, struct parse_error *err)
{
	struct scanner sc = SCANNER("pool", argc, argv, pool_opts);
	static const char usage[] = " [OPTIONS] HOST...";
	int n;

	*a = (struct fleet_args){ .cfg = { .profile = SPEVIRT_PROFILE_DEFAULT } };
	if (!scan_all(&sc, a->hosts, SPEVIRT_MAX_POOL, &n, usage, fleet_option, a, &a->help,
		      err))
		return false;
	if (a->help)
		return true;
	if (!n)
		return fail(err, "'spevirt pool' needs at least one HOST (a preset or a host "
			    "file): usage: spevirt pool%s", usage);
	a->nr_hosts = (unsigned int)n;
	return check_rfc_flags(&a->cfg, err);
}

bool parse_migrate_args(int argc, char *const argv[], struct fleet_args *a,
			struct parse_error *err)
{
	struct scanner sc = SCANNER("migrate", argc, argv, migrate_opts);
	static const char usage[] = " --from HOST --to HOST [OPTIONS]";
	int n;

	*a = (struct fleet_args){ .cfg = { .profile = SPEVIRT_PROFILE_DEFAULT } };
	if (!scan_all(&sc, NULL, 0, &n, usage, fleet_option, a, &a->help, err))
		return false;
	if (a->help)
		return true;
	if (!a->from || !a->to)
		return fail(err, "'spevirt migrate' needs --from HOST and --to HOST (a preset or a "
			    "host file each): usage: spevirt migrate%s", usage);
	if (a->cfg.spe_nvm && !a->pmsver_given)
		return fail(err, "--nvm needs --pmsver: without it the guest is the best the "
			    "source host gives, SPE_nVM included");
	return check_rfc_flags(&a->cfg, err);
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
	       parse_value("VALUE", pos[1], UINT64_MAX, &a->value, err);
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

/* One positional argument, --json and --help. */
static bool scan_one(const char *cmd, const char *usage, int argc, char *const argv[],
		     const char **arg, bool *json, bool *help, struct parse_error *err)
{
	struct scanner sc = SCANNER(cmd, argc, argv, json_opts);
	int n;

	if (!scan_all(&sc, arg, 1, &n, usage, json_option, json, help, err))
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
	if (!scan_one("encode-size", " [--json] SIZE", argc, argv, &arg, &a->json, &a->help, err))
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
	if (!scan_one("decode-size", " [--json] FIELD", argc, argv, &arg, &a->json, &a->help, err))
		return false;
	a->text = arg;
	return a->help || parse_value("FIELD", arg, max, &a->value, err);
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
