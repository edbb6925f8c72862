/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/*
 * Shared by the proof drivers: inputs with every value their C type allows.
 * Each driver gives one public function such inputs; EVA then explores every
 * execution at once.  What a C object cannot hold is not an input: a bool is
 * 0 or 1, a pointer is NULL or points to an object of its type.
 */
#ifndef SPEVIRT_FV_H
#define SPEVIRT_FV_H

#include "__fc_builtin.h"
#include <spevirt/spevirt.h>
#include <spevirt/spevirt_regdesc.h>

/* Any bytes at all. */
#define FV_ANY(obj)	Frama_C_make_unknown((char *)&(obj), sizeof(obj))

/* NULL, or the object. */
#define FV_OR_NULL(p)	Frama_C_nondet_ptr(NULL, (p))

static inline uint64_t fv_u64(void)
{
	return Frama_C_unsigned_long_long_interval(0, ~0ULL);
}

static inline uint32_t fv_u32(void)
{
	return Frama_C_unsigned_int_interval(0, ~0U);
}

static inline bool fv_bool(void)
{
	return Frama_C_interval(0, 1);
}

/*
 * Any view a caller can hand in: every byte unknown, except that
 * limit_advertised is a bool and reason NULL or a string.
 */
static inline void fv_any_view(struct spevirt_view *view)
{
	Frama_C_make_unknown((char *)view, sizeof(*view));
	view->limit_advertised = fv_bool();
	view->reason = Frama_C_nondet_ptr(NULL, "a reason");
}

#endif /* SPEVIRT_FV_H */
