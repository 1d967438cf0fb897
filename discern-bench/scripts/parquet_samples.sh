#!/usr/bin/env bash
# Writes discern-io's DuckDB-made Parquet test inputs (src/test/resources/parquet, see the README
# there) from the golden fixtures, with the DuckDB JDBC driver fetched from Maven Central:
#
#   discern-bench/scripts/parquet_samples.sh
#
# Environment (optional): DUCKDB (default 1.4.4.0), OUT (default discern-io/src/test/resources/parquet).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
DUCKDB="${DUCKDB:-1.4.4.0}"
OUT="${OUT:-$root/discern-io/src/test/resources/parquet}"
jar="$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$DUCKDB/duckdb_jdbc-$DUCKDB.jar"
[[ -f "$jar" ]] || mvn -B -ntp -q dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB"
java -cp "$jar" "$root/discern-bench/scripts/ParquetSamples.java" \
  "$root/discern-core/src/test/resources/fixtures" "$OUT"
