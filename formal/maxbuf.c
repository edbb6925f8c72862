// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/* Proof drivers: PMBIDR_EL1.MaxBuffSize encoding and decoding. */
#include "fv.h"

void fv_maxbuf_encode(void)
{
	uint16_t field;
	enum spevirt_status st = spevirt_maxbuf_encode(fv_u64(), &field);

	if (st == SPEVIRT_OK) {
		//@ assert d_encode_canonical: field < 0x4000;
	}
	st = spevirt_maxbuf_encode(fv_u64(), NULL);
	//@ assert maxbuf_null_inval: st == SPEVIRT_E_INVAL;
}

void fv_maxbuf_decode(void)
{
	uint64_t bytes = spevirt_maxbuf_decode(Frama_C_unsigned_short_interval(0, 0xffff));

	//@ assert maxbuf_decode_4k_multiple: bytes % 4096 == 0;
}

/*
 * (d) Every canonical field (bits [15:14] zero: E from 0 to 31, any M)
 * decodes to a size that encodes back to the same field.  The field is
 * split into one state per value (Frama_C_interval_split, with an slevel
 * above 4096), so each of the 16384 fields is checked on its own; four
 * entry points of eight exponents each share the work.
 */
static void fv_maxbuf_roundtrip(unsigned int e_first)
{
	unsigned int f = Frama_C_interval_split(e_first << 9, ((e_first + 8) << 9) - 1);
	uint16_t back = 0xffff;
	enum spevirt_status st = spevirt_maxbuf_encode(spevirt_maxbuf_decode((uint16_t)f), &back);

	//@ assert d_decode_encode_roundtrip: st == SPEVIRT_OK && back == f;
}

void fv_maxbuf_roundtrip_e0(void)
{
	fv_maxbuf_roundtrip(0);
}

void fv_maxbuf_roundtrip_e8(void)
{
	fv_maxbuf_roundtrip(8);
}

void fv_maxbuf_roundtrip_e16(void)
{
	fv_maxbuf_roundtrip(16);
}

void fv_maxbuf_roundtrip_e24(void)
{
	fv_maxbuf_roundtrip(24);
}
