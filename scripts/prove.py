#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""Run Frama-C's EVA on every proof driver in formal/, WP on formal/wp/, and report.

Every public entry point of lib/ has a driver (formal/*.c, functions fv_*)
that gives it inputs with every value their C type allows.  The sources are
parsed once; each driver is then analysed on its own, two at a time.  One
line per entry point (alarms, statements reached, CPU seconds), then one line
per named property with its status.  Exit status 1 on any alarm, any
property not Valid, any property no driver reaches, or any Frama-C failure.

WP proves what relates several inputs bit by bit, which EVA's non-relational
domains cannot: formal/wp/*.h give the contracts of lib/ functions (static
ones too: each header is read right after its lib/ file), formal/wp/loops.h
the loop annotations, which the script writes into its copy of the lib/
file, formal/wp/*.c the drivers whose named assertions are the properties.
Every contract WP relies on is proved in the same run, so a property's
status is Valid only when all of them are.

Usage: prove.py [BUILD_DIR [ENTRY...]]   (ENTRY: fv_view_compute, ..., or wp; all by default)
"""
import csv
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Arithmetic that wraps is an alarm too, not only what C leaves undefined.
STRICT = ["-warn-unsigned-overflow", "-warn-unsigned-downcast", "-warn-signed-downcast"]
# The analysis: EVA at a low precision; states are kept apart by return value.
EVA = ["-eva", "-eva-split-return", "full", "-eva-msg-key=-final-states"]

# Entry point, EVA precision (0 to 11), further options.
ENTRIES = [
    # The slowest first, so that two workers finish together.
    ("fv_pool_best_offer", 1, []),
    ("fv_pool_compute", 1, []),
    ("fv_maxbuf_roundtrip_e24", 1, ["-eva-slevel", "5000"]),
    ("fv_maxbuf_roundtrip_e16", 1, ["-eva-slevel", "5000"]),
    ("fv_maxbuf_roundtrip_e8", 1, ["-eva-slevel", "5000"]),
    ("fv_maxbuf_roundtrip_e0", 1, ["-eva-slevel", "5000"]),
    ("fv_version", 0, []),
    ("fv_strerror", 0, []),
    ("fv_leak_name", 0, []),
    ("fv_leak_describe", 0, []),
    ("fv_reg_count", 0, []),
    ("fv_reg_get", 0, []),
    ("fv_reg_find", 2, []),
    ("fv_maxbuf_encode", 1, []),
    ("fv_maxbuf_decode", 1, []),
    ("fv_access", 1, []),
    ("fv_access_inline", 1, []),
    ("fv_access_trapped", 1, []),
    ("fv_sysreg_from_iss", 1, []),
    ("fv_context_regs", 1, []),
    ("fv_view_compute", 1, []),
    ("fv_view_present", 1, []),
    ("fv_best_offer", 1, []),
    ("fv_best_offer_report", 1, ["-eva-split-return-function", "spevirt_fail_closed_:0"]),
    ("fv_buffer_access", 2, ["-eva-domains", "octagon"]),
    ("fv_buffer_hw_event", 2, ["-eva-domains", "bitwise"]),
    ("fv_buffer_abort", 4, []),
    ("fv_buffer_res0", 2, ["-eva-domains", "octagon,bitwise"]),
    # A plan that succeeds and one that fails stay apart (view_plan()
    # returns 0, SPEVIRT_OK, or not), and so do a view and the view a
    # refusal denies with (spevirt_fail_closed_()), so that neither is
    # joined with a planned one.
    ("fv_migrate_check", 2, ["-eva-split-return-function",
                             "view_plan:0,spevirt_fail_closed_:0"]),
    ("fv_hw_access", 5, []),
    ("fv_hw_rule_text", 0, []),
    ("fv_audit", 1, []),
    ("fv_finding_class_name", 0, []),
    ("fv_view_hypervisor", 1, []),
    ("fv_nested_compose", 1, []),
    ("fv_nested_max_fgt", 3, []),
    ("fv_vncr_offset", 1, []),
    ("fv_nested_esr", 1, []),
]

# Properties that are the absence of alarms in given entry points: EVA checks
# every memory access of the analysed code, so 0 alarms proves them.
NO_ALARM_PROPERTIES = {
    "e_access_reads_only_the_view": ["fv_access", "fv_access_inline", "fv_access_trapped"],
    "e_buffer_reads_only_its_arguments": ["fv_buffer_access", "fv_buffer_hw_event",
                                          "fv_buffer_abort"],
}

# WP: the lib/ files it reads, each with its contract header; the small
# helpers it reads through (inlined); the functions whose contracts and
# assertions it proves.  WP reads the constant tables (-wp-init-const): the
# trap plan's loop stays inside the access table only by its rows' slots.
WP_LIB = ["buffer", "traps", "el2", "host", "maxbuf", "leaks", "present", "view"]
WP_INLINE = ["collecting", "guest_pmsver", "sanitize_ptr", "reg_of", "finish", "refuse_why",
             "spevirt_access_inline", "spevirt_spe_slot", "plan_fgt_bit", "spv_fgt_reg_id", "has",
             "fgt_feat", "fgt_missing", "id_cap", "fail_why", "check_el3_levels", "addrmode",
             "shown_maxbuf", "hardware_pmbidr", "pmsidr_why", "pmbidr_why", "guest_feats",
             "compute_id_fields", "spe_guest_leaks", "spevirt_pmsidr_above_",
             "spevirt_buffer_bits_hidden_", "guest_syndrome", "spevirt_maxbuf_field_invalid_"]
WP_FUNCTIONS = ["sanitize_limitr", "sanitize", "check_size", "write_reg", "stop_with",
                "spevirt_access", "spevirt_buffer_access", "spevirt_buffer_hw_event",
                "spevirt_buffer_abort", "forced_trap", "need_fgt", "wanted", "fgt_of", "decision",
                "plan_tpms", "plan_access", "plan_mdcr", "plan_psbcsync", "spevirt_traps_plan_",
                "plan_bits", "plan_exc", "plan_records", "plan_pmscr", "context_set",
                "spevirt_el2_plan_", "host_feats", "check_dfr2", "check_pmsidr_features",
                "check_pmsidr_encodings", "check_pmbidr", "check_ids", "spevirt_host_check_",
                "spevirt_maxbuf_decode", "spevirt_maxbuf_encode", "spevirt_leaks_",
                "spevirt_leak_reason_", "field_of", "order_holds", "spevirt_issue_add_", "note_why",
                "check_cross_fields", "spevirt_present_check_", "spevirt_config_invalid_",
                "check_guest_levels", "check_buffer_size", "guest_pmsidr", "guest_pmbidr",
                "present", "compute_spe_guest", "view_clear", "view_plan", "view_compute",
                "spevirt_fail_closed_",
                "spevirt_view_compute", "spevirt_view_present", "fv_wp_plans",
                "fv_wp_view_compute", "fv_wp_buffer_access", "fv_wp_buffer_hw_event",
                "fv_wp_buffer_abort"]
WP = ["-wp", "-wp-model", "Typed+ref", "-wp-init-const", "-wp-prover", "cvc4",
      "-wp-auto", "wp:split,wp:bitwised", "-wp-auto-depth", "8",
      "-wp-timeout", "60", "-wp-par", str(os.cpu_count() or 2)]

ASSERT_RE = re.compile(r"//@\s*assert\s+(\w+)\s*:")


def listing(directory, suffix):
    return sorted(os.path.join(directory, f) for f in os.listdir(os.path.join(ROOT, directory))
                  if f.endswith(suffix))


def named_assertions(directory="formal"):
    """(file, line) -> property name, for every named assertion of the drivers."""
    names = {}
    for f in listing(directory, ".c") + listing(directory, ".h"):
        with open(os.path.join(ROOT, f), encoding="utf-8") as fh:
            for n, text in enumerate(fh, 1):
                m = ASSERT_RE.search(text)
                if m:
                    names[(os.path.basename(f), n)] = m.group(1)
    return names


def report_rows(csvfile):
    """The rows of a -report-csv file; a property whose text runs over
    several lines (complete behaviors a, b) has its status on the first."""
    with open(csvfile, encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh, delimiter="\t") if r["status"] is not None]


def run(cmd, log):
    """Run cmd; return (exit status, output, CPU seconds of the child)."""
    with open(log, "w", encoding="utf-8") as out:
        p = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    with open(log, encoding="utf-8") as fh:
        text = fh.read()
    return p.returncode, text, usage.ru_utime + usage.ru_stime


def analyse(entry, precision, extra, save, out):
    csvfile = os.path.join(out, entry + ".csv")
    cmd = (["frama-c", "-load", save, "-main", entry] + STRICT + EVA +
           ["-eva-precision", str(precision)] + extra + ["-then", "-report-csv", csvfile])
    rc, text, cpu = run(cmd, os.path.join(out, entry + ".log"))
    alarms = re.search(r"(\d+) alarms? generated", text)
    reached = re.search(r"(\d+) statements reached \(out of (\d+)\)", text)
    rows = []
    if rc == 0 and os.path.exists(csvfile):
        rows = report_rows(csvfile)
    return {
        "entry": entry, "precision": precision, "cpu": cpu, "rows": rows,
        "clean": rc == 0 and alarms is not None and int(alarms.group(1)) == 0,
        "alarms": int(alarms.group(1)) if alarms else None,
        "reached": (int(reached.group(1)), int(reached.group(2))) if reached else None,
        "log": os.path.join(out, entry + ".log"),
    }


LOOP_RE = re.compile(r"^#define SPV_LOOP_(\w+)", re.M)


def loop_annotations():
    """The functions formal/wp/loops.h annotates a loop of."""
    with open(os.path.join(ROOT, "formal/wp/loops.h"), encoding="utf-8") as fh:
        return set(LOOP_RE.findall(fh.read()))


def woven(f, loops):
    """lib/f.c with SPV_LOOP_<function> on the line of each annotated function's
    only loop; the functions found are taken out of @loops."""
    with open(os.path.join(ROOT, "lib", f + ".c"), encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    current = None
    found = {}
    for n, line in enumerate(lines):
        m = re.match(r"^[a-z].*?\b(\w+)\(", line)
        if m and not line.rstrip().endswith(";"):
            current = m.group(1) if m.group(1) in loops else None
        elif line.startswith("}"):
            current = None
        elif current and re.match(r"^\s*(for|while)\s*\(", line):
            found.setdefault(current, []).append(n)
    for fn, at in found.items():
        if len(at) != 1:
            raise SystemExit(f"prove: lib/{f}.c: {fn}() has {len(at)} loops, "
                             "formal/wp/loops.h annotates only one")
        line = lines[at[0]]
        indent = len(line) - len(line.lstrip())
        lines[at[0]] = f"{line[:indent]}/*@ SPV_LOOP_{fn} */ {line[indent:]}"
        loops.discard(fn)
    return "\n".join(lines)


def prove_wp(out):
    """WP on formal/wp/: (clean, property name -> statuses, goals line, CPU seconds,
    the properties left unproved)."""
    csvfile = os.path.join(out, "wp.csv")
    # Each lib/ file is read with its contracts after it (Frama-C merges a
    # later declaration's contract into the function), so they can name the
    # file's own types and lib/ carries no annotation.
    units = []
    loops = loop_annotations()
    for f in WP_LIB:
        unit = os.path.join(out, f"wp_{f}.c")
        with open(unit, "w", encoding="utf-8") as fh:
            fh.write(f'#include "loops.h"\n#line 1 "lib/{f}.c"\n{woven(f, loops)}'
                     f'#include "{f}.h"\n')
        units.append(unit)
    if loops:
        raise SystemExit(f"prove: formal/wp/loops.h names no loop of lib/: {', '.join(loops)}")
    cmd = (["frama-c", "-machdep", "gcc_x86_64", "-cpp-extra-args=-I include -I lib -I formal/wp",
            "-inline-calls", ",".join(WP_INLINE)] + units + listing("formal/wp", ".c") +
           WP + ["-wp-fct", ",".join(WP_FUNCTIONS), "-then", "-report-csv", csvfile])
    rc, text, cpu = run(cmd, os.path.join(out, "wp.log"))
    goals = re.search(r"Proved goals:\s+(\d+) / (\d+)", text)
    names = named_assertions("formal/wp")
    status = {name: set() for name in names.values()}
    rows = []
    if rc == 0 and os.path.exists(csvfile):
        rows = report_rows(csvfile)
    # Every property of the run not proved: a contract an assertion rests on.
    open_rows = [f"{r['file']}:{r['line']} {r['function']}: {r['property kind']} "
                 f"{r['property'].split(':')[0][:40]} ({r['status']})"
                 for r in rows if r["status"] not in ("Valid", "Considered valid")]
    for row in rows:
        key = (row["file"], int(row["line"]))
        if row["property kind"] == "user assertion" and key in names:
            # Valid only if nothing it may rest on is left unproved.
            status[names[key]].add("Unknown" if open_rows else row["status"])
    clean = rc == 0 and goals is not None and goals.group(1) == goals.group(2) and not open_rows
    return clean, status, goals.group(0) if goals else "no goals", cpu, open_rows


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build-prove"))
    os.makedirs(out, exist_ok=True)
    lib, drv = listing("lib", ".c"), listing("formal", ".c")
    # Read with the sources EVA parses, so that the lines match them.
    names = named_assertions()
    save = os.path.join(out, "spevirt.sav")
    parse = (["frama-c", "-machdep", "gcc_x86_64",
              "-cpp-extra-args=-I include -I lib -I formal"] + lib + drv + ["-save", save])
    rc, text, cpu = run(parse, os.path.join(out, "parse.log"))
    if rc != 0:
        sys.stdout.write(text)
        print("prove: Frama-C could not parse lib/ and formal/")
        return 1
    print(f"prove: parsed {len(lib)} library and {len(drv)} driver files ({cpu:.1f} s CPU)")

    start = time.monotonic()
    only = set(sys.argv[2:])
    unknown = only - {e[0] for e in ENTRIES} - {"wp"}
    if unknown:
        print(f"prove: no entry point {', '.join(sorted(unknown))}")
        return 1
    entries = [e for e in ENTRIES if not only or e[0] in only]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda e: analyse(e[0], e[1], e[2], save, out), entries))
    wp = prove_wp(out) if not only or "wp" in only else None

    failed = False
    # Property name -> the statuses it has where an entry point reaches it.
    status = {name: set() for name in names.values()}
    for r in results:
        ok = r["clean"]
        reached = f"{r['reached'][0]}/{r['reached'][1]}" if r["reached"] else "?"
        print(f"{'ok  ' if ok else 'FAIL'} {r['entry']:<22} precision {r['precision']:>2}  "
              f"alarms {r['alarms'] if r['alarms'] is not None else '?':>2}  "
              f"statements {reached:>9}  {r['cpu']:6.1f} s CPU")
        if not ok:
            failed = True
            print(f"     see {r['log']}")
        for row in r["rows"]:
            key = (row["file"], int(row["line"]))
            if row["property kind"] == "user assertion" and key in names and \
               row["status"] != "Dead":
                status[names[key]].add(row["status"])
    # WP's properties join the same list; with ENTRY given, they are run only for "wp".
    wp_names = set()
    if wp:
        wp_clean, wp_status, wp_goals, wp_cpu, open_rows = wp
        print(f"{'ok  ' if wp_clean else 'FAIL'} {'WP (CVC4) on formal/wp/':<22} {wp_goals}, "
              f"{wp_cpu:.1f} s CPU")
        if not wp_clean:
            failed = True
            for line in open_rows:
                print(f"     not proved: {line}")
            print(f"     see {os.path.join(out, 'wp.log')}")
        status.update(wp_status)
        wp_names = set(wp_status)
    print()
    for name in sorted(status):
        seen = status[name]
        if only and not seen and name not in wp_names:
            continue    # a property of an entry point not run
        if seen == {"Valid"}:
            verdict = "Valid"
        elif not seen:
            verdict = "NOT REACHED"
        else:
            verdict = "/".join(sorted(seen))
        if verdict != "Valid":
            failed = True
        print(f"{'ok  ' if verdict == 'Valid' else 'FAIL'} {name:<40} {verdict}"
              f"{' (WP)' if name in wp_names else ''}")
    by_entry = {r["entry"]: r for r in results}
    for name, entries in sorted(NO_ALARM_PROPERTIES.items()):
        if not all(e in by_entry for e in entries):
            continue
        clean = all(by_entry[e]["clean"] for e in entries)
        if not clean:
            failed = True
        print(f"{'ok  ' if clean else 'FAIL'} {name:<40} {'Valid' if clean else 'alarms'} "
              f"(no alarm in {', '.join(entries)})")
    total = sum(r["cpu"] for r in results) + (wp[3] if wp else 0)
    print(f"\nprove: {len(results)} entry points, {sum(1 for s in status.values() if s == {'Valid'})} "
          f"properties Valid, {total:.0f} s CPU in {time.monotonic() - start:.0f} s "
          f"({subprocess.run(['frama-c', '-version'], capture_output=True, text=True).stdout.strip()})")
    if failed:
        print("prove: FAILED")
        return 1
    print("prove: every entry point free of alarms, every property Valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
