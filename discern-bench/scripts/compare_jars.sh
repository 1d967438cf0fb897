#!/usr/bin/env bash
# Whole-process time of `discern evaluate FILE --format json` with two builds of the tool, run as
# the launcher runs it (its default JVM options and a class-data-sharing archive made for each
# jar), alternated in ABBA order: A B, then B A, and so on. On the 2-core machines this project is
# measured on, the first of two back-to-back runs is systematically slower (by up to 0.2 s of
# 1.5 s: the memory the second one gets was just given back by the first), so alternating A B
# every time favours B; ABBA gives each build the first place equally often. Run it under the
# benchmark lock, with copies of the jars (a rebuild must not replace one mid-run):
#
#   cp discern-cli/target/discern.jar /tmp/new.jar    # and an older build as /tmp/old.jar
#   flock /tmp/discern-bench.lock discern-bench/scripts/compare_jars.sh FILE /tmp/old.jar /tmp/new.jar
#
# Environment (optional): ROUNDS (default 10: 20 runs), PYTHON (default /usr/bin/python3),
# JAVA_OPTS (default: the launcher's, without transparent huge pages where the kernel has none).
set -euo pipefail
if [[ $# -ne 3 ]]; then
  echo "usage: compare_jars.sh FILE JAR_A JAR_B" >&2
  exit 2
fi
file="$1"
jars=("$2" "$3")
ROUNDS="${ROUNDS:-10}"
PYTHON="${PYTHON:-/usr/bin/python3}"
# shellcheck source=tool_jvm.sh
source "$(dirname "${BASH_SOURCE[0]}")/tool_jvm.sh"
tool_options
work="$(mktemp -d "${TMPDIR:-/tmp}/discern-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT
for k in 0 1; do
  cp "${jars[$k]}" "$work/$k.jar"
  tool_archive "$work/$k.jar" "$work/$k.jsa"
done
run() { # run K: one timed run of jar K, its line appended to the times
  local k="$1" name=(A B)
  /usr/bin/time -a -o "$work/times" -f "${name[$k]} %e %U %S %M" java $opts -XX:SharedArchiveFile="$work/$k.jsa" \
    -Xlog:cds=off,cds+dynamic=off -cp "$work/$k.jar" org.discern.cli.Main evaluate "$file" --format json \
    >"$work/$k.json" 2>/dev/null
}
echo "file: $file ($(du -m "$file" | cut -f1) MB), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A: ${jars[0]}"
echo "B: ${jars[1]}"
for ((i = 0; i < ROUNDS; i++)); do
  if ((i % 2 == 0)); then run 0; run 1; else run 1; run 0; fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cmp -s "$work/0.json" "$work/1.json" && echo "the same JSON" || echo "the JSON differs"
"$PYTHON" - "$work/times" <<'PY'
import sys, statistics, collections
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) == 5:
        runs[p[0]].append([float(x) for x in p[1:]])
for k in sorted(runs):
    v = runs[k]
    w = sorted(x[0] for x in v)
    print(f"{k}: wall median {statistics.median(w):.2f} s (min {w[0]:.2f}, max {w[-1]:.2f}, n={len(w)}), "
          f"user {statistics.mean(x[1] for x in v):.2f} s, sys {statistics.mean(x[2] for x in v):.2f} s, "
          f"peak RSS {max(x[3] for x in v) / 1024:.0f} MB")
PY
