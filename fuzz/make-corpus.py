#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""Generate the seed corpora of the spevirt fuzz harnesses.

Writes fuzz/corpus/view/* (inputs of fuzz_view.c), fuzz/corpus/maxbuf/*
(fuzz_maxbuf.c), fuzz/corpus/offer/* (fuzz_offer.c, which reads fuzz_view.c's
layout), fuzz/corpus/nested/* (fuzz_nested.c: that layout and L1's registers)
and fuzz/corpus/buffer/* (fuzz_buffer.c) from the tables below.  Each
seed is described by the register values, configuration or operations it
stands for; this script packs them into the input layout documented at the
top of the harness, and the two must be kept in step.

Usage:
    fuzz/make-corpus.py           (re)write the seed files
    fuzz/make-corpus.py --check   exit 1 if a seed file is missing or differs
    fuzz/make-corpus.py --list    print each seed's values

Files in the corpus directories that this script does not know about (for
example reproducers added by hand) are left alone.  Trailing zero bytes are
dropped, since the harnesses read missing bytes as 0, except in buffer seeds,
whose length gives their number of operations.
"""

import argparse
import os
import struct
import sys

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus')

MIB = 1 << 20
KIB = 1 << 10
U64 = (1 << 64) - 1
U32 = (1 << 32) - 1

# enum spevirt_profile
DEFAULT = 0
KVM = 1

# ID_AA64DFR0_EL1.PMSVer
NI, IMP, V1P1, V1P2, V1P3, V1P4, V1P5 = range(7)

# SPEVIRT_CFG_* flags
TPMS_FALLBACK = 1 << 0
UNADVERTISED_LIMIT = 1 << 1
FORBID_LEAKS = 1 << 2
PINNED_MEMORY = 1 << 3
ALLOW_PHYS_ADDR = 1 << 4
ALLOW_PHYS_TIMESTAMP = 1 << 5
ALLOW_CONTEXTIDR_EL2 = 1 << 6

# SPEVIRT_EL3_* bits (spevirt_host.el3_disabled)
EL3_NO_FGT = 1 << 0
EL3_NO_FGT2 = 1 << 1
EL3_NO_PMSNEVFR = 1 << 2
EL3_NO_PMSDSFR = 1 << 3
EL3_NO_PMBMAR = 1 << 4
EL3_PMSEE_ALL = 1 << 5


def field(val, shift, width):
    return (val >> shift) & ((1 << width) - 1)


def prep(x, shift, width):
    return (x & ((1 << width) - 1)) << shift


# Register fields used by the view layout: (shift, width), after spevirt_regs.h.
DFR0_PMSVER = (32, 4)
MMFR0_FGT = (56, 4)
DFR2_SPE_NVM = (20, 4)
DFR2_SPE_EXC = (16, 4)
PMSIDR_SME = (32, 1)
PMSIDR_ALTCLK = (28, 4)
PMSIDR_FPF = (27, 1)
PMSIDR_EFT = (26, 1)
PMSIDR_CRR = (25, 1)
PMSIDR_PBT = (24, 1)
PMSIDR_FORMAT = (20, 4)
PMSIDR_COUNTSIZE = (16, 4)
PMSIDR_MAXSIZE = (12, 4)
PMSIDR_INTERVAL = (8, 4)
PMBIDR_MAXBUFFSIZE = (32, 16)
PMBIDR_ADDRMODE = (6, 2)
PMBIDR_F = (5, 1)
PMBIDR_P = (4, 1)
PMBIDR_EA = (8, 4)
PMBIDR_ALIGN = (0, 4)
MAXSIZE_64 = 6
COUNTSIZE_12_BIT_SAT = 2


def maxbuf_decode(fld):
    """spevirt_maxbuf_decode()"""
    m = fld & 0x1ff
    e = (fld >> 9) & 0x1f
    if e == 0:
        return m << 12
    return (m | 0x200) << (e + 11)


def maxbuf_encode(size):
    """The MaxBuffSize field for size, or None when it is not representable."""
    for fld in range(0x4000):
        if maxbuf_decode(fld) == size:
            return fld
    return None


def view_struct_bytes(host, cfg, el3=0):
    """Bytes 0-15 of a fuzz_view input: the small per-field encoding."""
    dfr0, dfr2, mmfr0, pmsidr, pmbidr = host
    profile, pmsver, spe_nvm, max_buffer_size, flags = cfg
    b = [0] * 16
    b[0] = field(dfr0, *DFR0_PMSVER) | field(mmfr0, *MMFR0_FGT) << 4
    b[1] = field(dfr2, *DFR2_SPE_NVM) | field(dfr2, *DFR2_SPE_EXC) << 4
    b[2] = pmsidr & 0xff
    b[3] = (field(pmsidr, *PMSIDR_PBT) | field(pmsidr, *PMSIDR_CRR) << 1 |
            field(pmsidr, *PMSIDR_EFT) << 2 | field(pmsidr, *PMSIDR_SME) << 3 |
            field(pmsidr, *PMSIDR_ALTCLK) << 4)
    b[4] = (field(pmsidr, *PMSIDR_INTERVAL) |
            ((field(pmsidr, *PMSIDR_MAXSIZE) - MAXSIZE_64) & 0xf) << 4)
    b[5] = ((field(pmsidr, *PMSIDR_COUNTSIZE) - COUNTSIZE_12_BIT_SAT) & 0xf |
            field(pmsidr, *PMSIDR_FORMAT) << 4)
    b[6] = field(pmbidr, *PMBIDR_ALIGN) | field(pmbidr, *PMBIDR_EA) << 4
    b[7] = (field(pmbidr, *PMBIDR_F) | field(pmbidr, *PMBIDR_P) << 1 |
            field(pmbidr, *PMBIDR_ADDRMODE) << 2 | (el3 & 0xf) << 4)
    b[8:10] = struct.pack('<H', field(pmbidr, *PMBIDR_MAXBUFFSIZE))
    b[10] = profile & 0xff
    b[11] = pmsver & 0xff
    b[12] = spe_nvm & 0xff
    b[13] = flags & 0xff
    b[14:16] = struct.pack('<H', maxbuf_encode(max_buffer_size) or 0)
    return bytes(b)


def view_decode_struct(b):
    """What fuzz_view.c decode_input() makes of bytes 0-15 alone."""
    lo = [x & 0xf for x in b]
    hi = [x >> 4 for x in b]
    dfr0 = prep(lo[0], *DFR0_PMSVER)
    mmfr0 = prep(hi[0], *MMFR0_FGT)
    dfr2 = prep(lo[1], *DFR2_SPE_NVM) | prep(hi[1], *DFR2_SPE_EXC)
    pmsidr = (b[2] | prep(b[3], *PMSIDR_PBT) | prep(b[3] >> 1, *PMSIDR_CRR) |
              prep(b[3] >> 2, *PMSIDR_EFT) | prep(b[3] >> 2, *PMSIDR_FPF) |
              prep(b[3] >> 3, *PMSIDR_SME) | prep(hi[3], *PMSIDR_ALTCLK) |
              prep(lo[4], *PMSIDR_INTERVAL) | prep(hi[4] + MAXSIZE_64, *PMSIDR_MAXSIZE) |
              prep(lo[5] + COUNTSIZE_12_BIT_SAT, *PMSIDR_COUNTSIZE) |
              prep(hi[5], *PMSIDR_FORMAT))
    pmbidr = (prep(lo[6], *PMBIDR_ALIGN) | prep(hi[6], *PMBIDR_EA) |
              prep(b[7], *PMBIDR_F) | prep(b[7] >> 1, *PMBIDR_P) |
              prep(b[7] >> 2, *PMBIDR_ADDRMODE) |
              prep(struct.unpack('<H', b[8:10])[0], *PMBIDR_MAXBUFFSIZE))
    cfg = (b[10], b[11], b[12], maxbuf_decode(struct.unpack('<H', b[14:16])[0]), b[13])
    return (dfr0, dfr2, mmfr0, pmsidr, pmbidr), cfg


def view_input(host, cfg, el3=0):
    """The fuzz_view input that stands for host, cfg and host.el3_disabled."""
    sb = view_struct_bytes(host, cfg, el3)
    base_host, base_cfg = view_decode_struct(sb)
    profile, pmsver, spe_nvm, max_buffer_size, flags = cfg
    data = sb + struct.pack('<6Q4I',
                            max_buffer_size ^ base_cfg[3],
                            *[want ^ got for want, got in zip(host, base_host)],
                            profile ^ base_cfg[0], pmsver ^ base_cfg[1],
                            spe_nvm ^ base_cfg[2], flags ^ base_cfg[4])
    data += struct.pack('<I', el3 ^ (el3 & 0xf))
    return data.rstrip(b'\0')


def host(dfr0=0, dfr2=0, mmfr0=0, pmsidr=0, pmbidr=0):
    return (dfr0 & U64, dfr2 & U64, mmfr0 & U64, pmsidr & U64, pmbidr & U64)


def cfg(profile=DEFAULT, pmsver=NI, spe_nvm=0, max_buffer_size=0, flags=0):
    return (profile & U32, pmsver & U32, spe_nvm & U32, max_buffer_size & U64, flags & U32)


# Armv8.7: SPEv1p2 (FnE) with FEAT_FGT.
H87 = host(dfr0=0x0000000310305709, mmfr0=0x0100000000000000, pmsidr=0x26457, pmbidr=0x220)
# Armv8.7 without FEAT_FGT.
H87_NOFGT = H87[:2] + (0,) + H87[3:]
# Armv8.9: SPEv1p4 with FnE, FDS, LDS, PBT, CRR; FEAT_FGT2.
H89 = host(dfr0=0x0000000510305709, mmfr0=0x0200000000101125, pmsidr=0x030264ff,
           pmbidr=0x220)
# SPEv1p5: SPE_nVM, SPE_EXC, CRR; FEAT_FGT2; PMBIDR_EL1.AddrMode 0b01.
H95 = host(dfr0=0x0000000610305709, dfr2=0x110000, mmfr0=0x0200000000101125,
           pmsidr=0x0202b457, pmbidr=0x264)
# A PMSVer spevirt does not know yet (0b0111): treated as V1P5.
HFUTURE = host(dfr0=0x0000000710305709, dfr2=0x110000, mmfr0=0x0300000000000000,
               pmsidr=0x0202b457, pmbidr=0x264)
# A host that is itself a guest: PMBIDR_EL1.MaxBuffSize limits it to 64 MiB.
H87_LIMIT = H87[:4] + (0x220 | maxbuf_encode(64 * MIB) << 32,)

VIEW_SEEDS = {
    'no-spe': (host(), cfg()),
    'v8.7-v1p2-fgt-default': (H87, cfg(pmsver=V1P2)),
    'v8.7-v1p2-fgt-kvm-4m': (H87, cfg(profile=KVM, pmsver=V1P2, max_buffer_size=4 * MIB)),
    'v8.7-v1p2-fgt-downgrade-imp': (H87, cfg(pmsver=IMP)),
    'v8.7-v1p2-fgt-downgrade-forbid-leaks': (H87, cfg(pmsver=V1P1, flags=FORBID_LEAKS)),
    'v8.7-v1p2-fgt-guest-no-spe': (H87, cfg()),
    'v8.7-v1p2-nofgt-default': (H87_NOFGT, cfg(pmsver=V1P2)),
    'v8.7-v1p2-nofgt-4m-need-fgt': (H87_NOFGT, cfg(pmsver=V1P2, max_buffer_size=4 * MIB)),
    'v8.7-v1p2-nofgt-4m-unadvertised': (H87_NOFGT, cfg(pmsver=V1P2, max_buffer_size=4 * MIB,
                                                        flags=UNADVERTISED_LIMIT)),
    'v8.7-v1p2-nofgt-downgrade-tpms-fallback': (H87_NOFGT, cfg(pmsver=IMP,
                                                                flags=TPMS_FALLBACK)),
    'v8.7-limit-64m-guest-4m': (H87_LIMIT, cfg(pmsver=V1P2, max_buffer_size=4 * MIB)),
    'v8.7-bufsize-unrepresentable': (H87, cfg(pmsver=V1P2, max_buffer_size=4 * MIB + 4 * KIB)),
    'v8.9-v1p4-fds-fgt2-default': (H89, cfg(pmsver=V1P4)),
    'v8.9-v1p4-fds-fgt2-downgrade-v1p2-2m': (H89, cfg(pmsver=V1P2, max_buffer_size=2 * MIB)),
    'v1p5-nvm-exc-kvm': (H95, cfg(profile=KVM, pmsver=V1P5)),
    'v1p5-nvm-exc-default-v1p4-nvm': (H95, cfg(pmsver=V1P4, spe_nvm=1)),
    'v1p5-nvm-exc-default-v1p5-refused': (H95, cfg(pmsver=V1P5)),
    'future-pmsver-guest-no-spe': (HFUTURE, cfg()),
    'invalid-host-fne-v1p1': (host(dfr0=V1P1 << 32, mmfr0=0x0100000000000000,
                                   pmsidr=0x26447), cfg(pmsver=IMP)),
    'invalid-host-pmbidr-p': (H87[:4] + (0x230,), cfg(pmsver=V1P2)),
    'v8.7-v1p2-pinned-memory': (H87, cfg(pmsver=V1P2, flags=PINNED_MEMORY)),
    'v8.7-v1p1-pinned-memory-buffer-bits': (H87, cfg(pmsver=V1P1, flags=PINNED_MEMORY)),
    'v8.7-pinned-memory-4m-refused': (H87, cfg(pmsver=V1P2, max_buffer_size=4 * MIB,
                                               flags=PINNED_MEMORY)),
    'v1p5-nvm-allow-all': (H95, cfg(pmsver=V1P4, spe_nvm=1, flags=ALLOW_PHYS_ADDR |
                                    ALLOW_PHYS_TIMESTAMP | ALLOW_CONTEXTIDR_EL2)),
    'v1p5-pinned-nvm': (H95, cfg(pmsver=V1P4, spe_nvm=1, flags=PINNED_MEMORY)),
    'v8.9-el3-no-fgt2-fds': (H89, cfg(pmsver=V1P4), EL3_NO_FGT2),
    'v8.9-el3-no-fgt-tpms': (H89, cfg(pmsver=V1P2, flags=TPMS_FALLBACK), EL3_NO_FGT),
    'v8.7-el3-no-pmsnevfr-v1p1': (H87, cfg(pmsver=V1P1), EL3_NO_PMSNEVFR),
    'v1p5-el3-pmsee-all-refused': (H95, cfg(pmsver=V1P4), EL3_PMSEE_ALL),
    'v1p5-el3-pinned-no-fgt2-no-pmsdsfr': (H95, cfg(pmsver=V1P4, flags=PINNED_MEMORY),
                                           EL3_NO_FGT2 | EL3_NO_PMSDSFR | EL3_NO_PMBMAR),
    'el3-unknown-bit': (H87, cfg(pmsver=V1P2), 1 << 9),
}

# fuzz_maxbuf input: bytes (8), field (2).
MAXBUF_SEEDS = {
    'zero': (0, 0x0000),
    '4k': (4 * KIB, 0x0001),
    'below-2m': (2 * MIB - 4 * KIB, 0x01ff),
    '2m': (2 * MIB, 0x0200),
    '4m': (4 * MIB, 0x0400),
    '4m-plus-4k': (4 * MIB + 4 * KIB, 0x0401),
    'max': (1023 << 42, 0x3fff),
    'max-plus-one-step': ((1023 << 42) + (1 << 42), 0x3e00),
    'unaligned': (1, 0x8000),
    'between-e0-and-e1': (2 * MIB - 2 * KIB, 0xc1ff),
    'all-ones': (U64, 0xffff),
    'top-bit': (1 << 63, 0x4200),
}


def maxbuf_input(size, fld):
    return struct.pack('<QH', size, fld).rstrip(b'\0')


# fuzz_offer input: fuzz_view's layout; cfg.pmsver and cfg.spe_nvm are the
# stale values the caller leaves in them (spevirt_best_offer() overwrites them).
H82 = host(dfr0=0x0000000110305709, mmfr0=0x0100000000000000, pmsidr=0x26417, pmbidr=0x220)
H82_NOFGT = H82[:2] + (0,) + H82[3:]

OFFER_SEEDS = {
    'no-spe': (host(), cfg()),
    'v8.2-v1-fgt-default': (H82, cfg(pmsver=V1P5, spe_nvm=1)),
    'v8.2-v1-nofgt-4m-unadvertised': (H82_NOFGT, cfg(max_buffer_size=4 * MIB,
                                                      flags=UNADVERTISED_LIMIT)),
    'v8.7-v1p2-fgt-default': (H87, cfg()),
    'v8.7-v1p2-fgt-kvm-4m': (H87, cfg(profile=KVM, max_buffer_size=4 * MIB)),
    'v8.7-v1p2-fgt-forbid-leaks': (H87, cfg(flags=FORBID_LEAKS)),
    'v8.7-v1p2-nofgt-default': (H87_NOFGT, cfg()),
    'v8.7-v1p2-nofgt-4m-need-fgt': (H87_NOFGT, cfg(max_buffer_size=4 * MIB)),
    'v8.7-v1p2-nofgt-4m-unadvertised': (H87_NOFGT, cfg(max_buffer_size=4 * MIB,
                                                        flags=UNADVERTISED_LIMIT)),
    'v8.7-v1p2-nofgt-unadvertised-forbid-leaks': (
        H87_NOFGT, cfg(max_buffer_size=4 * MIB, flags=UNADVERTISED_LIMIT | FORBID_LEAKS)),
    'v8.7-v1p2-nofgt-tpms-fallback': (H87_NOFGT, cfg(flags=TPMS_FALLBACK)),
    'v8.7-limit-64m-guest-4m': (H87_LIMIT, cfg(max_buffer_size=4 * MIB)),
    'v8.7-limit-64m-guest-unlimited': (H87_LIMIT, cfg()),
    'v8.7-bufsize-unrepresentable': (H87, cfg(max_buffer_size=4 * MIB + 4 * KIB)),
    'v8.9-v1p4-fds-fgt2-default': (H89, cfg(pmsver=V1P5, spe_nvm=1)),
    'v1p5-nvm-exc-default': (H95, cfg()),
    'v1p5-nvm-exc-kvm': (H95, cfg(profile=KVM)),
    'v1p5-nvm-exc-forbid-leaks': (H95, cfg(flags=FORBID_LEAKS)),
    'future-pmsver': (HFUTURE, cfg()),
    'invalid-host-fne-v1p1': (host(dfr0=V1P1 << 32, mmfr0=0x0100000000000000,
                                   pmsidr=0x26447), cfg()),
    'invalid-host-pmbidr-p': (H87[:4] + (0x230,), cfg()),
    'unknown-flag': (H87, cfg(flags=1 << 3)),
    'unknown-profile': (H87, cfg(profile=2)),
    'kvm-with-fallback': (H87_NOFGT, cfg(profile=KVM, flags=TPMS_FALLBACK)),
}

# fuzz_nested input: fuzz_view's 84 bytes, then L1's FGT level and its seven
# virtual EL2 registers (MDCR, PMSCR, HDFGRTR, HDFGWTR, HDFGRTR2, HDFGWTR2, HFGITR).
ONES = (1 << 64) - 1
E2PB_EL1 = 3 << 12


def nested_input(h, c, fgt, regs):
    return (view_input(h, c).ljust(84, b'\0') + struct.pack('<B7Q', fgt, *regs)).rstrip(b'\0')


NESTED_SEEDS = {
    'v8.7-v1p2-l1-untrapped': (H87, cfg(pmsver=V1P2), 1, (E2PB_EL1, 0, 0, 0, 0, 0, 0)),
    'v8.7-v1p2-l1-owns-buffer': (H87, cfg(pmsver=V1P2), 1, (0,) * 7),
    'v8.7-nofgt-l1-owns-buffer': (H87_NOFGT, cfg(pmsver=V1P2), 0, (0,) * 7),
    'v8.7-l1-tpms-buffer-trap': (H87, cfg(pmsver=V1P2), 1,
                                 (1 << 14 | 2 << 12, 0x18, 0, 0, 0, 0, 0)),
    'v8.7-l1-every-fgt': (H87, cfg(pmsver=V1P2), 1, (E2PB_EL1, 0, ONES, ONES, 0, 0, ONES)),
    'v8.7-pinned-l1-untrapped': (H87, cfg(pmsver=V1P2, flags=PINNED_MEMORY), 1,
                                 (E2PB_EL1, ONES, 0, 0, 0, 0, 0)),
    'v8.9-nvm-l1-fgt2': (H89, cfg(pmsver=V1P4, spe_nvm=1), 2,
                         (E2PB_EL1, 1 << 11, 0, 0, ONES, ONES, 0)),
    'v8.9-nvm-l1-fgt1-refused': (H89, cfg(pmsver=V1P4, spe_nvm=1), 1, (E2PB_EL1,) + (0,) * 6),
    'v1p5-l1-e2pb-reserved': (H95, cfg(pmsver=V1P4), 2, (1 << 12,) + (0,) * 6),
    'l1-fgt-3': (H87, cfg(pmsver=V1P2), 3, (E2PB_EL1,) + (0,) * 6),
    'no-spe-l1': (host(), cfg(), 0, (0,) * 7),
}

# fuzz_buffer input: a view header, then 12-byte operations.
BUF_HOSTS = ['v1-fgt', 'v1-nofgt', 'v8.7', 'v8.7-nofgt', 'v8.9', 'v1p5', 'no-spe', 'v1p3-nvm']
BUF_LIMITS = [0, 4 * KIB, 64 * KIB, MIB, 2 * MIB - 4 * KIB, 2 * MIB, 4 * MIB, 64 * MIB,
              1 << 30, 1023 << 42]
LIMITR, PTR, SR, MAR = range(4)
BUF_REGS = ['PMBLIMITR_EL1', 'PMBPTR_EL1', 'PMBSR_EL1', 'PMBMAR_EL1']
E = 1
S = 1 << 17
FM_DISCARD = 2 << 1
FM_RES1 = 1 << 1
FM_RES3 = 3 << 1
PMFZ = 1 << 5
NVM = 1 << 7
KVA = 0xffff800010000000


def pmbsr(ec=0, mss=0, s=True):
    return ec << 26 | mss | (S if s else 0)


BUF_FULL = pmbsr(0, 1)
EC_S1, EC_S2 = 0x24, 0x25
SYN_FULL, SYN_SIZE, SYN_NONE, SYN_S1, SYN_S2, SYN_GPC, SYN_IMPDEF, SYN_RAW = range(8)


def buf_header(hostname, align=0, pmsver=NI, nvm=0, profile=DEFAULT, flags=0, limit=0):
    h = BUF_HOSTS.index(hostname)
    b0 = h | (align % 12) << 4
    b1 = (pmsver % 7) | (nvm & 1) << 3 | (profile & 1) << 4 | (flags & 7) << 5
    if limit in BUF_LIMITS:
        return bytes([b0, b1, BUF_LIMITS.index(limit), 0, 0])
    fld = maxbuf_encode(limit)
    assert fld is not None, 'limit %#x is not representable' % limit
    return bytes([b0, b1, 12]) + struct.pack('<H', fld)


def op(opbyte, mode=0, raw=0, aux=0):
    return struct.pack('<BBQH', opbyte & 0xff, mode & 0xff, raw & U64, aux & 0xffff)


def rd(reg):
    """A read of a buffer register."""
    return op(reg)


def wr(reg, value=0, mode=0, aux=0):
    """A write: mode 0 writes value, other modes build it from value (raw) and aux."""
    return op(reg | 8, mode, value, aux)


def hw(syn=SYN_FULL, ptr=None, no_s=False, extra=0, raw=0, aux=0):
    """A hardware event: ptr given, it is hw_pmbptr (raw); else LIMIT - aux."""
    mode = syn | extra
    if ptr is not None:
        mode |= 0x80
        raw = ptr
    return op(4 | (8 if no_s else 0), mode, raw, aux)


def abort(stage, fsc, full=False):
    return op(5 | (stage & 3) << 3 | (0x20 if full else 0), 0, 0, fsc)


def other(sel, write=False, raw=0):
    return op(6 | (sel & 7) << 3 | (0x40 if write else 0), 0, raw)


def null(func, arg):
    return op(7 | (func & 3) << 3 | (arg & 3) << 5)


def perf_record(limit=4 * MIB, base=KVA, extra_limitr=0):
    """The Linux arm_spe_pmu sequence for perf record (tests/test_buffer.c)."""
    return [
        wr(PTR, base),                              # arm_spe_perf_aux_output_begin()
        wr(LIMITR, (base + limit) | extra_limitr | E),
        hw(SYN_FULL, ptr=base + limit - 64),        # the SPU fills the buffer
        rd(SR), rd(PTR),                            # arm_spe_pmu_irq_handler()
        wr(LIMITR, 0),                              # disable
        wr(SR, 0),                                  # clear PMBSR_EL1: the IRQ falls
        wr(PTR, base),                              # restart at the buffer's start
        wr(LIMITR, (base + limit) | extra_limitr | E),
        wr(LIMITR, 0),                              # perf stop: disable and drain
        rd(SR),
    ]


BUFFER_SEEDS = {
    'linux-perf-record': (buf_header('v8.7', align=6, pmsver=V1P2, limit=4 * MIB),
                          perf_record()),
    'linux-perf-record-nvm': (
        buf_header('v1p5', align=4, pmsver=V1P4, nvm=1, limit=4 * MIB),
        [wr(MAR, U64), rd(MAR), wr(MAR, 0x3ff)] + perf_record(extra_limitr=NVM)),
    'linux-perf-record-unlimited-kvm': (
        buf_header('v1p5', pmsver=V1P5, profile=KVM), perf_record(limit=64 * MIB)),
    'oversize-then-resume': (
        buf_header('v8.7', align=6, pmsver=V1P2, limit=4 * MIB),
        [wr(PTR, KVA), wr(LIMITR, (KVA + 8 * MIB) | E), rd(SR),
         wr(SR, 0), rd(SR),                         # resuming checks the size again
         wr(LIMITR, 0), wr(SR, 0),
         wr(LIMITR, (KVA + 4 * MIB) | E),           # exactly the limit collects
         wr(LIMITR, 0), wr(PTR, KVA + 4 * MIB),
         wr(LIMITR, (KVA + 8 * MIB) | E),           # half-consumed 8 MiB: 4 MiB left
         abort(1, 0x07), rd(SR)]),
    'unadvertised-limit-nofgt': (
        buf_header('v8.7-nofgt', pmsver=V1P2, flags=UNADVERTISED_LIMIT, limit=4 * MIB),
        [wr(PTR, KVA), wr(LIMITR, (KVA + 4 * MIB + 4 * KIB) | E), rd(SR),
         wr(LIMITR, 0), wr(SR, 0),
         wr(LIMITR, mode=1 | 0x08 | 1 << 5),        # PTR + M + 4K, E
         wr(LIMITR, 0), wr(SR, 0),
         wr(LIMITR, mode=1 | 0x08)]),               # PTR + M, E
    'writes-ignored-while-collecting': (
        buf_header('v1p3-nvm', pmsver=V1P3, nvm=1),
        [wr(PTR, KVA), wr(LIMITR, (KVA + MIB) | E),
         wr(PTR, KVA + 4096), wr(SR, S), wr(MAR, 0x3ff),
         wr(LIMITR, (KVA + 2 * MIB) | E),           # keeps E: ignored
         wr(LIMITR, KVA + 2 * MIB),                 # clears E: taken whole
         wr(SR, S), wr(PTR, KVA), wr(LIMITR, (KVA + MIB) | E),
         wr(PTR, KVA + 4096)]),                     # S = 1: taken
    'aborts': (
        buf_header('v8.7', pmsver=V1P2),
        [wr(PTR, KVA), wr(LIMITR, (KVA + MIB) | E),
         abort(1, 0x07), abort(2, 0x28), abort(1, 0x1c), abort(3, 0x07), abort(0, 0x04),
         abort(1, 0x31), abort(2, 0x30), abort(1, 0x32), abort(1, 0x1b), abort(2, 0x18),
         abort(1, 64, full=True), abort(2, 0x121, full=True), rd(SR)]),
    'hw-events': (
        buf_header('v8.9', align=3, pmsver=V1P4),
        [wr(PTR, KVA), wr(LIMITR, (KVA + MIB) | E),
         hw(SYN_FULL, no_s=True), hw(SYN_NONE, no_s=True, extra=0x38),
         hw(SYN_S1, aux=0x0b), rd(SR), wr(SR, 0),
         hw(SYN_S2, extra=0x38, aux=0x28), wr(SR, 0),
         hw(SYN_GPC, ptr=KVA + 0x123), wr(SR, 0),
         hw(SYN_IMPDEF, raw=0x00abcdef0000ffff), wr(SR, 0),
         hw(SYN_RAW, ptr=U64), rd(SR), rd(PTR)]),
    'guest-without-spe': (
        buf_header('v8.7', pmsver=NI),
        [wr(PTR, KVA), wr(LIMITR, (KVA + MIB) | E), rd(LIMITR), rd(SR), wr(MAR, 1),
         hw(SYN_FULL), abort(1, 0x07)]),
    'host-without-spe': (
        buf_header('no-spe', pmsver=V1P2),
        [wr(LIMITR, E), rd(PTR), rd(MAR)]),
    'pmbmar-without-nvm': (
        buf_header('v8.9', pmsver=V1P4),
        [wr(MAR, 0x3ff), rd(MAR), wr(PTR, KVA), wr(LIMITR, (KVA + MIB) | E), wr(MAR, 0x3ff)]),
    'v1-guest-pmfz-discard-reserved-fm': (
        buf_header('v1-fgt', pmsver=IMP),
        [wr(LIMITR, KVA | PMFZ | FM_DISCARD | NVM), rd(LIMITR),
         wr(LIMITR, KVA | FM_RES1), wr(LIMITR, KVA | FM_RES3), wr(LIMITR, U64 & ~E),
         rd(LIMITR)]),
    'v1p2-guest-pmfz-discard': (
        buf_header('v8.7', pmsver=V1P2),
        [wr(LIMITR, KVA | PMFZ | FM_DISCARD), rd(LIMITR), wr(LIMITR, KVA | PMFZ | FM_RES3),
         wr(SR, U64 & ~S), wr(SR, U64), rd(SR)]),
    'align-2k-unaligned-ptr': (
        buf_header('v8.7', align=11, pmsver=V1P2, limit=2 * MIB),
        [wr(PTR, KVA | 0x7ff), rd(PTR), wr(PTR, KVA | 0x800), wr(LIMITR, (KVA + MIB) | E),
         hw(SYN_FULL, aux=0x41), rd(PTR), hw(SYN_FULL, ptr=KVA + 0x1fff)]),
    'limit-at-or-below-ptr': (
        buf_header('v8.7', pmsver=V1P2, limit=4 * MIB),
        [wr(PTR, KVA + MIB), wr(LIMITR, KVA | E), wr(LIMITR, 0),
         wr(LIMITR, (KVA + MIB) | E), wr(LIMITR, 0),
         wr(LIMITR, mode=1 | 0x08 | 7 << 5, aux=0x1000)]),   # PTR - 4096
    'max-limit-all-ones': (
        buf_header('v8.7', pmsver=V1P2, limit=1023 << 42),
        [wr(PTR, 0), wr(LIMITR, U64), rd(SR), wr(LIMITR, 0), wr(SR, 0),
         wr(PTR, 1 << 12), wr(LIMITR, U64)]),
    'custom-limit-6m': (
        buf_header('v8.9', pmsver=V1P4, limit=6 * MIB),
        [wr(PTR, KVA), wr(LIMITR, mode=1 | 0x08 | 1 << 5), wr(LIMITR, 0), wr(SR, 0),
         wr(PTR, mode=2, value=0x40), wr(LIMITR, mode=3, value=0)]),
    'generated-values': (
        buf_header('v1p5', align=6, pmsver=V1P4, nvm=1, limit=64 * KIB),
        [wr(PTR, mode=5, value=0x1234), wr(LIMITR, mode=1 | 0x08 | 2 << 5),
         wr(LIMITR, mode=0x10 | 7), wr(PTR, mode=2 | 3 << 5, aux=0x3ff),
         wr(SR, mode=6 | 0x10 | 0x38), wr(SR, mode=3, value=17), wr(SR, mode=4 | 0x10, value=0x1),
         wr(LIMITR, mode=1 | 0x08 | 4 << 5, aux=16), wr(MAR, mode=4, value=0xfff),
         wr(LIMITR, mode=1 | 0x08 | 6 << 5), wr(SR, mode=7)]),
    'other-registers-and-null-pointers': (
        buf_header('v8.7', pmsver=V1P2),
        [other(i, write=bool(i & 1), raw=0x1234) for i in range(8)] +
        [other(7, raw=0x189a60), null(0, 0), null(0, 1), null(1, 2), null(2, 3), null(3, 2),
         null(1, 0), null(2, 1)]),
    'view-refused-need-fgt': (
        buf_header('v1-nofgt', pmsver=IMP, limit=4 * MIB), [wr(LIMITR, E)]),
    'tpms-fallback-downgrade': (
        buf_header('v8.7-nofgt', pmsver=IMP, flags=TPMS_FALLBACK),
        perf_record(limit=MIB)),
}


def buffer_input(header, ops):
    # Not stripped: a trailing all-zero operation (a PMBLIMITR_EL1 read) counts.
    return header + b''.join(ops)


def seeds():
    for name, (h, c, *el3) in VIEW_SEEDS.items():
        e = el3[0] if el3 else 0
        yield 'view', name, view_input(h, c, e), 'host=(%s) cfg=(%s) el3=0x%x' % (
            ', '.join('0x%x' % v for v in h), ', '.join('0x%x' % v for v in c), e)
    for name, (size, fld) in MAXBUF_SEEDS.items():
        yield 'maxbuf', name, maxbuf_input(size, fld), 'bytes=0x%x field=0x%04x' % (size, fld)
    for name, (h, c) in OFFER_SEEDS.items():
        yield 'offer', name, view_input(h, c), 'host=(%s) cfg=(%s)' % (
            ', '.join('0x%x' % v for v in h), ', '.join('0x%x' % v for v in c))
    for name, (h, c, fgt, regs) in NESTED_SEEDS.items():
        yield 'nested', name, nested_input(h, c, fgt, regs), 'fgt=%d l1=(%s)' % (
            fgt, ', '.join('0x%x' % v for v in regs))
    for name, (header, ops) in BUFFER_SEEDS.items():
        yield 'buffer', name, buffer_input(header, ops), 'header=%s ops=%d' % (
            header.hex(), len(ops))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--check', action='store_true',
                    help='verify the seed files instead of writing them')
    ap.add_argument('--list', action='store_true', help="print each seed's values")
    args = ap.parse_args()

    stale = 0
    for harness, name, data, desc in seeds():
        path = os.path.join(CORPUS, harness, name)
        if args.list:
            print('%s/%s: %s' % (harness, name, desc))
        elif args.check:
            try:
                with open(path, 'rb') as f:
                    same = f.read() == data
            except FileNotFoundError:
                same = False
            if not same:
                print('%s: missing or out of date' % path, file=sys.stderr)
                stale += 1
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'wb') as f:
                f.write(data)
    return 1 if stale else 0


if __name__ == '__main__':
    sys.exit(main())
