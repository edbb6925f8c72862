/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_VISIBILITY_H
#define SPEVIRT_VISIBILITY_H

/*
 * SPEVIRT_API marks the exported interface.  The library is built with
 * -fvisibility=hidden and SPEVIRT_BUILDING, so nothing else leaves the
 * shared object.  A tree that compiles the sources directly may leave it empty.
 */
#ifndef SPEVIRT_API
#if defined(SPEVIRT_BUILDING) && defined(__GNUC__)
#define SPEVIRT_API __attribute__((visibility("default")))
#else
#define SPEVIRT_API
#endif
#endif

#endif /* SPEVIRT_VISIBILITY_H */
