// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * JSON output.  docs/cli-json.md documents every member; a change to the
 * members written here needs a change there, and an incompatible one a new
 * CLI_JSON_SCHEMA_VERSION.
 */
#include "decode.h"
#include "explain.h"
#include "guests.h"
#include "json.h"
#include "output.h"

#define NOTE_BUF	64

void json_begin_command(struct json *j, FILE *out, const char *command)
{
	json_begin(j, out);
	json_uint(j, "schema_version", CLI_JSON_SCHEMA_VERSION);
	json_str(j, "command", command);
}

static void field_members(struct json *j, const struct spevirt_reg_desc *reg,
			  const struct field_value *fv)
{
	char note[NOTE_BUF];

	json_str(j, "name", fv->desc->name);
	json_uint(j, "msb", fv->msb);
	json_uint(j, "lsb", fv->lsb);
	json_str(j, "kind", field_kind_name(fv->desc->kind));
	json_hex(j, "value", fv->value);
	json_str(j, "value_name", fv->value_name);
	json_bool(j, "reserved", fv->reserved);
	json_bool(j, "above_known", fv->above_known);
	json_str(j, "note", field_note(reg, fv, note, sizeof(note)) ? note : NULL);
}

static void field_object(struct json *j, const struct spevirt_reg_desc *reg,
			 const struct field_value *fv)
{
	json_object(j, NULL);
	field_members(j, reg, fv);
	json_end_object(j);
}

/* Every range of @reg that overlaps @mask, from bit 63 down. */
static void field_list(struct json *j, const struct spevirt_reg_desc *reg, uint64_t value,
		   uint64_t mask)
{
	struct field_value fv;
	uint32_t i;

	json_array(j, "fields");
	for (i = 0; reg && i < reg->nr_fields; i++) {
		field_decode(&reg->fields[i], value, &fv);
		if (field_mask(fv.desc) & mask)
			field_object(j, reg, &fv);
	}
	json_end_array(j);
}

/* The bits of a fine-grained trap register: each field, whether it traps, why. */
static void fgt_field_list(struct json *j, const struct spevirt_reg_desc *reg,
			   const struct view_reg *vr, const struct spevirt_view *v)
{
	struct field_value fv;
	uint32_t i;

	json_array(j, "fields");
	for (i = 0; i < reg->nr_fields; i++) {
		bool traps;

		field_decode(&reg->fields[i], vr->value, &fv);
		if (!(field_mask(fv.desc) & vr->mask))
			continue;
		traps = fgt_bit_traps(fv.desc->name, fv.value);
		json_object(j, NULL);
		field_members(j, reg, &fv);
		json_bool(j, "traps", traps);
		json_str(j, "why", fgt_bit_why(v, vr->name, fv.desc->name, traps));
		json_end_object(j);
	}
	json_end_array(j);
}

static void view_reg_object(struct json *j, const struct view_reg *vr,
			    const struct spevirt_view *v)
{
	const struct spevirt_reg_desc *reg = spevirt_reg_find(vr->name);

	json_object(j, vr->name);
	if (vr->is_regmask)
		json_reg(j, "mask", vr->mask);
	json_reg(j, "value", vr->value);
	if (reg && vr->is_regmask && is_fgt_reg(reg->name))
		fgt_field_list(j, reg, vr, v);
	else
		field_list(j, reg, vr->value, vr->mask);
	json_end_object(j);
}

void json_host_members(struct json *j, const struct spevirt_host *host)
{
	unsigned int r;

	json_object(j, "registers");
	for (r = 0; r < NR_HOST_REGS; r++)
		json_reg(j, host_reg_desc((enum host_reg)r)->name,
			 host_reg_get(host, (enum host_reg)r));
	json_end_object(j);
	json_array(j, "el3_disabled");
	for (r = 0; r < NR_EL3_BITS; r++)
		if (host->el3_disabled & el3_desc(r)->flag)
			json_str(j, NULL, el3_desc(r)->name);
	json_end_array(j);
}

static void host_object(struct json *j, const struct view_args *a)
{
	unsigned int r;

	json_object(j, "host");
	json_str(j, "name", a->host_name);
	if (a->preset)
		json_str(j, "preset", a->preset->name);
	else
		json_null(j, "preset");
	if (a->host_file)
		json_str(j, "file", a->host_file);
	else
		json_null(j, "file");
	json_array(j, "given");
	for (r = 0; r < NR_HOST_REGS; r++)
		if (a->given & (1U << r))
			json_str(j, NULL, host_reg_desc((enum host_reg)r)->name);
	json_end_array(j);
	json_host_members(j, &a->host);
	json_end_object(j);
}

static const char *pmsver_source(const struct view_args *a)
{
	if (a->best)
		return "best";
	return a->pmsver_given ? "option" : "host";
}

void json_config_level(struct json *j, const struct spevirt_config *cfg)
{
	json_str(j, "profile", profile_name(cfg->profile));
	json_uint(j, "pmsver", cfg->pmsver);
	json_str(j, "pmsver_name", pmsver_name(cfg->pmsver));
}

void json_config_rest(struct json *j, const struct spevirt_config *cfg)
{
	unsigned int i;

	json_uint(j, "spe_nvm", cfg->spe_nvm);
	json_uint(j, "max_buffer_size", cfg->max_buffer_size);
	json_array(j, "flags");
	for (i = 0; i < NR_FLAGS; i++)
		if (cfg->flags & flag_desc(i)->flag)
			json_str(j, NULL, flag_desc(i)->name);
	json_end_array(j);
	json_array(j, "accepted_leaks");
	for (i = 0; spevirt_leak_name(i); i++)
		if (cfg->accepted_leaks & (1ULL << i))
			json_str(j, NULL, spevirt_leak_name(i));
	json_end_array(j);
}

static void config_object(struct json *j, const struct view_result *r)
{
	json_object(j, "config");
	json_config_level(j, &r->cfg);
	json_str(j, "pmsver_source", pmsver_source(r->args));
	if (r->args->best && r->args->pmsver_given)
		json_uint(j, "pmsver_bound", r->args->cfg.pmsver);
	else
		json_null(j, "pmsver_bound");
	json_config_rest(j, &r->cfg);
	json_bool(j, "best", r->args->best);
	json_str(j, "buffer_choice", r->buffer_choice == BUFFER_GIVEN ? NULL :
				     r->buffer_choice == BUFFER_LIMIT ? "limit" : "pinned-memory");
	json_end_object(j);
}

void json_status_members(struct json *j, enum spevirt_status status)
{
	json_str(j, "status", status_name(status));
	json_uint(j, "status_code", (uint64_t)status);
	json_str(j, "status_text", spevirt_strerror(status));
}

static void register_objects(struct json *j, const struct spevirt_view *v)
{
	struct view_reg guest[NR_GUEST_REGS], traps[NR_TRAP_REGS];
	unsigned int i;

	view_guest_regs(v, guest);
	view_trap_regs(v, traps);
	json_object(j, "guest");
	for (i = 0; i < NR_GUEST_REGS; i++)
		view_reg_object(j, &guest[i], v);
	json_end_object(j);
	json_object(j, "traps");
	for (i = 0; i < NR_TRAP_REGS; i++)
		view_reg_object(j, &traps[i], v);
	json_end_object(j);
}

static void access_table(struct json *j, const struct spevirt_view *v)
{
	struct access_row rows[SPEVIRT_NR_SPE_SLOTS];
	unsigned int i, n = view_access(v, rows);
	char enc[SYSREG_NAME_BUF];

	json_array(j, "access");
	for (i = 0; i < n; i++) {
		sysreg_name(rows[i].reg->encoding, enc, sizeof(enc));
		json_object(j, NULL);
		json_str(j, "register", rows[i].reg->name);
		json_str(j, "sysreg", enc);
		json_hex(j, "encoding", rows[i].reg->encoding);
		json_str(j, "read", access_name(rows[i].read));
		json_str(j, "write", access_name(rows[i].write));
		json_bool(j, "read_trapped", spevirt_access_trapped(v, rows[i].reg->encoding, false));
		json_bool(j, "write_trapped", spevirt_access_trapped(v, rows[i].reg->encoding, true));
		json_end_object(j);
	}
	json_end_array(j);
}

static unsigned int bit_index(uint64_t bit)
{
	unsigned int i = 0;

	while (bit > 1) {
		bit >>= 1;
		i++;
	}
	return i;
}

static void leak_list(struct json *j, const struct spevirt_view *v)
{
	struct leak_desc l;
	unsigned int i;

	json_array(j, "leaks");
	for (i = 0; leak_desc(i, &l); i++) {
		if (!(v->leaks & l.bit))
			continue;
		json_object(j, NULL);
		json_str(j, "name", l.name);
		json_uint(j, "bit", bit_index(l.bit));
		json_str(j, "meaning", l.meaning);
		json_end_object(j);
	}
	json_end_array(j);
	json_reg(j, "leak_bits", v->leaks);
}

static void el2_list(struct json *j, const struct spevirt_view *v)
{
	struct el2_field f[NR_EL2_FIELDS];
	unsigned int i, n = view_el2_fields(v, f);

	json_array(j, "el2_fields");
	for (i = 0; i < n; i++) {
		json_object(j, NULL);
		json_str(j, "register", f[i].reg);
		json_str(j, "field", f[i].field);
		json_uint(j, "msb", f[i].msb);
		json_uint(j, "lsb", f[i].lsb);
		json_hex(j, "value", f[i].value);
		json_str(j, "why", f[i].why);
		json_end_object(j);
	}
	json_end_array(j);
}

static void context_list(struct json *j, const struct spevirt_view *v)
{
	uint32_t regs[SPEVIRT_NR_SPE_SLOTS];
	unsigned int i, n = spevirt_context_regs(v, regs);
	const struct spevirt_reg_desc *reg;

	json_array(j, "context_switch");
	for (i = 0; i < n; i++) {
		reg = reg_by_encoding(regs[i]);
		json_str(j, NULL, reg ? reg->name : NULL);
	}
	json_end_array(j);
}

void json_view_object(struct json *j, const char *key, const struct spevirt_view *v)
{
	json_object(j, key);
	register_objects(j, v);
	el2_list(j, v);
	context_list(j, v);
	json_object(j, "buffer");
	json_uint(j, "max_buffer_size", v->max_buffer_size);
	json_bool(j, "limit_advertised", v->limit_advertised);
	json_end_object(j);
	access_table(j, v);
	leak_list(j, v);
	json_end_object(j);
}

/* --best: every level tried, why the one the host could give was refused, what would help. */
static void why_not_object(struct json *j, const struct view_result *r)
{
	const struct why_not *w = &r->why_not;
	unsigned int i;

	json_object(j, "why_not");
	json_array(j, "attempts");
	for (i = 0; i < r->report.nr_attempts; i++) {
		const struct spevirt_attempt *a = &r->report.attempts[i];

		json_object(j, NULL);
		json_str(j, "pmsver", pmsver_name(a->pmsver));
		json_uint(j, "spe_nvm", a->spe_nvm);
		json_str(j, "status", status_name(a->status));
		json_str(j, "reason", a->reason);
		json_end_object(j);
	}
	json_end_array(j);
	json_str(j, "refused", w->refusal ? pmsver_name(w->refusal->pmsver) : NULL);
	json_str(j, "refused_reason", w->refusal ? w->refusal->reason : NULL);
	json_array(j, "hints");
	for (i = 0; i < w->nr_hints; i++) {
		json_object(j, NULL);
		json_str(j, "change", w->hints[i].change);
		json_str(j, "pmsver", pmsver_name(w->hints[i].pmsver));
		json_end_object(j);
	}
	json_end_array(j);
	json_end_object(j);
}

/* 'view' and 'check': check adds its verdict, spe and the one line it prints. */
static void view_document(FILE *out, const struct view_result *r, bool check)
{
	char line[2 * CLI_TEXT_MAX];
	struct json j;

	json_begin_command(&j, out, check ? "check" : "view");
	if (check) {
		bool spe = r->status == SPEVIRT_OK && r->cfg.pmsver != SPEVIRT_PMSVER_NI;

		if (spe && r->args->guest)
			spe = guest_uses_spe(&r->guest);
		json_bool(&j, "spe", spe);
		if (r->status == SPEVIRT_OK) {
			check_verdict(r->args, &r->cfg, &r->view, &r->why_not, line, sizeof(line));
			check_clauses(r, line, sizeof(line));
			json_str(&j, "verdict", line);
		} else {
			check_refusal(r->args, r->status, r->view.reason, line, sizeof(line));
			json_str(&j, "verdict", line);
		}
	}
	host_object(&j, r->args);
	config_object(&j, r);
	json_status_members(&j, r->status);
	json_str(&j, "reason", r->view.reason);
	if (r->args->best)
		why_not_object(&j, r);
	else
		json_null(&j, "why_not");
	if (r->args->guest && r->status == SPEVIRT_OK)
		json_guest_verdict(&j, "guest", &r->guest);
	else
		json_null(&j, "guest");
	if (r->status == SPEVIRT_OK)
		json_view_object(&j, "view", &r->view);
	else
		json_null(&j, "view");
	json_end(&j);
}

void json_view(FILE *out, const struct view_result *r)
{
	view_document(out, r, false);
}

void json_check(FILE *out, const struct view_result *r)
{
	view_document(out, r, true);
}

void json_decode(FILE *out, const struct spevirt_reg_desc *reg, uint64_t value)
{
	char enc[SYSREG_NAME_BUF];
	struct json j;

	sysreg_name(reg->encoding, enc, sizeof(enc));
	json_begin_command(&j, out, "decode");
	json_str(&j, "register", reg->name);
	json_str(&j, "sysreg", enc);
	json_hex(&j, "encoding", reg->encoding);
	json_reg(&j, "value", value);
	json_reg(&j, "res0_set", value & reg->res0);
	json_reg(&j, "res1_clear", ~value & reg->res1);
	field_list(&j, reg, value, ~0ULL);
	json_end(&j);
}

static void preset_object(struct json *j, const struct preset *p)
{
	const char *const *rule;
	unsigned int r;

	json_object(j, NULL);
	json_str(j, "name", p->name);
	json_str(j, "title", p->title);
	json_bool(j, "default", p == preset_default());
	json_object(j, "registers");
	for (r = 0; r < NR_HOST_REGS; r++)
		json_reg(j, host_reg_desc((enum host_reg)r)->name,
			 host_reg_get(&p->host, (enum host_reg)r));
	json_end_object(j);
	json_array(j, "rules");
	for (rule = p->rules; *rule; rule++)
		json_str(j, NULL, *rule);
	json_end_array(j);
	json_end_object(j);
}

void json_presets(FILE *out)
{
	struct json j;
	unsigned int i;

	json_begin_command(&j, out, "presets");
	json_str(&j, "default", preset_default()->name);
	json_array(&j, "presets");
	for (i = 0; i < preset_count(); i++)
		preset_object(&j, preset_get(i));
	json_end_array(&j);
	json_end(&j);
}

void json_usage_error(FILE *out, const char *command, const char *msg)
{
	struct json j;

	json_begin_command(&j, out, command);
	json_str(&j, "status", "USAGE");
	json_str(&j, "error", msg);
	json_end(&j);
}

void json_encode_size(FILE *out, uint64_t bytes, bool exact, uint16_t field, const char *why)
{
	struct json j;

	json_begin_command(&j, out, "encode-size");
	json_uint(&j, "bytes", bytes);
	json_str(&j, "status", exact ? "OK" : "E_BUFSIZE");
	if (exact)
		json_hex(&j, "field", field);
	else
		json_null(&j, "field");
	json_str(&j, "reason", why);
	json_end(&j);
}

void json_decode_size(FILE *out, uint16_t field, uint64_t bytes, uint16_t ignored)
{
	struct json j;

	json_begin_command(&j, out, "decode-size");
	json_hex(&j, "field", field);
	json_uint(&j, "bytes", bytes);
	json_hex(&j, "ignored_bits", ignored);
	json_end(&j);
}
