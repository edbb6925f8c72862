// SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
/*
 * The guest driver model.  Each rule below is a driver's, read in its
 * source; docs/guests.md gives, per rule, the file, function and version.
 */
#include <stddef.h>

#include "guest_model.h"
#include "presets.h"

#define LINUX_PROBE	(GUEST_CHECKS_PMSVER | GUEST_CHECKS_MAXSIZE | GUEST_REFUSES_KPTI | \
			 GUEST_READS_FEATURES)
#define LINUX_STABLE	(LINUX_PROBE | GUEST_PROBES_PMSEVFR | GUEST_KNOWS_V1P2 | \
			 GUEST_PERIOD_FLOOR_256)

static const struct guest_driver drivers[NR_GUEST_DRIVERS] = {
	{ "linux-6.1", "Linux 6.1 LTS",
	  "drivers/perf/arm_spe_pmu.c of Debian's linux-source-6.1", false, LINUX_PROBE },
	{ "linux-6.18", "Linux 6.18 stable: FnE, EFT, discard, the PMSEVFR_EL1 probe",
	  "drivers/perf/arm_spe_pmu.c of linux-6.18.y @6c3dcfd", false, LINUX_STABLE },
	{ "linux-fds", "Linux with FEAT_SPE_FDS (data-source filter, 2025-11)",
	  "\"perf: arm_spe: Add support for filtering on data source\" (v9, 2025-10) on 6.18",
	  false, LINUX_STABLE | GUEST_KNOWS_FDS },
	{ "linux-den0154", "proposed: \"perf: arm_spe: Add support for SPE VM interface\" "
	  "(2025-07, for Arm DEN0154), on 6.18",
	  "the patch's setup_aux() and arm_spe_decode_buf_size()", true,
	  LINUX_STABLE | GUEST_READS_MAXBUFFSIZE },
	{ "freebsd", "FreeBSD's sys/arm64/spe (hwt(4) backend)",
	  "sys/arm64/spe/arm_spe_dev.c and arm_spe_backend.c @0dcfecbf, arm_spe_acpi.c @bc0f7b93",
	  false, GUEST_HALF_BUFFERS },
};

const struct guest_driver *guest_driver_get(unsigned int index)
{
	return index < NR_GUEST_DRIVERS ? &drivers[index] : NULL;
}

const struct guest_driver *guest_driver_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < NR_GUEST_DRIVERS; i++)
		if (name_equal(drivers[i].name, name))
			return &drivers[i];
	return NULL;
}

const char *guest_feature_name(enum guest_feature f)
{
	static const char *const names[NR_GUEST_FEATURES] = {
		[GF_FE] = "FE", [GF_FT] = "FT", [GF_FL] = "FL", [GF_ARCHINST] = "ArchInst",
		[GF_LDS] = "LDS", [GF_ERND] = "ERnd", [GF_FNE] = "FnE", [GF_DISCARD] = "discard",
		[GF_EFT] = "EFT", [GF_FDS] = "FDS",
	};

	return (unsigned int)f < NR_GUEST_FEATURES ? names[f] : NULL;
}

const char *guest_limit_name(enum guest_limit l)
{
	switch (l) {
	case GUEST_LIMIT_NONE:
		return "none";
	case GUEST_LIMIT_REFUSED_AT_SETUP:
		return "refused-at-setup";
	default:
		return "fatal-above-limit";
	}
}

const char *guest_firmware_name(enum guest_firmware f)
{
	switch (f) {
	case GUEST_FW_SPE_PPI:
		return "spe-ppi";
	case GUEST_FW_NONE_NEEDED:
		return "none";
	default:
		return "must-not-describe";
	}
}

#define FIELD(v, f)	((unsigned int)(((v) & SPEVIRT_##f) >> SPEVIRT_##f##_SHIFT))

/* PMSIDR_EL1 feature bits in the order both drivers test them. */
static const struct {
	uint64_t bit;
	enum guest_feature feature;
	unsigned int needs;		/* the GUEST_* rule that knows it, or 0 */
} pmsidr_features[] = {
	{ SPEVIRT_PMSIDR_EL1_FE, GF_FE, 0 },
	{ SPEVIRT_PMSIDR_EL1_FNE, GF_FNE, GUEST_KNOWS_V1P2 },
	{ SPEVIRT_PMSIDR_EL1_FT, GF_FT, 0 },
	{ SPEVIRT_PMSIDR_EL1_FL, GF_FL, 0 },
	{ SPEVIRT_PMSIDR_EL1_ARCHINST, GF_ARCHINST, 0 },
	{ SPEVIRT_PMSIDR_EL1_LDS, GF_LDS, 0 },
	{ SPEVIRT_PMSIDR_EL1_ERND, GF_ERND, 0 },
	{ SPEVIRT_PMSIDR_EL1_EFT, GF_EFT, GUEST_KNOWS_V1P2 },
	{ SPEVIRT_PMSIDR_EL1_FDS, GF_FDS, GUEST_KNOWS_FDS },
};

#define NR_PMSIDR_FEATURES	(sizeof(pmsidr_features) / sizeof(pmsidr_features[0]))

/*
 * The drivers' Interval look-up: the recommended minimum sampling interval;
 * a reserved value is taken as 4096 (Linux warns "assuming 8").
 */
static unsigned int min_interval(unsigned int interval)
{
	static const unsigned int table[] = { 256, 4096, 512, 768, 1024, 1536, 2048, 3072, 4096 };

	return interval < sizeof(table) / sizeof(table[0]) ? table[interval] : 4096;
}

static uint32_t features(const struct guest_driver *d, uint64_t pmsidr, unsigned int pmsver)
{
	uint32_t f = 0;
	unsigned int i;

	for (i = 0; i < NR_PMSIDR_FEATURES; i++)
		if ((pmsidr & pmsidr_features[i].bit) &&
		    (!pmsidr_features[i].needs || (d->rules & pmsidr_features[i].needs)))
			f |= 1U << pmsidr_features[i].feature;
	/* Discard follows PMSVer alone, not a PMSIDR_EL1 bit. */
	if ((d->rules & GUEST_KNOWS_V1P2) && pmsver >= SPEVIRT_PMSVER_V1P2)
		f |= 1U << GF_DISCARD;
	return f;
}

/* What the firmware tables must say: only a guest with SPE gets the PPI. */
static void firmware(const struct guest_driver *d, unsigned int pmsver, struct guest_verdict *out)
{
	if (pmsver) {
		out->firmware = GUEST_FW_SPE_PPI;
		out->firmware_text = "the SPE overflow PPI: ACPI MADT GICC SpeInterrupt, the same "
				     "non-zero value for every CPU, or a DT node compatible with "
				     "\"arm,statistical-profiling-extension-v1\"";
	} else if (d->rules & GUEST_CHECKS_PMSVER) {
		out->firmware = GUEST_FW_NONE_NEEDED;
		out->firmware_text = "no SPE interrupt: if one is described, the driver stops at "
				     "PMSVer 0 and logs the refusal";
	} else {
		out->firmware = GUEST_FW_MUST_NOT;
		out->firmware_text = "no SPE interrupt, ever: the driver attaches from the tables "
				     "alone and reads PMBIDR_EL1, which UNDEFs, so the guest "
				     "crashes at boot";
	}
}

/* Conditions outside SPE: the kernel must not run KPTI. */
static void needs(const struct guest_driver *d, struct guest_verdict *out)
{
	if (!(d->rules & GUEST_REFUSES_KPTI))
		return;
	out->needs[out->nr_needs++] = "ID_AA64PFR0_EL1.CSV3 = 1, else the kernel runs KPTI and "
				      "the driver does not probe (kpti=off overrides)";
	out->needs[out->nr_needs++] = "with KASLR, ID_AA64MMFR2_EL1.E0PD non-zero, else KASLR "
				      "turns KPTI on (nokaslr or kpti=off overrides)";
}

static void buffer_limit(const struct guest_driver *d, const struct spevirt_view *v,
			 struct guest_verdict *out)
{
	uint64_t limit = v->max_buffer_size;

	if (!limit)
		return;
	/* A driver that reads MaxBuffSize refuses what it sees; an unadvertised limit it cannot. */
	if ((d->rules & GUEST_READS_MAXBUFFSIZE) && v->limit_advertised)
		out->buffer_limit = GUEST_LIMIT_REFUSED_AT_SETUP;
	else
		out->buffer_limit = GUEST_LIMIT_FATAL_ABOVE;
	/* Each SPE buffer is one half of a FreeBSD trace buffer. */
	out->largest_buffer = (d->rules & GUEST_HALF_BUFFERS) ? 2 * limit : limit;
}

static const char *event_filter(const struct guest_driver *d, const struct spevirt_view *v)
{
	if (d->rules & GUEST_PROBES_PMSEVFR)
		return (v->leaks & SPEVIRT_LEAK_FILTER_BITS) ?
			       "probed: it writes ones to PMSEVFR_EL1 and reads back the host's "
			       "bits, since the register is untrapped while the view hides "
			       "filter bits (leak FILTER_BITS)" :
			       "probed: it writes ones to PMSEVFR_EL1 and reads back the view's "
			       "bits";
	if (d->rules & GUEST_CHECKS_PMSVER)
		return "from its table for PMSVer (the Armv8.2 bits for IMP, the Armv8.3 bits "
		       "above): no register is read";
	return "not read: it programs all ones as its default filter";
}

/* A refusal at probe: nothing derived is kept. */
static void refuse(struct guest_verdict *out, const char *why)
{
	out->features = 0;
	out->min_interval = 0;
	out->period_floor = 0;
	out->max_record_size = 0;
	out->align = 0;
	out->counter_size = 0;
	out->refusal = why;
}

static bool probe_buffer(const struct guest_driver *d, uint64_t pmbidr, struct guest_verdict *out)
{
	bool linux_rules = d->rules & GUEST_CHECKS_PMSVER;

	if (pmbidr & SPEVIRT_PMBIDR_EL1_P) {
		refuse(out, linux_rules ? "profiling buffer owned by higher exception level" :
					  "Profiling Buffer is owned by a higher Exception level");
		return false;
	}
	out->align = 1U << FIELD(pmbidr, PMBIDR_EL1_ALIGN);
	if (out->align > 2048) {
		refuse(out, linux_rules ? "unsupported PMBIDR.Align" :
					  "Invalid PMBIDR.Align value");
		return false;
	}
	return true;
}

static bool probe_sampling(const struct guest_driver *d, uint64_t pmsidr, unsigned int pmsver,
			   struct guest_verdict *out)
{
	out->min_interval = min_interval(FIELD(pmsidr, PMSIDR_EL1_INTERVAL));
	out->period_floor = (d->rules & GUEST_PERIOD_FLOOR_256) ? 256 : out->min_interval;
	/* FreeBSD reads PMSIDR_EL1 for the Interval alone. */
	if (!(d->rules & GUEST_READS_FEATURES))
		return true;
	out->features = features(d, pmsidr, pmsver);
	out->max_record_size = 1U << FIELD(pmsidr, PMSIDR_EL1_MAXSIZE);
	if ((d->rules & GUEST_CHECKS_MAXSIZE) &&
	    (out->max_record_size < 16 || out->max_record_size > 2048)) {
		refuse(out, "unsupported PMSIDR_EL1.MaxSize");
		return false;
	}
	/* CountSize 0b0011 is 16 bits; any other value is taken as 12. */
	out->counter_size = FIELD(pmsidr, PMSIDR_EL1_COUNTSIZE) == 3 ? 16 : 12;
	return true;
}

void guest_model(const struct guest_driver *d, const struct spevirt_view *view,
		 struct guest_verdict *out)
{
	unsigned int pmsver = FIELD(view->id_aa64dfr0_el1.value, ID_AA64DFR0_EL1_PMSVER);

	*out = (struct guest_verdict){ .driver = d };
	firmware(d, pmsver, out);
	if (!pmsver) {
		refuse(out, (d->rules & GUEST_CHECKS_PMSVER) ?
				    "unsupported ID_AA64DFR0_EL1.PMSVer [0]" :
				    "not attached: without an SPE interrupt in the tables there "
				    "is no device");
		return;
	}
	if (!probe_buffer(d, view->pmbidr_el1, out) ||
	    !probe_sampling(d, view->pmsidr_el1, pmsver, out))
		return;
	out->event_filter = event_filter(d, view);
	buffer_limit(d, view, out);
	needs(d, out);
	out->probes = true;
}
