// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * spevirt: show what a guest would see of SPE on a host, and which traps the
 * hypervisor must program.  'spevirt --help' lists the commands; spevirt(1)
 * describes them; docs/cli-json.md documents the JSON output.
 *
 * The parsing is in parse.c (pure functions, fuzzed by fuzz/fuzz_cli.c), the
 * hosts in presets.c, the outputs in output_text.c and output_json.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spevirt/spevirt.h>

#include "audit.h"
#include "command.h"
#include "explain.h"
#include "fleet.h"
#include "guests.h"
#include "help.h"
#include "output.h"
#include "parse.h"
#include "report.h"


/* Flush stdout: a write error turns any outcome into EXIT_OUTPUT. */
int finish(int status)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return status;
	fprintf(stderr, "spevirt: cannot write the output: %s\n", strerror(errno));
	return EXIT_OUTPUT;
}

/* --json among the arguments, before any "--": errors are JSON documents too. */
static bool wants_json(int argc, char *const argv[])
{
	int i;

	for (i = 0; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--json"))
			return true;
	return false;
}

int usage_error(enum command cmd, int argc, char *const argv[], const struct parse_error *err)
{
	fprintf(stderr, "spevirt: %s\n", err->msg);
	if (wants_json(argc, argv)) {
		json_usage_error(stdout, command_name(cmd), err->msg);
		return finish(EXIT_USAGE);
	}
	return EXIT_USAGE;
}

/* The library's refusal for @host: its status text, then its reason in the command's words. */
static int refused(const struct spevirt_host *host, enum spevirt_status status,
		   const char *reason)
{
	char words[CLI_TEXT_MAX];

	refusal_words(status, reason, host, words, sizeof(words));
	fprintf(stderr, "spevirt: %s: %s\n", spevirt_strerror(status), words);
	return finish(EXIT_REFUSED);
}

/*
 * A limit PMBIDR_EL1.MaxBuffSize cannot hold: refused like any other
 * configuration the library refuses, with the nearest sizes it can hold.
 */
static bool inexact_size(const char *what, const char *text, uint64_t bytes,
			 struct parse_error *why)
{
	uint16_t field;

	if (spevirt_maxbuf_encode(bytes, &field) == SPEVIRT_OK)
		return false;
	parse_buffer_size(what, text, &bytes, why);
	return true;
}

/*
 * A --max-buffer-size (given as @text) the field cannot hold: the library's
 * E_BUFSIZE, with the nearest sizes the field can hold.  Return: printed.
 */
static bool refused_limit(enum spevirt_status status, const char *text, uint64_t bytes)
{
	struct parse_error inexact;

	if (status != SPEVIRT_E_BUFSIZE || !text ||
	    !inexact_size("--max-buffer-size", text, bytes, &inexact))
		return false;
	fprintf(stderr, "spevirt: %s: %s\n", spevirt_strerror(status), inexact.msg);
	return true;
}

int show_help(enum command cmd)
{
	help_command(stdout, cmd);
	return finish(EXIT_OK);
}

static int cmd_view(int argc, char *const argv[])
{
	struct parse_error err;
	struct view_result r;
	struct view_args a;

	if (!parse_view_args(argc, argv, &a, &err))
		return usage_error(CMD_VIEW, argc, argv, &err);
	if (a.help)
		return show_help(CMD_VIEW);
	if (!view_load(&a, &err))
		return usage_error(CMD_VIEW, argc, argv, &err);
	view_run(&a, &r);
	if (a.json)
		json_view(stdout, &r);
	else if (r.status == SPEVIRT_OK)
		text_view(stdout, &r);
	if (r.status == SPEVIRT_OK)
		return finish(EXIT_OK);
	if (refused_limit(r.status, a.size_text, a.cfg.max_buffer_size))
		return finish(EXIT_REFUSED);
	return refused(&a.host, r.status, r.view.reason);
}

/* One line: does the guest get SPE?  0 yes, 1 no. */
static int cmd_check(int argc, char *const argv[])
{
	char line[2 * CLI_TEXT_MAX];
	struct parse_error err;
	struct view_result r;
	struct view_args a;

	if (!parse_check_args(argc, argv, &a, &err))
		return usage_error(CMD_CHECK, argc, argv, &err);
	if (a.help)
		return show_help(CMD_CHECK);
	if (!view_load(&a, &err))
		return usage_error(CMD_CHECK, argc, argv, &err);
	view_run(&a, &r);
	if (r.status != SPEVIRT_OK) {
		if (a.json)
			json_check(stdout, &r);
		if (refused_limit(r.status, a.size_text, a.cfg.max_buffer_size))
			return finish(EXIT_REFUSED);
		if (a.json)
			return refused(&a.host, r.status, r.view.reason);
		/* The verdict still: one line, as for a guest without SPE. */
		check_refusal(&a, r.status, r.view.reason, line, sizeof(line));
		printf("%s\n", line);
		return finish(EXIT_REFUSED);
	}
	if (a.json) {
		json_check(stdout, &r);
	} else {
		check_verdict(&a, &r.cfg, &r.view, &r.why_not, line, sizeof(line));
		check_clauses(&r, line, sizeof(line));
		printf("%s\n", line);
	}
	/* With --guest, SPE the guest's driver cannot use is no SPE. */
	if (a.guest && r.cfg.pmsver && !guest_uses_spe(&r.guest))
		return finish(EXIT_REFUSED);
	return finish(r.cfg.pmsver ? EXIT_OK : EXIT_REFUSED);
}

static int cmd_decode(int argc, char *const argv[])
{
	struct parse_error err;
	struct decode_args a;

	if (!parse_decode_args(argc, argv, &a, &err))
		return usage_error(CMD_DECODE, argc, argv, &err);
	if (a.help)
		return show_help(CMD_DECODE);
	if (a.json)
		json_decode(stdout, a.reg, a.value);
	else
		text_decode(stdout, a.reg, a.value);
	return finish(EXIT_OK);
}

static int cmd_presets(int argc, char *const argv[])
{
	struct presets_args a;
	struct parse_error err;

	if (!parse_presets_args(argc, argv, &a, &err))
		return usage_error(CMD_PRESETS, argc, argv, &err);
	if (a.help)
		return show_help(CMD_PRESETS);
	if (a.json)
		json_presets(stdout);
	else
		text_presets(stdout);
	return finish(EXIT_OK);
}

static int cmd_encode_size(int argc, char *const argv[])
{
	struct parse_error err;
	struct size_args a;
	uint16_t field = 0;
	bool exact;

	if (!parse_encode_size_args(argc, argv, &a, &err))
		return usage_error(CMD_ENCODE_SIZE, argc, argv, &err);
	if (a.help)
		return show_help(CMD_ENCODE_SIZE);
	exact = !inexact_size("SIZE", a.text, a.value, &err);
	if (exact && spevirt_maxbuf_encode(a.value, &field) != SPEVIRT_OK)
		exact = false;
	if (a.json)
		json_encode_size(stdout, a.value, exact, field, exact ? NULL : err.msg);
	else if (exact)
		printf("0x%04x\n", field);
	if (!exact) {
		fprintf(stderr, "spevirt: %s: %s\n", spevirt_strerror(SPEVIRT_E_BUFSIZE), err.msg);
		return finish(EXIT_REFUSED);
	}
	return finish(EXIT_OK);
}

static int cmd_decode_size(int argc, char *const argv[])
{
	struct parse_error err;
	struct size_args a;
	uint16_t field, back = 0;
	uint64_t bytes;
	char size[32];

	if (!parse_decode_size_args(argc, argv, &a, &err))
		return usage_error(CMD_DECODE_SIZE, argc, argv, &err);
	if (a.help)
		return show_help(CMD_DECODE_SIZE);
	field = (uint16_t)a.value;
	bytes = spevirt_maxbuf_decode(field);
	/* Bits the codec ignores do not survive a round trip. */
	if (spevirt_maxbuf_encode(bytes, &back) != SPEVIRT_OK)
		back = (uint16_t)~field;
	format_size(bytes, size, sizeof(size));
	if (a.json)
		json_decode_size(stdout, field, bytes, (uint16_t)(back ^ field));
	else if (bytes)
		printf("%llu bytes (%s)\n", (unsigned long long)bytes, size);
	else
		printf("0 (no limit)\n");
	if (back != field)
		fprintf(stderr, "spevirt: note: FIELD bits 0x%04x are reserved and ignored\n",
			(unsigned int)(back ^ field));
	return finish(EXIT_OK);
}

/* A pool's refusal names the host that refuses. */
static int pool_refused(const struct fleet_args *a, const struct pool_result *r)
{
	char words[CLI_TEXT_MAX];

	if (refused_limit(r->status, a->size_text, a->cfg.max_buffer_size))
		return finish(EXIT_REFUSED);
	refusal_words(r->status, r->pool.reason, &r->hosts[r->pool.host].host, words,
		      sizeof(words));
	fprintf(stderr, "spevirt: %s: host %s: %s\n", spevirt_strerror(r->status),
		r->hosts[r->pool.host].name, words);
	return finish(EXIT_REFUSED);
}

/* Without --guest, any; with it, the driver probes on every host. */
static bool pool_guest_uses_spe(const struct pool_result *r)
{
	unsigned int i;

	for (i = 0; r->guest && i < r->nr_hosts; i++)
		if (!guest_uses_spe(&r->verdicts[i]))
			return false;
	return true;
}

/* The best guest every host of a pool gives: 0 with SPE, 1 without or refused. */
static int cmd_pool(int argc, char *const argv[])
{
	static struct pool_result r;
	struct parse_error err;
	struct fleet_args a;

	if (!parse_pool_args(argc, argv, &a, &err))
		return usage_error(CMD_POOL, argc, argv, &err);
	if (a.help)
		return show_help(CMD_POOL);
	if (!pool_load(&a, &r, &err))
		return usage_error(CMD_POOL, argc, argv, &err);
	pool_run(&a, &r);
	if (a.json)
		json_pool(stdout, &r);
	else if (r.status == SPEVIRT_OK)
		text_pool(stdout, &r);
	if (r.status != SPEVIRT_OK)
		return pool_refused(&a, &r);
	return finish(r.cfg.pmsver && pool_guest_uses_spe(&r) ? EXIT_OK : EXIT_REFUSED);
}

/* Can a running guest move?  0 yes, 1 no. */
static int cmd_migrate(int argc, char *const argv[])
{
	static struct migrate_result r;
	struct parse_error err;
	struct fleet_args a;

	if (!parse_migrate_args(argc, argv, &a, &err))
		return usage_error(CMD_MIGRATE, argc, argv, &err);
	if (a.help)
		return show_help(CMD_MIGRATE);
	if (!migrate_load(&a, &r, &err))
		return usage_error(CMD_MIGRATE, argc, argv, &err);
	migrate_run(&a, &r);
	if (a.json)
		json_migrate(stdout, &r);
	if (r.source_status != SPEVIRT_OK) {
		char words[CLI_TEXT_MAX];

		cli_words(r.source.reason, words, sizeof(words));
		fprintf(stderr, "spevirt: %s: on %s: %s\n", spevirt_strerror(r.source_status),
			r.from.name, words);
		return finish(EXIT_REFUSED);
	}
	if (!a.json)
		text_migrate(stdout, &r);
	if (r.status == SPEVIRT_E_MISMATCH)
		return finish(EXIT_REFUSED);
	if (r.status != SPEVIRT_OK)
		return refused(&r.to.host, r.status, r.dest.reason);
	return finish(EXIT_OK);
}

/* What a hypervisor's set-up does: 0 no finding, 1 findings. */
static int cmd_help(int argc, char *const argv[])
{
	struct parse_error err;
	struct help_args a;

	if (!parse_help_args(argc, argv, &a, &err))
		return usage_error(CMD_HELP, argc, argv, &err);
	if (a.help)
		return show_help(CMD_HELP);
	if (!a.has_command) {
		help_general(stdout);
		return finish(EXIT_OK);
	}
	return show_help(a.command);
}

static int run(enum command cmd, int argc, char *const argv[])
{
	static int (*const commands[NR_COMMANDS])(int argc, char *const argv[]) = {
		[CMD_VIEW] = cmd_view,
		[CMD_CHECK] = cmd_check,
		[CMD_DECODE] = cmd_decode,
		[CMD_PRESETS] = cmd_presets,
		[CMD_ENCODE_SIZE] = cmd_encode_size,
		[CMD_DECODE_SIZE] = cmd_decode_size,
		[CMD_POOL] = cmd_pool,
		[CMD_MIGRATE] = cmd_migrate,
		[CMD_AUDIT] = cmd_audit,
		[CMD_GUESTS] = cmd_guests,
		[CMD_FLEET] = cmd_fleet,
		[CMD_NESTED] = cmd_nested,
		[CMD_HELP] = cmd_help,
	};

	return commands[cmd](argc, argv);
}

/* Text wraps at $COLUMNS when it is a sensible width, else at 80. */
static void set_width(void)
{
	const char *cols = getenv("COLUMNS");
	long n = cols ? strtol(cols, NULL, 10) : 0;

	text_width = n >= 40 && n <= 1000 ? (unsigned int)n : 80;
}

int main(int argc, char **argv)
{
	struct parse_error err;
	enum command cmd;

	set_width();
	/* No arguments: the default host's view ('./dev run' relies on it). */
	if (argc < 2)
		return run(CMD_VIEW, 0, argv + argc);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		/* 'spevirt -h view' is 'spevirt help view'. */
		if (argc > 2 && parse_command(argv[2], &cmd, &err))
			return show_help(cmd);
		help_general(stdout);
		return finish(EXIT_OK);
	}
	if (!strcmp(argv[1], "--version")) {
		printf("spevirt %u.%u.%u\n", SPEVIRT_VERSION_MAJOR, SPEVIRT_VERSION_MINOR,
		       SPEVIRT_VERSION_PATCH);
		return finish(EXIT_OK);
	}
	/* Options without a command are options of 'view'. */
	if (argv[1][0] == '-')
		return run(CMD_VIEW, argc - 1, argv + 1);
	if (!parse_command(argv[1], &cmd, &err)) {
		fprintf(stderr, "spevirt: %s\n", err.msg);
		return EXIT_USAGE;
	}
	return run(cmd, argc - 2, argv + 2);
}
