#!/usr/bin/env bash
# etl audit on N (default 1,000,000) generated actions_taken documents: a MongoDB source in its own process
# (mongo-java-server, in memory), loaded by `etl run actions_taken --incremental` into the embedded PostgreSQL, then
# `etl audit actions_taken` by day (the whole range) and by hour (its first week). Prints each audit's wall time (JVM start included), peak RSS and the
# CPU seconds of etl and of the source. mongo-java-server scans the collection for each bucket's count (it has no
# range index), so its side grows with documents × buckets here (by hour over the whole range, 1,500 scans of the
# collection, would take the better part of an hour); a real MongoDB counts a bucket on the index.
#   bench/audit.sh [documents]
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
documents="${1:-1000000}"
source "$project/bench/common.sh"
bench_setup
serve_source "$documents"

timed_etl "load (all documents)" "$documents" "$work/home" mongo.uri="$uri"

timed_audit() {   # label by [option …]: one `etl audit actions_taken --by <by> …`; prints its verdict
  local label=$1 by=$2 start end rss user system before
  shift 2
  before="$(cpu_seconds "$source_pid")"
  start=$(date +%s%N)
  /usr/bin/time -f "%M %U %S" -o "$work/rss" "$project/etl" audit actions_taken --by "$by" "$@" --home "$work/home" \
      --set mongo.uri="$uri" >"$work/audit-$by.out" 2>"$work/audit-$by.err" || { cat "$work/audit-$by.out" "$work/audit-$by.err"; exit 1; }
  end=$(date +%s%N)
  read -r rss user system <"$work/rss"
  awk -v label="$label" -v s="$start" -v e="$end" -v rss="$rss" -v u="$user" -v sy="$system" -v cpu="$(cpu_used source "$before" "$(cpu_seconds "$source_pid")")" 'BEGIN {
      printf "%-28s %7.1f s   peak RSS %d MB   CPU: etl %.1f s, %s\n", label, (e - s) / 1e9, rss / 1024, u + sy, cpu }'
  sed -n '1p;/match\|differ/p' "$work/audit-$by.out" | sed 's/^/    /'
}

timed_audit "audit by day" day
timed_audit "audit by hour, first week" hour --since 2026-10-01 --until 2026-10-08
