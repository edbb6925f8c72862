/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/*
 * Contract of lib/host.c, proved by WP (formal/wp/buffer.h says how): the
 * check writes only the capabilities, and gives FEAT_SPE_nVM only to a
 * host whose ID_AA64DFR2_EL1.SPE_nVM says so.
 */
#include "acsl.h"

/*@ assigns \nothing; */
static const char *check_dfr2(const struct spevirt_host *host, const struct spevirt_hostcaps *c);

/*@ assigns \nothing; */
static const char *check_pmsidr_features(uint64_t pmsidr, const struct spevirt_hostcaps *c);

/*@ assigns \nothing; */
static const char *check_pmsidr_encodings(uint64_t pmsidr);

/*@ assigns \nothing; */
static const char *check_pmbidr(uint64_t pmbidr, const struct spevirt_hostcaps *c);

/*@
  assigns \nothing;
  ensures nvm_from_dfr2: (host->id_aa64dfr2_el1 & SPEVIRT_ID_AA64DFR2_EL1_SPE_NVM) == 0 ==>
	  (\result & SPV_FEAT_SPE_NVM) == 0;
*/
static unsigned int host_feats(const struct spevirt_host *host, unsigned int pmsver);

/*@
  assigns *caps;
  ensures nvm_from_dfr2: \separated(host, caps) && bit_test(caps->feats, 3) ==>
	  (host->id_aa64dfr2_el1 & SPEVIRT_ID_AA64DFR2_EL1_SPE_NVM) != 0;
*/
static const char *check_ids(const struct spevirt_host *host, struct spevirt_hostcaps *caps);

/*@
  assigns *caps;
  ensures nvm_from_dfr2: \separated(host, caps) && (caps->feats & SPV_FEAT_SPE_NVM) != 0 ==>
	  (host->id_aa64dfr2_el1 & SPEVIRT_ID_AA64DFR2_EL1_SPE_NVM) != 0;
*/
const char *spevirt_host_check_(const struct spevirt_host *host, struct spevirt_hostcaps *caps);
