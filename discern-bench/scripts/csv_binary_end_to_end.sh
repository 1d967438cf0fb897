#!/usr/bin/env bash
# Whole-process time of `discern evaluate --format json` on a binary CSV against pandas read_csv +
# scikit-learn (roc_auc_score, average_precision_score, roc_curve, precision_recall_curve) on the
# same file, in one session. Run it under the benchmark lock:
#
#   flock /tmp/discern-bench.lock discern-bench/scripts/csv_binary_end_to_end.sh
#
# Environment (optional): ROWS (default 10000000), DIR (default /tmp/discern-csv-bench),
# PYTHON (default /usr/bin/python3, with numpy, pandas, scikit-learn), REPEAT (default 3),
# DIGITS (default 17: each score as Python's repr, 15-17 significant digits, 202 MB at 1e7 rows;
# 7: seven significant digits, as float32 outputs are often written, 119 MB at 1e7 rows, the
# size issue 14 names).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
ROWS="${ROWS:-10000000}"
DIR="${DIR:-/tmp/discern-csv-bench}"
PYTHON="${PYTHON:-/usr/bin/python3}"
REPEAT="${REPEAT:-3}"
DIGITS="${DIGITS:-17}"
mkdir -p "$DIR"
if [[ "$DIGITS" == 17 ]]; then csv="$DIR/binary_$ROWS.csv"; else csv="$DIR/binary_${ROWS}_${DIGITS}digits.csv"; fi
if [[ ! -f "$csv" ]]; then
  # seeded: label ~ Bernoulli(0.3), score = a noisy logistic of the label, 17 significant digits
  # (repr) or DIGITS of them
  "$PYTHON" - "$csv" "$ROWS" "$DIGITS" <<'PY'
import sys, numpy as np
path, n, digits = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
fmt = (lambda b: repr(b)) if digits == 17 else (lambda b: format(b, "." + str(digits) + "g"))
rng = np.random.default_rng(20261205)
y = (rng.random(n) < 0.3).astype(np.int8)
s = 1 / (1 + np.exp(-(rng.normal(size=n) + 1.2 * y)))
with open(path, "w") as f:
    f.write("label,score\n")
    for i in range(0, n, 1_000_000):
        f.write("".join(f"{a},{fmt(b)}\n" for a, b in zip(y[i:i+1_000_000].tolist(), s[i:i+1_000_000].tolist())))
PY
fi
"$root/discern" --version >/dev/null   # builds the jar if needed, outside the timings
echo "file: $csv ($(du -m "$csv" | cut -f1) MB), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$REPEAT"); do
  /usr/bin/time -f "discern: %e s wall, %U s user, %S s sys, %M KB peak RSS" \
    "$root/discern" evaluate "$csv" --format json > "$DIR/discern.json"
done
for i in $(seq "$REPEAT"); do
  /usr/bin/time -f "pandas+sklearn: %e s wall, %U s user, %S s sys, %M KB peak RSS" "$PYTHON" -c '
import sys, pandas as pd
from sklearn.metrics import roc_auc_score, average_precision_score, roc_curve, precision_recall_curve
d = pd.read_csv(sys.argv[1]); y = d["label"].to_numpy(); s = d["score"].to_numpy()
print("roc_auc", repr(roc_auc_score(y, s)), "average_precision", repr(average_precision_score(y, s)))
roc_curve(y, s); precision_recall_curve(y, s)' "$csv"
done
grep -o '"roc_auc"[^,]*\|"average_precision"[^,]*' "$DIR/discern.json" | head -4
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
