#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#
# Rule (issue: Linux's register grammar): lib/sysreg is in the grammar of
# Linux's arch/arm64/tools/sysreg, and what Linux's own generator makes of it
# agrees with spevirt's generated header:
#   - arch/arm64/tools/gen-sysreg.awk from Debian's linux-source-6.1 accepts
#     lib/sysreg;
#   - every field it defines has the mask, shift and width of the
#     SPEVIRT_ macro of the same name in include/spevirt/spevirt_regs.h,
#     every enumerated value the same value, every register the same RES0
#     and RES1 bits and the same encoding; a C compiler checks each one
#     (_Static_assert), with Linux's own GENMASK semantics.
# Skipped (exit 77) when /usr/src/linux-source-6.1.tar.xz is not installed;
# ./dev test installs it.
#
# usage: linux_sysreg.sh SOURCE_ROOT CC PYTHON3
set -eu

root=$1
cc=$2
python=$3
tarball=${SPEVIRT_LINUX_SOURCE:-/usr/src/linux-source-6.1.tar.xz}

if [ ! -f "$tarball" ]; then
	echo "linux_sysreg: SKIP: no $tarball (Debian package linux-source-6.1)"
	exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spevirt-linux-sysreg.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

fail() {
	echo "linux_sysreg: FAIL: $*" >&2
	exit 1
}

tar -xf "$tarball" -C "$tmp" --wildcards '*/arch/arm64/tools/gen-sysreg.awk' ||
	fail "no arch/arm64/tools/gen-sysreg.awk in $tarball"
awkfile=$(find "$tmp" -name gen-sysreg.awk | head -n 1)

awk -f "$awkfile" "$root/lib/sysreg" >"$tmp/sysreg-defs.h" 2>"$tmp/awk.err" || {
	cat "$tmp/awk.err" >&2
	fail "Linux's gen-sysreg.awk rejects lib/sysreg"
}

# One _Static_assert per macro Linux defines, against spevirt's of that name.
"$python" - "$tmp/sysreg-defs.h" >"$tmp/check.c" <<'PY'
import re
import sys

defs = []
for line in open(sys.argv[1]):
    m = re.match(r'#define\s+(\S+)\s+(.*\S)', line)
    if m and not m.group(1).startswith(('__', 'REG_', 'SYS_')):
        defs.append(m.group(1))
regs = sorted({m.group(1) for line in open(sys.argv[1])
               for m in [re.match(r'#define\s+SYS_(\w+)_Op0\s', line)] if m})
print('#define UL(x) x##UL')
print('#define GENMASK(h, l) (((~0UL) << (l)) & (~0UL >> (63 - (h))))')
print('#define GENMASK_ULL(h, l) (((~0ULL) << (l)) & (~0ULL >> (63 - (h))))')
print('#define sys_reg(op0, op1, crn, crm, op2) 0')
print('#include "sysreg-defs.h"')
print('#include <spevirt/spevirt_regs.h>')
for name in defs:
    ours = 'SPEVIRT_' + name.upper()
    print(f'_Static_assert({name} == {ours}, "{name} differs from {ours}");')
for reg in regs:
    enc = ', '.join(f'SYS_{reg}_{f}' for f in ('Op0', 'Op1', 'CRn', 'CRm', 'Op2'))
    print(f'_Static_assert(SPEVIRT_SYSREG({enc}) == SPEVIRT_SYSREG_{reg.upper()}, '
          f'"{reg}: encoding differs");')
print(f'/* checked: {len(defs)} macros, {len(regs)} registers */')
PY
"$cc" -std=c11 -fsyntax-only -I "$root/include" -I "$tmp" "$tmp/check.c" 2>"$tmp/cc.err" || {
	head -n 40 "$tmp/cc.err" >&2
	fail "a field of Linux's generated header differs from spevirt_regs.h"
}
echo "linux_sysreg: gen-sysreg.awk accepts lib/sysreg;" \
	"$(sed -n 's|/\* checked: \(.*\) \*/|\1|p' "$tmp/check.c") agree with spevirt_regs.h"
