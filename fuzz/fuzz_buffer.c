// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Fuzz harness for the profiling-buffer emulation: spevirt_buffer_access(),
 * spevirt_buffer_hw_event() and spevirt_buffer_abort() (docs/policy.md
 * section 7, rules B1-B14).
 *
 * The input picks a guest view from a few fixed, valid hosts, then drives a
 * sequence of operations on a buffer state that starts at reset (all zero).
 * A view that spevirt_view_compute() refuses ends the input (return 0).
 *
 * Input layout (multi-byte values are little-endian; bytes past the end of a
 * short input read as 0):
 *
 *  off size  meaning
 *    0    1  bits 2:0 host (table below); bit 3 ignored;
 *            bits 7:4 the host's PMBIDR_EL1.Align, modulo 12
 *    1    1  bits 2:0 guest PMSVer, modulo 7, then capped at the host's;
 *            bit 3 guest SPE_nVM (dropped when the host lacks it);
 *            bit 4 profile: 0 SPEVIRT_PROFILE_DEFAULT, 1 SPEVIRT_PROFILE_KVM_RFC_V6;
 *            bits 7:5 cfg.flags (SPEVIRT_CFG_TPMS_FALLBACK, _UNADVERTISED_LIMIT,
 *            _FORBID_LEAKS)
 *    2    1  bits 3:0 cfg.max_buffer_size: 0, 4K, 64K, 1M, 2M-4K, 2M, 4M, 64M, 1G,
 *            1023 << 42, 0, 0, then (12..15) spevirt_maxbuf_decode(bytes 3-4);
 *            bits 7:4 ignored
 *    3    2  a PMBIDR_EL1.MaxBuffSize field, for max_buffer_size choices 12..15
 *    5  12n  operations, 12 bytes each; a trailing partial one is padded with 0
 *
 *  Hosts: 0 SPEv1 with FEAT_FGT; 1 SPEv1 without FEAT_FGT; 2 SPEv1p2 (Armv8.7)
 *  with FEAT_FGT; 3 the same without FEAT_FGT; 4 SPEv1p4 with FDS and FGT2;
 *  5 SPEv1p5 with nVM, EXC and FGT2; 6 no SPE; 7 SPEv1p3 with nVM and FGT2.
 *
 *  Operation (offsets within the 12 bytes):
 *    0    1  op: bits 2:0 kind, bits 7:3 kind-specific
 *    1    1  mode: how the value is built (below)
 *    2    8  raw: a 64-bit value
 *   10    2  aux: a 16-bit value
 *
 *  kind 0-3  spevirt_buffer_access() of PMBLIMITR_EL1, PMBPTR_EL1, PMBSR_EL1,
 *            PMBMAR_EL1; op bit 3: write.  The written value is built from
 *            mode bits 2:0:
 *              0 raw
 *              1 a LIMIT for a size: ((PMBPTR_EL1 + size) & ~0xfff) | (raw & 0xfff)
 *              2 a PTR for a size: (LIMIT:Zeros(12) - size) ^ (raw & 0xfff)
 *              3 the register's current value with bit raw[5:0] flipped
 *              4 raw & 0xffff
 *              5 0xffff800010000000 + raw[23:0] (a kernel VA)
 *              6 a syndrome, as for kind 4 below (mode bits 6:3 included)
 *              7 0
 *            then mode bit 3 sets and mode bit 4 clears the register's key bit
 *            (PMBLIMITR_EL1.E, PMBSR_EL1.S; none for PMBPTR_EL1, PMBMAR_EL1).
 *            size, by mode bits 7:5, with M = view.max_buffer_size or 4 MiB when
 *            that is 0: M, M + 4K, M - 4K, M + aux[11:0], aux * 4K, 0, 2 * M,
 *            -aux (modulo 2^64: LIMIT below PMBPTR_EL1).
 *  kind 4    spevirt_buffer_hw_event(); op bit 3 clears PMBSR_EL1.S in the
 *            syndrome (must be refused), else S is set.  Syndrome by mode bits
 *            2:0: BUF/FULL, BUF/SIZE, BUF/NONE, FAULT_S1 and FAULT_S2 with FSC
 *            aux[5:0], GPC, IMPDEF with raw's MSS and MSS2, raw; mode bits 3,
 *            4, 5 add DL, EA, COLL; mode bit 6 XORs raw in.  hw_pmbptr: mode
 *            bit 7 set: raw; clear: LIMIT:Zeros(12) - aux.
 *  kind 5    spevirt_buffer_abort(): stage op bits 4:3 (0-3), fsc aux[5:0], or
 *            all of aux when op bit 5 is set.
 *  kind 6    spevirt_buffer_access() of a register that is not a buffer
 *            register, by op bits 5:3: PMSCR_EL1, PMSIDR_EL1, PMBIDR_EL1,
 *            PMSDSFR_EL1, PMSCR_EL2, 0, PMBLIMITR_EL1 with op2 + 2, raw[31:0]
 *            (taken as PMBSR_EL1 + 0x20 if it is a buffer register); op bit 6
 *            write.  Must return SPEVIRT_E_INVAL.
 *  kind 7    a NULL pointer: function by op bits 4:3 (access, hw_event,
 *            abort, access), NULL argument by op bits 6:5 (view, state, next,
 *            effect).  Must return SPEVIRT_E_INVAL.
 *
 * fuzz/make-corpus.py builds inputs in this layout; keep the two in step.
 *
 * Every operation runs twice from the same state: once into a separate
 * next (filled with 0xa5) and effect (filled with 1), once in place (next ==
 * state) with the effect filled with 0.  The two must agree (status, state,
 * every effect field); an operation that fails must leave both states
 * untouched.  After every step the harness abort()s, naming the invariant on
 * stderr, unless:
 *  - the state holds no RES0 bit of PMBLIMITR_EL1, PMBSR_EL1 or PMBMAR_EL1;
 *    no PMBLIMITR_EL1.nVM without the guest's SPE_nVM; no PMFZ and no FM
 *    Discard below guest PMSVer V1P2; no reserved FM; no PMBPTR_EL1 bit below
 *    the view's PMBIDR_EL1.Align; PMBMAR_EL1 is 0 without the guest's SPE_nVM;
 *  - effect.irq is the new PMBSR_EL1.S, effect.running is the new
 *    (E && !S), effect.program is (running changed);
 *  - effect.undef happens exactly when spevirt_access() of the register and
 *    direction is not SPEVIRT_ACCESS_EMULATE, and changes nothing (and is
 *    neither ignored nor an event);
 *  - a read returns the register's value and changes nothing (neither
 *    ignored nor an event);
 *  - a write while collecting (E = 1, S = 0), other than a PMBLIMITR_EL1
 *    write that clears E, is effect.ignored and changes nothing; a write is
 *    ignored in no other case;
 *  - a taken write stores the value as rules B3-B7 sanitize it (an
 *    independent model) and changes no other register, except that a
 *    buffer-size event rewrites PMBSR_EL1;
 *  - an E = 1 state changes only by a PMBLIMITR_EL1 write that clears E, a
 *    hardware event, an abort, or while S = 1;
 *  - every event leaves S = 1 and a valid syndrome: an access's event is EC
 *    BUF, BSC SIZE; a hardware event's is the hardware's syndrome without
 *    RES0 bits, with PMBPTR_EL1 the hardware's (Align bits cleared); an
 *    abort's is EC FAULT_S1/FAULT_S2 with the given FSC;
 *  - an access raises an event exactly when it starts collection and
 *    LIMIT:Zeros(12) - PMBPTR_EL1 (0 when LIMIT is not above PMBPTR_EL1)
 *    exceeds view.max_buffer_size != 0 (rule B9);
 *  - spevirt_buffer_hw_event() is refused exactly when the syndrome lacks S;
 *    spevirt_buffer_abort() succeeds exactly for stage 1 or 2 and an FSC that
 *    the Arm ARM defines for PMBSR_EL1 (the list below, written from the
 *    architecture, not from lib/buffer.c);
 *  - accesses to other registers and NULL pointers return SPEVIRT_E_INVAL,
 *    and a refused call zeroes the effect but for effect.reason, which says
 *    why; effect.reason is set exactly when effect.undef is on success.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spevirt/spevirt.h>

#include "fuzz.h"


#define HEADER_SIZE	5
#define OP_SIZE		12

#define KIB		(1ULL << 10)
#define MIB		(1ULL << 20)
#define GIB		(1ULL << 30)
#define KERNEL_VA	0xffff800010000000ULL

#define E_BIT		SPEVIRT_PMBLIMITR_EL1_E
#define S_BIT		SPEVIRT_PMBSR_EL1_S

enum { REG_LIMITR, REG_PTR, REG_SR, REG_MAR, NR_REGS };

static const uint32_t buf_sysreg[NR_REGS] = {
	SPEVIRT_SYSREG_PMBLIMITR_EL1, SPEVIRT_SYSREG_PMBPTR_EL1, SPEVIRT_SYSREG_PMBSR_EL1,
	SPEVIRT_SYSREG_PMBMAR_EL1,
};

static const char *const reg_name[NR_REGS] = {
	"PMBLIMITR_EL1", "PMBPTR_EL1", "PMBSR_EL1", "PMBMAR_EL1",
};

/*
 * PMBSR_EL1.FSC values the Arm ARM (DDI0487 M.a.a, D24.7.5) defines for a
 * buffer fault, after ../shared/reference/spe-architecture.md section 1.5.
 */
static const unsigned int fsc_defined[] = {
	0x00, 0x01, 0x02, 0x03,	/* address size fault, level 0-3 */
	0x04, 0x05, 0x06, 0x07,	/* translation fault, level 0-3 */
	0x08,			/* access flag fault, level 0 (FEAT_LPA2) */
	0x09, 0x0a, 0x0b,	/* access flag fault, level 1-3 */
	0x0c,			/* permission fault, level 0 (FEAT_LPA2) */
	0x0d, 0x0e, 0x0f,	/* permission fault, level 1-3 */
	0x10,			/* synchronous external abort, not on a walk */
	0x11,			/* asynchronous external abort */
	0x12,			/* synchronous external abort on a walk, level -2 (FEAT_D128) */
	0x13,			/* ... level -1 (FEAT_LPA2) */
	0x14, 0x15, 0x16, 0x17,	/* ... level 0-3 */
	0x1b,			/* parity/ECC error on a walk, level -1 */
	0x21,			/* alignment fault */
	0x22, 0x23, 0x24, 0x25, 0x26, 0x27, /* GPF on a walk, level -2..3 (FEAT_RME) */
	0x28,			/* GPF not on a walk (FEAT_RME) */
	0x29,			/* address size fault, level -1 (FEAT_LPA2) */
	0x2a,			/* translation fault, level -2 (FEAT_D128) */
	0x2b,			/* translation fault, level -1 (FEAT_LPA2) */
	0x2c,			/* address size fault, level -2 (FEAT_D128) */
	0x30,			/* TLB conflict abort */
	0x31,			/* unsupported atomic hardware update (FEAT_HAFDBS) */
};

static bool fsc_is_defined(unsigned int fsc)
{
	size_t i;

	for (i = 0; i < sizeof(fsc_defined) / sizeof(fsc_defined[0]); i++)
		if (fsc_defined[i] == fsc)
			return true;
	return false;
}

/* Fixed hosts the architecture permits; Align comes from the input. */
static const struct spevirt_host hosts[8] = {
	/* SPEv1 (Armv8.2) with FEAT_FGT */
	{ .id_aa64dfr0_el1 = 0x0000000110305709, .id_aa64mmfr0_el1 = 0x0100000000000000,
	  .pmsidr_el1 = 0x26417, .pmbidr_el1 = 0x220 },
	/* SPEv1 without FEAT_FGT */
	{ .id_aa64dfr0_el1 = 0x0000000110305709, .pmsidr_el1 = 0x26417, .pmbidr_el1 = 0x220 },
	/* Armv8.7: SPEv1p2 (FnE) with FEAT_FGT */
	{ .id_aa64dfr0_el1 = 0x0000000310305709, .id_aa64mmfr0_el1 = 0x0100000000000000,
	  .pmsidr_el1 = 0x26457, .pmbidr_el1 = 0x220 },
	/* SPEv1p2 without FEAT_FGT */
	{ .id_aa64dfr0_el1 = 0x0000000310305709, .pmsidr_el1 = 0x26457, .pmbidr_el1 = 0x220 },
	/* Armv8.9: SPEv1p4 with FnE, FDS, LDS, PBT, CRR; FEAT_FGT2 */
	{ .id_aa64dfr0_el1 = 0x0000000510305709, .id_aa64mmfr0_el1 = 0x0200000000101125,
	  .pmsidr_el1 = 0x030264ff, .pmbidr_el1 = 0x220 },
	/* SPEv1p5: SPE_nVM, SPE_EXC, CRR; FEAT_FGT2; AddrMode 0b01 */
	{ .id_aa64dfr0_el1 = 0x0000000610305709, .id_aa64dfr2_el1 = 0x110000,
	  .id_aa64mmfr0_el1 = 0x0200000000101125, .pmsidr_el1 = 0x0202b457,
	  .pmbidr_el1 = 0x260 },
	/* no SPE */
	{ .id_aa64dfr0_el1 = 0x0000000010305709, .id_aa64mmfr0_el1 = 0x0100000000000000 },
	/* SPEv1p3 with SPE_nVM; FEAT_FGT2 */
	{ .id_aa64dfr0_el1 = 0x0000000410305709, .id_aa64dfr2_el1 = 0x100000,
	  .id_aa64mmfr0_el1 = 0x0200000000000000, .pmsidr_el1 = 0x26457,
	  .pmbidr_el1 = 0x220 },
};

static const uint64_t max_buffer_sizes[12] = {
	0, 4 * KIB, 64 * KIB, MIB, 2 * MIB - 4 * KIB, 2 * MIB, 4 * MIB, 64 * MIB, GIB,
	1023ULL << 42, 0, 0,
};

/* One step: its inputs and both runs' outputs. */
struct step {
	size_t index;
	const char *what;	/* the function called */
	uint32_t sysreg;
	bool is_write;
	uint64_t value;		/* access: the written value; hw_event: hw_pmbsr */
	uint64_t value2;	/* hw_event: hw_pmbptr; abort: stage */
	unsigned int fsc;	/* abort */
	struct spevirt_buffer old;
	enum spevirt_status status, status_inplace;
	struct spevirt_buffer next, inplace;
	struct spevirt_buffer_effect effect, effect_inplace;
};

struct ctx {
	struct spevirt_host host;
	struct spevirt_config cfg;
	struct spevirt_view view;
	struct step st;
};

static void dump_buffer(const char *name, const struct spevirt_buffer *b)
{
	fprintf(stderr,
		"%s: pmblimitr_el1=0x%016llx pmbptr_el1=0x%016llx pmbsr_el1=0x%016llx "
		"pmbmar_el1=0x%016llx\n",
		name, (unsigned long long)b->pmblimitr_el1, (unsigned long long)b->pmbptr_el1,
		(unsigned long long)b->pmbsr_el1, (unsigned long long)b->pmbmar_el1);
}

static void dump_effect(const char *name, const struct spevirt_buffer_effect *e)
{
	fprintf(stderr,
		"%s: read_value=0x%016llx undef=%d ignored=%d program=%d running=%d event=%d "
		"irq=%d\n",
		name, (unsigned long long)e->read_value, (int)e->undef, (int)e->ignored,
		(int)e->program, (int)e->running, (int)e->event, (int)e->irq);
}

static void dump(const struct ctx *c)
{
	const struct step *s = &c->st;
	unsigned int i;

	fprintf(stderr,
		"host: id_aa64dfr0_el1=0x%016llx id_aa64dfr2_el1=0x%016llx "
		"id_aa64mmfr0_el1=0x%016llx pmsidr_el1=0x%016llx pmbidr_el1=0x%016llx\n",
		(unsigned long long)c->host.id_aa64dfr0_el1,
		(unsigned long long)c->host.id_aa64dfr2_el1,
		(unsigned long long)c->host.id_aa64mmfr0_el1,
		(unsigned long long)c->host.pmsidr_el1, (unsigned long long)c->host.pmbidr_el1);
	fprintf(stderr, "cfg: profile=%u pmsver=%u spe_nvm=%u max_buffer_size=0x%llx flags=0x%x\n",
		(unsigned int)c->cfg.profile, c->cfg.pmsver, c->cfg.spe_nvm,
		(unsigned long long)c->cfg.max_buffer_size, c->cfg.flags);
	fprintf(stderr, "view: pmbidr_el1=0x%016llx max_buffer_size=0x%llx limit_advertised=%d",
		(unsigned long long)c->view.pmbidr_el1,
		(unsigned long long)c->view.max_buffer_size, (int)c->view.limit_advertised);
	for (i = 0; i < NR_REGS; i++)
		fprintf(stderr, " %s=%u/%u", reg_name[i],
			(unsigned int)spevirt_access(&c->view, buf_sysreg[i], false),
			(unsigned int)spevirt_access(&c->view, buf_sysreg[i], true));
	fprintf(stderr, "\nstep %zu: %s sysreg=0x%x is_write=%d value=0x%016llx "
		"value2=0x%016llx fsc=0x%x\n",
		s->index, s->what, (unsigned int)s->sysreg, (int)s->is_write,
		(unsigned long long)s->value, (unsigned long long)s->value2, s->fsc);
	fprintf(stderr, "status: %d (%s), in place %d (%s)\n", (int)s->status,
		spevirt_strerror(s->status), (int)s->status_inplace,
		spevirt_strerror(s->status_inplace));
	dump_buffer("old", &s->old);
	dump_buffer("next", &s->next);
	dump_buffer("in place", &s->inplace);
	if (s->status == SPEVIRT_OK)
		dump_effect("effect", &s->effect);
	if (s->status_inplace == SPEVIRT_OK)
		dump_effect("effect in place", &s->effect_inplace);
}

static _Noreturn void violated(const struct ctx *c, const char *invariant)
{
	fprintf(stderr, "fuzz_buffer: invariant violated: %s\n", invariant);
	dump(c);
	abort();
}

#define CHECK(c, cond, invariant)			\
	do {						\
		if (!(cond))				\
			violated(c, invariant);		\
	} while (0)

static bool same_buffer(const struct spevirt_buffer *a, const struct spevirt_buffer *b)
{
	return a->pmblimitr_el1 == b->pmblimitr_el1 && a->pmbptr_el1 == b->pmbptr_el1 &&
	       a->pmbsr_el1 == b->pmbsr_el1 && a->pmbmar_el1 == b->pmbmar_el1;
}

static bool same_effect(const struct spevirt_buffer_effect *a,
			const struct spevirt_buffer_effect *b)
{
	return a->read_value == b->read_value && a->undef == b->undef &&
	       a->ignored == b->ignored && a->program == b->program &&
	       a->running == b->running && a->event == b->event && a->irq == b->irq &&
	       a->reason == b->reason;
}

/* What a refused call leaves in the effect: zero, and a reason. */
static bool refused_effect(const struct spevirt_buffer_effect *e)
{
	return e->reason && !e->read_value && !e->undef && !e->ignored && !e->program &&
	       !e->running && !e->event && !e->irq;
}

static bool collecting(const struct spevirt_buffer *b)
{
	return (b->pmblimitr_el1 & E_BIT) && !(b->pmbsr_el1 & S_BIT);
}

static uint64_t *reg_ptr(struct spevirt_buffer *b, unsigned int reg)
{
	switch (reg) {
	case REG_LIMITR:
		return &b->pmblimitr_el1;
	case REG_PTR:
		return &b->pmbptr_el1;
	case REG_SR:
		return &b->pmbsr_el1;
	default:
		return &b->pmbmar_el1;
	}
}

static uint64_t reg_val(const struct spevirt_buffer *b, unsigned int reg)
{
	struct spevirt_buffer copy = *b;

	return *reg_ptr(&copy, reg);
}

static unsigned int guest_pmsver(const struct ctx *c)
{
	return c->cfg.pmsver;
}

static bool guest_nvm(const struct ctx *c)
{
	return c->cfg.spe_nvm != 0;
}

static uint64_t align_mask(const struct ctx *c)
{
	return (1ULL << FIELD(c->view.pmbidr_el1, PMBIDR_EL1_ALIGN)) - 1;
}

/* LIMIT:Zeros(12) - PMBPTR_EL1, the bytes the SPU may write; 0 when LIMIT is not above. */
static uint64_t buffer_size(const struct spevirt_buffer *b)
{
	uint64_t limit = b->pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_LIMIT;

	return limit > b->pmbptr_el1 ? limit - b->pmbptr_el1 : 0;
}

/* What a taken write stores, after policy rules B3-B7 (not after lib/buffer.c). */
static uint64_t model_store(const struct ctx *c, unsigned int reg, uint64_t v)
{
	uint64_t fm;

	switch (reg) {
	case REG_LIMITR:
		fm = FIELD(v, PMBLIMITR_EL1_FM);
		v &= ~SPEVIRT_PMBLIMITR_EL1_RES0;			/* B3 */
		if (!guest_nvm(c))
			v &= ~SPEVIRT_PMBLIMITR_EL1_NVM;		/* B4 */
		if (guest_pmsver(c) < SPEVIRT_PMSVER_V1P2)
			v &= ~SPEVIRT_PMBLIMITR_EL1_PMFZ;		/* B5 */
		/* B5: Discard only from V1P2; B6: reserved values behave as Fill. */
		if (fm != SPEVIRT_PMBLIMITR_EL1_FM_DISCARD || guest_pmsver(c) < SPEVIRT_PMSVER_V1P2)
			fm = SPEVIRT_PMBLIMITR_EL1_FM_FILL;
		return (v & ~SPEVIRT_PMBLIMITR_EL1_FM) | PREP(PMBLIMITR_EL1_FM, fm);
	case REG_PTR:
		return v & ~align_mask(c);				/* B7 */
	case REG_SR:
		return v & ~SPEVIRT_PMBSR_EL1_RES0;			/* B3 */
	default:
		return v & ~SPEVIRT_PMBMAR_EL1_RES0;			/* B3 */
	}
}

static uint64_t size_event_syndrome(void)
{
	return PREP(PMBSR_EL1_EC, SPEVIRT_PMBSR_EL1_EC_BUF) |
	       PREP(PMBSR_EL1_MSS_BUF_BSC, SPEVIRT_PMBSR_EL1_MSS_BUF_BSC_SIZE) | S_BIT;
}

/* The invariants of every state, whatever the step. */
static void check_state(const struct ctx *c, const struct spevirt_buffer *b)
{
	uint64_t fm = FIELD(b->pmblimitr_el1, PMBLIMITR_EL1_FM);

	CHECK(c, !(b->pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_RES0),
	      "the state holds no RES0 bit of PMBLIMITR_EL1");
	CHECK(c, !(b->pmbsr_el1 & SPEVIRT_PMBSR_EL1_RES0),
	      "the state holds no RES0 bit of PMBSR_EL1");
	CHECK(c, !(b->pmbmar_el1 & SPEVIRT_PMBMAR_EL1_RES0),
	      "the state holds no RES0 bit of PMBMAR_EL1");
	if (!guest_nvm(c)) {
		CHECK(c, !(b->pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_NVM),
		      "no PMBLIMITR_EL1.nVM without the guest's SPE_nVM");
		CHECK(c, !b->pmbmar_el1, "PMBMAR_EL1 stays 0 without the guest's SPE_nVM");
	}
	if (guest_pmsver(c) < SPEVIRT_PMSVER_V1P2) {
		CHECK(c, !(b->pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_PMFZ),
		      "no PMBLIMITR_EL1.PMFZ below guest PMSVer V1P2");
		CHECK(c, fm != SPEVIRT_PMBLIMITR_EL1_FM_DISCARD,
		      "no PMBLIMITR_EL1.FM Discard below guest PMSVer V1P2");
	}
	CHECK(c, fm == SPEVIRT_PMBLIMITR_EL1_FM_FILL || fm == SPEVIRT_PMBLIMITR_EL1_FM_DISCARD,
	      "PMBLIMITR_EL1.FM never holds a reserved value");
	CHECK(c, !(b->pmbptr_el1 & align_mask(c)),
	      "no PMBPTR_EL1 bit below the view's PMBIDR_EL1.Align");
}

/* The invariants of every successful step: its effect against the new state. */
static void check_effect_basics(const struct ctx *c)
{
	const struct step *s = &c->st;
	const struct spevirt_buffer_effect *e = &s->effect;

	CHECK(c, e->irq == ((s->next.pmbsr_el1 & S_BIT) != 0),
	      "effect.irq is PMBSR_EL1.S of the new state (B8)");
	CHECK(c, e->running == collecting(&s->next),
	      "effect.running is (E && !S) of the new state");
	CHECK(c, e->program == (collecting(&s->old) != collecting(&s->next)),
	      "effect.program is (running changed)");
	if (e->event)
		CHECK(c, s->next.pmbsr_el1 & S_BIT, "every event leaves PMBSR_EL1.S = 1");
}

/* Both runs of a step: same status; same state and effect on success; nothing touched on error. */
static void check_runs_agree(const struct ctx *c, const struct spevirt_buffer *poison)
{
	const struct step *s = &c->st;

	CHECK(c, s->status == SPEVIRT_OK || s->status == SPEVIRT_E_INVAL,
	      "the buffer functions return SPEVIRT_OK or SPEVIRT_E_INVAL");
	CHECK(c, s->status == s->status_inplace,
	      "the same status with next == state as with a separate next");
	if (s->status != SPEVIRT_OK) {
		CHECK(c, same_buffer(&s->next, poison), "a refused call does not write next");
		CHECK(c, refused_effect(&s->effect) && refused_effect(&s->effect_inplace),
		      "a refused call zeroes the effect and gives a reason");
		CHECK(c, same_buffer(&s->inplace, &s->old),
		      "a refused call with next == state changes nothing");
		return;
	}
	CHECK(c, same_buffer(&s->next, &s->inplace),
	      "the same new state with next == state as with a separate next");
	CHECK(c, same_effect(&s->effect, &s->effect_inplace),
	      "the same effect with next == state as with a separate next, whatever the "
	      "effect held before");
}

static void check_access(const struct ctx *c, unsigned int reg)
{
	const struct step *s = &c->st;
	const struct spevirt_buffer_effect *e = &s->effect;
	const struct spevirt_buffer *old = &s->old, *nw = &s->next;
	bool emulate = spevirt_access(&c->view, s->sysreg, s->is_write) == SPEVIRT_ACCESS_EMULATE;
	bool was = collecting(old);
	bool clears_e = reg == REG_LIMITR && !(s->value & E_BIT);
	struct spevirt_buffer want;

	CHECK(c, s->status == SPEVIRT_OK, "an access to a buffer register returns SPEVIRT_OK");
	check_effect_basics(c);
	CHECK(c, e->undef == !emulate,
	      "effect.undef exactly when spevirt_access() is not SPEVIRT_ACCESS_EMULATE (B14)");
	CHECK(c, !e->reason == !e->undef, "effect.reason says why exactly when effect.undef");
	if (e->undef) {
		CHECK(c, same_buffer(nw, old), "an undef access changes nothing (B14)");
		CHECK(c, !e->ignored && !e->event, "an undef access is neither ignored nor an event");
		return;
	}
	if (!s->is_write) {
		CHECK(c, e->read_value == reg_val(old, reg), "a read returns the state's value");
		CHECK(c, same_buffer(nw, old), "a read changes nothing");
		CHECK(c, !e->ignored && !e->event, "a read is neither ignored nor an event");
		return;
	}
	if (was && !clears_e) {
		CHECK(c, e->ignored,
		      "a write while collecting, other than a PMBLIMITR_EL1 write clearing E, is "
		      "ignored (B1)");
		CHECK(c, same_buffer(nw, old), "an ignored write changes nothing (B1)");
		CHECK(c, !e->event, "an ignored write raises no event");
		return;
	}
	CHECK(c, !e->ignored, "a write is ignored only while collecting (B1, B2)");

	/* Taken: the register as B3-B7 sanitize it, nothing else but a size event's PMBSR_EL1. */
	want = *old;
	*reg_ptr(&want, reg) = model_store(c, reg, s->value);
	if (!was && collecting(&want) && c->view.max_buffer_size &&
	    buffer_size(&want) > c->view.max_buffer_size) {
		CHECK(c, e->event,
		      "an access that starts collection with LIMIT - PTR > max_buffer_size != 0 "
		      "raises a buffer-size event (B9)");
		want.pmbsr_el1 = size_event_syndrome();
		CHECK(c, nw->pmbsr_el1 == want.pmbsr_el1,
		      "a buffer-size event leaves PMBSR_EL1 = EC BUF, BSC SIZE, S (B9)");
	} else {
		CHECK(c, !e->event,
		      "an access raises an event only when it starts collection with LIMIT - PTR "
		      "> max_buffer_size != 0 (B9, B11)");
	}
	CHECK(c, same_buffer(nw, &want),
	      "a taken write stores the value as B3-B7 sanitize it and changes no other "
	      "register");
}

static void check_hw_event(const struct ctx *c, uint64_t hw_pmbsr, uint64_t hw_pmbptr)
{
	const struct step *s = &c->st;
	const struct spevirt_buffer_effect *e = &s->effect;
	struct spevirt_buffer want = s->old;

	unsigned int ec = (unsigned int)((hw_pmbsr >> 26) & 0x3f);

	if (!(hw_pmbsr & S_BIT)) {
		CHECK(c, s->status == SPEVIRT_E_INVAL,
		      "spevirt_buffer_hw_event() without PMBSR_EL1.S returns SPEVIRT_E_INVAL");
		return;
	}
	/* D24.7.5: EC 0b000000, 0b011110, 0b011111, 0b100100, 0b100101; the rest reserved. */
	if (ec != 0x00 && ec != 0x1e && ec != 0x1f && ec != 0x24 && ec != 0x25) {
		CHECK(c, s->status == SPEVIRT_E_INVAL,
		      "spevirt_buffer_hw_event() with a reserved PMBSR_EL1.EC returns SPEVIRT_E_INVAL (B15)");
		return;
	}
	CHECK(c, s->status == SPEVIRT_OK, "spevirt_buffer_hw_event() with S returns SPEVIRT_OK");
	check_effect_basics(c);
	CHECK(c, e->event && !e->undef && !e->ignored, "a hardware event is an event (B12)");
	want.pmbsr_el1 = hw_pmbsr & ~SPEVIRT_PMBSR_EL1_RES0;
	/* B16: a GPC fault reaches the guest as a stage 2 SEA, S, DL, EA and COLL kept. */
	if (ec == 0x1e)
		want.pmbsr_el1 = (hw_pmbsr & (0xfULL << 16)) | (0x25ULL << 26) | 0x10;
	want.pmbptr_el1 = hw_pmbptr & ~align_mask(c);
	CHECK(c, same_buffer(&s->next, &want),
	      "a hardware event copies the syndrome (without RES0 bits) and PMBPTR_EL1 (without "
	      "bits below Align), and nothing else (B12)");
}

static void check_abort(const struct ctx *c, unsigned int stage, unsigned int fsc)
{
	const struct step *s = &c->st;
	const struct spevirt_buffer_effect *e = &s->effect;
	struct spevirt_buffer want = s->old;
	bool valid = (stage == 1 || stage == 2) && fsc_is_defined(fsc);

	CHECK(c, (s->status == SPEVIRT_OK) == valid,
	      "spevirt_buffer_abort() succeeds exactly for stage 1 or 2 and an FSC the Arm ARM "
	      "defines (B13)");
	if (!valid)
		return;
	check_effect_basics(c);
	CHECK(c, e->event && !e->undef && !e->ignored, "an abort is an event (B13)");
	want.pmbsr_el1 = PREP(PMBSR_EL1_EC, stage == 1 ? SPEVIRT_PMBSR_EL1_EC_FAULT_S1 :
							  SPEVIRT_PMBSR_EL1_EC_FAULT_S2) |
			 PREP(PMBSR_EL1_MSS_FAULT_FSC, fsc) | S_BIT;
	CHECK(c, same_buffer(&s->next, &want),
	      "an abort leaves PMBSR_EL1 = EC FAULT_S1/S2, the FSC, S and changes nothing else "
	      "(B13)");
}

/* PMBLIMITR_EL1.E or PMBSR_EL1.S, the bit mode bits 3 and 4 set and clear. */
static uint64_t key_bit(unsigned int reg)
{
	return reg == REG_LIMITR ? E_BIT : reg == REG_SR ? S_BIT : 0;
}

static uint64_t pick_size(const struct ctx *c, unsigned int sel, uint16_t aux)
{
	uint64_t m = c->view.max_buffer_size ? c->view.max_buffer_size : 4 * MIB;

	switch (sel & 7) {
	case 0:
		return m;
	case 1:
		return m + 4 * KIB;
	case 2:
		return m - 4 * KIB;
	case 3:
		return m + (aux & 0xfffU);
	case 4:
		return (uint64_t)aux * 4 * KIB;
	case 5:
		return 0;
	case 6:
		return 2 * m;
	default:
		return 0 - (uint64_t)aux;
	}
}

static uint64_t pick_syndrome(unsigned int mode, uint64_t raw, uint16_t aux)
{
	uint64_t fsc = PREP(PMBSR_EL1_MSS_FAULT_FSC, aux);
	uint64_t v;

	switch (mode & 7) {
	case 0:
		v = PREP(PMBSR_EL1_MSS_BUF_BSC, SPEVIRT_PMBSR_EL1_MSS_BUF_BSC_FULL);
		break;
	case 1:
		v = PREP(PMBSR_EL1_MSS_BUF_BSC, SPEVIRT_PMBSR_EL1_MSS_BUF_BSC_SIZE);
		break;
	case 2:
		v = PREP(PMBSR_EL1_MSS_BUF_BSC, SPEVIRT_PMBSR_EL1_MSS_BUF_BSC_NONE);
		break;
	case 3:
		v = PREP(PMBSR_EL1_EC, SPEVIRT_PMBSR_EL1_EC_FAULT_S1) | fsc;
		break;
	case 4:
		v = PREP(PMBSR_EL1_EC, SPEVIRT_PMBSR_EL1_EC_FAULT_S2) | fsc;
		break;
	case 5:
		v = PREP(PMBSR_EL1_EC, SPEVIRT_PMBSR_EL1_EC_GPC);
		break;
	case 6:
		v = PREP(PMBSR_EL1_EC, SPEVIRT_PMBSR_EL1_EC_IMPDEF) |
		    (raw & (SPEVIRT_PMBSR_EL1_MSS | SPEVIRT_PMBSR_EL1_MSS2));
		break;
	default:
		v = raw;
		break;
	}
	if (mode & 0x08)
		v |= SPEVIRT_PMBSR_EL1_DL;
	if (mode & 0x10)
		v |= SPEVIRT_PMBSR_EL1_EA;
	if (mode & 0x20)
		v |= SPEVIRT_PMBSR_EL1_COLL;
	if (mode & 0x40)
		v ^= raw;
	return v;
}

static uint64_t pick_value(const struct ctx *c, const struct spevirt_buffer *b, unsigned int reg,
			   unsigned int mode, uint64_t raw, uint16_t aux)
{
	uint64_t limit = b->pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_LIMIT;
	uint64_t size = pick_size(c, mode >> 5, aux);
	uint64_t v;

	switch (mode & 7) {
	case 0:
		v = raw;
		break;
	case 1:
		v = ((b->pmbptr_el1 + size) & SPEVIRT_PMBLIMITR_EL1_LIMIT) | (raw & 0xfff);
		break;
	case 2:
		v = (limit - size) ^ (raw & 0xfff);
		break;
	case 3:
		v = reg_val(b, reg) ^ (1ULL << (raw & 63));
		break;
	case 4:
		v = raw & 0xffff;
		break;
	case 5:
		v = KERNEL_VA + (raw & 0xffffff);
		break;
	case 6:
		v = pick_syndrome(mode, raw, aux);
		break;
	default:
		v = 0;
		break;
	}
	if (mode & 0x08)
		v |= key_bit(reg);
	if (mode & 0x10)
		v &= ~key_bit(reg);
	return v;
}

/* Non-buffer registers for kind 6. */
static uint32_t other_sysreg(unsigned int sel, uint64_t raw)
{
	static const uint32_t regs[7] = {
		SPEVIRT_SYSREG_PMSCR_EL1, SPEVIRT_SYSREG_PMSIDR_EL1, SPEVIRT_SYSREG_PMBIDR_EL1,
		SPEVIRT_SYSREG_PMSDSFR_EL1, SPEVIRT_SYSREG_PMSCR_EL2, 0,
		SPEVIRT_SYSREG_PMBLIMITR_EL1 + (2U << 5),
	};
	uint32_t r;
	unsigned int i;

	if (sel < 7)
		return regs[sel];
	r = (uint32_t)raw;
	for (i = 0; i < NR_REGS; i++)
		if (r == buf_sysreg[i])
			return SPEVIRT_SYSREG_PMBSR_EL1 + (1U << 5);
	return r;
}

/* kind 7: one argument NULL, the rest valid; must be refused and change nothing. */
static void null_call(struct ctx *c, struct spevirt_buffer *state, unsigned int op)
{
	struct step *s = &c->st;
	unsigned int which = (op >> 5) & 3;
	const struct spevirt_view *v = which == 0 ? NULL : &c->view;
	const struct spevirt_buffer *st = which == 1 ? NULL : &s->old;
	struct spevirt_buffer *nx = which == 2 ? NULL : &s->next;
	struct spevirt_buffer_effect *ef = which == 3 ? NULL : &s->effect;
	struct spevirt_buffer poison;

	memset(&s->next, 0xa5, sizeof(s->next));
	poison = s->next;
	switch ((op >> 3) & 3) {
	case 1:
		s->what = "spevirt_buffer_hw_event(NULL)";
		s->status = spevirt_buffer_hw_event(v, st, S_BIT, 0, nx, ef);
		break;
	case 2:
		s->what = "spevirt_buffer_abort(NULL)";
		s->status = spevirt_buffer_abort(v, st, 1, 0x07, nx, ef);
		break;
	default:
		s->what = "spevirt_buffer_access(NULL)";
		s->status = spevirt_buffer_access(v, st, SPEVIRT_SYSREG_PMBSR_EL1, false, 0, nx, ef);
		break;
	}
	s->status_inplace = s->status;
	s->inplace = *state;
	CHECK(c, s->status == SPEVIRT_E_INVAL, "a NULL pointer returns SPEVIRT_E_INVAL");
	CHECK(c, same_buffer(&s->next, &poison), "a refused call does not write next");
}

static void run_step(struct ctx *c, struct spevirt_buffer *state, const uint8_t *p)
{
	struct step *s = &c->st;
	unsigned int op = p[0], mode = p[1], kind = op & 7;
	uint64_t raw = fuzz_input_le(p, OP_SIZE, 2, 8);
	uint16_t aux = (uint16_t)fuzz_input_le(p, OP_SIZE, 10, 2);
	struct spevirt_buffer poison;
	unsigned int stage = 0, fsc = 0;
	uint64_t hw_pmbptr = 0;

	s->old = *state;
	s->sysreg = 0;
	s->is_write = false;
	s->value = s->value2 = 0;
	s->fsc = 0;
	if (kind == 7) {
		null_call(c, state, op);
		return;
	}
	memset(&s->next, 0xa5, sizeof(s->next));
	poison = s->next;
	memset(&s->effect, 1, sizeof(s->effect));
	memset(&s->effect_inplace, 0, sizeof(s->effect_inplace));
	s->inplace = *state;

	switch (kind) {
	case 4:
		s->what = "spevirt_buffer_hw_event()";
		s->value = pick_syndrome(mode, raw, aux);
		if (op & 0x08)
			s->value &= ~S_BIT;
		else
			s->value |= S_BIT;
		hw_pmbptr = (mode & 0x80) ? raw :
			    (s->old.pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_LIMIT) - aux;
		s->value2 = hw_pmbptr;
		s->status = spevirt_buffer_hw_event(&c->view, &s->old, s->value, hw_pmbptr,
						    &s->next, &s->effect);
		s->status_inplace = spevirt_buffer_hw_event(&c->view, &s->inplace, s->value,
							    hw_pmbptr, &s->inplace,
							    &s->effect_inplace);
		break;
	case 5:
		s->what = "spevirt_buffer_abort()";
		stage = (op >> 3) & 3;
		fsc = (op & 0x20) ? aux : aux & 0x3fU;
		s->value2 = stage;
		s->fsc = fsc;
		s->status = spevirt_buffer_abort(&c->view, &s->old, stage, fsc, &s->next,
						 &s->effect);
		s->status_inplace = spevirt_buffer_abort(&c->view, &s->inplace, stage, fsc,
							 &s->inplace, &s->effect_inplace);
		break;
	case 6:
		s->what = "spevirt_buffer_access() of another register";
		s->sysreg = other_sysreg((op >> 3) & 7, raw);
		s->is_write = (op & 0x40) != 0;
		s->value = raw;
		s->status = spevirt_buffer_access(&c->view, &s->old, s->sysreg, s->is_write,
						  s->value, &s->next, &s->effect);
		s->status_inplace = spevirt_buffer_access(&c->view, &s->inplace, s->sysreg,
							  s->is_write, s->value, &s->inplace,
							  &s->effect_inplace);
		break;
	default:
		s->what = "spevirt_buffer_access()";
		s->sysreg = buf_sysreg[kind];
		s->is_write = (op & 0x08) != 0;
		s->value = s->is_write ? pick_value(c, state, kind, mode, raw, aux) : raw;
		s->status = spevirt_buffer_access(&c->view, &s->old, s->sysreg, s->is_write,
						  s->value, &s->next, &s->effect);
		s->status_inplace = spevirt_buffer_access(&c->view, &s->inplace, s->sysreg,
							  s->is_write, s->value, &s->inplace,
							  &s->effect_inplace);
		break;
	}

	CHECK(c, same_buffer(state, &s->old), "the state passed as const is not written");
	check_runs_agree(c, &poison);
	if ((s->old.pmblimitr_el1 & E_BIT) && !(s->old.pmbsr_el1 & S_BIT) &&
	    s->status == SPEVIRT_OK && !same_buffer(&s->next, &s->old))
		CHECK(c,
		      kind == 4 || kind == 5 ||
			      (kind == REG_LIMITR && s->is_write && !(s->value & E_BIT)),
		      "an E = 1 state changes only by a PMBLIMITR_EL1 write clearing E, a "
		      "hardware event, an abort, or while S = 1");
	switch (kind) {
	case 4:
		check_hw_event(c, s->value, hw_pmbptr);
		break;
	case 5:
		check_abort(c, stage, fsc);
		break;
	case 6:
		CHECK(c, s->status == SPEVIRT_E_INVAL,
		      "an access to a register that is not a buffer register returns "
		      "SPEVIRT_E_INVAL");
		break;
	default:
		check_access(c, kind);
		break;
	}
	if (s->status == SPEVIRT_OK)
		*state = s->next;
}

static bool decode_view(const uint8_t *data, size_t size, struct ctx *c)
{
	unsigned int b0 = (unsigned int)fuzz_input_le(data, size, 0, 1);
	unsigned int b1 = (unsigned int)fuzz_input_le(data, size, 1, 1);
	unsigned int b2 = (unsigned int)fuzz_input_le(data, size, 2, 1);
	unsigned int host_pmsver, sel;

	c->host = hosts[b0 & 7];
	c->host.pmbidr_el1 = (c->host.pmbidr_el1 & ~SPEVIRT_PMBIDR_EL1_ALIGN) |
			     PREP(PMBIDR_EL1_ALIGN, (b0 >> 4) % 12);
	host_pmsver = (unsigned int)FIELD(c->host.id_aa64dfr0_el1, ID_AA64DFR0_EL1_PMSVER);

	c->cfg.pmsver = (b1 & 7) % 7;
	if (c->cfg.pmsver > host_pmsver)
		c->cfg.pmsver = host_pmsver;
	c->cfg.spe_nvm = (b1 >> 3) & 1;
	if (!FIELD(c->host.id_aa64dfr2_el1, ID_AA64DFR2_EL1_SPE_NVM))
		c->cfg.spe_nvm = 0;
	c->cfg.profile = (b1 & 0x10) ? SPEVIRT_PROFILE_KVM_RFC_V6 : SPEVIRT_PROFILE_DEFAULT;
	c->cfg.flags = (b1 >> 5) & SPEVIRT_CFG_VALID_FLAGS;
	sel = b2 & 0xf;
	c->cfg.max_buffer_size = sel < 12 ? max_buffer_sizes[sel] :
				 spevirt_maxbuf_decode((uint16_t)fuzz_input_le(data, size, 3, 2));

	return spevirt_view_compute(&c->host, &c->cfg, &c->view) == SPEVIRT_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct spevirt_buffer state = { 0 };
	struct ctx c;
	size_t off;

	memset(&c, 0, sizeof(c));
	if (!decode_view(data, size, &c))
		return 0;
	c.st.what = "reset";
	check_state(&c, &state);
	for (off = HEADER_SIZE; off < size; off += OP_SIZE) {
		uint8_t op[OP_SIZE] = { 0 };

		memcpy(op, data + off, size - off < OP_SIZE ? size - off : OP_SIZE);
		c.st.index++;
		run_step(&c, &state, op);
		check_state(&c, &state);
	}
	return 0;
}
