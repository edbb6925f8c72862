// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The kernel module's host file (linux/spevirt_hostfile.c), built in user
 * space with the register reads stubbed: the reads a CPU makes, the hosts
 * and CPU lists of a machine whose SPUs differ, JSON escaping and a short
 * buffer.  tests/cli/test_hostfile.py feeds the same text to the tool.
 */
#include "common.h"

#include "spevirt_hostfile.h"

/* The stub CPU: its values, and the registers read from it, in order. */
static uint64_t stub_val[SPEVIRT_HOSTFILE_NR_REGS];
static enum spevirt_hostfile_reg stub_log[16];
static unsigned int stub_reads;

static uint64_t stub_read(enum spevirt_hostfile_reg reg)
{
	assert_true(stub_reads < 16);
	stub_log[stub_reads++] = reg;
	return stub_val[reg];
}

static void stub_cpu(struct spevirt_cpu_regs *regs, unsigned int cpu, uint64_t dfr0,
		     uint64_t pmsidr, uint64_t pmbidr)
{
	memset(stub_val, 0, sizeof(stub_val));
	stub_val[SPEVIRT_HOSTFILE_ID_AA64DFR0_EL1] = dfr0;
	stub_val[SPEVIRT_HOSTFILE_ID_AA64MMFR0_EL1] = 0x1100000000000000ULL;
	stub_val[SPEVIRT_HOSTFILE_PMSIDR_EL1] = pmsidr;
	stub_val[SPEVIRT_HOSTFILE_PMBIDR_EL1] = pmbidr;
	stub_reads = 0;
	spevirt_hostfile_read(regs, cpu, stub_read);
}

static void a_cpu_without_spe_never_reads_pmsidr_or_pmbidr(void **state)
{
	struct spevirt_cpu_regs r;

	(void)state;
	/* PMSVer, ID_AA64DFR0_EL1[35:32], is 0: PMSIDR_EL1 and PMBIDR_EL1 UNDEF. */
	stub_cpu(&r, 3, 0x0000000010305709ULL, 0x26457, 0x220);
	assert_int_equal(stub_reads, 3);
	assert_int_equal(stub_log[0], SPEVIRT_HOSTFILE_ID_AA64DFR0_EL1);
	assert_int_equal(r.cpu, 3);
	assert_int_equal(r.val[SPEVIRT_HOSTFILE_PMSIDR_EL1], 0);
	assert_int_equal(r.val[SPEVIRT_HOSTFILE_PMBIDR_EL1], 0);
	assert_int_equal(r.val[SPEVIRT_HOSTFILE_ID_AA64MMFR0_EL1], 0x1100000000000000ULL);
}

static void a_cpu_with_spe_reads_all_five_registers_dfr0_first(void **state)
{
	struct spevirt_cpu_regs r;
	unsigned int i;

	(void)state;
	stub_cpu(&r, 0, 0x0000000310305709ULL, 0x26457, 0x220);
	assert_int_equal(stub_reads, 5);
	assert_int_equal(stub_log[0], SPEVIRT_HOSTFILE_ID_AA64DFR0_EL1);
	for (i = 0; i < SPEVIRT_HOSTFILE_NR_REGS; i++)
		assert_int_equal(r.val[i], stub_val[i]);
}

static const char one_host[] =
	"[\n"
	"  {\n"
	"    \"name\": \"node\",\n"
	"    \"source\": \"stub\",\n"
	"    \"registers\": {\n"
	"      \"ID_AA64DFR0_EL1\": \"0x0000000310305709\",\n"
	"      \"ID_AA64DFR2_EL1\": \"0x0000000000000000\",\n"
	"      \"ID_AA64MMFR0_EL1\": \"0x1100000000000000\",\n"
	"      \"PMSIDR_EL1\": \"0x0000000000026457\",\n"
	"      \"PMBIDR_EL1\": \"0x0000000000000220\"\n"
	"    }\n"
	"  }\n"
	"]\n";

static void cpus_with_the_same_values_are_one_host_without_a_cpu_list(void **state)
{
	struct spevirt_cpu_regs cpus[4];
	char buf[1024];
	unsigned int i;

	(void)state;
	for (i = 0; i < 4; i++)
		stub_cpu(&cpus[i], i, 0x0000000310305709ULL, 0x26457, 0x220);
	assert_int_equal(spevirt_hostfile_format(buf, sizeof(buf), "node", "stub", cpus, 4),
			 strlen(one_host));
	assert_string_equal(buf, one_host);
}

static void cpus_with_different_spus_are_one_host_each_with_its_cpu_list(void **state)
{
	struct spevirt_cpu_regs cpus[7];
	static const unsigned int ids[7] = { 0, 1, 2, 3, 4, 5, 8 };
	char buf[2048];
	unsigned int i;

	(void)state;
	/* CPUs 0-3 and 5 one SPU, 4 and 8 another (PMSIDR_EL1.Interval); 6, 7 offline. */
	for (i = 0; i < 7; i++)
		stub_cpu(&cpus[i], ids[i], 0x0000000310305709ULL,
			 ids[i] == 4 || ids[i] == 8 ? 0x26557 : 0x26457, 0x220);
	spevirt_hostfile_format(buf, sizeof(buf), "node", "stub", cpus, 7);
	assert_non_null(strstr(buf, "\"name\": \"node cpus 0-3,5\""));
	assert_non_null(strstr(buf, "\"source\": \"stub cpus 0-3,5\""));
	assert_non_null(strstr(buf, "\"name\": \"node cpus 4,8\""));
	assert_non_null(strstr(buf, "\"PMSIDR_EL1\": \"0x0000000000026557\""));
	assert_true(strstr(buf, "cpus 0-3,5") < strstr(buf, "cpus 4,8"));
	/* Two hosts, no more. */
	assert_null(strstr(strstr(strstr(buf, "\"registers\"") + 1, "\"registers\"") + 1,
			   "\"registers\""));
}

static void names_and_sources_are_json_escaped(void **state)
{
	struct spevirt_cpu_regs cpu;
	char buf[1024];

	(void)state;
	stub_cpu(&cpu, 0, 0x0000000310305709ULL, 0x26457, 0x220);
	spevirt_hostfile_format(buf, sizeof(buf), "a\"b\\c\n", "tab\there", &cpu, 1);
	assert_non_null(strstr(buf, "\"name\": \"a\\\"b\\\\c\\u000a\","));
	assert_non_null(strstr(buf, "\"source\": \"tab\\u0009here\","));
}

static void a_short_buffer_holds_a_cut_text_and_the_whole_length_is_returned(void **state)
{
	struct spevirt_cpu_regs cpu;
	char buf[40];

	(void)state;
	stub_cpu(&cpu, 0, 0x0000000310305709ULL, 0x26457, 0x220);
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(spevirt_hostfile_format(buf, sizeof(buf), "node", "stub", &cpu, 1),
			 strlen(one_host));
	assert_int_equal(strlen(buf), sizeof(buf) - 1);
	assert_memory_equal(buf, one_host, sizeof(buf) - 1);
	assert_int_equal(spevirt_hostfile_format(NULL, 0, "node", "stub", &cpu, 1),
			 strlen(one_host));
}

/* JSON Lines: each host of the array, alone on its line, and nothing else. */
static void lines_hold_each_host_on_one_line(void **state)
{
	struct spevirt_cpu_regs cpus[2];
	char buf[1024];
	size_t len;

	(void)state;
	stub_cpu(&cpus[0], 0, 0x0000000310305709ULL, 0x26457, 0x220);
	stub_cpu(&cpus[1], 1, 0x0000000410305709ULL, 0x1026557, 0x226);
	len = spevirt_hostfile_format_lines(buf, sizeof(buf), "node", "stub", cpus, 2);
	assert_int_equal(len, strlen(buf));
	assert_string_equal(buf,
		"{\"name\":\"node cpus 0\",\"source\":\"stub cpus 0\",\"registers\":{"
		"\"ID_AA64DFR0_EL1\":\"0x0000000310305709\","
		"\"ID_AA64DFR2_EL1\":\"0x0000000000000000\","
		"\"ID_AA64MMFR0_EL1\":\"0x1100000000000000\","
		"\"PMSIDR_EL1\":\"0x0000000000026457\",\"PMBIDR_EL1\":\"0x0000000000000220\"}}\n"
		"{\"name\":\"node cpus 1\",\"source\":\"stub cpus 1\",\"registers\":{"
		"\"ID_AA64DFR0_EL1\":\"0x0000000410305709\","
		"\"ID_AA64DFR2_EL1\":\"0x0000000000000000\","
		"\"ID_AA64MMFR0_EL1\":\"0x1100000000000000\","
		"\"PMSIDR_EL1\":\"0x0000000001026557\",\"PMBIDR_EL1\":\"0x0000000000000226\"}}\n");
	assert_int_equal(spevirt_hostfile_format_lines(NULL, 0, "node", "stub", cpus, 2), len);
}

/*
 * --print (--print-lines): the host file (JSON Lines) of a machine read
 * through the stub, CPUs 0-3 with data/fleet-example.json's gen-a values
 * and 4-7 with gen-b's, for tests/cli/test_hostfile.py to give the tool.
 */
static int print_machine(bool lines)
{
	struct spevirt_cpu_regs cpus[8];
	char buf[2048];
	unsigned int i;
	size_t len;

	for (i = 0; i < 8; i++)
		stub_cpu(&cpus[i], i, i < 4 ? 0x0000000310305709ULL : 0x0000000410305709ULL,
			 i < 4 ? 0x26457 : 0x1026557, i < 4 ? 0x220 : 0x226);
	len = (lines ? spevirt_hostfile_format_lines : spevirt_hostfile_format)(
		buf, sizeof(buf), "stub-node", "test_hostfile.c stub reads", cpus, 8);
	if (len >= sizeof(buf))
		return 1;
	fputs(buf, stdout);
	return 0;
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_cpu_without_spe_never_reads_pmsidr_or_pmbidr),
		cmocka_unit_test(a_cpu_with_spe_reads_all_five_registers_dfr0_first),
		cmocka_unit_test(cpus_with_the_same_values_are_one_host_without_a_cpu_list),
		cmocka_unit_test(cpus_with_different_spus_are_one_host_each_with_its_cpu_list),
		cmocka_unit_test(names_and_sources_are_json_escaped),
		cmocka_unit_test(a_short_buffer_holds_a_cut_text_and_the_whole_length_is_returned),
		cmocka_unit_test(lines_hold_each_host_on_one_line),
	};

	if (argc > 1 && !strcmp(argv[1], "--print"))
		return print_machine(false);
	if (argc > 1 && !strcmp(argv[1], "--print-lines"))
		return print_machine(true);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
