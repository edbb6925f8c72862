#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#
# Rule (conventions.md 5 and 14): the shared library exports exactly the API.
#   - nm -D --defined-only of the built library lists exactly the symbols of
#     the global: lists of lib/spevirt.map (version nodes such as SPEVIRT_0.1
#     are ignored), and each of them carries a symbol version;
#   - every exported symbol is declared by the public headers (a C file that
#     includes include/spevirt/*.h names each one, -Werror);
#   - every function the public headers declare with SPEVIRT_API is in the
#     version script, so no documented function is left unlinkable.
#
# usage: exports.sh SOURCE_ROOT LIBRARY [CC] [no-regdesc]
# Exits 77 (skipped) when LIBRARY is not a shared object (default_library=static).
# no-regdesc: the library is built without the register descriptions
# (-Dregdesc=false), so spevirt_reg_count, _get and _find are not exported.
set -eu
LC_ALL=C
export LC_ALL

root=$1
lib=$2
cc=${3:-cc}
regdesc=${4:-regdesc}
map=$root/lib/spevirt.map

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spevirt-exports.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

fail() {
	echo "exports: FAIL: $*" >&2
	exit 1
}

[ -f "$lib" ] || fail "no library at $lib"
[ -f "$map" ] || fail "no version script at $map"
if ! readelf -h "$lib" 2>/dev/null | grep -q 'Type:[[:space:]]*DYN'; then
	echo "exports: $lib is not a shared object: skipped"
	exit 77
fi

# The version script: node names ("NAME {"), and the symbols of every
# global: section.
sed 's/#.*//' "$map" >"$tmp/map.src"
sed -n 's/^[[:space:]]*\([A-Za-z_][A-Za-z0-9_.]*\)[[:space:]]*{.*/\1/p' "$tmp/map.src" >"$tmp/nodes"
awk '
	/global:/ { g = 1; sub(/.*global:/, "") }
	/local:/ || /}/ { g = 0 }
	g {
		n = split($0, w, /[ \t;]+/)
		for (i = 1; i <= n; i++) if (w[i] != "") print w[i]
	}
' "$tmp/map.src" | sort >"$tmp/map"
[ -s "$tmp/map" ] || fail "no global symbol in $map"
[ -s "$tmp/nodes" ] || fail "no version node in $map"
if sort "$tmp/map" | uniq -d | grep .; then
	fail "symbols listed twice in $map"
fi

# What the library exports.  nm prints "ADDR TYPE NAME[@@VERSION]"; version
# nodes appear as absolute (A) symbols.
nm -D --defined-only "$lib" >"$tmp/nm"
awk '$2 != "A" { n = $3; sub(/@.*/, "", n); print n }' "$tmp/nm" | sort -u >"$tmp/exported.all"
grep -vxF -f "$tmp/nodes" "$tmp/exported.all" >"$tmp/exported" || true
if [ "$regdesc" = no-regdesc ]; then
	grep -vE '^spevirt_reg_(count|get|find)$' "$tmp/map" >"$tmp/map.built" || true
else
	cp "$tmp/map" "$tmp/map.built"
fi

if ! cmp -s "$tmp/map.built" "$tmp/exported"; then
	echo "exports: FAIL: the exports of $lib differ from the global list of $map" >&2
	echo "  (< only in spevirt.map: not exported; > exported but not in spevirt.map)" >&2
	diff "$tmp/map.built" "$tmp/exported" | grep '^[<>]' >&2 || true
	exit 1
fi

# Each export is versioned (readelf shows NAME@@NODE for a default version).
unversioned=$(readelf --dyn-syms -W "$lib" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" && $5 != "LOCAL" && NF >= 8 { print $8 }' |
	grep -v '@' | grep -vxF -f "$tmp/nodes" | grep -v '^$' || true)
[ -z "$unversioned" ] || fail "exported without a symbol version: $unversioned"

# Each export is declared by the public headers.
{
	for h in "$root"/include/spevirt/*.h; do
		echo "#include <spevirt/${h##*/}>"
	done
	echo 'void spevirt_exports_check(void);'
	echo 'void spevirt_exports_check(void)'
	echo '{'
	sed 's/.*/	(void)\&&;/' "$tmp/map"
	echo '}'
} >"$tmp/declared.c"
if ! "$cc" -std=c11 -Wall -Wextra -Werror -I"$root/include" -fsyntax-only \
	"$tmp/declared.c" 2>"$tmp/declared.err"; then
	cat "$tmp/declared.err" >&2
	fail "an exported symbol is not declared by include/spevirt/*.h"
fi

# Each SPEVIRT_API function of the public headers is in the version script.
for h in "$root"/include/spevirt/*.h; do
	# "SPEVIRT_API <type> name(...", or with the name on the next line
	# after "SPEVIRT_API SPEVIRT_MUST_CHECK": the identifier before the '('.
	sed -n '/^SPEVIRT_API[[:space:]]/{/(/!N;s/(.*//;s/.*[^A-Za-z0-9_]//;p;}' "$h"
done | sort -u >"$tmp/api"
[ -s "$tmp/api" ] || fail "no SPEVIRT_API declaration found in include/spevirt/*.h"
missing=$(comm -23 "$tmp/api" "$tmp/map")
[ -z "$missing" ] || fail "declared SPEVIRT_API in include/spevirt/ but not exported by \
lib/spevirt.map (callers would not link): $(echo "$missing" | tr '\n' ' ')"

echo "exports: OK: $(wc -l <"$tmp/map") symbols, versions: $(tr '\n' ' ' <"$tmp/nodes")"
