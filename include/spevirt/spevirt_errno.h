/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_ERRNO_H
#define SPEVIRT_ERRNO_H

/*
 * A spevirt status as the negative errno value a kernel interface returns.
 * The errno constants come from the embedder: the header SPEVIRT_ERRNO_HEADER
 * names when it is defined, else the kernel's <linux/errno.h> in a Linux
 * kernel (__KERNEL__), else <errno.h>.  lib/ never includes this header, so
 * the library itself needs no C library.
 */
#include <spevirt/spevirt.h>

#if defined(SPEVIRT_ERRNO_HEADER)
#include SPEVIRT_ERRNO_HEADER
#elif defined(__KERNEL__)
#include <linux/errno.h>
#else
#include <errno.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * spevirt_errno() - the errno value for a status, negated
 * @status: a value spevirt returned
 *
 * The mapping follows what KVM returns for the same condition:
 *   -EINVAL  SPEVIRT_E_INVAL, _HOST_INVALID, _PMSVER, _NVM, _MISMATCH, and a
 *            value that is not an enum spevirt_status: the request or the
 *            host description it names cannot be honoured as given;
 *   -EDOM    SPEVIRT_E_BUFSIZE: a buffer limit PMBIDR_EL1.MaxBuffSize cannot
 *            represent, as the KVM SPE series answers for it;
 *   -ENXIO   SPEVIRT_E_HOST_NO_SPE, _NEED_FGT: the host lacks the feature,
 *            as KVM answers for a device attribute the host cannot offer;
 *   -EBUSY   SPEVIRT_E_HOST_NOT_OWNED: a higher Exception level owns the
 *            profiling buffer;
 *   -EPERM   SPEVIRT_E_LEAK: the configuration forbids what the view leaks.
 *
 * Return: 0 for SPEVIRT_OK, otherwise a negative errno value.
 */
static inline int spevirt_errno(enum spevirt_status status)
{
	switch (status) {
	case SPEVIRT_OK:
		return 0;
	case SPEVIRT_E_BUFSIZE:
		return -EDOM;
	case SPEVIRT_E_HOST_NO_SPE:
	case SPEVIRT_E_NEED_FGT:
		return -ENXIO;
	case SPEVIRT_E_HOST_NOT_OWNED:
		return -EBUSY;
	case SPEVIRT_E_LEAK:
		return -EPERM;
	case SPEVIRT_E_INVAL:
	case SPEVIRT_E_HOST_INVALID:
	case SPEVIRT_E_PMSVER:
	case SPEVIRT_E_NVM:
	case SPEVIRT_E_MISMATCH:
	default:
		return -EINVAL;
	}
}

#ifdef __cplusplus
}
#endif

#endif /* SPEVIRT_ERRNO_H */
