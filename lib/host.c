// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * Host validation: the host's ID registers must describe an implementation
 * the architecture permits, or the guest view computed from them could be
 * wrong.  Each rule returns a sentence naming the field and the rule; the
 * full list, with its Arm ARM basis, is in docs/policy.md.
 */
#include "spevirt_internal.h"

/* Unsigned ID fields: a value above the last one spevirt knows means "more". */
static unsigned int id_cap(uint64_t val, unsigned int last)
{
	return val > last ? last : (unsigned int)val;
}

static unsigned int host_feats(const struct spevirt_host *host, unsigned int pmsver)
{
	unsigned int fgt = id_cap(SPV_FIELD_GET(host->id_aa64mmfr0_el1, ID_AA64MMFR0_EL1_FGT),
				  SPEVIRT_ID_AA64MMFR0_EL1_FGT_FGT2);
	unsigned int feats = 0;

	if (fgt >= SPEVIRT_ID_AA64MMFR0_EL1_FGT_IMP)
		feats |= SPV_FEAT_FGT;
	if (fgt >= SPEVIRT_ID_AA64MMFR0_EL1_FGT_FGT2)
		feats |= SPV_FEAT_FGT2;
	if (SPV_FIELD_GET(host->id_aa64mmfr0_el1, ID_AA64MMFR0_EL1_ECV) >=
	    SPEVIRT_ID_AA64MMFR0_EL1_ECV_IMP)
		feats |= SPV_FEAT_ECV;
	if (pmsver == SPEVIRT_PMSVER_NI)
		return feats;
	feats |= SPV_FEAT_SPE;
	if (SPV_FIELD_GET(host->pmsidr_el1, PMSIDR_EL1_FNE))
		feats |= SPV_FEAT_SPE_FNE;
	if (SPV_FIELD_GET(host->pmsidr_el1, PMSIDR_EL1_FDS))
		feats |= SPV_FEAT_SPE_FDS;
	if (SPV_FIELD_GET(host->id_aa64dfr2_el1, ID_AA64DFR2_EL1_SPE_NVM))
		feats |= SPV_FEAT_SPE_NVM;
	if (pmsver >= SPEVIRT_PMSVER_V1P5)
		feats |= SPV_FEAT_SPEv1p5;
	return feats;
}

/* ID_AA64DFR2_EL1 against ID_AA64DFR0_EL1 and ID_AA64MMFR0_EL1. */
static const char *check_dfr2(const struct spevirt_host *host, const struct spevirt_hostcaps *c)
{
	bool nvm = SPV_FIELD_GET(host->id_aa64dfr2_el1, ID_AA64DFR2_EL1_SPE_NVM) != 0;
	bool exc = SPV_FIELD_GET(host->id_aa64dfr2_el1, ID_AA64DFR2_EL1_SPE_EXC) != 0;
	bool v1p5 = c->pmsver >= SPEVIRT_PMSVER_V1P5;

	if (nvm && c->pmsver == SPEVIRT_PMSVER_NI)
		return SPV_WHY(HOST_NVM_NO_SPE,
			       "host ID_AA64DFR2_EL1.SPE_nVM is set but ID_AA64DFR0_EL1.PMSVer is 0: FEAT_SPE_nVM requires FEAT_SPE");
	if (exc && !v1p5)
		return SPV_WHY(HOST_EXC_BELOW_V1P5,
			       "host ID_AA64DFR2_EL1.SPE_EXC is set but ID_AA64DFR0_EL1.PMSVer is below V1P5: FEAT_SPE_EXC and FEAT_SPEv1p5 imply each other");
	if (v1p5 && !exc)
		return SPV_WHY(HOST_V1P5_NO_EXC,
			       "host ID_AA64DFR0_EL1.PMSVer is V1P5 or above (a later version is taken as V1P5) but ID_AA64DFR2_EL1.SPE_EXC is 0: FEAT_SPEv1p5 implies FEAT_SPE_EXC");
	if (v1p5 && !nvm)
		return SPV_WHY(HOST_V1P5_NO_NVM,
			       "host ID_AA64DFR0_EL1.PMSVer is V1P5 or above (a later version is taken as V1P5) but ID_AA64DFR2_EL1.SPE_nVM is 0: FEAT_SPEv1p5 implies FEAT_SPE_nVM");
	if (nvm && !(c->feats & SPV_FEAT_FGT2))
		return SPV_WHY(HOST_NVM_NO_FGT2,
			       "host ID_AA64DFR2_EL1.SPE_nVM is set but ID_AA64MMFR0_EL1.FGT is below FGT2: FEAT_SPE_nVM with EL2 requires FEAT_FGT2");
	return NULL;
}

/* PMSIDR_EL1 feature bits against the SPE version and each other. */
static const char *check_pmsidr_features(uint64_t pmsidr, const struct spevirt_hostcaps *c)
{
	unsigned int v = c->pmsver;

	if (SPV_FIELD_GET(pmsidr, PMSIDR_EL1_FNE) && v < SPEVIRT_PMSVER_V1P2)
		return SPV_WHY(HOST_FNE_BELOW_V1P2,
			       "host PMSIDR_EL1.FnE is 1 with PMSVer below V1P2: FEAT_SPE_FnE and FEAT_SPEv1p2 imply each other");
	if (!SPV_FIELD_GET(pmsidr, PMSIDR_EL1_FNE) && v >= SPEVIRT_PMSVER_V1P2)
		return SPV_WHY(HOST_V1P2_NO_FNE,
			       "host PMSIDR_EL1.FnE is 0 with PMSVer V1P2 or above: FEAT_SPEv1p2 implies FEAT_SPE_FnE");
	if (SPV_FIELD_GET(pmsidr, PMSIDR_EL1_FDS) && v < SPEVIRT_PMSVER_V1P4)
		return SPV_WHY(HOST_FDS_BELOW_V1P4,
			       "host PMSIDR_EL1.FDS is 1 with PMSVer below V1P4: FEAT_SPE_FDS requires FEAT_SPEv1p4");
	if (SPV_FIELD_GET(pmsidr, PMSIDR_EL1_FDS) && !SPV_FIELD_GET(pmsidr, PMSIDR_EL1_LDS))
		return SPV_WHY(HOST_FDS_NO_LDS,
			       "host PMSIDR_EL1.FDS is 1 with LDS 0: FEAT_SPE_FDS requires FEAT_SPE_LDS");
	if (SPV_FIELD_GET(pmsidr, PMSIDR_EL1_FDS) && !(c->feats & SPV_FEAT_FGT2))
		return SPV_WHY(HOST_FDS_NO_FGT2,
			       "host PMSIDR_EL1.FDS is 1 but ID_AA64MMFR0_EL1.FGT is below FGT2: FEAT_SPE_FDS with EL2 requires FEAT_FGT2");
	if (SPV_FIELD_GET(pmsidr, PMSIDR_EL1_PBT) && v < SPEVIRT_PMSVER_V1P2)
		return SPV_WHY(HOST_PBT_BELOW_V1P2,
			       "host PMSIDR_EL1.PBT is 1 with PMSVer below V1P2: FEAT_SPE_PBT requires FEAT_SPEv1p2");
	if (SPV_FIELD_GET(pmsidr, PMSIDR_EL1_CRR) && v < SPEVIRT_PMSVER_V1P4)
		return SPV_WHY(HOST_CRR_BELOW_V1P4,
			       "host PMSIDR_EL1.CRR is 1 with PMSVer below V1P4: FEAT_SPE_CRR requires FEAT_SPEv1p4");
	if (!SPV_FIELD_GET(pmsidr, PMSIDR_EL1_CRR) && v >= SPEVIRT_PMSVER_V1P5)
		return SPV_WHY(HOST_V1P5_NO_CRR,
			       "host PMSIDR_EL1.CRR is 0 with PMSVer V1P5: FEAT_SPEv1p5 implies FEAT_SPE_CRR");
	if (SPV_FIELD_GET(pmsidr, PMSIDR_EL1_SME) && v < SPEVIRT_PMSVER_V1P1)
		return SPV_WHY(HOST_SME_BELOW_V1P1,
			       "host PMSIDR_EL1.SME is 1 with PMSVer below V1P1: FEAT_SPE_SME requires FEAT_SPEv1p1");
	if (SPV_FIELD_GET(pmsidr, PMSIDR_EL1_EFT) != SPV_FIELD_GET(pmsidr, PMSIDR_EL1_FPF))
		return SPV_WHY(HOST_EFT_FPF_DIFFER,
			       "host PMSIDR_EL1.EFT and FPF differ: FEAT_SPE_EFT and FEAT_SPE_FPF imply each other");
	return NULL;
}

/* PMSIDR_EL1 enumerated fields: reserved encodings are not implementable. */
static const char *check_pmsidr_encodings(uint64_t pmsidr)
{
	uint64_t altclk = SPV_FIELD_GET(pmsidr, PMSIDR_EL1_ALTCLK);
	uint64_t count = SPV_FIELD_GET(pmsidr, PMSIDR_EL1_COUNTSIZE);
	uint64_t maxsize = SPV_FIELD_GET(pmsidr, PMSIDR_EL1_MAXSIZE);
	uint64_t interval = SPV_FIELD_GET(pmsidr, PMSIDR_EL1_INTERVAL);

	if (altclk != SPEVIRT_PMSIDR_EL1_ALTCLK_NI && altclk != SPEVIRT_PMSIDR_EL1_ALTCLK_SMCU &&
	    altclk != SPEVIRT_PMSIDR_EL1_ALTCLK_IMPDEF)
		return SPV_WHY(HOST_ALTCLK_RESERVED,
			       "host PMSIDR_EL1.ALTCLK is a reserved value (only 0b0000, 0b0001 and 0b1111 are defined)");
	if (SPV_FIELD_GET(pmsidr, PMSIDR_EL1_FORMAT) != SPEVIRT_PMSIDR_EL1_FORMAT_FORMAT0)
		return SPV_WHY(HOST_FORMAT_RESERVED,
			       "host PMSIDR_EL1.Format is a reserved value (only 0b0000, Format 0, is defined)");
	if (count != SPEVIRT_PMSIDR_EL1_COUNTSIZE_12_BIT_SAT &&
	    count != SPEVIRT_PMSIDR_EL1_COUNTSIZE_16_BIT_SAT)
		return SPV_WHY(HOST_COUNTSIZE_RESERVED,
			       "host PMSIDR_EL1.CountSize is a reserved value (only 0b0010 and 0b0011 are defined)");
	if (maxsize < SPEVIRT_PMSIDR_EL1_MAXSIZE_64 || maxsize > SPEVIRT_PMSIDR_EL1_MAXSIZE_2K)
		return SPV_WHY(HOST_MAXSIZE_RESERVED,
			       "host PMSIDR_EL1.MaxSize is outside 0b0110 (64 bytes) to 0b1011 (2 KiB), the values an implementation may report");
	if (interval == 1 || interval > SPEVIRT_PMSIDR_EL1_INTERVAL_4096)
		return SPV_WHY(HOST_INTERVAL_RESERVED,
			       "host PMSIDR_EL1.Interval is a reserved value (0b0001, or above 0b1000)");
	return NULL;
}

static const char *check_pmbidr(uint64_t pmbidr, const struct spevirt_hostcaps *c)
{
	uint64_t addrmode = SPV_FIELD_GET(pmbidr, PMBIDR_EL1_ADDRMODE);

	if (SPV_FIELD_GET(pmbidr, PMBIDR_EL1_ALIGN) > 0xb)
		return SPV_WHY(HOST_ALIGN_RESERVED,
			       "host PMBIDR_EL1.Align is above 0b1011 (2 KiB): 0b1100 to 0b1111 are reserved");
	if (SPV_FIELD_GET(pmbidr, PMBIDR_EL1_EA) > SPEVIRT_PMBIDR_EL1_EA_SERROR)
		return SPV_WHY(HOST_EA_RESERVED,
			       "host PMBIDR_EL1.EA is a reserved value (only 0b0000 to 0b0010 are defined)");
	if (addrmode != SPEVIRT_PMBIDR_EL1_ADDRMODE_VA && !(c->feats & SPV_FEAT_SPE_NVM))
		return SPV_WHY(HOST_ADDRMODE_NO_NVM,
			       "host PMBIDR_EL1.AddrMode is non-zero without FEAT_SPE_nVM, where the field is RES0");
	if (addrmode != SPEVIRT_PMBIDR_EL1_ADDRMODE_VA &&
	    addrmode != SPEVIRT_PMBIDR_EL1_ADDRMODE_VA_PA)
		return SPV_WHY(HOST_ADDRMODE_RESERVED,
			       "host PMBIDR_EL1.AddrMode is 0b10 (reserved) or 0b11 (software-reserved physical-only mode, which hardware never reports)");
	return NULL;
}

static const char *check_ids(const struct spevirt_host *host, struct spevirt_hostcaps *caps)
{
	const char *reason;

	caps->pmsver = id_cap(SPV_FIELD_GET(host->id_aa64dfr0_el1, ID_AA64DFR0_EL1_PMSVER),
			      SPEVIRT_PMSVER_V1P5);
	caps->feats = host_feats(host, caps->pmsver);

	reason = check_dfr2(host, caps);
	if (reason || caps->pmsver == SPEVIRT_PMSVER_NI)
		return reason;
	reason = check_pmsidr_features(host->pmsidr_el1, caps);
	if (!reason)
		reason = check_pmsidr_encodings(host->pmsidr_el1);
	if (!reason)
		reason = check_pmbidr(host->pmbidr_el1, caps);
	return reason;
}

/*
 * What EL3 leaves disabled.  SCR_EL3.FGTEn = 0 disables the traps of
 * HDFGRTR_EL2, HDFGWTR_EL2 and HFGITR_EL2: the access pseudocode tests
 * "IsFeatureImplemented(FEAT_FGT) && (!HaveEL(EL3) || SCR_EL3.FGTEn == '1')",
 * so the host is planned as without FEAT_FGT.  SCR_EL3.FGTEn2 = 0 is not
 * the same: HDFGxTR2_EL2 read as 0, and PMSDSFR_EL1 and PMBMAR_EL1 test
 * "(HaveEL(EL3) && SCR_EL3.FGTEn2 == '0') || HDFGRTR2_EL2.nPMSDSFR_EL1 ==
 * '0'": their accesses always trap to EL2.
 */
const char *spevirt_host_check_(const struct spevirt_host *host, struct spevirt_hostcaps *caps)
{
	const char *reason = check_ids(host, caps);

	caps->el3 = host->el3_disabled;
	if (caps->el3 & SPEVIRT_EL3_NO_FGT)
		caps->feats &= ~(unsigned int)SPV_FEAT_FGT;
	if ((caps->el3 & SPEVIRT_EL3_NO_FGT2) && (caps->feats & SPV_FEAT_FGT2))
		caps->feats ^= SPV_FEAT_FGT2 | SPV_FEAT_FGT2_AS_ZERO;
	return reason;
}
