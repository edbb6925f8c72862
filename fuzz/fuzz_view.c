// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Fuzz harness for spevirt_view_compute().
 *
 * The input is turned into a struct spevirt_host and a struct spevirt_config.
 * The first 16 bytes describe them field by field, from small values, so that
 * most mutations of a valid host give another valid host (an all-zero input is
 * a host and a guest without SPE, and a zero nibble is a valid encoding for
 * every PMSIDR_EL1 field).  The next 64 bytes are XORed into the result, so
 * any bit of any register or configuration field can still be reached.
 *
 * Input layout (multi-byte values are little-endian; bytes past the end of a
 * short input read as 0, bytes from offset 84 on are ignored):
 *
 *  off size  meaning
 *    0    1  bits 3:0 host ID_AA64DFR0_EL1.PMSVer, bits 7:4 host ID_AA64MMFR0_EL1.FGT
 *    1    1  bits 3:0 host ID_AA64DFR2_EL1.SPE_nVM, bits 7:4 host ID_AA64DFR2_EL1.SPE_EXC
 *    2    1  host PMSIDR_EL1[7:0]: FE, FT, FL, ArchInst, LDS, ERnd, FnE, FDS
 *    3    1  host PMSIDR_EL1: bit 0 PBT, bit 1 CRR, bit 2 EFT and FPF (both),
 *            bit 3 SME, bits 7:4 ALTCLK
 *    4    1  host PMSIDR_EL1: bits 3:0 Interval, bits 7:4 MaxSize - 6 (modulo 16)
 *    5    1  host PMSIDR_EL1: bits 3:0 CountSize - 2 (modulo 16), bits 7:4 Format
 *    6    1  host PMBIDR_EL1: bits 3:0 Align, bits 7:4 EA
 *    7    1  host PMBIDR_EL1: bit 0 F, bit 1 P, bits 3:2 AddrMode; bits 7:4
 *            host.el3_disabled bits 3:0
 *    8    2  host PMBIDR_EL1.MaxBuffSize
 *   10    1  cfg.profile
 *   11    1  cfg.pmsver
 *   12    1  cfg.spe_nvm
 *   13    1  cfg.flags
 *   14    2  cfg.max_buffer_size, as a MaxBuffSize field: spevirt_maxbuf_decode(this)
 *   16    8  XORed into cfg.max_buffer_size
 *   24    8  XORed into host.id_aa64dfr0_el1
 *   32    8  XORed into host.id_aa64dfr2_el1
 *   40    8  XORed into host.id_aa64mmfr0_el1
 *   48    8  XORed into host.pmsidr_el1
 *   56    8  XORed into host.pmbidr_el1
 *   64    4  XORed into cfg.profile
 *   68    4  XORed into cfg.pmsver
 *   72    4  XORed into cfg.spe_nvm
 *   76    4  XORed into cfg.flags
 *   80    4  XORed into host.el3_disabled
 *
 * fuzz/make-corpus.py builds inputs in this layout; keep the two in step.
 *
 * spevirt_view_compute() runs twice on the same inputs, and the harness
 * abort()s, naming the invariant on stderr, unless:
 *  - both runs give the same status and the same view, field by field (the
 *    views start out filled with different bytes, so a field the library
 *    forgets to set shows up as a difference; the library clears the view
 *    first, so this holds on error too);
 *  - on error: the status is an enum spevirt_status value other than
 *    SPEVIRT_OK and view.reason is not NULL;
 *  - on success: view.reason is NULL, and
 *    - every struct spevirt_regmask has value inside mask, and mask free of
 *      the register's RES0 bits;
 *    - the fine-grained trap masks cover only SPE trap bits, none of them
 *      without FEAT_FGT (ID_AA64MMFR0_EL1.FGT 0), and no HDFGxTR2_EL2 bit
 *      without FEAT_FGT2;
 *    - the guest PMSIDR_EL1 has no RES0 bit and no bit the host lacks;
 *    - the guest PMBIDR_EL1 has no RES0 bit, P = 0, and no feature bit (any
 *      bit but MaxBuffSize and AddrMode) the host lacks;
 *    - the guest PMSVer is cfg.pmsver; SPE_nVM is cfg.spe_nvm, SPE_EXC 0;
 *    - a guest without SPE on a host with SPE gets MDCR_EL2.TPMS set, and
 *      reads 0 from PMSIDR_EL1 and PMBIDR_EL1;
 *    - for a guest with SPE, view.max_buffer_size is cfg.max_buffer_size,
 *      and PMBIDR_EL1.MaxBuffSize shows it when view.limit_advertised, which
 *      is false only with SPEVIRT_CFG_UNADVERTISED_LIMIT on a host without
 *      FEAT_FGT;
 *    - spevirt_audit() of the view, programmed as documented, finds nothing
 *      but the view's leaks and the PMSCR_EL2 fields its ALLOW flags ask for,
 *      and finds every leak of the view but UNADVERTISED_LIMIT;
 *    - PMSCR_EL2 (docs/policy.md section 8): the mask never has TS, E2SPE or
 *      E0HSPE; it has EE and KE, both 0, exactly on a host with FEAT_SPE_EXC;
 *      for a guest with SPE it has PA, CX and PCT[0], PCT[1] exactly with
 *      FEAT_ECV and EnVM exactly with FEAT_SPE_nVM, and for a guest without
 *      SPE none of them; PA is 1 only with SPEVIRT_CFG_ALLOW_PHYS_ADDR, CX
 *      only with SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2, PCT non-zero only with
 *      SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP; EnVM is the guest's SPE_nVM;
 *    - MDCR_EL2.HPMFZS is in the mask, 0, exactly for a guest with SPE on a
 *      host with FEAT_SPEv1p2;
 *    - the context-switch set is exactly the registers whose writes are
 *      SPEVIRT_ACCESS_UNTRAPPED or _FORWARD, spevirt_context_regs() lists
 *      each once with PMSCR_EL1 last, and a guest without SPE has none;
 *    - HFGITR_EL2.PSBCSYNC is never set;
 *    - view.leaks has only SPEVIRT_LEAK_* bits, and none with
 *      SPEVIRT_CFG_FORBID_LEAKS;
 *    - spevirt_access() agrees with the trap controls: for every SPE register
 *      and direction that exists on the host, MDCR_EL2 or a fine-grained bit
 *      traps the access exactly when the decision is not
 *      SPEVIRT_ACCESS_UNTRAPPED, and spevirt_access_trapped() says the same;
 *      accesses that do not exist are SPEVIRT_ACCESS_UNDEF and not trapped; a guest without SPE gets SPEVIRT_ACCESS_UNDEF
 *      for everything but an untrappable PMBIDR_EL1 read, which must then be
 *      reported as SPEVIRT_LEAK_PMBIDR_READ.  SPEVIRT_EL3_NO_FGT disables the
 *      HDFGxTR_EL2 and HFGITR_EL2 traps; SPEVIRT_EL3_NO_FGT2 makes
 *      HDFGxTR2_EL2 read as 0, so their n-prefixed bits always trap.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spevirt/spevirt.h>
#include <spevirt/spevirt_audit.h>

#include "fuzz.h"


/* The SPE trap bits of each fine-grained trap register. */
#define HDFGRTR_EL2_SPE								\
	(SPEVIRT_HDFGRTR_EL2_PMBIDR_EL1 | SPEVIRT_HDFGRTR_EL2_NPMSNEVFR_EL1 |	\
	 SPEVIRT_HDFGRTR_EL2_PMSLATFR_EL1 | SPEVIRT_HDFGRTR_EL2_PMSIRR_EL1 |	\
	 SPEVIRT_HDFGRTR_EL2_PMSIDR_EL1 | SPEVIRT_HDFGRTR_EL2_PMSICR_EL1 |	\
	 SPEVIRT_HDFGRTR_EL2_PMSFCR_EL1 | SPEVIRT_HDFGRTR_EL2_PMSEVFR_EL1 |	\
	 SPEVIRT_HDFGRTR_EL2_PMSCR_EL1 | SPEVIRT_HDFGRTR_EL2_PMBSR_EL1 |	\
	 SPEVIRT_HDFGRTR_EL2_PMBPTR_EL1 | SPEVIRT_HDFGRTR_EL2_PMBLIMITR_EL1)
#define HDFGWTR_EL2_SPE								\
	(SPEVIRT_HDFGWTR_EL2_NPMSNEVFR_EL1 | SPEVIRT_HDFGWTR_EL2_PMSLATFR_EL1 |	\
	 SPEVIRT_HDFGWTR_EL2_PMSIRR_EL1 | SPEVIRT_HDFGWTR_EL2_PMSICR_EL1 |	\
	 SPEVIRT_HDFGWTR_EL2_PMSFCR_EL1 | SPEVIRT_HDFGWTR_EL2_PMSEVFR_EL1 |	\
	 SPEVIRT_HDFGWTR_EL2_PMSCR_EL1 | SPEVIRT_HDFGWTR_EL2_PMBSR_EL1 |	\
	 SPEVIRT_HDFGWTR_EL2_PMBPTR_EL1 | SPEVIRT_HDFGWTR_EL2_PMBLIMITR_EL1)
#define HDFGRTR2_EL2_SPE (SPEVIRT_HDFGRTR2_EL2_NPMBMAR_EL1 | SPEVIRT_HDFGRTR2_EL2_NPMSDSFR_EL1)
#define HDFGWTR2_EL2_SPE (SPEVIRT_HDFGWTR2_EL2_NPMBMAR_EL1 | SPEVIRT_HDFGWTR2_EL2_NPMSDSFR_EL1)
#define HFGITR_EL2_SPE	SPEVIRT_HFGITR_EL2_PSBCSYNC

/* PMBIDR_EL1 fields the guest may see differ from the host's. */
#define PMBIDR_NOT_FEATURES (SPEVIRT_PMBIDR_EL1_MAXBUFFSIZE | SPEVIRT_PMBIDR_EL1_ADDRMODE)

/* PMBIDR_EL1 fields a guest with SPE reads differently from the host (E2PB, EnVM). */
#define PMBIDR_BY_EL2	(SPEVIRT_PMBIDR_EL1_P | SPEVIRT_PMBIDR_EL1_ADDRMODE)

#define INPUT_SIZE	84

/* One call of spevirt_view_compute(): its inputs and outputs. */
struct run {
	struct spevirt_host host;
	struct spevirt_config cfg;
	enum spevirt_status status;
	struct spevirt_view view;
};

/* The regmasks of a view, in declaration order, with each register's RES0. */
#define NR_REGMASKS 9

static const char *const regmask_name[NR_REGMASKS] = {
	"id_aa64dfr0_el1", "id_aa64dfr2_el1", "mdcr_el2", "pmscr_el2", "hdfgrtr_el2",
	"hdfgwtr_el2", "hdfgrtr2_el2", "hdfgwtr2_el2", "hfgitr_el2",
};

static const uint64_t regmask_res0[NR_REGMASKS] = {
	SPEVIRT_ID_AA64DFR0_EL1_RES0, SPEVIRT_ID_AA64DFR2_EL1_RES0, SPEVIRT_MDCR_EL2_RES0,
	SPEVIRT_PMSCR_EL2_RES0, SPEVIRT_HDFGRTR_EL2_RES0, SPEVIRT_HDFGWTR_EL2_RES0,
	SPEVIRT_HDFGRTR2_EL2_RES0, SPEVIRT_HDFGWTR2_EL2_RES0, SPEVIRT_HFGITR_EL2_RES0,
};

static void regmasks_of(const struct spevirt_view *v, const struct spevirt_regmask *rm[])
{
	rm[0] = &v->id_aa64dfr0_el1;
	rm[1] = &v->id_aa64dfr2_el1;
	rm[2] = &v->mdcr_el2;
	rm[3] = &v->pmscr_el2;
	rm[4] = &v->hdfgrtr_el2;
	rm[5] = &v->hdfgwtr_el2;
	rm[6] = &v->hdfgrtr2_el2;
	rm[7] = &v->hdfgwtr2_el2;
	rm[8] = &v->hfgitr_el2;
}

/*
 * The SPE system registers and the controls that trap them at EL1, after the
 * Arm ARM (D24.3.17 MDCR_EL2, D19.2 HDFGRTR_EL2 and friends): independent of
 * the table in lib/traps.c, so the two check each other.
 */
enum {
	HAS_SPE = 1U << 0,
	HAS_FNE = 1U << 1,	/* PMSIDR_EL1.FnE */
	HAS_FDS = 1U << 2,	/* PMSIDR_EL1.FDS */
	HAS_NVM = 1U << 3,	/* ID_AA64DFR2_EL1.SPE_nVM */
};

enum { BY_NONE, BY_TPMS, BY_E2PB };

struct spe_reg {
	const char *name;
	uint32_t sysreg;
	unsigned int feat;	/* HAS_* bits: the register exists, and the guest may use it */
	unsigned int mdcr;	/* BY_*: the MDCR_EL2 control that traps it */
	unsigned int fgt;	/* the ID_AA64MMFR0_EL1.FGT level its trap bits need */
	bool negative;		/* the n-prefixed trap bits trap when 0 */
	uint64_t rd, wr;	/* trap bits in HDFGRTR(2)/HDFGWTR(2)_EL2; wr 0: read-only */
};

#define FGT1	SPEVIRT_ID_AA64MMFR0_EL1_FGT_IMP
#define FGT2	SPEVIRT_ID_AA64MMFR0_EL1_FGT_FGT2
#define SPE_RW(reg, by)								\
	{ #reg, SPEVIRT_SYSREG_##reg, HAS_SPE, by, FGT1, false,			\
	  SPEVIRT_HDFGRTR_EL2_##reg, SPEVIRT_HDFGWTR_EL2_##reg }

static const struct spe_reg spe_regs[] = {
	SPE_RW(PMSCR_EL1, BY_TPMS),
	{ "PMSNEVFR_EL1", SPEVIRT_SYSREG_PMSNEVFR_EL1, HAS_SPE | HAS_FNE, BY_TPMS, FGT1, true,
	  SPEVIRT_HDFGRTR_EL2_NPMSNEVFR_EL1, SPEVIRT_HDFGWTR_EL2_NPMSNEVFR_EL1 },
	SPE_RW(PMSICR_EL1, BY_TPMS),
	SPE_RW(PMSIRR_EL1, BY_TPMS),
	SPE_RW(PMSFCR_EL1, BY_TPMS),
	SPE_RW(PMSEVFR_EL1, BY_TPMS),
	SPE_RW(PMSLATFR_EL1, BY_TPMS),
	{ "PMSIDR_EL1", SPEVIRT_SYSREG_PMSIDR_EL1, HAS_SPE, BY_TPMS, FGT1, false,
	  SPEVIRT_HDFGRTR_EL2_PMSIDR_EL1, 0 },
	SPE_RW(PMBLIMITR_EL1, BY_E2PB),
	SPE_RW(PMBPTR_EL1, BY_E2PB),
	SPE_RW(PMBSR_EL1, BY_E2PB),
	{ "PMSDSFR_EL1", SPEVIRT_SYSREG_PMSDSFR_EL1, HAS_SPE | HAS_FDS, BY_TPMS, FGT2, true,
	  SPEVIRT_HDFGRTR2_EL2_NPMSDSFR_EL1, SPEVIRT_HDFGWTR2_EL2_NPMSDSFR_EL1 },
	{ "PMBMAR_EL1", SPEVIRT_SYSREG_PMBMAR_EL1, HAS_SPE | HAS_NVM, BY_E2PB, FGT2, true,
	  SPEVIRT_HDFGRTR2_EL2_NPMBMAR_EL1, SPEVIRT_HDFGWTR2_EL2_NPMBMAR_EL1 },
	{ "PMBIDR_EL1", SPEVIRT_SYSREG_PMBIDR_EL1, HAS_SPE, BY_NONE, FGT1, false,
	  SPEVIRT_HDFGRTR_EL2_PMBIDR_EL1, 0 },
};

#define NR_SPE_REGS	(sizeof(spe_regs) / sizeof(spe_regs[0]))
/* SPE's block: op0 3, op1 0, CRn 9, CRm 9 and 10, one slot per op2. */
#define NR_SLOTS	16
#define SLOT_SYSREG(slot) (SPEVIRT_SYSREG_PMSCR_EL1 + ((uint32_t)(slot) << 5))

static void dump_run(const struct run *r)
{
	const struct spevirt_regmask *rm[NR_REGMASKS];
	unsigned int i, w;

	fprintf(stderr,
		"host: id_aa64dfr0_el1=0x%016llx id_aa64dfr2_el1=0x%016llx "
		"id_aa64mmfr0_el1=0x%016llx pmsidr_el1=0x%016llx pmbidr_el1=0x%016llx\n",
		(unsigned long long)r->host.id_aa64dfr0_el1,
		(unsigned long long)r->host.id_aa64dfr2_el1,
		(unsigned long long)r->host.id_aa64mmfr0_el1,
		(unsigned long long)r->host.pmsidr_el1, (unsigned long long)r->host.pmbidr_el1);
	fprintf(stderr, "host: el3_disabled=0x%x\n", (unsigned int)r->host.el3_disabled);
	fprintf(stderr,
		"cfg: profile=%u pmsver=%u spe_nvm=%u max_buffer_size=0x%llx flags=0x%x\n",
		(unsigned int)r->cfg.profile, r->cfg.pmsver, r->cfg.spe_nvm,
		(unsigned long long)r->cfg.max_buffer_size, r->cfg.flags);
	fprintf(stderr, "status: %d (%s)\nreason: %s\n", (int)r->status,
		spevirt_strerror(r->status), r->view.reason ? r->view.reason : "(null)");
	fprintf(stderr,
		"view: pmsidr_el1=0x%016llx pmbidr_el1=0x%016llx leaks=0x%llx "
		"max_buffer_size=0x%llx limit_advertised=%d\n",
		(unsigned long long)r->view.pmsidr_el1, (unsigned long long)r->view.pmbidr_el1,
		(unsigned long long)r->view.leaks, (unsigned long long)r->view.max_buffer_size,
		(int)r->view.limit_advertised);
	regmasks_of(&r->view, rm);
	for (i = 0; i < NR_REGMASKS; i++)
		fprintf(stderr, "view: %-16s mask=0x%016llx value=0x%016llx\n", regmask_name[i],
			(unsigned long long)rm[i]->mask, (unsigned long long)rm[i]->value);
	for (w = 0; w < 2; w++) {
		fprintf(stderr, "view: access[%s]:", w ? "write" : "read");
		for (i = 0; i < NR_SLOTS; i++)
			fprintf(stderr, " %u", (unsigned int)r->view.access[w][i]);
		fprintf(stderr, "\n");
	}
}

static _Noreturn void violated(const struct run *r, const char *invariant, const char *where)
{
	fprintf(stderr, "fuzz_view: invariant violated: %s%s%s\n", invariant, where ? ": " : "",
		where ? where : "");
	dump_run(r);
	abort();
}

#define CHECK(r, cond, invariant, where)			\
	do {							\
		if (!(cond))					\
			violated(r, invariant, where);		\
	} while (0)

static void check_same(const struct run *a, const struct run *b)
{
	const struct spevirt_regmask *ra[NR_REGMASKS], *rb[NR_REGMASKS];
	const char *what = "same inputs, same outputs";
	unsigned int i, w;

	CHECK(a, a->status == b->status, what, "status");
	CHECK(a, a->view.pmsidr_el1 == b->view.pmsidr_el1, what, "pmsidr_el1");
	CHECK(a, a->view.pmbidr_el1 == b->view.pmbidr_el1, what, "pmbidr_el1");
	CHECK(a, a->view.leaks == b->view.leaks, what, "leaks");
	CHECK(a, a->view.max_buffer_size == b->view.max_buffer_size, what, "max_buffer_size");
	CHECK(a, a->view.limit_advertised == b->view.limit_advertised, what, "limit_advertised");
	CHECK(a, !a->view.reason == !b->view.reason, what, "reason");
	CHECK(a, !a->view.reason || !strcmp(a->view.reason, b->view.reason), what, "reason");
	regmasks_of(&a->view, ra);
	regmasks_of(&b->view, rb);
	for (i = 0; i < NR_REGMASKS; i++) {
		CHECK(a, ra[i]->mask == rb[i]->mask, what, regmask_name[i]);
		CHECK(a, ra[i]->value == rb[i]->value, what, regmask_name[i]);
	}
	for (w = 0; w < 2; w++)
		for (i = 0; i < NR_SLOTS; i++)
			CHECK(a, a->view.access[w][i] == b->view.access[w][i], what, "access");
	CHECK(a, a->view.context_regs == b->view.context_regs, what, "context_regs");
	CHECK(a, a->view.trapped[0] == b->view.trapped[0] && a->view.trapped[1] == b->view.trapped[1],
	      what, "trapped");
}

enum { FGT_ABSENT, FGT_USABLE, FGT_AS_ZERO };

/*
 * The trap registers of FEAT_FGT (@level FGT1) or FEAT_FGT2 as the
 * hypervisor finds them: SCR_EL3.FGTEn = 0 disables the first registers'
 * traps; SCR_EL3.FGTEn2 = 0 makes the second ones read as 0 (D24.2.169).
 */
static int fgt_state(const struct spevirt_host *host, uint64_t level)
{
	uint64_t raw = FIELD(host->id_aa64mmfr0_el1, ID_AA64MMFR0_EL1_FGT);
	uint32_t off = level == FGT2 ? SPEVIRT_EL3_NO_FGT2 : SPEVIRT_EL3_NO_FGT;

	if (raw < level)
		return FGT_ABSENT;
	if (!(host->el3_disabled & off))
		return FGT_USABLE;
	return level == FGT2 ? FGT_AS_ZERO : FGT_ABSENT;
}

static void check_error(const struct run *r)
{
	CHECK(r, (unsigned int)r->status <= (unsigned int)SPEVIRT_E_MISMATCH,
	      "the status is an enum spevirt_status value", NULL);
	CHECK(r, r->view.reason, "an error has a reason", NULL);
}

static void check_fgt(const struct run *r, unsigned int i, const struct spevirt_regmask *rm,
		      uint64_t spe_bits, uint64_t min_fgt)
{
	CHECK(r, !(rm->mask & ~spe_bits), "a fine-grained trap mask covers only SPE trap bits",
	      regmask_name[i]);
	if (fgt_state(&r->host, min_fgt) != FGT_USABLE)
		CHECK(r, !rm->mask, "no fine-grained trap bit without the host's FEAT_FGT/FGT2",
		      regmask_name[i]);
}

static bool has(unsigned int feats, unsigned int want)
{
	return (feats & want) == want;
}

static unsigned int host_has(const struct spevirt_host *host)
{
	unsigned int feats = 0;

	if (FIELD(host->id_aa64dfr0_el1, ID_AA64DFR0_EL1_PMSVER) == SPEVIRT_PMSVER_NI)
		return 0;
	feats |= HAS_SPE;
	if (host->pmsidr_el1 & SPEVIRT_PMSIDR_EL1_FNE)
		feats |= HAS_FNE;
	if (host->pmsidr_el1 & SPEVIRT_PMSIDR_EL1_FDS)
		feats |= HAS_FDS;
	if (FIELD(host->id_aa64dfr2_el1, ID_AA64DFR2_EL1_SPE_NVM))
		feats |= HAS_NVM;
	return feats;
}

static unsigned int guest_has(const struct spevirt_config *cfg, const struct spevirt_view *v)
{
	unsigned int feats = 0;

	if (cfg->pmsver == SPEVIRT_PMSVER_NI)
		return 0;
	feats |= HAS_SPE;
	if (v->pmsidr_el1 & SPEVIRT_PMSIDR_EL1_FNE)
		feats |= HAS_FNE;
	if (v->pmsidr_el1 & SPEVIRT_PMSIDR_EL1_FDS)
		feats |= HAS_FDS;
	if (cfg->spe_nvm)
		feats |= HAS_NVM;
	return feats;
}

/* The fine-grained trap register that holds a register's read or write trap bit. */
static const struct spevirt_regmask *fgt_regmask(const struct spevirt_view *v,
						 const struct spe_reg *reg, bool is_write)
{
	if (reg->fgt == FGT2)
		return is_write ? &v->hdfgwtr2_el2 : &v->hdfgrtr2_el2;
	return is_write ? &v->hdfgwtr_el2 : &v->hdfgrtr_el2;
}

/* Does MDCR_EL2, as the view programs it, trap the register at EL1? */
static bool mdcr_traps(const struct spevirt_view *v, const struct spe_reg *reg)
{
	switch (reg->mdcr) {
	case BY_TPMS:
		return v->mdcr_el2.value & SPEVIRT_MDCR_EL2_TPMS;
	case BY_E2PB:
		/* 0b00 (EL2 owns the buffer) and 0b10 trap EL1 accesses, 0b11 does not. */
		return !(FIELD(v->mdcr_el2.value, MDCR_EL2_E2PB) & 1);
	default:
		return false;
	}
}

/* One register, one direction: its decision against the trap controls. */
static void check_one_access(const struct run *r, const struct spe_reg *reg, bool is_write,
			     unsigned int host, unsigned int guest, uint64_t fgt_mask[2][2])
{
	const struct spevirt_view *v = &r->view;
	enum spevirt_access d = spevirt_access(v, reg->sysreg, is_write);
	uint64_t bit = is_write ? reg->wr : reg->rd;
	int fgt = fgt_state(&r->host, reg->fgt);
	bool trapped = mdcr_traps(v, reg);

	CHECK(r, (unsigned int)d <= (unsigned int)SPEVIRT_ACCESS_FORWARD,
	      "spevirt_access() of an SPE register is an enum spevirt_access value other than "
	      "SPEVIRT_ACCESS_NOT_SPE", reg->name);
	if (!has(host, reg->feat) || !bit) {
		CHECK(r, d == SPEVIRT_ACCESS_UNDEF,
		      "an access that does not exist on the host is SPEVIRT_ACCESS_UNDEF",
		      reg->name);
		CHECK(r, !spevirt_access_trapped(v, reg->sysreg, is_write),
		      "an access the hardware UNDEFs itself is not trapped", reg->name);
		return;
	}
	if (fgt == FGT_USABLE) {
		const struct spevirt_regmask *rm = fgt_regmask(v, reg, is_write);

		fgt_mask[reg->fgt == FGT2][is_write] |= bit;
		if (((rm->value & bit) != 0) != reg->negative)
			trapped = true;
	} else if (fgt == FGT_AS_ZERO && reg->negative) {
		trapped = true;
	}
	CHECK(r, trapped == (d != SPEVIRT_ACCESS_UNTRAPPED),
	      "the trap controls trap an access exactly when spevirt_access() is not "
	      "SPEVIRT_ACCESS_UNTRAPPED", reg->name);
	CHECK(r, trapped == spevirt_access_trapped(v, reg->sysreg, is_write),
	      "spevirt_access_trapped() is what the trap controls do", reg->name);

	if (has(guest, reg->feat)) {
		CHECK(r, d != SPEVIRT_ACCESS_UNDEF,
		      "a register the guest has is not SPEVIRT_ACCESS_UNDEF", reg->name);
	} else if (d != SPEVIRT_ACCESS_UNDEF) {
		/* The one exception, reported as a leak: nothing can trap PMBIDR_EL1. */
		CHECK(r,
		      reg->sysreg == SPEVIRT_SYSREG_PMBIDR_EL1 && !(guest & HAS_SPE) &&
			      d == SPEVIRT_ACCESS_UNTRAPPED &&
			      (v->leaks & SPEVIRT_LEAK_PMBIDR_READ),
		      "a register the guest lacks is SPEVIRT_ACCESS_UNDEF (but for a "
		      "SPEVIRT_LEAK_PMBIDR_READ)", reg->name);
	}

	/* A read that reaches the hardware must return what the view says. */
	if (!(guest & HAS_SPE) || is_write ||
	    (d != SPEVIRT_ACCESS_UNTRAPPED && d != SPEVIRT_ACCESS_FORWARD))
		return;
	if (reg->sysreg == SPEVIRT_SYSREG_PMSIDR_EL1)
		CHECK(r, v->pmsidr_el1 == r->host.pmsidr_el1,
		      "an untrapped PMSIDR_EL1 read shows the view's value", NULL);
	if (reg->sysreg == SPEVIRT_SYSREG_PMBIDR_EL1)
		CHECK(r, !((v->pmbidr_el1 ^ r->host.pmbidr_el1) & ~PMBIDR_BY_EL2),
		      "an untrapped PMBIDR_EL1 read shows the view's value", NULL);
}

static void check_access(const struct run *r, unsigned int host, unsigned int guest)
{
	const struct spevirt_view *v = &r->view;
	bool fgt = fgt_state(&r->host, FGT1) == FGT_USABLE;
	uint64_t pmsver = FIELD(r->host.id_aa64dfr0_el1, ID_AA64DFR0_EL1_PMSVER);
	uint64_t hpmfzs = (guest & HAS_SPE) && pmsver >= SPEVIRT_PMSVER_V1P2 ?
				  SPEVIRT_MDCR_EL2_HPMFZS : 0;
	uint64_t fgt_mask[2][2] = { { 0 } };
	unsigned int slot, i;

	for (slot = 0; slot < NR_SLOTS; slot++) {
		const struct spe_reg *reg = NULL;

		for (i = 0; i < NR_SPE_REGS; i++)
			if (spe_regs[i].sysreg == SLOT_SYSREG(slot))
				reg = &spe_regs[i];
		if (!reg) {
			CHECK(r,
			      spevirt_access(v, SLOT_SYSREG(slot), false) == SPEVIRT_ACCESS_UNDEF &&
				      spevirt_access(v, SLOT_SYSREG(slot), true) ==
					      SPEVIRT_ACCESS_UNDEF,
			      "an unallocated encoding in SPE's block is SPEVIRT_ACCESS_UNDEF",
			      NULL);
			continue;
		}
		check_one_access(r, reg, false, host, guest, fgt_mask);
		check_one_access(r, reg, true, host, guest, fgt_mask);
	}
	CHECK(r,
	      spevirt_access(v, SPEVIRT_SYSREG_PMSCR_EL2, false) == SPEVIRT_ACCESS_NOT_SPE &&
		      spevirt_access(v, SPEVIRT_SYSREG_ID_AA64DFR0_EL1, true) ==
			      SPEVIRT_ACCESS_NOT_SPE,
	      "spevirt_access() outside SPE's block is SPEVIRT_ACCESS_NOT_SPE", NULL);

	/* Each mask: exactly the trap bits of the registers that exist on the host. */
	CHECK(r, v->hdfgrtr_el2.mask == fgt_mask[0][0], "mask covers the host's SPE trap bits",
	      "hdfgrtr_el2");
	CHECK(r, v->hdfgwtr_el2.mask == fgt_mask[0][1], "mask covers the host's SPE trap bits",
	      "hdfgwtr_el2");
	CHECK(r, v->hdfgrtr2_el2.mask == fgt_mask[1][0], "mask covers the host's SPE trap bits",
	      "hdfgrtr2_el2");
	CHECK(r, v->hdfgwtr2_el2.mask == fgt_mask[1][1], "mask covers the host's SPE trap bits",
	      "hdfgwtr2_el2");
	CHECK(r,
	      v->hfgitr_el2.mask == (fgt && pmsver >= SPEVIRT_PMSVER_V1P5 ?
					     SPEVIRT_HFGITR_EL2_PSBCSYNC : 0),
	      "mask covers the host's SPE trap bits", "hfgitr_el2");
	CHECK(r,
	      v->mdcr_el2.mask ==
		      (host & HAS_SPE ? SPEVIRT_MDCR_EL2_TPMS | SPEVIRT_MDCR_EL2_E2PB | hpmfzs : 0),
	      "mask covers the host's SPE trap controls and HPMFZS for a guest with SPE on "
	      "FEAT_SPEv1p2", "mdcr_el2");
	CHECK(r, !(v->mdcr_el2.value & SPEVIRT_MDCR_EL2_HPMFZS),
	      "MDCR_EL2.HPMFZS is 0: a guest never freezes the hypervisor's counters", NULL);
}

/* docs/policy.md section 8, from D24.7.9's field list. */
static void check_pmscr(const struct run *r, unsigned int host, unsigned int guest)
{
	const struct spevirt_regmask *rm = &r->view.pmscr_el2;
	unsigned int flags = r->cfg.flags;
	bool exc = FIELD(r->host.id_aa64dfr2_el1, ID_AA64DFR2_EL1_SPE_EXC) != 0;
	bool ecv = FIELD(r->host.id_aa64mmfr0_el1, ID_AA64MMFR0_EL1_ECV) != 0;
	uint64_t want = 0;

	if (host & HAS_SPE && exc)
		want |= SPEVIRT_PMSCR_EL2_EE | SPEVIRT_PMSCR_EL2_KE;
	if (guest & HAS_SPE) {
		want |= SPEVIRT_PMSCR_EL2_PA | SPEVIRT_PMSCR_EL2_CX | (1ULL << 6);
		want |= ecv ? SPEVIRT_PMSCR_EL2_PCT : 0;
		want |= host & HAS_NVM ? SPEVIRT_PMSCR_EL2_ENVM : 0;
	}
	CHECK(r, rm->mask == want, "PMSCR_EL2 mask: the fields the PE reads while the guest runs",
	      NULL);
	CHECK(r, !(rm->value & (SPEVIRT_PMSCR_EL2_EE | SPEVIRT_PMSCR_EL2_KE)),
	      "PMSCR_EL2.EE and KE are 0: no profiling exception while a guest runs", NULL);
	CHECK(r, !(rm->value & SPEVIRT_PMSCR_EL2_PA) || (flags & SPEVIRT_CFG_ALLOW_PHYS_ADDR),
	      "PMSCR_EL2.PA is 1 only with SPEVIRT_CFG_ALLOW_PHYS_ADDR", NULL);
	CHECK(r, !(rm->value & SPEVIRT_PMSCR_EL2_CX) || (flags & SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2),
	      "PMSCR_EL2.CX is 1 only with SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2", NULL);
	CHECK(r, !(rm->value & SPEVIRT_PMSCR_EL2_PCT) || (flags & SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP),
	      "PMSCR_EL2.PCT is 0b00 (virtual) unless SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP", NULL);
	CHECK(r, !(rm->value & SPEVIRT_PMSCR_EL2_ENVM) == !r->cfg.spe_nvm,
	      "PMSCR_EL2.EnVM is the guest's SPE_nVM", NULL);
}

static void check_context(const struct run *r)
{
	const struct spevirt_view *v = &r->view;
	uint32_t regs[NR_SLOTS];
	unsigned int slot, i, n = spevirt_context_regs(v, regs), bits = 0;
	uint16_t want = 0;

	for (slot = 0; slot < NR_SLOTS; slot++) {
		uint8_t wr = v->access[1][slot];

		if (wr == SPEVIRT_ACCESS_UNTRAPPED || wr == SPEVIRT_ACCESS_FORWARD)
			want |= (uint16_t)(1U << slot);
	}
	CHECK(r, v->context_regs == want,
	      "the context-switch set is the registers the guest writes in the hardware", NULL);
	CHECK(r, r->cfg.pmsver || !want, "a guest without SPE has nothing to switch", NULL);
	for (i = 0; i < n; i++) {
		slot = (regs[i] - SPEVIRT_SYSREG_PMSCR_EL1) >> 5;
		CHECK(r, slot < NR_SLOTS && (want & (1U << slot)) && !(bits & (1U << slot)),
		      "spevirt_context_regs() lists each register of the set once", NULL);
		bits |= 1U << slot;
	}
	CHECK(r, bits == want, "spevirt_context_regs() lists the whole set", NULL);
	CHECK(r, !n || regs[n - 1] == SPEVIRT_SYSREG_PMSCR_EL1 || !(want & 1U),
	      "PMSCR_EL1, which enables sampling, is restored last", NULL);
}

/*
 * The view, programmed as documented, audits with no finding but its own
 * leaks and the PMSCR_EL2 fields its ALLOW flags ask for (policy.md 13).
 */
static void check_audit(const struct run *r)
{
	const struct spevirt_view *v = &r->view;
	struct spevirt_hypervisor hv;
	static struct spevirt_audit a;
	uint64_t leaks = 0;
	unsigned int i;

	CHECK(r, spevirt_view_hypervisor(v, &r->cfg, &hv) == SPEVIRT_OK,
	      "a successful view converts to the hypervisor that follows it", NULL);
	CHECK(r, spevirt_audit(&r->host, &hv, &a) == SPEVIRT_OK,
	      "the audit takes every host a view is computed for", NULL);
	for (i = 0; i < a.nr_findings; i++) {
		const struct spevirt_finding *f = &a.findings[i];
		bool pa = !strcmp(f->field, "PMSCR_EL2.PA"), cx = !strcmp(f->field, "PMSCR_EL2.CX");
		bool pct = !strcmp(f->field, "PMSCR_EL2.PCT");

		CHECK(r, (f->leak & v->leaks) ||
			 (pa && (r->cfg.flags & SPEVIRT_CFG_ALLOW_PHYS_ADDR)) ||
			 (cx && (r->cfg.flags & SPEVIRT_CFG_ALLOW_CONTEXTIDR_EL2)) ||
			 (pct && (r->cfg.flags & SPEVIRT_CFG_ALLOW_PHYS_TIMESTAMP)),
		      "the view audits with only its documented findings", f->field);
		leaks |= f->leak;
	}
	CHECK(r, leaks == (v->leaks & ~SPEVIRT_LEAK_UNADVERTISED_LIMIT),
	      "the audit finds each leak of the view its inputs show", NULL);
}

static void check_success(const struct run *r)
{
	const struct spevirt_host *host = &r->host;
	const struct spevirt_config *cfg = &r->cfg;
	const struct spevirt_view *v = &r->view;
	const struct spevirt_regmask *rm[NR_REGMASKS];
	unsigned int hfeats = host_has(host), gfeats = guest_has(cfg, v);
	bool fgt = fgt_state(host, FGT1) == FGT_USABLE;
	unsigned int i;

	CHECK(r, !v->reason, "success has no reason", NULL);

	regmasks_of(v, rm);
	for (i = 0; i < NR_REGMASKS; i++) {
		CHECK(r, !(rm[i]->value & ~rm[i]->mask), "value inside mask", regmask_name[i]);
		CHECK(r, !(rm[i]->mask & regmask_res0[i]), "mask never covers a RES0 bit",
		      regmask_name[i]);
	}
	check_fgt(r, 4, &v->hdfgrtr_el2, HDFGRTR_EL2_SPE, FGT1);
	check_fgt(r, 5, &v->hdfgwtr_el2, HDFGWTR_EL2_SPE, FGT1);
	check_fgt(r, 6, &v->hdfgrtr2_el2, HDFGRTR2_EL2_SPE, FGT2);
	check_fgt(r, 7, &v->hdfgwtr2_el2, HDFGWTR2_EL2_SPE, FGT2);
	check_fgt(r, 8, &v->hfgitr_el2, HFGITR_EL2_SPE, FGT1);
	CHECK(r, !(v->hfgitr_el2.value & SPEVIRT_HFGITR_EL2_PSBCSYNC),
	      "HFGITR_EL2.PSBCSYNC is never trapped", NULL);

	CHECK(r, !(v->pmsidr_el1 & ~host->pmsidr_el1), "guest PMSIDR_EL1 has no bit the host lacks",
	      NULL);
	CHECK(r, !(v->pmsidr_el1 & SPEVIRT_PMSIDR_EL1_RES0), "guest PMSIDR_EL1 has no RES0 bit",
	      NULL);
	CHECK(r, !(v->pmbidr_el1 & SPEVIRT_PMBIDR_EL1_RES0), "guest PMBIDR_EL1 has no RES0 bit",
	      NULL);
	CHECK(r, !FIELD(v->pmbidr_el1, PMBIDR_EL1_P), "guest PMBIDR_EL1.P is 0", NULL);
	CHECK(r, !(v->pmbidr_el1 & ~host->pmbidr_el1 & ~PMBIDR_NOT_FEATURES),
	      "guest PMBIDR_EL1 has no feature bit the host lacks", NULL);

	CHECK(r, FIELD(v->id_aa64dfr0_el1.value, ID_AA64DFR0_EL1_PMSVER) == cfg->pmsver,
	      "guest ID_AA64DFR0_EL1.PMSVer is cfg.pmsver", NULL);
	CHECK(r, FIELD(v->id_aa64dfr2_el1.value, ID_AA64DFR2_EL1_SPE_NVM) == cfg->spe_nvm,
	      "guest ID_AA64DFR2_EL1.SPE_nVM is cfg.spe_nvm", NULL);
	CHECK(r, !FIELD(v->id_aa64dfr2_el1.value, ID_AA64DFR2_EL1_SPE_EXC),
	      "guest ID_AA64DFR2_EL1.SPE_EXC is 0", NULL);
	check_pmscr(r, hfeats, gfeats);
	check_context(r);
	if (gfeats & HAS_SPE)
		CHECK(r,
		      FIELD(v->mdcr_el2.value, MDCR_EL2_E2PB) ==
			      (cfg->flags & SPEVIRT_CFG_PINNED_MEMORY ? SPEVIRT_MDCR_EL2_E2PB_EL1 :
								       SPEVIRT_MDCR_EL2_E2PB_EL1_TRAP),
		      "MDCR_EL2.E2PB is 0b11 with pinned memory, else 0b10, for a guest with SPE",
		      NULL);

	CHECK(r, !(v->leaks >> SPEVIRT_LEAK_COUNT), "view.leaks has only SPEVIRT_LEAK_* bits",
	      NULL);
	if (cfg->flags & SPEVIRT_CFG_FORBID_LEAKS)
		CHECK(r, !v->leaks, "no leak with SPEVIRT_CFG_FORBID_LEAKS", NULL);

	if (cfg->pmsver == SPEVIRT_PMSVER_NI) {
		CHECK(r, !v->pmsidr_el1 && !v->pmbidr_el1,
		      "a guest without SPE reads 0 from PMSIDR_EL1 and PMBIDR_EL1", NULL);
		CHECK(r, v->limit_advertised && !v->max_buffer_size,
		      "a guest without SPE has no limit, so none is unadvertised", NULL);
		if (hfeats & HAS_SPE)
			CHECK(r,
			      (v->mdcr_el2.mask & SPEVIRT_MDCR_EL2_TPMS) &&
				      (v->mdcr_el2.value & SPEVIRT_MDCR_EL2_TPMS),
			      "a guest without SPE on a host with SPE gets MDCR_EL2.TPMS set",
			      NULL);
	} else {
		uint64_t field = FIELD(v->pmbidr_el1, PMBIDR_EL1_MAXBUFFSIZE);

		CHECK(r, v->max_buffer_size == cfg->max_buffer_size,
		      "view.max_buffer_size is cfg.max_buffer_size", NULL);
		if (v->limit_advertised)
			CHECK(r, spevirt_maxbuf_decode((uint16_t)field) == cfg->max_buffer_size,
			      "an advertised limit is in PMBIDR_EL1.MaxBuffSize", NULL);
		else
			CHECK(r, (cfg->flags & SPEVIRT_CFG_UNADVERTISED_LIMIT) && !fgt,
			      "a limit is unadvertised only with SPEVIRT_CFG_UNADVERTISED_LIMIT "
			      "on a host without FEAT_FGT", NULL);
	}

	check_access(r, hfeats, gfeats);
	check_audit(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct run a, b;

	if (size > INPUT_SIZE)
		size = INPUT_SIZE;
	memset(&a, 0, sizeof(a));
	fuzz_view_input(data, size, &a.host, &a.cfg);
	b = a;
	/* Different stale contents: the result must not depend on them. */
	memset(&a.view, 0x00, sizeof(a.view));
	memset(&b.view, 0xa5, sizeof(b.view));

	a.status = spevirt_view_compute(&a.host, &a.cfg, &a.view);
	b.status = spevirt_view_compute(&b.host, &b.cfg, &b.view);

	check_same(&a, &b);
	if (a.status == SPEVIRT_OK)
		check_success(&a);
	else
		check_error(&a);
	return 0;
}
