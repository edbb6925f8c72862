#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
# 'spevirt fleet' on a generated inventory of N records (default 1,000,000,
# about 250 MB), side by side with a Python script that only parses each
# line with json.loads and collects the distinct register sets: seconds,
# records/s, MB/s and peak RSS of each (GNU time), and the ratio.
# usage: bench-fleet.sh SPEVIRT WORKDIR [N]
set -eu
tool=$1 dir=$2 n=${3:-1000000}
inv=$dir/fleet-bench.jsonl
trap 'rm -f "$inv" "$dir/fleet-bench.time"' EXIT
python3 "$(dirname "$0")/gen-fleet.py" "$n" "$inv"
bytes=$(wc -c <"$inv")
# measure NAME COMMAND...: "NAME SECONDS PEAK_KB", the output discarded
measure() {
	name=$1
	shift
	/usr/bin/time -f "%e %M" -o "$dir/fleet-bench.time" "$@" >/dev/null
	echo "$name $(cat "$dir/fleet-bench.time")"
}
{
	measure spevirt "$tool" fleet --json "$inv"
	measure python python3 -c '
import json, sys
seen = set()
for line in open(sys.argv[1]):
    seen.add(tuple(json.loads(line)["registers"].values()))
print(len(seen))' "$inv"
} | awk -v n="$n" -v bytes="$bytes" '
	{ s[$1] = $2; kb[$1] = $3
	  printf "fleet %s: %d records (%.0f MB) in %.2f s: %.0f records/s, %.1f MB/s, peak RSS %.1f MiB\n",
		$1, n, bytes / 1e6, $2, n / $2, bytes / 1e6 / $2, $3 / 1024 }
	END { printf "fleet: spevirt is %.1fx the Python json.loads script (same run)\n", s["python"] / s["spevirt"] }'
