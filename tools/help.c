// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Help texts.  docs/spevirt.1 says the same at more length; the cli test
 * suite checks that every option named here is in the manual page.
 */
#include "command.h"
#include "guests.h"
#include "audit.h"
#include "help.h"

static const char general[] =
	"Usage: spevirt [COMMAND] [OPTIONS] [ARGUMENTS]\n"
	"\n"
	"Show how a hypervisor virtualizes the Arm Statistical Profiling Extension\n"
	"(SPE) for a guest: what the guest sees, which traps to program, how each SPE\n"
	"register access is handled and what the guest can still observe.\n"
	"\n"
	"Commands:\n"
	"  view          the guest's view on a host; the default command: 'spevirt'\n"
	"                alone is 'spevirt view', 'spevirt --OPTION ...' is\n"
	"                'spevirt view --OPTION ...'\n"
	"  check         one line: does the guest get SPE, and if not, why not\n"
	"  decode REGISTER VALUE\n"
	"                every field of a register value\n"
	"  presets       the built-in synthetic hosts\n"
	"  encode-size SIZE\n"
	"                the PMBIDR_EL1.MaxBuffSize field for a buffer size\n"
	"  decode-size FIELD\n"
	"                the buffer size a PMBIDR_EL1.MaxBuffSize field stands for\n"
	"  pool HOST...  the most SPE every host of a pool gives one guest, and each\n"
	"                host's trap plan\n"
	"  migrate --from HOST --to HOST\n"
	"                can a running guest move, and if not, every field why not\n"
	"  audit --hypervisor NAME\n"
	"                what a hypervisor's SPE set-up does to its guest: each\n"
	"                finding with its Arm ARM rule\n"
	"  guests        the guest SPE drivers --guest models: whether each probes a\n"
	"                view, and what it makes of it\n"
	"  fleet FILE    a fleet inventory (JSON Lines, any number of hosts): its\n"
	"                classes, their offers, moves between them, migration domains\n"
	"  nested        what a guest hypervisor can give its own guest: the controls\n"
	"                while it runs, each access's route, the VNCR page offsets\n"
	"  help [COMMAND]\n"
	"                this text, or a command's options\n"
	"\n"
	"HOST is a preset (see presets) or a host file: JSON with a host's five\n"
	"registers, a list of hosts, or the --json output of view, presets or pool.\n"
	"\n"
	"Options:\n"
	"  -h, --help [COMMAND]\n"
	"                this text, or a command's options\n"
	"  --version     the version\n"
	"\n"
	"Options are spelled out in full; a value follows its option as the next\n"
	"argument or after '='.  Text is wrapped at $COLUMNS, or 80.\n"
	"\n"
	"Exit status: 0 success; 1 the library refused the configuration (the reason\n"
	"is on stderr; for check: the guest gets no SPE); 2 usage error; 3 the output\n"
	"could not be written.  See spevirt(1); the JSON output is documented in\n"
	"cli-json.md (share/doc/spevirt).\n";

static const char view[] =
	"Usage: spevirt view [OPTIONS]\n"
	"\n"
	"The guest-visible SPE registers, the trap controls (each as mask and value),\n"
	"the EL2 state the guest runs with, the registers to context-switch, the\n"
	"access decision for every SPE register and the leaks, for a guest on a host.\n"
	"\n"
	"Host (default: the armv8.7 preset):\n"
	"  --host HOST           a built-in host: armv8.2, armv8.7, armv8.9, armv9.5\n"
	"                        (see 'spevirt presets'; any case), none: every\n"
	"                        register 0, or a host file holding one host (the\n"
	"                        kernel module's host.json, view --json's output)\n"
	"  --dfr0 VALUE          ID_AA64DFR0_EL1   each replaces that register of the\n"
	"  --dfr2 VALUE          ID_AA64DFR2_EL1   host; every other register keeps\n"
	"  --mmfr0 VALUE         ID_AA64MMFR0_EL1  the host's value (with --host none:\n"
	"  --pmsidr VALUE        PMSIDR_EL1        0); the output marks the registers\n"
	"  --pmbidr VALUE        PMBIDR_EL1        given by option\n"
	"                        VALUE: 0x and hexadecimal or 0b and binary digits,\n"
	"                        '_' allowed between digits (0x26457, 0x0000_0220), or 0\n"
	"  --el3-disabled CONTROL\n"
	"                        an SPE control EL3 firmware leaves disabled (repeat, or\n"
	"                        separate with commas): fgt (SCR_EL3.FGTEn 0), fgt2\n"
	"                        (FGTEn2 0), pmsnevfr (MDCR_EL3.EnPMSN 0), pmsdsfr\n"
	"                        (EnPMS3 0), pmbmar (EnPMS4 0), pmsee-all (PMSEE 0b11),\n"
	"                        nspb-trap (NSPB 0b10: Non-secure owns the buffer, its\n"
	"                        EL2 and EL1 accesses trap to EL3)\n"
	"\n";

/* The rest of view's text: one literal may portably hold 4095 bytes. */
static const char view_guest[] =
	"Guest (default: the host's PMSVer, at most the profile's highest; no SPE_nVM,\n"
	"no limit, default profile):\n"
	"  --pmsver LEVEL        ID_AA64DFR0_EL1.PMSVer: 0 to 6, none, v1, v1p1 ... v1p5,\n"
	"                        NI, IMP, or FEAT_SPE, FEAT_SPEv1p1 ... (any case)\n"
	"  --nvm                 ID_AA64DFR2_EL1.SPE_nVM = 1\n"
	"  --max-buffer-size SIZE\n"
	"                        the buffer limit, in bytes, exactly representable in\n"
	"                        PMBIDR_EL1.MaxBuffSize: 0 or none (no limit), 4096,\n"
	"                        4K, 2M, 2MiB, 1G, 0x200000 ... (KB, MB are refused)\n"
	"  --profile PROFILE     default or kvm-rfc-v6\n"
	"  --allow FLAG          repeat, or separate with commas:\n"
	"                        tpms-fallback, unadvertised-limit: fallbacks on a host\n"
	"                          without FEAT_FGT;\n"
	"                        pinned-memory: the hypervisor keeps all guest memory\n"
	"                          mapped at stage 2: buffer registers untrapped (E2PB\n"
	"                          0b11), no limit;\n"
	"                        phys-addr, phys-timestamp, contextidr-el2: let the\n"
	"                          guest's records carry host physical addresses, the\n"
	"                          physical counter, CONTEXTIDR_EL2 (PMSCR_EL2.PA, PCT,\n"
	"                          CX)\n"
	"                        (kvm-rfc-v6 takes only the last three)\n"
	"  --forbid-leaks        refuse a view in which the guest can observe what it\n"
	"                        hides\n"
	"  --accept-leak LEAK    a leak --forbid-leaks lets through, e.g. PMCR_FZS when\n"
	"                        the hypervisor traps PMCR_EL0 (repeat, or commas)\n"
	"  --best                the highest PMSVer, then SPE_nVM, the profile and flags\n"
	"                        allow, up to --pmsver when given (spevirt_best_offer);\n"
	"                        says why not more; not with --nvm.  Given a limit and\n"
	"                        --allow pinned-memory, takes the one giving more (on\n"
	"                        a tie the limit, unless --guest's driver is blind to\n"
	"                        it)\n"
	"  --guest DRIVER        add what a guest's SPE driver makes of the view:\n"
	"                        linux-6.1, linux-6.18, linux-fds, linux-den0154 or\n"
	"                        freebsd (see 'spevirt guests'; docs/guests.md)\n"
	"\n"
	"Output:\n"
	"  --json                JSON (docs/cli-json.md) instead of text; a refusal is a\n"
	"                        JSON document too, with \"view\": null\n"
	"  -h, --help            this text\n"
	"\n"
	"Exit status: 0 success; 1 the library refused (stderr: 'spevirt: ', its status\n"
	"text and its reason); 2 usage error; 3 output error.\n";

static const char check[] =
	"Usage: spevirt check [OPTIONS]\n"
	"\n"
	"One line: the most SPE the host gives the guest (as 'view --best'), what\n"
	"reaches the hypervisor, the buffer limit and the leaks; or why the guest gets\n"
	"no SPE and which single change of the options would give it some.  Takes the\n"
	"options of 'spevirt view'; --pmsver is an upper bound.  With --guest DRIVER,\n"
	"the line also says whether that driver probes, what a buffer limit does to it\n"
	"and what it needs; SPE the driver does not probe counts as no SPE.\n"
	"\n"
	"Exit status: 0 the guest gets SPE (and with --guest, its driver probes); 1 it\n"
	"does not, or the library refused; 2 usage error; 3 output error.\n";

static const char decode[] =
	"Usage: spevirt decode [--json] REGISTER VALUE\n"
	"\n"
	"Every field of VALUE (0x and hexadecimal or 0b and binary digits, '_' allowed\n"
	"between digits, or 0) in REGISTER, named as the Arm ARM names them, with the\n"
	"names of enumerated values; set RES0 bits and reserved values are flagged.\n"
	"REGISTER is any register spevirt describes, by name in any case or as\n"
	"S<op0>_<op1>_C<n>_C<m>_<op2>: the SPE registers, ID_AA64DFR0_EL1,\n"
	"ID_AA64DFR2_EL1, ID_AA64MMFR0_EL1, MDCR_EL2, PMSCR_EL2 and the fine-grained\n"
	"trap registers.\n"
	"\n"
	"  --json                JSON (docs/cli-json.md) instead of text\n"
	"  -h, --help            this text\n";

static const char presets[] =
	"Usage: spevirt presets [--json]\n"
	"\n"
	"The built-in synthetic hosts that 'spevirt view --host' takes, with their\n"
	"register values and the Arm ARM rules each follows. None is a vendor's CPU.\n"
	"\n"
	"  --json                JSON (docs/cli-json.md) instead of text\n"
	"  -h, --help            this text\n";

static const char encode_size[] =
	"Usage: spevirt encode-size [--json] SIZE\n"
	"\n"
	"Print the PMBIDR_EL1.MaxBuffSize field (16 bits, not shifted) that encodes\n"
	"SIZE, e.g. 0x0200 for 2M. SIZE is a number of bytes: decimal, 0x hexadecimal\n"
	"or 0b binary, '_' allowed between digits, with an optional binary suffix (K,\n"
	"M, G, T, P, E, or KiB, MiB, ...); 0 or none is no limit. A size the field\n"
	"cannot hold exactly is refused (exit status 1), naming the nearest sizes it\n"
	"can hold.\n"
	"\n"
	"  --json                JSON (docs/cli-json.md) instead of text\n"
	"  -h, --help            this text\n";

static const char decode_size[] =
	"Usage: spevirt decode-size [--json] FIELD\n"
	"\n"
	"Print the size that the PMBIDR_EL1.MaxBuffSize field FIELD (0x and\n"
	"hexadecimal or 0b and binary digits, at most 0xffff) stands for, in bytes and\n"
	"in binary units (\"4194304 bytes (4MiB)\"); 0 is \"0 (no limit)\". Reserved\n"
	"field bits are ignored, with a note on stderr.\n"
	"\n"
	"  --json                JSON (docs/cli-json.md) instead of text\n"
	"  -h, --help            this text\n";

#define FLEET_GUEST_OPTIONS							\
	"  --max-buffer-size SIZE\n"						\
	"                        the buffer limit, as for 'spevirt view'\n"		\
	"  --profile PROFILE     default or kvm-rfc-v6\n"				\
	"  --allow FLAG          as for 'spevirt view' (repeat, or commas)\n"		\
	"  --forbid-leaks        refuse a view in which the guest can observe what it\n" \
	"                        hides\n"						\
	"  --accept-leak LEAK    a leak --forbid-leaks lets through\n"			\
	"  --guest DRIVER        add what a guest's SPE driver makes of the guest's\n"	\
	"                        values (see 'spevirt guests')\n"			\
	"  --json                JSON (docs/cli-json.md) instead of text\n"		\
	"  -h, --help            this text\n"

static const char pool[] =
	"Usage: spevirt pool [OPTIONS] HOST...\n"
	"\n"
	"The most SPE one guest gets on every host of a pool (1 to 16 hosts): the\n"
	"PMSIDR_EL1 and PMBIDR_EL1 every host presents (features all hosts have, the\n"
	"largest limits), which host limits the level and why, and each host's own\n"
	"trap controls and leaks (spevirt_pool_best_offer).  HOST is a preset name or\n"
	"a host file, which may hold several hosts.\n"
	"\n"
	"  --pmsver LEVEL        the highest PMSVer to offer (as for 'spevirt view')\n"
	FLEET_GUEST_OPTIONS
	"\n"
	"Exit status: 0 the guest gets SPE on every host (and with --guest, the driver\n"
	"probes on each); 1 it does not, or a host refuses (stderr names it); 2 usage\n"
	"error or a bad host file; 3 output error.\n";

static const char migrate[] =
	"Usage: spevirt migrate --from HOST --to HOST [OPTIONS]\n"
	"\n"
	"Whether a guest running on --from can move to --to with exactly the SPE\n"
	"values it reads (spevirt_migrate_check): every field that prevents it, with\n"
	"both values and the rule; the leaks the destination adds; its trap plan.\n"
	"HOST is a preset name or a host file holding one host.\n"
	"\n"
	"Guest (default: the best --from gives, as 'spevirt view --best'):\n"
	"  --pmsver LEVEL        the guest's PMSVer (as for 'spevirt view')\n"
	"  --nvm                 ID_AA64DFR2_EL1.SPE_nVM = 1 (with --pmsver)\n"
	FLEET_GUEST_OPTIONS
	"\n"
	"Exit status: 0 the guest can move; 1 it cannot, or --from refuses the guest;\n"
	"2 usage error or a bad host file; 3 output error.\n";

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
		[CMD_CHECK] = check,
		[CMD_DECODE] = decode,
		[CMD_PRESETS] = presets,
		[CMD_ENCODE_SIZE] = encode_size,
		[CMD_DECODE_SIZE] = decode_size,
		[CMD_POOL] = pool,
		[CMD_MIGRATE] = migrate,
		[CMD_AUDIT] = audit_help,
		[CMD_GUESTS] = guests_help,
		[CMD_FLEET] = fleet_help,
		[CMD_NESTED] = nested_help,
		[CMD_HELP] = help,
	};

	fputs((unsigned int)cmd < NR_COMMANDS ? texts[cmd] : general, out);
	if (cmd == CMD_VIEW)
		fputs(view_guest, out);
}
