#!/usr/bin/env bash
# The smallest heap (-Xmx) with which `discern evaluate FILE --format json` (and, for binary
# files, `discern curves FILE --out DIR`) succeeds, and its peak RSS, per layout: the figures of
# docs/PERFORMANCE.md, "Memory per row". Writes each file under $DIR with MemoryData.java, bisects
# the heap in MB, then deletes the file.
#
#   discern-bench/scripts/memory_per_row.sh                       # every layout at its default size
#   LAYOUTS="binary" ROWS=100000000 discern-bench/scripts/memory_per_row.sh
#
# Environment (optional): LAYOUTS (default "binary weighted multiclass multilabel"), ROWS (default
# 10000000; multiclass and multilabel default to 1000000), COLUMNS (classes or labels, default
# 25 and 10), DIR (default /tmp/discern-mem), JAR (default discern-cli/target/discern.jar),
# COMMAND (default evaluate; "curves" for binary curves), KEEP=1 keeps the files, LO and HI (the
# bisection's start, in MB; default 16 and 200 bytes per value + 256: 47 GB for 1e7 x 25, so give
# HI=4096 there).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
LAYOUTS="${LAYOUTS:-binary weighted multiclass multilabel}"
DIR="${DIR:-/tmp/discern-mem}"
JAR="${JAR:-$root/discern-cli/target/discern.jar}"
COMMAND="${COMMAND:-evaluate}"
mkdir -p "$DIR"
[[ -f "$JAR" ]] || (cd "$root" && ./discern --version >/dev/null)

# run MB FILE: 0 when the command succeeds with -XmxMBm; prints "wall s, peak RSS KB"
run() {
  local args=(evaluate "$2" --format json)
  if [[ "$COMMAND" == curves ]]; then rm -rf "$DIR/curves"; args=(curves "$2" --out "$DIR/curves"); fi
  /usr/bin/time -f "%e %M" -o "$DIR/time.txt" java "-Xmx$1m" -jar "$JAR" "${args[@]}" >"$DIR/out.txt" 2>"$DIR/err.txt"
}

for layout in $LAYOUTS; do
  case "$layout" in
    multiclass) rows="${ROWS_MULTI:-${ROWS:-1000000}}"; cols="${COLUMNS:-25}" ;;
    multilabel) rows="${ROWS_MULTI:-${ROWS:-1000000}}"; cols="${COLUMNS:-10}" ;;
    *) rows="${ROWS:-10000000}"; cols=0 ;;
  esac
  file="$DIR/${layout}_${rows}_${cols}.csv"
  [[ -f "$file" ]] || java "$root/discern-bench/scripts/MemoryData.java" "$layout" "$rows" "$cols" "$file"
  lo="${LO:-16}" hi="${HI:-$(( rows * 200 * (cols > 0 ? cols : 1) / 1048576 + 256 ))}"
  run "$hi" "$file" || { echo "$layout: fails even with -Xmx${hi}m: $(tail -3 "$DIR/err.txt")"; continue; }
  best="$(cat "$DIR/time.txt")"
  while (( hi - lo > hi / 40 + 8 )); do
    mid=$(( (lo + hi) / 2 ))
    if run "$mid" "$file"; then hi=$mid; best="$(cat "$DIR/time.txt")"; else lo=$mid; fi
  done
  read -r wall rss <<<"$best"
  printf '%s %s rows x %s: smallest -Xmx %s MB (%.1f bytes/row), at it %s s wall, peak RSS %s MB (%.1f bytes/row); load %s\n' \
    "$layout" "$rows" "$cols" "$hi" "$(echo "$hi * 1048576 / $rows" | bc -l)" "$wall" "$(( rss / 1024 ))" \
    "$(echo "$rss * 1024 / $rows" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  [[ "${KEEP:-0}" == 1 ]] || rm -f "$file"
done
