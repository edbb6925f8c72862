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

/* Read or build field F of a register value: FIELD(v, PMSIDR_EL1_FNE). */
#define FIELD(val, f)	(((val) & SPEVIRT_##f##_MASK) >> SPEVIRT_##f##_SHIFT)
#define PREP(f, x)	(((uint64_t)(x) << SPEVIRT_##f##_SHIFT) & SPEVIRT_##f##_MASK)

struct spevirt_host;
struct spevirt_config;

/* @len bytes at @off, little-endian; bytes past @size read as 0. */
uint64_t fuzz_input_le(const uint8_t *data, size_t size, size_t off, size_t len);

/* The host and configuration of the fuzz_view.c input layout. */
void fuzz_view_input(const uint8_t *data, size_t size, struct spevirt_host *host,
		     struct spevirt_config *cfg);

#endif /* SPEVIRT_FUZZ_H */
