// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#include "decode.h"

static uint64_t field_mask(const struct spevirt_field_desc *f)
{
	uint64_t ones = f->width == 64 ? ~0ULL : (1ULL << f->width) - 1;

	return ones << f->shift;
}

static const char *enum_name(const struct spevirt_field_desc *f, uint64_t v)
{
	unsigned int i;

	for (i = 0; i < f->nr_enums; i++)
		if (f->enums[i].value == v)
			return f->enums[i].name;
	return f->kind == SPEVIRT_FIELD_PLAIN ? "" : "(reserved value)";
}

static void print_bits(FILE *out, const struct spevirt_field_desc *f)
{
	char bits[16];

	if (f->width == 1)
		snprintf(bits, sizeof(bits), "[%u]", f->shift);
	else
		snprintf(bits, sizeof(bits), "[%u:%u]", f->shift + f->width - 1, f->shift);
	fprintf(out, "    %-8s ", bits);
}

static void print_field(FILE *out, const struct spevirt_field_desc *f, uint64_t v)
{
	print_bits(out, f);
	if (f->kind == SPEVIRT_FIELD_RES0) {
		fprintf(out, "%-16s 0x%llx%s\n", "RES0", (unsigned long long)v,
			v ? "  <- set: RES0 bits must be zero" : "");
		return;
	}
	if (f->width == 1)
		fprintf(out, "%-16s %llu\n", f->name, (unsigned long long)v);
	else if (f->width <= 6)
		fprintf(out, "%-16s 0x%llx %s\n", f->name, (unsigned long long)v,
			enum_name(f, v));
	else
		fprintf(out, "%-16s 0x%llx\n", f->name, (unsigned long long)v);
}

void decode_fields(FILE *out, const struct spevirt_reg_desc *reg, uint64_t value, uint64_t mask)
{
	uint32_t i;

	for (i = 0; i < reg->nr_fields; i++) {
		const struct spevirt_field_desc *f = &reg->fields[i];
		uint64_t m = field_mask(f);

		if (f->kind == SPEVIRT_FIELD_OTHER || !(m & mask))
			continue;
		if (f->kind == SPEVIRT_FIELD_RES0 && !(value & m))
			continue;
		print_field(out, f, (value & m) >> f->shift);
	}
}
