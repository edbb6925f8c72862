#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""lib/sysreg against Linux's arch/arm64/tools/sysreg, bit by bit.

For every register both files describe: the encoding, and what each of
the 64 bits is (a field, by name, position and width, or RES0, RES1,
UNKN, RAZ). Names are compared without case (Linux spells ERND, spevirt
ERnd). Bits that disagree are grouped into ranges; each range must be a
difference tests/kernel/sysreg-differences names, with its reason, or the
comparison fails. Enumerated values that both files name are printed when
their spellings differ; a value Linux names in a field spevirt enumerates
too, and spevirt lacks, fails.

usage: sysreg-compare.py SPEVIRT_SYSREG LINUX_SYSREG DIFFERENCES
"""
import sys


def bits(spec):
    hi, _, lo = spec.partition(':')
    return int(hi), int(lo or hi)


def parse(path):
    """{name: (encoding, [64 bit descriptions], {field: {value: name}})}."""
    regs, shared = {}, {}
    cur = fields = enum = None
    for raw in open(path, encoding='utf-8'):
        line = raw.split('#', 1)[0].rstrip()
        if not line.strip():
            continue
        word = line.split()
        kind = word[0]
        if kind in ('Sysreg', 'SysregFields'):
            desc = [None] * 64
            fields = {}
            cur = (kind, word[1], tuple(int(w) for w in word[2:7]), desc, fields)
        elif kind in ('EndSysreg', 'EndSysregFields'):
            _, name, enc, desc, fields = cur
            if kind == 'EndSysregFields':
                shared[name] = (desc, fields)
            else:
                regs[name] = (enc, desc, fields)
            cur = None
        elif kind == 'Fields':
            desc, flds = shared[word[1]]
            cur[3][:] = desc
            cur[4].update(flds)
        elif kind in ('Res0', 'Res1', 'Unkn', 'Raz'):
            hi, lo = bits(word[1])
            for b in range(lo, hi + 1):
                cur[3][b] = kind.upper()
        elif kind in ('Field', 'Enum', 'UnsignedEnum', 'SignedEnum'):
            hi, lo = bits(word[1])
            name = word[2].upper()
            for b in range(lo, hi + 1):
                cur[3][b] = '%s[%d:%d]' % (name, hi, lo)
            if kind != 'Field':
                enum = cur[4].setdefault(name, {})
        elif kind == 'EndEnum':
            enum = None
        elif kind.startswith('0b') and enum is not None:
            enum[int(kind[2:], 2)] = word[1]
        elif kind == 'Mapping':
            continue
        else:
            sys.exit('sysreg-compare: %s: cannot read %r' % (path, line))
    return regs


def known(path):
    """[(register, bits, spevirt, linux)] with '*' as a wildcard."""
    rows = []
    for raw in open(path, encoding='utf-8'):
        line = raw.split('#', 1)[0].strip()
        if line:
            rows.append(tuple(line.split('\t')[:4]))
    return rows


def matches(row, diff):
    return all(r == '*' or r == d for r, d in zip(row, diff))


def ranges(name, ours, theirs):
    """The disagreeing bits as (register, 'hi:lo', spevirt, linux)."""
    out, b = [], 63
    while b >= 0:
        if ours[b] == theirs[b]:
            b -= 1
            continue
        hi = b
        while b >= 0 and ours[b] == ours[hi] and theirs[b] == theirs[hi]:
            b -= 1
        out.append((name, '%d:%d' % (hi, b + 1), str(ours[hi]), str(theirs[hi])))
    return out


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    ours, theirs, rows = parse(sys.argv[1]), parse(sys.argv[2]), known(sys.argv[3])
    failed = named = agreed = 0
    for name in sorted(ours):
        if name not in theirs:
            print('%s: not in Linux\'s file' % name)
            continue
        enc, desc, fields = ours[name]
        tenc, tdesc, tfields = theirs[name]
        if enc != tenc:
            print('FAIL %s: encoding %s, Linux %s' % (name, enc, tenc))
            failed += 1
        diffs = ranges(name, desc, tdesc)
        agreed += 64 - sum(int(d[1].split(':')[0]) - int(d[1].split(':')[1]) + 1 for d in diffs)
        for d in diffs:
            if any(matches(r, d) for r in rows):
                print('named %s %s: spevirt %s, Linux %s' % d)
                named += 1
            else:
                print('FAIL %s %s: spevirt %s, Linux %s (not in %s)' % (d + (sys.argv[3],)))
                failed += 1
        for field, values in sorted(tfields.items()):
            if field not in fields:
                # spevirt reads this field as a number: every value is its own.
                continue
            mine = fields[field]
            for value, spelling in sorted(values.items()):
                if value not in mine:
                    print('FAIL %s.%s: Linux names %#x %s, spevirt does not' %
                          (name, field, value, spelling))
                    failed += 1
                elif mine[value].upper() != spelling.upper():
                    print('spelling %s.%s %#x: spevirt %s, Linux %s' %
                          (name, field, value, mine[value], spelling))
    print('sysreg-compare: %d registers in both, %d bits agree, %d named differences, %d failures'
          % (len(set(ours) & set(theirs)), agreed, named, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
