# Sourced by the side-by-side scripts that time the tool as its launcher runs it (compare_jars.sh,
# floor_auc.sh); not run on its own.
#
#   tool_options                 sets $opts: the launcher's JVM options (see ../../discern), without
#                                transparent huge pages where the kernel has none; JAVA_OPTS replaces them
#   tool_archive JAR ARCHIVE     writes a class-data-sharing archive of JAR's classes, made as the
#                                launcher makes its own (one evaluate of a four-row file)

tool_options() {
  opts="-Xmx4g -XX:+UseParallelGC -XX:MaxNewSize=512m"
  local thp=""
  [[ -r /sys/kernel/mm/transparent_hugepage/enabled ]] && read -r thp </sys/kernel/mm/transparent_hugepage/enabled
  [[ "$thp" == *"[always]"* || "$thp" == *"[madvise]"* ]] && opts="$opts -XX:+UseTransparentHugePages"
  opts="${JAVA_OPTS:-$opts}"
}

tool_archive() {
  local jar="$1" archive="$2" sample
  sample="$(mktemp "${TMPDIR:-/tmp}/discern-sample.XXXXXX.csv")"
  printf 'label,score\n1,0.9\n0,0.1\n1,0.6\n0,0.7\n' >"$sample"
  java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off,cds+dynamic=off -Djava.awt.headless=true \
    -cp "$jar" org.discern.cli.Main evaluate "$sample" --format json >/dev/null 2>&1
  rm -f "$sample"
}
