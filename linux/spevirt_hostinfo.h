/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_HOSTINFO_H
#define SPEVIRT_HOSTINFO_H

/* arm64: /sys/kernel/debug/spevirt/host.json (spevirt_hostinfo.c). */
void spevirt_hostinfo_init(void);
void spevirt_hostinfo_exit(void);

#endif /* SPEVIRT_HOSTINFO_H */
