#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""'spevirt view --json' agrees, field by field, with the library.

For each configuration below, the JSON document is parsed back and compared
with what the library returns for the same inputs, as printed by cli_ref (a
small C program built against the library that shares no code with the
tool): status, reason, every register value and mask, every decoded field
(against the library's register description), the access table and the
leaks.  The exit status and the stderr line of refusals are checked too.

usage: test_json.py SPEVIRT CLI_REF
"""
import sys

from clitest import (ACCESS, CFG_FLAGS, EL3_BITS, LEAKS, PROFILES, STATUS, Tap, check_fields,
                     cli_words, ref_regs, ref_view, run_json)

PRESETS = ['armv8.2', 'armv8.7', 'armv8.9', 'armv9.5']

# Extra command lines, beyond every preset x profile x guest level.
EXTRA = [
    [],
    ['--best'],
    ['--host', 'armv9.5', '--best'],
    ['--host', 'armv9.5', '--best', '--profile', 'kvm-rfc-v6'],
    ['--host', 'armv9.5', '--pmsver', 'v1p4', '--nvm', '--max-buffer-size', '64M'],
    ['--host', 'armv8.2', '--max-buffer-size', '4M'],
    ['--host', 'armv8.2', '--max-buffer-size', '4M', '--allow', 'unadvertised-limit'],
    ['--host', 'armv8.2', '--pmsver', 'none'],
    ['--host', 'armv8.2', '--pmsver', 'none', '--forbid-leaks'],
    ['--host', 'armv8.7', '--pmsver', 'none'],
    ['--host', 'armv8.7', '--pmsver', 'v1', '--forbid-leaks'],
    ['--host', 'armv8.7', '--mmfr0', '0', '--pmsver', 'v1p1'],
    ['--host', 'armv8.7', '--mmfr0', '0', '--pmsver', 'v1p1', '--allow',
     'tpms-fallback,unadvertised-limit'],
    ['--host', 'armv8.7', '--pmbidr', '0x230'],
    ['--host', 'armv8.7', '--pmbidr', '0x0000000200000220', '--max-buffer-size', '8K'],
    ['--host', 'armv8.7', '--pmbidr', '0x0000000200000220', '--max-buffer-size', '4K'],
    ['--host', 'armv8.7', '--pmsidr', '0x26417'],
    ['--host', 'armv8.9', '--pmsver', 'v1p2', '--profile', 'kvm-rfc-v6',
     '--max-buffer-size', '2M'],
    ['--host', 'armv8.9', '--dfr0', '0x700000000', '--pmsver', '5'],
    ['--dfr0', '0', '--pmsver', '0'],
    ['--dfr0', '0', '--pmsver', '1'],
    ['--dfr0', '0x300000000', '--dfr2', '0', '--mmfr0', '0x1100000000000000',
     '--pmsidr', '0x26457', '--pmbidr', '0x220'],
    ['--profile', 'kvm-rfc-v6', '--allow', 'phys-addr'],
    ['--host', 'armv8.2', '--max-buffer-size', '4M', '--best'],
    ['--host', 'armv9.5', '--best', '--pmsver', 'v1p2'],
    ['--host', 'armv8.7', '--forbid-leaks', '--accept-leak', 'pmcr_fzs,record_format',
     '--pmsver', 'v1p1', '--allow', 'pinned-memory'],
    ['--host', 'armv8.9', '--nvm'],
    ['--host', 'armv9.5', '--pmsver', 'v1p4', '--nvm', '--allow',
     'phys-addr,phys-timestamp,contextidr-el2'],
    ['--host', 'armv8.2', '--allow', 'phys-timestamp'],
    ['--host', 'armv8.7', '--allow', 'pinned-memory'],
    ['--host', 'armv9.5', '--pmsver', 'v1p1', '--allow', 'pinned-memory'],
    ['--host', 'armv9.5', '--pmsver', 'none'],
    ['--host', 'armv8.9', '--el3-disabled', 'fgt2', '--allow', 'tpms-fallback'],
    ['--host', 'armv8.9', '--el3-disabled', 'pmsdsfr'],
    ['--host', 'armv8.7', '--el3-disabled', 'fgt', '--pmsver', 'v1p1'],
    ['--host', 'armv9.5', '--best', '--el3-disabled', 'pmbmar,pmsnevfr'],
]


def command_lines():
    for host in PRESETS:
        for profile in PROFILES:
            for pmsver in ['0', '1', '2', '3', '4', '5', '6']:
                yield ['--host', host, '--profile', profile, '--pmsver', pmsver]
    for extra in EXTRA:
        yield extra


def check_regs(t, label, view, ref, regs):
    for group, names in (('guest', ['PMSIDR_EL1', 'PMBIDR_EL1', 'ID_AA64DFR0_EL1',
                                     'ID_AA64DFR2_EL1']),
                         ('traps', ['MDCR_EL2', 'PMSCR_EL2', 'HDFGRTR_EL2', 'HDFGWTR_EL2',
                                    'HDFGRTR2_EL2', 'HDFGWTR2_EL2', 'HFGITR_EL2'])):
        t.equal(list(view[group]), names, '%s: %s registers' % (label, group))
        for name in names:
            obj, want = view[group].get(name, {}), ref[name]
            if len(want) == 1:
                got = [int(obj.get('value', '-1'), 16)]
                mask = (1 << 64) - 1
            else:
                got = [int(obj.get('mask', '-1'), 16), int(obj.get('value', '-1'), 16)]
                mask = want[0]
            t.equal(got, want, '%s: %s value%s' % (label, name, '' if len(want) == 1 else
                                                    ' and mask'))
            check_fields(t, '%s: %s' % (label, name), obj, regs[name], want[-1], mask)
            if name.startswith(('HDFG', 'HFGITR')):
                check_trap_bits(t, '%s: %s' % (label, name), obj)


def check_trap_bits(t, what, obj):
    """A fine-grained trap bit traps when 1, an n-prefixed one when 0; each says why."""
    bad = [f['name'] for f in obj.get('fields', [])
           if f.get('traps') != ((int(f['value'], 16) == 1) != f['name'].startswith('n')) or
           not f.get('why')]
    t.equal(bad, [], what + ': traps follows the bit and its polarity, with a why')


def check_view(t, label, view, ref):
    t.equal(view['buffer'], {'max_buffer_size': ref['max_buffer_size'],
                             'limit_advertised': bool(ref['limit_advertised'])},
            label + ': buffer')
    want = sorted(((enc, name, ACCESS[rd], ACCESS[wr]) for name, enc, rd, wr in ref['access']
                   if rd != ACCESS.index('NOT_SPE')))
    got = [(int(a['encoding'], 16), a['register'], a['read'], a['write'])
           for a in view['access']]
    t.equal(got, want, label + ': access table (14 registers, encoding order)')
    t.equal(len(got), 14, label + ': 14 SPE registers')
    trapped = [(a['register'], a['read_trapped'], a['write_trapped']) for a in view['access']]
    t.check(all(not (rt and a['read'] == 'UNTRAPPED') and not (wt and a['write'] == 'UNTRAPPED')
                for (_, rt, wt), a in zip(trapped, view['access'])),
            label + ': no UNTRAPPED access is marked trapped', trapped)
    t.equal(int(view['leak_bits'], 16), ref['leaks'], label + ': leak bits')
    t.equal([(l['name'], l['bit']) for l in view['leaks']],
            [(n, b) for b, n in enumerate(LEAKS) if ref['leaks'] >> b & 1],
            label + ': leak names')
    encodings = {a['register']: int(a['encoding'], 16) for a in view['access']}
    t.equal([encodings.get(n) for n in view['context_switch']], ref['context'],
            label + ': context-switch registers, in load order')


def check_el2_fields(t, label, view, ref, regs):
    """el2_fields: every PMSCR_EL2 field in its mask, then MDCR_EL2.HPMFZS if owned."""
    want = []
    for name, skip in (('PMSCR_EL2', 0), ('MDCR_EL2', 0b111 << 12)):
        mask, value = ref[name]
        for f in regs[name]['fields']:
            fmask = ((1 << f['width']) - 1) << f['shift']
            if mask & fmask and not skip & fmask:
                want.append((name, f['name'], f['shift'] + f['width'] - 1, f['shift'],
                             (value & fmask) >> f['shift']))
    got = [(f['register'], f['field'], f['msb'], f['lsb'], int(f['value'], 16))
           for f in view['el2_fields']]
    t.equal(got, want, label + ': el2_fields are the owned PMSCR_EL2 and MDCR_EL2 fields')
    t.check(all(f['why'] for f in view['el2_fields']), label + ': each el2 field says why')


def check_one(t, tool, ref_tool, regs, args):
    label = 'spevirt ' + ' '.join(args)
    code, doc, err = run_json(tool, args)
    if not t.check(doc is not None, label + ': JSON parses', err):
        return
    host = {k: int(v, 16) for k, v in doc['host']['registers'].items()}
    cfg = doc['config']
    flags = sum(CFG_FLAGS[f] for f in cfg['flags'])
    el3 = sum(EL3_BITS[f] for f in doc['host']['el3_disabled'])
    accepted = sum(1 << LEAKS.index(n) for n in cfg['accepted_leaks'])
    best_bound = cfg['pmsver_bound'] or 0
    ref = ref_view(ref_tool, host, PROFILES[cfg['profile']],
                   best_bound if cfg['best'] else cfg['pmsver'],
                   0 if cfg['best'] else cfg['spe_nvm'], cfg['max_buffer_size'], flags,
                   cfg['best'], el3, accepted)
    t.equal(doc['schema_version'], 2, label + ': schema_version')
    t.equal((doc['status'], doc['status_code'], doc['status_text'], doc['reason']),
            (STATUS[ref['status']], ref['status'], ref['strerror'], ref['reason']),
            label + ': status and reason')
    t.equal((cfg['pmsver'], cfg['spe_nvm']), (ref['pmsver'], ref['spe_nvm']),
            label + ': guest PMSVer and SPE_nVM')
    if ref['status'] != 0:
        t.equal(code, 1, label + ': exit status 1 on refusal')
        t.equal(err, 'spevirt: %s: %s\n' % (ref['strerror'], cli_words(ref['reason'])),
                label + ': stderr is the library reason, in the command\'s words')
        t.check('SPEVIRT_' not in err and 'spevirt_config' not in err,
                label + ': stderr names no C identifier', err)
        t.equal(doc['view'], None, label + ': view is null')
        return
    t.equal((code, err), (0, ''), label + ': exit status 0, stderr empty')
    check_regs(t, label, doc['view'], ref, regs)
    check_view(t, label, doc['view'], ref)
    check_el2_fields(t, label, doc['view'], ref, regs)


def main():
    tool, ref_tool = sys.argv[1], sys.argv[2]
    t = Tap()
    regs = ref_regs(ref_tool)
    for args in command_lines():
        check_one(t, tool, ref_tool, regs, args)
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
