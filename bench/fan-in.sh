#!/usr/bin/env bash
# Engine benchmark: `etl run fan_in --tasks N` (one wrapper requiring N no-op tasks, each writing a small file), with
# 1 worker, through the real launcher (JVM start included); then the same again with every output already present.
#   bench/fan-in.sh [N ...]          default: 1000 10000 100000
#   BENCH_DIR=/dev/shm/fan bench/fan-in.sh   to take the disk's file-creation speed out of the figures
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
outputs="${BENCH_DIR:-$work/outputs}"
trap 'rm -rf "$work" "$outputs"' EXIT
"$project/etl" --version >/dev/null   # build first, outside the timings

measure() {   # label, args…: prints wall seconds and peak memory of one etl run
  local label="$1"; shift
  local start end
  start=$(date +%s%N)
  if command -v /usr/bin/time >/dev/null; then
    /usr/bin/time -f "%M" -o "$work/rss" "$project/etl" --home "$work/home" "$@" >"$work/out" 2>"$work/err"
  else
    "$project/etl" --home "$work/home" "$@" >"$work/out" 2>"$work/err"; echo "?" >"$work/rss"
  fi
  end=$(date +%s%N)
  printf '%-34s %8.2f s   peak RSS %s MB\n' "$label" "$(awk -v s="$start" -v e="$end" 'BEGIN { print (e - s) / 1e9 }')" "$(awk '{ if ($1 == "?") print "?"; else printf "%d", $1/1024 }' "$work/rss")"
  grep -q '^Result: SUCCESS' "$work/out" || { cat "$work/out" "$work/err"; exit 1; }
}

sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 100000)
for size in "${sizes[@]}"; do
  rm -rf "$outputs"
  measure "N=$size, first run" run fan_in --tasks "$size" --dir "$outputs" --workers 1
  measure "N=$size, all complete" run fan_in --tasks "$size" --dir "$outputs" --workers 1
done
