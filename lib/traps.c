// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Trap controls and access decisions.  Every SPE system register is one row
 * of spe_regs[]: the host feature that makes it exist, the guest feature
 * without which it must UNDEF, how the hypervisor handles it when trapped,
 * the MDCR_EL2 control that traps it, and its fine-grained read and write
 * trap bits.  One walk over the table gives the mask (which bits exist on
 * this host), the value (which of them trap) and the decision for each
 * access, so the three cannot disagree.
 */
#include "spevirt_internal.h"

enum spv_fgt_reg_id {
	SPV_FGT_NONE,
	SPV_HDFGRTR_EL2,
	SPV_HDFGWTR_EL2,
	SPV_HDFGRTR2_EL2,
	SPV_HDFGWTR2_EL2,
};

/* How a trapped access is handled when the guest may use the register. */
enum spv_reg_class {
	SPV_CLASS_SAMPLING,		/* untrapped, or forwarded under MDCR_EL2.TPMS */
	SPV_CLASS_BUFFER,		/* always trapped by MDCR_EL2.E2PB, emulated */
	SPV_CLASS_PMSIDR,		/* read trapped when the view differs */
	SPV_CLASS_PMBIDR,		/* read trapped when the view differs */
};

/* The MDCR_EL2 control that traps the register at EL1. */
enum spv_mdcr_trap {
	SPV_MDCR_NONE,		/* PMBIDR_EL1: only a fine-grained trap reaches it */
	SPV_MDCR_TPMS,
	SPV_MDCR_E2PB,		/* trapped while MDCR_EL2.E2PB[0] is 0 */
};

struct fgt_ref {
	uint8_t reg;		/* enum spv_fgt_reg_id */
	uint8_t negative;	/* 1: an n-prefixed bit, which traps when 0 */
	uint64_t bit;
};

struct spe_reg {
	uint8_t slot;		/* SLOT_OF_(its encoding) */
	uint8_t class;		/* enum spv_reg_class */
	uint8_t mdcr;		/* enum spv_mdcr_trap */
	unsigned int host_feat;	/* the register exists when the host has these */
	unsigned int guest_feat; /* it UNDEFs unless the guest has these */
	struct fgt_ref rd, wr;	/* wr is SPV_NO_FGT for a read-only register */
	/* Why a guest with SPE needs the FGT bit (ID registers: struct spevirt_guest) */
	const char *need_fgt;
};

#define SPV_SLOT(name)	SPV_SLOT_OF(SPEVIRT_SYSREG_##name)
#define SPV_POS(r, f)	{ SPV_##r, 0, SPEVIRT_##r##_##f }
#define SPV_NEG(r, f)	{ SPV_##r, 1, SPEVIRT_##r##_##f }
#define SPV_NO_FGT		{ SPV_FGT_NONE, 0, 0 }

/*
 * One row per register; @name is only ever pasted or stringified, never
 * expanded, so a macro of the same name in the embedding tree (a kernel's
 * PMSCR_EL1, say) cannot change it.
 */
#define SPV_SAMPLING(name)							\
	{ SPV_SLOT_OF(SPEVIRT_SYSREG_##name), SPV_CLASS_SAMPLING, SPV_MDCR_TPMS,	\
	  SPV_FEAT_SPE, SPV_FEAT_SPE,							\
	  { SPV_HDFGRTR_EL2, 0, SPEVIRT_HDFGRTR_EL2_##name },			\
	  { SPV_HDFGWTR_EL2, 0, SPEVIRT_HDFGWTR_EL2_##name },			\
	  SPV_WHY(FGT_TRAP_NEEDED, "only a trap of " #name " would stop the guest") }
#define SPV_BUFFER(name)							\
	{ SPV_SLOT_OF(SPEVIRT_SYSREG_##name), SPV_CLASS_BUFFER, SPV_MDCR_E2PB,	\
	  SPV_FEAT_SPE, SPV_FEAT_SPE,							\
	  { SPV_HDFGRTR_EL2, 0, SPEVIRT_HDFGRTR_EL2_##name },			\
	  { SPV_HDFGWTR_EL2, 0, SPEVIRT_HDFGWTR_EL2_##name },			\
	  SPV_WHY(FGT_TRAP_NEEDED, "only a trap of " #name " would stop the guest") }

/* Why a guest with SPE cannot run without the register's FGT bit. */
#define SPV_NEED_FGT_PMSNEVFR \
	"PMSNEVFR_EL1 must UNDEF (the host has FEAT_SPE_FnE, the guest does not) and HDFGxTR_EL2.nPMSNEVFR_EL1 needs FEAT_FGT, which the host lacks (SPEVIRT_CFG_TPMS_FALLBACK would trap it with MDCR_EL2.TPMS)"
#define SPV_NEED_FGT_PMSDSFR \
	"PMSDSFR_EL1 must UNDEF (the host has FEAT_SPE_FDS, the guest does not) and HDFGxTR2_EL2.nPMSDSFR_EL1 needs FEAT_FGT2, which the host lacks (SPEVIRT_CFG_TPMS_FALLBACK would trap it with MDCR_EL2.TPMS)"
#define SPV_NEED_FGT_PMBMAR \
	"PMBMAR_EL1 must UNDEF (the host has FEAT_SPE_nVM, the guest does not) and, with SPEVIRT_CFG_PINNED_MEMORY leaving MDCR_EL2.E2PB untrapped, only HDFGxTR2_EL2.nPMBMAR_EL1 can trap it: it needs FEAT_FGT2, which the host lacks"

static const struct spe_reg spe_regs[] = {
	{ SPV_SLOT(PMBIDR_EL1), SPV_CLASS_PMBIDR, SPV_MDCR_NONE,
	  SPV_FEAT_SPE, SPV_FEAT_SPE,
	  SPV_POS(HDFGRTR_EL2, PMBIDR_EL1), SPV_NO_FGT, NULL },
	{ SPV_SLOT(PMSNEVFR_EL1), SPV_CLASS_SAMPLING, SPV_MDCR_TPMS,
	  SPV_FEAT_SPE_FNE, SPV_FEAT_SPE_FNE,
	  SPV_NEG(HDFGRTR_EL2, NPMSNEVFR_EL1), SPV_NEG(HDFGWTR_EL2, NPMSNEVFR_EL1),
	  SPV_WHY(PMSNEVFR_EL1_NEEDS_FGT, SPV_NEED_FGT_PMSNEVFR) },
	{ SPV_SLOT(PMSDSFR_EL1), SPV_CLASS_SAMPLING, SPV_MDCR_TPMS,
	  SPV_FEAT_SPE_FDS, SPV_FEAT_SPE_FDS,
	  SPV_NEG(HDFGRTR2_EL2, NPMSDSFR_EL1), SPV_NEG(HDFGWTR2_EL2, NPMSDSFR_EL1),
	  SPV_WHY(PMSDSFR_EL1_NEEDS_FGT, SPV_NEED_FGT_PMSDSFR) },
	{ SPV_SLOT(PMBMAR_EL1), SPV_CLASS_BUFFER, SPV_MDCR_E2PB,
	  SPV_FEAT_SPE_NVM, SPV_FEAT_SPE_NVM,
	  SPV_NEG(HDFGRTR2_EL2, NPMBMAR_EL1), SPV_NEG(HDFGWTR2_EL2, NPMBMAR_EL1),
	  SPV_WHY(PMBMAR_EL1_NEEDS_FGT, SPV_NEED_FGT_PMBMAR) },
	{ SPV_SLOT(PMSIDR_EL1), SPV_CLASS_PMSIDR, SPV_MDCR_TPMS,
	  SPV_FEAT_SPE, SPV_FEAT_SPE,
	  SPV_POS(HDFGRTR_EL2, PMSIDR_EL1), SPV_NO_FGT, NULL },
	SPV_SAMPLING(PMSCR_EL1),
	SPV_SAMPLING(PMSICR_EL1),
	SPV_SAMPLING(PMSIRR_EL1),
	SPV_SAMPLING(PMSFCR_EL1),
	SPV_SAMPLING(PMSEVFR_EL1),
	SPV_SAMPLING(PMSLATFR_EL1),
	SPV_BUFFER(PMBLIMITR_EL1),
	SPV_BUFFER(PMBPTR_EL1),
	SPV_BUFFER(PMBSR_EL1),
};

#define SPV_NR_SPE_REGS	spv_array_size(spe_regs)

/* The feature that makes a fine-grained trap register exist. */
static unsigned int fgt_feat(unsigned int reg)
{
	return (reg == SPV_HDFGRTR2_EL2 || reg == SPV_HDFGWTR2_EL2) ? SPV_FEAT_FGT2 : SPV_FEAT_FGT;
}

static struct spevirt_regmask *spv_fgt_reg_id(struct spevirt_view *view, unsigned int reg)
{
	switch (reg) {
	case SPV_HDFGRTR_EL2:
		return &view->hdfgrtr_el2;
	case SPV_HDFGWTR_EL2:
		return &view->hdfgwtr_el2;
	case SPV_HDFGRTR2_EL2:
		return &view->hdfgrtr2_el2;
	default:
		return &view->hdfgwtr2_el2;
	}
}

static bool has(unsigned int feats, unsigned int want)
{
	return (feats & want) == want;
}

/* SCR_EL3.FGTEn2 = 0: HDFGxTR2_EL2 read as 0, so an n-prefixed bit there always traps. */
static bool forced_trap(const struct spevirt_hostcaps *caps, const struct fgt_ref *f)
{
	return fgt_feat(f->reg) == SPV_FEAT_FGT2 && (caps->feats & SPV_FEAT_FGT2_AS_ZERO) &&
	       f->negative;
}

/* Why nothing can trap an access a guest with SPE needs trapped. */
static const char *need_fgt(const struct spe_reg *r, const struct spevirt_guest *g)
{
	switch (r->class) {
	case SPV_CLASS_PMSIDR:
		return g->pmsidr_why;
	case SPV_CLASS_PMBIDR:
		return g->pmbidr_why;
	default:
		return r->need_fgt;
	}
}

/* What the guest's access needs: a trap with this decision, or no trap. */
static uint8_t wanted(const struct spe_reg *r, const struct spevirt_guest *g)
{
	if (!has(g->feats, r->guest_feat))
		return SPEVIRT_ACCESS_UNDEF;
	switch (r->class) {
	case SPV_CLASS_BUFFER:
		return g->pinned ? SPEVIRT_ACCESS_UNTRAPPED : SPEVIRT_ACCESS_EMULATE;
	case SPV_CLASS_PMSIDR:
		return g->pmsidr_trap ? SPEVIRT_ACCESS_READ_VIEW : SPEVIRT_ACCESS_UNTRAPPED;
	case SPV_CLASS_PMBIDR:
		return g->pmbidr_trap ? SPEVIRT_ACCESS_READ_VIEW : SPEVIRT_ACCESS_UNTRAPPED;
	default:
		return SPEVIRT_ACCESS_UNTRAPPED;
	}
}

/* The FGT bit for one direction of a register, or NULL where there is none. */
static const struct fgt_ref *fgt_of(const struct spe_reg *r, int is_write)
{
	const struct fgt_ref *f = is_write ? &r->wr : &r->rd;

	return f->reg == SPV_FGT_NONE ? NULL : f;
}

/* An FGT bit the access needs that neither the host nor EL3 provides. */
static bool fgt_missing(const struct spevirt_hostcaps *caps, const struct fgt_ref *f)
{
	return f && !has(caps->feats, fgt_feat(f->reg)) && !forced_trap(caps, f);
}

/*
 * MDCR_EL2.TPMS: set for a guest without SPE; for a guest with SPE only as
 * the TPMS fallback, when a TPMS-trappable access needs a trap whose
 * fine-grained bit the host lacks.
 */
static bool plan_tpms(const struct spevirt_hostcaps *caps, const struct spevirt_guest *g,
		      unsigned int flags)
{
	unsigned int i;

	if (!(g->feats & SPV_FEAT_SPE))
		return true;
	if (!(flags & SPEVIRT_CFG_TPMS_FALLBACK))
		return false;
	for (i = 0; i < SPV_NR_SPE_REGS; i++) {
		const struct spe_reg *r = &spe_regs[i];

		if (r->mdcr != SPV_MDCR_TPMS || !has(caps->feats, r->host_feat) ||
		    wanted(r, g) == SPEVIRT_ACCESS_UNTRAPPED)
			continue;
		if (fgt_missing(caps, fgt_of(r, 0)) || fgt_missing(caps, fgt_of(r, 1)))
			return true;
	}
	return false;
}

/*
 * Program the FGT bit @f of a register the host has: set it when the access
 * must trap (an n-prefixed bit traps when clear).  Return whether it traps.
 */
static bool plan_fgt_bit(struct spevirt_view *view, const struct fgt_ref *f, uint8_t want)
{
	struct spevirt_regmask *rm = spv_fgt_reg_id(view, f->reg);
	/* Buffer registers are trapped by MDCR_EL2.E2PB: their FGT bits stay clear. */
	bool trap = want == SPEVIRT_ACCESS_UNDEF || want == SPEVIRT_ACCESS_READ_VIEW;

	rm->mask |= f->bit;
	if (trap != f->negative)
		rm->value |= f->bit;
	return trap;
}

/* The decision for an access of a register the host has, once its traps are known. */
static uint8_t decision(const struct spe_reg *r, uint8_t want, bool trapped, bool by_other)
{
	if (want == SPEVIRT_ACCESS_UNTRAPPED) {
		/* A trap the guest does not need: pass the access through. */
		if (!by_other)
			return SPEVIRT_ACCESS_UNTRAPPED;
		return r->class == SPV_CLASS_PMSIDR ? SPEVIRT_ACCESS_READ_VIEW :
						      SPEVIRT_ACCESS_FORWARD;
	}
	/*
	 * Nothing traps it.  For a guest without SPE that is only a PMBIDR_EL1
	 * read on a host without FEAT_FGT (a leak, not a refusal): TPMS and
	 * E2PB trap the rest, and it has no pmbidr_why.  plan_access() refuses
	 * a guest with SPE.
	 */
	return trapped ? want : SPEVIRT_ACCESS_UNTRAPPED;
}

/* One direction of one register: program its FGT bit, record the decision. */
static const char *plan_access(const struct spe_reg *r, int is_write,
			       const struct spevirt_hostcaps *caps, const struct spevirt_guest *g,
			       bool tpms, struct spevirt_view *view)
{
	const struct fgt_ref *f = fgt_of(r, is_write);
	uint8_t want = wanted(r, g);
	/* Trapped by MDCR_EL2, or by an FGT2 bit that EL3 forces. */
	bool by_other = (r->mdcr == SPV_MDCR_TPMS && tpms) ||
			(r->mdcr == SPV_MDCR_E2PB && !g->pinned);
	bool by_fgt = false, trapped;

	/* Absent on the host, or a write to a read-only register: hardware UNDEFs. */
	if (!has(caps->feats, r->host_feat) || !f) {
		view->access[is_write][r->slot] = SPEVIRT_ACCESS_UNDEF;
		return NULL;
	}
	if (has(caps->feats, fgt_feat(f->reg)))
		by_fgt = plan_fgt_bit(view, f, want);
	else if (forced_trap(caps, f))
		by_other = true;
	trapped = by_fgt || by_other;
	if (trapped)
		view->trapped[is_write] |= (uint16_t)(1U << r->slot);
	view->access[is_write][r->slot] = decision(r, want, trapped, by_other);
	if (want == SPEVIRT_ACCESS_UNTRAPPED || trapped)
		return NULL;
	return need_fgt(r, g);
}

/* PSB CSYNC is a hint: UNDEF would be wrong, a trap would only cost time. */
static void plan_psbcsync(const struct spevirt_hostcaps *caps, struct spevirt_view *view)
{
	if (has(caps->feats, SPV_FEAT_SPEv1p5 | SPV_FEAT_FGT))
		view->hfgitr_el2.mask = SPEVIRT_HFGITR_EL2_PSBCSYNC;
}

static void plan_mdcr(const struct spevirt_hostcaps *caps, const struct spevirt_guest *g,
		      bool tpms, struct spevirt_view *view)
{
	uint64_t e2pb;

	if (!(caps->feats & SPV_FEAT_SPE))
		return;
	view->mdcr_el2.mask = SPEVIRT_MDCR_EL2_E2PB | SPEVIRT_MDCR_EL2_TPMS;
	/*
	 * With SPE the guest owns the buffer and its buffer-register accesses
	 * trap (0b10), or, with its memory pinned, do not (0b11); without, EL2
	 * owns it and they trap too (0b00).
	 */
	if (!(g->feats & SPV_FEAT_SPE))
		e2pb = SPEVIRT_MDCR_EL2_E2PB_EL2;
	else if (g->pinned)
		e2pb = SPEVIRT_MDCR_EL2_E2PB_EL1;
	else
		e2pb = SPEVIRT_MDCR_EL2_E2PB_EL1_TRAP;
	view->mdcr_el2.value = SPV_FIELD_PREP(MDCR_EL2_E2PB, e2pb);
	if (tpms)
		view->mdcr_el2.value |= SPEVIRT_MDCR_EL2_TPMS;
	/*
	 * HPMFZS (FEAT_SPEv1p2) 0: with it 1, a buffer management event of a
	 * buffer with PMBLIMITR_EL1.PMFZ = 1 stops the event counters of the
	 * second range, the hypervisor's.  A guest's buffer must not stop them.
	 */
	if (caps->pmsver >= SPEVIRT_PMSVER_V1P2 && (g->feats & SPV_FEAT_SPE))
		view->mdcr_el2.mask |= SPEVIRT_MDCR_EL2_HPMFZS;
}

enum spevirt_status spevirt_traps_plan_(const struct spevirt_hostcaps *caps,
					const struct spevirt_guest *guest, unsigned int flags,
					struct spevirt_view *view)
{
	bool tpms = plan_tpms(caps, guest, flags);
	unsigned int i;

	for (i = 0; i < SPV_NR_SPE_REGS; i++) {
		const char *why = plan_access(&spe_regs[i], 0, caps, guest, tpms, view);

		if (!why)
			why = plan_access(&spe_regs[i], 1, caps, guest, tpms, view);
		if (why) {
			view->reason = why;
			return SPEVIRT_E_NEED_FGT;
		}
	}
	plan_mdcr(caps, guest, tpms, view);
	plan_psbcsync(caps, view);
	return SPEVIRT_OK;
}

enum spevirt_access spevirt_access(const struct spevirt_view *view, uint32_t sysreg,
				   bool is_write)
{
	return spevirt_access_inline(view, sysreg, is_write);
}

bool spevirt_access_trapped(const struct spevirt_view *view, uint32_t sysreg, bool is_write)
{
	uint32_t slot = spevirt_spe_slot(sysreg);

	if (!view || slot == SPEVIRT_NR_SPE_SLOTS)
		return false;
	return (view->trapped[is_write] >> slot) & 1U;
}

/* ESR_ELx.ISS for EC 0x18, Arm ARM D24.2.46. */
#define SPV_ISS_OP0(iss)	(((iss) >> 20) & 0x3U)
#define SPV_ISS_OP2(iss)	(((iss) >> 17) & 0x7U)
#define SPV_ISS_OP1(iss)	(((iss) >> 14) & 0x7U)
#define SPV_ISS_CRN(iss)	(((iss) >> 10) & 0xfU)
#define SPV_ISS_RT(iss)	(((iss) >> 5) & 0x1fU)
#define SPV_ISS_CRM(iss)	(((iss) >> 1) & 0xfU)
#define SPV_ISS_READ	0x1U	/* Direction: 1 for MRS, a read */

uint32_t spevirt_sysreg_from_iss(uint32_t iss, unsigned int *rt, bool *is_write)
{
	if (rt)
		*rt = SPV_ISS_RT(iss);
	if (is_write)
		*is_write = !(iss & SPV_ISS_READ);
	return SPEVIRT_SYSREG(SPV_ISS_OP0(iss), SPV_ISS_OP1(iss), SPV_ISS_CRN(iss),
			      SPV_ISS_CRM(iss), SPV_ISS_OP2(iss));
}
