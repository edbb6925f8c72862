#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#
# Rule (conventions.md 6 and 13): spevirt installs as a library that is found
# and used through pkg-config alone.  A fresh build of the source tree
# (-Dtests=disabled -Dtools=disabled) is installed into a temporary prefix; then
#   - exactly one spevirt.pc is installed, and pkg-config (searching only the
#     prefix) reports the project version;
#   - every public header (include/spevirt/*.h) is installed;
#   - a three-line program, compiled with only
#     `pkg-config --cflags --libs spevirt`, links against the installed
#     library and runs (LD_LIBRARY_PATH set), printing
#     spevirt_strerror(SPEVIRT_OK) and spevirt_maxbuf_decode(1) == 4096.
#
# usage: pkgconfig.sh SOURCE_ROOT [CC] [MESON] [PKG_CONFIG]
# Exits 77 (skipped) when pkg-config is missing, unless CI=true.
set -eu

root=$1
cc=${2:-cc}
meson=${3:-meson}
pkgconfig=${4:-pkg-config}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spevirt-pkgconfig.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

fail() {
	echo "pkgconfig: FAIL: $*" >&2
	[ ! -f "$tmp/log" ] || tail -40 "$tmp/log" >&2
	exit 1
}

command -v "$meson" >/dev/null 2>&1 || fail "meson not found ($meson)"
if ! command -v "$pkgconfig" >/dev/null 2>&1; then
	[ "${CI:-}" != true ] || fail "pkg-config not found ($pkgconfig), and CI=true requires it"
	echo "NOTICE: pkg-config not found: skipped"
	exit 77
fi

prefix=$tmp/prefix
CC=$cc "$meson" setup "$tmp/build" "$root" --prefix="$prefix" -Dtests=disabled -Dtools=disabled \
	>"$tmp/log" 2>&1 || fail "meson setup of $root failed"
"$meson" install -C "$tmp/build" >>"$tmp/log" 2>&1 || fail "meson install failed"

pcs=$(find "$prefix" -name spevirt.pc)
[ -n "$pcs" ] || fail "no spevirt.pc installed under the prefix"
[ "$(echo "$pcs" | wc -l)" -eq 1 ] || fail "several spevirt.pc installed: $pcs"
pcdir=${pcs%/spevirt.pc}
libdir=$(PKG_CONFIG_LIBDIR=$pcdir "$pkgconfig" --variable=libdir spevirt)

for h in "$root"/include/spevirt/*.h; do
	[ -f "$prefix/include/spevirt/${h##*/}" ] || fail "${h##*/} is not installed in include/spevirt/"
done

version=$(sed -n "s/^[[:space:]]*version[[:space:]]*:[[:space:]]*'\([^']*\)'.*/\1/p" \
	"$root/meson.build" | head -1)
pcversion=$(PKG_CONFIG_LIBDIR=$pcdir "$pkgconfig" --modversion spevirt)
[ "$pcversion" = "$version" ] || fail "spevirt.pc says version $pcversion, meson.build $version"

cat >"$tmp/consumer.c" <<'EOF'
#include <stdio.h>
#include <spevirt/spevirt.h>
int main(void) { return printf("%s %llu\n", spevirt_strerror(SPEVIRT_OK), (unsigned long long)spevirt_maxbuf_decode(1)) < 0; }
EOF
flags=$(PKG_CONFIG_LIBDIR=$pcdir "$pkgconfig" --cflags --libs spevirt) ||
	fail "pkg-config --cflags --libs spevirt failed"
# shellcheck disable=SC2086 # the flags are words
"$cc" -std=c11 -Wall -Wextra -Werror "$tmp/consumer.c" -o "$tmp/consumer" $flags ||
	fail "the consumer does not build with: $flags"
LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} "$tmp/consumer" >"$tmp/out" ||
	fail "the consumer failed to run (LD_LIBRARY_PATH=$libdir)"
# "<strerror text> 4096": one line, a message, then the decoded size.
[ "$(wc -l <"$tmp/out")" -eq 1 ] || fail "unexpected output: $(cat "$tmp/out")"
last=$(awk '{ print $NF }' "$tmp/out")
[ "$last" = 4096 ] || fail "spevirt_maxbuf_decode(1) printed $last, expected 4096"
[ "$(awk '{ print NF }' "$tmp/out")" -ge 2 ] || fail "spevirt_strerror(SPEVIRT_OK) is empty"
echo "pkgconfig: ${pcs#"$prefix"/}, flags: $flags" | sed "s|$prefix|<prefix>|g"
echo "pkgconfig: consumer printed: $(cat "$tmp/out")"
echo "pkgconfig: OK"
