#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#
# Rule (conventions.md 12 and 13): every public header stands alone, in C and
# C++, and the register constants are usable from assembler.
#   - each include/spevirt/*.h, included alone as <spevirt/NAME>, compiles
#     with -std=c99 and with -std=c11, -Wall -Wextra -Wpedantic -Werror (plus
#     the kernel's -Wundef -Wstrict-prototypes): the README promises C99;
#   - with a C++ compiler (when one is found): the same with -std=c++11
#     -Wall -Wextra -Werror, and an object that takes the address of every
#     SPEVIRT_API function references each one by its unmangled C name (the
#     extern "C" guards work);
#   - a .S file that includes <spevirt/spevirt_regs.h> and has a .quad of
#     every constant it defines (SPEVIRT_PMSIDR_EL1_FNE,
#     SPEVIRT_SYSREG_PMSIDR_EL1...) assembles; under __ASSEMBLER__ no constant
#     keeps a C integer suffix (U, ULL); each equals the value the C compiler
#     gives it (host assembler, and aarch64-linux-gnu-gcc when installed,
#     required when CI=true).
#
# usage: headers.sh SOURCE_ROOT [CC] [CXX]    (CXX "" or absent: look for g++)
set -eu
LC_ALL=C
export LC_ALL

root=$1
cc=${2:-cc}
cxx=${3:-}
if [ -z "$cxx" ] && command -v g++ >/dev/null 2>&1; then
	cxx=g++
fi
inc=$root/include

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spevirt-headers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

fail() {
	echo "headers: FAIL: $*" >&2
	exit 1
}

status=0
for h in "$inc"/spevirt/*.h; do
	name=${h##*/}
	printf '#include <spevirt/%s>\nint main(void)\n{\n\treturn 0;\n}\n' "$name" >"$tmp/alone.c"
	for std in c99 c11; do
		if ! "$cc" -std=$std -Wall -Wextra -Wpedantic -Werror -Wundef \
			-Wstrict-prototypes -I"$inc" -fsyntax-only "$tmp/alone.c"; then
			echo "headers: FAIL: <spevirt/$name> does not compile alone as $std" >&2
			status=1
		fi
	done
	if [ -n "$cxx" ]; then
		cp "$tmp/alone.c" "$tmp/alone.cc"
		if ! "$cxx" -std=c++11 -Wall -Wextra -Werror -I"$inc" -fsyntax-only "$tmp/alone.cc"; then
			echo "headers: FAIL: <spevirt/$name> does not compile alone as C++11" >&2
			status=1
		fi
	fi
done
[ $status -eq 0 ] || exit 1
nheaders=$(for h in "$inc"/spevirt/*.h; do echo "$h"; done | wc -l)
echo "headers: $nheaders headers compile alone (C11${cxx:+, C++11 with $cxx})"

# Must-check: every function that returns an enum spevirt_status warns when
# its status is ignored (SPEVIRT_MUST_CHECK), and is marked so.
unmarked=$(sed -n '/^SPEVIRT_API[[:space:]]/{/(/!N;s/\n/ /;p;}' "$inc"/spevirt/*.h |
	grep 'enum spevirt_status [a-z_]*(' | grep -v SPEVIRT_MUST_CHECK || true)
[ -z "$unmarked" ] || fail "status-returning functions without SPEVIRT_MUST_CHECK: $unmarked"
printf '%s\n' '#include <spevirt/spevirt.h>' 'void f(struct spevirt_view *v);' \
	'void f(struct spevirt_view *v)' '{' '	spevirt_view_compute(NULL, NULL, v);' '}' \
	>"$tmp/ignored.c"
if "$cc" -std=c11 -Werror=unused-result -I"$inc" -c "$tmp/ignored.c" -o "$tmp/ignored.o" \
	2>/dev/null; then
	fail "an ignored spevirt_view_compute() status is not a warning"
fi
echo "headers: an ignored status is a warning (SPEVIRT_MUST_CHECK)"

# extern "C": the C++ object must reference every API function unmangled.
if [ -n "$cxx" ]; then
	for h in "$inc"/spevirt/*.h; do
		sed -n '/^SPEVIRT_API[[:space:]]/{/(/!N;s/(.*//;s/.*[^A-Za-z0-9_]//;p;}' "$h"
	done | sort -u >"$tmp/api"
	[ -s "$tmp/api" ] || fail "no SPEVIRT_API declaration in include/spevirt/*.h"
	{
		for h in "$inc"/spevirt/*.h; do
			echo "#include <spevirt/${h##*/}>"
		done
		echo 'typedef void (*spevirt_fn)(void);'
		echo 'extern const spevirt_fn spevirt_cxx_refs[];'
		echo 'const spevirt_fn spevirt_cxx_refs[] = {'
		sed 's/.*/	reinterpret_cast<spevirt_fn>(\&&),/' "$tmp/api"
		echo '};'
	} >"$tmp/refs.cc"
	"$cxx" -std=c++11 -Wall -Wextra -Werror -I"$inc" -c "$tmp/refs.cc" -o "$tmp/refs.o" ||
		fail "taking the address of the API functions from C++ failed"
	nm -u "$tmp/refs.o" | awk '{ print $NF }' | sort -u >"$tmp/refs"
	missing=$(comm -23 "$tmp/api" "$tmp/refs")
	[ -z "$missing" ] || fail "C++ does not reference these by their C names (missing" \
		"extern \"C\"?): $(echo "$missing" | tr '\n' ' '); it references: $(tr '\n' ' ' <"$tmp/refs")"
	echo "headers: extern \"C\": $(wc -l <"$tmp/api") API functions keep their C names in C++"
fi

# Assembler: every object-like constant of spevirt_regs.h must assemble,
# expand without a C integer suffix (GNU as and LLVM tolerate "0x40ULL", other
# assemblers do not), and equal what C computes.
sed -n 's/^#define[[:space:]]\{1,\}\(SPEVIRT_[A-Za-z0-9_]*\)[[:space:]]\{1,\}[^[:space:]].*/\1/p' \
	"$inc/spevirt/spevirt_regs.h" >"$tmp/consts"
for c in SPEVIRT_PMSIDR_EL1_FNE SPEVIRT_SYSREG_PMSIDR_EL1; do
	grep -qx "$c" "$tmp/consts" || fail "spevirt_regs.h does not define $c"
done
{
	echo '#include <spevirt/spevirt_regs.h>'
	echo '#include <stdio.h>'
	echo 'int main(void)'
	echo '{'
	while read -r c; do
		printf '\tprintf("%%s %%#llx\\n", "%s", (unsigned long long)(%s));\n' "$c" "$c"
	done <"$tmp/consts"
	echo '	return 0;'
	echo '}'
} >"$tmp/values.c"
"$cc" -std=c11 -Wall -Wextra -Werror -I"$inc" "$tmp/values.c" -o "$tmp/values" ||
	fail "cannot build the C reference for the constants"
"$tmp/values" >"$tmp/values.txt"

# assemble NAME COMPILER... [EXTRA_LINE]: .S with a .quad per constant and an
# .error for any constant whose value differs from the C one.
assemble() {
	label=$1
	shift
	extra=$1
	shift
	{
		echo '#include <spevirt/spevirt_regs.h>'
		echo '	.section .rodata'
		echo '	.balign 8'
		echo 'spevirt_asm_consts:'
		while read -r c v; do
			echo "	.quad $c"
			echo "	.if ($c) != $v"
			echo "	.error \"$c differs between C and assembler\""
			echo '	.endif'
		done <"$tmp/values.txt"
		echo '	.text'
		echo "$extra"
	} >"$tmp/regs.S"
	"$@" -I"$inc" -c "$tmp/regs.S" -o "$tmp/regs-$label.o" ||
		fail "<spevirt/spevirt_regs.h> is not assembler-safe ($label: $*)"
	"$@" -I"$inc" -E "$tmp/regs.S" -o "$tmp/regs-$label.s"
	suffixed=$(grep -E '^[[:space:]]*\.quad' "$tmp/regs-$label.s" |
		grep -E '(0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]+([^0-9A-Za-z_]|$)' || true)
	[ -z "$suffixed" ] || fail "spevirt_regs.h constants keep C integer suffixes under" \
		"__ASSEMBLER__ ($label):
$suffixed"
	echo "headers: assembler ($label): $(wc -l <"$tmp/values.txt") spevirt_regs.h constants" \
		"assemble, without C suffixes, with their C values"
}

assemble host '' "$cc"
if command -v aarch64-linux-gnu-gcc >/dev/null 2>&1; then
	# As hypervisor entry code would: read PMSIDR_EL1 by its encoding, test FnE.
	assemble aarch64 '	mrs x0, s3_0_c9_c9_7
	tst x0, #SPEVIRT_PMSIDR_EL1_FNE
	ubfx x1, x0, #SPEVIRT_PMSIDR_EL1_FNE_SHIFT, #SPEVIRT_PMSIDR_EL1_FNE_WIDTH
	ret' aarch64-linux-gnu-gcc
elif [ "${CI:-}" = true ]; then
	fail "aarch64-linux-gnu-gcc is missing, and CI=true requires it"
else
	echo "NOTICE: aarch64-linux-gnu-gcc not found: aarch64 assembler check skipped"
fi

echo "headers: OK"
