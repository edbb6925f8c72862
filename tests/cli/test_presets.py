#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""The built-in hosts: permitted by the Arm ARM, accepted by the library, and
their views as the spec computes them.

Everything expected here is computed from the Arm ARM and the spevirt spec
(../shared/design/spec.md, docs/policy.md), not from the library:
  - each preset's registers follow the permitted-value rules of its level;
  - the default preset keeps the first tool version's exact values, but for
    ID_AA64MMFR0_EL1.ECV, which Armv8.6 requires;
  - each is accepted for a guest at its own level in the default profile,
    except armv9.5 at V1P5 (the default profile offers at most V1P4, so without
    --pmsver the tool asks for V1P4 there);
  - selected trap controls, guest values and leaks, bit by bit.

usage: test_presets.py SPEVIRT
"""
import sys

from clitest import Tap, field_value as fv, maxbuf_decode, run, run_json

MASK64 = (1 << 64) - 1
DEFAULT_HOST = {'ID_AA64DFR0_EL1': 0x0000000310305709, 'ID_AA64DFR2_EL1': 0,
                'ID_AA64MMFR0_EL1': 0x1100000000000000, 'PMSIDR_EL1': 0x26457,
                'PMBIDR_EL1': 0x220}
LEVELS = {'armv8.2': (8, 2), 'armv8.7': (8, 7), 'armv8.9': (8, 9), 'armv9.5': (9, 5)}
PMSVER_AT = {'armv8.2': 2, 'armv8.7': 3, 'armv8.9': 5, 'armv9.5': 6}


def at_least(level, minor):
    """The preset is Armv8.minor or later (Armv9.x includes Armv8.(x+5))."""
    major, lminor = level
    return (lminor + 5 if major == 9 else lminor) >= minor


def rules(name, regs):
    """(rule, holds) pairs: the Arm ARM permitted-value rules for the preset."""
    level = LEVELS[name]
    dfr0, dfr2, mmfr0 = regs['ID_AA64DFR0_EL1'], regs['ID_AA64DFR2_EL1'], regs['ID_AA64MMFR0_EL1']
    s, b = regs['PMSIDR_EL1'], regs['PMBIDR_EL1']
    pmsver, fgt = fv(dfr0, 32, 4), fv(mmfr0, 56, 4)
    nvm, exc = fv(dfr2, 20, 4), fv(dfr2, 16, 4)
    fe, ft, fl, lds, fne, fds = (fv(s, i, 1) for i in (0, 1, 2, 4, 6, 7))
    pbt, crr, eft, fpf, sme = (fv(s, i, 1) for i in (24, 25, 26, 27, 32))
    v9_5 = level == (9, 5)
    return [
        ('PMSVer is the level\'s SPE version', pmsver == PMSVER_AT[name]),
        ('PMSIDR_EL1 RES0 [63:33] clear', s >> 33 == 0),
        ('MaxSize 0b0110..0b1011', 6 <= fv(s, 12, 4) <= 11),
        ('Interval 0b0000 or 0b0010..0b1000', fv(s, 8, 4) in (0, 2, 3, 4, 5, 6, 7, 8)),
        ('CountSize 0b0010 or 0b0011', fv(s, 16, 4) in (2, 3)),
        ('Format 0b0000', fv(s, 20, 4) == 0),
        ('ALTCLK 0b0000, 0b0001 or 0b1111', fv(s, 28, 4) in (0, 1, 15)),
        ('FE, FT, FL read as 1', fe and ft and fl),
        ('FnE <=> FEAT_SPEv1p2', fne == (pmsver >= 3)),
        ('FDS needs SPEv1p4, LDS and FGT2', not fds or (pmsver >= 5 and lds and fgt >= 2)),
        ('PBT needs SPEv1p2', not pbt or pmsver >= 3),
        ('CRR needs SPEv1p4', not crr or pmsver >= 5),
        ('SME needs SPEv1p1', not sme or pmsver >= 2),
        ('EFT <=> FPF', eft == fpf),
        ('SPEv1p5 <=> SPE_EXC; v1p5 implies CRR and SPE_nVM',
         (pmsver >= 6) == (exc == 1) and (pmsver < 6 or (crr and nvm))),
        ('SPE_nVM needs FGT2', not nvm or fgt >= 2),
        ('PMBIDR_EL1 RES0 clear', b & 0xffff0000fffff000 == 0),
        ('PMBIDR_EL1.P 0, MaxBuffSize 0 (no limit)', fv(b, 4, 1) == 0 and fv(b, 32, 16) == 0),
        ('PMBIDR_EL1.Align at most 0b1011', fv(b, 0, 4) <= 11),
        ('PMBIDR_EL1.EA at most 0b0010', fv(b, 8, 4) <= 2),
        ('PMBIDR_EL1.AddrMode 0b00', fv(b, 6, 2) == 0),
        ('FEAT_FGT required from Armv8.6', not at_least(level, 6) or fgt >= 1),
        ('FEAT_ECV required from Armv8.6', not at_least(level, 6) or fv(mmfr0, 60, 4) >= 1),
        ('no FEAT_ECV before Armv8.5', at_least(level, 5) or fv(mmfr0, 60, 4) == 0),
        ('no FEAT_FGT before Armv8.5', at_least(level, 5) or fgt == 0),
        ('FEAT_FGT2 required from Armv8.9', not at_least(level, 9) or fgt >= 2),
        ('FnE required from Armv8.7', not at_least(level, 7) or fne),
        ('EA 0b0000 and F 0 not permitted from Armv8.8',
         not at_least(level, 8) or (fv(b, 8, 4) != 0 and fv(b, 5, 1) == 1)),
        ('CRR required from Armv8.9', not at_least(level, 9) or crr),
        ('FDS required from Armv8.9 when LDS', not at_least(level, 9) or not lds or fds),
        ('EFT and FPF required at Armv9.5', not v9_5 or (eft and fpf)),
    ]


def check_presets(t, tool):
    code, doc, err = run_json(tool, ['presets'])
    t.check(code == 0 and doc, 'presets --json', err)
    names = [p['name'] for p in doc['presets']]
    t.equal(names, list(LEVELS), 'presets, in architecture order')
    t.equal(doc['default'], 'armv8.7', 'default preset')
    for p in doc['presets']:
        regs = {k: int(v, 16) for k, v in p['registers'].items()}
        if p['name'] == 'armv8.7':
            t.equal(regs, DEFAULT_HOST, 'armv8.7 keeps the first version\'s exact values')
            t.check(p['default'], 'armv8.7 is marked default')
        for rule, holds in rules(p['name'], regs):
            t.check(bool(holds), '%s: %s' % (p['name'], rule), regs)
        t.check(p['rules'] and all(r for r in p['rules']), p['name'] + ': rules are listed')
        t.check('vendor' not in p['title'].lower(), p['name'] + ': claims no vendor')


# Guest at the preset's own level: (preset, profile, extra args) -> status.
ACCEPTANCE = [
    ('armv8.2', 'default', [], 'OK'),
    ('armv8.7', 'default', [], 'OK'),
    ('armv8.9', 'default', [], 'OK'),
    ('armv9.5', 'default', ['--pmsver', 'v1p5'], 'E_PMSVER'),
    ('armv9.5', 'default', ['--pmsver', 'v1p4'], 'OK'),
    ('armv9.5', 'default', ['--pmsver', 'v1p4', '--nvm'], 'OK'),
    ('armv8.2', 'kvm-rfc-v6', [], 'E_NEED_FGT'),
    ('armv8.7', 'kvm-rfc-v6', [], 'OK'),
    ('armv8.9', 'kvm-rfc-v6', [], 'OK'),
    ('armv9.5', 'kvm-rfc-v6', [], 'OK'),
]


def check_acceptance(t, tool):
    for host, profile, extra, status in ACCEPTANCE:
        args = ['--host', host, '--profile', profile] + extra
        code, doc, _ = run_json(tool, args)
        t.equal((doc['status'], code, doc['config']['pmsver'] if not extra else None),
                (status, 0 if status == 'OK' else 1, PMSVER_AT[host] if not extra else None),
                '%s, %s profile%s: %s' % (host, profile, ' ' + ' '.join(extra), status))
    # Without --pmsver the guest asks for the host's level, at most the profile's highest.
    code, doc, _ = run_json(tool, ['--host', 'armv9.5'])
    t.equal((code, doc['status'], doc['config']['pmsver'], doc['config']['pmsver_source']),
            (0, 'OK', 5, 'host'), 'armv9.5, default profile, no --pmsver: V1P4')


def bits(*ns):
    v = 0
    for n in ns:
        v |= 1 << n
    return v


# SPE bits of the fine-grained trap registers (spe-architecture.md section 4).
HDFGRTR_POS = bits(63, *range(23, 33))
HDFGWTR_POS = bits(32, 31, *range(23, 30))
NPMSNEVFR = bits(62)
NPMBMAR, NPMSDSFR = bits(24), bits(19)
E2PB, E2PB_EL1_TRAP, TPMS = 0b11 << 12, 0b10 << 12, 1 << 14
HPMFZS = bits(36)
# PMSCR_EL2 (D24.7.9): EnVM 11, KE 10, EE 9:8, PCT 7:6 (bit 7 with FEAT_ECV), PA 4, CX 3.
ENVM, PMSCR_EXC, PCT, PCT0, PA, CX = bits(11), bits(10, 9, 8), bits(7, 6), bits(6), bits(4), \
    bits(3)


def maxbuf_encode(size):
    for field in range(0x4000):
        if maxbuf_decode(field) == size:
            return field
    return None


# (args, {register: (mask, value)} or value, leaks, pmsver, spe_nvm)
VIEWS = [
    (['--host', 'armv8.7'],
     {'MDCR_EL2': (E2PB | TPMS | HPMFZS, E2PB_EL1_TRAP),
      'HDFGRTR_EL2': (HDFGRTR_POS | NPMSNEVFR, NPMSNEVFR),
      'HDFGWTR_EL2': (HDFGWTR_POS | NPMSNEVFR, NPMSNEVFR),
      'HDFGRTR2_EL2': (0, 0), 'HDFGWTR2_EL2': (0, 0), 'HFGITR_EL2': (0, 0),
      'PMSCR_EL2': (PCT | PA | CX, 0),
      'PMSIDR_EL1': 0x26457, 'PMBIDR_EL1': 0x220}, [], 3, 0),
    (['--host', 'armv8.7', '--allow', 'phys-addr,phys-timestamp,contextidr-el2'],
     {'PMSCR_EL2': (PCT | PA | CX, PCT | PA | CX)}, [], 3, 0),
    (['--host', 'armv8.2', '--allow', 'phys-timestamp'],
     {'PMSCR_EL2': (PCT0 | PA | CX, PCT0), 'MDCR_EL2': (E2PB | TPMS, E2PB_EL1_TRAP)},
     [], 2, 0),
    (['--host', 'armv8.7', '--allow', 'pinned-memory'],
     {'MDCR_EL2': (E2PB | TPMS | HPMFZS, E2PB), 'HDFGRTR_EL2': (HDFGRTR_POS | NPMSNEVFR,
                                                               NPMSNEVFR)}, [], 3, 0),
    (['--host', 'armv8.7', '--max-buffer-size', '4M'],
     {'HDFGRTR_EL2': (HDFGRTR_POS | NPMSNEVFR, NPMSNEVFR | bits(63)),
      'PMBIDR_EL1': 0x220 | maxbuf_encode(4 << 20) << 32}, [], 3, 0),
    (['--host', 'armv8.7', '--pmsver', 'none'],
     {'MDCR_EL2': (E2PB | TPMS, TPMS), 'PMSCR_EL2': (0, 0),
      'HDFGRTR_EL2': (HDFGRTR_POS | NPMSNEVFR, HDFGRTR_POS),
      'HDFGWTR_EL2': (HDFGWTR_POS | NPMSNEVFR, HDFGWTR_POS),
      'PMSIDR_EL1': 0, 'PMBIDR_EL1': 0, 'ID_AA64DFR0_EL1': (0xf << 32, 0)},
     ['PMCR_FZS'], 0, 0),
    (['--host', 'armv8.2'],
     {'MDCR_EL2': (E2PB | TPMS, E2PB_EL1_TRAP), 'HDFGRTR_EL2': (0, 0),
      'HDFGWTR_EL2': (0, 0), 'PMSIDR_EL1': 0x26007, 'PMBIDR_EL1': 0x20}, [], 2, 0),
    (['--host', 'armv8.9'],
     {'HDFGRTR2_EL2': (NPMSDSFR, NPMSDSFR), 'HDFGWTR2_EL2': (NPMSDSFR, NPMSDSFR),
      'HDFGRTR_EL2': (HDFGRTR_POS | NPMSNEVFR, NPMSNEVFR)}, [], 5, 0),
    (['--host', 'armv8.9', '--pmsver', 'v1p2'],
     {'HDFGRTR2_EL2': (NPMSDSFR, 0), 'HDFGWTR2_EL2': (NPMSDSFR, 0),
      'HDFGRTR_EL2': (HDFGRTR_POS | NPMSNEVFR, NPMSNEVFR | bits(30))},
     ['RECORD_FORMAT', 'RECORD_FEATURES', 'FILTER_BITS'], 3, 0),
    (['--host', 'armv9.5', '--best'],
     {'PMSCR_EL2': (ENVM | PMSCR_EXC | PCT | PA | CX, ENVM),
      'HDFGRTR2_EL2': (NPMBMAR | NPMSDSFR, NPMBMAR | NPMSDSFR),
      'HDFGWTR2_EL2': (NPMBMAR | NPMSDSFR, NPMBMAR | NPMSDSFR),
      'HFGITR_EL2': (bits(63), 0),
      'ID_AA64DFR2_EL1': (0xff << 16, 1 << 20)},
     ['RECORD_FORMAT', 'FILTER_BITS', 'PMSCR_EXC'], 5, 1),
]


def check_views(t, tool):
    for args, regs, leaks, pmsver, nvm in VIEWS:
        label = 'spevirt ' + ' '.join(args)
        code, doc, err = run_json(tool, args)
        if not t.check(code == 0 and doc['status'] == 'OK', label + ': accepted', err):
            continue
        view = doc['view']
        allregs = dict(view['guest'], **view['traps'])
        for name, want in regs.items():
            obj = allregs[name]
            got = (int(obj['mask'], 16), int(obj['value'], 16)) if 'mask' in obj else \
                int(obj['value'], 16)
            t.equal(got, want, '%s: %s' % (label, name))
        t.equal([l['name'] for l in view['leaks']], leaks, label + ': leaks')
        t.equal((doc['config']['pmsver'], doc['config']['spe_nvm']), (pmsver, nvm),
                label + ': guest levels')
    # The guest with SPE_nVM reads AddrMode 0b01 (virtual and physical).
    _, doc, _ = run_json(tool, ['--host', 'armv9.5', '--best'])
    pmbidr = int(doc['view']['guest']['PMBIDR_EL1']['value'], 16)
    t.equal(fv(pmbidr, 6, 2), 0b01, 'armv9.5 --best: PMBIDR_EL1.AddrMode VA_PA')


def check_text(t, tool):
    code, out, err = run(tool, ['presets'])
    t.check(code == 0 and all(n in out for n in LEVELS) and 'not any vendor' in out,
            'presets: text lists every preset', out[:300], err)
    for name in LEVELS:
        code, out, err = run(tool, ['--host', name, '--pmsver', 'v1'])
        t.check(code == 0 and out.startswith('Host: %s preset: ' % name),
                'view --host %s: text names the preset' % name, out[:200], err)
    raw = ['--dfr0', '0x300000000', '--dfr2', '0', '--mmfr0', '0x1100000000000000',
           '--pmsidr', '0x26457', '--pmbidr', '0x220']
    code, out, err = run(tool, raw)
    t.check(code == 0 and out.startswith('Host: every register given by option\n') and
            out.count('given with --') == 5, 'view with every host register given', out[:400])
    _, default, _ = run(tool, [])
    t.equal(out.split('\n', 6)[6], default.split('\n', 6)[6],
            'the default preset given as raw values gives the default view')


def main():
    tool = sys.argv[1]
    t = Tap()
    check_presets(t, tool)
    check_acceptance(t, tool)
    check_views(t, tool)
    check_text(t, tool)
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
