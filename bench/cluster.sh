#!/usr/bin/env bash
# The same N (default 1,000,000) generated actions_taken documents replicated by the real `etl` command twice, each
# run into a fresh home (so its own embedded PostgreSQL) from one MongoDB source of its own process (mongo-java-server,
# in memory): first in local mode, then with its jobs on YARN and its lake on HDFS, a Hadoop minicluster (one
# datanode, one node manager) in a third process. Prints each run's wall time (JVM start included), documents/s,
# peak memory, CPU seconds of etl, the source and the cluster (its containers counted as its children) and each
# stage's time; checks that both loaded every dated document; then where the YARN jobs spent their time, from
# their job history. KEEP=1 keeps the work folder (the cluster's container logs are under minicluster/).
#   bench/cluster.sh [documents]
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
documents="${1:-1000000}"
source "$project/bench/common.sh"
bench_setup
# the minicluster reflects into java.lang; 2 GB hold HDFS, YARN and the job history server, not the containers; its
# web servers unpack their pages into the temporary folder, which they leave behind
mkdir "$work/tmp"
"${bench_java[@]}" -Xmx2g --add-opens=java.base/java.lang=ALL-UNNAMED -Djava.io.tmpdir="$work/tmp" ${CLUSTER_JAVA_OPTS:-} \
    io.etl.bench.ClusterServer "$work/minicluster" >"$work/cluster.log" 2>&1 &
cluster_pid=$!
started+=($cluster_pid)
start_source "$documents"
watched=("source:$source_pid" "cluster:$cluster_pid")
uri="$(await_ready $source_pid "$work/source.log")"
echo "source ready: $documents documents"
read -r conf_dir lake_uri <<<"$(await_ready $cluster_pid "$work/cluster.log")"
echo "cluster ready: $conf_dir, lake $lake_uri"

timed_etl "local mode" "$documents" "$work/local" mongo.uri="$uri"
loaded_all "$documents" "$work/local"
timed_etl "YARN, lake on HDFS" "$documents" "$work/cluster" mongo.uri="$uri" hadoop.conf.dir="$conf_dir" lake.uri="$lake_uri"
loaded_all "$documents" "$work/cluster"
echo "where the YARN jobs' time went (job history):"
"${bench_java[@]}" io.etl.bench.JobTimes "$conf_dir" 2>"$work/job-times.log"
