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
#include <string.h>

#include <spevirt/spevirt.h>

#include "help.h"
#include "output.h"
#include "parse.h"
#include "report.h"


enum exit_status {
	EXIT_OK = 0,
	EXIT_REFUSED = 1,	/* the library refused: its reason is on stderr */
	EXIT_USAGE = 2,		/* the command line is wrong */
	EXIT_OUTPUT = 3,	/* stdout could not be written */
};

/* Flush stdout: a write error turns any outcome into EXIT_OUTPUT. */
static int finish(int status)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return status;
	fprintf(stderr, "spevirt: cannot write the output: %s\n", strerror(errno));
	return EXIT_OUTPUT;
}

static int usage_error(const struct parse_error *err)
{
	fprintf(stderr, "spevirt: %s\n", err->msg);
	return EXIT_USAGE;
}

/* The library's refusal, as spec'd: its status text, then its reason. */
static int refused(enum spevirt_status status, const char *reason)
{
	fprintf(stderr, "spevirt: %s: %s\n", spevirt_strerror(status),
		reason ? reason : "(the library gave no reason)");
	return finish(EXIT_REFUSED);
}

static int show_help(enum command cmd)
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
		return usage_error(&err);
	if (a.help)
		return show_help(CMD_VIEW);
	view_run(&a, &r);
	if (a.json)
		json_view(stdout, &r);
	else if (r.status == SPEVIRT_OK)
		text_view(stdout, &r);
	if (r.status != SPEVIRT_OK)
		return refused(r.status, r.view.reason);
	return finish(EXIT_OK);
}

static int cmd_decode(int argc, char *const argv[])
{
	struct parse_error err;
	struct decode_args a;

	if (!parse_decode_args(argc, argv, &a, &err))
		return usage_error(&err);
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
		return usage_error(&err);
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
	uint64_t bytes;
	uint16_t field;

	if (!parse_encode_size_args(argc, argv, &a, &err))
		return usage_error(&err);
	if (a.help)
		return show_help(CMD_ENCODE_SIZE);
	if (spevirt_maxbuf_encode(a.value, &field) != SPEVIRT_OK) {
		/* parse_buffer_size() words the refusal, with the nearest sizes. */
		parse_buffer_size("SIZE", a.text, &bytes, &err);
		return refused(SPEVIRT_E_BUFSIZE, err.msg);
	}
	printf("0x%04x\n", field);
	return finish(EXIT_OK);
}

static int cmd_decode_size(int argc, char *const argv[])
{
	struct parse_error err;
	struct size_args a;
	uint16_t field, back = 0;
	uint64_t bytes;

	if (!parse_decode_size_args(argc, argv, &a, &err))
		return usage_error(&err);
	if (a.help)
		return show_help(CMD_DECODE_SIZE);
	field = (uint16_t)a.value;
	bytes = spevirt_maxbuf_decode(field);
	printf("%llu\n", (unsigned long long)bytes);
	/* Bits the codec ignores do not survive a round trip. */
	spevirt_maxbuf_encode(bytes, &back);
	if (back != field)
		fprintf(stderr, "spevirt: note: FIELD bits 0x%04x are reserved and ignored\n",
			(unsigned int)(back ^ field));
	return finish(EXIT_OK);
}

static int cmd_help(int argc, char *const argv[])
{
	struct parse_error err;
	struct help_args a;

	if (!parse_help_args(argc, argv, &a, &err))
		return usage_error(&err);
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
		[CMD_DECODE] = cmd_decode,
		[CMD_PRESETS] = cmd_presets,
		[CMD_ENCODE_SIZE] = cmd_encode_size,
		[CMD_DECODE_SIZE] = cmd_decode_size,
		[CMD_HELP] = cmd_help,
	};

	return commands[cmd](argc, argv);
}

int main(int argc, char **argv)
{
	struct parse_error err;
	enum command cmd;

	/* No arguments: the default host's view ('./dev run' relies on it). */
	if (argc < 2)
		return run(CMD_VIEW, 0, argv + argc);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
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
	if (!parse_command(argv[1], &cmd, &err))
		return usage_error(&err);
	return run(cmd, argc - 2, argv + 2);
}
