#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""The documentation keeps up with the tool:
  - --help, -h, 'help COMMAND' and 'COMMAND --help' agree; --version works;
  - docs/spevirt.1 names every command, every option the help texts list,
    every preset (with its title) and every exit status;
  - docs/cli-json.md documents every member name the JSON documents have,
    and the schema_version the tool writes;
  - docs/hypervisors.md's summary gives, for every catalogue entry and both
    hosts, the findings 'spevirt audit' finds, class by class.

usage: test_docs.py SPEVIRT SOURCE_ROOT
"""
import os
import re
import sys

from clitest import Tap, run, run_json

COMMANDS = ['view', 'decode', 'presets', 'encode-size', 'decode-size', 'audit', 'guests',
            'fleet', 'nested', 'help']
# Objects whose member names are register names, documented as a class.
REGISTER_MAPS = {'registers', 'guest', 'traps'}


def man_text(root):
    with open(os.path.join(root, 'docs', 'spevirt.1')) as f:
        text = f.read()
    # roff: \- is a hyphen, \(aq a quote, \fB...\fR fonts, \& a zero-width space.
    text = text.replace('\\-', '-').replace('\\(aq', "'").replace('\\&', '')
    return re.sub(r'\\f[BIRP]', '', text)


def check_man(t, tool, man):
    for cmd in COMMANDS:
        code, out, _ = run(tool, ['help', cmd])
        t.check(code == 0 and ('.SS ' + cmd) in man, 'spevirt.1 has a section for ' + cmd)
        for opt in sorted(set(re.findall(r'--[a-z][a-z0-9-]*', out))):
            t.check(opt in man, 'spevirt.1 documents %s (spevirt help %s)' % (opt, cmd))
    code, out, _ = run(tool, ['--help'])
    for opt in sorted(set(re.findall(r'--[a-z][a-z0-9-]*', out))):
        t.check(opt in man, 'spevirt.1 documents %s (spevirt --help)' % opt)
    _, doc, _ = run_json(tool, ['presets'])
    for p in doc['presets']:
        t.check(p['name'] in man and p['title'] in man,
                'spevirt.1 describes preset %s: %s' % (p['name'], p['title']))
        for reg, value in p['registers'].items():
            t.check('%s %s' % (reg, value) in man.replace('\n', ' '),
                    'spevirt.1 gives %s %s of preset %s' % (reg, value, p['name']))
    t.check('.SH EXIT STATUS' in man and all(re.search(r'^\.TP\n%d\n' % s, man, re.M)
                                             for s in range(4)),
            'spevirt.1 documents exit statuses 0 to 3')


def check_help(t, tool):
    """Every way to ask for help gives the same text; --version gives the version."""
    general = run(tool, ['--help'])
    t.check(general[0] == 0 and general[1].startswith('Usage: spevirt [COMMAND]'),
            'spevirt --help', general)
    for args in (['-h'], ['help']):
        t.equal(run(tool, args), general, 'spevirt %s is spevirt --help' % ' '.join(args))
    for cmd in COMMANDS:
        want = run(tool, ['help', cmd])
        t.check(want[0] == 0 and want[1].startswith('Usage: spevirt ' + cmd) and
                want[2] == '', 'spevirt help ' + cmd, want)
        for flag in ('--help', '-h'):
            t.equal(run(tool, [cmd, flag]), want, 'spevirt %s %s is spevirt help %s' %
                    (cmd, flag, cmd))
    t.equal(run(tool, ['--json', '--help']), run(tool, ['help', 'view']),
            'help wins over the other options')
    t.equal(run(tool, ['--version']), (0, 'spevirt 0.5.0\n', ''), 'spevirt --version')


def is_register_map(node, parent):
    """Register names as member names: a REGISTER_MAPS object whose keys end in _ELn."""
    return parent in REGISTER_MAPS and all(re.search(r'_EL[0-3]$', k) for k in node)


def keys(node, parent=None):
    if isinstance(node, dict):
        for k, v in node.items():
            if not is_register_map(node, parent):
                yield k
            yield from keys(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from keys(v, parent)


def check_json_doc(t, tool, root):
    with open(os.path.join(root, 'docs', 'cli-json.md')) as f:
        md = f.read()
    docs = [run_json(tool, args)[1] for args in (
        ['view'], ['view', '--host', 'armv9.5'], ['view', '--host', 'armv9.5', '--best'],
        ['decode', 'PMBIDR_EL1', '0x100000000'], ['presets'],
        ['pool', os.path.join(root, 'data', 'fleet-example.json')], ['pool', 'armv8.2', 'armv8.9'],
        ['migrate', '--from', 'armv8.7', '--to', 'armv8.7'],
        ['migrate', '--from', 'armv9.5', '--to', 'armv8.7'],
        ['audit', '--hypervisor', 'xen'], ['audit', '--hypervisor', 'kvm', '--host', 'armv8.2'],
        ['audit', '--list'], ['guests'], ['view', '--guest', 'linux-6.18'],
        ['check', '--guest', 'freebsd', '--max-buffer-size', '4M'],
        ['pool', 'armv8.7', 'armv8.9', '--guest', 'linux-6.1'],
        ['migrate', '--from', 'armv8.7', '--to', 'armv8.7', '--guest', 'linux-den0154'],
        ['audit', '--hypervisor', 'kvm', '--guest', 'freebsd', '--firmware-spe', 'yes'],
        ['fleet', os.path.join(root, 'data', 'fleet-example.json')],
        ['nested', '--host', 'armv8.7', '--pmsver', 'v1p2', '--l1-mdcr-el2', '0'],
        ['audit', '--mdcr-el2', '0', '--as-l1', 'v1p2'])]
    names = set()
    for doc in docs:
        names.update(keys(doc))
    for name in sorted(names):
        t.check('`%s`' % name in md, 'cli-json.md documents `%s`' % name)
    t.check(all(d['schema_version'] == 2 for d in docs) and '"schema_version": 2' in md,
            'cli-json.md documents schema_version 2')


CLASSES = ['BROKEN', 'ISOLATION', 'LEAK', 'INCONSISTENT', 'REDUNDANT']


def check_hypervisors_doc(t, tool, root):
    with open(os.path.join(root, 'docs', 'hypervisors.md')) as f:
        md = f.read()
    rows = [r for r in re.findall(r'^\| ([a-z0-9-]+) \| ([^|]+) \| ([^|]+) \|$', md, re.M)
            if r[0] != 'hypervisor']
    names = [e['name'] for e in run_json(tool, ['audit', '--list'])[1]['hypervisors']]
    t.equal(sorted(r[0] for r in rows), sorted(names),
            'hypervisors.md summarizes every catalogue entry')
    for name, *cells in rows:
        for host, cell in zip(('armv8.2', 'armv8.7'), cells):
            doc = run_json(tool, ['audit', '--hypervisor', name, '--host', host])[1]
            found = [f['class'] for f in doc['findings']]
            want = ', '.join('%s %d' % (c, found.count(c)) for c in CLASSES if c in found)
            t.equal(cell.strip(), want or 'none',
                    'hypervisors.md: %s on %s' % (name, host))


def main():
    tool, root = sys.argv[1], sys.argv[2]
    t = Tap()
    check_help(t, tool)
    check_man(t, tool, man_text(root))
    check_json_doc(t, tool, root)
    check_hypervisors_doc(t, tool, root)
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
