// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Field-by-field decoding of register values, driven by the library's
 * register description.
 */
#include "decode.h"
#include "parse.h"

#define BITS_BUF	12
#define NOTE_BUF	64

uint64_t field_mask(const struct spevirt_field_desc *f)
{
	uint64_t ones = f->width >= 64 ? ~0ULL : (1ULL << f->width) - 1;

	return ones << f->shift;
}

const char *field_last_name(const struct spevirt_field_desc *f)
{
	const struct spevirt_enum_desc *last = NULL;
	unsigned int i;

	for (i = 0; i < f->nr_enums; i++)
		if (!last || f->enums[i].value > last->value)
			last = &f->enums[i];
	return last ? last->name : NULL;
}

static const char *enum_name(const struct spevirt_field_desc *f, uint64_t value, bool *above)
{
	unsigned int i;
	uint64_t max = 0;

	for (i = 0; i < f->nr_enums; i++) {
		if (f->enums[i].value == value)
			return f->enums[i].name;
		if (f->enums[i].value > max)
			max = f->enums[i].value;
	}
	*above = f->kind == SPEVIRT_FIELD_UNSIGNED_ENUM && value > max;
	return NULL;
}

void field_decode(const struct spevirt_field_desc *f, uint64_t reg_value, struct field_value *fv)
{
	uint64_t ones = field_mask(f) >> f->shift;

	*fv = (struct field_value){ .desc = f };
	fv->lsb = f->shift;
	fv->msb = f->shift + f->width - 1U;
	fv->value = (reg_value & field_mask(f)) >> f->shift;
	switch (f->kind) {
	case SPEVIRT_FIELD_ENUM:
	case SPEVIRT_FIELD_UNSIGNED_ENUM:
		fv->value_name = enum_name(f, fv->value, &fv->above_known);
		fv->reserved = !fv->value_name && !fv->above_known;
		break;
	case SPEVIRT_FIELD_RES0:
		fv->reserved = fv->value != 0;
		break;
	case SPEVIRT_FIELD_RES1:
		fv->reserved = fv->value != ones;
		break;
	default:
		break;
	}
}

const char *field_kind_name(unsigned int kind)
{
	static const char *const names[] = {
		[SPEVIRT_FIELD_PLAIN] = "plain",
		[SPEVIRT_FIELD_ENUM] = "enum",
		[SPEVIRT_FIELD_UNSIGNED_ENUM] = "unsigned_enum",
		[SPEVIRT_FIELD_RES0] = "res0",
		[SPEVIRT_FIELD_RES1] = "res1",
		[SPEVIRT_FIELD_OTHER] = "other",
	};

	return kind < sizeof(names) / sizeof(names[0]) ? names[kind] : "unknown";
}

bool field_note(const struct spevirt_reg_desc *reg, const struct field_value *fv, char *buf,
		size_t len)
{
	uint16_t field = (uint16_t)fv->value, back = 0;
	uint64_t size;
	char sz[NOTE_BUF];

	if (reg->encoding != SPEVIRT_SYSREG_PMBIDR_EL1 ||
	    fv->lsb != SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE_SHIFT ||
	    fv->desc->width != SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE_WIDTH)
		return false;
	size = spevirt_maxbuf_decode(field);
	if (size)
		format_size(size, sz, sizeof(sz));
	/* Bits the codec ignores do not survive a round trip. */
	if (spevirt_maxbuf_encode(size, &back) != SPEVIRT_OK)
		back = (uint16_t)~field;
	snprintf(buf, len, "%s%s", size ? sz : "no limit",
		 back != field ? "; reserved bits set, ignored" : "");
	return true;
}

static void print_bits(FILE *out, const struct field_value *fv)
{
	char bits[BITS_BUF];

	if (fv->msb == fv->lsb)
		snprintf(bits, sizeof(bits), "[%u]", fv->lsb);
	else
		snprintf(bits, sizeof(bits), "[%u:%u]", fv->msb, fv->lsb);
	fprintf(out, "    %-9s ", bits);
}

static const char *shown_name(const struct spevirt_field_desc *f)
{
	return f->kind == SPEVIRT_FIELD_OTHER ? "(other)" : f->name;
}

/* What follows the value on the line: the value's name, or why it stands out. */
static void print_meaning(FILE *out, const struct spevirt_reg_desc *reg,
			  const struct field_value *fv)
{
	const struct spevirt_field_desc *f = fv->desc;
	char note[NOTE_BUF];

	if (fv->value_name)
		fprintf(out, " %s", fv->value_name);
	else if (fv->above_known)
		fprintf(out, " (above %s: a later version)", field_last_name(f));
	else if (fv->reserved && f->kind == SPEVIRT_FIELD_RES0)
		fprintf(out, "  <- RES0 bits set: must be zero");
	else if (fv->reserved && f->kind == SPEVIRT_FIELD_RES1)
		fprintf(out, "  <- RES1 bits clear: must be one");
	else if (fv->reserved)
		fprintf(out, " (reserved value)");
	else if (f->kind == SPEVIRT_FIELD_OTHER)
		fprintf(out, " not described: outside SPE");
	else if (field_note(reg, fv, note, sizeof(note)))
		fprintf(out, " (%s)", note);
}

static void print_field(FILE *out, const struct spevirt_reg_desc *reg,
			const struct field_value *fv)
{
	print_bits(out, fv);
	fprintf(out, "%-18s ", shown_name(fv->desc));
	if (fv->msb == fv->lsb)
		fprintf(out, "%llu", (unsigned long long)fv->value);
	else
		fprintf(out, "0x%llx", (unsigned long long)fv->value);
	print_meaning(out, reg, fv);
	fputc('\n', out);
}

static bool shown(const struct field_value *fv, uint64_t mask, enum decode_mode mode)
{
	unsigned int kind = fv->desc->kind;

	if (!(field_mask(fv->desc) & mask))
		return false;
	if (mode == DECODE_ALL)
		return true;
	if (kind == SPEVIRT_FIELD_RES0 || kind == SPEVIRT_FIELD_RES1)
		return fv->reserved;
	return kind != SPEVIRT_FIELD_OTHER;
}

void decode_print(FILE *out, const struct spevirt_reg_desc *reg, uint64_t value, uint64_t mask,
		  enum decode_mode mode)
{
	struct field_value fv;
	uint32_t i;

	for (i = 0; i < reg->nr_fields; i++) {
		field_decode(&reg->fields[i], value, &fv);
		if (shown(&fv, mask, mode))
			print_field(out, reg, &fv);
	}
}
