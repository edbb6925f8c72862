// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Emulation of the guest's profiling-buffer registers, trapped by
 * MDCR_EL2.E2PB = 0b10.  The rules and the Arm ARM behaviour each one picks
 * are listed in docs/policy.md section 7.
 */
#include "spevirt_internal.h"

/*
 * PMBSR_EL1.FSC values the Arm ARM defines for a buffer fault (D24.7.5):
 * address size, translation, access flag and permission faults at every
 * level, synchronous external aborts, walk parity, alignment, GPFs, TLB
 * conflict and unsupported atomic update.
 */
#define SPV_FSC_DEFINED	0x00031ffe08ffffffULL

/* The buffer collects: PMBLIMITR_EL1.E = 1 and PMBSR_EL1.S = 0. */
static bool collecting(const struct spevirt_buffer *b)
{
	return (b->pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_E) &&
	       !(b->pmbsr_el1 & SPEVIRT_PMBSR_EL1_S);
}

static unsigned int guest_pmsver(const struct spevirt_view *view)
{
	return (unsigned int)SPV_FIELD_GET(view->id_aa64dfr0_el1.value, ID_AA64DFR0_EL1_PMSVER);
}

/*
 * PMBLIMITR_EL1: nVM exists with the guest's SPE_nVM, PMFZ and Discard from
 * SPEv1p2.  A reserved or absent fill mode reads back and behaves as Fill,
 * one of the defined values, as the Arm ARM permits for a reserved encoding.
 */
static uint64_t sanitize_limitr(const struct spevirt_view *view, uint64_t v)
{
	uint64_t fm = SPV_FIELD_GET(v, PMBLIMITR_EL1_FM);

	v &= ~SPEVIRT_PMBLIMITR_EL1_RES0;
	if (!SPV_FIELD_GET(view->id_aa64dfr2_el1.value, ID_AA64DFR2_EL1_SPE_NVM))
		v &= ~SPEVIRT_PMBLIMITR_EL1_NVM;
	if (guest_pmsver(view) < SPEVIRT_PMSVER_V1P2) {
		v &= ~SPEVIRT_PMBLIMITR_EL1_PMFZ;
		if (fm == SPEVIRT_PMBLIMITR_EL1_FM_DISCARD)
			fm = SPEVIRT_PMBLIMITR_EL1_FM_FILL;
	}
	if (fm != SPEVIRT_PMBLIMITR_EL1_FM_DISCARD)
		fm = SPEVIRT_PMBLIMITR_EL1_FM_FILL;
	return (v & ~SPEVIRT_PMBLIMITR_EL1_FM) | SPV_FIELD_PREP(PMBLIMITR_EL1_FM, fm);
}

/* PMBPTR_EL1 bits below PMBIDR_EL1.Align: RES0, one of the two permitted choices. */
static uint64_t sanitize_ptr(const struct spevirt_view *view, uint64_t v)
{
	uint64_t align = SPV_FIELD_GET(view->pmbidr_el1, PMBIDR_EL1_ALIGN);

	return v & ~((1ULL << align) - 1);
}

static uint64_t *reg_of(struct spevirt_buffer *b, uint32_t sysreg)
{
	switch (sysreg) {
	case SPEVIRT_SYSREG_PMBLIMITR_EL1:
		return &b->pmblimitr_el1;
	case SPEVIRT_SYSREG_PMBPTR_EL1:
		return &b->pmbptr_el1;
	case SPEVIRT_SYSREG_PMBSR_EL1:
		return &b->pmbsr_el1;
	case SPEVIRT_SYSREG_PMBMAR_EL1:
		return &b->pmbmar_el1;
	default:
		return NULL;
	}
}

static uint64_t sanitize(const struct spevirt_view *view, uint32_t sysreg, uint64_t v)
{
	switch (sysreg) {
	case SPEVIRT_SYSREG_PMBLIMITR_EL1:
		return sanitize_limitr(view, v);
	case SPEVIRT_SYSREG_PMBPTR_EL1:
		return sanitize_ptr(view, v);
	case SPEVIRT_SYSREG_PMBSR_EL1:
		return v & ~SPEVIRT_PMBSR_EL1_RES0;
	default:
		return v & ~SPEVIRT_PMBMAR_EL1_RES0;
	}
}

/*
 * The buffer starts collecting.  It may write from PMBPTR_EL1 up to
 * LIMIT:Zeros(12) and nowhere else before the next management event, so that
 * range is what the hypervisor must pin and what the limit bounds.
 */
static void check_size(const struct spevirt_view *view, struct spevirt_buffer *b,
		       struct spevirt_buffer_effect *effect)
{
	uint64_t limit = b->pmblimitr_el1 & SPEVIRT_PMBLIMITR_EL1_LIMIT;
	uint64_t ptr = b->pmbptr_el1;
	uint64_t size = limit > ptr ? limit - ptr : 0;

	if (!view->max_buffer_size || size <= view->max_buffer_size)
		return;
	b->pmbsr_el1 = SPV_FIELD_PREP(PMBSR_EL1_EC, SPEVIRT_PMBSR_EL1_EC_BUF) |
		       SPV_FIELD_PREP(PMBSR_EL1_MSS_BUF_BSC, SPEVIRT_PMBSR_EL1_MSS_BUF_BSC_SIZE) |
		       SPEVIRT_PMBSR_EL1_S;
	effect->event = true;
}

/* Store the new state and derive the effects every access shares. */
static void finish(const struct spevirt_buffer *cur, bool was_collecting,
		   struct spevirt_buffer *next, struct spevirt_buffer_effect *effect)
{
	*next = *cur;
	effect->running = collecting(cur);
	effect->program = effect->running != was_collecting;
	effect->irq = (cur->pmbsr_el1 & SPEVIRT_PMBSR_EL1_S) != 0;
}

static void write_reg(const struct spevirt_view *view, struct spevirt_buffer *cur, uint64_t *reg,
		      uint32_t sysreg, uint64_t value, struct spevirt_buffer_effect *effect)
{
	bool was = collecting(cur);

	/* While collecting, only a PMBLIMITR_EL1 write that clears E is taken. */
	if (was &&
	    !(sysreg == SPEVIRT_SYSREG_PMBLIMITR_EL1 && !(value & SPEVIRT_PMBLIMITR_EL1_E))) {
		effect->ignored = true;
		return;
	}
	*reg = sanitize(view, sysreg, value);
	if (!was && collecting(cur))
		check_size(view, cur, effect);
}

/* Zero @effect, when there is one, and fail with @reason in it. */
static enum spevirt_status refuse_why(struct spevirt_buffer_effect *effect, const char *reason)
{
	if (effect) {
		*effect = (struct spevirt_buffer_effect){ 0 };
		effect->reason = reason;
	}
	return SPEVIRT_E_INVAL;
}

/* A refusal with its reason @name, @text (SPV_WHY()). */
#define refuse(effect, name, text)	refuse_why(effect, SPV_WHY(name, text))
#define refuse_null(effect)	\
	refuse(effect, BUFFER_NULL_POINTER, "the view, state, next or effect pointer is NULL")

enum spevirt_status spevirt_buffer_access(const struct spevirt_view *view,
					  const struct spevirt_buffer *state, uint32_t sysreg,
					  bool is_write, uint64_t value,
					  struct spevirt_buffer *next,
					  struct spevirt_buffer_effect *effect)
{
	struct spevirt_buffer cur;
	uint64_t *reg;
	bool was;

	if (!view || !state || !next || !effect)
		return refuse_null(effect);
	cur = *state;
	reg = reg_of(&cur, sysreg);
	if (!reg)
		return refuse(effect, BUFFER_NOT_BUFFER_REG,
			      "the encoding is not PMBLIMITR_EL1, PMBPTR_EL1, PMBSR_EL1 or PMBMAR_EL1");
	*effect = (struct spevirt_buffer_effect){ 0 };
	was = collecting(&cur);
	if (spevirt_access(view, sysreg, is_write) != SPEVIRT_ACCESS_EMULATE) {
		effect->undef = true;
		effect->reason = SPV_WHY(BUFFER_NOT_EMULATED,
					 "the view does not emulate this register: spevirt_access() is not SPEVIRT_ACCESS_EMULATE for it");
	} else if (is_write) {
		write_reg(view, &cur, reg, sysreg, value, effect);
	} else {
		effect->read_value = *reg;
	}
	finish(&cur, was, next, effect);
	return SPEVIRT_OK;
}

/* A management event stops collection with @pmbsr as the syndrome. */
static void stop_with(const struct spevirt_buffer *state, uint64_t pmbsr,
		      struct spevirt_buffer *cur, struct spevirt_buffer_effect *effect)
{
	*effect = (struct spevirt_buffer_effect){ 0 };
	*cur = *state;
	cur->pmbsr_el1 = (pmbsr & ~SPEVIRT_PMBSR_EL1_RES0) | SPEVIRT_PMBSR_EL1_S;
	effect->event = true;
}

/* PMBSR_EL1.EC values the Arm ARM defines (D24.7.5); all others are reserved. */
#define SPV_EC_DEFINED						\
	((1ULL << SPEVIRT_PMBSR_EL1_EC_BUF) | (1ULL << SPEVIRT_PMBSR_EL1_EC_GPC) |	\
	 (1ULL << SPEVIRT_PMBSR_EL1_EC_IMPDEF) |					\
	 (1ULL << SPEVIRT_PMBSR_EL1_EC_FAULT_S1) |					\
	 (1ULL << SPEVIRT_PMBSR_EL1_EC_FAULT_S2))

/* FSC 0b010000: Synchronous External abort, not on a translation table walk. */
#define SPV_FSC_SEA	0x10U

/*
 * The syndrome the guest sees for a hardware event.  EC 0b011110, a
 * Granule Protection Check fault other than a GPF (a GPT walk or address
 * size fault, an External abort on a GPT fetch), exists only with
 * FEAT_RME, which no guest has: it becomes what it is from the guest's
 * side, a write its hypervisor's memory could not complete, a stage 2 Data
 * Abort with FSC Synchronous External abort.  S, DL, EA and COLL are kept
 * (policy.md rule B16).
 */
static uint64_t guest_syndrome(uint64_t hw_pmbsr)
{
	uint64_t keep = SPEVIRT_PMBSR_EL1_S | SPEVIRT_PMBSR_EL1_DL | SPEVIRT_PMBSR_EL1_EA |
			SPEVIRT_PMBSR_EL1_COLL;

	if (SPV_FIELD_GET(hw_pmbsr, PMBSR_EL1_EC) != SPEVIRT_PMBSR_EL1_EC_GPC)
		return hw_pmbsr;
	return (hw_pmbsr & keep) |
	       SPV_FIELD_PREP(PMBSR_EL1_EC, SPEVIRT_PMBSR_EL1_EC_FAULT_S2) |
	       SPV_FIELD_PREP(PMBSR_EL1_MSS_FAULT_FSC, SPV_FSC_SEA);
}

enum spevirt_status spevirt_buffer_hw_event(const struct spevirt_view *view,
					    const struct spevirt_buffer *state, uint64_t hw_pmbsr,
					    uint64_t hw_pmbptr, struct spevirt_buffer *next,
					    struct spevirt_buffer_effect *effect)
{
	struct spevirt_buffer cur;

	if (!view || !state || !next || !effect)
		return refuse_null(effect);
	if (!(hw_pmbsr & SPEVIRT_PMBSR_EL1_S))
		return refuse(effect, BUFFER_NO_EVENT,
			      "hw_pmbsr has S = 0: it reports no management event");
	if (!((SPV_EC_DEFINED >> SPV_FIELD_GET(hw_pmbsr, PMBSR_EL1_EC)) & 1))
		return refuse(effect, BUFFER_EC_RESERVED,
			      "hw_pmbsr.EC is a reserved value: no PE reports it in PMBSR_EL1");
	stop_with(state, guest_syndrome(hw_pmbsr), &cur, effect);
	cur.pmbptr_el1 = sanitize_ptr(view, hw_pmbptr);
	finish(&cur, collecting(state), next, effect);
	return SPEVIRT_OK;
}

enum spevirt_status spevirt_buffer_abort(const struct spevirt_view *view,
					 const struct spevirt_buffer *state, unsigned int stage,
					 unsigned int fsc, struct spevirt_buffer *next,
					 struct spevirt_buffer_effect *effect)
{
	struct spevirt_buffer cur;
	uint64_t ec;

	if (!view || !state || !next || !effect)
		return refuse_null(effect);
	if (stage != 1 && stage != 2)
		return refuse(effect, BUFFER_STAGE, "stage is neither 1 nor 2");
	if (fsc > 63 || !(SPV_FSC_DEFINED & (1ULL << fsc)))
		return refuse(effect, BUFFER_FSC,
			      "fsc is not a fault status code the Arm ARM defines for PMBSR_EL1.FSC");
	ec = stage == 1 ? SPEVIRT_PMBSR_EL1_EC_FAULT_S1 : SPEVIRT_PMBSR_EL1_EC_FAULT_S2;
	stop_with(state,
		  SPV_FIELD_PREP(PMBSR_EL1_EC, ec) | SPV_FIELD_PREP(PMBSR_EL1_MSS_FAULT_FSC, fsc),
		  &cur, effect);
	finish(&cur, collecting(state), next, effect);
	return SPEVIRT_OK;
}
