// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Fuzz harness for the spevirt tool's argument and number parsers
 * (tools/parse.c), which are pure functions, so no main() runs.
 *
 * Input: command-line arguments, each ended by a NUL byte (the last one needs
 * none; an empty input is no argument); at most FUZZ_MAX_ARGS are used, the rest
 * of the input is ignored.  Every
 * argument goes through every scalar parser, and the whole vector (and the
 * vector without its first argument, as main() passes it after a command
 * name) through every command's parser.
 *
 * The harness abort()s, naming the invariant on stderr, unless:
 *  - a failing parser leaves one non-empty message of printable ASCII (user
 *    input in it is escaped) that ends within struct parse_error;
 *  - parse_value() accepts only 0 alone, or 0x or 0b and digits of that base
 *    with '_' only between two digits, at most its maximum, and what it
 *    accepts prints and parses back to the same value;
 *  - parse_size() results print with format_size() and parse back;
 *  - parse_buffer_size() accepts exactly the sizes spevirt_maxbuf_encode()
 *    encodes; for the others maxbuf_neighbours() brackets the size with
 *    representable sizes;
 *  - parse_pmsver(), parse_profile(), parse_register() and parse_command()
 *    return a value whose name is the argument (or one of its spellings),
 *    as does parse_guest(),
 *    parse_allow() only SPEVIRT_CFG_* flags but FORBID_LEAKS, parse_el3()
 *    only SPEVIRT_EL3_* bits, and preset_guess() a preset or NULL;
 *  - parse_view_args() returns a configuration spevirt_view_compute()
 *    accepts as well formed (profile, flags, levels, leaks, EL3 bits; a
 *    buffer size the library may refuse as inexact), a preset or else a host
 *    file (its host taken as all zero), never --best with --nvm, the host's PMSVer (at most the profile's highest) when --pmsver
 *    is absent; the library then gives a reason exactly when it refuses;
 *  - the other commands' parsers return a register, a field of 16 bits, ...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spevirt/spevirt.h>

#include "../tools/parse.h"
#include "fuzz.h"

#define FUZZ_MAX_ARGS	32
#define NUM_BUF		64

/* ASCII letters compared without case: preset names are taken in any case. */
static bool same_name_any_case(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;

		if (x != y)
			return false;
	}
	return *a == *b;
}

/* @s is S<op0>_<op1>_C<n>_C<m>_<op2> for the encoding @enc. */
static bool spells_encoding(const char *s, uint32_t enc)
{
	unsigned int op0, op1, crn, crm, op2;
	char end;

	return sscanf(s, "%*1[sS]%u_%u_%*1[cC]%u_%*1[cC]%u_%u%c", &op0, &op1, &crn, &crm, &op2,
		      &end) == 5 && op0 <= 3 && op1 <= 7 && crn <= 15 && crm <= 15 && op2 <= 7 &&
	       SPEVIRT_SYSREG(op0, op1, crn, crm, op2) == enc;
}

static _Noreturn void violated(const char *invariant, const char *arg)
{
	fprintf(stderr, "fuzz_cli: invariant violated: %s\nargument: '%s'\n", invariant,
		arg ? arg : "(vector)");
	abort();
}

static void check_message(const struct parse_error *err, const char *arg)
{
	const char *end = memchr(err->msg, '\0', sizeof(err->msg));
	const char *p;

	if (!end || end == err->msg)
		violated("a failing parser leaves a non-empty, terminated message", arg);
	for (p = err->msg; p < end; p++)
		if (*p < ' ' || *p > '~')
			violated("messages are printable ASCII", arg);
}

/* A parser's result @ok; on failure, its message is checked first. */
static bool checked(bool ok, const struct parse_error *err, const char *arg)
{
	if (!ok)
		check_message(err, arg);
	return ok;
}

/* 0 alone, or 0x/0b and digits of that base with '_' only between two digits. */
static bool well_formed_value(const char *s)
{
	const char *digits;
	size_t i;

	if (!strcmp(s, "0"))
		return true;
	if (s[0] != '0' || !strchr("xXbB", s[1]) || !s[1])
		return false;
	digits = (s[1] == 'x' || s[1] == 'X') ? "0123456789abcdefABCDEF" : "01";
	s += 2;
	if (!*s)
		return false;
	for (i = 0; s[i]; i++) {
		if (s[i] == '_' && i > 0 && strchr(digits, s[i - 1]) && s[i + 1] &&
		    strchr(digits, s[i + 1]))
			continue;
		if (!strchr(digits, s[i]))
			return false;
	}
	return true;
}

static void check_value(const char *s)
{
	static const uint64_t maxes[] = { UINT64_MAX, 0xffff };
	struct parse_error err;
	char buf[NUM_BUF];
	uint64_t v, back;
	unsigned int i;

	for (i = 0; i < sizeof(maxes) / sizeof(maxes[0]); i++) {
		if (!checked(parse_value("VALUE", s, maxes[i], &v, &err), &err, s))
			continue;
		if (!well_formed_value(s) || v > maxes[i])
			violated("parse_value accepts 0, or 0x/0b digits up to its maximum", s);
		snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)v);
		if (!parse_value("VALUE", buf, maxes[i], &back, &err) || back != v)
			violated("a value prints and parses back", s);
	}
}

static void check_neighbours(uint64_t v, const char *s)
{
	uint64_t below, above;
	unsigned int found = maxbuf_neighbours(v, &below, &above);
	uint16_t field;

	if (!found)
		violated("an inexact size has a representable neighbour", s);
	if ((found & SIZE_HAS_BELOW) &&
	    (below >= v || spevirt_maxbuf_encode(below, &field) != SPEVIRT_OK))
		violated("the neighbour below is smaller and representable", s);
	if ((found & SIZE_HAS_ABOVE) &&
	    (above <= v || spevirt_maxbuf_encode(above, &field) != SPEVIRT_OK))
		violated("the neighbour above is larger and representable", s);
}

static void check_size(const char *s)
{
	struct parse_error err;
	char buf[NUM_BUF];
	uint64_t v, back, exact;
	uint16_t field;
	bool ok;

	if (!checked(parse_size("SIZE", s, &v, &err), &err, s))
		return;
	format_size(v, buf, sizeof(buf));
	if (!parse_size("SIZE", buf, &back, &err) || back != v)
		violated("format_size prints a size parse_size reads back", s);
	ok = checked(parse_buffer_size("SIZE", s, &exact, &err), &err, s);
	if (ok != (spevirt_maxbuf_encode(v, &field) == SPEVIRT_OK) || (ok && exact != v))
		violated("parse_buffer_size accepts exactly the encodable sizes", s);
	if (!ok)
		check_neighbours(v, s);
}

static void check_names(const char *s)
{
	const struct spevirt_reg_desc *reg;
	const struct guest_driver *guest;
	enum spevirt_profile profile;
	const char *guess;
	struct parse_error err;
	unsigned int pmsver, flags = 0;
	uint32_t el3 = 0;
	enum command cmd;

	if (checked(parse_pmsver("LEVEL", s, &pmsver, &err), &err, s) &&
	    (pmsver > SPEVIRT_PMSVER_V1P5 || !pmsver_name(pmsver)))
		violated("parse_pmsver returns a named PMSVer value", s);
	if (checked(parse_profile("PROFILE", s, &profile, &err), &err, s) &&
	    !same_name_any_case(profile_name(profile), s))
		violated("parse_profile returns the profile of that name (any case)", s);
	if (checked(parse_allow("FLAG", s, &flags, &err), &err, s) &&
	    (!flags || (flags & ~SPEVIRT_CFG_VALID_FLAGS) || (flags & SPEVIRT_CFG_FORBID_LEAKS)))
		violated("parse_allow returns SPEVIRT_CFG_* flags other than FORBID_LEAKS", s);
	if (checked(parse_el3("CONTROL", s, &el3, &err), &err, s) &&
	    (!el3 || (el3 & ~SPEVIRT_EL3_VALID)))
		violated("parse_el3 returns SPEVIRT_EL3_* bits only", s);
	if (checked(parse_guest("DRIVER", s, &guest, &err), &err, s) &&
	    !same_name_any_case(guest->name, s))
		violated("parse_guest returns the driver of that name (any case)", s);
	guess = preset_guess(s);
	if (guess && !preset_find(guess))
		violated("preset_guess returns a preset's name or NULL", s);
	if (checked(parse_register("REGISTER", s, &reg, &err), &err, s) &&
	    reg != spevirt_reg_find(s) && !spells_encoding(s, reg->encoding))
		violated("parse_register returns the register of that name or encoding", s);
	if (checked(parse_command(s, &cmd, &err), &err, s) && strcmp(command_name(cmd), s))
		violated("parse_command returns the command of that name", s);
}

static unsigned int host_pmsver(const struct spevirt_host *host)
{
	uint64_t v = (host->id_aa64dfr0_el1 & SPEVIRT_ID_AA64DFR0_EL1_PMSVER_MASK) >>
		     SPEVIRT_ID_AA64DFR0_EL1_PMSVER_SHIFT;

	return v > SPEVIRT_PMSVER_V1P5 ? SPEVIRT_PMSVER_V1P5 : (unsigned int)v;
}

/* The host's PMSVer, at most the profile's highest (V1P4 default, V1P5 kvm-rfc-v6). */
static unsigned int max_pmsver(const struct view_args *a)
{
	unsigned int v = host_pmsver(&a->host);
	unsigned int top = a->cfg.profile == SPEVIRT_PROFILE_KVM_RFC_V6 ? SPEVIRT_PMSVER_V1P5 :
									   SPEVIRT_PMSVER_V1P4;

	return v > top ? top : v;
}

static void check_view(int argc, char *const argv[])
{
	struct parse_error err;
	struct view_args a;
	struct spevirt_view view;
	struct spevirt_config cfg;
	enum spevirt_status st;
	uint64_t size;
	uint16_t field;
	bool exact;

	if (!checked(parse_view_args(argc, argv, &a, &err), &err, NULL) || a.help)
		return;
	if (!a.preset == !a.host_file)
		violated("--host is a preset or else a host file", NULL);
	/* What the command does once it has read the file: any host will do. */
	if (a.host_file)
		view_args_set_host(&a, &(const struct spevirt_host){ 0 });
	if (a.cfg.profile > SPEVIRT_PROFILE_KVM_RFC_V6 ||
	    (a.cfg.flags & ~SPEVIRT_CFG_VALID_FLAGS) || a.cfg.pmsver > SPEVIRT_PMSVER_V1P5 ||
	    a.cfg.spe_nvm > 1 || (a.cfg.accepted_leaks >> SPEVIRT_LEAK_COUNT) ||
	    (a.host.el3_disabled & ~SPEVIRT_EL3_VALID))
		violated("parse_view_args returns a well-formed configuration", NULL);
	if (a.size_text && !checked(parse_size("SIZE", a.size_text, &size, &err), &err, NULL))
		violated("--max-buffer-size is a size parse_size reads", NULL);
	if (a.best && a.cfg.spe_nvm)
		violated("--best never comes with --nvm", NULL);
	if (!a.pmsver_given && a.cfg.pmsver != max_pmsver(&a))
		violated("without --pmsver the guest has the host's PMSVer, at most the profile's",
			 NULL);
	cfg = a.cfg;
	st = a.best ? spevirt_best_offer(&a.host, &cfg, &view) :
		      spevirt_view_compute(&a.host, &cfg, &view);
	exact = spevirt_maxbuf_encode(a.cfg.max_buffer_size, &field) == SPEVIRT_OK;
	if (st == SPEVIRT_E_INVAL && exact)
		violated("the library takes every parsed configuration as well formed", NULL);
	if ((st == SPEVIRT_OK) != (view.reason == NULL))
		violated("the library gives a reason exactly when it refuses", NULL);
}

static void check_commands(int argc, char *const argv[])
{
	struct parse_error err;
	struct decode_args d;
	struct presets_args p;
	struct size_args s;
	struct help_args h;

	check_view(argc, argv);
	if (checked(parse_decode_args(argc, argv, &d, &err), &err, NULL) && !d.help && !d.reg)
		violated("parse_decode_args returns a register", NULL);
	checked(parse_presets_args(argc, argv, &p, &err), &err, NULL);
	if (checked(parse_encode_size_args(argc, argv, &s, &err), &err, NULL) && !s.help &&
	    !s.text)
		violated("parse_encode_size_args keeps its argument", NULL);
	if (checked(parse_decode_size_args(argc, argv, &s, &err), &err, NULL) &&
	    s.value > 0xffff)
		violated("parse_decode_size_args returns a 16-bit field", NULL);
	if (checked(parse_help_args(argc, argv, &h, &err), &err, NULL) && h.has_command &&
	    (unsigned int)h.command >= NR_COMMANDS)
		violated("parse_help_args returns a command", NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	char *argv[FUZZ_MAX_ARGS + 1];
	size_t off = 0;
	int argc = 0, i;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	while (argc < FUZZ_MAX_ARGS && off < size) {
		argv[argc++] = buf + off;
		off += strlen(buf + off) + 1;
	}
	argv[argc] = NULL;
	for (i = 0; i < argc; i++) {
		check_value(argv[i]);
		check_size(argv[i]);
		check_names(argv[i]);
	}
	check_commands(argc, argv);
	if (argc > 0)
		check_commands(argc - 1, argv + 1);
	free(buf);
	return 0;
}
