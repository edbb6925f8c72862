// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The audit of a hypervisor's SPE configuration: each SPE register access
 * taken through the hardware's access model (hw.c) with the EL2 controls
 * the hypervisor programs, set against what its guest's ID values say.
 * docs/policy.md section 13 gives each rule with its Arm ARM basis.
 */
#include "spevirt_internal.h"
#include <spevirt/spevirt_audit.h>

struct spv_audit_reg {
	const char *name;
	uint32_t sysreg;
	bool stateful;		/* holds guest state (not an ID register) */
};

static const struct spv_audit_reg spv_audit_regs[] = {
	{ "PMSCR_EL1", SPEVIRT_SYSREG_PMSCR_EL1, true },
	{ "PMSNEVFR_EL1", SPEVIRT_SYSREG_PMSNEVFR_EL1, true },
	{ "PMSICR_EL1", SPEVIRT_SYSREG_PMSICR_EL1, true },
	{ "PMSIRR_EL1", SPEVIRT_SYSREG_PMSIRR_EL1, true },
	{ "PMSFCR_EL1", SPEVIRT_SYSREG_PMSFCR_EL1, true },
	{ "PMSEVFR_EL1", SPEVIRT_SYSREG_PMSEVFR_EL1, true },
	{ "PMSLATFR_EL1", SPEVIRT_SYSREG_PMSLATFR_EL1, true },
	{ "PMSIDR_EL1", SPEVIRT_SYSREG_PMSIDR_EL1, false },
	{ "PMBLIMITR_EL1", SPEVIRT_SYSREG_PMBLIMITR_EL1, true },
	{ "PMBPTR_EL1", SPEVIRT_SYSREG_PMBPTR_EL1, true },
	{ "PMBSR_EL1", SPEVIRT_SYSREG_PMBSR_EL1, true },
	{ "PMSDSFR_EL1", SPEVIRT_SYSREG_PMSDSFR_EL1, true },
	{ "PMBMAR_EL1", SPEVIRT_SYSREG_PMBMAR_EL1, true },
	{ "PMBIDR_EL1", SPEVIRT_SYSREG_PMBIDR_EL1, false },
};

/* The audit in progress: the inputs, and what the guest is told it has. */
struct spv_audit {
	const struct spevirt_host *host;
	const struct spevirt_hypervisor *hv;
	struct spevirt_hostcaps caps;
	struct spevirt_audit *out;
	unsigned int pmsver;	/* the guest's ID_AA64DFR0_EL1.PMSVer */
	bool nvm, exc;		/* its ID_AA64DFR2_EL1.SPE_nVM and SPE_EXC */
	bool pmsidr_read;	/* a PMSIDR_EL1 read gives it a value ... */
	uint64_t pmsidr;	/* ... this one */
	bool pmbidr_read;
	uint64_t pmbidr;
};

static void add_why(struct spv_audit *a, enum spevirt_finding_class cls, uint32_t sysreg,
		    bool is_write, uint64_t leak, const char *field, const char *rule,
		    const char *text)
{
	/* SPEVIRT_MAX_FINDINGS holds every finding there can be; the bound stays here. */
	if (a->out->nr_findings < SPEVIRT_MAX_FINDINGS) {
		struct spevirt_finding *f = &a->out->findings[a->out->nr_findings++];

		f->cls = (uint8_t)cls;
		f->is_write = is_write;
		f->sysreg = sysreg;
		f->leak = leak;
		f->field = field;
		f->rule = rule;
		f->text = text;
	}
}

/* A finding about a field, with its rule and text (SPV_WHY()). */
#define add(a, cls, leak, field, rname, rule, tname, text)	\
	add_why(a, cls, 0, false, leak, field, SPV_WHY(rname, rule), SPV_WHY(tname, text))
/* A finding about one direction of register @r, decided by pseudocode line @rule. */
#define add_access(a, cls, r, is_write, rule, tname, text)	\
	add_reg(a, cls, r, is_write, rule, SPV_WHY(tname, text))

static void add_reg(struct spv_audit *a, enum spevirt_finding_class cls,
		    const struct spv_audit_reg *r, bool is_write, const char *rule,
		    const char *text)
{
	add_why(a, cls, r->sysreg, is_write, 0, r->name, rule, text);
}

static struct spevirt_hw_result hw_of(const struct spv_audit *a, uint32_t sysreg, bool is_write)
{
	struct spevirt_hw_result res;
	enum spevirt_status st = spevirt_hw_access(a->host, &a->hv->el2, sysreg, is_write, &res);

	/* spevirt_audit() checked the host: a refusal would mean SPEVIRT_HW_UNDEF. */
	return st == SPEVIRT_OK ? res : (struct spevirt_hw_result){ 0 };
}

/* The access reaches the hardware, or the hypervisor's emulation. */
static bool works(const struct spv_audit *a, const struct spevirt_hw_result *res,
		  uint32_t sysreg)
{
	if (res->outcome == SPEVIRT_HW_EXECUTE)
		return true;
	return res->outcome == SPEVIRT_HW_TRAP_EL2 &&
	       ((a->hv->emulated >> spevirt_spe_slot(sysreg)) & 1);
}

/* What a read of an ID register gives the guest, if anything. */
static bool id_read(const struct spv_audit *a, uint32_t sysreg, uint64_t emulated,
		    uint64_t *val)
{
	struct spevirt_hw_result res = hw_of(a, sysreg, false);

	*val = res.outcome == SPEVIRT_HW_EXECUTE ? res.value : emulated;
	return works(a, &res, sysreg);
}

static void guest_ids(struct spv_audit *a)
{
	uint64_t pmsver = SPV_FIELD_GET(a->hv->id_aa64dfr0_el1, ID_AA64DFR0_EL1_PMSVER);

	a->pmsver = pmsver > SPEVIRT_PMSVER_V1P5 ? SPEVIRT_PMSVER_V1P5 : (unsigned int)pmsver;
	a->nvm = SPV_FIELD_GET(a->hv->id_aa64dfr2_el1, ID_AA64DFR2_EL1_SPE_NVM) != 0;
	a->exc = SPV_FIELD_GET(a->hv->id_aa64dfr2_el1, ID_AA64DFR2_EL1_SPE_EXC) != 0;
	a->pmsidr_read = id_read(a, SPEVIRT_SYSREG_PMSIDR_EL1, a->hv->pmsidr_el1, &a->pmsidr);
	a->pmbidr_read = id_read(a, SPEVIRT_SYSREG_PMBIDR_EL1, a->hv->pmbidr_el1, &a->pmbidr);
}

/* Whether the guest's ID values say the register exists. */
static bool told_exists(const struct spv_audit *a, uint32_t sysreg)
{
	bool known = a->pmsidr_read;

	if (a->pmsver == SPEVIRT_PMSVER_NI)
		return false;
	switch (sysreg) {
	case SPEVIRT_SYSREG_PMSNEVFR_EL1:
		/* FEAT_SPE_FnE: PMSIDR_EL1.FnE, which FEAT_SPEv1p2 implies. */
		return known ? (a->pmsidr & SPEVIRT_PMSIDR_EL1_FNE) != 0 :
			       a->pmsver >= SPEVIRT_PMSVER_V1P2;
	case SPEVIRT_SYSREG_PMSDSFR_EL1:
		return known && (a->pmsidr & SPEVIRT_PMSIDR_EL1_FDS);
	case SPEVIRT_SYSREG_PMBMAR_EL1:
		return a->nvm;
	default:
		return true;
	}
}

/* One direction of one register: does the guest get what it is told? */
static void check_access(struct spv_audit *a, const struct spv_audit_reg *r, bool is_write)
{
	struct spevirt_hw_result res = hw_of(a, r->sysreg, is_write);
	bool ro = r->sysreg == SPEVIRT_SYSREG_PMSIDR_EL1 || r->sysreg == SPEVIRT_SYSREG_PMBIDR_EL1;
	const char *rule = spevirt_hw_rule_text(res.rule);

	if (is_write && ro)
		return;
	if (told_exists(a, r->sysreg) && !works(a, &res, r->sysreg))
		add_access(a, SPEVIRT_FINDING_BROKEN, r, is_write, rule, TOLD_EXISTS_UNDEFS,
			   "the guest's ID values say this register exists, but the access UNDEFs: the hardware lacks it, or a trap the hypervisor does not emulate, or EL3, takes it");
	else if (!told_exists(a, r->sysreg) && res.outcome == SPEVIRT_HW_EXECUTE &&
		 r->sysreg != SPEVIRT_SYSREG_PMBIDR_EL1)
		add_access(a, SPEVIRT_FINDING_BROKEN, r, is_write, rule, TOLD_ABSENT_EXECUTES,
			   "the guest's ID values say this register does not exist, but the access reaches the hardware");
	if (r->stateful && res.outcome == SPEVIRT_HW_EXECUTE &&
	    !((a->hv->switched >> spevirt_spe_slot(r->sysreg)) & 1))
		add_access(a, SPEVIRT_FINDING_ISOLATION, r, is_write, rule, NOT_SWITCHED,
			   "the guest reaches this register's hardware state, and the hypervisor neither traps nor context-switches it: what one guest writes, the next (or the host) reads");
}

/* MDCR_EL2.E2PB = 0b11: the guest programs a buffer that stage 2 may not map. */
static void check_buffer(struct spv_audit *a)
{
	struct spevirt_hw_result res = hw_of(a, SPEVIRT_SYSREG_PMBLIMITR_EL1, true);

	if (a->pmsver == SPEVIRT_PMSVER_NI || res.outcome != SPEVIRT_HW_EXECUTE || a->hv->pinned)
		return;
	add(a, SPEVIRT_FINDING_BROKEN, 0, "MDCR_EL2.E2PB",
	    BUFFER_UNPINNED_RULE,
	    "D24.7.5 PMBSR_EL1.EC 0b100101: a stage 2 Data Abort on a write by the Statistical Profiling Unit stops collection",
	    BUFFER_UNPINNED,
	    "the guest programs its profiling buffer directly (PMBLIMITR_EL1 untrapped), but its memory is not pinned at stage 2: a buffer write can fault at stage 2, which the guest sees in PMBSR_EL1 and cannot resolve");
}

/* PMSCR_EL2 puts host addresses or the host's CONTEXTIDR_EL2 in the records. */
static void check_pmscr(struct spv_audit *a)
{
	uint64_t pmscr = a->hv->el2.pmscr_el2;

	if (a->pmsver == SPEVIRT_PMSVER_NI || !(a->caps.feats & SPV_FEAT_SPE))
		return;
	if (pmscr & SPEVIRT_PMSCR_EL2_PA)
		add(a, SPEVIRT_FINDING_ISOLATION, 0, "PMSCR_EL2.PA", PMSCR_EL2_PA_RULE,
		    "D24.7.9 PMSCR_EL2.PA and CollectPhysicalAddress(): PMSCR_EL2.PA 1 lets PMSCR_EL1.PA put physical addresses in the records",
		    PMSCR_EL2_PA, "the guest's records can hold host physical addresses");
	if (pmscr & SPEVIRT_PMSCR_EL2_CX)
		add(a, SPEVIRT_FINDING_ISOLATION, 0, "PMSCR_EL2.CX", PMSCR_EL2_CX_RULE,
		    "D24.7.9 PMSCR_EL2.CX and CollectContextIDR2(): CONTEXTIDR_EL2 is collected in the records",
		    PMSCR_EL2_CX,
		    "the guest's records hold CONTEXTIDR_EL2, which the host or hypervisor owns");
	/* 0b11 gives the physical counter less CNTPOFF_EL2: the guest's own. */
	if (SPV_FIELD_GET(pmscr, PMSCR_EL2_PCT) == SPEVIRT_PMSCR_EL2_PCT_PHYS)
		add(a, SPEVIRT_FINDING_ISOLATION, 0, "PMSCR_EL2.PCT", PMSCR_EL2_PCT_RULE,
		    "D24.7.9 PMSCR_EL2.PCT 0b01 and PMSCR_EL1.PCT: the timestamp may be the physical counter, CNTPCT_EL0 without CNTVOFF_EL2 or CNTPOFF_EL2",
		    PMSCR_EL2_PCT,
		    "the guest's records can carry the host's physical counter");
}

/* The guest's ID values against each other (Arm ARM A2.2). */
static void check_levels(struct spv_audit *a)
{
	if (a->pmsver == SPEVIRT_PMSVER_NI && (a->nvm || a->exc))
		add(a, SPEVIRT_FINDING_INCONSISTENT, 0, "ID_AA64DFR2_EL1", NVM_EXC_WITHOUT_SPE_RULE,
		    "A2.2: FEAT_SPE_nVM and FEAT_SPE_EXC require FEAT_SPE", NVM_EXC_WITHOUT_SPE,
		    "the guest reads SPE_nVM or SPE_EXC with PMSVer 0");
	if (a->exc && a->pmsver != SPEVIRT_PMSVER_NI && a->pmsver < SPEVIRT_PMSVER_V1P5)
		add(a, SPEVIRT_FINDING_INCONSISTENT, 0, "ID_AA64DFR2_EL1.SPE_EXC",
		    EXC_BELOW_V1P5_RULE, "A2.2: FEAT_SPE_EXC and FEAT_SPEv1p5 imply each other",
		    EXC_BELOW_V1P5,
		    "the guest reads SPE_EXC with PMSVer below V1P5");
	if (a->pmsver >= SPEVIRT_PMSVER_V1P5 && (!a->exc || !a->nvm))
		add(a, SPEVIRT_FINDING_INCONSISTENT, SPEVIRT_LEAK_ID_INCONSISTENT,
		    "ID_AA64DFR0_EL1.PMSVer", V1P5_WITHOUT_EXC_NVM_RULE,
		    "A2.2: FEAT_SPEv1p5 implies FEAT_SPE_EXC and FEAT_SPE_nVM",
		    V1P5_WITHOUT_EXC_NVM,
		    "the guest reads PMSVer V1P5 with SPE_EXC or SPE_nVM 0: it may expect PMBMAR_EL1 and the profiling-exception controls");
}

/* The PMSIDR_EL1 and PMBIDR_EL1 the guest reads, against its PMSVer and each other. */
static void check_id_fields(struct spv_audit *a)
{
	uint64_t s = a->pmsidr;
	unsigned int v = a->pmsver;

	if (v == SPEVIRT_PMSVER_NI)
		return;
	/* A feature above the level, or one a level or another feature implies missing. */
	if (a->pmsidr_read &&
	    (spevirt_pmsidr_above_(s, v) ||
	     (v >= SPEVIRT_PMSVER_V1P2 && !(s & SPEVIRT_PMSIDR_EL1_FNE)) ||
	     ((s & SPEVIRT_PMSIDR_EL1_FDS) && !(s & SPEVIRT_PMSIDR_EL1_LDS)) ||
	     !(s & SPEVIRT_PMSIDR_EL1_EFT) != !(s & SPEVIRT_PMSIDR_EL1_FPF)))
		add(a, SPEVIRT_FINDING_INCONSISTENT, SPEVIRT_LEAK_ID_INCONSISTENT, "PMSIDR_EL1",
		    PMSIDR_LEVELS_RULE,
		    "A2.2: FEAT_SPE_FnE with FEAT_SPEv1p2, FEAT_SPE_FDS and FEAT_SPE_CRR from FEAT_SPEv1p4 (FDS with LDS), FEAT_SPE_PBT from v1p2, FEAT_SPE_SME from v1p1, FEAT_SPE_EFT with FEAT_SPE_FPF",
		    PMSIDR_LEVELS,
		    "the PMSIDR_EL1 the guest reads has a feature bit its PMSVer does not allow, or lacks one it implies");
	if (a->pmbidr_read && !a->nvm && (a->pmbidr & SPEVIRT_PMBIDR_EL1_ADDRMODE))
		add(a, SPEVIRT_FINDING_INCONSISTENT, 0, "PMBIDR_EL1.AddrMode", ADDRMODE_RULE,
		    "D24.7.1: PMBIDR_EL1.AddrMode is RES0 without FEAT_SPE_nVM", ADDRMODE,
		    "the guest reads a PMBIDR_EL1.AddrMode other than 0 with SPE_nVM 0");
}

/*
 * The limit the hypervisor advertises (its PMBIDR_EL1.MaxBuffSize, the one
 * it enforces) is not what the guest reads: PMBIDR_EL1 reads execute.
 */
static bool limit_unseen(const struct spv_audit *a)
{
	uint64_t limit = SPV_FIELD_GET(a->hv->pmbidr_el1, PMBIDR_EL1_MAXBUFFSIZE);
	struct spevirt_hw_result res = hw_of(a, SPEVIRT_SYSREG_PMBIDR_EL1, false);

	return limit && res.outcome == SPEVIRT_HW_EXECUTE &&
	       SPV_FIELD_GET(res.value, PMBIDR_EL1_MAXBUFFSIZE) != limit;
}

/* What the hardware shows a guest with SPE beyond its ID values. */
static void check_spe_leaks(struct spv_audit *a)
{
	uint64_t hidden = a->pmsidr_read ? a->host->pmsidr_el1 & ~a->pmsidr : 0;
	struct spevirt_hw_result pmscr = hw_of(a, SPEVIRT_SYSREG_PMSCR_EL1, true);
	bool pmsidr_raw = hw_of(a, SPEVIRT_SYSREG_PMSIDR_EL1, false).outcome == SPEVIRT_HW_EXECUTE;

	if (a->pmsver < a->caps.pmsver)
		add(a, SPEVIRT_FINDING_LEAK, SPEVIRT_LEAK_RECORD_FORMAT, "ID_AA64DFR0_EL1.PMSVer",
		    RECORD_FORMAT_RULE,
		    "D17.6: the profiling data is the hardware's, in its SPE version's packets",
		    RECORD_FORMAT,
		    "the guest's PMSVer is below the host's: its records carry the packets and encodings of the host's SPE version");
	if (hidden & SPV_PMSIDR_PACKET_FEATURES)
		add(a, SPEVIRT_FINDING_LEAK, SPEVIRT_LEAK_RECORD_FEATURES, "PMSIDR_EL1",
		    RECORD_FEATURES_RULE,
		    "D17.6: the hardware emits the packets of every feature it has",
		    RECORD_FEATURES,
		    "the guest's PMSIDR_EL1 hides PBT, CRR, SME or LDS, whose packets the hardware still emits");
	if (a->pmsver < a->caps.pmsver || (hidden & SPV_PMSIDR_FILTER_FEATURES))
		add(a, SPEVIRT_FINDING_LEAK, SPEVIRT_LEAK_FILTER_BITS, "PMSFCR_EL1",
		    FILTER_BITS_RULE,
		    "D24.7.11, D24.7.12: the filter bits of a feature are those of the hardware",
		    FILTER_BITS,
		    "PMSEVFR_EL1 event bits and PMSFCR_EL1 filters of features the guest lacks stay writable");
	/* Executed, or emulated by forwarding to the hardware: KE and EE are the host's. */
	if ((a->caps.feats & SPV_FEAT_SPEv1p5) && !a->exc &&
	    works(a, &pmscr, SPEVIRT_SYSREG_PMSCR_EL1))
		add(a, SPEVIRT_FINDING_LEAK, SPEVIRT_LEAK_PMSCR_EXC, "PMSCR_EL1.KE", PMSCR_EXC_RULE,
		    "D24.7.8: PMSCR_EL1.KE and EE exist with FEAT_SPE_EXC", PMSCR_EXC,
		    "the host has FEAT_SPE_EXC, the guest does not: PMSCR_EL1.KE and EE stay writable");
	if (limit_unseen(a))
		add(a, SPEVIRT_FINDING_LEAK, SPEVIRT_LEAK_UNADVERTISED_LIMIT,
		    "PMBIDR_EL1.MaxBuffSize", UNADVERTISED_LIMIT_RULE,
		    "D24.7.1: only HDFGRTR_EL2.PMBIDR_EL1 traps PMBIDR_EL1 reads; D24.7.5 BSC 0b000100: a buffer above the limit is a management event",
		    UNADVERTISED_LIMIT,
		    "the hypervisor enforces a buffer limit its PMBIDR_EL1 advertises, but the guest's PMBIDR_EL1 reads reach the hardware, which shows another MaxBuffSize: the guest learns the limit only from a buffer-size event");
	if (pmsidr_raw && (a->host->pmsidr_el1 & SPEVIRT_PMSIDR_EL1_RES0))
		add(a, SPEVIRT_FINDING_LEAK, 0, "PMSIDR_EL1", PMSIDR_RES0_RULE,
		    "D24.7.14: PMSIDR_EL1 bits [63:33] are RES0", PMSIDR_RES0,
		    "PMSIDR_EL1 reads reach the hardware, whose RES0 bits are set: the guest reads them");
}

/* Leaks that do not need a guest with SPE. */
static void check_leaks(struct spv_audit *a)
{
	struct spevirt_hw_result res = hw_of(a, SPEVIRT_SYSREG_PMBIDR_EL1, false);
	struct spevirt_hw_result buf = hw_of(a, SPEVIRT_SYSREG_PMBLIMITR_EL1, true);

	/* MDCR_EL2.TPM or TPMCR trap PMCR_EL0: the hypervisor hides FZS there. */
	if (a->caps.pmsver >= SPEVIRT_PMSVER_V1P2 && a->pmsver < SPEVIRT_PMSVER_V1P2 &&
	    !(a->hv->el2.mdcr_el2 & (SPEVIRT_MDCR_EL2_TPM | SPEVIRT_MDCR_EL2_TPMCR)))
		add(a, SPEVIRT_FINDING_LEAK, SPEVIRT_LEAK_PMCR_FZS, "PMCR_EL0.FZS", PMCR_FZS_RULE,
		    "D24.5.8: PMCR_EL0.FZS exists with FEAT_SPEv1p2", PMCR_FZS,
		    "the host has FEAT_SPEv1p2, the guest does not: PMCR_EL0.FZS exists unless the hypervisor traps PMCR_EL0");
	if (a->pmsver == SPEVIRT_PMSVER_NI && res.outcome == SPEVIRT_HW_EXECUTE)
		add(a, SPEVIRT_FINDING_LEAK, SPEVIRT_LEAK_PMBIDR_READ, "PMBIDR_EL1",
		    PMBIDR_READ_RULE,
		    "D24.7.1: only HDFGRTR_EL2.PMBIDR_EL1 traps PMBIDR_EL1 reads", PMBIDR_READ,
		    "the guest has no SPE, yet its PMBIDR_EL1 reads reach the hardware and return the host's value");
	if (a->pmsver != SPEVIRT_PMSVER_NI) {
		check_spe_leaks(a);
		if (buf.outcome == SPEVIRT_HW_EXECUTE &&
		    spevirt_buffer_bits_hidden_(&a->caps, a->pmsver, a->nvm))
			add(a, SPEVIRT_FINDING_LEAK, SPEVIRT_LEAK_BUFFER_BITS, "PMBLIMITR_EL1",
			    BUFFER_BITS_RULE,
			    "D24.7.2: PMBLIMITR_EL1.nVM and PMFZ exist with FEAT_SPE_nVM and FEAT_SPEv1p2",
			    BUFFER_BITS,
			    "the buffer registers are untrapped: PMBLIMITR_EL1.nVM and PMFZ of features the guest lacks stay writable");
	}
}

static void check_redundant(struct spv_audit *a)
{
	uint64_t e2pb = SPV_FIELD_GET(a->hv->el2.mdcr_el2, MDCR_EL2_E2PB);

	if ((a->caps.feats & (SPV_FEAT_SPEv1p5 | SPV_FEAT_FGT)) ==
	    (SPV_FEAT_SPEv1p5 | SPV_FEAT_FGT) &&
	    (a->hv->el2.hfgitr_el2 & SPEVIRT_HFGITR_EL2_PSBCSYNC))
		add(a, SPEVIRT_FINDING_REDUNDANT, 0, "HFGITR_EL2.PSBCSYNC", PSBCSYNC_RULE,
		    "C6.2.318: PSB CSYNC is a hint; D24.2.71: HFGITR_EL2.PSBCSYNC traps it to EL2",
		    PSBCSYNC,
		    "PSB CSYNC traps to EL2, where the hypervisor can only do what the hint does");
	if (a->pmsver != SPEVIRT_PMSVER_NI && a->hv->pinned &&
	    e2pb == SPEVIRT_MDCR_EL2_E2PB_EL1_TRAP)
		add(a, SPEVIRT_FINDING_REDUNDANT, 0, "MDCR_EL2.E2PB", PINNED_TRAP_RULE,
		    "D24.3.17 MDCR_EL2.E2PB 0b10: EL1 owns the buffer and its register accesses trap to EL2",
		    PINNED_TRAP,
		    "the guest's memory is pinned, yet every buffer-register access traps: 0b11 gives the same buffer without the traps");
}

enum spevirt_status spevirt_audit(const struct spevirt_host *host,
				  const struct spevirt_hypervisor *hv, struct spevirt_audit *audit)
{
	struct spv_audit a = { .host = host, .hv = hv, .out = audit };
	unsigned int i;

	if (!audit)
		return SPEVIRT_E_INVAL;
	audit->nr_findings = 0;
	if (!host || !hv || (host->el3_disabled & ~SPEVIRT_EL3_VALID))
		return SPEVIRT_E_INVAL;
	if (spevirt_host_check_(host, &a.caps))
		return SPEVIRT_E_HOST_INVALID;
	guest_ids(&a);
	check_levels(&a);
	check_id_fields(&a);
	for (i = 0; i < spv_array_size(spv_audit_regs); i++) {
		check_access(&a, &spv_audit_regs[i], false);
		check_access(&a, &spv_audit_regs[i], true);
	}
	check_buffer(&a);
	check_pmscr(&a);
	check_leaks(&a);
	check_redundant(&a);
	return SPEVIRT_OK;
}

/* A decision the hypervisor carries out itself: it reads the view, emulates or forwards. */
static bool emulated(uint8_t access)
{
	return access == SPEVIRT_ACCESS_READ_VIEW || access == SPEVIRT_ACCESS_EMULATE ||
	       access == SPEVIRT_ACCESS_FORWARD;
}

enum spevirt_status spevirt_view_hypervisor(const struct spevirt_view *view,
					    const struct spevirt_config *cfg,
					    struct spevirt_hypervisor *hv)
{
	unsigned int slot;

	if (!hv)
		return SPEVIRT_E_INVAL;
	*hv = (struct spevirt_hypervisor){ .pinned = false };
	if (!view || !cfg)
		return SPEVIRT_E_INVAL;
	hv->el2.mdcr_el2 = view->mdcr_el2.value;
	hv->el2.pmscr_el2 = view->pmscr_el2.value;
	hv->el2.hdfgrtr_el2 = view->hdfgrtr_el2.value;
	hv->el2.hdfgwtr_el2 = view->hdfgwtr_el2.value;
	hv->el2.hdfgrtr2_el2 = view->hdfgrtr2_el2.value;
	hv->el2.hdfgwtr2_el2 = view->hdfgwtr2_el2.value;
	hv->el2.hfgitr_el2 = view->hfgitr_el2.value;
	hv->id_aa64dfr0_el1 = view->id_aa64dfr0_el1.value;
	hv->id_aa64dfr2_el1 = view->id_aa64dfr2_el1.value;
	hv->pmsidr_el1 = view->pmsidr_el1;
	hv->pmbidr_el1 = view->pmbidr_el1;
	hv->switched = view->context_regs;
	hv->pinned = (cfg->flags & SPEVIRT_CFG_PINNED_MEMORY) != 0;
	for (slot = 0; slot < SPEVIRT_NR_SPE_SLOTS; slot++)
		if (emulated(view->access[0][slot]) || emulated(view->access[1][slot]))
			hv->emulated |= (uint16_t)(1U << slot);
	return SPEVIRT_OK;
}

const char *spevirt_finding_class_name(unsigned int cls)
{
	static const char *const names[] = {
		[SPEVIRT_FINDING_BROKEN] = "BROKEN",
		[SPEVIRT_FINDING_ISOLATION] = "ISOLATION",
		[SPEVIRT_FINDING_LEAK] = "LEAK",
		[SPEVIRT_FINDING_INCONSISTENT] = "INCONSISTENT",
		[SPEVIRT_FINDING_REDUNDANT] = "REDUNDANT",
	};

	return cls < spv_array_size(names) ? names[cls] : NULL;
}
