#!/usr/bin/env bash
# `etl run all --incremental` over ETLs written by `etl generate`: a MongoDB source of its own process
# (mongo-java-server, in memory) holding N (default 20,000) generated documents in actions_taken and in each of
# COLLECTIONS (default 20) more collections; a clone of the project into which `etl generate` writes an ETL for each;
# then, each into a fresh state folder and warehouse, with one worker and with WORKERS (default 2): the run that finds
# every document new, then the same run again, which finds nothing new. Prints each run's wall time (JVM start
# included), documents/s, peak RSS and CPU seconds of each process, and checks that every document is accounted for
# (loaded, rejected, or without a date, which no window selects).
#   [COLLECTIONS=n] [WORKERS=n] bench/run-all.sh [documents per collection]
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
documents="${1:-20000}"
collections="${COLLECTIONS:-20}"
source "$project/bench/common.sh"
bench_setup
serve_source "$documents" "$collections"
total=$(( documents * (collections + 1) ))

# the ETLs are generated into a clone, as a team adds its collections, so the source tree stays as it is
clone="$work/project"
git clone -q "$project" "$clone"
for i in $(seq -f '%02g' 1 "$collections"); do   # by this tree's command, built once, into the clone
  "$project/etl" generate "collection_$i" --project "$clone" --home "$work/generate" --set mongo.uri="$uri" >/dev/null
done
etls="$("$clone/etl" list --home "$work/generate" --set mongo.uri="$uri" | grep -cE '^  collection_[0-9]+ ' || true)"
(( etls == collections )) || { echo "generated $etls ETLs of $collections" >&2; exit 1; }
echo "generated $collections ETLs in $clone, built"

# home: fails unless every document of the source is loaded, rejected, or without a date
accounted() {
  sum() { { cat "$home.out" "$home.err" | grep -oE "$1=[0-9]+" || true; } | cut -d= -f2 | awk '{ s += $1 } END { print s + 0 }'; }
  local home=$1 loaded rejected without
  loaded=$(sum rows_loaded) rejected=$(sum rows_rejected) without=$(sum documents_without_cursor)
  (( loaded + rejected + without == total )) || {
    echo "$home: $loaded loaded + $rejected rejected + $without without date is not the $total documents" >&2; exit 1; }
  echo "    $loaded loaded, $rejected rejected, $without without date"
}

# label home workers documents: the timed `etl run all --incremental` into <home>
run_all() {
  timed "$1" etl "$4" "$2" "$2/warehouse" "$clone/etl" run all --incremental --workers "$3" --home "$2" --set mongo.uri="$uri"
}

for workers in 1 "${WORKERS:-2}"; do
  home="$work/workers-$workers"
  run_all "all new, $workers worker(s)" "$home" "$workers" "$total"
  accounted "$home"
  cp "$home.out" "$home.first.out"
  run_all "nothing new, $workers worker(s)" "$home" "$workers" 0
  grep -q "Result: SUCCESS" "$home.out" || { cat "$home.out" >&2; exit 1; }
done
