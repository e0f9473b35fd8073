#!/usr/bin/env bash
# Extract then transform of generated actions_taken documents (default 1,000,000) in one JVM: mongo-java-server
# (in-memory back end) on loopback, Hadoop and Pig in local mode, a local lake in a temporary folder.
# Prints the rate of each stage and the peak memory.
# Usage: bench/extract-transform.sh [documents [setting=value ...]], e.g. 1000000 extract.split.size=500000
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl etl-tasks -am install -DskipTests
mvn -B -q -pl etl-tasks test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java ${BENCH_JAVA_OPTS:-} -Xmx2g -cp "etl-tasks/target/test-classes:etl-tasks/target/classes:$(cat etl-tasks/target/bench.classpath)" \
    -Dlogback.configurationFile=etl-tasks/src/test/resources/logback-test.xml \
    io.etl.bench.ExtractTransformBenchmark "$@"
