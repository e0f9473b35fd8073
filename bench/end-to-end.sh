#!/usr/bin/env bash
# End to end through the real `etl` command: N (default 1,000,000) generated actions_taken documents in a MongoDB
# source of their own process (mongo-java-server, in memory), `etl run actions_taken --incremental` with everything
# else embedded (Hadoop and Pig in local mode, a local lake, the embedded PostgreSQL), then the same command again
# with no new documents. Prints each run's wall time (JVM start included), documents/s and peak memory.
#   bench/end-to-end.sh [documents]
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
documents="${1:-1000000}"
source "$project/bench/common.sh"
bench_setup
serve_source "$documents"

timed_etl "first run (all documents)" "$documents" "$work/home" mongo.uri="$uri"
timed_etl "no new documents" 0 "$work/home" mongo.uri="$uri"
