// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * PMBIDR_EL1.MaxBuffSize codec (Arm ARM D24.7.1): M = field[8:0],
 * E = field[13:9], field[15:14] reserved; E = 0: M x 4 KiB; else
 * ('1':M) followed by E + 11 zero bits.
 */
#include "common.h"

#define KIB	1024ULL
#define MIB	(1024 * KIB)
#define TIB	(1024 * 1024 * MIB)

/* The rule, written as arithmetic rather than shifts. */
static uint64_t rule_size(unsigned int field)
{
	uint64_t m = field % 512, e = (field / 512) % 32;
	uint64_t size = (e == 0) ? m * 4096 : (512 + m);
	unsigned int i;

	for (i = 0; e && i < e + 11; i++)
		size *= 2;
	return size;
}

static void decode_matches_rule_on_all_65536_fields(void **state)
{
	unsigned int f;

	(void)state;
	for (f = 0; f <= 0xffff; f++)
		if (spevirt_maxbuf_decode((uint16_t)f) != rule_size(f))
			fail_msg("field 0x%04x decodes to %llu, rule says %llu", f,
				 (unsigned long long)spevirt_maxbuf_decode((uint16_t)f),
				 (unsigned long long)rule_size(f));
}

static void encode_inverts_decode_on_every_field(void **state)
{
	unsigned int f;

	(void)state;
	for (f = 0; f <= 0xffff; f++) {
		uint64_t size = spevirt_maxbuf_decode((uint16_t)f);
		uint16_t got = 0xffff;

		assert_status(spevirt_maxbuf_encode(size, &got), SPEVIRT_OK);
		/* Each size has one encoding: bits [15:14] are ignored by decode. */
		assert_int_equal(got, f & 0x3fff);
		assert_int_equal(spevirt_maxbuf_decode(got), size);
	}
}

static int is_representable(uint64_t bytes)
{
	uint16_t f;

	return spevirt_maxbuf_encode(bytes, &f) == SPEVIRT_OK;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static int in_sorted(const uint64_t *set, size_t n, uint64_t v)
{
	return bsearch(&v, set, n, sizeof(*set), cmp_u64) != NULL;
}

static void neighbours_4k_representable_only_if_in_the_set(void **state)
{
	static uint64_t set[0x4000];
	unsigned int f;

	(void)state;
	for (f = 0; f < 0x4000; f++)
		set[f] = rule_size(f);
	qsort(set, 0x4000, sizeof(set[0]), cmp_u64);
	for (f = 0; f < 0x4000; f++) {
		uint64_t s = set[f];

		assert_true(is_representable(s));
		assert_int_equal(is_representable(s + 4 * KIB), in_sorted(set, 0x4000, s + 4 * KIB));
		if (s >= 4 * KIB)
			assert_int_equal(is_representable(s - 4 * KIB),
					 in_sorted(set, 0x4000, s - 4 * KIB));
		if (s > 0) {
			assert_false(is_representable(s + 1));
			assert_false(is_representable(s - 1));
		}
	}
}

struct size_case {
	const char *rule;
	uint64_t bytes;
	enum spevirt_status status;
	uint16_t field;
};

static const struct size_case size_cases[] = {
	{ "0 is no limit", 0, SPEVIRT_OK, 0x0000 },
	{ "4 KiB is 0x0001", 4 * KIB, SPEVIRT_OK, 0x0001 },
	{ "2044 KiB is the last E=0 size", 2044 * KIB, SPEVIRT_OK, 0x01ff },
	{ "2 MiB is the first E=1 size", 2 * MIB, SPEVIRT_OK, 0x0200 },
	{ "4 MiB is E=2, M=0", 4 * MIB, SPEVIRT_OK, 0x0400 },
	{ "4 MiB - 4 KiB is the last E=1 size", 4 * MIB - 4 * KIB, SPEVIRT_OK, 0x03ff },
	{ "1 GiB is E=10, M=0", 1024 * MIB, SPEVIRT_OK, 0x1400 },
	{ "4092 TiB is the largest size, 0x3fff", 4092 * TIB, SPEVIRT_OK, 0x3fff },
	{ "a size that is not a 4 KiB multiple is refused", 6000, SPEVIRT_E_BUFSIZE, 0 },
	{ "2 MiB - 2 KiB is not a 4 KiB multiple and is refused", 2 * MIB - 2 * KIB,
	  SPEVIRT_E_BUFSIZE, 0 },
	{ "4 MiB + 4 KiB needs eleven significant bits and is refused", 4 * MIB + 4 * KIB,
	  SPEVIRT_E_BUFSIZE, 0 },
	{ "above 4092 TiB is refused", 4092 * TIB + (1ULL << 42), SPEVIRT_E_BUFSIZE, 0 },
	{ "the top bit alone is refused", 1ULL << 63, SPEVIRT_E_BUFSIZE, 0 },
	{ "all ones is refused", ~0ULL, SPEVIRT_E_BUFSIZE, 0 },
};

static void size_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(size_cases) / sizeof(size_cases[0]); i++) {
		const struct size_case *c = &size_cases[i];
		uint16_t f = 0xdead;
		enum spevirt_status st = spevirt_maxbuf_encode(c->bytes, &f);

		if (st != c->status || (st == SPEVIRT_OK && f != c->field))
			fail_msg("%s: status %d field 0x%04x", c->rule, st, f);
		if (st != SPEVIRT_OK && f != 0xdead)
			fail_msg("%s: a refused size changed the output", c->rule);
	}
}

static void bits_15_14_are_ignored_by_decode(void **state)
{
	(void)state;
	assert_int_equal(spevirt_maxbuf_decode(0xc001), 4 * KIB);
	assert_int_equal(spevirt_maxbuf_decode(0x4200), 2 * MIB);
	assert_int_equal(spevirt_maxbuf_decode(0x8000), 0);
}

static void encode_null_field_is_einval(void **state)
{
	(void)state;
	assert_status(spevirt_maxbuf_encode(4096, NULL), SPEVIRT_E_INVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decode_matches_rule_on_all_65536_fields),
		cmocka_unit_test(encode_inverts_decode_on_every_field),
		cmocka_unit_test(neighbours_4k_representable_only_if_in_the_set),
		cmocka_unit_test(size_table),
		cmocka_unit_test(bits_15_14_are_ignored_by_decode),
		cmocka_unit_test(encode_null_field_is_einval),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
