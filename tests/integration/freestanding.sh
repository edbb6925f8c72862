#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#
# Rule (conventions.md 3): the core builds where there is no C library, the
# way a kernel, Xen or firmware builds it: no libc, no heap, no globals, no
# floating point, and spevirt_env.h is the only door to the platform.
#
# Every lib/*.c is compiled as C99 (-std=c99 -Wpedantic) with -ffreestanding
# -fno-builtin -nostdinc and
# -DSPEVIRT_ENV_HEADER='"kernel_env.h"' (tests/integration/kernel_env.h:
# types from compiler builtins, no #include at all), -Werror, for
#   - the native target with CC,
#   - aarch64 with aarch64-linux-gnu-gcc and -mgeneral-regs-only (required
#     when CI=true; otherwise skipped with a notice if missing),
#   - clang for both, when clang is installed (optional).
# -mgeneral-regs-only plus -Werror=double-promotion makes any floating-point
# type an error.  Then, for every object set:
#   - the preprocessor dependencies name only lib/, include/spevirt/ (never
#     spevirt_env.h) and kernel_env.h: no other header is reached;
#   - nothing is undefined except memset, memcpy, memmove, memcmp and the
#     library's own symbols;
#   - no section that stays writable at run time has content (.data, .bss,
#     TLS...; .data.rel.ro* is read-only once relocated), and no COMMON symbol.
#
# usage: freestanding.sh SOURCE_ROOT [CC] [CROSS_CC]
set -eu

root=$1
cc=${2:-cc}
cross=${3:-aarch64-linux-gnu-gcc}
allowed='memcmp memcpy memmove memset'

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spevirt-freestanding.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

fail() {
	echo "freestanding: FAIL: $*" >&2
	exit 1
}

# The compiler's own header directory (stddef.h, stdint.h... of the compiler,
# never of a C library).
compiler_include() {
	d=$("$@" -print-file-name=include)
	if [ ! -d "$d" ]; then
		d=$("$@" -print-resource-dir 2>/dev/null)/include
	fi
	[ -d "$d" ] || fail "cannot find the compiler include directory of: $*"
	echo "$d"
}

readelf_cmd='readelf'
command -v readelf >/dev/null 2>&1 || readelf_cmd=aarch64-linux-gnu-readelf
nm_cmd='nm'
command -v nm >/dev/null 2>&1 || nm_cmd=aarch64-linux-gnu-nm

# build NAME COMPILER... : compile every lib/*.c into $tmp/NAME, then check.
build() {
	name=$1
	shift
	out=$tmp/$name
	mkdir -p "$out"
	inc=$(compiler_include "$@")
	# Every target of interest (x86-64, aarch64) has -mgeneral-regs-only;
	# elsewhere the floating-point check rests on the aarch64 build.
	noflt=-mgeneral-regs-only
	echo 'int spevirt_probe;' >"$tmp/probe.c"
	if ! "$@" -Werror $noflt -c "$tmp/probe.c" -o "$tmp/probe.o" 2>/dev/null; then
		case $name in aarch64*) fail "$name: $* rejects -mgeneral-regs-only" ;; esac
		echo "NOTICE: $name: $* has no -mgeneral-regs-only; built without it"
		noflt=
	fi
	echo "== $name: $* $noflt"
	for src in lib/*.c; do
		obj=$out/$(basename "$src" .c).o
		"$@" -std=c99 -Wpedantic -ffreestanding -fno-builtin -nostdinc -isystem "$inc" \
			-I include -I tests/integration -O2 -Wall -Wextra -Werror \
			-Werror=double-promotion $noflt \
			-DSPEVIRT_ENV_HEADER='"kernel_env.h"' \
			-MD -MF "$obj.d" -c "$src" -o "$obj" ||
			fail "$name: $src does not build freestanding"
	done
	check_headers "$name"
	check_symbols "$name"
	check_sections "$name"
}

# Only the library's own headers and kernel_env.h may be reached.
check_headers() {
	bad=$(sed -e 's/^[^:]*://' -e 's/\\$//' "$tmp/$1"/*.o.d | tr -s '[:blank:]' '\n' |
		grep -v '^$' | sort -u |
		grep -v -e '^lib/[^/]*\.[ch]$' -e '^include/spevirt/[^/]*\.h$' \
			-e '^tests/integration/kernel_env\.h$' || true)
	[ -z "$bad" ] || fail "$1: headers outside the library were included:
$bad"
	if sed -e 's/^[^:]*://' "$tmp/$1"/*.o.d | tr -s '[:blank:]' '\n' |
		grep -qx 'include/spevirt/spevirt_env\.h'; then
		fail "$1: include/spevirt/spevirt_env.h was included although SPEVIRT_ENV_HEADER replaces it"
	fi
}

check_symbols() {
	defined=$tmp/$1.defined
	"$nm_cmd" --defined-only "$tmp/$1"/*.o | awk 'NF == 3 { print $3 }' | sort -u >"$defined"
	status=0
	for obj in "$tmp/$1"/*.o; do
		for sym in $("$nm_cmd" -u "$obj" | awk '{ print $NF }'); do
			case " $allowed " in *" $sym "*) continue ;; esac
			grep -qx "$sym" "$defined" && continue
			echo "freestanding: FAIL: $1: $(basename "$obj") needs undefined symbol" \
				"'$sym' (only $allowed may be left to the embedder)" >&2
			status=1
		done
	done
	commons=$("$nm_cmd" "$tmp/$1"/*.o | awk '$1 == "C" || $2 == "C"' || true)
	[ -z "$commons" ] || { echo "freestanding: FAIL: $1: COMMON symbols: $commons" >&2; status=1; }
	[ $status -eq 0 ] || exit 1
	used=$(for obj in "$tmp/$1"/*.o; do "$nm_cmd" -u "$obj"; done | awk '{ print $NF }' |
		sort -u | grep -x -e memcmp -e memcpy -e memmove -e memset | tr '\n' ' ' | sed 's/ $//' || true)
	echo "   embedder must provide: ${used:-nothing}"
}

# Sections that are writable at run time must be empty.  readelf -SW prints
# "[Nr] Name Type Address Off Size ES Flg Lk Inf Al"; Flg may be empty.
check_sections() {
	status=0
	for obj in "$tmp/$1"/*.o; do
		bad=$("$readelf_cmd" -SW "$obj" | sed -n 's/^ *\[ *[0-9]*\] //p' | awk '
			$1 == "NULL" || $2 == "NULL" { next }
			{ flags = (NF >= 10) ? $7 : ""; size = $5 }
			flags ~ /W/ && $1 !~ /^\.data\.rel\.ro/ && size !~ /^0+$/ {
				print $1 " (" size " bytes, flags " flags ")"
			}')
		if [ -n "$bad" ]; then
			echo "freestanding: FAIL: $1: $(basename "$obj") has writable data: $bad" >&2
			status=1
		fi
	done
	[ $status -eq 0 ] || exit 1
}

cd "$root"
[ -f tests/integration/kernel_env.h ] || fail "missing tests/integration/kernel_env.h"

host_name=native-$("$cc" -dumpmachine 2>/dev/null || echo cc)
build "$host_name" "$cc"

if command -v "$cross" >/dev/null 2>&1; then
	# The check must be able to fail: a floating-point type is refused.
	printf 'double spevirt_fp_canary(double x);\ndouble spevirt_fp_canary(double x) { return x * 2; }\n' \
		>"$tmp/canary.c"
	if "$cross" -std=c11 -ffreestanding -mgeneral-regs-only -Werror \
		-c "$tmp/canary.c" -o "$tmp/canary.o" 2>/dev/null; then
		fail "$cross -mgeneral-regs-only accepted floating point: the check proves nothing"
	fi
	build aarch64-gcc "$cross"
elif [ "${CI:-}" = true ]; then
	fail "$cross is missing, and CI=true requires the aarch64 build"
else
	echo "NOTICE: $cross not found: aarch64 freestanding build skipped (required when CI=true)"
fi

if command -v clang >/dev/null 2>&1; then
	build x86_64-clang clang --target=x86_64-linux-gnu
	build aarch64-clang clang --target=aarch64-linux-gnu
else
	echo "NOTICE: clang not found: clang freestanding builds skipped (optional)"
fi

echo "freestanding: OK"
