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

/*
 * SPEVIRT_MUST_CHECK marks every function that returns an enum
 * spevirt_status: a refusal ignored is a warning where the compiler can say
 * so (GCC and Clang's warn_unused_result; with GCC a cast to void does not
 * silence it: test the status).  An embedding tree may define it first.
 */
#ifndef SPEVIRT_MUST_CHECK
#if defined(__GNUC__)
#define SPEVIRT_MUST_CHECK __attribute__((warn_unused_result))
#else
#define SPEVIRT_MUST_CHECK
#endif
#endif

#endif /* SPEVIRT_VISIBILITY_H */
