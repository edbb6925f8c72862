// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * 'spevirt fleet FILE|-': a fleet inventory, one host record per line (JSON
 * Lines; a host list or another host-file form is taken whole).  Records
 * with the same five ID registers and EL3 inputs form a class; memory grows
 * with the classes, not the records.  For each class its best offer, for
 * each ordered pair of classes whether a guest moves, and the migration
 * domains: this file holds the command's options, its run and its output.
 */
#define _GNU_SOURCE		/* getline(), isatty(), memmem() */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "hostfile.h"
#include "json.h"
#include "output.h"
#include "report.h"

const char fleet_help[] =
	"Usage: spevirt fleet [OPTIONS] FILE\n"
	"\n"
	"A fleet inventory: FILE (or - for stdin) holds one host record per line\n"
	"(JSON Lines: a host object as host files have it), or a host list or another\n"
	"host-file form as a whole.  Hosts with the same five ID registers and EL3\n"
	"inputs form a class.  For each class: its count, its first names, and its\n"
	"best offer with why not more; for each ordered pair of classes, whether a\n"
	"guest at the first one's offer moves to the second; and the migration\n"
	"domains: the classes grouped so that each domain's pool gives every member\n"
	"its own level (docs/policy.md section 15).\n"
	"\n"
	"Guest (as for 'spevirt pool'):\n"
	"  --pmsver LEVEL        the highest PMSVer to offer\n"
	"  --max-buffer-size SIZE, --profile PROFILE, --allow FLAG, --forbid-leaks,\n"
	"  --accept-leak LEAK    as for 'spevirt view'\n"
	"Input:\n"
	"  --keep-going          skip bad records and count them (else the first\n"
	"                        stops the run, naming its line and JSON path)\n"
	"  --json                JSON (docs/cli-json.md) instead of text\n"
	"  -h, --help            this text\n"
	"\n"
	"Exit status: 0 success; 1 bad records were skipped (--keep-going); 2 usage\n"
	"error or a bad record; 3 output error.\n";

/* Options */

enum fleet_opt {
	FL_HELP = OPT_HELP,
	FL_PMSVER,
	FL_MAXBUF,
	FL_PROFILE,
	FL_ALLOW,
	FL_FORBID,
	FL_ACCEPT,
	FL_KEEP_GOING,
	FL_JSON,
};

static const struct opt_spec fleet_opts[] = {
	[FL_HELP] = { "--help", NULL, false },
	[FL_PMSVER] = { "--pmsver", "LEVEL", false },
	[FL_MAXBUF] = { "--max-buffer-size", "SIZE", false },
	[FL_PROFILE] = { "--profile", "PROFILE", false },
	[FL_ALLOW] = { "--allow", "FLAG", true },
	[FL_FORBID] = { "--forbid-leaks", NULL, false },
	[FL_ACCEPT] = { "--accept-leak", "LEAK", true },
	[FL_KEEP_GOING] = { "--keep-going", NULL, false },
	[FL_JSON] = { "--json", NULL, false },
};

struct inventory_args {
	const char *file;
	struct spevirt_config cfg;
	bool pmsver_given;
	bool keep_going;
	bool json;
	bool help;
};

static bool fleet_option(void *ctx, int o, const char *val, struct parse_error *err)
{
	struct inventory_args *a = ctx;
	const char *name = fleet_opts[o].name;

	switch (o) {
	case FL_PMSVER:
		a->pmsver_given = true;
		return parse_pmsver(name, val, &a->cfg.pmsver, err);
	case FL_MAXBUF:
		return parse_size(name, val, &a->cfg.max_buffer_size, err);
	case FL_PROFILE:
		return parse_profile(name, val, &a->cfg.profile, err);
	case FL_ALLOW:
		return parse_allow(name, val, &a->cfg.flags, err);
	case FL_FORBID:
		a->cfg.flags |= SPEVIRT_CFG_FORBID_LEAKS;
		return true;
	case FL_ACCEPT:
		return parse_leaks(name, val, &a->cfg.accepted_leaks, err);
	case FL_KEEP_GOING:
		a->keep_going = true;
		return true;
	default:
		a->json = true;
		return true;
	}
}

static bool parse_fleet_args(int argc, char *const argv[], struct inventory_args *a,
			     struct parse_error *err)
{
	struct scanner sc = SCANNER("fleet", argc, argv, fleet_opts);
	static const char usage[] = " [OPTIONS] FILE";
	const char *file[1];
	int n;

	*a = (struct inventory_args){ .cfg = { .profile = SPEVIRT_PROFILE_DEFAULT } };
	if (!scan_all(&sc, file, 1, &n, usage, fleet_option, a, &a->help, err))
		return false;
	if (a->help)
		return true;
	if (!n) {
		snprintf(err->msg, sizeof(err->msg), "'spevirt fleet' needs a FILE (or - for "
			 "stdin): usage: spevirt fleet%s", usage);
		return false;
	}
	a->file = file[0];
	return true;
}

/* Classes */

#define FLEET_NAMES		3	/* names kept per class */
#define FLEET_LINE_MAX		(64 * 1024)
#define FLEET_ERRORS_KEPT	5
#define FLEET_PROGRESS		100000	/* records between progress lines */
#define LINE_BUF		512

struct fleet_class {
	struct spevirt_host host;
	uint64_t count;
	uint64_t first_line;
	unsigned int nr_names;
	char names[FLEET_NAMES][HOST_NAME_MAX_LEN];
};

/* What the run found; classes in an open-addressing table, then in order. */
struct inventory {
	const char *label;
	uint64_t lines, records, bad;
	char errors[FLEET_ERRORS_KEPT][PARSE_MSG_MAX];
	struct fleet_class *classes;	/* in the order first seen */
	unsigned int nr_classes, cap_classes;
	unsigned int *slots;		/* index + 1 into classes, 0: empty */
	unsigned int nr_slots;
	bool progress;
};

static uint64_t host_hash(const struct spevirt_host *h)
{
	const uint64_t v[] = { h->id_aa64dfr0_el1, h->id_aa64dfr2_el1, h->id_aa64mmfr0_el1,
			       h->pmsidr_el1, h->pmbidr_el1, h->el3_disabled };
	uint64_t x = 0x9e3779b97f4a7c15ULL;
	unsigned int i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		x ^= v[i];
		x *= 0xff51afd7ed558ccdULL;
		x ^= x >> 33;
	}
	return x;
}

static bool same_host(const struct spevirt_host *a, const struct spevirt_host *b)
{
	return a->id_aa64dfr0_el1 == b->id_aa64dfr0_el1 &&
	       a->id_aa64dfr2_el1 == b->id_aa64dfr2_el1 &&
	       a->id_aa64mmfr0_el1 == b->id_aa64mmfr0_el1 && a->pmsidr_el1 == b->pmsidr_el1 &&
	       a->pmbidr_el1 == b->pmbidr_el1 && a->el3_disabled == b->el3_disabled;
}

/* The slot of @h: its class's, or the empty one it would take. */
static unsigned int *slot_of(const struct inventory *inv, const struct spevirt_host *h)
{
	unsigned int mask = inv->nr_slots - 1, i = (unsigned int)host_hash(h) & mask;

	while (inv->slots[i] && !same_host(&inv->classes[inv->slots[i] - 1].host, h))
		i = (i + 1) & mask;
	return &inv->slots[i];
}

static _Noreturn void out_of_memory(void)
{
	fprintf(stderr, "spevirt: fleet: out of memory\n");
	exit(EXIT_OUTPUT);
}

static void *grow(void *p, size_t n, size_t size)
{
	void *q = n <= SIZE_MAX / size ? realloc(p, n * size) : NULL;

	if (!q)
		out_of_memory();
	return q;
}

/* Keep the table at most half full: double it and place every class again. */
static void rehash(struct inventory *inv)
{
	unsigned int i;

	inv->nr_slots = inv->nr_slots ? 2 * inv->nr_slots : 64;
	free(inv->slots);
	inv->slots = calloc(inv->nr_slots, sizeof(*inv->slots));
	if (!inv->slots)
		out_of_memory();
	for (i = 0; i < inv->nr_classes; i++)
		*slot_of(inv, &inv->classes[i].host) = i + 1;
}

static void add_record(struct inventory *inv, const struct named_host *nh)
{
	unsigned int *slot;
	struct fleet_class *c;

	if (2 * (inv->nr_classes + 1) > inv->nr_slots)
		rehash(inv);
	slot = slot_of(inv, &nh->host);
	if (!*slot) {
		if (inv->nr_classes == inv->cap_classes) {
			inv->cap_classes = inv->cap_classes ? 2 * inv->cap_classes : 16;
			inv->classes = grow(inv->classes, inv->cap_classes, sizeof(*c));
		}
		inv->classes[inv->nr_classes] = (struct fleet_class){ .host = nh->host,
								       .first_line = inv->lines };
		*slot = ++inv->nr_classes;
	}
	c = &inv->classes[*slot - 1];
	if (c->nr_names < FLEET_NAMES)
		snprintf(c->names[c->nr_names++], HOST_NAME_MAX_LEN, "%s", nh->name);
	c->count++;
	inv->records++;
	if (inv->progress && !(inv->records % FLEET_PROGRESS))
		fprintf(stderr, "\rspevirt: fleet: %llu records, %u classes",
			(unsigned long long)inv->records, inv->nr_classes);
}

/* A bad record: the run stops, or with --keep-going it is counted. */
static bool bad_record(struct inventory *inv, const struct inventory_args *a,
		       const struct parse_error *why, struct parse_error *err)
{
	if (!a->keep_going) {
		*err = *why;
		return false;
	}
	if (inv->bad < FLEET_ERRORS_KEPT)
		snprintf(inv->errors[inv->bad], PARSE_MSG_MAX, "%s", why->msg);
	inv->bad++;
	return true;
}

/* One record of @len bytes at @buf, named @label in messages. */
static bool take_record(struct inventory *inv, const struct inventory_args *a,
			const char *label, const char *buf, size_t len, struct parse_error *err)
{
	struct named_host hosts[SPEVIRT_MAX_POOL];
	struct parse_error why;
	unsigned int i, n = 0;

	if (!hostfile_parse(label, buf, len, hosts, SPEVIRT_MAX_POOL, &n, &why))
		return bad_record(inv, a, &why, err);
	for (i = 0; i < n; i++)
		add_record(inv, &hosts[i]);
	return true;
}

/*
 * A whole document: a host list may hold any number of hosts, and each has
 * its own "registers" member, so their count bounds the hosts.
 */
static bool take_document(struct inventory *inv, const struct inventory_args *a,
			  const char *buf, size_t len, struct parse_error *err)
{
	unsigned int i, n = 0, max = 1;
	struct named_host *hosts;
	const char *p = buf;
	struct parse_error why;

	while ((p = memmem(p, len - (size_t)(p - buf), "\"registers\"", 11))) {
		max++;
		p += 11;
	}
	hosts = grow(NULL, max, sizeof(*hosts));
	if (!hostfile_parse(inv->label, buf, len, hosts, max, &n, &why)) {
		free(hosts);
		return bad_record(inv, a, &why, err);
	}
	for (i = 0; i < n; i++)
		add_record(inv, &hosts[i]);
	free(hosts);
	return true;
}

#ifdef SPEVIRT_HAVE_YAJL
#include <yajl/yajl_parse.h>

/*
 * The common record, read with yajl's event parser and no allocation: an
 * object of "name", "registers" (the five, each once), "el3_disabled",
 * and the free-text "source", "notes" and "title".  Anything else (another
 * member, a duplicate, a value parse_value() refuses, a control character
 * in the name, bad JSON) is left to hostfile_parse(), which accepts or
 * refuses every record alike: this path only makes the common one fast.
 */
enum fast_key { FK_NONE, FK_NAME, FK_REGISTERS, FK_EL3, FK_TEXT, FK_REG };

struct fast_record {
	struct named_host *nh;
	unsigned int values;		/* top-level values begun on this line */
	unsigned int depth;
	enum fast_key key;
	unsigned int reg;		/* with FK_REG: enum host_reg */
	unsigned int seen;		/* top-level members, then (1 << 8 + reg) registers */
	bool in_registers, in_el3, named, failed;
};

static int fast_fail(struct fast_record *r)
{
	r->failed = true;
	return 0;
}

static int fast_map_start(void *ctx)
{
	struct fast_record *r = ctx;

	if (r->depth == 0 && r->values++)
		return fast_fail(r);	/* a second value on the line */
	if (r->depth == 0 || (r->depth == 1 && r->key == FK_REGISTERS)) {
		r->in_registers = r->depth == 1;
		r->depth++;
		return 1;
	}
	return fast_fail(r);
}

static int fast_map_key(void *ctx, const unsigned char *key, size_t len)
{
	static const char *const top[] = { NULL, "name", "registers", "el3_disabled" };
	struct fast_record *r = ctx;
	unsigned int i;

	if (r->in_registers) {
		for (i = 0; i < NR_HOST_REGS; i++)
			if (strlen(host_reg_desc((enum host_reg)i)->name) == len &&
			    !memcmp(host_reg_desc((enum host_reg)i)->name, key, len))
				break;
		if (i == NR_HOST_REGS || (r->seen & (1U << (8 + i))))
			return fast_fail(r);
		r->seen |= 1U << (8 + i);
		r->key = FK_REG;
		r->reg = i;
		return 1;
	}
	for (i = 1; i < 4; i++)
		if (strlen(top[i]) == len && !memcmp(top[i], key, len))
			break;
	if (i == 4) {
		if (!((len == 6 && !memcmp(key, "source", 6)) || (len == 5 && !memcmp(key, "notes", 5)) ||
		      (len == 5 && !memcmp(key, "title", 5))))
			return fast_fail(r);
		r->key = FK_TEXT;
		return 1;
	}
	if (r->seen & (1U << i))
		return fast_fail(r);
	r->seen |= 1U << i;
	r->key = (enum fast_key)i;
	return 1;
}

/*
 * The form the module and the tool write, "0x" and 16 hexadecimal digits,
 * read directly; any other spelling goes to parse_value(), which gives the
 * same value for this one.
 */
static bool canonical_hex(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (len != 18 || s[0] != '0' || s[1] != 'x')
		return false;
	for (i = 2; i < 18; i++) {
		unsigned int c = (unsigned char)s[i], d;

		if (c - '0' < 10)
			d = c - '0';
		else if ((c | 0x20) - 'a' < 6)
			d = (c | 0x20) - 'a' + 10;
		else
			return false;
		v = v << 4 | d;
	}
	*out = v;
	return true;
}

static int fast_string(void *ctx, const unsigned char *s, size_t len)
{
	struct fast_record *r = ctx;
	struct parse_error e;
	char text[96];
	uint64_t v;
	size_t i;

	if (memchr(s, 0, len) || (r->key != FK_TEXT && len >= sizeof(text)))
		return fast_fail(r);
	if (r->key == FK_TEXT)
		return 1;
	memcpy(text, s, len);
	text[len] = '\0';
	switch (r->key) {
	case FK_NAME:
		for (i = 0; i < len; i++)
			if ((unsigned char)text[i] < 0x20 || text[i] == 0x7f)
				return fast_fail(r);
		/* As hostfile.c keeps a name: its first HOST_NAME_MAX_LEN - 1 bytes. */
		len = len < HOST_NAME_MAX_LEN ? len : HOST_NAME_MAX_LEN - 1;
		memcpy(r->nh->name, text, len);
		r->nh->name[len] = '\0';
		r->named = true;
		return 1;
	case FK_REG:
		if (!canonical_hex(text, len, &v) &&
		    !parse_value("the value", text, UINT64_MAX, &v, &e))
			return fast_fail(r);
		host_reg_set(&r->nh->host, (enum host_reg)r->reg, v);
		return 1;
	default:
		if (!r->in_el3 || !parse_el3("the name", text, &r->nh->host.el3_disabled, &e))
			return fast_fail(r);
		return 1;
	}
}

static int fast_array_start(void *ctx)
{
	struct fast_record *r = ctx;

	if (r->depth != 1 || r->key != FK_EL3 || r->in_el3)
		return fast_fail(r);
	r->in_el3 = true;
	return 1;
}

static int fast_array_end(void *ctx)
{
	struct fast_record *r = ctx;

	r->in_el3 = false;
	r->key = FK_NONE;
	return 1;
}

static int fast_map_end(void *ctx)
{
	struct fast_record *r = ctx;

	r->depth--;
	r->in_registers = false;
	r->key = FK_NONE;
	return 1;
}

/* Numbers, booleans and null: no member of the common record has them. */
static int fast_other(void *ctx)
{
	return fast_fail(ctx);
}

static int fast_bool(void *ctx, int b)
{
	(void)b;
	return fast_fail(ctx);
}

static int fast_number(void *ctx, const char *s, size_t len)
{
	(void)s;
	(void)len;
	return fast_fail(ctx);
}

static const yajl_callbacks fast_callbacks = {
	.yajl_null = fast_other,
	.yajl_boolean = fast_bool,
	.yajl_number = fast_number,
	.yajl_string = fast_string,
	.yajl_start_map = fast_map_start,
	.yajl_map_key = fast_map_key,
	.yajl_end_map = fast_map_end,
	.yajl_start_array = fast_array_start,
	.yajl_end_array = fast_array_end,
};

/*
 * One parser for every line (yajl takes one value after another): a line
 * must hold one whole object.  A parser that stopped, or is left inside a
 * value, is replaced.
 */
struct fast_reader {
	yajl_handle h;
	struct fast_record r;
};

static void fast_close(struct fast_reader *f)
{
	if (f->h)
		yajl_free(f->h);
	f->h = NULL;
}

/* The common record at @buf, into @nh: false leaves it to hostfile_parse(). */
static bool fast_record(struct fast_reader *f, const char *buf, size_t len,
			struct named_host *nh)
{
	struct fast_record *r = &f->r;
	bool ok;

	if (!f->h) {
		f->h = yajl_alloc(&fast_callbacks, NULL, r);
		if (!f->h)
			return false;
		yajl_config(f->h, yajl_allow_multiple_values, 1);
	}
	*r = (struct fast_record){ .nh = nh };
	*nh = (struct named_host){ .host = { 0 } };
	ok = yajl_parse(f->h, (const unsigned char *)buf, len) == yajl_status_ok &&
	     !r->failed && r->values == 1 && r->depth == 0;
	if (!ok)
		fast_close(f);
	return ok && r->named && (r->seen & (1U << FK_REGISTERS)) &&
	       (r->seen >> 8) == (1U << NR_HOST_REGS) - 1;
}
#else
struct fast_reader {
	int unused;
};

static void fast_close(struct fast_reader *f)
{
	(void)f;
}

static bool fast_record(struct fast_reader *f, const char *buf, size_t len,
			struct named_host *nh)
{
	(void)f;
	(void)buf;
	(void)len;
	(void)nh;
	return false;
}
#endif

/* JSON Lines: each line a record, checked on its own. */
static bool read_lines(FILE *in, struct inventory *inv, const struct inventory_args *a,
		       char *first, size_t first_len, struct parse_error *err)
{
	char label[PARSE_MSG_MAX / 4];
	struct fast_reader fast = { 0 };
	struct named_host nh;
	char *line = first;
	size_t cap = first_len + 1;
	ssize_t n = (ssize_t)first_len;

	for (; n >= 0; n = getline(&line, &cap, in)) {
		size_t len = (size_t)n;

		inv->lines++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (len <= FLEET_LINE_MAX && fast_record(&fast, line, len, &nh)) {
			add_record(inv, &nh);
			continue;
		}
		/* The record's name in messages: FILE:LINE. */
		snprintf(label, sizeof(label), "%s:%llu", inv->label,
			 (unsigned long long)inv->lines);
		if (len > FLEET_LINE_MAX) {
			struct parse_error why;
			struct quoted q;

			snprintf(why.msg, sizeof(why.msg), "%s: longer than 64 KiB: not a host "
				 "record", quote(&q, label));
			if (!bad_record(inv, a, &why, err))
				break;
			continue;
		}
		if (!take_record(inv, a, label, line, len, err))
			break;
	}
	fast_close(&fast);
	free(line);
	return n < 0 && !ferror(in);
}

/* A document that is no single line (a host list, a view's output): taken whole. */
static bool read_document(FILE *in, struct inventory *inv, const struct inventory_args *a,
			  char *first, size_t first_len, struct parse_error *err)
{
	size_t len = first_len, cap = first_len + 1;
	char *buf = first;
	size_t got;
	bool ok;

	do {
		if (len + 65536 > cap) {
			cap = 2 * cap + 65536;
			buf = grow(buf, cap, 1);
		}
		got = fread(buf + len, 1, cap - len, in);
		len += got;
	} while (got);
	for (got = 0; got < len; got++)
		inv->lines += buf[got] == '\n';
	inv->lines += len && buf[len - 1] != '\n';
	ok = !ferror(in) && take_document(inv, a, buf, len, err);
	free(buf);
	return ok;
}

/*
 * A record line is a whole JSON object; the first line of a host list, or
 * of a document printed over several lines, is not.
 */
static bool is_document(const char *line, size_t len)
{
	size_t i = strspn(line, " \t\r\n");

	while (len > i && strchr(" \t\r\n", line[len - 1]))
		len--;
	return i < len && (line[i] == '[' || line[len - 1] != '}');
}

static bool read_inventory(const struct inventory_args *a, struct inventory *inv,
			   struct parse_error *err)
{
	FILE *in = strcmp(a->file, "-") ? fopen(a->file, "rb") : stdin;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	bool ok;

	inv->label = strcmp(a->file, "-") ? a->file : "stdin";
	if (!in) {
		snprintf(err->msg, sizeof(err->msg), "%s: %s", a->file, strerror(errno));
		return false;
	}
	inv->progress = isatty(STDERR_FILENO);
	/* Large reads: an inventory is read once, front to back. */
	setvbuf(in, NULL, _IOFBF, 1 << 20);
	n = getline(&line, &cap, in);
	if (n < 0) {
		free(line);
		ok = !ferror(in);
	} else if (is_document(line, (size_t)n)) {
		ok = read_document(in, inv, a, line, (size_t)n, err);
	} else {
		ok = read_lines(in, inv, a, line, (size_t)n, err);
	}
	if (ok && ferror(in))
		ok = false;
	if (!ok && !err->msg[0])
		snprintf(err->msg, sizeof(err->msg), "%s: cannot be read", inv->label);
	if (in != stdin)
		fclose(in);
	if (inv->progress && inv->records >= FLEET_PROGRESS)
		fputc('\n', stderr);
	return ok;
}

/* Offers, moves and domains */

/* A class's best offer, as 'spevirt view --best' computes it. */
struct class_offer {
	struct view_args args;
	struct view_result r;
};

struct move {
	bool possible;
	const char *field;		/* the first issue's field, or NULL */
};

struct domain {
	unsigned int members[SPEVIRT_MAX_POOL];	/* class indexes */
	unsigned int nr;
	int rank;
	uint64_t hosts;
	struct spevirt_config cfg;
	struct spevirt_pool pool;
};

struct fleet_result {
	struct inventory inv;
	struct class_offer *offers;
	struct move *matrix;		/* [from * nr_classes + to] */
	struct domain *domains;
	unsigned int nr_domains;
	bool minimal;			/* the domains are proved the fewest */
};

/* Pairwise checks (for minimality) over at most this many classes. */
#define FLEET_PAIRWISE_MAX	256

static int rank_of(const struct class_offer *o)
{
	return offer_rank(&o->r);
}

static void class_offer(const struct inventory_args *a, const struct fleet_class *c,
			struct class_offer *o)
{
	o->args = (struct view_args){ .host = c->host, .cfg = a->cfg, .best = true,
				      .pmsver_given = a->pmsver_given };
	snprintf(o->args.host_name, sizeof(o->args.host_name), "%s", c->names[0]);
	view_run(&o->args, &o->r);
}

static void class_moves(struct fleet_result *f)
{
	unsigned int n = f->inv.nr_classes, i, j;

	f->matrix = grow(NULL, (size_t)n * n, sizeof(*f->matrix));
	for (i = 0; i < n; i++) {
		const struct view_result *src = &f->offers[i].r;

		for (j = 0; j < n; j++) {
			struct move *m = &f->matrix[(size_t)i * n + j];
			struct spevirt_migration report;
			struct spevirt_view dest;
			enum spevirt_status st = SPEVIRT_E_INVAL;

			if (src->status == SPEVIRT_OK)
				st = spevirt_migrate_check(&src->view, &src->cfg,
							   &f->inv.classes[j].host, &dest, &report);
			m->possible = st == SPEVIRT_OK;
			m->field = st == SPEVIRT_E_MISMATCH && report.nr_issues ?
					   report.issues[0].field : NULL;
		}
	}
}

/* The pool of @d's members and class @extra (or none: UINT32_MAX), into @out. */
static int pool_rank(const struct fleet_result *f, const struct inventory_args *a,
		     const struct domain *d, unsigned int extra, struct domain *out)
{
	static struct spevirt_view views[SPEVIRT_MAX_POOL];
	struct spevirt_host hosts[SPEVIRT_MAX_POOL];
	unsigned int i;

	*out = *d;
	if (extra != UINT32_MAX)
		out->members[out->nr++] = extra;
	for (i = 0; i < out->nr; i++)
		hosts[i] = f->inv.classes[out->members[i]].host;
	out->cfg = a->cfg;
	if (!a->pmsver_given)
		out->cfg.pmsver = SPEVIRT_PMSVER_NI;
	if (spevirt_pool_best_offer(hosts, out->nr, &out->cfg, &out->pool, views) != SPEVIRT_OK)
		return -1;
	return config_rank(&out->cfg);
}

/* Two classes can share a domain at their own level (the same for both). */
static bool compatible(const struct fleet_result *f, const struct inventory_args *a,
		       unsigned int x, unsigned int y)
{
	struct domain one = { .members = { x }, .nr = 1 }, two;
	int rank = rank_of(&f->offers[x]);

	return rank == rank_of(&f->offers[y]) && pool_rank(f, a, &one, y, &two) == rank;
}

/*
 * A domain of @nr's classes needs them pairwise compatible, so the classes
 * of an equivalence of the compatibility relation bound the count from
 * below; when the relation is transitive and the domains reach that count,
 * they are the fewest.
 */
static bool domains_minimal(const struct fleet_result *f, const struct inventory_args *a,
			    const unsigned int *order, unsigned int nr)
{
	unsigned int i, j, k, groups = 0;
	bool *compat, minimal = true;

	if (nr > FLEET_PAIRWISE_MAX)
		return false;
	compat = grow(NULL, (size_t)nr * nr, sizeof(*compat));
	for (i = 0; i < nr; i++)
		for (j = 0; j < nr; j++)
			compat[i * nr + j] = i == j || compatible(f, a, order[i], order[j]);
	for (i = 0; i < nr && minimal; i++)
		for (j = 0; j < nr && minimal; j++)
			for (k = 0; k < nr && minimal; k++)
				minimal = !compat[i * nr + j] || !compat[j * nr + k] ||
					  compat[i * nr + k];
	/* Transitive: the groups are the sets of classes compatible with a first one. */
	for (i = 0; i < nr && minimal; i++) {
		for (j = 0; j < i && !compat[j * nr + i]; j++)
			;
		groups += j == i;
	}
	free(compat);
	return minimal && groups == f->nr_domains;
}

/* A class in the order domains take them: highest offer, then most hosts. */
struct ordered {
	int rank;
	uint64_t count;
	unsigned int index;
};

static int by_rank_then_count(const void *pa, const void *pb)
{
	const struct ordered *x = pa, *y = pb;

	if (x->rank != y->rank)
		return y->rank - x->rank;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return (int)x->index - (int)y->index;
}

/*
 * First fit, highest level first: a class joins the first domain at its own
 * level whose pool, with it, still gives that level to every member, and
 * opens a new domain when none does (or every one holds SPEVIRT_MAX_POOL).
 */
static void class_domains(struct fleet_result *f, const struct inventory_args *a)
{
	unsigned int n = f->inv.nr_classes, i, d, nr = 0, *order;
	struct ordered *sorted;

	order = grow(NULL, n ? n : 1, sizeof(*order));
	sorted = grow(NULL, n ? n : 1, sizeof(*sorted));
	for (i = 0; i < n; i++)
		if (rank_of(&f->offers[i]) >= 0)
			sorted[nr++] = (struct ordered){ rank_of(&f->offers[i]),
							 f->inv.classes[i].count, i };
	qsort(sorted, nr, sizeof(*sorted), by_rank_then_count);
	for (i = 0; i < nr; i++)
		order[i] = sorted[i].index;
	free(sorted);
	f->domains = grow(NULL, nr ? nr : 1, sizeof(*f->domains));
	for (i = 0; i < nr; i++) {
		unsigned int c = order[i];
		int rank = rank_of(&f->offers[c]);
		struct domain joined;

		for (d = 0; d < f->nr_domains; d++)
			if (f->domains[d].rank == rank && f->domains[d].nr < SPEVIRT_MAX_POOL &&
			    pool_rank(f, a, &f->domains[d], c, &joined) == rank)
				break;
		if (d == f->nr_domains)
			pool_rank(f, a, &(struct domain){ .nr = 0 }, c, &joined);
		joined.rank = rank;
		joined.hosts = (d < f->nr_domains ? f->domains[d].hosts : 0) +
			       f->inv.classes[c].count;
		f->domains[d] = joined;
		if (d == f->nr_domains)
			f->nr_domains++;
	}
	f->minimal = domains_minimal(f, a, order, nr);
	free(order);
}

static void fleet_analyse(struct fleet_result *f, const struct inventory_args *a)
{
	unsigned int i;

	f->offers = grow(NULL, f->inv.nr_classes ? f->inv.nr_classes : 1, sizeof(*f->offers));
	for (i = 0; i < f->inv.nr_classes; i++)
		class_offer(a, &f->inv.classes[i], &f->offers[i]);
	class_moves(f);
	class_domains(f, a);
}

/* Output */

static void text_offer(FILE *out, const struct class_offer *o)
{
	char line[2 * CLI_TEXT_MAX] = "";

	if (o->r.status != SPEVIRT_OK)
		check_refusal(&o->args, o->r.status, o->r.view.reason, line, sizeof(line));
	else
		check_verdict(&o->args, &o->r.cfg, &o->r.view, &o->r.why_not, line, sizeof(line));
	fputs("      ", out);
	print_wrapped(out, 6, 6, line);
}

static void text_classes(FILE *out, const struct fleet_result *f)
{
	unsigned int i, k;

	fputs("\nClasses (hosts with the same ID registers and EL3 inputs)\n", out);
	for (i = 0; i < f->inv.nr_classes; i++) {
		const struct fleet_class *c = &f->inv.classes[i];
		char line[LINE_BUF] = "";

		snprintf(line, sizeof(line), "#%u: %llu host%s, first on line %llu:", i + 1,
			 (unsigned long long)c->count, c->count == 1 ? "" : "s",
			 (unsigned long long)c->first_line);
		for (k = 0; k < c->nr_names; k++)
			snprintf(line + strlen(line), sizeof(line) - strlen(line), "%s %s",
				 k ? "," : "", c->names[k]);
		if (c->count > c->nr_names)
			snprintf(line + strlen(line), sizeof(line) - strlen(line), " ...");
		fputs("  ", out);
		print_wrapped(out, 2, 6, line);
		fprintf(out, "      DFR0 0x%016llx DFR2 0x%016llx MMFR0 0x%016llx\n"
			"      PMSIDR 0x%016llx PMBIDR 0x%016llx el3_disabled 0x%x\n",
			(unsigned long long)c->host.id_aa64dfr0_el1,
			(unsigned long long)c->host.id_aa64dfr2_el1,
			(unsigned long long)c->host.id_aa64mmfr0_el1,
			(unsigned long long)c->host.pmsidr_el1,
			(unsigned long long)c->host.pmbidr_el1, (unsigned int)c->host.el3_disabled);
		text_offer(out, &f->offers[i]);
	}
}

/* The fields that stop moves, each once, numbered for the grid. */
static unsigned int field_index(const char **fields, unsigned int *n, const char *field)
{
	unsigned int i;

	for (i = 0; i < *n && strcmp(fields[i], field); i++)
		;
	if (i == *n)
		fields[(*n)++] = field;
	return i + 1;
}

static void text_matrix(FILE *out, const struct fleet_result *f)
{
	unsigned int n = f->inv.nr_classes, i, j, nr_fields = 0;
	const char **fields = grow(NULL, (size_t)n * n + 1, sizeof(*fields));

	fputs("\nMoves (row: the class a guest runs on, at its offer; column: the class\n"
	      "it moves to; ok, or the number of the field that stops it)\n      ", out);
	for (j = 0; j < n; j++)
		fprintf(out, " %4s%u", "#", j + 1);
	fputc('\n', out);
	for (i = 0; i < n; i++) {
		fprintf(out, "  #%-3u", i + 1);
		for (j = 0; j < n; j++) {
			const struct move *m = &f->matrix[(size_t)i * n + j];

			if (m->possible)
				fprintf(out, " %5s", "ok");
			else if (m->field)
				fprintf(out, " %5u", field_index(fields, &nr_fields, m->field));
			else
				fprintf(out, " %5s", "-");
		}
		fputc('\n', out);
	}
	for (i = 0; i < nr_fields; i++)
		fprintf(out, "  %u: %s\n", i + 1, fields[i]);
	free(fields);
}

static void text_domains(FILE *out, const struct fleet_result *f)
{
	unsigned int d, k;

	char head[LINE_BUF];

	snprintf(head, sizeof(head), "Migration domains: %u (%s)", f->nr_domains,
		 f->minimal ? "the fewest: compatibility is transitive and each group is one "
			      "domain" : "first fit; not proved the fewest");
	fputc('\n', out);
	print_wrapped(out, 0, 2, head);
	for (d = 0; d < f->nr_domains; d++) {
		const struct domain *dom = &f->domains[d];
		const char *name = pmsver_name(dom->cfg.pmsver);
		char line[LINE_BUF];

		snprintf(line, sizeof(line), "D%u: %s%s, %llu host%s, class%s", d + 1,
			 name ? name : "?", dom->cfg.spe_nvm ? " with SPE_nVM" : "",
			 (unsigned long long)dom->hosts, dom->hosts == 1 ? "" : "s",
			 dom->nr == 1 ? "" : "es");
		for (k = 0; k < dom->nr; k++)
			snprintf(line + strlen(line), sizeof(line) - strlen(line), "%s #%u",
				 k ? "," : "", dom->members[k] + 1);
		fputs("  ", out);
		print_wrapped(out, 2, 6, line);
		if (dom->cfg.pmsver)
			fprintf(out, "      presents PMSIDR_EL1 0x%016llx, PMBIDR_EL1 0x%016llx\n",
				(unsigned long long)dom->pool.pmsidr_el1,
				(unsigned long long)dom->pool.pmbidr_el1);
		if (dom->pool.reason) {
			char words[CLI_TEXT_MAX];

			cli_words(dom->pool.reason, words, sizeof(words));
			fprintf(out, "      limited by class #%u: ", dom->members[dom->pool.host] + 1);
			print_wrapped(out, 27, 6, words);
		}
	}
}

static void text_fleet(FILE *out, const struct fleet_result *f)
{
	unsigned int i;

	fprintf(out, "Fleet %s: %llu records in %llu line(s), %u classes, %llu bad records\n",
		f->inv.label, (unsigned long long)f->inv.records,
		(unsigned long long)f->inv.lines, f->inv.nr_classes,
		(unsigned long long)f->inv.bad);
	for (i = 0; i < f->inv.bad && i < FLEET_ERRORS_KEPT; i++) {
		fputs("  skipped: ", out);
		print_wrapped(out, 11, 4, f->inv.errors[i]);
	}
	text_classes(out, f);
	text_matrix(out, f);
	text_domains(out, f);
}

static void json_offer(struct json *j, const struct class_offer *o)
{
	const struct view_result *r = &o->r;
	unsigned int i;

	json_object(j, "offer");
	json_status_members(j, r->status);
	json_str(j, "reason", r->view.reason);
	json_uint(j, "pmsver", r->cfg.pmsver);
	json_str(j, "pmsver_name", pmsver_name(r->cfg.pmsver));
	json_uint(j, "spe_nvm", r->cfg.spe_nvm);
	json_uint(j, "max_buffer_size", r->cfg.max_buffer_size);
	json_array(j, "leaks");
	for (i = 0; spevirt_leak_name(i); i++)
		if (r->status == SPEVIRT_OK && (r->view.leaks & (1ULL << i)))
			json_str(j, NULL, spevirt_leak_name(i));
	json_end_array(j);
	json_str(j, "refused", r->why_not.refusal ? pmsver_name(r->why_not.refusal->pmsver) :
						    NULL);
	json_str(j, "refused_reason", r->why_not.refusal ? r->why_not.refusal->reason : NULL);
	json_end_object(j);
}

static void json_classes(struct json *j, const struct fleet_result *f)
{
	unsigned int i, k;

	json_array(j, "classes");
	for (i = 0; i < f->inv.nr_classes; i++) {
		const struct fleet_class *c = &f->inv.classes[i];

		json_object(j, NULL);
		json_uint(j, "id", i + 1);
		json_uint(j, "count", c->count);
		json_uint(j, "first_line", c->first_line);
		json_array(j, "names");
		for (k = 0; k < c->nr_names; k++)
			json_str(j, NULL, c->names[k]);
		json_end_array(j);
		json_object(j, "host");
		json_host_members(j, &c->host);
		json_end_object(j);
		json_offer(j, &f->offers[i]);
		json_end_object(j);
	}
	json_end_array(j);
}

static void json_matrix(struct json *j, const struct fleet_result *f)
{
	unsigned int n = f->inv.nr_classes, i, k;

	json_array(j, "matrix");
	for (i = 0; i < n; i++) {
		json_array(j, NULL);
		for (k = 0; k < n; k++) {
			const struct move *m = &f->matrix[(size_t)i * n + k];

			json_object(j, NULL);
			json_bool(j, "possible", m->possible);
			json_str(j, "field", m->field);
			json_end_object(j);
		}
		json_end_array(j);
	}
	json_end_array(j);
}

static void json_domains(struct json *j, const struct fleet_result *f)
{
	unsigned int d, k;

	json_bool(j, "domains_minimal", f->minimal);
	json_array(j, "domains");
	for (d = 0; d < f->nr_domains; d++) {
		const struct domain *dom = &f->domains[d];

		json_object(j, NULL);
		json_uint(j, "id", d + 1);
		json_array(j, "classes");
		for (k = 0; k < dom->nr; k++)
			json_uint(j, NULL, dom->members[k] + 1);
		json_end_array(j);
		json_uint(j, "hosts", dom->hosts);
		json_config_level(j, &dom->cfg);
		json_uint(j, "spe_nvm", dom->cfg.spe_nvm);
		json_object(j, "guest");
		json_reg(j, "PMSIDR_EL1", dom->pool.pmsidr_el1);
		json_reg(j, "PMBIDR_EL1", dom->pool.pmbidr_el1);
		json_end_object(j);
		if (dom->pool.reason) {
			json_object(j, "limited_by");
			json_uint(j, "class", dom->members[dom->pool.host] + 1);
			json_str(j, "reason", dom->pool.reason);
			json_end_object(j);
		} else {
			json_null(j, "limited_by");
		}
		json_end_object(j);
	}
	json_end_array(j);
}

static void json_fleet(FILE *out, const struct fleet_result *f)
{
	struct json j;
	unsigned int i;

	json_begin_command(&j, out, "fleet");
	json_str(&j, "input", f->inv.label);
	json_uint(&j, "lines", f->inv.lines);
	json_uint(&j, "records", f->inv.records);
	json_uint(&j, "bad_records", f->inv.bad);
	json_array(&j, "errors");
	for (i = 0; i < f->inv.bad && i < FLEET_ERRORS_KEPT; i++)
		json_str(&j, NULL, f->inv.errors[i]);
	json_end_array(&j);
	json_classes(&j, f);
	json_matrix(&j, f);
	json_domains(&j, f);
	json_end(&j);
}

int cmd_fleet(int argc, char *const argv[])
{
	static struct fleet_result f;
	struct inventory_args a;
	struct parse_error err = { .msg = "" };

	if (!parse_fleet_args(argc, argv, &a, &err))
		return usage_error(CMD_FLEET, argc, argv, &err);
	if (a.help)
		return show_help(CMD_FLEET);
	if (!read_inventory(&a, &f.inv, &err))
		return usage_error(CMD_FLEET, argc, argv, &err);
	fleet_analyse(&f, &a);
	if (a.json)
		json_fleet(stdout, &f);
	else
		text_fleet(stdout, &f);
	return finish(f.inv.bad ? EXIT_REFUSED : EXIT_OK);
}
