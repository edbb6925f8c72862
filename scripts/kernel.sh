#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
# spevirt in real kernel trees ('./dev kernel', which installs the packages).
# Any compiler or sparse warning in spevirt's files, and any modpost
# message, fails.
#
# x86-64, against Debian's linux-headers-amd64 and its Module.symvers:
#   1. linux/ as a module with every optional part, W=1, then W=1 C=2
#      (sparse); then the runtime core alone (no offers, audit, register
#      descriptions or reasons), W=1.
#   2. tests/kernel/spevirt_kvm_tu.c as COMPILE_TEST builds it: W=1 C=1.
# arm64, Debian's linux-source-6.1 with the arm64 config and Module.symvers
# of the same release (linux-headers-ABI-arm64, extracted with dpkg-deb),
# prepared once with O= in build-kernel-arm64/:
#   3. In the tree: lib/spevirt/ (lib/, include/, linux/), selected by KVM,
#      built in with W=1 C=1; the KVM file in arch/arm64/kvm/, W=1 C=1.
#      The core's .text and .rodata (-O2) are printed, and the per-register
#      answers (spevirt_read_pmsidr()/pmbidr()) must take at most 6
#      instructions.
#   4. Out of tree with O=: linux/ as a module with every optional part
#      (W=1 C=1), linked by modpost against the real Module.symvers.
#   5. spevirt_sysreg_from_iss() against the kernel's esr_sys64_to_sysreg()
#      for all 65,536 encodings (tests/kernel/esr_agree.c).
# Register data, against Debian's newest kernel source (linux-source-6.12):
#   6. lib/sysreg against its arch/arm64/tools/sysreg, bit by bit
#      (scripts/sysreg-compare.py; the differences it allows are named in
#      tests/kernel/sysreg-differences), and its gen-sysreg.awk accepts
#      lib/sysreg with every macro equal to spevirt's
#      (tests/integration/linux_sysreg.sh).
# usage: scripts/kernel.sh   (from the top of the project)
set -euo pipefail

out=$PWD/build-kernel
log=$out.log
karm=$PWD/build-kernel-arm64
src=$karm/linux-6.1
obj=$karm/obj
arm64=(ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-)
# Every optional part (the host file is arm64's: Kconfig's dependency, by hand).
all_parts=(CONFIG_SPEVIRT_OFFERS=y CONFIG_SPEVIRT_AUDIT=y CONFIG_SPEVIRT_NESTED=y
	   CONFIG_SPEVIRT_REGDESC=y CONFIG_SPEVIRT_REASONS=2)
kdir=$(ls -d /usr/src/linux-headers-*-amd64 | sort -V | tail -n 1)
abi=${kdir#/usr/src/linux-headers-}
abi=${abi%-amd64}

fail() {
	echo "kernel: $*" >&2
	exit 1
}

# kmake WHAT MAKE-ARGS...: make, quietly; then no warning in spevirt's files
# (the copies under build-kernel/ and lib/spevirt/, arch/arm64/kvm/spevirt_*)
# and no modpost message.
kmake() {
	local what=$1
	shift
	echo "dev: building $what" >&2
	make "$@" >"$log" 2>&1 || {
		cat "$log" >&2
		fail "the build of $what failed"
	}
	if grep -E "(^$out/|lib/spevirt/|spevirt_kvm_tu|spevirt_esr).*(warning|error):" "$log" >&2; then
		fail "warnings in spevirt's code ($what)"
	fi
	if grep -E "modpost:|Module.symvers is missing|WARNING: " "$log" >&2; then
		fail "modpost messages ($what)"
	fi
}

fresh_copy() {
	rm -rf "$out" && mkdir -p "$out" && cp -r linux lib include "$out/"
}

# has_symbol NM OBJECT SYMBOL: OBJECT defines SYMBOL.  nm's whole output is
# read first: grep -q in a pipe exits at the first match, and nm, still
# writing, dies of SIGPIPE, which pipefail reports as a failure.
has_symbol() {
	local syms
	syms=$("$1" "$2") || fail "$1 cannot read $2"
	grep -q " $3\$" <<<"$syms"
}

x86_64() {
	local pass
	for pass in "W=1" "W=1 C=2"; do
		fresh_copy
		# shellcheck disable=SC2086 # $pass is several make arguments
		kmake "linux/ for x86-64 against ${kdir##*/}, every part, $pass" -C "$kdir" \
			M="$out/linux" CONFIG_SPEVIRT=m "${all_parts[@]}" $pass modules
	done
	tr '\0' '\n' <"$out/linux/spevirt.ko" | grep -E '^(license|description)='
	fresh_copy
	kmake "linux/ for x86-64, the core alone, W=1" -C "$kdir" M="$out/linux" CONFIG_SPEVIRT=m \
		W=1 modules
	for s in spevirt_reg_find spevirt_pool_compute spevirt_audit spevirt_hw_access \
		spevirt_nested_compose; do
		! has_symbol nm "$out/linux/spevirt.ko" "$s" || fail "the core still has $s"
	done
	has_symbol nm "$out/linux/spevirt.ko" spevirt_view_present ||
		fail "the core lacks spevirt_view_present (a migration's destination needs it)"
	mkdir -p "$out/kvm_tu" && cp tests/kernel/* "$out/kvm_tu/"
	kmake "the KVM file for x86-64 (COMPILE_TEST), W=1 C=1" -C "$kdir" M="$out/kvm_tu" \
		W=1 C=1 modules
}

# Debian's arm64 config and Module.symvers for linux-source-6.1's release,
# and the tree prepared with O= (once: about two minutes).
arm64_prepare() {
	local deb=$karm/deb hdr
	rm -rf "$karm" && mkdir -p "$deb" "$src" "$obj"
	echo "dev: fetching linux-headers-$abi-arm64 (its .config and Module.symvers)" >&2
	(cd "$deb" && apt-get -o APT::Sandbox::User=root download -qq "linux-headers-$abi-arm64:arm64")
	dpkg-deb -x "$deb"/linux-headers-*.deb "$deb/x"
	hdr=$deb/x/usr/src/linux-headers-$abi-arm64
	echo "dev: preparing Linux 6.1 for arm64 in $karm (Debian's config, O=)" >&2
	tar -xf /usr/src/linux-source-6.1.tar.xz -C "$src" --strip-components=1
	# spevirt as lib/spevirt/, selected by KVM; the KVM file in arch/arm64/kvm/.
	echo 'obj-$(CONFIG_SPEVIRT) += spevirt/linux/' >>"$src/lib/Makefile"
	echo 'source "lib/spevirt/linux/Kconfig"' >>"$src/lib/Kconfig"
	sed -i '/^menuconfig KVM$/,/^$/s/^\tselect MMU_NOTIFIER$/&\n\tselect SPEVIRT/' \
		"$src/arch/arm64/kvm/Kconfig"
	grep -q 'select SPEVIRT' "$src/arch/arm64/kvm/Kconfig" || fail "no 'config KVM' to select SPEVIRT"
	cat >>"$src/arch/arm64/kvm/Makefile" <<-'EOF'
		kvm-$(CONFIG_SPEVIRT) += spevirt_kvm_tu.o
		CFLAGS_spevirt_kvm_tu.o := -I$(srctree)/lib/spevirt/include
	EOF
	mkdir -p "$src/lib/spevirt/linux" && cp linux/Kconfig "$src/lib/spevirt/linux/"
	cp "$hdr/.config" "$obj/.config"
	# What only vmlinux needs (BTF, debug information, signing keys) is off.
	"$src/scripts/config" --file "$obj/.config" --disable DEBUG_INFO_BTF \
		--disable DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT --disable DEBUG_INFO_DWARF4 \
		--disable DEBUG_INFO_DWARF5 --enable DEBUG_INFO_NONE --disable MODULE_SIG \
		--set-str SYSTEM_TRUSTED_KEYS "" --set-str SYSTEM_REVOCATION_KEYS ""
	{
		make -C "$src" O="$obj" "${arm64[@]}" olddefconfig &&
			make -C "$src" O="$obj" -j"$(nproc)" "${arm64[@]}" modules_prepare
	} >"$log" 2>&1 || {
		cat "$log" >&2
		rm -rf "$karm"
		fail "preparing the arm64 tree failed"
	}
	grep -qx 'CONFIG_SPEVIRT=y' "$obj/.config" || fail "KVM did not select SPEVIRT"
	cp "$hdr/Module.symvers" "$obj/Module.symvers"
}

# Instructions of FUNCTION in OBJECT, but for the function's frame that is
# not spevirt's: BTI landing pad, return-address signing, ret.  awk reads
# to the end (an early exit would kill objdump with SIGPIPE, under pipefail).
insns() {
	aarch64-linux-gnu-objdump -d --no-show-raw-insn "$1" |
		awk -v fn="<$2>:" '$2 == fn { on = 1; next } on && NF == 0 { on = 0 }
			on && $2 !~ /^(bti|paciasp|autiasp|ret)$/ { n++ } END { print n + 0 }'
}

arm64_in_tree() {
	local o total_text=0 total_rodata=0 n
	rm -rf "$src/lib/spevirt" && mkdir -p "$src/lib/spevirt" && cp -r lib include linux "$src/lib/spevirt/"
	cp tests/kernel/spevirt_kvm_tu.[ch] "$src/arch/arm64/kvm/"
	kmake "lib/spevirt/ and arch/arm64/kvm/spevirt_kvm_tu.o in an arm64 tree (O=), W=1 C=1" \
		-C "$src" O="$obj" "${arm64[@]}" -j"$(nproc)" W=1 C=1 lib/spevirt/linux/ \
		arch/arm64/kvm/spevirt_kvm_tu.o
	for o in "$obj"/lib/spevirt/linux/spevirt_*.o; do
		read -r t r < <(aarch64-linux-gnu-size -A "$o" |
			awk '$1 ~ /^\.text/ { t += $2 } $1 ~ /^\.rodata/ { r += $2 } END { print t + 0, r + 0 }')
		total_text=$((total_text + t)) total_rodata=$((total_rodata + r))
	done
	echo "kernel: the core built in (arm64 -O2, Debian's config, no reasons):" \
		".text $total_text bytes, .rodata $total_rodata bytes"
	for f in spevirt_kvm_read_pmsidr spevirt_kvm_read_pmbidr spevirt_kvm_access_id \
		spevirt_kvm_read_by_encoding; do
		n=$(insns "$obj/arch/arm64/kvm/spevirt_kvm_tu.o" "$f")
		echo "kernel: $f: $n instructions (arm64 -O2, without bti, pac and ret)"
		case $f in
		spevirt_kvm_read_pm?idr) [ "$n" -ge 1 ] && [ "$n" -le 6 ] ||
			fail "$f takes $n instructions, more than 6" ;;
		esac
	done
}

arm64_module() {
	fresh_copy
	kmake "linux/ for arm64 (O=, every part), modpost against Debian's Module.symvers, W=1 C=1" \
		-C "$src" O="$obj" "${arm64[@]}" M="$out/linux" CONFIG_SPEVIRT=m "${all_parts[@]}" \
		CONFIG_SPEVIRT_HOSTFILE=y W=1 C=1 modules
	has_symbol aarch64-linux-gnu-nm "$out/linux/spevirt.ko" spevirt_hostinfo_init ||
		fail "the arm64 module has no host-values reader"
	grep -q 'read_sanitised_ftr_reg' "$out/linux/spevirt.mod.c" ||
		fail "modpost did not record read_sanitised_ftr_reg's version"
}

esr_agreement() {
	mkdir -p "$out/kvm_tu" && cp tests/kernel/* "$out/kvm_tu/"
	awk 'BEGIN {
		for (i = 0; i < 65536; i++) {
			op0 = int(i / 16384); op1 = int(i / 2048) % 8; crn = int(i / 128) % 16
			crm = int(i / 8) % 16; op2 = i % 8; rt = (i * 7) % 32; dir = (i + int(i / 8)) % 2
			printf "E(0x%x)\n", op0 * 2^20 + op2 * 2^17 + op1 * 2^14 + crn * 2^10 + \
				rt * 2^5 + crm * 2 + dir
		}
	}' >"$out/kvm_tu/spevirt_esr_entries.h"
	kmake "the kernel's ESR decoding as a table (arm64, W=1)" -C "$src" O="$obj" "${arm64[@]}" \
		M="$out/kvm_tu" W=1 modules
	aarch64-linux-gnu-objcopy -O binary --only-section=.rodata.spevirt_esr \
		"$out/kvm_tu/spevirt_esr_table.o" "$out/esr.bin"
	gcc -O2 -std=c11 -Wall -Werror -Iinclude -Itests/kernel -o "$out/esr_agree" \
		tests/kernel/esr_agree.c lib/*.c
	"$out/esr_agree" "$out/esr.bin"
}

sysreg_newest() {
	local new=$karm/linux-6.12
	if [ ! -f "$new/arch/arm64/tools/sysreg" ]; then
		mkdir -p "$new"
		tar -xf /usr/src/linux-source-6.12.tar.xz -C "$new" --strip-components=1 \
			--wildcards '*/arch/arm64/tools/sysreg'
	fi
	local report rc=0
	echo "dev: lib/sysreg against Linux 6.12's arch/arm64/tools/sysreg" >&2
	report=$(python3 scripts/sysreg-compare.py lib/sysreg "$new/arch/arm64/tools/sysreg" \
		tests/kernel/sysreg-differences) || rc=$?
	grep -v '^named' <<<"$report"
	[ "$rc" -eq 0 ] || fail "lib/sysreg disagrees with Linux 6.12 on a bit"
	SPEVIRT_LINUX_SOURCE=/usr/src/linux-source-6.12.tar.xz \
		sh tests/integration/linux_sysreg.sh "$PWD" gcc python3
}

x86_64
[ -f "$obj/Module.symvers" ] || arm64_prepare
arm64_in_tree
arm64_module
esr_agreement
sysreg_newest
echo "kernel: x86-64 and arm64, W=1 and sparse, the in-tree O= build, the KVM file," \
	"modpost against real Module.symvers: no warning and no modpost message"
