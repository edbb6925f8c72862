/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
/* Contracts of lib/maxbuf.c, proved by WP (formal/wp/buffer.h says how). */
#include "acsl.h"

/*@ assigns \nothing; */
uint64_t spevirt_maxbuf_decode(uint16_t field);

/*@ assigns *field; */
enum spevirt_status spevirt_maxbuf_encode(uint64_t bytes, uint16_t *field);
