#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""Golden outputs: the tool's stdout for a few configurations, byte for byte,
in tests/cli/golden/NAME.txt (text) and NAME.json (--json).

After an intended change to the output, regenerate them and review the diff:

    python3 tests/cli/test_golden.py --update BUILDDIR/tools/spevirt tests/cli/golden
    git diff tests/cli/golden

usage: test_golden.py [--update] SPEVIRT GOLDEN_DIR
"""
import difflib
import os
import sys

from clitest import Tap, run

# Catalogue entries that audit with no finding, per host.
CLEAN = {'armv8.7': ('kvm', 'kvm-rfc-v6')}

# (name, arguments, exit status): the golden file is golden/<name>.
CASES = [
    ('default.txt', [], 0),
    ('default.json', ['view', '--json'], 0),
    ('armv8.2-unadvertised-limit.txt',
     ['view', '--host', 'armv8.2', '--pmsver', 'v1', '--max-buffer-size', '4M',
      '--allow', 'unadvertised-limit'], 0),
    ('armv8.2-unadvertised-limit.json',
     ['view', '--host', 'armv8.2', '--pmsver', 'v1', '--max-buffer-size', '4M',
      '--allow', 'unadvertised-limit', '--json'], 0),
    ('armv8.7-no-spe.txt', ['view', '--pmsver', 'none'], 0),
    ('armv8.9-kvm-downgrade.txt',
     ['view', '--host', 'armv8.9', '--profile', 'kvm-rfc-v6', '--pmsver', 'v1p2',
      '--max-buffer-size', '2M'], 0),
    ('armv8.9-kvm-downgrade.json',
     ['view', '--host', 'armv8.9', '--profile', 'kvm-rfc-v6', '--pmsver', 'v1p2',
      '--max-buffer-size', '2M', '--json'], 0),
    ('armv9.5-best.txt', ['view', '--host', 'armv9.5', '--best'], 0),
    ('armv8.7-pinned-memory.txt', ['view', '--allow', 'pinned-memory,phys-timestamp'], 0),
    ('armv9.5-kvm-v1p5.txt', ['view', '--host', 'armv9.5', '--profile', 'kvm-rfc-v6'], 0),
    ('armv9.5-best.json', ['view', '--host', 'armv9.5', '--best', '--json'], 0),
    ('armv9.5-refused.json', ['view', '--host', 'armv9.5', '--pmsver', 'v1p5', '--json'], 1),
    ('armv8.2-why-not.txt', ['view', '--host', 'armv8.2', '--max-buffer-size', '4M', '--best'],
     0),
    ('armv8.2-why-not.json', ['view', '--host', 'armv8.2', '--max-buffer-size', '4M', '--best',
                              '--json'], 0),
    ('check-armv8.2.txt', ['check', '--host', 'armv8.2', '--max-buffer-size', '4M'], 1),
    ('armv8.7-res0-host.txt', ['view', '--pmsidr', '0x0000_0100_0002_6457', '--pmbidr',
                               '0x0000_0000_0010_0220'], 0),
    ('raw-host-tpms-fallback.txt',
     ['view', '--dfr0', '0x300000000', '--mmfr0', '0', '--pmsidr', '0x26457', '--pmbidr', '0x220',
      '--pmsver', 'v1p1', '--allow', 'tpms-fallback'], 0),
    ('decode-pmsidr-ones.txt', ['decode', 'PMSIDR_EL1', '0xffffffffffffffff'], 0),
    ('decode-pmsidr-ones.json', ['decode', '--json', 'PMSIDR_EL1', '0xffffffffffffffff'], 0),
    ('decode-mdcr.txt', ['decode', 'mdcr_el2', '0x4000'], 0),
    ('presets.txt', ['presets'], 0),
    ('presets.json', ['presets', '--json'], 0),
    ('help.txt', ['--help'], 0),
    ('help-view.txt', ['help', 'view'], 0),
    ('audit-list.txt', ['audit', '--list'], 0),
    ('audit-xen-armv8.7.json', ['audit', '--hypervisor', 'xen', '--json'], 1),
    ('audit-given-values.txt', ['audit', '--host', 'armv8.7', '--mdcr-el2', '0x3000',
                                '--hdfgrtr-el2', '0x4000000000000000',
                                '--hdfgwtr-el2', '0x4000000000000000',
                                '--guest-dfr0', '0x300000000', '--switch', 'all', '--pinned'], 0),
] + [
    ('audit-%s-%s.txt' % (name, host), ['audit', '--hypervisor', name, '--host', host],
     0 if name in CLEAN.get(host, ()) else 1)
    for name in ('kvm', 'kvm-rfc-v6', 'xen', 'hafnium', 'bhyve', 'tf-rmm', 'gunyah', 'bao',
                 'jailhouse', 'sel4')
    for host in ('armv8.2', 'armv8.7')
]


def main(argv):
    update = argv[1:2] == ['--update']
    if update:
        argv = argv[1:]
    tool, golden = argv[1], argv[2]
    t = Tap()
    for name, args, status in CASES:
        code, out, err = run(tool, args)
        path = os.path.join(golden, name)
        label = '%s: spevirt %s' % (name, ' '.join(args))
        if update:
            with open(path, 'w') as f:
                f.write(out)
        try:
            with open(path) as f:
                want = f.read()
        except OSError as e:
            want = str(e)
        diff = [line for line in _diff(want, out)][:40]
        t.check(code == status and out == want, label, 'exit status %d' % code, err, *diff)
        # Text fits an 80-column terminal; check's one line is meant for scripts.
        if name.endswith('.txt') and not name.startswith('check-'):
            long_lines = [line for line in out.splitlines() if len(line) > 80]
            t.equal(long_lines, [], name + ': no line is wider than 80 columns')
    check_columns(t, tool)
    return t.done()


def check_columns(t, tool):
    """$COLUMNS sets the width of wrapped text; nonsense falls back to 80."""
    env = dict(os.environ, COLUMNS='60')
    _, out, _ = run(tool, ['view', '--pmsver', 'v1'], env=env)
    t.check(max(len(line) for line in out.splitlines() if line.startswith(('  RECORD', '    ')))
            <= 72 and any(len(line) > 40 for line in out.splitlines()),
            'COLUMNS=60 narrows the wrapped text')
    env = dict(os.environ, COLUMNS='3')
    _, narrow, _ = run(tool, ['view', '--pmsver', 'v1'], env=env)
    _, default, _ = run(tool, ['view', '--pmsver', 'v1'])
    t.equal(narrow, default, 'COLUMNS=3 is ignored: 80 columns')


def _diff(want, got):
    return difflib.unified_diff(want.splitlines(), got.splitlines(), 'golden', 'spevirt',
                                lineterm='')


if __name__ == '__main__':
    sys.exit(main(sys.argv))
