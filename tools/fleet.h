/* SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later */
#ifndef SPEVIRT_TOOLS_FLEET_H
#define SPEVIRT_TOOLS_FLEET_H

/*
 * 'spevirt pool' and 'spevirt migrate': the library's pool and migration
 * calls on hosts named by preset or host file, and their text and JSON
 * outputs (docs/cli-json.md).
 */
#include <stdio.h>

#include <spevirt/spevirt.h>

#include "guest_model.h"
#include "hostfile.h"
#include "parse.h"

struct pool_result {
	struct named_host hosts[SPEVIRT_MAX_POOL];
	unsigned int nr_hosts;
	struct spevirt_config cfg;	/* the level chosen */
	bool no_spe;			/* --pmsver none: no level was chosen */
	struct spevirt_pool pool;
	struct spevirt_view views[SPEVIRT_MAX_POOL];
	enum spevirt_status status;
	const struct guest_driver *guest;	/* --guest, or NULL */
	struct guest_verdict verdicts[SPEVIRT_MAX_POOL];	/* on each host's view */
};

struct migrate_result {
	struct named_host from, to;
	struct spevirt_config cfg;	/* the guest, as it runs on the source */
	struct spevirt_view source;
	enum spevirt_status source_status;	/* not OK: the source refuses the guest */
	struct spevirt_view dest;
	struct spevirt_migration report;
	enum spevirt_status status;
	const struct guest_driver *guest;	/* --guest, or NULL */
	struct guest_verdict verdict;	/* on the source view: the driver probed there */
};

/* Load the hosts; false with @err for a host argument that is not one. */
bool pool_load(const struct fleet_args *a, struct pool_result *r, struct parse_error *err);
bool migrate_load(const struct fleet_args *a, struct migrate_result *r, struct parse_error *err);

void pool_run(const struct fleet_args *a, struct pool_result *r);
void migrate_run(const struct fleet_args *a, struct migrate_result *r);

void text_pool(FILE *out, const struct pool_result *r);
void json_pool(FILE *out, const struct pool_result *r);
void text_migrate(FILE *out, const struct migrate_result *r);
void json_migrate(FILE *out, const struct migrate_result *r);

#endif /* SPEVIRT_TOOLS_FLEET_H */
