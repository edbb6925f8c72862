#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""Every error path of the spevirt tool: exit status, stderr, empty stdout.

Usage errors exit 2 with one line on stderr that says what was wrong and
what is accepted; refusals by the library exit 1 with
"spevirt: <spevirt_strerror()>: <view.reason>"; an unwritable stdout exits 3.

usage: test_errors.py SPEVIRT
"""
import json
import os
import re
import subprocess
import sys

from clitest import Tap, run

REFUSED, USAGE = 1, 2

NOT_A_HOST = (r" is neither a preset \(armv8.2, armv8.7, armv8.9, armv9.5, none\) nor a readable "
              r"host file: ")
VALUE = (r"is not a register value; give 0x and hexadecimal digits or 0b and binary digits, "
         r"'_' allowed between digits \(e.g. 0x26457, 0x0000_0003, 0b1010\), or 0")
SIZE = r"is not a size; give a number of bytes: decimal, or 0x hexadecimal, or 0b binary"
PMSVER = (r"is not an SPE version; accepted: 0 to 6 \(or 0x0 ...\), none, v1, an "
          r"ID_AA64DFR0_EL1.PMSVer name \(NI, IMP, V1P1, V1P2, V1P3, V1P4, V1P5, also as v1.2 "
          r"or SPEv1p2\) or a feature name \(FEAT_SPE, FEAT_SPEv1p1 ...\), in any case")
INEXACT = r"is not exactly representable in PMBIDR_EL1.MaxBuffSize"
BUFSIZE = r"buffer size limit not possible: "
COMMANDS = ('accepted: view, check, decode, presets, encode-size, decode-size, pool, migrate, '
            'audit, guests, fleet, nested, help')

# (arguments, exit status, regular expression stderr, one line, starts with after 'spevirt: ')
CASES = [
    # commands and options
    (['bogus'], USAGE, r"unknown command 'bogus'; " + COMMANDS),
    (['VIEW'], USAGE, r"unknown command 'VIEW'; " + COMMANDS),
    (['view', '--bogus'], USAGE,
     r"unknown option '--bogus' for 'spevirt view'; accepted: --help, --host HOST, "
     r"--dfr0 HEX, .*--json \(see 'spevirt help view'\)"),
    (['-x'], USAGE, r"unknown option '-x' for 'spevirt view'; accepted: --help, "),
    (['--hots', 'armv8.2'], USAGE,
     r"unknown option '--hots' for 'spevirt view'; did you mean --host\? \(see 'spevirt "
     r"help view'\)$"),
    (['check', '--pmsvr=1'], USAGE,
     r"unknown option '--pmsvr=1' for 'spevirt check'; did you mean --pmsver\?"),
    (['decode', '--bogus', 'PMSIDR_EL1', '0'], USAGE,
     r"unknown option '--bogus' for 'spevirt decode'; accepted: --help, --json"),
    (['presets', '--host', 'armv8.2'], USAGE,
     r"unknown option '--host' for 'spevirt presets'; accepted: --help, --json"),
    (['encode-size', '--host', '4K'], USAGE,
     r"unknown option '--host' for 'spevirt encode-size'; accepted: --help, --json"),
    (['decode-size', '--bogus', '0x1'], USAGE,
     r"unknown option '--bogus' for 'spevirt decode-size'; accepted: --help, --json"),
    (['view', '--max', '4M'], USAGE,
     r"option '--max' of 'spevirt view' is not spelled out: write --max-buffer-size"),
    (['help', '--json'], USAGE, r"unknown option '--json' for 'spevirt help'"),
    (['view', '--host'], USAGE, r"option --host of 'spevirt view' needs a value: --host HOST"),
    (['view', '--pmsver'], USAGE, r"option --pmsver of 'spevirt view' needs a value"),
    (['view', '--json=yes'], USAGE, r"option --json of 'spevirt view' takes no value"),
    (['view', '--nvm=1'], USAGE, r"option --nvm of 'spevirt view' takes no value"),
    (['view', '--host', 'armv8.2', '--host=armv8.7'], USAGE,
     r"option --host of 'spevirt view' is given twice"),
    (['view', '--pmsver', '1', '--pmsver', '2'], USAGE, r"option --pmsver .* is given twice"),
    (['view', '--json', '--json'], USAGE, r"option --json .* is given twice"),
    (['view', 'armv8.2'], USAGE,
     r"unexpected argument 'armv8.2': usage: spevirt view \[OPTIONS\]"),
    (['view', '--', '--json'], USAGE, r"unexpected argument '--json'"),
    (['--best', '--nvm'], USAGE, r"--best chooses SPE_nVM itself: do not combine it with --nvm"),
    (['view', '--profile', 'kvm-rfc-v6', '--allow', 'tpms-fallback'], USAGE,
     r"--allow tpms-fallback: the kvm-rfc-v6 profile has no such mode; use --profile default"),
    # presets and raw host values
    (['view', '--host', 'x86'], USAGE, r"--host: 'x86'" + NOT_A_HOST + r"[^;]*$"),
    (['check', '--host', 'armv8.6'], USAGE,
     r"--host: 'armv8.6'" + NOT_A_HOST + r".*; did you mean armv8.(2|7|9)\?$"),
    (['view', '--host', ''], USAGE, r"--host: ''" + NOT_A_HOST),
    (['migrate', '--from', 'armv8.7', '--to', 'armv9.4'], USAGE,
     r"--to: 'armv9.4'" + NOT_A_HOST + r".*; did you mean armv9.5\?$"),
    (['view', '--pmsidr', '0xZZ'], USAGE, r"--pmsidr: '0xZZ' " + VALUE),
    (['view', '--pmsidr', '26457'], USAGE,
     r"--pmsidr: '26457' has no base: write 0x26457 for hexadecimal, or 0x6759 if it is "
     r"decimal \(a register value needs 0x or 0b\)"),
    (['view', '--pmsidr', '2645a'], USAGE,
     r"--pmsidr: '2645a' has no base: write 0x2645a for hexadecimal \(a register value needs "
     r"0x or 0b\)"),
    (['view', '--pmsidr', '0b102'], USAGE, r"--pmsidr: '0b102' " + VALUE),
    (['view', '--pmsidr', '0x_1'], USAGE, r"--pmsidr: '0x_1' " + VALUE),
    (['view', '--pmsidr', '0x1__2'], USAGE, r"--pmsidr: '0x1__2' " + VALUE),
    (['view', '--pmbidr', ''], USAGE, r"--pmbidr: '' " + VALUE),
    (['view', '--dfr0', '0x'], USAGE, r"--dfr0: '0x' " + VALUE),
    (['view', '--dfr2', ' 1'], USAGE, r"--dfr2: ' 1' " + VALUE),
    (['view', '--mmfr0', '-1'], USAGE, r"--mmfr0: '-1' " + VALUE),
    (['view', '--mmfr0', '0x1g'], USAGE, r"--mmfr0: '0x1g' " + VALUE),
    (['view', '--pmsidr', '0x10000000000000000'], USAGE,
     r"--pmsidr: '0x10000000000000000' does not fit in 64 bits"),
    # guest
    (['view', '--pmsver', '7'], USAGE, r"--pmsver: '7' " + PMSVER),
    (['view', '--pmsver', 'v1p6'], USAGE, r"--pmsver: 'v1p6' " + PMSVER),
    (['view', '--pmsver', '03'], USAGE, r"--pmsver: '03' " + PMSVER),
    (['view', '--pmsver', ''], USAGE, r"--pmsver: '' " + PMSVER),
    (['view', '--profile', 'kvm'], USAGE,
     r"--profile: unknown profile 'kvm'; accepted: default, kvm-rfc-v6"),
    (['view', '--allow', 'foo'], USAGE,
     r"--allow: 'foo' is not a flag --allow takes; accepted: tpms-fallback, "
     r"unadvertised-limit, pinned-memory, phys-addr, phys-timestamp, contextidr-el2 "
     r"\(comma-separated, or --allow repeated\)"),
    (['view', '--allow', 'tpms-fallback,'], USAGE, r"--allow: '' is not a flag --allow takes"),
    (['view', '--allow', 'forbid-leaks'], USAGE,
     r"--allow: 'forbid-leaks' is not a flag --allow takes"),
    (['view', '--el3-disabled', 'fgt3'], USAGE,
     r"--el3-disabled: 'fgt3' is not an EL3 control; accepted: fgt, fgt2, pmsnevfr, "
     r"pmsdsfr, pmbmar, pmsee-all, nspb-trap"),
    (['view', '--allow', 'pinned-memory', '--max-buffer-size', '4M'], REFUSED,
     BUFSIZE + r"--allow pinned-memory leaves the buffer registers untrapped, so no buffer "
     r"limit can be enforced: --max-buffer-size must be 0"),
    (['view', '--profile', 'kvm-rfc-v6', '--allow', 'pinned-memory'], USAGE,
     r"--allow pinned-memory: the kvm-rfc-v6 profile has no such mode"),
    (['view', '--el3-disabled', 'pmsnevfr'], REFUSED,
     r"guest PMSVer not possible: .*MDCR_EL3.EnPMSN is 0 \(--el3-disabled pmsnevfr\)"),
    (['view', '--accept-leak', 'FZS'], USAGE,
     r"--accept-leak: 'FZS' is not a leak; accepted \(any case\): RECORD_FORMAT, "),
    (['view', '--pmsver', 'v1', '--forbid-leaks', '--accept-leak', 'record_format'], REFUSED,
     r"the view would leak host features: leak FILTER_BITS: "),
    (['view', '--host', 'armv9.5', '--pmsver', 'v1p4', '--el3-disabled', 'pmsee-all'], REFUSED,
     r"a higher Exception level owns the host's profiling buffer: MDCR_EL3.PMSEE is 0b11"),
    (['view', '--max-buffer-size', '3MB'], USAGE,
     r"--max-buffer-size: '3MB': the suffix MB is refused, as it can mean a power of 1000 or "
     r"of 1024; write M or MiB for a power of 1024"),
    (['view', '--max-buffer-size', '4kb'], USAGE,
     r"--max-buffer-size: '4kb': the suffix kb is refused.*write K or KiB"),
    (['view', '--max-buffer-size', '1_0'], REFUSED,
     BUFSIZE + r"--max-buffer-size: '1_0' " + INEXACT),
    (['view', '--max-buffer-size', ''], USAGE, r"--max-buffer-size: '' " + SIZE),
    (['view', '--max-buffer-size', '4 K'], USAGE, r"--max-buffer-size: '4 K' " + SIZE),
    (['view', '--max-buffer-size', '-4096'], USAGE, r"--max-buffer-size: '-4096' " + SIZE),
    (['view', '--max-buffer-size', 'K'], USAGE, r"--max-buffer-size: 'K' " + SIZE),
    (['view', '--max-buffer-size', '16E'], USAGE,
     r"--max-buffer-size: '16E' is too large: a size must be below 16EiB \(2\^64 bytes\)"),
    (['view', '--max-buffer-size', '99999999999999999999'], USAGE, r".* is too large"),
    (['view', '--max-buffer-size', '5000'], REFUSED,
     BUFSIZE + r"--max-buffer-size: '5000' " + INEXACT + r" .*; the nearest representable sizes are "
     r"4KiB \(4096 bytes\) below and 8KiB \(8192 bytes\) above"),
    (['view', '--max-buffer-size', '3000'], REFUSED,
     BUFSIZE + r"--max-buffer-size: '3000' " + INEXACT + r" .*; the nearest representable size is "
     r"4KiB \(4096 bytes\), above it; none is smaller \(0 means no limit\)"),
    (['view', '--max-buffer-size', '2047K'], REFUSED,
     r".*nearest representable sizes are 2044KiB \(2093056 bytes\) below and 2MiB \(2097152 "
     r"bytes\) above"),
    (['view', '--max-buffer-size', '0x200001'], REFUSED,
     r".*nearest representable sizes are 2MiB \(2097152 bytes\) below and 2052KiB \(2101248 "
     r"bytes\) above"),
    (['view', '--max-buffer-size', '5000T'], REFUSED,
     r".*the nearest representable size is 4092TiB \(4499201580859392 bytes\), below it; "
     r"none is larger"),
    # decode
    (['decode'], USAGE, r"'spevirt decode' needs a REGISTER and a hexadecimal VALUE"),
    (['decode', 'PMSIDR_EL1'], USAGE, r"'spevirt decode' needs a REGISTER and a hexadecimal"),
    (['decode', 'PMSIDR_EL1', '1', '2'], USAGE,
     r"unexpected argument '2': usage: spevirt decode \[--json\] REGISTER VALUE"),
    (['decode', 'PMSIDR', '0'], USAGE,
     r"REGISTER: unknown register 'PMSIDR'; did you mean PMSIDR_EL1\? \(names in any case, "
     r"or S<op0>_<op1>_C<n>_C<m>_<op2>; 'spevirt help decode' lists them\)"),
    (['decode', 'PMSDIR_EL1', '0'], USAGE, r"REGISTER: unknown register 'PMSDIR_EL1'; did you "
     r"mean PMSIDR_EL1\?"),
    (['decode', 'TCR_EL1', '0'], USAGE, r"REGISTER: unknown register 'TCR_EL1'; names in any"),
    (['decode', 'S3_0_C9_C9_6X', '0'], USAGE, r"REGISTER: unknown register 'S3_0_C9_C9_6X'"),
    (['decode', 'PMSIDR_EL1', '0xg'], USAGE, r"VALUE: '0xg' " + VALUE),
    (['decode', 'PMSIDR_EL1', '1024'], USAGE, r"VALUE: '1024' has no base: write 0x1024"),
    # sizes
    (['encode-size'], USAGE, r"'spevirt encode-size' needs an argument: usage: spevirt "
     r"encode-size \[--json\] SIZE"),
    (['encode-size', '4K', '8K'], USAGE, r"unexpected argument '8K'"),
    (['encode-size', '4Q'], USAGE, r"SIZE: '4Q' " + SIZE),
    (['encode-size', '3000'], REFUSED,
     r"buffer size limit not possible: SIZE: '3000' " + INEXACT + r" .*4KiB \(4096 bytes\)"),
    (['decode-size'], USAGE, r"'spevirt decode-size' needs an argument"),
    (['decode-size', '0x10000'], USAGE,
     r"FIELD: '0x10000' does not fit in 16 bits \(at most 0xffff\)"),
    (['decode-size', 'x'], USAGE, r"FIELD: 'x' " + VALUE),
    (['decode-size', '1024'], USAGE, r"FIELD: '1024' has no base: write 0x1024"),
    # help
    (['help', 'nope'], USAGE, r"unknown command 'nope'; " + COMMANDS),
    (['audit'], USAGE, r"'spevirt audit' needs --hypervisor NAME \(see --list\)"),
    (['audit', '--hypervisor', 'vmware'], USAGE,
     r"--hypervisor: 'vmware' is not in the catalogue; 'spevirt audit --list' lists it"),
    (['audit', '--hypervisor', 'xen', '--emulate', 'PMSCR_EL2'], USAGE,
     r"--emulate: 'PMSCR_EL2' is not an SPE register \(PMSCR_EL1 ... PMBIDR_EL1\), all or none"),
    (['audit', '--mdcr-el2', '12'], USAGE, r"--mdcr-el2"),
    (['help', 'view', 'decode'], USAGE, r"unexpected argument 'decode'"),
    # quoting: control bytes escaped, long arguments shortened
    (['view', '--host', 'a\x1b[31mb'], USAGE, r"--host: 'a\\x1b\[31mb'" + NOT_A_HOST),
    (['view', '--host', 'x' * 100], USAGE, r"--host: '" + 'x' * 48 + r"\.\.\.'" + NOT_A_HOST),
    (['view', '--host', "it's"], USAGE, r"--host: 'it\\x27s'" + NOT_A_HOST),
    # refusals: the library's status text and reason
    (['view', '--pmbidr', '0x0000040000000020', '--max-buffer-size', '8M'], REFUSED,
     BUFSIZE + r"--max-buffer-size is above the host's PMBIDR_EL1.MaxBuffSize limit "
     r"\(the host's limit: 4MiB, PMBIDR_EL1.MaxBuffSize 0x0400\)$"),
    (['view', '--host', 'armv9.5', '--pmsver', 'v1p5'], REFUSED,
     r"guest PMSVer not possible: guest ID_AA64DFR0_EL1.PMSVer V1P5 implies FEAT_SPE_EXC, "
     r"which spevirt does not virtualize: the default profile offers at most V1P4"),
    (['view', '--host', 'armv8.7', '--pmsver', 'v1p3'], REFUSED,
     r"guest PMSVer not possible: guest ID_AA64DFR0_EL1.PMSVer is above the host's"),
    (['view', '--nvm'], REFUSED, r"guest SPE_nVM not possible: .*SPE_nVM is 1 but the host's"),
    (['view', '--pmsidr', '0x26417'], REFUSED,
     r"the host's ID registers contradict the architecture: host PMSIDR_EL1.FnE is 0 with "
     r"PMSVer V1P2 or above"),
    (['view', '--pmbidr', '0x230'], REFUSED,
     r"a higher Exception level owns the host's profiling buffer: host PMBIDR_EL1.P is 1"),
    (['view', '--dfr0', '0', '--pmsver', 'v1'], REFUSED,
     r"the host has no SPE: guest ID_AA64DFR0_EL1.PMSVer is non-zero but the host's PMSVer "
     r"is 0"),
    (['view', '--pmbidr', '0x0000000200000220'], REFUSED,
     r"buffer size limit not possible: host PMBIDR_EL1.MaxBuffSize limits the buffer"),
    (['view', '--pmbidr', '0x0000000200000220', '--max-buffer-size', '16K'], REFUSED,
     r"buffer size limit not possible: .*above the host's PMBIDR_EL1.MaxBuffSize limit"),
    (['view', '--mmfr0', '0', '--max-buffer-size', '4M'], REFUSED,
     r"a required trap needs FEAT_FGT or FEAT_FGT2: PMBIDR_EL1 reads must be trapped"),
    (['view', '--pmsver', 'v1', '--forbid-leaks'], REFUSED,
     r"the view would leak host features: leak RECORD_FORMAT"),
    (['view', '--profile', 'kvm-rfc-v6', '--allow', 'unadvertised-limit'], USAGE,
     r"--allow unadvertised-limit: the kvm-rfc-v6 profile has no such mode; use --profile "
     r"default"),
    (['view', '--host', 'armv8.2', '--pmsidr', '0x100026007', '--pmsver', 'v1'], REFUSED,
     r"a required trap needs FEAT_FGT or FEAT_FGT2: PMSIDR_EL1 reads must be trapped: the "
     r"guest must not see features .* --allow tpms-fallback would trap them"),
    (['view', '--profile', 'kvm-rfc-v6', '--mmfr0', '0'], REFUSED,
     r"a required trap needs FEAT_FGT or FEAT_FGT2: PMBIDR_EL1 reads must be trapped: the KVM "
     r"RFC v6 profile traps them for every guest with SPE, .* which the host lacks \(or "
     r"SCR_EL3.FGTEn disables\)$"),
]


def usage_json(out, err):
    """A usage error under --json: a JSON document with the stderr message."""
    try:
        doc = json.loads(out)
    except ValueError:
        return False
    return doc.get('status') == 'USAGE' and 'spevirt: ' + doc.get('error', '') + '\n' == err


def check_case(t, tool, args, status, pattern):
    code, out, err = run(tool, args)
    name = 'spevirt %r exits %d' % (args, status)
    one_line = err.endswith('\n') and err.count('\n') == 1
    json_usage = status == USAGE and '--json' in args and '--' not in args
    out_ok = usage_json(out, err) if json_usage else out == ''
    t.check(code == status and out_ok and one_line and re.match('spevirt: ' + pattern, err),
            name, 'exit status %d' % code, 'stdout: %r' % out[:200], 'stderr: %r' % err)


def check_output_error(t, tool):
    if not os.path.exists('/dev/full'):
        t.check(True, 'unwritable stdout: no /dev/full here, not checked')
        return
    with open('/dev/full', 'w') as full:
        proc = subprocess.run([tool], stdout=full, stderr=subprocess.PIPE, timeout=30)
    t.check(proc.returncode == 3 and proc.stderr.startswith(b'spevirt: cannot write the output'),
            'unwritable stdout exits 3', proc.returncode, proc.stderr)


# 'spevirt check': one line on stdout, exit 0 when the guest gets SPE, 1 when not.
CHECKS = [
    (['--pmbidr', '0x0000040000000020'], 1,
     r"SPE: no: host PMBIDR_EL1.MaxBuffSize limits the buffer, so --max-buffer-size must be "
     r"non-zero \(the host's limit: 4MiB, PMBIDR_EL1.MaxBuffSize 0x0400\)"),
    ([], 0, r"SPE: yes, V1P2, traps the buffer registers \(emulated\), no buffer limit, "
     r"leaks: none$"),
    (['--max-buffer-size', '4M'], 0, r"SPE: yes, V1P2, traps PMBIDR_EL1 reads, the buffer "
     r"registers \(emulated\), buffer limit 4MiB, leaks: none$"),
    (['--host', 'armv8.2', '--max-buffer-size', '4M'], 1,
     r"SPE: no: PMBIDR_EL1 reads must be trapped: PMBIDR_EL1.MaxBuffSize must show the buffer "
     r"limit, .*; --allow unadvertised-limit would enforce the limit without advertising it; "
     r"--max-buffer-size 0 would give V1P1$"),
    (['--host', 'armv8.2', '--pmbidr', '0x230'], 1, r"SPE: no: host PMBIDR_EL1.P is 1"),
    (['--host', 'none'], 1, r"SPE: no: the host has none \(ID_AA64DFR0_EL1.PMSVer 0\)$"),
    (['--host', 'armv9.5'], 0, r"SPE: yes, V1P4 with SPE_nVM, .*leaks: RECORD_FORMAT, "
     r"FILTER_BITS, PMSCR_EXC$"),
    (['--host', 'armv9.5', '--profile', 'kvm-rfc-v6', '--pmsver', 'v1p2'], 0,
     r"SPE: yes, V1P2, .*leaks: RECORD_FORMAT, FILTER_BITS, PMSCR_EXC, ID_INCONSISTENT$"),
    (['--pmsver', 'v1', '--forbid-leaks', '--accept-leak', 'pmcr_fzs'], 1,
     r"SPE: no: leak RECORD_FORMAT: .*; no --forbid-leaks would give IMP$"),
    # The library refuses even a guest without SPE: still the one verdict line.
    (['--host', 'armv8.7', '--pmsver', 'v1', '--forbid-leaks'], 1,
     r"SPE: no: the view would leak host features: leak PMCR_FZS: "),
]


def check_check(t, tool):
    for args, status, pattern in CHECKS:
        code, out, err = run(tool, ['check'] + args)
        t.check(code == status and err == '' and out.count('\n') == 1 and re.match(pattern, out),
                'spevirt check %s: exit %d and %s' % (' '.join(args), status, pattern[:40]),
                code, out, err)


def check_json_refusal(t, tool):
    code, out, err = run(tool, ['--host', 'armv9.5', '--pmsver', 'v1p5', '--json'])
    t.check(code == REFUSED and '"view": null' in out and
            err.startswith('spevirt: guest PMSVer not possible: '),
            'a refusal with --json: exit 1, a JSON document on stdout, the reason on stderr',
            code, out[-200:], err)


def main():
    tool = sys.argv[1]
    t = Tap()
    for args, status, pattern in CASES:
        check_case(t, tool, args, status, pattern)
    check_output_error(t, tool)
    check_json_refusal(t, tool)
    check_check(t, tool)
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
