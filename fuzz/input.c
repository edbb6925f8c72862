// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Input decoding shared by the harnesses: little-endian reads that pad a
 * short input with zeros, and the host-and-configuration layout of
 * fuzz_view.c (documented there), which fuzz_offer.c reads too.
 */
#include <spevirt/spevirt.h>

#include "fuzz.h"

uint64_t fuzz_input_le(const uint8_t *data, size_t size, size_t off, size_t len)
{
	uint64_t val = 0;
	size_t i;

	for (i = 0; i < len && off + i < size; i++)
		val |= (uint64_t)data[off + i] << (8 * i);
	return val;
}

static unsigned int lo(uint64_t byte)
{
	return (unsigned int)(byte & 0xf);
}

static unsigned int hi(uint64_t byte)
{
	return (unsigned int)((byte >> 4) & 0xf);
}

void fuzz_view_input(const uint8_t *data, size_t size, struct spevirt_host *host,
			 struct spevirt_config *cfg)
{
	uint64_t b[16];
	size_t i;

	for (i = 0; i < 16; i++)
		b[i] = fuzz_input_le(data, size, i, 1);

	host->id_aa64dfr0_el1 = PREP(ID_AA64DFR0_EL1_PMSVER, lo(b[0]));
	host->id_aa64mmfr0_el1 = PREP(ID_AA64MMFR0_EL1_FGT, hi(b[0]));
	host->id_aa64dfr2_el1 = PREP(ID_AA64DFR2_EL1_SPE_NVM, lo(b[1])) |
				PREP(ID_AA64DFR2_EL1_SPE_EXC, hi(b[1]));

	host->pmsidr_el1 = b[2] | PREP(PMSIDR_EL1_PBT, b[3] & 1) |
			   PREP(PMSIDR_EL1_CRR, (b[3] >> 1) & 1) |
			   PREP(PMSIDR_EL1_EFT, (b[3] >> 2) & 1) |
			   PREP(PMSIDR_EL1_FPF, (b[3] >> 2) & 1) |
			   PREP(PMSIDR_EL1_SME, (b[3] >> 3) & 1) |
			   PREP(PMSIDR_EL1_ALTCLK, hi(b[3])) |
			   PREP(PMSIDR_EL1_INTERVAL, lo(b[4])) |
			   PREP(PMSIDR_EL1_MAXSIZE, SPEVIRT_PMSIDR_EL1_MAXSIZE_64 + hi(b[4])) |
			   PREP(PMSIDR_EL1_COUNTSIZE,
				SPEVIRT_PMSIDR_EL1_COUNTSIZE_12_BIT_SAT + lo(b[5])) |
			   PREP(PMSIDR_EL1_FORMAT, hi(b[5]));

	host->pmbidr_el1 = PREP(PMBIDR_EL1_ALIGN, lo(b[6])) | PREP(PMBIDR_EL1_EA, hi(b[6])) |
			   PREP(PMBIDR_EL1_F, b[7] & 1) | PREP(PMBIDR_EL1_P, (b[7] >> 1) & 1) |
			   PREP(PMBIDR_EL1_ADDRMODE, (b[7] >> 2) & 3) |
			   PREP(PMBIDR_EL1_MAXBUFFSIZE, fuzz_input_le(data, size, 8, 2));

	cfg->max_buffer_size = spevirt_maxbuf_decode((uint16_t)fuzz_input_le(data, size, 14, 2)) ^
			       fuzz_input_le(data, size, 16, 8);
	host->id_aa64dfr0_el1 ^= fuzz_input_le(data, size, 24, 8);
	host->id_aa64dfr2_el1 ^= fuzz_input_le(data, size, 32, 8);
	host->id_aa64mmfr0_el1 ^= fuzz_input_le(data, size, 40, 8);
	host->pmsidr_el1 ^= fuzz_input_le(data, size, 48, 8);
	host->pmbidr_el1 ^= fuzz_input_le(data, size, 56, 8);
	cfg->profile = (enum spevirt_profile)(b[10] ^ fuzz_input_le(data, size, 64, 4));
	cfg->pmsver = (unsigned int)(b[11] ^ fuzz_input_le(data, size, 68, 4));
	cfg->spe_nvm = (unsigned int)(b[12] ^ fuzz_input_le(data, size, 72, 4));
	cfg->flags = (unsigned int)(b[13] ^ fuzz_input_le(data, size, 76, 4));
	host->el3_disabled = (uint32_t)(hi(b[7]) ^ fuzz_input_le(data, size, 80, 4));
}
