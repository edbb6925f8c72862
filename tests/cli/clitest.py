# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""Shared helpers for the spevirt command-line tests (tests/cli/).

Each test script is run by Meson with the TAP protocol: every check prints
"ok N - name" or "not ok N - name" followed by "#" diagnostics, and the
plan "1..N" comes last.
"""
import json
import os
import re
import subprocess
import sys

# enum spevirt_status, enum spevirt_access and the SPEVIRT_LEAK_* bits, as
# include/spevirt/spevirt.h numbers them (their values are stable API).
STATUS = ['OK', 'E_INVAL', 'E_HOST_NO_SPE', 'E_HOST_NOT_OWNED', 'E_HOST_INVALID',
          'E_PMSVER', 'E_NVM', 'E_BUFSIZE', 'E_NEED_FGT', 'E_LEAK', 'E_MISMATCH']
ACCESS = ['UNDEF', 'UNTRAPPED', 'READ_VIEW', 'EMULATE', 'FORWARD', 'NOT_SPE']
LEAKS = ['RECORD_FORMAT', 'RECORD_FEATURES', 'FILTER_BITS', 'PMSCR_EXC', 'PMBIDR_READ',
         'PMCR_FZS', 'UNADVERTISED_LIMIT', 'ID_INCONSISTENT', 'BUFFER_BITS']
CFG_FLAGS = {'tpms-fallback': 1, 'unadvertised-limit': 2, 'forbid-leaks': 4, 'pinned-memory': 8,
             'phys-addr': 16, 'phys-timestamp': 32, 'contextidr-el2': 64}
# The library's C names as the command words them (spevirt(1), "the library's reasons").
C_NAMES = {
    'SPEVIRT_CFG_TPMS_FALLBACK': '--allow tpms-fallback',
    'SPEVIRT_CFG_UNADVERTISED_LIMIT': '--allow unadvertised-limit',
    'SPEVIRT_CFG_FORBID_LEAKS': '--forbid-leaks',
    'SPEVIRT_CFG_PINNED_MEMORY': '--allow pinned-memory',
    'SPEVIRT_CFG_ALLOW_PHYS_ADDR': '--allow phys-addr',
    'SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP': '--allow phys-timestamp',
    'SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2': '--allow contextidr-el2',
    'SPEVIRT_EL3_NO_FGT': '--el3-disabled fgt',
    'SPEVIRT_EL3_NO_FGT2': '--el3-disabled fgt2',
    'SPEVIRT_EL3_NO_PMSNEVFR': '--el3-disabled pmsnevfr',
    'SPEVIRT_EL3_NO_PMSDSFR': '--el3-disabled pmsdsfr',
    'SPEVIRT_EL3_NO_PMBMAR': '--el3-disabled pmbmar',
    'SPEVIRT_EL3_PMSEE_ALL': '--el3-disabled pmsee-all',
    'SPEVIRT_EL3_NSPB_TRAP': '--el3-disabled nspb-trap',
    'spevirt_config.max_buffer_size': '--max-buffer-size',
    'spevirt_config.accepted_leaks': '--accept-leak',
    'spevirt_config.spe_nvm': '--nvm',
    'spevirt_config.pmsver': '--pmsver',
    'spevirt_config.profile': '--profile',
    'spevirt_config.flags': 'the options',
    'spevirt_host.el3_disabled': '--el3-disabled',
}


def cli_words(reason):
    """A library reason as the tool prints it: C names in the command's words."""
    def word(m):
        name = m.group(0)
        if name.startswith('SPEVIRT_LEAK_'):
            return 'leak ' + name[len('SPEVIRT_LEAK_'):]
        return C_NAMES.get(name, name)
    return re.sub(r'SPEVIRT_[A-Z0-9_]+|spevirt_(config|host)\.[a-z_0-9]+', word, reason or '')


EL3_BITS = {'fgt': 1, 'fgt2': 2, 'pmsnevfr': 4, 'pmsdsfr': 8, 'pmbmar': 16, 'pmsee-all': 32,
            'nspb-trap': 64}
PROFILES = {'default': 0, 'kvm-rfc-v6': 1}
KINDS = ['plain', 'enum', 'unsigned_enum', 'res0', 'res1', 'other']


class Tap:
    """A TAP producer: check() records one test point."""

    def __init__(self):
        self.count = 0
        self.failed = 0

    def check(self, cond, name, *diag):
        self.count += 1
        if cond:
            print('ok %d - %s' % (self.count, name))
        else:
            self.failed += 1
            print('not ok %d - %s' % (self.count, name))
            for d in diag:
                for line in str(d).splitlines() or ['']:
                    print('#   ' + line)
        return cond

    def equal(self, got, want, name):
        return self.check(got == want, name, 'got:  %r' % (got,), 'want: %r' % (want,))

    def done(self):
        print('1..%d' % self.count)
        sys.stdout.flush()
        return 1 if self.failed else 0


def run(tool, args, env=None, stdin=None):
    """Run the tool, with @stdin (text) as its input when given; return (exit status,
    stdout, stderr) as text.  Without @env, the tool runs without COLUMNS, so its
    text wraps at 80 columns whatever the terminal."""
    if env is None:
        env = {k: v for k, v in os.environ.items() if k != 'COLUMNS'}
    proc = subprocess.run([tool] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          input=stdin.encode() if stdin is not None else None,
                          stdin=None if stdin is not None else subprocess.DEVNULL,
                          env=env, timeout=30)
    return (proc.returncode, proc.stdout.decode('utf-8', 'replace'),
            proc.stderr.decode('utf-8', 'replace'))


def run_json(tool, args):
    """Run the tool with --json; return (exit status, parsed document or None, stderr)."""
    code, out, err = run(tool, list(args) + ['--json'])
    try:
        doc = json.loads(out)
    except ValueError:
        doc = None
    return code, doc, err


def ref_view(ref, host, profile, pmsver, nvm, size, flags, best, el3=0, accepted=0):
    """The library's own view, through cli_ref: a dict of its lines."""
    args = ['view'] + ['%x' % host[k] for k in HOST_REGS] + ['%x' % el3] + [
        str(profile), str(pmsver), str(nvm), str(size), str(flags), '%x' % accepted,
        '1' if best else '0']
    out = subprocess.run([ref] + args, stdout=subprocess.PIPE, check=True,
                         timeout=30).stdout.decode()
    res = {'access': []}
    for line in out.splitlines():
        key, _, rest = line.partition(' ')
        if key == 'access':
            name, enc, rd, wr = rest.split()
            res['access'].append((name, int(enc, 16), int(rd), int(wr)))
        elif key in ('status', 'pmsver', 'spe_nvm', 'max_buffer_size', 'limit_advertised'):
            res[key] = int(rest)
        elif key in ('strerror', 'reason'):
            res[key] = None if rest == '(null)' else rest
        elif key == 'leaks':
            res[key] = int(rest, 16)
        elif key == 'context':
            res[key] = [int(x, 16) for x in rest.split()]
        else:
            res[key] = [int(x, 16) for x in rest.split()]
    return res


def ref_regs(ref):
    """The library's register description, through cli_ref: {name: register dict}."""
    out = subprocess.run([ref, 'regs'], stdout=subprocess.PIPE, check=True,
                         timeout=30).stdout.decode()
    regs, reg, field = {}, None, None
    for line in out.splitlines():
        words = line.split()
        if words[0] == 'reg':
            reg = {'name': words[1], 'encoding': int(words[2], 16), 'res0': int(words[3], 16),
                   'res1': int(words[4], 16), 'fields': []}
            regs[reg['name']] = reg
        elif words[0] == 'field':
            field = {'name': words[1], 'shift': int(words[2]), 'width': int(words[3]),
                     'kind': KINDS[int(words[4])], 'enums': {}}
            reg['fields'].append(field)
        else:
            field['enums'][int(words[1])] = words[2]
    return regs


HOST_REGS = ['ID_AA64DFR0_EL1', 'ID_AA64DFR2_EL1', 'ID_AA64MMFR0_EL1', 'PMSIDR_EL1',
             'PMBIDR_EL1']


def field_value(value, lsb, width):
    return (value >> lsb) & ((1 << width) - 1)


def check_fields(t, what, obj, reg, value, mask):
    """The JSON fields of one register: every range overlapping mask, decoded."""
    want = [f for f in reg['fields']
            if ((1 << f['width']) - 1) << f['shift'] & mask]
    got = obj.get('fields', [])
    t.equal([f['name'] for f in got], [f['name'] for f in want], what + ': field names')
    for g, w in zip(got, want):
        v = field_value(value, w['shift'], w['width'])
        name = w['enums'].get(v)
        top = max(w['enums']) if w['enums'] else 0
        above = w['kind'] == 'unsigned_enum' and v > top
        reserved = {'enum': name is None, 'unsigned_enum': name is None and not above,
                    'res0': v != 0, 'res1': v != (1 << w['width']) - 1}.get(w['kind'], False)
        exp = {'msb': w['shift'] + w['width'] - 1, 'lsb': w['shift'], 'kind': w['kind'],
               'value': v, 'value_name': name, 'reserved': reserved, 'above_known': above}
        got_f = dict(g, value=int(g['value'], 16))
        got_f = {k: got_f.get(k) for k in exp}
        if got_f != exp:
            t.equal(got_f, exp, '%s.%s decoded' % (what, w['name']))
            return
    t.check(True, what + ': every field decoded as the register description says')


def maxbuf_decode(field):
    """PMBIDR_EL1.MaxBuffSize as the Arm ARM (D24.7.1) defines it, bits [15:14] ignored."""
    m, e = field & 0x1ff, (field >> 9) & 0x1f
    return m << 12 if e == 0 else (0x200 | m) << (e + 11)


def representable_sizes():
    """Every size PMBIDR_EL1.MaxBuffSize can state, 0 (no limit) excluded, sorted."""
    return sorted({maxbuf_decode(f) for f in range(1, 0x4000)} - {0})


def source_root():
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
