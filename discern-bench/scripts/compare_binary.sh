#!/usr/bin/env bash
# Discern (JMH) and scikit-learn side by side on the same binary data, in one session.
#
#   discern-bench/scripts/compare_binary.sh            # build, write data, time both, print table
#
# Environment (all optional):
#   SIZES     sample sizes                   (default "1000000 10000000")
#   OUT       output directory               (default bench-out/binary, git-ignored)
#   PYTHON    Python with numpy and sklearn  (default /usr/bin/python3)
#   REPEAT    timed scikit-learn calls       (default 3)
#   JMH_ARGS  JMH options                    (default "-f 1 -wi 3 -i 5 -prof gc")
#   ONLY      subset, e.g. "rocAuc" or "rocAuc,rocCurve" (default: all; sets BENCH too)
#   BENCH     JMH benchmark regex            (default BinaryBench, or the ONLY subset)
#   BUILD     0 to reuse discern-bench/target/benchmarks.jar (default 1: mvn -o package)
#   JMH_LOCK_TRIES  attempts, 30 s apart, while another JMH run holds /tmp/jmh.lock (default 60)
#
# The data is generated once by org.discern.bench.BinaryData (seeded) and written as .npy; the
# JMH benchmarks regenerate the identical arrays in memory, and BinaryCheck prints Discern's
# values on them so that the table can show both sides compute the same numbers.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
SIZES="${SIZES:-1000000 10000000}"
OUT="${OUT:-bench-out/binary}"
PYTHON="${PYTHON:-/usr/bin/python3}"
REPEAT="${REPEAT:-3}"
JMH_ARGS="${JMH_ARGS:--f 1 -wi 3 -i 5 -prof gc}"
ONLY="${ONLY:-}"
if [[ -n "$ONLY" ]]; then
  BENCH="${BENCH:-BinaryBench\.(${ONLY//,/|})\$}"
  only_args=(--only "$ONLY")
else
  BENCH="${BENCH:-BinaryBench}"
  only_args=()
fi
BUILD="${BUILD:-1}"
jar=discern-bench/target/benchmarks.jar

mkdir -p "$OUT"
if [[ "$BUILD" == 1 || ! -f "$jar" ]]; then
  mvn -q -o package -pl discern-bench -am -DskipTests
fi

{
  echo "date: $(date -u '+%Y-%m-%dT%H:%M:%SZ')"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/session.txt"

java -cp "$jar" org.discern.bench.BinaryData "$OUT/data" $SIZES
java -cp "$jar" org.discern.bench.BinaryCheck $SIZES | tee "$OUT/discern_values.jsonl"

echo "load before scikit-learn: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/session.txt"
"$PYTHON" discern-bench/scripts/sklearn_binary.py "$OUT/data" $SIZES --repeat "$REPEAT" \
  --json "$OUT/sklearn.json" "${only_args[@]}"

# JMH allows one run per machine (/tmp/jmh.lock): wait for another engineer's run to end
# rather than measure two benchmarks against each other.
rm -f "$OUT/jmh.json"
for attempt in $(seq 1 "${JMH_LOCK_TRIES:-60}"); do
  echo "load before JMH: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/session.txt"
  status=0
  # shellcheck disable=SC2086
  java -jar "$jar" "$BENCH" -p n="$(echo $SIZES | tr ' ' ',')" $JMH_ARGS \
    -rf json -rff "$OUT/jmh.json" 2>&1 | tee "$OUT/jmh.txt" || status=$?
  if [[ $status -eq 0 ]]; then
    break
  elif grep -q "Unable to acquire the JMH lock" "$OUT/jmh.txt"; then
    echo "another JMH run holds /tmp/jmh.lock; retrying in 30 s (attempt $attempt)"
    sleep 30
  else
    exit "$status"
  fi
done
[[ -f "$OUT/jmh.json" ]] || { echo "JMH did not run" >&2; exit 1; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/session.txt"

"$PYTHON" - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
jmh = json.load(open(f"{out}/jmh.json"))
sk = json.load(open(f"{out}/sklearn.json"))
vals = {}
for line in open(f"{out}/discern_values.jsonl"):
    v = json.loads(line)
    vals[v["n"]] = v
skl = {(r["benchmark"], r["n"]): r for r in sk["results"]}
print()
print(f"scikit-learn {sk['meta']['sklearn']}, numpy {sk['meta']['numpy']}, python {sk['meta']['python']}; "
      "JMH average time; sklearn median (min) of the timed calls")
hdr = f"{'benchmark':<24}{'n':>10}{'Discern ms':>22}{'B/sample':>10}{'sklearn ms':>22}{'ratio':>8}  value check"
print(hdr)
print("-" * len(hdr))
for r in sorted(jmh, key=lambda r: (int(r["params"]["n"]), r["benchmark"])):
    name = r["benchmark"].rsplit(".", 1)[1]
    n = int(r["params"]["n"])
    pm = r["primaryMetric"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    bps = f"{alloc['score'] / n:.3f}" if alloc else "-"
    base = name[:-len("Table")] if name.endswith("Table") else name
    s = skl.get((base, n))
    if s is None:
        continue
    ratio = s["median_ms"] / pm["score"]
    err = pm["scoreError"] if isinstance(pm["scoreError"], (int, float)) else float("nan")
    ours = vals.get(n, {}).get(name)
    if ours is None:
        check = ""
    elif base == "rocCurve":
        check = f"points {ours} vs {int(s['value'])}"
    else:
        check = f"|diff| {abs(ours - s['value']):.1e}"
    print(f"{name:<24}{n:>10}{pm['score']:>12.1f} ± {err:>7.1f}{bps:>10}"
          f"{s['median_ms']:>12.1f} ({s['min_ms']:>7.1f}){ratio:>8.1f}  {check}")
PY
