// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Help texts.  docs/spevirt.1 says the same at more length; the cli test
 * suite checks that every option named here is in the manual page.
 */
#include "help.h"

static const char general[] =
	"Usage: spevirt [COMMAND] [OPTIONS] [ARGUMENTS]\n"
	"\n"
	"Show how a hypervisor virtualizes the Arm Statistical Profiling Extension (SPE)\n"
	"for a guest: what the guest sees, which traps to program, how each SPE register\n"
	"access is handled and what the guest can still observe.\n"
	"\n"
	"Commands:\n"
	"  view          the guest's view on a host; the default command: 'spevirt' alone\n"
	"                is 'spevirt view', 'spevirt --OPTION ...' is 'spevirt view --OPTION ...'\n"
	"  decode REGISTER VALUE\n"
	"                every field of a register value\n"
	"  presets       the built-in synthetic hosts\n"
	"  encode-size SIZE\n"
	"                the PMBIDR_EL1.MaxBuffSize field for a buffer size\n"
	"  decode-size FIELD\n"
	"                the buffer size a PMBIDR_EL1.MaxBuffSize field stands for\n"
	"  help [COMMAND]\n"
	"                this text, or a command's options\n"
	"\n"
	"Options:\n"
	"  -h, --help    this text\n"
	"  --version     the version\n"
	"\n"
	"Exit status: 0 success; 1 the library refused the configuration (the reason is on\n"
	"stderr); 2 usage error; 3 the output could not be written.\n"
	"See spevirt(1); the JSON output is documented in docs/cli-json.md.\n";

static const char view[] =
	"Usage: spevirt view [OPTIONS]\n"
	"\n"
	"The guest-visible SPE registers, the trap controls (each as mask and value), the\n"
	"access decision for every SPE register and the leaks, for a guest on a host.\n"
	"\n"
	"Host (default: the armv8.7 preset):\n"
	"  --host PRESET         a built-in host: armv8.2, armv8.7, armv8.9, armv9.5\n"
	"                        (see 'spevirt presets')\n"
	"  --dfr0 HEX            ID_AA64DFR0_EL1   each replaces that register of the preset;\n"
	"  --dfr2 HEX            ID_AA64DFR2_EL1   HEX is 1 to 16 hexadecimal digits, with or\n"
	"  --mmfr0 HEX           ID_AA64MMFR0_EL1  without 0x\n"
	"  --pmsidr HEX          PMSIDR_EL1\n"
	"  --pmbidr HEX          PMBIDR_EL1\n"
	"  --el3-disabled CONTROL\n"
	"                        an SPE control EL3 firmware leaves disabled (repeat, or\n"
	"                        separate with commas): fgt (SCR_EL3.FGTEn 0), fgt2\n"
	"                        (FGTEn2 0), pmsnevfr (MDCR_EL3.EnPMSN 0), pmsdsfr (EnPMS3 0),\n"
	"                        pmbmar (EnPMS4 0), pmsee-all (PMSEE 0b11)\n"
	"\n"
	"Guest (default: the host's PMSVer, no SPE_nVM, no limit, default profile):\n"
	"  --pmsver LEVEL        ID_AA64DFR0_EL1.PMSVer: 0 to 6, none, v1, v1p1 ... v1p5\n"
	"                        (any case; also the names NI and IMP)\n"
	"  --nvm                 ID_AA64DFR2_EL1.SPE_nVM = 1\n"
	"  --max-buffer-size SIZE\n"
	"                        the buffer limit, in bytes, exactly representable in\n"
	"                        PMBIDR_EL1.MaxBuffSize: 0 (no limit), 4096, 4K, 2M, 2MiB,\n"
	"                        1G, 0x200000 ...\n"
	"  --profile PROFILE     default or kvm-rfc-v6\n"
	"  --allow FLAG          repeat, or separate with commas:\n"
	"                        tpms-fallback, unadvertised-limit: fallbacks on a host\n"
	"                          without FEAT_FGT;\n"
	"                        pinned-memory: the hypervisor keeps all guest memory mapped\n"
	"                          at stage 2: buffer registers untrapped (E2PB 0b11), no limit;\n"
	"                        phys-addr, phys-timestamp, contextidr-el2: let the guest's\n"
	"                          records carry host physical addresses, the physical\n"
	"                          counter, CONTEXTIDR_EL2 (PMSCR_EL2.PA, PCT, CX)\n"
	"  --forbid-leaks        refuse a view in which the guest can observe what it hides\n"
	"  --best                the highest PMSVer, then SPE_nVM, the profile and flags allow\n"
	"                        (spevirt_best_offer); not with --pmsver or --nvm\n"
	"\n"
	"Output:\n"
	"  --json                JSON (docs/cli-json.md) instead of text; a refusal is a JSON\n"
	"                        document too, with \"view\": null\n"
	"  -h, --help            this text\n"
	"\n"
	"Exit status: 0 success; 1 the library refused (stderr: 'spevirt: ', its status text\n"
	"and view.reason); 2 usage error; 3 output error.\n";

static const char decode[] =
	"Usage: spevirt decode [--json] REGISTER VALUE\n"
	"\n"
	"Every field of VALUE (hexadecimal, with or without 0x) in REGISTER, named as the\n"
	"Arm ARM names them, with the names of enumerated values; set RES0 bits and\n"
	"reserved values are flagged. REGISTER is any register spevirt describes, in any\n"
	"case: the SPE registers, ID_AA64DFR0_EL1, ID_AA64DFR2_EL1, ID_AA64MMFR0_EL1,\n"
	"MDCR_EL2 and the fine-grained trap registers (an unknown name lists them all).\n"
	"\n"
	"  --json                JSON (docs/cli-json.md) instead of text\n"
	"  -h, --help            this text\n";

static const char presets[] =
	"Usage: spevirt presets [--json]\n"
	"\n"
	"The built-in synthetic hosts that 'spevirt view --host' takes, with their register\n"
	"values and the Arm ARM rules each follows. None is a vendor's CPU.\n"
	"\n"
	"  --json                JSON (docs/cli-json.md) instead of text\n"
	"  -h, --help            this text\n";

static const char encode_size[] =
	"Usage: spevirt encode-size SIZE\n"
	"\n"
	"Print the PMBIDR_EL1.MaxBuffSize field (16 bits, not shifted) that encodes SIZE,\n"
	"e.g. 0x0200 for 2M. SIZE is a number of bytes: decimal with an optional binary\n"
	"suffix (K, M, G, T, P, E, or KiB, MiB, ...) or 0x and hexadecimal; 0 is no limit.\n"
	"A size the field cannot hold exactly is refused (exit status 1), naming the\n"
	"nearest sizes it can hold.\n"
	"\n"
	"  -h, --help            this text\n";

static const char decode_size[] =
	"Usage: spevirt decode-size FIELD\n"
	"\n"
	"Print the size in bytes that the PMBIDR_EL1.MaxBuffSize field FIELD (hexadecimal,\n"
	"at most 0xffff, with or without 0x) stands for; 0 means no limit. Reserved field\n"
	"bits are ignored, with a note on stderr.\n"
	"\n"
	"  -h, --help            this text\n";

static const char help[] =
	"Usage: spevirt help [COMMAND]\n"
	"\n"
	"The commands, or COMMAND's usage and options.\n";

void help_general(FILE *out)
{
	fputs(general, out);
}

void help_command(FILE *out, enum command cmd)
{
	static const char *const texts[NR_COMMANDS] = {
		[CMD_VIEW] = view,
		[CMD_DECODE] = decode,
		[CMD_PRESETS] = presets,
		[CMD_ENCODE_SIZE] = encode_size,
		[CMD_DECODE_SIZE] = decode_size,
		[CMD_HELP] = help,
	};

	fputs((unsigned int)cmd < NR_COMMANDS ? texts[cmd] : general, out);
}
