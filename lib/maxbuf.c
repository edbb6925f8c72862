// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * PMBIDR_EL1.MaxBuffSize (D24.7.1): M = field[8:0], E = field[13:9],
 * field[15:14] reserved.  E = 0: M x 4 KiB.  E > 0: ('1':M) followed by
 * E + 11 zero bits.
 */
#include "spevirt_internal.h"

#define SPV_M_MAX		SPV_FIELD_GET(~0ULL, PMBIDR_EL1_MAXBUFFSIZE_M)
#define SPV_E_MAX		SPV_FIELD_GET(~0ULL, PMBIDR_EL1_MAXBUFFSIZE_E)
#define SPV_MANT_TOP	(SPV_M_MAX + 1)	/* the '1' above M when E > 0 */
#define SPV_SHIFT_4K	12
#define SPV_E_BIAS		11

uint64_t spevirt_maxbuf_decode(uint16_t field)
{
	uint64_t m = SPV_FIELD_GET(field, PMBIDR_EL1_MAXBUFFSIZE_M);
	unsigned int e = (unsigned int)SPV_FIELD_GET(field, PMBIDR_EL1_MAXBUFFSIZE_E);

	if (e == 0)
		return m << SPV_SHIFT_4K;
	return (m | SPV_MANT_TOP) << (e + SPV_E_BIAS);
}

enum spevirt_status spevirt_maxbuf_encode(uint64_t bytes, uint16_t *field)
{
	unsigned int e;

	if (!field)
		return SPEVIRT_E_INVAL;

	/* Exponent 0 covers every multiple of 4 KiB below 2 MiB, 0 included. */
	if (bytes <= ((uint64_t)SPV_M_MAX << SPV_SHIFT_4K)) {
		if (bytes & ((1U << SPV_SHIFT_4K) - 1))
			return SPEVIRT_E_BUFSIZE;
		*field = (uint16_t)SPV_FIELD_PREP(PMBIDR_EL1_MAXBUFFSIZE_M, bytes >> SPV_SHIFT_4K);
		return SPEVIRT_OK;
	}

	/* Exponent e holds ten significant bits, the top one at bit e + 20. */
	for (e = 1; e <= SPV_E_MAX; e++) {
		unsigned int shift = e + SPV_E_BIAS;
		uint64_t mant = bytes >> shift;

		if (mant > (SPV_MANT_TOP | SPV_M_MAX))
			continue;
		if (mant << shift != bytes)
			return SPEVIRT_E_BUFSIZE;
		*field = (uint16_t)(SPV_FIELD_PREP(PMBIDR_EL1_MAXBUFFSIZE_E, e) |
				    SPV_FIELD_PREP(PMBIDR_EL1_MAXBUFFSIZE_M, mant));
		return SPEVIRT_OK;
	}
	return SPEVIRT_E_BUFSIZE;
}
