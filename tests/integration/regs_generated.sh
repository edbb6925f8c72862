#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#
# Rule (conventions.md 1 and 11): every register is described once, in
# lib/sysreg and lib/sysreg-spevirt, and the committed
# include/spevirt/spevirt_regs.h and lib/regdesc.c are exactly what
# scripts/gen-regs.py makes of them; the generator refuses a description
# whose masks could drift.
#   - gen-regs.py on those two files, run now, reproduces both committed
#     files byte for byte;
#   - a small valid description is accepted (so the refusals below are for
#     the stated reason), and each of these is refused with a non-zero exit and
#     a message: two fields overlapping, a gap between fields, bits left
#     undescribed at the bottom, an enumerated value too wide for its field,
#     a duplicate field name, an unterminated Sysreg, an unterminated Enum, a
#     Sysreg opened inside another.
#
# usage: regs_generated.sh SOURCE_ROOT [PYTHON3]
set -eu

root=$1
python=${2:-python3}
gen=$root/scripts/gen-regs.py

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spevirt-regs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

fail() {
	echo "regs_generated: FAIL: $*" >&2
	exit 1
}

[ -f "$gen" ] || fail "no generator at $gen"

"$python" "$gen" "$root/lib/sysreg" "$root/lib/sysreg-spevirt" "$tmp/spevirt_regs.h" "$tmp/regdesc.c" ||
	fail "scripts/gen-regs.py rejects lib/sysreg or lib/sysreg-spevirt"
# same COMMITTED GENERATED: the committed file equals the fresh output.
same() {
	cmp -s "$root/$1" "$tmp/$2" && return 0
	echo "regs_generated: FAIL: $1 is not what lib/sysreg and lib/sysreg-spevirt generate:" \
		"regenerate with scripts/gen-regs.py lib/sysreg lib/sysreg-spevirt" \
		"include/spevirt/spevirt_regs.h lib/regdesc.c" >&2
	diff -u "$root/$1" "$tmp/$2" | head -40 >&2 || true
	return 1
}
status=0
same include/spevirt/spevirt_regs.h spevirt_regs.h || status=1
same lib/regdesc.c regdesc.c || status=1
[ $status -eq 0 ] || exit 1
echo "regs_generated: spevirt_regs.h and regdesc.c match lib/sysreg and lib/sysreg-spevirt"

# A valid description: REG with every bit of 63:0 covered once.
valid() {
	cat <<'EOF'
Sysreg	TEST_EL1	3	0	9	9	0
Res0	63:8
Enum	7:6	Mode
	0b00	A
	0b11	B
EndEnum
Field	5:1	Value
Field	0	E
EndSysreg
EOF
}

# expect_refused LABEL PATTERN: the description on stdin must be refused, and
# the message must match the extended regular expression PATTERN.
expect_refused() {
	cat >"$tmp/bad.sysreg"
	if "$python" "$gen" "$tmp/bad.sysreg" "$tmp/bad.h" "$tmp/bad.c" 2>"$tmp/bad.err"; then
		echo "regs_generated: FAIL: gen-regs.py accepted $1" >&2
		return 1
	fi
	if ! grep -Eqi "$2" "$tmp/bad.err"; then
		echo "regs_generated: FAIL: gen-regs.py refused $1, but its message does not" \
			"match /$2/:" >&2
		cat "$tmp/bad.err" >&2
		return 1
	fi
	echo "   refused $1: $(head -1 "$tmp/bad.err")"
}

valid >"$tmp/ok.sysreg"
"$python" "$gen" "$tmp/ok.sysreg" "$tmp/ok.h" "$tmp/ok.c" ||
	fail "gen-regs.py refuses the valid test description"
grep -q 'SPEVIRT_TEST_EL1_VALUE_MASK' "$tmp/ok.h" ||
	fail "gen-regs.py made no SPEVIRT_TEST_EL1_VALUE_MASK from the valid description"

status=0
valid | sed 's/^Field	5:1	Value$/Field	6:1	Value/' |
	expect_refused "two overlapping fields (Mode 7:6, Value 6:1)" 'overlap' || status=1
valid | sed 's/^Field	5:1	Value$/Field	4:1	Value/' |
	expect_refused "a gap (bit 5 undescribed)" 'gap|not described' || status=1
valid | sed '/^Field	0	E$/d' |
	expect_refused "bits left undescribed at the bottom (bit 0)" 'not described|gap' || status=1
valid | sed 's/^	0b11	B$/	0b100	B/' |
	expect_refused "an enumerated value too wide for its 2-bit field" 'fit|wide' || status=1
valid | sed 's/^Field	0	E$/Field	0	Value/' |
	expect_refused "a duplicate field name" 'duplicate' || status=1
valid | sed '/^EndSysreg$/d' |
	expect_refused "an unterminated Sysreg" 'unterminated|end of file' || status=1
valid | sed '/^EndEnum$/d' |
	expect_refused "an unterminated Enum" 'EndEnum|unterminated' || status=1
{ valid | sed '/^EndSysreg$/d'; valid | sed 's/TEST_EL1/TEST2_EL1/'; } |
	expect_refused "a Sysreg inside another" 'Sysreg' || status=1
[ $status -eq 0 ] || exit 1

echo "regs_generated: OK"
