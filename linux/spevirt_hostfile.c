// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The host file of a machine's CPUs: see spevirt_hostfile.h.  Plain C with
 * no library call, so that the module and the user-space test build the
 * same text.
 */
#include "spevirt_hostfile.h"

#include <spevirt/spevirt_regs.h>

static const char *const reg_names[SPEVIRT_HOSTFILE_NR_REGS] = {
	[SPEVIRT_HOSTFILE_ID_AA64DFR0_EL1] = "ID_AA64DFR0_EL1",
	[SPEVIRT_HOSTFILE_ID_AA64DFR2_EL1] = "ID_AA64DFR2_EL1",
	[SPEVIRT_HOSTFILE_ID_AA64MMFR0_EL1] = "ID_AA64MMFR0_EL1",
	[SPEVIRT_HOSTFILE_PMSIDR_EL1] = "PMSIDR_EL1",
	[SPEVIRT_HOSTFILE_PMBIDR_EL1] = "PMBIDR_EL1",
};

void spevirt_hostfile_read(struct spevirt_cpu_regs *regs, unsigned int cpu,
			   uint64_t (*read)(enum spevirt_hostfile_reg reg))
{
	uint64_t dfr0 = read(SPEVIRT_HOSTFILE_ID_AA64DFR0_EL1);
	bool spe = (dfr0 & SPEVIRT_ID_AA64DFR0_EL1_PMSVER_MASK) != 0;

	regs->cpu = cpu;
	regs->val[SPEVIRT_HOSTFILE_ID_AA64DFR0_EL1] = dfr0;
	regs->val[SPEVIRT_HOSTFILE_ID_AA64DFR2_EL1] = read(SPEVIRT_HOSTFILE_ID_AA64DFR2_EL1);
	regs->val[SPEVIRT_HOSTFILE_ID_AA64MMFR0_EL1] = read(SPEVIRT_HOSTFILE_ID_AA64MMFR0_EL1);
	regs->val[SPEVIRT_HOSTFILE_PMSIDR_EL1] = spe ? read(SPEVIRT_HOSTFILE_PMSIDR_EL1) : 0;
	regs->val[SPEVIRT_HOSTFILE_PMBIDR_EL1] = spe ? read(SPEVIRT_HOSTFILE_PMBIDR_EL1) : 0;
}

/* Where the text goes: the caller's sink. */
struct out {
	const struct spevirt_hostfile_sink *sink;
};

static void put_char(struct out *o, char c)
{
	o->sink->write(o->sink->ctx, &c, 1);
}

static void put_str(struct out *o, const char *s)
{
	size_t len = 0;

	while (s[len])
		len++;
	o->sink->write(o->sink->ctx, s, len);
}

static const char hex_digits[] = "0123456789abcdef";

/* The characters of a JSON string: quotes, backslashes and controls escaped. */
static void put_json_chars(struct out *o, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			put_char(o, '\\');
			put_char(o, (char)c);
		} else if (c < 0x20) {
			put_str(o, "\\u00");
			put_char(o, hex_digits[c >> 4]);
			put_char(o, hex_digits[c & 0xf]);
		} else {
			put_char(o, (char)c);
		}
	}
}

static void put_uint(struct out *o, unsigned int v)
{
	char digits[10];
	unsigned int n = 0;

	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v && n < sizeof(digits));
	while (n)
		put_char(o, digits[--n]);
}

/* "0x" and all 16 digits, as the tool's own host files write them. */
static void put_hex64(struct out *o, uint64_t v)
{
	int shift;

	put_str(o, "\"0x");
	for (shift = 60; shift >= 0; shift -= 4)
		put_char(o, hex_digits[(v >> shift) & 0xf]);
	put_char(o, '"');
}

static bool same_values(const struct spevirt_cpu_regs *a, const struct spevirt_cpu_regs *b)
{
	unsigned int r;

	for (r = 0; r < SPEVIRT_HOSTFILE_NR_REGS; r++)
		if (a->val[r] != b->val[r])
			return false;
	return true;
}

/* The first CPU with the values of @cpus[@i]: @i itself when it leads a group. */
static unsigned int group_of(const struct spevirt_cpu_regs *cpus, unsigned int i)
{
	unsigned int j = 0;

	while (j < i && !same_values(&cpus[j], &cpus[i]))
		j++;
	return j;
}

/* The CPUs of the group led by @lead, as "cpus 0-3,6". */
static void put_cpu_list(struct out *o, const struct spevirt_cpu_regs *cpus, unsigned int nr,
			 unsigned int lead)
{
	unsigned int i, first = 0, last = 0;
	bool open = false;

	put_str(o, "cpus ");
	for (i = lead; i < nr; i++) {
		unsigned int cpu = cpus[i].cpu;

		if (group_of(cpus, i) != lead)
			continue;
		if (open && cpu == last + 1) {
			last = cpu;
			continue;
		}
		if (open && last != first) {
			put_char(o, '-');
			put_uint(o, last);
		}
		if (open)
			put_char(o, ',');
		put_uint(o, cpu);
		first = cpu;
		last = cpu;
		open = true;
	}
	if (last != first) {
		put_char(o, '-');
		put_uint(o, last);
	}
}

/* How a host object is laid out: indented in the file's array, or on one line. */
struct layout {
	const char *open, *member, *key_end, *member_end, *regs_open, *reg, *reg_end,
		*reg_sep, *regs_end, *close;
};

static const struct layout indented = {
	"  {\n", "    \"", "\": \"", "\",\n", "    \"registers\": {\n", "      \"", "\": ",
	",\n", "\n", "    }\n  }",
};

static const struct layout one_line = {
	"{", "\"", "\":\"", "\",", "\"registers\":{", "\"", "\":", ",", "", "}}",
};

/* "key": "text", or "text cpus 0-3" when the machine has several groups. */
static void put_member(struct out *o, const struct layout *l, const char *key,
		       const char *text, const struct spevirt_cpu_regs *cpus, unsigned int nr,
		       unsigned int lead, bool split)
{
	put_str(o, l->member);
	put_str(o, key);
	put_str(o, l->key_end);
	put_json_chars(o, text);
	if (split) {
		put_char(o, ' ');
		put_cpu_list(o, cpus, nr, lead);
	}
	put_str(o, l->member_end);
}

static void put_host(struct out *o, const struct layout *l, const char *name,
		     const char *source, const struct spevirt_cpu_regs *cpus, unsigned int nr,
		     unsigned int lead, bool split)
{
	unsigned int r;

	put_str(o, l->open);
	put_member(o, l, "name", name, cpus, nr, lead, split);
	put_member(o, l, "source", source, cpus, nr, lead, split);
	put_str(o, l->regs_open);
	for (r = 0; r < SPEVIRT_HOSTFILE_NR_REGS; r++) {
		put_str(o, l->reg);
		put_str(o, reg_names[r]);
		put_str(o, l->reg_end);
		put_hex64(o, cpus[lead].val[r]);
		put_str(o, r + 1 < SPEVIRT_HOSTFILE_NR_REGS ? l->reg_sep : l->regs_end);
	}
	put_str(o, l->close);
}

static unsigned int nr_groups(const struct spevirt_cpu_regs *cpus, unsigned int nr)
{
	unsigned int i, groups = 0;

	for (i = 0; i < nr; i++)
		groups += group_of(cpus, i) == i;
	return groups;
}

/* The hosts as one JSON array, each object indented. */
static void print_array(struct out *o, const char *name, const char *source,
			const struct spevirt_cpu_regs *cpus, unsigned int nr, bool split)
{
	unsigned int i;

	put_str(o, "[\n");
	for (i = 0; i < nr; i++) {
		if (group_of(cpus, i) != i)
			continue;
		if (i)
			put_str(o, ",\n");
		put_host(o, &indented, name, source, cpus, nr, i, split);
	}
	put_str(o, "\n]\n");
}

/* The hosts as JSON Lines. */
static void print_lines(struct out *o, const char *name, const char *source,
			const struct spevirt_cpu_regs *cpus, unsigned int nr, bool split)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		if (group_of(cpus, i) != i)
			continue;
		put_host(o, &one_line, name, source, cpus, nr, i, split);
		put_char(o, '\n');
	}
}

void spevirt_hostfile_print(const struct spevirt_hostfile_sink *sink,
			    enum spevirt_hostfile_form form, const char *name,
			    const char *source, const struct spevirt_cpu_regs *cpus,
			    unsigned int nr)
{
	struct out o = { sink };
	bool split = nr_groups(cpus, nr) > 1;

	if (form == SPEVIRT_HOSTFILE_LINES)
		print_lines(&o, name, source, cpus, nr, split);
	else
		print_array(&o, name, source, cpus, nr, split);
}

/* A buffer as a sink: what does not fit in @size is counted, not written. */
struct buffer {
	char *buf;
	size_t size;
	size_t len;
};

static void buffer_write(void *ctx, const char *text, size_t len)
{
	struct buffer *b = ctx;
	size_t i;

	for (i = 0; i < len; i++, b->len++)
		if (b->len + 1 < b->size)
			b->buf[b->len] = text[i];
}

static size_t format(char *buf, size_t size, enum spevirt_hostfile_form form,
		     const char *name, const char *source, const struct spevirt_cpu_regs *cpus,
		     unsigned int nr)
{
	struct buffer b = { buf, size, 0 };
	const struct spevirt_hostfile_sink sink = { buffer_write, &b };

	spevirt_hostfile_print(&sink, form, name, source, cpus, nr);
	if (size)
		buf[b.len < size ? b.len : size - 1] = '\0';
	return b.len;
}

size_t spevirt_hostfile_format(char *buf, size_t size, const char *name, const char *source,
			       const struct spevirt_cpu_regs *cpus, unsigned int nr)
{
	return format(buf, size, SPEVIRT_HOSTFILE_ARRAY, name, source, cpus, nr);
}

size_t spevirt_hostfile_format_lines(char *buf, size_t size, const char *name,
				     const char *source, const struct spevirt_cpu_regs *cpus,
				     unsigned int nr)
{
	return format(buf, size, SPEVIRT_HOSTFILE_LINES, name, source, cpus, nr);
}
