#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""'spevirt fleet' over an inventory of every preset and synthetic variants
(EL3 inputs, a hardware limit, no SPE), each repeated a different number of
times:

  - every record lands in the class of its registers and EL3 inputs, with
    the exact count; the host-list and view forms read the same;
  - each class's offer is what 'spevirt check' says of its host;
  - each matrix cell is what 'spevirt migrate' says of the two classes;
  - each domain is what 'spevirt pool' of its members gives: the level, the
    presented values; every member gets its own level; no class is left out;
  - records with members only the host-file reader takes (and names it must
    escape), or values spelled otherwise (upper-case digits, no leading
    zeros), land in the same classes as the common ones;
  - truncated, duplicated-key, non-object, empty and oversized lines stop
    the run (exit 2, the line and the JSON path named), or with --keep-going
    are counted (exit 1): records + bad records = lines.

usage: test_inventory.py SPEVIRT
"""
import json
import os
import sys
import tempfile

from clitest import Tap, run, run_json

REGS = ['ID_AA64DFR0_EL1', 'ID_AA64DFR2_EL1', 'ID_AA64MMFR0_EL1', 'PMSIDR_EL1', 'PMBIDR_EL1']


def variants(tool):
    """(host object, repeat count): the presets, then variants of them."""
    _, doc, _ = run_json(tool, ['presets'])
    hosts = [{'registers': p['registers'], 'el3_disabled': []} for p in doc['presets']]
    a87 = doc['presets'][1]['registers']
    hosts.append({'registers': a87, 'el3_disabled': ['fgt']})
    hosts.append({'registers': a87, 'el3_disabled': ['pmsnevfr', 'pmbmar']})
    hosts.append({'registers': dict(a87, PMBIDR_EL1='0x0000040000000220'), 'el3_disabled': []})
    hosts.append({'registers': dict(a87, ID_AA64DFR0_EL1='0x0000000010305709',
                                    PMSIDR_EL1='0x0', PMBIDR_EL1='0x0'), 'el3_disabled': []})
    return [(h, 3 + 2 * i) for i, h in enumerate(hosts)]


def write(lines):
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False) as f:
        f.write(''.join(line + '\n' for line in lines))
    return f.name


def inventory(vs):
    lines = []
    for i, (h, count) in enumerate(vs):
        for k in range(count):
            lines.append(json.dumps(dict(h, name='v%d-%d' % (i, k)), separators=(',', ':')))
    # Interleaved, as a real inventory is.
    return [lines[i] for i in sorted(range(len(lines)), key=lambda i: (i * 7919) % len(lines))]


def key(h):
    return tuple(int(h['registers'][r], 16) for r in REGS) + (tuple(sorted(h['el3_disabled'])),)


def host_file(h):
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        json.dump(h, f)
    return f.name


def check_classes(t, tool, vs, doc):
    want = {key(h): count for h, count in vs}
    got = {key(c['host']): c['count'] for c in doc['classes']}
    t.equal(got, want, 'every record is in the class of its registers and EL3 inputs')
    t.equal(doc['records'], sum(want.values()), 'records: every line')
    t.equal((doc['lines'], doc['bad_records']), (sum(want.values()), 0), 'lines, no bad record')


def check_offers(t, tool, doc):
    for c in doc['classes']:
        f = host_file(c['host'])
        _, check, _ = run_json(tool, ['check', '--host', f])
        os.unlink(f)
        o = c['offer']
        t.check(check['config']['pmsver'] == o['pmsver'] and
                check['config']['spe_nvm'] == o['spe_nvm'] and
                [x['name'] for x in check['view']['leaks']] == o['leaks'],
                'class %d: the offer of spevirt check --host' % c['id'], o, check['config'])


def check_matrix(t, tool, doc):
    classes = doc['classes']
    files = [host_file(c['host']) for c in classes]
    bad = 0
    for i, ci in enumerate(classes):
        for j in range(len(classes)):
            cell = doc['matrix'][i][j]
            args = ['migrate', '--from', files[i], '--to', files[j]]
            if ci['offer']['pmsver']:
                args += ['--pmsver', str(ci['offer']['pmsver'])]
                if ci['offer']['spe_nvm']:
                    args.append('--nvm')
            code, mig, _ = run_json(tool, args)
            field = mig['issues'][0]['field'] if mig and mig['issues'] else None
            if cell != {'possible': code == 0, 'field': None if code == 0 else field}:
                bad += 1
                t.check(False, 'matrix #%d -> #%d' % (i + 1, j + 1), cell, mig and mig['issues'])
    for f in files:
        os.unlink(f)
    t.check(bad == 0, 'each of the %d matrix cells is what spevirt migrate says' %
            len(classes) ** 2)


def check_domains(t, tool, doc):
    classes = {c['id']: c for c in doc['classes']}
    covered = sorted(i for d in doc['domains'] for i in d['classes'])
    with_offer = sorted(i for i, c in classes.items() if c['offer']['status'] == 'OK')
    t.equal(covered, with_offer, 'every class with an offer is in exactly one domain')
    for d in doc['domains']:
        files = [host_file(classes[i]['host']) for i in d['classes']]
        _, pool, _ = run_json(tool, ['pool'] + files)
        for f in files:
            os.unlink(f)
        own = {(classes[i]['offer']['pmsver'], classes[i]['offer']['spe_nvm'])
               for i in d['classes']}
        t.check(pool['config']['pmsver'] == d['pmsver'] and
                pool['config']['spe_nvm'] == d['spe_nvm'] and
                (not d['pmsver'] or pool['guest'] == d['guest']) and
                own == {(d['pmsver'], d['spe_nvm'])},
                'domain %d: spevirt pool of its classes gives its level and values, '
                'every member its own level' % d['id'], d, pool['config'])
    # Claimed the fewest: no two domains of one level could share a pool at it.
    merge = []
    for d in doc['domains']:
        for e in doc['domains']:
            if d['id'] < e['id'] and (d['pmsver'], d['spe_nvm']) == (e['pmsver'], e['spe_nvm']):
                files = [host_file(classes[d['classes'][0]]['host']),
                         host_file(classes[e['classes'][0]]['host'])]
                _, pool, _ = run_json(tool, ['pool'] + files)
                for f in files:
                    os.unlink(f)
                if (pool['config']['pmsver'], pool['config']['spe_nvm']) == \
                        (d['pmsver'], d['spe_nvm']):
                    merge.append((d['id'], e['id']))
    t.check(doc['domains_minimal'] and not merge,
            'the domains are claimed the fewest, and no two of one level could merge', merge)


def check_forms(t, tool, vs, doc):
    hosts = [dict(h, name='x') for h, count in vs for _ in range(count)]
    for form, text in (('a host list', json.dumps(hosts, indent=2)),
                       ('view --json output', run(tool, ['view', '--json'])[1])):
        with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
            f.write(text)
        code, got, err = run_json(tool, ['fleet', f.name])
        os.unlink(f.name)
        if form == 'a host list':
            t.check(code == 0 and sorted(c['count'] for c in got['classes']) ==
                    sorted(c['count'] for c in doc['classes']) and
                    got['lines'] == text.count('\n') + 1,
                    'fleet reads %s whole, with the same classes' % form, err)
        else:
            t.check(code == 0 and got['records'] == 1, 'fleet reads %s' % form, err)
    lines = inventory(vs)
    code, out, err = run(tool, ['fleet', '--json', '-'], stdin='\n'.join(lines) + '\n')
    t.check(code == 0 and json.loads(out)['records'] == len(lines), 'fleet - reads stdin', err)


BAD = [
    ('{"registers": {"ID_AA64DFR0_EL1": "0x0"', r"line 1, column \d+: not valid JSON"),
    ('{"name": "a", "name": "b", "registers": {}}', r"duplicate object key"),
    ('"host"', r"at \$: expected a host object"),
    ('', r"not valid JSON"),
    ('{"registers": {"ID_AA64DFR0_EL1": "0x0", "ID_AA64DFR2_EL1": "0x0", '
     '"ID_AA64MMFR0_EL1": "0x0", "PMSIDR_EL1": "0x0", "PMBIDR_EL1": "0xZ"}}',
     r"at \$\.registers\.PMBIDR_EL1: "),
    ('{"name": "' + 'x' * 70000 + '"}', r"longer than 64 KiB: not a host record"),
]


def check_both_readers(t, tool, vs, doc):
    """Records the fast reader leaves to the host-file reader land in the same classes."""
    lines = []
    for i, line in enumerate(inventory(vs)):
        rec = json.loads(line)
        if i % 2:
            rec['given'] = []
        if i == 0:  # a record the fast reader would take but for its name
            rec['name'] = 'esc\x1b[2J'
        if i % 3 == 0:  # other spellings of the same values
            regs = rec['registers']
            regs['PMSIDR_EL1'] = regs['PMSIDR_EL1'].upper().replace('0X', '0x')
            regs['ID_AA64DFR2_EL1'] = '0x%x' % int(regs['ID_AA64DFR2_EL1'], 16)
        lines.append(json.dumps(rec))
    path = write(lines)
    code, got, err = run_json(tool, ['fleet', path])
    os.unlink(path)
    t.check(code == 0 and {key(c['host']): c['count'] for c in got['classes']} ==
            {key(c['host']): c['count'] for c in doc['classes']},
            'records with members only host files take read into the same classes', err)
    names = [n for c in got['classes'] for n in c['names']]
    t.check('esc\\x1b[2J' in names, 'a name with a control character is escaped', names)


def check_bad_lines(t, tool, vs):
    good = inventory(vs)[:5]
    for text, pattern in BAD:
        path = write(good[:2] + [text] + good[2:])
        code, out, err = run(tool, ['fleet', path])
        t.check(code == 2 and out == '' and err.startswith("spevirt: '%s:3'" % path) and
                __import__('re').search(pattern, err),
                'a bad line (%s...) stops the run: exit 2, line 3 and the fault' % text[:24], err)
        code, doc, err = run_json(tool, ['fleet', '--keep-going', path])
        t.check(code == 1 and doc['bad_records'] == 1 and doc['records'] == 5 and
                doc['lines'] == 6 and doc['errors'][0].startswith("'%s:3'" % path),
                '--keep-going counts it: records + bad records = lines', err)
        os.unlink(path)


def main():
    tool = sys.argv[1]
    t = Tap()
    vs = variants(tool)
    path = write(inventory(vs))
    code, doc, err = run_json(tool, ['fleet', path])
    t.check(code == 0 and doc is not None, 'spevirt fleet --json reads the inventory', err)
    check_classes(t, tool, vs, doc)
    check_offers(t, tool, doc)
    check_matrix(t, tool, doc)
    check_domains(t, tool, doc)
    check_forms(t, tool, vs, doc)
    check_both_readers(t, tool, vs, doc)
    check_bad_lines(t, tool, vs)
    code, out, _ = run(tool, ['fleet', path])
    t.check(code == 0 and out.startswith('Fleet %s: %d records' % (path, doc['records'])),
            'the text summary starts with the totals')
    os.unlink(path)
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
