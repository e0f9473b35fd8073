#!/usr/bin/env bash
# Extract then transform of generated actions_taken documents (default 1,000,000) in one JVM: mongo-java-server
# (in-memory back end) on loopback, Hadoop and Pig in local mode, a local lake in a temporary folder.
# Prints the rate of each stage and the peak memory.
# Usage: bench/extract-transform.sh [documents [setting=value ...]], e.g. 1000000 extract.split.size=500000
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$project/bench/common.sh"
bench_build
exec "${bench_java[@]}" ${BENCH_JAVA_OPTS:-} -Xmx2g io.etl.bench.ExtractTransformBenchmark "$@"
