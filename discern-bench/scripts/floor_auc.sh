#!/usr/bin/env bash
# Whole-process time of `discern evaluate --format json` beside FloorAuc.java, the least a JVM must
# do for the exact ROC AUC alone (read, split by class, sort, one walk; no command line, no other
# metric, no table), on the same input, in ABBA order (see compare_jars.sh for why), with the
# launcher's JVM options and a class-data-sharing archive for the tool. The floor is what issue
# 14's whole-process targets (1.0 s for 1e7 CSV rows, 0.6 s for them as Parquet) are measured
# against in docs/PERFORMANCE.md. Run it under the benchmark lock:
#
#   flock /tmp/discern-bench.lock discern-bench/scripts/floor_auc.sh csv FILE.csv
#   flock /tmp/discern-bench.lock discern-bench/scripts/floor_auc.sh npy LABELS.npy SCORES.npy [FILE.parquet]
#
# The NumPy form times the floor on memory-mapped arrays (nothing to parse: a floor under any
# binary input, Parquet included) beside `discern evaluate --labels --scores`, and beside
# `discern evaluate FILE.parquet` when one is given (the same rows). Both programs must print the
# same roc_auc, or the script fails. Environment (optional): ROUNDS (default 10), PYTHON (default
# /usr/bin/python3), JAVA_OPTS (default: the launcher's), JAR (default: the built discern.jar).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mode="${1:-}"
case "$mode" in
  csv) [[ $# -eq 2 ]] || { echo "usage: floor_auc.sh csv FILE.csv" >&2; exit 2; }
    floor_args=(csv "$2"); discern_args=(evaluate "$2"); parquet="" ;;
  npy) [[ $# -eq 3 || $# -eq 4 ]] || { echo "usage: floor_auc.sh npy LABELS.npy SCORES.npy [FILE.parquet]" >&2; exit 2; }
    floor_args=(npy "$2" "$3"); discern_args=(evaluate --labels "$2" --scores "$3"); parquet="${4:-}" ;;
  *) echo "usage: floor_auc.sh csv FILE.csv | floor_auc.sh npy LABELS.npy SCORES.npy [FILE.parquet]" >&2; exit 2 ;;
esac
ROUNDS="${ROUNDS:-10}"
PYTHON="${PYTHON:-/usr/bin/python3}"
JAR="${JAR:-$root/discern-cli/target/discern.jar}"
# shellcheck source=tool_jvm.sh
source "$here/tool_jvm.sh"
tool_options
work="$(mktemp -d "${TMPDIR:-/tmp}/discern-floor.XXXXXX")"
trap 'rm -rf "$work"' EXIT
javac -d "$work/floor" "$here/FloorAuc.java"
cp "$JAR" "$work/discern.jar"
tool_archive "$work/discern.jar" "$work/discern.jsa"
tool=(java $opts -XX:SharedArchiveFile="$work/discern.jsa" -Xlog:cds=off,cds+dynamic=off
  -cp "$work/discern.jar" org.discern.cli.Main)
run() { # run NAME COMMAND...: one timed run, its line appended to the times, its output kept
  local name="$1"
  shift
  /usr/bin/time -a -o "$work/times" -f "$name %e %U %S %M" "$@" >"$work/$name.out" 2>/dev/null
}
names=(floor discern)
commands=("java $opts -cp $work/floor FloorAuc ${floor_args[*]}" "${tool[*]} ${discern_args[*]} --format json")
if [[ -n "$parquet" ]]; then
  names+=(parquet)
  commands+=("${tool[*]} evaluate $parquet --format json")
fi
echo "input: ${floor_args[*]:1} ($(du -cm "${floor_args[@]:1}" | tail -1 | cut -f1) MB), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < ROUNDS; i++)); do
  order=("${!names[@]}")
  if ((i % 2 == 1)); then order=($(printf '%s\n' "${order[@]}" | tac)); fi
  for k in "${order[@]}"; do
    # word splitting of the command is intended: paths with spaces are not supported here
    run "${names[$k]}" ${commands[$k]}
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
"$PYTHON" - "$work" "${names[@]}" <<'PY'
import json, re, statistics, sys, collections
work, names = sys.argv[1], sys.argv[2:]
runs = collections.defaultdict(list)
for line in open(f"{work}/times"):
    p = line.split()
    if len(p) == 5:
        runs[p[0]].append([float(x) for x in p[1:]])
aucs = {}
for name in names:
    text = open(f"{work}/{name}.out").read()
    aucs[name] = float(re.search(r"roc_auc (\S+)", text).group(1)) if name == "floor" else json.loads(text)["roc_auc"]
for name in names:
    v = runs[name]
    w = sorted(x[0] for x in v)
    print(f"{name}: wall median {statistics.median(w):.2f} s (min {w[0]:.2f}, max {w[-1]:.2f}, n={len(w)}), "
          f"user {statistics.mean(x[1] for x in v):.2f} s, sys {statistics.mean(x[2] for x in v):.2f} s, "
          f"peak RSS {max(x[3] for x in v) / 1024:.0f} MB, roc_auc {aucs[name]!r}")
if len(set(aucs.values())) != 1:
    sys.exit("the roc_auc differs")
PY
