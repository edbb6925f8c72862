/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_HELP_H
#define SPEVIRT_TOOLS_HELP_H

#include <stdio.h>

#include "parse.h"

/* 'spevirt --help': the commands. */
void help_general(FILE *out);
/* 'spevirt help COMMAND', 'spevirt COMMAND --help': a command's usage and options. */
void help_command(FILE *out, enum command cmd);

#endif /* SPEVIRT_TOOLS_HELP_H */
