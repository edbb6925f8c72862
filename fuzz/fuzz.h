/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_FUZZ_H
#define SPEVIRT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/*
 * The libFuzzer entry point every harness in fuzz/ defines.  libFuzzer calls
 * it with each generated input; replay.c calls it with each corpus file so the
 * harnesses also run, under any compiler, in the normal test suite.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif /* SPEVIRT_FUZZ_H */
