#!/bin/sh
# The C examples in README.md compile against the library; the first one runs
# and prints what the spec says for its configuration.
# usage: readme_example.sh SOURCE_ROOT BUILD_LIB_DIR CC
set -eu
root=$1 libdir=$2 cc=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# extract NAME: the code between the example markers, without the ``` fences
extract() {
	sed -n "/<!-- example:begin $1 -->/,/<!-- example:end $1 -->/p" "$root/README.md" |
		sed '1,2d' | sed '$d' | sed '$d' >"$tmp/$1.c"
	[ -s "$tmp/$1.c" ] || { echo "README.md has no example '$1'" >&2; exit 1; }
}

extract main
extract handler
flags="-std=c11 -Wall -Wextra -Wpedantic -Werror -I$root/include"
$cc $flags "$tmp/main.c" -L"$libdir" -lspevirt -o "$tmp/main"
$cc $flags -c "$tmp/handler.c" -o "$tmp/handler.o"
LD_LIBRARY_PATH=$libdir "$tmp/main" | tee "$tmp/out"
grep -q '^PMBIDR_EL1 0x40000000220, HDFGRTR_EL2 mask 0xc0000001ff800000 value 0xc000000000000000$' \
	"$tmp/out"
