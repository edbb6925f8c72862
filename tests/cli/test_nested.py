#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""'spevirt nested' follows docs/policy.md section 16, written out again
here from that section, not from the tool:

  - every preset x guest level, L1 at the host's FGT level owning an
    untrapped buffer: composed; a register L0's view makes UNDEF for L1
    is UNDEF for L2; every trap bit L0 sets is set while L2 runs;
  - the VNCR_EL2 offsets are Table D8-120's, and only registers with one
    are in the page;
  - L1's vMDCR_EL2.E2PB 0b00: the buffer registers are reflected, and L2's
    PMBIDR_EL1 read is emulated with P 1 where the host has FEAT_FGT, and
    refused (exit 1, PMBIDR_EL1.P named) where it has not;
  - PMSCR_EL2 while L2 runs: PA where both allow it, CX not when L0 does
    not;
  - the reserved E2PB 0b01, an FGT level the host lacks and an
    ID_INCONSISTENT view for L1 (the KVM RFC v6 profile's V1P5) are refused;
    an FGT level above 2 is a usage error; --help is 'help nested';
  - L1's default FGT level is what EL3 leaves enabled, and FDS for L1
    without FEAT_FGT2 is refused with the remedy named.

usage: test_nested.py SPEVIRT
"""
import sys

from clitest import Tap, run, run_json

PRESETS = {'armv8.2': 0, 'armv8.7': 1, 'armv8.9': 2, 'armv9.5': 2}
LEVELS = ['v1p1', 'v1p2', 'v1p3', 'v1p4']
# Arm ARM D8.14.6.2, Table D8-120.
VNCR = {'PMBLIMITR_EL1': '0x800', 'PMBPTR_EL1': '0x810', 'PMBSR_EL1': '0x820',
        'PMSCR_EL1': '0x828', 'PMSEVFR_EL1': '0x830', 'PMSICR_EL1': '0x838',
        'PMSIRR_EL1': '0x840', 'PMSLATFR_EL1': '0x848', 'PMSNEVFR_EL1': '0x850',
        'PMSDSFR_EL1': '0x858'}
BUFFER = ['PMBLIMITR_EL1', 'PMBPTR_EL1', 'PMBSR_EL1']


def routes(doc):
    return {r['register']: r for r in doc['routes']}


def check_presets(t, tool):
    for host in PRESETS:
        for level in LEVELS:
            view_args = ['--host', host, '--pmsver', level]
            code, view, _ = run_json(tool, ['view'] + view_args)
            if code != 0:
                continue
            code, doc, _ = run_json(tool, ['nested'] + view_args)
            name = '%s %s' % (host, level)
            t.check(code == 0 and doc['status'] == 'OK', name + ': composed', code)
            r = routes(doc)
            for a in view['view']['access']:
                for d in ('read', 'write'):
                    if a[d] == 'UNDEF':
                        t.equal(r[a['register']][d], 'undef',
                                '%s: %s %s UNDEF for L1 is UNDEF for L2' %
                                (name, a['register'], d))
            for reg, m in view['view']['traps'].items():
                mask, value = int(m['mask'], 16), int(m['value'], 16)
                got = doc['traps'][reg]
                t.check(int(got['mask'], 16) == mask, '%s: %s mask is L0\'s' % (name, reg))
                if reg in ('HDFGRTR_EL2', 'HDFGWTR_EL2'):
                    # Plain bits trap when 1: every bit L0 sets stays set
                    # (nPMSNEVFR_EL1, bit 62, traps when 0).
                    plain = value & ~(1 << 62)
                    t.check(int(got['value'], 16) & plain == plain,
                            '%s: L0\'s %s traps stay' % (name, reg))
            for reg, rt in r.items():
                t.equal(rt['vncr_offset'], VNCR.get(reg),
                        '%s: %s VNCR offset (Table D8-120)' % (name, reg))
                t.check(rt['state'].startswith('page') == (reg in VNCR),
                        '%s: %s lives in the page only with an offset' % (name, reg))


def check_l1_buffer(t, tool):
    args = ['nested', '--host', 'armv8.7', '--pmsver', 'v1p2', '--l1-mdcr-el2', '0x0']
    code, doc, _ = run_json(tool, args)
    r = routes(doc)
    t.check(code == 0, 'E2PB 0b00 on a host with FEAT_FGT: composed', code)
    t.equal((r['PMBIDR_EL1']['read'], r['PMBIDR_EL1']['read_emulation']),
            ('emulate', 'READ_VIEW'), 'E2PB 0b00: PMBIDR_EL1 read emulated')
    t.check(int(doc['emulated_pmbidr_el1'], 16) & (1 << 4),
            'E2PB 0b00: L2 reads PMBIDR_EL1.P 1 (D24.7.1)')
    for reg in BUFFER:
        t.equal((r[reg]['read'], r[reg]['write']), ('reflect', 'reflect'),
                'E2PB 0b00: %s reflected to L1' % reg)
        t.equal(r[reg]['state'], 'page', 'E2PB 0b00: %s is L1\'s, not loaded for L2' % reg)
    code, out, err = run(tool, ['nested', '--host', 'armv8.2', '--pmsver', 'v1p1',
                                '--l1-mdcr-el2', '0'])
    t.check(code == 1 and 'PMBIDR_EL1.P' in err and 'FEAT_FGT' in err,
            'E2PB 0b00 without FEAT_FGT: refused, naming PMBIDR_EL1.P', code, err)
    t.check('refused' in out, 'the refusal is in the text too', out)


def check_pmscr(t, tool):
    args = ['nested', '--host', 'armv8.7', '--pmsver', 'v1p2', '--allow', 'phys-addr',
            '--l1-pmscr-el2', '0x18']
    code, doc, _ = run_json(tool, args)
    v = int(doc['traps']['PMSCR_EL2']['value'], 16)
    t.check(code == 0 and v & (1 << 4), 'PMSCR_EL2.PA where L0 and L1 allow it', code)
    t.check(not v & (1 << 3), 'PMSCR_EL2.CX not where L0 does not allow it')
    code, doc, _ = run_json(tool, args[:-2])
    v = int(doc['traps']['PMSCR_EL2']['value'], 16)
    t.check(code == 0 and not v & (1 << 4), 'PMSCR_EL2.PA not where L1 does not set it', code)


def check_refusals(t, tool):
    code, _, err = run(tool, ['nested', '--host', 'armv8.7', '--pmsver', 'v1p2',
                              '--l1-mdcr-el2', '0x1000'])
    t.check(code == 1 and 'reserved' in err, 'E2PB 0b01: refused as reserved', code, err)
    code, _, err = run(tool, ['nested', '--host', 'armv8.7', '--pmsver', 'v1p2', '--l1-fgt', '2'])
    t.check(code == 1 and 'FEAT_FGT level' in err, 'FGT2 shown on an FGT host: refused',
            code, err)
    code, _, err = run(tool, ['nested', '--l1-fgt', '3'])
    t.check(code == 2 and '--l1-fgt' in err, '--l1-fgt 3: usage error', code, err)
    code, _, err = run(tool, ['nested', '--l1-bogus', '1'])
    t.check(code == 2 and '--l1-bogus' in err, 'an unknown --l1 option: usage error', code, err)
    code, _, err = run(tool, ['nested', '--host', 'armv9.5', '--pmsver', 'v1p5', '--profile',
                              'kvm-rfc-v6'])
    t.check(code == 1 and 'ID_INCONSISTENT' in err,
            'the KVM RFC v6 profile\'s V1P5 for L1: refused, naming ID_INCONSISTENT', code, err)
    code, _, err = run(tool, ['nested', '--host', 'armv8.2', '--pmsver', 'v1p4'])
    t.check(code == 1 and 'no view' in err, 'L0 refusing L1: exit 1', code, err)
    t.equal(run(tool, ['nested', '--help']), run(tool, ['help', 'nested']),
            'nested --help is help nested')


def check_el3_fgt(t, tool):
    """The FGT level L1 is shown by default is what EL3 leaves enabled: none
    with SCR_EL3.FGTEn 0 (FEAT_FGT2 has FEAT_FGT's registers, A2.2), at most
    FEAT_FGT with FGTEn2 0; FDS for L1 needs FEAT_FGT2 (A2.2)."""
    for el3, level in (('fgt', 0), ('fgt2', 1), ('fgt,fgt2', 0)):
        args = ['nested', '--host', 'armv9.5', '--el3-disabled', el3, '--pmsver', 'v1p3',
                '--allow', 'tpms-fallback']
        code, doc, _ = run_json(tool, args)
        t.check(code == 0 and doc['l1']['fgt'] == level and doc['status'] == 'OK',
                'EL3 disables %s: L1 shown FGT level %d by default, composed' % (el3, level),
                code, doc and doc['l1'])
        code, _, err = run(tool, args + ['--l1-fgt', str(level + 1)])
        t.check(code == 1 and 'whose traps the host cannot apply' in err,
                'EL3 disables %s: FGT level %d for L1 refused' % (el3, level + 1), code, err)
    code, _, err = run(tool, ['nested', '--host', 'armv9.5', '--el3-disabled', 'fgt2',
                              '--pmsver', 'v1p4'])
    t.check(code == 1 and 'below FEAT_SPEv1p4' in err,
            'FDS for L1 where EL3 disables FEAT_FGT2: refused, naming the remedy', code, err)
    code, _, err = run(tool, ['nested', '--host', 'armv9.5', '--pmsver', 'v1p4',
                              '--l1-fgt', '1'])
    t.check(code == 1 and 'show L1 FEAT_FGT2' in err,
            'FDS for L1 shown FEAT_FGT on a FEAT_FGT2 host: refused, naming the remedy',
            code, err)
    code, doc, _ = run_json(tool, ['audit', '--mdcr-el2', '0x3000', '--as-l1', 'v1p2',
                                   '--host', 'armv9.5'])
    t.check(doc['as_l1']['nested_status'] == 'OK',
            'audit --as-l1 on armv9.5: composed at the host\'s FGT level', doc['as_l1'])


def check_audit_as_l1(t, tool):
    """audit --as-l1: the set-up audited on L1's machine, and L0's composition."""
    code, doc, _ = run_json(tool, ['audit', '--mdcr-el2', '0x3000', '--as-l1', 'v1p2'])
    t.check(doc['as_l1'] == {'l0_host': 'armv8.7', 'nested_status': 'OK',
                             'nested_reason': None} and 'L1' in doc['host']['name'],
            'audit --as-l1: composed on armv8.7', doc and doc['as_l1'])
    t.equal(int(doc['host']['registers']['ID_AA64DFR0_EL1'], 16) >> 32 & 0xf, 3,
            'audit --as-l1 v1p2: audited on a machine with PMSVer V1P2')
    code, doc, _ = run_json(tool, ['audit', '--mdcr-el2', '0', '--as-l1', 'v1',
                                   '--host', 'armv8.2'])
    t.check(code == 1 and doc['as_l1']['nested_status'] == 'E_NEED_FGT' and
            'PMBIDR_EL1.P' in doc['as_l1']['nested_reason'],
            'audit --as-l1: E2PB 0b00 without FEAT_FGT cannot be composed: exit 1', code)
    code, _, err = run(tool, ['audit', '--mdcr-el2', '0', '--as-l1', 'v1p4', '--host',
                              'armv8.2'])
    t.check(code == 1 and 'above the host' in err, 'audit --as-l1 above the host: refused',
            code, err)
    code, _, err = run(tool, ['audit', '--mdcr-el2', '0', '--l1-fgt', '1'])
    t.check(code == 2 and '--as-l1' in err, '--l1-fgt without --as-l1: usage error', code, err)
    code, _, err = run(tool, ['audit', '--mdcr-el2', '0', '--as-l1', 'v1', '--l1-fgt', 'x'])
    t.check(code == 2 and '--l1-fgt' in err, '--l1-fgt x: usage error', code, err)


def main():
    tool = sys.argv[1]
    t = Tap()
    check_presets(t, tool)
    check_l1_buffer(t, tool)
    check_pmscr(t, tool)
    check_refusals(t, tool)
    check_el3_fgt(t, tool)
    check_audit_as_l1(t, tool)
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
