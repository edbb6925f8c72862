/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_INTERNAL_H
#define SPEVIRT_INTERNAL_H

#include <spevirt/spevirt.h>

/*
 * Read or build field F of a register: SPV_FIELD_GET(v, PMSIDR_EL1_FNE).  In a
 * Linux kernel they are the kernel's FIELD_GET() and FIELD_PREP(), and
 * spv_array_size() its ARRAY_SIZE(), whose compile-time checks then apply.
 */
#ifdef __KERNEL__
#include <linux/bitfield.h>
#include <linux/kernel.h>
#define SPV_FIELD_GET(val, f)	FIELD_GET(SPEVIRT_##f##_MASK, (val))
#define SPV_FIELD_PREP(f, x)	FIELD_PREP(SPEVIRT_##f##_MASK, (uint64_t)(x))
#else
#define SPV_FIELD_GET(val, f)	(((val) & SPEVIRT_##f##_MASK) >> SPEVIRT_##f##_SHIFT)
#define SPV_FIELD_PREP(f, x)	(((uint64_t)(x) << SPEVIRT_##f##_SHIFT) & SPEVIRT_##f##_MASK)
#endif

/*
 * Do the @alen bytes at @a and the @blen bytes at @b share a byte?  NULL
 * overlaps nothing.  Compared as integers: pointers into different objects
 * cannot be compared in C.  The proofs take either answer: an overlap is a
 * refusal, which fails closed like any other.
 */
#ifdef __FRAMAC__
/*@ assigns \result \from a, alen, b, blen; ensures \result == 0 || \result == 1; */
int spv_overlap(const void *a, size_t alen, const void *b, size_t blen);
#else
static inline bool spv_overlap(const void *a, size_t alen, const void *b, size_t blen)
{
	uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;

	if (!a || !b)
		return false;
	return x < y + blen && y < x + alen;
}
#endif

/* The kernel's ARRAY_SIZE(), which another embedding tree may define otherwise. */
#ifdef __KERNEL__
#define spv_array_size(a)	ARRAY_SIZE(a)
#else
#define spv_array_size(a)	(sizeof(a) / sizeof((a)[0]))
#endif

/*
 * A reason: the sentence @text naming the field and the rule, unless the
 * library is built with SPEVIRT_REASONS 1 (the short name @name, an
 * identifier never expanded) or 0 (""), as include/spevirt/spevirt.h says.
 */
#if !defined(SPEVIRT_REASONS) || SPEVIRT_REASONS >= 2
#define SPV_WHY(name, text)	text
#elif SPEVIRT_REASONS == 1
#define SPV_WHY(name, text)	#name
#else
#define SPV_WHY(name, text)	""
#endif

/* PMSIDR_EL1 feature bits that need a minimum SPE version (Arm ARM A2.2). */
#define SPV_PMSIDR_NEEDS_V1P1	SPEVIRT_PMSIDR_EL1_SME
#define SPV_PMSIDR_NEEDS_V1P2	(SPEVIRT_PMSIDR_EL1_FNE | SPEVIRT_PMSIDR_EL1_PBT)
#define SPV_PMSIDR_NEEDS_V1P4	(SPEVIRT_PMSIDR_EL1_FDS | SPEVIRT_PMSIDR_EL1_CRR)

/* PMSIDR_EL1 features whose packets the hardware emits whatever the ID says. */
#define SPV_PMSIDR_PACKET_FEATURES \
	(SPEVIRT_PMSIDR_EL1_PBT | SPEVIRT_PMSIDR_EL1_CRR | SPEVIRT_PMSIDR_EL1_SME | \
	 SPEVIRT_PMSIDR_EL1_LDS)

/* PMSIDR_EL1 features whose PMSFCR_EL1 or PMSDSFR_EL1 controls stay writable. */
#define SPV_PMSIDR_FILTER_FEATURES \
	(SPEVIRT_PMSIDR_EL1_FNE | SPEVIRT_PMSIDR_EL1_FDS | SPEVIRT_PMSIDR_EL1_EFT | \
	 SPEVIRT_PMSIDR_EL1_FPF)

/*
 * Architecture features, as a bitmap.  The host's bitmap says which
 * registers and trap bits exist; the guest's which of them the guest may use.
 * Names are the Arm ARM's.
 */
enum spevirt_feat {
	SPV_FEAT_SPE	= 1U << 0,
	SPV_FEAT_SPE_FNE	= 1U << 1,
	SPV_FEAT_SPE_FDS	= 1U << 2,
	SPV_FEAT_SPE_NVM	= 1U << 3,
	SPV_FEAT_SPEv1p5	= 1U << 4,
	SPV_FEAT_FGT	= 1U << 5,
	SPV_FEAT_FGT2	= 1U << 6,
	SPV_FEAT_ECV	= 1U << 7,
	/*
	 * FEAT_FGT2 with SCR_EL3.FGTEn2 = 0: HDFGRTR2_EL2 and HDFGWTR2_EL2
	 * cannot be written and are treated as 0 (D24.2.169), so every
	 * n-prefixed bit in them traps.  FEAT_FGT2 itself is then clear.
	 */
	SPV_FEAT_FGT2_AS_ZERO = 1U << 8,
};

/* What spevirt knows of a validated host. */
struct spevirt_hostcaps {
	unsigned int pmsver;	/* ID_AA64DFR0_EL1.PMSVer, at most V1P5 */
	unsigned int feats;	/* enum spevirt_feat bits, less what EL3 disables */
	unsigned int el3;	/* spevirt_host.el3_disabled */
};

/* Guest values computed before the traps are planned. */
struct spevirt_guest {
	unsigned int feats;	/* enum spevirt_feat bits the guest has */
	bool pmsidr_trap;	/* the profile needs PMSIDR_EL1 reads trapped */
	bool pmbidr_trap;	/* the profile needs PMBIDR_EL1 reads trapped */
	bool pinned;		/* SPEVIRT_CFG_PINNED_MEMORY: buffer registers untrapped */
	const char *pmsidr_why;	/* why the PMSIDR_EL1 read trap is needed, for a refusal */
	const char *pmbidr_why;	/* likewise for PMBIDR_EL1 */
};

const char *spevirt_host_check_(const struct spevirt_host *host, struct spevirt_hostcaps *caps);
/* Checks of a configuration alone, shared by the view and the best offer. */
const char *spevirt_config_invalid_(const struct spevirt_config *cfg);
#define SPV_BUFSIZE_NOT_EXACT \
	"spevirt_config.max_buffer_size is not exactly representable in PMBIDR_EL1.MaxBuffSize (multiples of 4 KiB below 2 MiB, ten significant bits from 2 MiB, at most 1023 << 42)"
enum spevirt_status spevirt_traps_plan_(const struct spevirt_hostcaps *caps,
					const struct spevirt_guest *guest, unsigned int flags,
					struct spevirt_view *view);
void spevirt_el2_plan_(const struct spevirt_hostcaps *caps, const struct spevirt_guest *guest,
		       unsigned int flags, struct spevirt_view *view);
enum spevirt_status spevirt_fail_closed_(const struct spevirt_host *host,
					 struct spevirt_view *view, enum spevirt_status status);
const char *spevirt_view_overlap_(const struct spevirt_host *host,
				  const struct spevirt_config *cfg,
				  const struct spevirt_view *view);
uint64_t spevirt_leaks_(const struct spevirt_host *host, const struct spevirt_hostcaps *caps,
			const struct spevirt_config *cfg, const struct spevirt_view *view);
const char *spevirt_leak_reason_(uint64_t leaks);
/* The leak catalogue's conditions, shared by the view (leaks.c) and the audit. */
bool spevirt_pmsidr_above_(uint64_t pmsidr, unsigned int pmsver);
bool spevirt_buffer_bits_hidden_(const struct spevirt_hostcaps *caps, unsigned int pmsver,
				 bool nvm);
/* own and want: PMSIDR_EL1, then PMBIDR_EL1. */
const char *spevirt_present_check_(const uint64_t *own, const uint64_t *want, unsigned int pmsver,
				   struct spevirt_migration *issues);
void spevirt_issue_add_(struct spevirt_migration *issues, const char *field, uint64_t wanted,
			uint64_t found, const char *rule);
#define spv_issue_add(issues, field, wanted, found, name, text)	\
	spevirt_issue_add_(issues, field, wanted, found, SPV_WHY(name, text))
const char *spevirt_present_merge_(uint64_t *pool, uint64_t pmsidr, uint64_t pmbidr);
/* A MaxBuffSize field with its reserved bits [15:14] set. */
static inline bool spevirt_maxbuf_field_invalid_(uint16_t field)
{
	return (field >> 14) != 0;
}

/*
 * Access-table slot of an SPE register encoding: SPE's block is op0 3, op1 0,
 * CRn 9, CRm 9..10, so the slot is (CRm - 9) * 8 + op2.
 */
#define SPV_SLOT_OF(sysreg)	(((uint32_t)(sysreg) - SPEVIRT_SYSREG_PMSCR_EL1) >> 5)

extern const struct spevirt_reg_desc spevirt_reg_table_[];
extern const unsigned int spevirt_reg_table_size_;

#endif /* SPEVIRT_INTERNAL_H */
