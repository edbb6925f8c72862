#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""'spevirt decode' shows every register the library describes, field by
field, exactly as the library's register description (spevirt_reg_get(),
printed by cli_ref) says: names, positions, enumerated value names, RES0
bits that are set.

usage: test_decode.py SPEVIRT CLI_REF
"""
import random
import sys

from clitest import Tap, check_fields, field_value, ref_regs, run, run_json

MASK64 = (1 << 64) - 1


def values(reg, rnd):
    """Values that exercise every field: zero, all ones, RES0 only, patterns, random."""
    return [0, MASK64, reg['res0'], 0x5555555555555555, 0xaaaaaaaaaaaaaaaa] + \
        [rnd.getrandbits(64) for _ in range(3)]


def text_lines(reg, value):
    """The field lines 'spevirt decode' prints: one per range, in description order."""
    lines = []
    for f in reg['fields']:
        v = field_value(value, f['shift'], f['width'])
        msb = f['shift'] + f['width'] - 1
        bits = '[%d]' % msb if f['width'] == 1 else '[%d:%d]' % (msb, f['shift'])
        name = '(other)' if f['kind'] == 'other' else f['name']
        shown = str(v) if f['width'] == 1 else '0x%x' % v
        lines.append((bits, name, shown, f['enums'].get(v)))
    return lines


def check_text(t, tool, reg, value):
    code, out, err = run(tool, ['decode', reg['name'].lower(), '0x%x' % value])
    label = 'decode %s %#x (text)' % (reg['name'], value)
    lines = out.splitlines()
    t.check(code == 0 and err == '' and lines and
            lines[0].startswith('%s 0x%016x (S' % (reg['name'], value)), label + ': header',
            code, out[:200], err)
    want = text_lines(reg, value)
    got = [l.split() for l in lines[1:1 + len(want)]]
    ok = all(g[:3] == [w[0], w[1], w[2]] and (w[3] is None or w[3] in g[3:])
             for g, w in zip(got, want)) and len(got) == len(want)
    t.check(ok, label + ': one line per field, named and valued', out)
    res0 = value & reg['res0']
    flagged = [l for l in lines if 'RES0 bits set' in l]
    t.check(bool(flagged) == bool(res0), label + ': set RES0 bits flagged iff any', out)


def check_json(t, tool, reg, value):
    code, doc, err = run_json(tool, ['decode', reg['name'], '0x%x' % value])
    label = 'decode %s %#x (json)' % (reg['name'], value)
    if not t.check(code == 0 and doc, label + ': parses', err):
        return
    t.equal((doc['schema_version'], doc['command'], doc['register'], int(doc['encoding'], 16),
             int(doc['value'], 16), int(doc['res0_set'], 16), int(doc['res1_clear'], 16)),
            (2, 'decode', reg['name'], reg['encoding'], value, value & reg['res0'],
             ~value & reg['res1']), label + ': header members')
    check_fields(t, label, doc, reg, value, MASK64)


def main():
    tool, ref = sys.argv[1], sys.argv[2]
    t = Tap()
    regs = ref_regs(ref)
    rnd = random.Random(20251124)
    t.check(len(regs) >= 24, 'the library describes the SPE, ID, MDCR_EL2 and FGT registers',
            sorted(regs))
    for reg in regs.values():
        for value in values(reg, rnd):
            check_text(t, tool, reg, value)
            check_json(t, tool, reg, value)
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
