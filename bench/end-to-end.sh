#!/usr/bin/env bash
# End to end through the real `etl` command: N (default 1,000,000) generated actions_taken documents in a MongoDB
# source of their own process (mongo-java-server, in memory), `etl run actions_taken --incremental` with everything
# else embedded (Hadoop and Pig in local mode, a local lake, the embedded PostgreSQL), then the same command again
# with no new documents. Prints each run's wall time (JVM start included), documents/s and peak memory.
#   bench/end-to-end.sh [documents]
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
documents="${1:-1000000}"
work="$(mktemp -d)"
"$project/etl" --version >/dev/null
(cd "$project" && mvn -B -q -pl etl-tasks test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath)
java -Xmx3g ${SOURCE_JAVA_OPTS:-} -cp "$project/etl-tasks/target/test-classes:$project/etl-tasks/target/classes:$(cat "$project/etl-tasks/target/bench.classpath")" \
    -Dlogback.configurationFile="$project/etl-tasks/src/test/resources/logback-test.xml" \
    io.etl.bench.SourceServer "$documents" >"$work/source.log" 2>&1 &
source_pid=$!
trap 'kill $source_pid 2>/dev/null; [[ -n "${KEEP:-}" ]] && echo "kept $work" || rm -rf "$work"' EXIT
until grep -qs '^ready ' "$work/source.log"; do
  kill -0 $source_pid 2>/dev/null || { cat "$work/source.log"; exit 1; }
  sleep 1
done
uri="$(sed -n 's/^ready //p' "$work/source.log")"
echo "source ready: $documents documents"

source_cpu() {   # the source's CPU seconds so far (user + system)
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$source_pid/stat"
}

run() {   # label: one timed etl run
  local start end source_before
  source_before=$(source_cpu)
  start=$(date +%s%N)
  /usr/bin/time -f "%M %U %S" -o "$work/rss" "$project/etl" run actions_taken --incremental --home "$work/home" \
      --set mongo.uri="$uri" >"$work/out" 2>"$work/err" || { cat "$work/out" "$work/err"; exit 1; }
  end=$(date +%s%N)
  read -r rss user system <"$work/rss"
  awk -v label="$1" -v s="$start" -v e="$end" -v n="$documents" -v rss="$rss" -v cpu="$user $system" \
      -v source="$source_before $(source_cpu)" 'BEGIN {
      split(cpu, c, " "); split(source, m, " ");
      t = (e - s) / 1e9; printf "%-28s %7.1f s   %8.0f documents/s   peak RSS %d MB   CPU: etl %.1f s, source %.1f s\n",
      label, t, n / t, rss / 1024, c[1] + c[2], m[2] - m[1] }'
  grep -E '^ +actions_taken_(extract|transform|load)\(' "$work/out" | sed -E 's/^ */    /; s/\(lower=[^)]*\)//' 
}
run "first run (all documents)"
documents=0
run "no new documents"
