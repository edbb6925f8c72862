#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""Buffer sizes: 'spevirt encode-size', 'decode-size' and --max-buffer-size,
against the PMBIDR_EL1.MaxBuffSize encoding as the Arm ARM defines it
(D24.7.1), implemented in clitest.maxbuf_decode().

usage: test_sizes.py SPEVIRT
"""
import bisect
import random
import sys

from clitest import Tap, maxbuf_decode, representable_sizes, run, run_json

SUFFIX = [(60, 'E'), (50, 'P'), (40, 'T'), (30, 'G'), (20, 'M'), (10, 'K')]


def human(size):
    for shift, letter in SUFFIX:
        if size and size % (1 << shift) == 0:
            return '%d%siB' % (size >> shift, letter)
    return str(size)


def check_encode(t, tool, sizes, rnd):
    sample = sizes[:3] + sizes[508:515] + sizes[-3:] + rnd.sample(sizes, 40)
    for size in sample:
        code, out, err = run(tool, ['encode-size', str(size)])
        field = int(out, 16) if code == 0 else None
        t.check(code == 0 and err == '' and field < 0x4000 and maxbuf_decode(field) == size,
                'encode-size %d' % size, code, out, err)
    code, out, _ = run(tool, ['encode-size', '0'])
    t.equal((code, out), (0, '0x0000\n'), 'encode-size 0: no limit')


def neighbours_text(size, sizes):
    i = bisect.bisect_left(sizes, size)
    below = sizes[i - 1] if i > 0 else None
    above = sizes[i] if i < len(sizes) else None
    if below and above:
        return 'the nearest representable sizes are %s (%d bytes) below and %s (%d bytes) ' \
               'above' % (human(below), below, human(above), above)
    if above:
        return 'the nearest representable size is %s (%d bytes), above it' % (human(above),
                                                                             above)
    return 'the nearest representable size is %s (%d bytes), below it' % (human(below), below)


def check_inexact(t, tool, sizes, rnd):
    known = set(sizes)
    cases = [1, 4095, 4097, (2 << 20) - 1, (2 << 20) + 4096, sizes[-1] + 1, 1 << 63,
             (1 << 64) - 1]
    cases += [rnd.getrandbits(rnd.randint(12, 52)) for _ in range(40)]
    for size in (s for s in cases if s not in known):
        want = neighbours_text(size, sizes)
        code, out, err = run(tool, ['encode-size', str(size)])
        t.check(code == 1 and out == '' and want in err and
                err.startswith('spevirt: buffer size limit not possible: SIZE: '),
                'encode-size %d refused, naming its neighbours' % size, want, err)
        code, out, err = run(tool, ['view', '--max-buffer-size', str(size)])
        t.check(code == 1 and out == '' and want in err and
                err.startswith('spevirt: buffer size limit not possible: --max-buffer-size: '),
                '--max-buffer-size %d: refused like encode-size, naming the neighbours' % size,
                want, err)


def binary_units(size):
    """4194304 as 4MiB: the largest unit that divides it."""
    for shift, unit in ((60, 'E'), (50, 'P'), (40, 'T'), (30, 'G'), (20, 'M'), (10, 'K')):
        if size % (1 << shift) == 0:
            return '%d%siB' % (size >> shift, unit)
    return '%d' % size


def check_decode(t, tool, rnd):
    fields = [0, 1, 0x1ff, 0x200, 0x201, 0x3fff, 0x4000, 0x8001, 0xc000, 0xffff] + \
        [rnd.getrandbits(16) for _ in range(40)]
    for field in fields:
        code, out, err = run(tool, ['decode-size', '0x%x' % field])
        note = 'spevirt: note: FIELD bits 0x%04x are reserved and ignored\n' % (field & 0xc000)
        size = maxbuf_decode(field)
        want = '%d bytes (%s)\n' % (size, binary_units(size)) if size else '0 (no limit)\n'
        t.check(code == 0 and out == want and
                err == (note if field & 0xc000 else ''),
                'decode-size %#x' % field, code, out, err)


def check_syntax(t, tool):
    for text in ['2M', '2m', '2MiB', '2mib', '2097152', '2_097_152', '0x200000', '0X200000',
                 '0x20_0000', '0b1000000000000000000000', '2048K', '2048KiB', '02M']:
        code, out, err = run(tool, ['encode-size', text])
        t.equal((code, out, err), (0, '0x0200\n', ''), 'encode-size %s is 2MiB' % text)
        code, doc, err = run_json(tool, ['--max-buffer-size', text])
        t.equal((code, doc and doc['config']['max_buffer_size']), (0, 2 << 20),
                '--max-buffer-size %s is 2MiB' % text)
    for text, size in [('1G', 1 << 30), ('1T', 1 << 40), ('4092T', 1023 << 42), ('4K', 4096),
                       ('4096', 4096), ('0', 0), ('none', 0), ('Unlimited', 0),
                       ('1P', 1 << 50), ('1E', None)]:
        code, out, _ = run(tool, ['encode-size', text])
        want = size is not None
        t.check((code == 0) == want and (not want or maxbuf_decode(int(out, 16)) == size),
                'encode-size %s' % text, code, out)


def check_json(t, tool):
    code, doc, err = run_json(tool, ['encode-size', '4M'])
    t.equal((code, doc and (doc['bytes'], doc['status'], doc['field'], doc['reason']), err),
            (0, (4 << 20, 'OK', '0x400', None), ''), 'encode-size --json 4M')
    code, doc, err = run_json(tool, ['encode-size', '5000'])
    t.check(code == 1 and doc and doc['status'] == 'E_BUFSIZE' and doc['field'] is None and
            'nearest representable sizes are 4KiB' in doc['reason'] and
            err.startswith('spevirt: buffer size limit not possible: SIZE: '),
            'encode-size --json 5000: refused in JSON too, exit 1', code, doc, err)
    code, doc, err = run_json(tool, ['decode-size', '0xc400'])
    t.equal((code, doc and (doc['field'], doc['bytes'], doc['ignored_bits'])),
            (0, ('0xc400', 4 << 20, '0xc000')), 'decode-size --json 0xc400')


def main():
    tool = sys.argv[1]
    t = Tap()
    rnd = random.Random(20251124)
    sizes = representable_sizes()
    check_encode(t, tool, sizes, rnd)
    check_inexact(t, tool, sizes, rnd)
    check_decode(t, tool, rnd)
    check_syntax(t, tool)
    check_json(t, tool)
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
