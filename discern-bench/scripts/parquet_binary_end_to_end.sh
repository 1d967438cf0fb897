#!/usr/bin/env bash
# Whole-process time of `discern evaluate --format json` on the 1e7-row binary file of
# csv_binary_end_to_end.sh written as Parquet (snappy, by DuckDB: ParquetSamples.java --copy),
# beside the same file as CSV. Run it under the benchmark lock:
#
#   flock /tmp/discern-bench.lock discern-bench/scripts/parquet_binary_end_to_end.sh
#
# Environment (optional): ROWS (default 10000000), DIR (default /tmp/discern-csv-bench),
# REPEAT (default 3), DUCKDB (default 1.4.4.0).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
ROWS="${ROWS:-10000000}"
DIR="${DIR:-/tmp/discern-csv-bench}"
REPEAT="${REPEAT:-3}"
DUCKDB="${DUCKDB:-1.4.4.0}"
csv="$DIR/binary_$ROWS.csv"
parquet="$DIR/binary_$ROWS.parquet"
[[ -f "$csv" ]] || { echo "make $csv first: csv_binary_end_to_end.sh writes it" >&2; exit 1; }
if [[ ! -f "$parquet" ]]; then
  jar="$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$DUCKDB/duckdb_jdbc-$DUCKDB.jar"
  [[ -f "$jar" ]] || mvn -B -ntp -q dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB"
  java -cp "$jar" "$root/discern-bench/scripts/ParquetSamples.java" --copy "$csv" "$parquet"
fi
"$root/discern" --version >/dev/null   # builds the jar if needed, outside the timings
echo "file: $parquet ($(du -m "$parquet" | cut -f1) MB), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for f in "$parquet" "$csv"; do
  for i in $(seq "$REPEAT"); do
    /usr/bin/time -f "$(basename "$f"): %e s wall, %U s user, %S s sys, %M KB peak RSS" \
      "$root/discern" evaluate "$f" --format json > "$DIR/discern_$(basename "$f").json"
  done
done
cmp <(grep -v '"source"' "$DIR/discern_$(basename "$parquet").json") \
    <(grep -v '"source"' "$DIR/discern_$(basename "$csv").json") && echo "same JSON from Parquet and CSV"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
