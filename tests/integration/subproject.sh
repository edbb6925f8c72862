#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#
# Rule (conventions.md 6): spevirt works as a Meson subproject.  An outer
# project with default_library=static and a copy of this tree in
# subprojects/spevirt does
#   subproject('spevirt', default_options : ['werror=true'])
#   dependency('spevirt', version : '>=<project version>')
# which must resolve through meson.override_dependency(), build the library
# warning-free with the outer project's compiler, as a static library (the
# parent's default_library), without the tool or the tests (not asked for),
# and link a three-line program that calls spevirt_strerror(SPEVIRT_OK) and
# spevirt_maxbuf_decode(1) (4096 bytes); the program must run and print both.
#
# usage: subproject.sh SOURCE_ROOT [CC] [MESON] [NINJA]
set -eu

root=$1
cc=${2:-cc}
meson=${3:-meson}
ninja=${4:-ninja}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spevirt-subproject.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

fail() {
	echo "subproject: FAIL: $*" >&2
	[ ! -f "$tmp/log" ] || tail -40 "$tmp/log" >&2
	exit 1
}

command -v "$meson" >/dev/null 2>&1 || fail "meson not found ($meson)"
command -v "$ninja" >/dev/null 2>&1 || fail "ninja not found ($ninja)"

version=$(sed -n "s/^[[:space:]]*version[[:space:]]*:[[:space:]]*'\([^']*\)'.*/\1/p" \
	"$root/meson.build" | head -1)
[ -n "$version" ] || fail "no version: in $root/meson.build"

# The source tree, without build directories (build*, or any directory with
# meson-private/), .git and an existing subprojects/.
outer=$tmp/outer
sub=$outer/subprojects/spevirt
mkdir -p "$sub"
for e in "$root"/* "$root"/.[!.]*; do
	[ -e "$e" ] || continue
	name=${e##*/}
	case $name in build* | .git | subprojects) continue ;; esac
	[ ! -d "$e/meson-private" ] || continue
	cp -R "$e" "$sub/"
done
[ -f "$sub/meson.build" ] || fail "copying $root failed"

cat >"$outer/meson.build" <<EOF
project('spevirt-consumer', 'c',
  default_options : ['c_std=c11', 'warning_level=3', 'default_library=static'])
subproject('spevirt', default_options : ['werror=true'])
spevirt = dependency('spevirt', version : '>=$version')
executable('consumer', 'consumer.c', dependencies : spevirt)
EOF
cat >"$outer/consumer.c" <<'EOF'
#include <stdio.h>
#include <spevirt/spevirt.h>
int main(void) { return printf("%s %llu\n", spevirt_strerror(SPEVIRT_OK), (unsigned long long)spevirt_maxbuf_decode(1)) < 0; }
EOF

CC=$cc "$meson" setup "$tmp/build" "$outer" >"$tmp/log" 2>&1 ||
	fail "meson setup of an outer project using spevirt as a subproject failed"
"$ninja" -C "$tmp/build" >>"$tmp/log" 2>&1 ||
	fail "building the outer project (with the subproject at werror=true) failed"
"$tmp/build/consumer" >"$tmp/out" || fail "the consumer program failed"
find "$tmp/build/subprojects" -name 'libspevirt.a' | grep -q . ||
	fail "the parent's default_library=static did not give a static library"
! find "$tmp/build/subprojects" -name 'libspevirt.so*' | grep -q . ||
	fail "a shared library was built although the parent asked for static"
! find "$tmp/build/subprojects" -type f \( -name spevirt -o -name 'test-*' \) | grep -q . ||
	fail "the tool or the tests were built in a subproject that did not ask for them"
# "<strerror text> 4096": one line, a message, then the decoded size.
[ "$(wc -l <"$tmp/out")" -eq 1 ] || fail "unexpected output: $(cat "$tmp/out")"
last=$(awk '{ print $NF }' "$tmp/out")
[ "$last" = 4096 ] || fail "spevirt_maxbuf_decode(1) printed $last, expected 4096"
[ "$(awk '{ print NF }' "$tmp/out")" -ge 2 ] || fail "spevirt_strerror(SPEVIRT_OK) is empty"
echo "subproject: consumer printed: $(cat "$tmp/out")"
echo "subproject: OK"
