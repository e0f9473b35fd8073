#!/usr/bin/env bash
# A backfill through the real `etl` command: N (default 1,000,000) generated actions_taken documents over 30 days in a
# MongoDB source of their own process (mongo-java-server, in memory), with everything else embedded; loaded as one
# window (`--since 2026-10-01 --until 2026-10-31`), then, each into a fresh state folder and warehouse, in 30 daily
# chunks (`--chunk 1d`) with one worker and with WORKERS (default 2). Prints each run's wall time (JVM start included),
# documents/s, peak RSS and CPU seconds of each process, checks that each loaded every document, and the chunked runs'
# rates as a ratio to the single window's.
#   [WORKERS=n] bench/backfill.sh [documents]
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
documents="${1:-1000000}"
source "$project/bench/common.sh"
bench_setup
serve_source "$documents"

# label home [option …]: the timed backfill of the 30 days into <home>, then the check that it loaded every document
# with a date (the generator leaves some without, which no window selects: the one window's extract counts them)
backfill() {
  local label=$1 home=$2 loaded
  shift 2
  timed "$label" etl "$documents" "$home" "$home/warehouse" "$project/etl" run actions_taken \
      --since 2026-10-01 --until 2026-10-31 --home "$home" --set mongo.uri="$uri" "$@"
  without="${without:-$(grep -oE 'documents_without_cursor=[0-9]+' "$home.out" | head -1 | cut -d= -f2)}"
  loaded="$("$project/etl" sql "SELECT COUNT(*) FROM actions_taken" --format tsv --home "$home" --set mongo.uri="$uri" | tail -1)"
  (( loaded + without == documents )) || { echo "$label: loaded $loaded rows of $documents documents ($without without date)" >&2; exit 1; }
}

backfill "one window" "$work/window"
window=$rate
backfill "30 daily chunks, 1 worker" "$work/chunks-1" --chunk 1d
one=$rate
backfill "30 daily chunks, ${WORKERS:-2} workers" "$work/chunks-n" --chunk 1d --workers "${WORKERS:-2}"
awk -v w="$window" -v a="$one" -v b="$rate" -v n="${WORKERS:-2}" 'BEGIN {
    printf "chunks ÷ one window: 1 worker %.2f, %d workers %.2f\n", a / w, n, b / w }'
