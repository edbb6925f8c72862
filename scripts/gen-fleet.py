#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""A synthetic fleet inventory in JSON Lines, one host record per line as
'spevirt fleet' reads it: N records over a handful of classes (the presets'
registers, two of them with EL3 controls disabled and one with a hardware
buffer limit), in a fixed pseudo-random order, so runs are reproducible.

usage: gen-fleet.py N [OUT]   (OUT: a file; default stdout)
"""
import json
import sys

PRESETS = {
    'armv8.2': ('0x0000000210305408', '0x0000000000000000', '0x0000000000000000',
                '0x0000000000026007', '0x0000000000000020'),
    'armv8.7': ('0x0000000310305709', '0x0000000000000000', '0x1100000000000000',
                '0x0000000000026457', '0x0000000000000220'),
    'armv8.9': ('0x000000051030590b', '0x0000000000000000', '0x1200000000000000',
                '0x00000000030375f7', '0x0000000000000220'),
    'armv9.5': ('0x000000061030590b', '0x0000000000110000', '0x2200000000000000',
                '0x000000000f0386d7', '0x0000000000000224'),
}
REGS = ('ID_AA64DFR0_EL1', 'ID_AA64DFR2_EL1', 'ID_AA64MMFR0_EL1', 'PMSIDR_EL1', 'PMBIDR_EL1')
# (kind, registers, el3_disabled, weight)
CLASSES = [
    ('a', PRESETS['armv8.2'], [], 2),
    ('b', PRESETS['armv8.7'], [], 5),
    ('c', PRESETS['armv8.7'], ['fgt'], 1),
    ('d', PRESETS['armv8.9'], [], 4),
    ('e', PRESETS['armv9.5'], [], 6),
    ('f', PRESETS['armv9.5'][:4] + ('0x0000040000000224',), [], 1),
    ('g', PRESETS['armv8.9'], ['pmsnevfr'], 1),
]


def main():
    n = int(sys.argv[1])
    out = open(sys.argv[2], 'w') if len(sys.argv) > 2 else sys.stdout
    total = sum(c[3] for c in CLASSES)
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2**31
        pick = x % total
        for kind, regs, el3, weight in CLASSES:
            if pick < weight:
                break
            pick -= weight
        rec = {'name': 'node%07d-%s cpus 0-127' % (i, kind), 'registers': dict(zip(REGS, regs)),
               'el3_disabled': el3}
        out.write(json.dumps(rec, separators=(',', ':')) + '\n')


if __name__ == '__main__':
    main()
