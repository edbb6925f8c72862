#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""The kernel module's host file (linux/spevirt_hostfile.c, README "Getting a
host's values") is one the tool reads: the text the module writes for a
machine whose CPUs have two different SPUs, built in user space with the
register reads stubbed (test-hostfile --print), is valid JSON with one host
per SPU, each named with its CPU list, and 'spevirt pool' takes it as it is;
'spevirt view' and 'spevirt check' take one of its hosts with --host FILE,
options replacing its registers.  A host name's control characters reach the
terminal escaped.  The JSON Lines form (hosts.jsonl, test-hostfile
--print-lines) of two machines put end to end is an inventory 'spevirt
fleet' reads.

usage: test_hostfile.py SPEVIRT TEST_HOSTFILE
"""
import json
import os
import subprocess
import sys
import tempfile

from clitest import Tap, run, run_json


def main():
    tool, stub = sys.argv[1], sys.argv[2]
    t = Tap()
    text = subprocess.run([stub, '--print'], capture_output=True, text=True, check=True).stdout
    doc = json.loads(text)
    t.equal([h['name'] for h in doc], ['stub-node cpus 0-3', 'stub-node cpus 4-7'],
            'one host per SPU, named with its CPU list')
    t.equal(doc[1]['registers']['PMSIDR_EL1'], '0x0000000001026557',
            'the second host has the second SPU\'s PMSIDR_EL1, all 16 digits')
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        f.write(text)
    code, pool, err = run_json(tool, ['pool', f.name])
    os.unlink(f.name)
    t.equal(code, 0, 'spevirt pool reads the module\'s host file and gives a pool ' + err)
    t.equal([h['host']['name'] for h in pool['hosts']] if pool else None,
            ['stub-node cpus 0-3', 'stub-node cpus 4-7'], 'the pool names both hosts')
    t.equal(pool['config']['pmsver_name'] if pool else None, 'V1P2',
            'the CPUs with V1P2 limit the pool')
    check_view_host_file(t, tool, doc)
    check_control_characters(t, tool, doc)
    check_lines(t, tool, stub)
    return t.done()


def check_lines(t, tool, stub):
    """hosts.jsonl of two machines, put end to end, is an inventory fleet reads."""
    text = subprocess.run([stub, '--print-lines'], capture_output=True, text=True,
                          check=True).stdout
    t.equal([json.loads(line)['name'] for line in text.splitlines()],
            ['stub-node cpus 0-3', 'stub-node cpus 4-7'], 'hosts.jsonl: one host per line')
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False) as f:
        f.write(text + text)
    code, doc, err = run_json(tool, ['fleet', f.name])
    os.unlink(f.name)
    t.equal(sorted(c['count'] for c in doc['classes']) if doc else None, [2, 2],
            'fleet reads two machines\' hosts.jsonl: two classes of two hosts ' + err)


def write_temp(doc):
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        json.dump(doc, f)
    return f.name


def check_view_host_file(t, tool, doc):
    """--host FILE: the file's one host, with --pmbidr and --el3-disabled on top."""
    both = write_temp(doc)
    code, _, err = run(tool, ['view', '--host', both])
    t.check(code == 2 and err.startswith("spevirt: --host '%s': the file holds 2 hosts" % both),
            'view --host takes a file with one host, and says how many it holds', err)
    one = write_temp(doc[1])
    code, view, err = run_json(tool, ['view', '--host', one, '--pmbidr', '0x0000040000000020',
                                      '--max-buffer-size', '4M', '--el3-disabled', 'pmbmar'])
    host = view['host'] if view else {}
    t.equal((code, host.get('name'), host.get('preset'), host.get('file')),
            (0, 'stub-node cpus 4-7', None, one), 'view --host FILE names the file\'s host ' + err)
    regs = dict(doc[1]['registers'], PMBIDR_EL1='0x0000040000000020')
    t.equal(host.get('registers'), regs,
            'the view\'s host is the file\'s, with the register given by option replaced')
    t.equal(host.get('el3_disabled'), ['pmbmar'], '--el3-disabled adds to the file\'s EL3 bits')
    code, out, err = run(tool, ['check', '--host', one])
    t.check(code == 0 and out.startswith('SPE: yes, V1P3,'),
            'check --host FILE gives the verdict for the file\'s host', out, err)
    code, out, err = run(tool, ['view', '--host', one])
    t.check(code == 0 and out.startswith("Host: stub-node cpus 4-7, from the host file '%s'\n"
                                         % one), 'the text names the host and its file', out)
    os.unlink(both)
    os.unlink(one)


def check_control_characters(t, tool, doc):
    """A name with control characters reaches the terminal escaped, as \\xNN."""
    doc[0]['name'] = 'evil\x1b[2J\x07\x7f'
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        json.dump(doc, f)
    code, out, err = run(tool, ['pool', f.name])
    os.unlink(f.name)
    t.check(code == 0 and not any(c in out + err for c in '\x1b\x07\x7f'),
            'no control character of a host name reaches the terminal', repr(out))
    t.check('evil\\x1b[2J\\x07\\x7f' in out, 'the name is shown with \\xNN escapes')


if __name__ == '__main__':
    sys.exit(main())
