/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_COMMAND_H
#define SPEVIRT_TOOLS_COMMAND_H

/*
 * What every command shares: spevirt.c dispatches 'spevirt NAME ...' to
 * cmd_NAME(argc, argv), with the arguments after the command's name; a
 * command in a file of its own (its options, its run, its output) uses
 * these to end the same way as the others.
 */
#include "parse.h"

enum exit_status {
	EXIT_OK = 0,
	EXIT_REFUSED = 1,	/* the library refused: its reason is on stderr */
	EXIT_USAGE = 2,		/* the command line is wrong */
	EXIT_OUTPUT = 3,	/* stdout could not be written */
};

/* Flush stdout: a write error turns any outcome into EXIT_OUTPUT. */
int finish(int status);
/* @err on stderr, and as a JSON document on stdout when --json is among the arguments. */
int usage_error(enum command cmd, int argc, char *const argv[], const struct parse_error *err);
/* The command's help text on stdout. */
int show_help(enum command cmd);

/* Commands in files of their own. */
int cmd_guests(int argc, char *const argv[]);	/* guests.c */
int cmd_fleet(int argc, char *const argv[]);	/* inventory.c */
int cmd_nested(int argc, char *const argv[]);	/* nested.c */

/* The help texts of the commands in files of their own. */
extern const char guests_help[];
extern const char fleet_help[];
extern const char nested_help[];

#endif /* SPEVIRT_TOOLS_COMMAND_H */
