#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#
# Rule (kernel embedding): no name of spevirt can meet a macro of the tree it
# is built in.  Every lib/*.c compiles, -Werror, with
# tests/integration/kernel_names.h included first: it makes the names Linux,
# KVM and hypervisor code define (BIT, GENMASK, FIELD_GET, FEAT_SPE,
# HDFGRTR_EL2, PMSCR_EL1, POS, SLOT, ...) macros that break the build
# wherever they are expanded.  The public headers are compiled the same way.
#
# usage: clash.sh SOURCE_ROOT [CC]
set -eu

root=$1
cc=${2:-cc}
names=$root/tests/integration/kernel_names.h
status=0

for src in "$root"/lib/*.c; do
	if ! "$cc" -std=c99 -Wall -Wextra -Werror -I"$root/include" -include "$names" \
		-c "$src" -o /dev/null; then
		echo "clash: FAIL: ${src#"$root"/} uses a name a kernel may define" >&2
		status=1
	fi
done
printf '#include <spevirt/spevirt.h>\nint main(void) { return 0; }\n' |
	"$cc" -std=c99 -Wall -Wextra -Werror -I"$root/include" -include "$names" -x c - \
		-fsyntax-only || {
	echo "clash: FAIL: the public headers use a name a kernel may define" >&2
	status=1
}
[ $status -eq 0 ] && echo "clash: OK: $(grep -c '^#define' "$names") names, no clash"
exit $status
