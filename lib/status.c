// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
#include "spevirt_internal.h"

static const char *const status_text[] = {
	[SPEVIRT_OK] = "success",
	[SPEVIRT_E_INVAL] = "invalid argument",
	[SPEVIRT_E_HOST_NO_SPE] = "the host has no SPE",
	[SPEVIRT_E_HOST_NOT_OWNED] = "a higher Exception level owns the host's profiling buffer",
	[SPEVIRT_E_HOST_INVALID] = "the host's ID registers contradict the architecture",
	[SPEVIRT_E_PMSVER] = "guest PMSVer not possible",
	[SPEVIRT_E_NVM] = "guest SPE_nVM not possible",
	[SPEVIRT_E_BUFSIZE] = "buffer size limit not possible",
	[SPEVIRT_E_NEED_FGT] = "a required trap needs FEAT_FGT or FEAT_FGT2",
	[SPEVIRT_E_LEAK] = "the view would leak host features",
	[SPEVIRT_E_MISMATCH] = "the host cannot present the guest's values",
};

const char *spevirt_strerror(enum spevirt_status status)
{
	unsigned int i = (unsigned int)status;

	if (i >= spv_array_size(status_text))
		return "unknown spevirt status";
	return status_text[i];
}

unsigned int spevirt_version(void)
{
	return SPEVIRT_VERSION;
}
