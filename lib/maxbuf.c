// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * PMBIDR_EL1.MaxBuffSize: M = field[8:0], E = field[13:9], field[15:14]
 * reserved.  E = 0: M x 4 KiB.  E > 0: ('1':M) followed by E + 11 zero bits.
 */
#include "spevirt_internal.h"

#define MAXBUF_M_MASK	0x1ffU
#define MAXBUF_E_SHIFT	9
#define MAXBUF_E_MASK	0x1fU
#define MAXBUF_E_MAX	31U
#define MAXBUF_4K_SHIFT	12
#define MAXBUF_E_BIAS	11

uint64_t spevirt_maxbuf_decode(uint16_t field)
{
	uint64_t m = field & MAXBUF_M_MASK;
	unsigned int e = (field >> MAXBUF_E_SHIFT) & MAXBUF_E_MASK;

	if (e == 0)
		return m << MAXBUF_4K_SHIFT;
	return (m | (MAXBUF_M_MASK + 1)) << (e + MAXBUF_E_BIAS);
}

enum spevirt_status spevirt_maxbuf_encode(uint64_t bytes, uint16_t *field)
{
	unsigned int e;

	if (!field)
		return SPEVIRT_E_INVAL;

	/* Exponent 0 covers every multiple of 4 KiB below 2 MiB, 0 included. */
	if (bytes <= ((uint64_t)MAXBUF_M_MASK << MAXBUF_4K_SHIFT)) {
		if (bytes & ((1U << MAXBUF_4K_SHIFT) - 1))
			return SPEVIRT_E_BUFSIZE;
		*field = (uint16_t)(bytes >> MAXBUF_4K_SHIFT);
		return SPEVIRT_OK;
	}

	/* Exponent e holds ten significant bits, the top one at bit e + 20. */
	for (e = 1; e <= MAXBUF_E_MAX; e++) {
		unsigned int shift = e + MAXBUF_E_BIAS;
		uint64_t mant = bytes >> shift;

		if (mant > 2 * MAXBUF_M_MASK + 1)
			continue;
		if (mant << shift != bytes)
			return SPEVIRT_E_BUFSIZE;
		*field = (uint16_t)((e << MAXBUF_E_SHIFT) | (mant & MAXBUF_M_MASK));
		return SPEVIRT_OK;
	}
	return SPEVIRT_E_BUFSIZE;
}
