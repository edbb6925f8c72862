#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""The guest driver verdicts (--guest) follow the drivers' rules of
docs/guests.md, written out again here from that page, not from the tool:

  - every preset x profile x driver x {no limit, a 4 MiB limit, no SPE}:
    view's, check's and pool's guest object equals what the rules give for
    the values the guest reads (PMSVer, PMSIDR_EL1, PMBIDR_EL1, the limit,
    whether it is advertised, leak FILTER_BITS);
  - hostile values the audit takes (MaxSize, Align, P): each driver refuses
    exactly what its rules refuse, in its order, and the audit reports it;
  - the armv8.7 best view: linux-6.1 probes with 64-byte records, a 1024
    minimum interval and the alignment PMBIDR_EL1.Align gives;
  - with a 4 MiB limit every released Linux driver is fatal-above-limit;
  - a guest without SPE needs no SPE interrupt; describing one to FreeBSD
    is an audit finding;
  - guests --json lists every driver, and an unknown name gets a
    did-you-mean and exit status 2 in every command that takes --guest;
  - --best with a limit and --allow pinned-memory takes the higher offer,
    and on a tie the limit unless the --guest driver cannot see it.

usage: test_guests.py SPEVIRT
"""
import sys

from clitest import Tap, run, run_json

DRIVERS = ['linux-6.1', 'linux-6.18', 'linux-fds', 'linux-den0154', 'freebsd']
RELEASED_LINUX = ['linux-6.1', 'linux-6.18', 'linux-fds']
PRESETS = ['armv8.2', 'armv8.7', 'armv8.9', 'armv9.5']
PROFILES = ['default', 'kvm-rfc-v6']

# docs/guests.md, per driver: what it knows and does.
STABLE = {'features': True, 'v1p2': True, 'probe_pmsevfr': True, 'floor_256': True}
RULES = {
    'linux-6.1': {'linux': True, 'features': True},
    'linux-6.18': dict(STABLE, linux=True),
    'linux-fds': dict(STABLE, linux=True, fds=True),
    'linux-den0154': dict(STABLE, linux=True, maxbuffsize=True),
    'freebsd': {'half_buffers': True},
}
# The Interval table both drivers use; other values are taken as 4096.
INTERVAL = {0: 256, 2: 512, 3: 768, 4: 1024, 5: 1536, 6: 2048, 7: 3072, 8: 4096}
# PMSIDR_EL1 feature bits, with the rule that knows each (None: every Linux).
FEATURES = [('FE', 0, None), ('FT', 1, None), ('FL', 2, None), ('ArchInst', 3, None),
            ('LDS', 4, None), ('ERnd', 5, None), ('FnE', 6, 'v1p2'), ('discard', None, 'v1p2'),
            ('EFT', 26, 'v1p2'), ('FDS', 7, 'fds')]


def field(v, lsb, width):
    return (v >> lsb) & ((1 << width) - 1)


def refused(name, why, firmware):
    return {'probes': False, 'refusal': why, 'features': [], 'min_interval': None,
            'period_floor': None, 'max_record_size': None, 'align': None,
            'counter_size': None, 'event_filter': None, 'buffer_limit': 'none',
            'largest_buffer': None, 'firmware': firmware, 'needs': [], 'name': name,
            'proposed': name == 'linux-den0154'}


def expect(name, pmsver, pmsidr, pmbidr, limit, advertised, filter_leak):
    """The verdict docs/guests.md gives for the values the guest reads."""
    r = RULES[name]
    linux = r.get('linux', False)
    if not pmsver:
        return refused(name, 'unsupported ID_AA64DFR0_EL1.PMSVer [0]' if linux else
                       'not attached: without an SPE interrupt in the tables there is no '
                       'device', 'none' if linux else 'must-not-describe')
    if field(pmbidr, 4, 1):
        return refused(name, 'profiling buffer owned by higher exception level' if linux else
                       'Profiling Buffer is owned by a higher Exception level', 'spe-ppi')
    align = 1 << field(pmbidr, 0, 4)
    if align > 2048:
        return refused(name, 'unsupported PMBIDR.Align' if linux else
                       'Invalid PMBIDR.Align value', 'spe-ppi')
    v = refused(name, None, 'spe-ppi')
    v['min_interval'] = INTERVAL.get(field(pmsidr, 8, 4), 4096)
    v['period_floor'] = 256 if r.get('floor_256') else v['min_interval']
    if r.get('features'):
        record = 1 << field(pmsidr, 12, 4)
        if record < 16 or record > 2048:
            return refused(name, 'unsupported PMSIDR_EL1.MaxSize', 'spe-ppi')
        v['features'] = [f for f, bit, need in FEATURES
                         if (need is None or r.get(need)) and
                         (pmsver >= 3 if bit is None else field(pmsidr, bit, 1))]
        v['max_record_size'] = record
        v['counter_size'] = 16 if field(pmsidr, 16, 4) == 3 else 12
    v.update(probes=True, align=align)
    if limit:
        v['buffer_limit'] = ('refused-at-setup' if r.get('maxbuffsize') and advertised else
                             'fatal-above-limit')
        v['largest_buffer'] = 2 * limit if r.get('half_buffers') else limit
    v['event_filter'] = ('probe-host' if r.get('probe_pmsevfr') and filter_leak else
                         'probe' if r.get('probe_pmsevfr') else
                         'table' if linux else 'not-read')
    v['needs'] = ['CSV3', 'E0PD'] if linux else []
    return v


def summarize(g):
    """The tool's object, with its sentences reduced to what the rules decide."""
    g = dict(g)
    text = g.pop('firmware_text')
    ef = g['event_filter']
    if ef is not None:
        g['event_filter'] = ('probe-host' if ef.startswith('probed') and "host's" in ef else
                             'probe' if ef.startswith('probed') else
                             'table' if ef.startswith('from its table') else
                             'not-read' if ef.startswith('not read') else ef)
    g['needs'] = [k for n in g['needs'] for k in ('CSV3', 'E0PD') if n.find(k) >= 0]
    return g, text


def view_inputs(view, limit):
    pmsver = int(view['guest']['ID_AA64DFR0_EL1']['value'], 16) >> 32 & 0xf
    pmsidr = int(view['guest']['PMSIDR_EL1']['value'], 16)
    pmbidr = int(view['guest']['PMBIDR_EL1']['value'], 16)
    leaks = [leak['name'] for leak in view['leaks']]
    return (pmsver, pmsidr, pmbidr, view['buffer']['max_buffer_size'],
            view['buffer']['limit_advertised'], 'FILTER_BITS' in leaks)


SCENARIOS = [[], ['--max-buffer-size', '4M'], ['--pmsver', 'none']]


def scenario_args(host, profile, extra):
    args = ['--host', host, '--profile', profile] + extra
    # A limit on a host without FEAT_FGT needs the unadvertised fallback (default profile).
    if extra[:1] == ['--max-buffer-size'] and host == 'armv8.2' and profile == 'default':
        args += ['--allow', 'unadvertised-limit']
    return args


def check_table(t, tool):
    n = bad = 0
    for host in PRESETS:
        for profile in PROFILES:
            for extra in SCENARIOS:
                args = scenario_args(host, profile, extra)
                best = [] if '--pmsver' in extra else ['--best']
                for name in DRIVERS:
                    code, doc, err = run_json(tool, ['view'] + args + best + ['--guest', name])
                    if code != 0 or not doc or doc['view'] is None:
                        continue
                    got, _ = summarize(doc['guest'])
                    want = expect(name, *view_inputs(doc['view'], 0))
                    n += 1
                    if got != want:
                        bad += 1
                        t.check(False, 'view %s --guest %s' % (' '.join(args), name),
                                'got  %r' % got, 'want %r' % want)
    t.check(n >= 100 and not bad, 'view --guest: %d verdicts of %d follow the drivers\' rules '
            '(presets x profiles x drivers x limits)' % (n - bad, n))


def check_commands_agree(t, tool):
    """check, pool and migrate give the verdict view gives, for every driver."""
    for name in DRIVERS:
        for extra in SCENARIOS[:2]:
            args = ['--host', 'armv8.7'] + extra
            _, view, _ = run_json(tool, ['view', '--best', '--guest', name] + args)
            _, check, _ = run_json(tool, ['check', '--guest', name] + args)
            _, pool, _ = run_json(tool, ['pool', 'armv8.7', '--guest', name] + extra)
            _, move, _ = run_json(tool, ['migrate', '--from', 'armv8.7', '--to', 'armv8.7',
                                         '--guest', name] + extra)
            want = view['guest']
            t.check(check['guest'] == want and pool['hosts'][0]['guest'] == want and
                    move['guest'] == want and check['spe'] == want['probes'],
                    'check, pool and migrate --guest %s %s: the verdict of view --best' %
                    (name, ' '.join(extra)))


def check_hostile_values(t, tool):
    """The audit takes any values: each driver refuses what its rules refuse."""
    base = ['audit', '--hypervisor', 'kvm', '--guest-dfr0', '0x0000000310305709']
    cases = [('0x0000000000024457', '0x0000000000000020'),   # MaxSize 4: 16 bytes
             ('0x0000000000023457', '0x0000000000000020'),   # MaxSize 3: 8 bytes
             ('0x000000000002c457', '0x0000000000000020'),   # MaxSize 12: reserved
             ('0x0000000000026957', '0x0000000000000020'),   # Interval 9: reserved
             ('0x0000000000036457', '0x000000000000002b'),   # CountSize 3, Align 11
             ('0x0000000000026457', '0x000000000000002c'),   # Align 12
             ('0x0000000000026457', '0x0000000000000030')]   # P
    for pmsidr, pmbidr in cases:
        for name in DRIVERS:
            code, doc, _ = run_json(tool, base + ['--guest-pmsidr', pmsidr, '--guest-pmbidr',
                                                  pmbidr, '--guest', name])
            got, _ = summarize(doc['guest_driver'])
            want = expect(name, 3, int(pmsidr, 16), int(pmbidr, 16), 0, True, False)
            broken = [f for f in doc['findings'] if f['field'] == 'guest driver']
            t.check(got == want and (len(broken) == 1) == (not want['probes']) and
                    code == (1 if doc['findings'] else 0),
                    'audit --guest %s, PMSIDR_EL1 %s, PMBIDR_EL1 %s: %s' %
                    (name, pmsidr, pmbidr, want['refusal'] or 'probes'), got, want)


def check_must_show(t, tool):
    _, doc, _ = run_json(tool, ['view', '--host', 'armv8.7', '--best', '--guest', 'linux-6.1'])
    g, align = doc['guest'], 1 << (int(doc['view']['guest']['PMBIDR_EL1']['value'], 16) & 0xf)
    t.check(g['probes'] and g['max_record_size'] == 64 and g['min_interval'] == 1024 and
            g['align'] == align, 'armv8.7 best view: linux-6.1 probes with 64-byte records, '
            'a 1024 minimum interval and the alignment PMBIDR_EL1.Align gives', g)
    for name in RELEASED_LINUX:
        _, doc, _ = run_json(tool, ['check', '--max-buffer-size', '4M', '--guest', name])
        t.check(doc['guest']['buffer_limit'] == 'fatal-above-limit' and
                doc['guest']['largest_buffer'] == 4 << 20 and doc['spe'] and
                '%s ends any session whose trace buffer exceeds 4MiB' % name in doc['verdict'],
                'with a 4 MiB limit, %s is fatal above the limit, and check says so' % name)
    for name in DRIVERS:
        code, doc, _ = run_json(tool, ['check', '--pmsver', 'none', '--guest', name])
        want = 'none' if name != 'freebsd' else 'must-not-describe'
        t.check(code == 1 and doc['guest']['firmware'] == want,
                'a guest without SPE: %s needs %s SPE interrupt' % (name, want))
    code, doc, _ = run_json(tool, ['audit', '--hypervisor', 'kvm', '--guest', 'freebsd',
                                   '--firmware-spe', 'yes'])
    t.check(code == 1 and any(f['field'] == 'firmware tables' and f['class'] == 'BROKEN'
                              for f in doc['findings']),
            'audit: firmware tables describing SPE to FreeBSD with PMSVer 0 is BROKEN')
    code, doc, _ = run_json(tool, ['audit', '--hypervisor', 'kvm', '--guest', 'linux-6.1',
                                   '--firmware-spe', 'yes'])
    t.check(code == 0 and not doc['findings'],
            'audit: the same tables are harmless to Linux, which checks PMSVer first')


def check_names(t, tool):
    _, doc, _ = run_json(tool, ['guests'])
    t.equal([g['name'] for g in doc['guests']], DRIVERS, 'guests --json lists every driver')
    t.equal([g['name'] for g in doc['guests'] if g['proposed']], ['linux-den0154'],
            'only the DEN0154 patch is marked proposed')
    for cmd in (['view'], ['check'], ['pool', 'armv8.7'],
                ['migrate', '--from', 'armv8.7', '--to', 'armv8.7'],
                ['audit', '--hypervisor', 'kvm']):
        code, out, err = run(tool, cmd + ['--guest', 'linux-6.2'])
        t.check(code == 2 and out == '' and
                "--guest: unknown guest driver 'linux-6.2'; did you mean linux-6.1?" in err,
                '%s --guest linux-6.2: a did-you-mean, exit 2' % cmd[0], err)
    code, _, err = run(tool, ['audit', '--hypervisor', 'kvm', '--firmware-spe', 'yes'])
    t.check(code == 2 and 'give --guest DRIVER too' in err,
            'audit --firmware-spe without --guest is a usage error', err)


def check_buffer_choice(t, tool):
    both = ['--max-buffer-size', '4M', '--allow', 'pinned-memory']
    cases = [([], 'limit', 4 << 20), (['--guest', 'linux-6.1'], 'pinned-memory', 0),
             (['--guest', 'freebsd'], 'pinned-memory', 0),
             (['--guest', 'linux-den0154'], 'limit', 4 << 20),
             (['--host', 'armv8.2'], 'pinned-memory', 0),
             (['--host', 'armv8.2', '--guest', 'linux-den0154'], 'pinned-memory', 0)]
    for extra, choice, limit in cases:
        for cmd in (['view', '--best'], ['check']):
            code, doc, err = run_json(tool, cmd + both + extra)
            cfg = doc['config'] if doc else {}
            t.check(code == 0 and cfg.get('buffer_choice') == choice and
                    cfg.get('max_buffer_size') == limit and
                    ('pinned-memory' in cfg.get('flags', [])) == (choice != 'limit'),
                    '%s %s: %s' % (' '.join(cmd), ' '.join(both + extra), choice), cfg, err)
    _, doc, _ = run_json(tool, ['view', '--best', '--max-buffer-size', '4M'])
    t.check(doc['config']['buffer_choice'] is None,
            'without --allow pinned-memory there is no choice to report')


def main():
    tool = sys.argv[1]
    t = Tap()
    check_names(t, tool)
    check_table(t, tool)
    check_commands_agree(t, tool)
    check_hostile_values(t, tool)
    check_must_show(t, tool)
    check_buffer_choice(t, tool)
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
