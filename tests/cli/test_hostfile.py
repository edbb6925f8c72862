#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""The kernel module's host file (linux/spevirt_hostfile.c, README "Getting a
host's values") is one the tool reads: the text the module writes for a
machine whose CPUs have two different SPUs, built in user space with the
register reads stubbed (test-hostfile --print), is valid JSON with one host
per SPU, each named with its CPU list, and 'spevirt pool' takes it as it is.
A host name's control characters reach the terminal escaped.

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
    check_control_characters(t, tool, doc)
    return t.done()


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
