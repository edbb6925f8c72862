#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""What 'spevirt check' and the best offer answer for the options that bound
or require a level:

  - a bound of none (--pmsver none, 0, NI) is a guest without SPE, in check,
    view --best and pool, never "no bound";
  - --nvm asks for SPE_nVM: check gives the best level with it, or refuses
    as view --nvm does (exit 1, the library's SPE_nVM reason);
  - check --json says "command": "check", a boolean "spe" that agrees with
    the exit status, and the verdict line check prints without --json;
  - check's list of traps names every register trapped to UNDEF;
  - a level may be written v1.2, SPEv1p2 or 0x3 as well as V1P2;
  - each change that would give more is named once, in check and view --best.

usage: test_check.py SPEVIRT
"""
import sys

from clitest import Tap, run, run_json

HOSTS = ('armv8.2', 'armv8.7', 'armv9.5')


def check_none_is_no_spe(t, tool):
    for host in HOSTS:
        for none in ('none', '0', 'NI'):
            code, out, _ = run(tool, ['check', '--host', host, '--pmsver', none])
            t.check(code == 1 and out.startswith('SPE: no'),
                    'check --host %s --pmsver %s: no SPE' % (host, none), out)
            code, doc, _ = run_json(tool, ['view', '--best', '--host', host, '--pmsver', none])
            t.check(code == 0 and doc['config']['pmsver'] == 0,
                    'view --best --host %s --pmsver %s: PMSVer NI' % (host, none))
    code, doc, _ = run_json(tool, ['pool', '--pmsver', 'none', 'armv8.7', 'armv9.5'])
    t.check(code == 1 and doc['status'] == 'OK' and doc['config']['pmsver'] == 0,
            'pool --pmsver none: a pool without SPE (exit 1: the guest gets none)')


def check_nvm_is_honoured(t, tool):
    code, out, err = run(tool, ['check', '--host', 'armv8.7', '--nvm'])
    t.check(code == 1 and err == '' and out.startswith('SPE: no: ') and 'SPE_nVM' in out,
            'check --nvm on a host without FEAT_SPE_nVM is refused, in its verdict line',
            out, err)
    vcode, _, verr = run(tool, ['view', '--host', 'armv8.7', '--nvm'])
    t.equal((code, out), (vcode, verr.replace('spevirt: ', 'SPE: no: ', 1)),
            'check --nvm refuses as view --nvm does')
    code, out, _ = run(tool, ['check', '--host', 'armv9.5', '--nvm'])
    t.check(code == 0 and 'with SPE_nVM' in out,
            'check --nvm on a host with FEAT_SPE_nVM gives SPE_nVM', out)


def check_json(t, tool):
    for host in HOSTS:
        for extra in ([], ['--pmsver', 'none'], ['--nvm']):
            args = ['check', '--host', host] + extra
            code, doc, _ = run_json(tool, args)
            _, text, _ = run(tool, args)
            t.check(doc is not None and doc['command'] == 'check',
                    '%s --json: "command": "check"' % ' '.join(args))
            if doc is None:
                continue
            t.equal(doc['spe'], code == 0, '%s --json: "spe" agrees with the exit status'
                    % ' '.join(args))
            t.equal(doc['verdict'], text.rstrip('\n') if text else None,
                    '%s --json: "verdict" is the line check prints' % ' '.join(args))


def check_undef_traps_named(t, tool):
    """Every register the view traps to UNDEF (the access table's read UNDEF,
    read_trapped) is in check's list of traps, as "NAME (UNDEF)"."""
    for host in HOSTS:
        for level in ('v1p1', 'v1p2', 'v1p4'):
            args = ['--host', host, '--pmsver', level]
            code, doc, _ = run_json(tool, ['view', '--best'] + args)
            if code != 0:
                continue
            want = [a['register'] for a in doc['view']['access']
                    if a['read'] == 'UNDEF' and a['read_trapped']]
            _, out, _ = run(tool, ['check'] + args)
            t.check(all('%s (UNDEF)' % r in out for r in want),
                    'check %s names the registers trapped to UNDEF: %s' % (' '.join(args), want),
                    out)


def check_level_spellings(t, tool):
    """v1.2, SPEv1p2, 0x3 and FEAT_SPEv1p2 are V1P2 (PMSVer 3), as V1P2 is."""
    _, want, _ = run(tool, ['check', '--host', 'armv9.5', '--pmsver', 'V1P2'])
    for level in ('v1.2', 'SPEv1p2', 'spev1.2', '0x3', '3', 'FEAT_SPEv1p2'):
        code, out, err = run(tool, ['check', '--host', 'armv9.5', '--pmsver', level])
        t.equal((code, out, err), (0, want, ''), '--pmsver %s is V1P2' % level)
    for level in ('0x7', 'v1.9', '0x', 'SPE'):
        code, _, err = run(tool, ['check', '--pmsver', level])
        t.check(code == 2 and 'is not an SPE version' in err, '--pmsver %s is refused' % level)


def check_hints_once(t, tool):
    """A change the reason already names is not offered again, in check or view --best."""
    args = ['--host', 'armv8.2', '--max-buffer-size', '4M']
    for cmd in (['check'], ['view', '--best']):
        code, out, _ = run(tool, cmd + args)
        text = ' '.join(out.split())
        t.check(text.count('--allow unadvertised-limit') == 1 and
                '--max-buffer-size 0 would give V1P1' in text,
                '%s: each change that would give more is named once' % ' '.join(cmd), out)


def main():
    tool = sys.argv[1]
    t = Tap()
    check_level_spellings(t, tool)
    check_undef_traps_named(t, tool)
    check_none_is_no_spe(t, tool)
    check_nvm_is_honoured(t, tool)
    check_json(t, tool)
    check_hints_once(t, tool)
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
