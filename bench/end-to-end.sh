#!/usr/bin/env bash
# End to end through the real `etl` command: N (default 1,000,000) generated actions_taken documents in a MongoDB
# source of their own process (mongo-java-server, in memory), `etl run actions_taken --incremental` with everything
# else embedded (Hadoop and Pig in local mode, a local lake, the embedded PostgreSQL); then the baseline, a direct
# copy of the same documents from the same source into a PostgreSQL of its own started the same way (DirectCopy: one
# pass, cursor → TSV → COPY FROM STDIN), and the ratio of the two rates; then the same etl command again with no new
# documents (NOTHING_NEW_RUNS times, default once, one after the other on the same sample). Prints each run's wall time
# (JVM start included), documents/s, peak RSS and CPU seconds of each process, and per stage the same figures; for the
# first run also the least wall time its CPU seconds allow on this machine's cores, however its stages overlapped. With
# PROFILE=<folder>, the first run is recorded (Java Flight Recorder) into <folder>/first-run.jfr, and where etl's CPU
# went, by stage and method, is written to <folder>/first-run.txt (io.etl.bench.ProfileSummary).
#   [NOTHING_NEW_RUNS=n] [PROFILE=folder] bench/end-to-end.sh [documents]
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
documents="${1:-1000000}"
source "$project/bench/common.sh"
bench_setup
serve_source "$documents"

ETL_JAVA_OPTS="${ETL_JAVA_OPTS:-}${PROFILE:+ -XX:StartFlightRecording=filename=$PROFILE/first-run.jfr,settings=profile}" \
    timed_etl "first run (all documents)" "$documents" "$work/home" mongo.uri="$uri"
end_to_end=$rate
loaded_all "$documents" "$work/home"
# what no overlap of the stages can beat: the run's CPU, spread over every core without a moment idle
awk -v cpu="$cpu_total" -v cores="$(nproc)" -v n="$documents" 'BEGIN {
    printf "    CPU of every process %.1f s: on %d cores no order of this work ends before %.1f s (%.0f documents/s)\n", cpu, cores, cpu / cores, n / (cpu / cores) }'
if [[ -n "${PROFILE:-}" ]]; then
  "${bench_java[@]}" io.etl.bench.ProfileSummary "$PROFILE/first-run.jfr" 25 >"$PROFILE/first-run.txt"
  echo "    where its CPU went (a flight recording of etl): $PROFILE/first-run.txt"
fi
timed "direct copy (baseline)" direct-copy "$documents" "$work/direct-copy" "$work/direct-copy-warehouse" \
    "${bench_java[@]}" io.etl.bench.DirectCopy "$uri" "$work/direct-copy-warehouse"
read -r _ copied seconds <"$work/direct-copy.out"
awk -v n="$copied" -v t="$seconds" -v e="$end_to_end" 'BEGIN { direct = n / t
    printf "    the copy alone (no JVM or PostgreSQL start): %d documents in %.1f s, %.0f documents/s\n", n, t, direct
    printf "end to end ÷ direct copy: %.0f ÷ %.0f documents/s = %.2f\n", e, direct, e / direct }'
for (( run = 1; run <= ${NOTHING_NEW_RUNS:-1}; run++ )); do
  timed_etl "no new documents" 0 "$work/home" mongo.uri="$uri"
done
