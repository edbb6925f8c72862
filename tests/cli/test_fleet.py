#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""'spevirt pool' and 'spevirt migrate' (docs/policy.md section 12): every host
of a pool presents the pool's values; a pool of one host is that host's best
view; a guest can move from A to B exactly when the pool {A, B} presents A's
values; host files feed the commands, and bad ones are usage errors naming
the file, the path inside it and what was expected.

usage: test_fleet.py SPEVIRT SOURCE_ROOT
"""
import itertools
import json
import os
import re
import sys
import tempfile

from clitest import Tap, run, run_json

USAGE, REFUSED, OK = 2, 1, 0
PRESETS = ['armv8.2', 'armv8.7', 'armv8.9', 'armv9.5']
LEVELS = {'v1': 1, 'v1p1': 2, 'v1p2': 3}


def guest_regs(view):
    return {k: view['guest'][k]['value'] for k in ('PMSIDR_EL1', 'PMBIDR_EL1')}


def host_pmsver(host):
    return min((int(host['registers']['ID_AA64DFR0_EL1'], 16) >> 32) & 0xf, 6)


def check_pool_doc(t, label, doc):
    """Every host presents the pool's values; the level is no host's above."""
    if not t.check(doc is not None and doc['status'] == 'OK', label + ': a pool document',
                   repr(doc)[:300]):
        return
    for entry in doc['hosts']:
        name = entry['host']['name']
        t.equal(guest_regs(entry['view']), doc['guest'],
                '%s: %s presents the pool\'s PMSIDR_EL1 and PMBIDR_EL1' % (label, name))
        t.check(doc['config']['pmsver'] <= host_pmsver(entry['host']),
                '%s: the pool\'s PMSVer is not above %s\'s' % (label, name))


def check_example_pool(t, tool, example):
    code, doc, err = run_json(tool, ['pool', example])
    t.equal(code, OK, 'pool of the example fleet exits 0 ' + err)
    check_pool_doc(t, 'example fleet', doc)
    t.equal(doc['config']['pmsver_name'], 'V1P2', 'the example fleet gets V1P2, gen-a\'s')
    t.equal(doc['limited_by']['name'], 'gen-a', 'gen-a limits the example fleet')
    t.check('PMSVer' in doc['limited_by']['reason'], 'the limit\'s reason names PMSVer')
    # The pool's JSON output is a host file for the next command.
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        json.dump(doc, f)
    code, again, _ = run_json(tool, ['pool', f.name])
    os.unlink(f.name)
    t.check(code == OK and again['guest'] == doc['guest'],
            'pool --json output read back gives the same pool')
    code, out, _ = run(tool, ['pool', example])
    t.check(code == OK and 'Limited by gen-a' in out and 'Every host presents' in out,
            'pool text names the limiting host and the common values', out[:400])


def check_pool_of_one(t, tool):
    for p in PRESETS:
        code, pool, _ = run_json(tool, ['pool', p])
        _, view, _ = run_json(tool, ['view', '--host', p, '--best'])
        if pool['status'] != 'OK' or view['status'] != 'OK':
            t.check(False, 'pool of %s alone: both succeed' % p)
            continue
        t.equal(pool['config']['pmsver'], view['config']['pmsver'],
                'pool of %s alone: the level of view --best' % p)
        t.equal(pool['hosts'][0]['view'], view['view'],
                'pool of %s alone: the view of view --best' % p)
        t.equal(code, OK if view['config']['pmsver'] else REFUSED,
                'pool of %s alone: exit status as check' % p)


def check_presets_pool(t, tool):
    # The presets differ in record format: the pool gives no SPE, and says why.
    code, doc, err = run_json(tool, ['pool'] + PRESETS)
    t.equal(code, REFUSED, 'a pool of every preset exits 1 (no SPE on every host)')
    t.equal(doc['config']['pmsver'], 0, 'a pool of every preset gives no SPE')
    t.check(doc['limited_by'] is not None and doc['limited_by']['reason'],
            'a pool without SPE names the host that refused and why', repr(doc)[:300])
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        f.write(run(tool, ['presets', '--json'])[1])
    code2, doc2, _ = run_json(tool, ['pool', f.name])
    os.unlink(f.name)
    t.check(code2 == code and doc2['limited_by'] == doc['limited_by'],
            'presets --json is a host file of the four presets')


def migrate_json(tool, src, dst, extra=()):
    return run_json(tool, ['migrate', '--from', src, '--to', dst] + list(extra))


def check_migrate_leak_changes(t, tool):
    """A move reports the leaks it adds and those it closes, in text and JSON."""
    code, doc, _ = migrate_json(tool, 'armv8.2', 'armv8.7', ['--pmsver', 'none'])
    t.check(code == 0 and doc['gone_leaks'] == ['PMBIDR_READ'] and
            doc['new_leaks'] == ['PMCR_FZS'],
            'armv8.2 to armv8.7 without SPE: PMBIDR_READ closed, PMCR_FZS added',
            doc and (doc['new_leaks'], doc['gone_leaks']))
    code, out, _ = run(tool, ['migrate', '--from', 'armv8.2', '--to', 'armv8.7', '--pmsver',
                              'none'])
    t.check('Leaks the move adds on armv8.7\n  PMCR_FZS' in out and
            'Leaks the move closes (the guest observed them on armv8.2)\n  PMBIDR_READ' in out,
            'the text lists the leaks added and closed', out[-400:])


def check_migrate(t, tool):
    for p in PRESETS[1:]:
        code, doc, _ = migrate_json(tool, p, p)
        t.check(code == OK and doc['possible'] and not doc['issues'],
                'migrate %s to itself is possible' % p)
        t.equal(doc['destination_view'], doc['source_view'],
                'migrate %s to itself: the destination view is the source view' % p)
    code, doc, _ = migrate_json(tool, 'armv9.5', 'armv8.7')
    fields = [i['field'] for i in doc['issues']]
    t.equal(code, REFUSED, 'migrate armv9.5 to armv8.7 exits 1')
    t.check('ID_AA64DFR0_EL1.PMSVer' in fields and 'PMSIDR_EL1.CountSize' in fields and
            'ID_AA64DFR2_EL1.SPE_nVM' in fields,
            'every field is listed, not only the first', fields)
    pmsver = [i for i in doc['issues'] if i['field'] == 'ID_AA64DFR0_EL1.PMSVer'][0]
    t.check(pmsver['guest'] == '0x5' and pmsver['destination'] == '0x3',
            'an issue gives the guest\'s and the destination\'s values', pmsver)
    code, out, _ = run(tool, ['migrate', '--from', 'armv9.5', '--to', 'armv8.7'])
    t.check(code == REFUSED and 'not possible' in out and 'PMSIDR_EL1.CountSize' in out,
            'migrate text says not possible and lists the fields', out[:300])
    # A view's JSON output is a host file.
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        f.write(run(tool, ['view', '--host', 'armv8.9', '--json'])[1])
    code, doc, err = migrate_json(tool, f.name, 'armv8.9')
    os.unlink(f.name)
    t.check(code == OK and doc['from']['name'] == 'armv8.9',
            'view --json output is a host file for --from', err)


def check_migrate_agrees_with_pool(t, tool, example):
    """A to B exactly when the pool {A, B} presents A's values, at each level."""
    with open(example) as f:
        hosts = json.load(f)['hosts']
    tmp = tempfile.mkdtemp()
    paths = {}
    for h in hosts:
        paths[h['name']] = os.path.join(tmp, h['name'] + '.json')
        with open(paths[h['name']], 'w') as f:
            json.dump(h, f)
    for a, b in itertools.permutations(sorted(paths), 2):
        for level in sorted(LEVELS):
            code, mig, _ = migrate_json(tool, paths[a], paths[b], ['--pmsver', level])
            _, pool, _ = run_json(tool, ['pool', '--pmsver', level, paths[a], paths[b]])
            if mig['source_view'] is None:
                continue
            same = (pool['status'] == 'OK' and pool['config']['pmsver'] == LEVELS[level] and
                    pool['guest'] == guest_regs(mig['source_view']))
            t.equal(mig['possible'], same,
                    'migrate %s to %s at %s agrees with the pool of both' % (a, b, level))
    for p in paths.values():
        os.unlink(p)
    os.rmdir(tmp)


HOST = {'ID_AA64DFR0_EL1': '0x0000000310305709', 'ID_AA64DFR2_EL1': '0x0',
        'ID_AA64MMFR0_EL1': '0x1100000000000000', 'PMSIDR_EL1': '0x26457',
        'PMBIDR_EL1': '0x220'}

# (file contents, regular expression of the message after "spevirt: 'FILE': ")
BAD_FILES = [
    ('[', r"line 1, column 1: not valid JSON: "),
    ('"host"', r"at \$: expected a host object or a list of them, found a string"),
    ('{}', r"at \$: expected a host object \(with \"registers\"\), a list of them"),
    ('[]', r"at \$: the list holds no host"),
    ('{"hosts": {}}', r"at \$\.hosts: expected an array of host objects, found an object"),
    ('[5]', r"at \$\[0\]: expected a host object, found a number"),
    ('{"registers": []}', r"at \$\.registers: expected an object, found an array"),
    ('{"name": "x"}', r"at \$: expected a host object \(with \"registers\"\)"),
    ('[{"name": "x"}]', r"at \$\[0\]: a host object needs \"registers\""),
    ('{"registers": %s, "cores": 4}' % json.dumps(HOST),
     r"at \$\.cores: 'cores' is not a member of a host object"),
    ('{"registers": %s, "name": 7}' % json.dumps(HOST),
     r"at \$\.name: expected a string, found a number"),
    ('{"registers": {"PMSIDR_EL1": 26457}}',
     r"at \$\.registers\.PMSIDR_EL1: expected a string such as \"0x0000000000026457\", "
     r"found a number"),
    ('{"registers": {"PMSIDR": "0x0"}}',
     r"at \$\.registers\.PMSIDR: 'PMSIDR' is not a host register"),
    ('{"registers": {"PMSIDR_EL1": "0x1_0000_0000_0000_0000"}}',
     r"at \$\.registers\.PMSIDR_EL1: the value: '0x1_0000_0000_0000_0000' does not fit in "
     r"64 bits"),
    ('{"registers": {"PMSIDR_EL1": "26457"}}',
     r"at \$\.registers\.PMSIDR_EL1: the value: '26457' has no base"),
    ('{"registers": {"PMSIDR_EL1": "0x0"}}',
     r"at \$\.registers: ID_AA64DFR0_EL1 is missing: a host gives all five registers"),
    ('{"registers": %s, "el3_disabled": ["fgt3"]}' % json.dumps(HOST),
     r"at \$\.el3_disabled\[0\]: the name: 'fgt3' is not an EL3 control"),
    ('{"registers": %s, "registers": %s}' % (json.dumps(HOST), json.dumps(HOST)),
     r"line 1, column \d+: not valid JSON: duplicate object key"),
    ('[%s]' % ', '.join(['{"registers": %s}' % json.dumps(HOST)] * 17),
     r"at \$\[16\]: more than 16 hosts: a pool holds at most 16"),
]


def check_bad_files(t, tool):
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, 'host.json')
    for text, pattern in BAD_FILES:
        with open(path, 'w') as f:
            f.write(text)
        for args, option in ((['pool', path], ''),
                             (['migrate', '--from', path, '--to', 'armv8.7'], '--from: ')):
            code, out, err = run(tool, args)
            t.check(code == USAGE and out == '' and err.count('\n') == 1 and
                    re.match(re.escape("spevirt: %s'%s': " % (option, path)) + pattern, err),
                    '%s of %r: usage error naming the file and the path' % (args[0], text[:40]),
                    'exit %d' % code, 'stderr: %r' % err)
        code, doc, err = run_json(tool, ['pool', path])
        t.check(code == USAGE and doc and doc['status'] == 'USAGE' and
                'spevirt: ' + doc['error'] + '\n' == err,
                'pool --json of %r: a usage-error document' % text[:40])
    os.unlink(path)
    os.rmdir(tmp)
    cases = [
        (['pool'], r"'spevirt pool' needs at least one HOST"),
        (['pool', os.path.join(tmp, 'missing.json')],
         r"'.*missing.json' is neither a preset \(armv8.2, armv8.7, armv8.9, armv9.5, none\) "
         r"nor a readable host file: No such file or directory"),
        (['pool', tmp], r"'.*' (cannot be read|is neither a preset)"),
        (['pool'] + ['armv8.7'] * 17, r"unexpected argument 'armv8.7'"),
        (['migrate', '--to', 'armv8.7'], r"'spevirt migrate' needs --from HOST and --to HOST"),
        (['migrate', '--from', 'armv8.7', '--to', 'armv8.7', '--nvm'],
         r"--nvm needs --pmsver"),
        (['migrate', '--from', 'armv8.7', '--to', 'armv8.7', '--host', 'x'],
         r"unknown option '--host' for 'spevirt migrate'"),
        (['pool', '--profile', 'kvm-rfc-v6', '--allow', 'tpms-fallback', 'armv8.7'],
         r"--allow tpms-fallback: the kvm-rfc-v6 profile has no such mode"),
    ]
    for args, pattern in cases:
        code, out, err = run(tool, args)
        t.check(code == USAGE and out == '' and re.match('spevirt: ' + pattern, err),
                'spevirt %r: usage error' % args[:4], 'exit %d' % code, 'stderr: %r' % err)
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        json.dump([{'registers': HOST}, {'registers': HOST}], f)
    code, _, err = run(tool, ['migrate', '--from', f.name, '--to', 'armv8.7'])
    os.unlink(f.name)
    t.check(code == USAGE and 'the file holds 2 hosts; --from takes a file with one' in err,
            'migrate --from a file of two hosts is a usage error', err)


def check_refusals(t, tool):
    code, out, err = run(tool, ['migrate', '--from', 'armv8.7', '--to', 'armv8.7',
                                '--pmsver', 'v1p3'])
    t.check(code == REFUSED and out == '' and
            re.match(r"spevirt: guest PMSVer not possible: on armv8.7: ", err),
            'a guest the source refuses: exit 1, the source named', err)
    code, out, err = run(tool, ['pool', '--max-buffer-size', '3000', 'armv8.7'])
    t.check(code == REFUSED and 'not exactly representable' in err,
            'pool with an inexact limit: exit 1, the nearest sizes', err)


def main():
    tool, root = sys.argv[1], sys.argv[2]
    example = os.path.join(root, 'data', 'fleet-example.json')
    t = Tap()
    check_example_pool(t, tool, example)
    check_pool_of_one(t, tool)
    check_presets_pool(t, tool)
    check_migrate(t, tool)
    check_migrate_leak_changes(t, tool)
    check_migrate_agrees_with_pool(t, tool, example)
    check_bad_files(t, tool)
    check_refusals(t, tool)
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
