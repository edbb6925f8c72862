// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Fuzz harness for the PMBIDR_EL1.MaxBuffSize codec, spevirt_maxbuf_encode()
 * and spevirt_maxbuf_decode().
 *
 * Input layout (little-endian; bytes past the end of a short input read as 0,
 * bytes from offset 10 on are ignored):
 *
 *  off size  meaning
 *    0    8  bytes: a buffer size for spevirt_maxbuf_encode()
 *    8    2  field: a MaxBuffSize field for spevirt_maxbuf_decode()
 *
 * The harness abort()s, naming the invariant on stderr, unless:
 *  - decode ignores field bits [15:14];
 *  - decode(field) encodes, and back to field & 0x3fff (a field that decodes
 *    to 0, "no limit", encodes to 0);
 *  - encode(bytes) either fails with SPEVIRT_E_BUFSIZE or gives a field below
 *    0x4000 that decodes to bytes;
 *  - encode(x, NULL) returns SPEVIRT_E_INVAL.
 */
#include <stdio.h>
#include <stdlib.h>

#include <spevirt/spevirt.h>

#include "fuzz.h"

/* The 14 bits of PMBIDR_EL1.MaxBuffSize that mean something: E and M. */
#define FIELD_DEFINED	0x3fffU

static _Noreturn void violated(const char *invariant, uint64_t bytes, uint16_t field,
			       enum spevirt_status status, uint16_t out)
{
	fprintf(stderr,
		"fuzz_maxbuf: invariant violated: %s\n"
		"bytes=0x%016llx field=0x%04x status=%d (%s) encoded=0x%04x\n",
		invariant, (unsigned long long)bytes, (unsigned int)field, (int)status,
		spevirt_strerror(status), (unsigned int)out);
	abort();
}

static void check_decode(uint16_t field)
{
	uint64_t size = spevirt_maxbuf_decode(field);
	uint16_t want = size ? (uint16_t)(field & FIELD_DEFINED) : 0;
	enum spevirt_status status;
	uint16_t out = 0;

	if (spevirt_maxbuf_decode((uint16_t)(field & FIELD_DEFINED)) != size)
		violated("decode ignores field bits [15:14]", size, field, SPEVIRT_OK, 0);
	status = spevirt_maxbuf_encode(size, &out);
	if (status != SPEVIRT_OK)
		violated("every decoded size encodes", size, field, status, out);
	if (out != want)
		violated("encode(decode(field)) is field & 0x3fff, or 0 for size 0", size, field,
			 status, out);
	status = spevirt_maxbuf_encode(size, NULL);
	if (status != SPEVIRT_E_INVAL)
		violated("encode(x, NULL) returns SPEVIRT_E_INVAL", size, field, status, 0);
}

static void check_encode(uint64_t bytes)
{
	enum spevirt_status status;
	uint16_t out = 0;

	status = spevirt_maxbuf_encode(bytes, &out);
	if (status == SPEVIRT_OK) {
		if (out > FIELD_DEFINED)
			violated("an encoded field is below 0x4000", bytes, 0, status, out);
		if (spevirt_maxbuf_decode(out) != bytes)
			violated("decode(encode(bytes)) is bytes", bytes, 0, status, out);
	} else if (status != SPEVIRT_E_BUFSIZE) {
		violated("encode fails only with SPEVIRT_E_BUFSIZE", bytes, 0, status, out);
	}
	status = spevirt_maxbuf_encode(bytes, NULL);
	if (status != SPEVIRT_E_INVAL)
		violated("encode(x, NULL) returns SPEVIRT_E_INVAL", bytes, 0, status, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_encode(fuzz_input_le(data, size, 0, 8));
	check_decode((uint16_t)fuzz_input_le(data, size, 8, 2));
	return 0;
}
