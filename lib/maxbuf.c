// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * PMBIDR_EL1.MaxBuffSize (D24.7.1): M = field[8:0], E = field[13:9],
 * field[15:14] reserved.  E = 0: M x 4 KiB.  E > 0: ('1':M) followed by
 * E + 11 zero bits.
 */
#include "spevirt_internal.h"

#define M_MAX		(SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE_M_MASK >> SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE_M_SHIFT)
#define E_MAX		(SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE_E_MASK >> SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE_E_SHIFT)
#define MANT_TOP	(M_MAX + 1)	/* the '1' above M when E > 0 */
#define SHIFT_4K	12
#define E_BIAS		11

uint64_t spevirt_maxbuf_decode(uint16_t field)
{
	uint64_t m = FIELD_GET_(field, PMBIDR_EL1_MAXBUFFSIZE_M);
	unsigned int e = (unsigned int)FIELD_GET_(field, PMBIDR_EL1_MAXBUFFSIZE_E);

	if (e == 0)
		return m << SHIFT_4K;
	return (m | MANT_TOP) << (e + E_BIAS);
}

enum spevirt_status spevirt_maxbuf_encode(uint64_t bytes, uint16_t *field)
{
	unsigned int e;

	if (!field)
		return SPEVIRT_E_INVAL;

	/* Exponent 0 covers every multiple of 4 KiB below 2 MiB, 0 included. */
	if (bytes <= ((uint64_t)M_MAX << SHIFT_4K)) {
		if (bytes & ((1U << SHIFT_4K) - 1))
			return SPEVIRT_E_BUFSIZE;
		*field = (uint16_t)FIELD_PREP_(PMBIDR_EL1_MAXBUFFSIZE_M, bytes >> SHIFT_4K);
		return SPEVIRT_OK;
	}

	/* Exponent e holds ten significant bits, the top one at bit e + 20. */
	for (e = 1; e <= E_MAX; e++) {
		unsigned int shift = e + E_BIAS;
		uint64_t mant = bytes >> shift;

		if (mant > (MANT_TOP | M_MAX))
			continue;
		if (mant << shift != bytes)
			return SPEVIRT_E_BUFSIZE;
		*field = (uint16_t)(FIELD_PREP_(PMBIDR_EL1_MAXBUFFSIZE_E, e) |
				    FIELD_PREP_(PMBIDR_EL1_MAXBUFFSIZE_M, mant));
		return SPEVIRT_OK;
	}
	return SPEVIRT_E_BUFSIZE;
}
