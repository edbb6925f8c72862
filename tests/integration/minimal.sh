#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#
# Rule (issue: a new user's build): the library configures, builds and
# installs with nothing but a C compiler, meson and ninja, and the tool with
# jansson besides (it reads host files).  With only jansson visible to
# pkg-config:
#   - meson setup with the default options succeeds and says that the tests
#     are not built;
#   - ninja builds, and meson install into a custom prefix installs the
#     library, the headers, the .pc file, the tool, the man page and
#     share/doc/spevirt/{policy.md,cli-json.md};
#   - the installed tool runs from that prefix with no LD_LIBRARY_PATH
#     (its rpath finds the library) and prints its version;
#   - -Dtests=enabled fails at setup, naming cmocka;
#   - without jansson either, setup says that the tool is not built.
#
# usage: minimal.sh SOURCE_ROOT [CC] [MESON] [NINJA]
set -eu

root=$1
cc=${2:-cc}
meson=${3:-meson}
ninja=${4:-ninja}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spevirt-minimal.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

fail() {
	echo "minimal: FAIL: $*" >&2
	[ ! -f "$tmp/log" ] || tail -30 "$tmp/log" >&2
	exit 1
}

# pkg-config finds jansson only: as on a machine without libcmocka-dev.
mkdir "$tmp/no-pc" "$tmp/empty-pc"
jansson_pc=$(pkg-config --variable=pcfiledir jansson)/jansson.pc
[ -f "$jansson_pc" ] || fail "jansson.pc not found: install libjansson-dev"
cp "$jansson_pc" "$tmp/no-pc/"
PKG_CONFIG_LIBDIR=$tmp/no-pc PKG_CONFIG_PATH= CC=$cc \
	"$meson" setup "$tmp/build" "$root" --prefix "$tmp/prefix" >"$tmp/log" 2>&1 ||
	fail "meson setup without CMocka failed"
grep -q "CMocka (libcmocka-dev) not found: the tests are not built" "$tmp/log" ||
	fail "meson setup does not say that the tests are skipped"
"$ninja" -C "$tmp/build" >>"$tmp/log" 2>&1 || fail "building without CMocka failed"
"$meson" install -C "$tmp/build" >>"$tmp/log" 2>&1 || fail "meson install failed"

p=$tmp/prefix
for f in include/spevirt/spevirt.h bin/spevirt share/doc/spevirt/policy.md \
	share/doc/spevirt/cli-json.md share/doc/spevirt/hypervisors.md; do
	[ -e "$p/$f" ] || fail "$f is not installed"
done
find "$p" -name 'libspevirt.so*' | grep -q . || fail "the library is not installed"
find "$p" -name 'libspevirt.so.2' | grep -q . || fail "the library's soname is not libspevirt.so.2"
find "$p" -name spevirt.pc | grep -q . || fail "spevirt.pc is not installed"
find "$p" -name spevirt.1 | grep -q . || fail "the man page is not installed"
out=$(env -u LD_LIBRARY_PATH "$p/bin/spevirt" --version) ||
	fail "the installed spevirt does not find its library"
echo "minimal: installed tool: $out"

PKG_CONFIG_LIBDIR=$tmp/no-pc PKG_CONFIG_PATH= CC=$cc \
	"$meson" setup "$tmp/build2" "$root" -Dtests=enabled >"$tmp/log2" 2>&1 &&
	fail "-Dtests=enabled without CMocka did not fail"
grep -qi cmocka "$tmp/log2" || fail "the -Dtests=enabled failure does not name cmocka"

PKG_CONFIG_LIBDIR=$tmp/empty-pc PKG_CONFIG_PATH= CC=$cc \
	"$meson" setup "$tmp/build3" "$root" >"$tmp/log3" 2>&1 ||
	fail "meson setup without jansson failed"
grep -q "jansson (libjansson-dev) not found: the spevirt tool is not built" "$tmp/log3" ||
	fail "meson setup without jansson does not say that the tool is skipped"
echo "minimal: OK"
