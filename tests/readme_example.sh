#!/bin/sh
# The API example in README.md compiles against the built library and runs.
# usage: readme_example.sh SOURCE_ROOT BUILD_LIB_DIR CC
set -eu
root=$1 libdir=$2 cc=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -n '/<!-- example:begin -->/,/<!-- example:end -->/p' "$root/README.md" |
	sed '1,2d;$d' | sed '$d' >"$tmp/example.c"
grep -q spevirt_view_compute "$tmp/example.c"
"$cc" -std=c11 -Wall -Wextra -Werror -I"$root/include" "$tmp/example.c" \
	-L"$libdir" -lspevirt -o "$tmp/example"
LD_LIBRARY_PATH=$libdir "$tmp/example" | tee "$tmp/out"
grep -q '^PMBIDR_EL1 0x40000000220, HDFGRTR_EL2 mask 0xc0000001ff800000 value 0xc000000000000000$' \
	"$tmp/out"
