#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""Generate spevirt's register header and description table from lib/sysreg
and lib/sysreg-spevirt.

usage: gen-regs.py SYSREG... HEADER_OUT TABLE_OUT

Rejects a register whose fields overlap, leave a bit uncovered, or whose
enumerated values do not fit their field, so the generated masks cannot drift.
"""
import re
import sys

KINDS = {
    'Field': 'SPEVIRT_FIELD_PLAIN',
    'Enum': 'SPEVIRT_FIELD_ENUM',
    'UnsignedEnum': 'SPEVIRT_FIELD_UNSIGNED_ENUM',
    'Res0': 'SPEVIRT_FIELD_RES0',
    'Res1': 'SPEVIRT_FIELD_RES1',
    'Unkn': 'SPEVIRT_FIELD_OTHER',
    'Other': 'SPEVIRT_FIELD_OTHER',
}


class Error(Exception):
    pass


def parse_bits(text, where):
    m = re.fullmatch(r'(\d+)(?::(\d+))?', text)
    if not m:
        raise Error(f'{where}: bad bit range {text!r}')
    hi = int(m.group(1))
    lo = int(m.group(2)) if m.group(2) is not None else hi
    if not 63 >= hi >= lo >= 0:
        raise Error(f'{where}: bad bit range {text!r}')
    return hi, lo


def parse(paths):
    """The registers of every file, in order; a SysregFields block is shared."""
    regs, blocks = [], {}
    for path in paths:
        parse_file(path, regs, blocks)
    return regs


def parse_file(path, regs, blocks):
    cur = None        # fields being collected
    reg = None        # current Sysreg dict, or None inside SysregFields
    block = None      # current SysregFields name
    enum = None       # field whose enum values are being read
    with open(path) as f:
        for n, raw in enumerate(f, 1):
            where = f'{path}:{n}'
            line = raw.split('#', 1)[0].strip()
            if not line:
                continue
            tok = line.split()
            if enum is not None:
                if tok[0] == 'EndEnum':
                    enum = None
                    continue
                if len(tok) != 2 or not tok[0].startswith('0b'):
                    raise Error(f'{where}: expected "0bVALUE NAME" or EndEnum')
                val = int(tok[0][2:], 2)
                if val >= 1 << (enum['hi'] - enum['lo'] + 1):
                    raise Error(f'{where}: {tok[0]} does not fit {enum["name"]}')
                if any(v == val or e == tok[1] for v, e in enum['enums']):
                    raise Error(f'{where}: duplicate value or name in {enum["name"]}')
                enum['enums'].append((val, tok[1]))
                continue
            key = tok[0]
            if key == 'Sysreg':
                if cur is not None or len(tok) != 7:
                    raise Error(f'{where}: bad Sysreg line')
                reg = {'name': tok[1], 'enc': [int(t) for t in tok[2:]], 'fields': []}
                cur = reg['fields']
            elif key == 'Layout':
                if cur is not None or len(tok) != 2:
                    raise Error(f'{where}: bad Layout line')
                reg = {'name': tok[1], 'enc': None, 'fields': []}
                cur = reg['fields']
            elif key == 'SysregFields':
                if cur is not None or len(tok) != 2:
                    raise Error(f'{where}: bad SysregFields line')
                block = tok[1]
                cur = blocks.setdefault(block, [])
            elif key in ('EndSysreg', 'EndSysregFields', 'EndLayout'):
                if cur is None or (key == 'EndSysregFields') != (reg is None) or \
                   (reg is not None and (key == 'EndLayout') != (reg['enc'] is None)):
                    raise Error(f'{where}: unexpected {key}')
                if reg is not None:
                    check(reg['name'], reg['fields'], where)
                    regs.append(reg)
                else:
                    check(block, cur, where)
                cur, reg, block = None, None, None
            elif key == 'Fields':
                if cur is None or len(tok) != 2 or tok[1] not in blocks:
                    raise Error(f'{where}: bad Fields line')
                cur.extend(dict(fl, enums=list(fl['enums'])) for fl in blocks[tok[1]])
            elif key in KINDS:
                if cur is None:
                    raise Error(f'{where}: {key} outside a register')
                named = key in ('Field', 'Enum', 'UnsignedEnum')
                if len(tok) != (3 if named else 2):
                    raise Error(f'{where}: bad {key} line')
                hi, lo = parse_bits(tok[1], where)
                name = tok[2] if named else ('RES0' if key == 'Res0' else
                                             'RES1' if key == 'Res1' else
                                             'UNKN' if key == 'Unkn' else 'Other')
                fl = {'kind': key, 'name': name, 'hi': hi, 'lo': lo, 'enums': []}
                cur.append(fl)
                if key in ('Enum', 'UnsignedEnum'):
                    enum = fl
            else:
                raise Error(f'{where}: unknown keyword {key!r}')
    if cur is not None or enum is not None:
        raise Error(f'{path}: unterminated block at end of file')


def check(name, fields, where):
    """Fields must run from bit 63 down to bit 0, without gap or overlap."""
    nxt = 63
    names = set()
    for fl in fields:
        if fl['hi'] != nxt:
            raise Error(f'{where}: {name}: {fl["name"]} starts at bit {fl["hi"]}, '
                        f'expected bit {nxt} (gap or overlap)')
        nxt = fl['lo'] - 1
        if fl['kind'] in ('Field', 'Enum', 'UnsignedEnum'):
            if fl['name'].upper() in names:
                raise Error(f'{where}: {name}: duplicate field {fl["name"]}')
            names.add(fl['name'].upper())
    if nxt != -1:
        raise Error(f'{where}: {name}: bits {nxt}:0 are not described')


def mask(fl):
    return ((1 << (fl['hi'] - fl['lo'] + 1)) - 1) << fl['lo']


def define(name, value):
    """A #define with its value aligned by tabs at column 64."""
    width = len('#define ' + name)
    tabs = max(1, (64 - width + 7) // 8)
    return f'#define {name}' + '\t' * tabs + value


def header(regs):
    out = ['/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */',
           '/* Generated by scripts/gen-regs.py from lib/sysreg and lib/sysreg-spevirt: do not edit. */',
           '#ifndef SPEVIRT_REGS_H',
           '#define SPEVIRT_REGS_H',
           '',
           '/*',
           ' * Register fields, named after the Arm ARM.  For a field F of register R:',
           ' * SPEVIRT_R_F and SPEVIRT_R_F_MASK are its in-place mask, SPEVIRT_R_F_SHIFT',
           ' * and SPEVIRT_R_F_WIDTH its position, SPEVIRT_R_F_<VALUE> its enumerated',
           ' * values (not shifted).  SPEVIRT_R_RES0, _RES1 and _UNKN collect the',
           ' * reserved-zero, reserved-one and UNKNOWN bits (as Linux\'s gen-sysreg.awk),',
           ' * SPEVIRT_SYSREG_R the system-register encoding.  Every constant is usable',
           ' * from assembler.',
           ' */',
           '#ifdef __ASSEMBLER__',
           '#define SPEVIRT_ULL(x)\t\tx',
           '#define SPEVIRT_U(x)\t\tx',
           '#else',
           '#define SPEVIRT_ULL(x)\t\tx##ULL',
           '#define SPEVIRT_U(x)\t\tx##U',
           '#endif',
           '',
           '/* An MRS/MSR system register: op0..op2 at instruction bits [20:5], as sys_reg() in Linux. */',
           '#define SPEVIRT_SYSREG(op0, op1, crn, crm, op2) \\',
           '\t(((op0) << 19) | ((op1) << 16) | ((crn) << 12) | ((crm) << 8) | ((op2) << 5))',
           '']
    for reg in regs:
        r = reg['name']
        res0 = sum(mask(f) for f in reg['fields'] if f['kind'] == 'Res0')
        res1 = sum(mask(f) for f in reg['fields'] if f['kind'] == 'Res1')
        unkn = sum(mask(f) for f in reg['fields'] if f['kind'] == 'Unkn')
        if reg['enc'] is None:
            out.append(f'/* {r}: a layout of some bits of a register, for one of its cases */')
        else:
            enc = ', '.join(str(e) for e in reg['enc'])
            out.append(f'/* {r} */')
            out.append(define(f'SPEVIRT_SYSREG_{r}', f'SPEVIRT_SYSREG({enc})'))
            out.append(define(f'SPEVIRT_{r}_RES0', f'SPEVIRT_ULL(0x{res0:016x})'))
            out.append(define(f'SPEVIRT_{r}_RES1', f'SPEVIRT_ULL(0x{res1:016x})'))
            out.append(define(f'SPEVIRT_{r}_UNKN', f'SPEVIRT_ULL(0x{unkn:016x})'))
        for fl in reg['fields']:
            if fl['kind'] not in ('Field', 'Enum', 'UnsignedEnum'):
                continue
            p = f'SPEVIRT_{r}_{fl["name"].upper()}'
            m = f'SPEVIRT_ULL(0x{mask(fl):016x})'
            out.append(define(p, m))
            out.append(define(p + '_MASK', m))
            out.append(define(p + '_SHIFT', str(fl['lo'])))
            out.append(define(p + '_WIDTH', str(fl['hi'] - fl['lo'] + 1)))
            for val, ename in fl['enums']:
                out.append(define(f'{p}_{ename.upper()}', f'SPEVIRT_ULL(0x{val:x})'))
        out.append('')
    out.append('#endif /* SPEVIRT_REGS_H */')
    return '\n'.join(out) + '\n'


def table(regs):
    regs = [r for r in regs if r['enc'] is not None]
    out = ['// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later',
           '/* Generated by scripts/gen-regs.py from lib/sysreg and lib/sysreg-spevirt: do not edit. */',
           '#include "spevirt_internal.h"',
           '']
    for reg in regs:
        r = reg['name'].lower()
        for fl in reg['fields']:
            if fl['enums']:
                out.append(f'static const struct spevirt_enum_desc {r}_{fl["name"].lower()}[] = {{')
                for val, ename in fl['enums']:
                    out.append(f'\t{{ "{ename}", 0x{val:x} }},')
                out.append('};')
                out.append('')
        out.append(f'static const struct spevirt_field_desc {r}_fields[] = {{')
        for fl in reg['fields']:
            enums = f'{r}_{fl["name"].lower()}' if fl['enums'] else 'NULL'
            out.append(f'\t{{ "{fl["name"]}", {fl["lo"]}, {fl["hi"] - fl["lo"] + 1}, '
                       f'{KINDS[fl["kind"]]}, {len(fl["enums"])}, {enums} }},')
        out.append('};')
        out.append('')
    out.append('const struct spevirt_reg_desc spevirt_reg_table_[] = {')
    for reg in regs:
        r = reg['name']
        res0 = sum(mask(f) for f in reg['fields'] if f['kind'] == 'Res0')
        res1 = sum(mask(f) for f in reg['fields'] if f['kind'] == 'Res1')
        unkn = sum(mask(f) for f in reg['fields'] if f['kind'] == 'Unkn')
        enc = ', '.join(str(e) for e in reg['enc'])
        out.append(f'\t{{ "{r}", {r.lower()}_fields, 0x{res0:016x}ULL, 0x{res1:016x}ULL,')
        out.append(f'\t  SPEVIRT_SYSREG({enc}), {len(reg["fields"])} }},')
    out.append('};')
    out.append('')
    out.append('const unsigned int spevirt_reg_table_size_ =')
    out.append('\tspv_array_size(spevirt_reg_table_);')
    return '\n'.join(out) + '\n'


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__.strip().splitlines()[3])
    try:
        regs = parse(argv[1:-2])
    except Error as e:
        sys.exit(f'gen-regs: {e}')
    with open(argv[-2], 'w') as f:
        f.write(header(regs))
    with open(argv[-1], 'w') as f:
        f.write(table(regs))


if __name__ == '__main__':
    main(sys.argv)
