package io.etl.bench;

import io.etl.testing.MiniCluster;

import java.nio.file.Path;

/**
 * A Hadoop cluster for the cluster benchmark, in its own process so that the timed {@code etl} run pays for nothing
 * but itself: a {@link MiniCluster} with every folder under the given one. Prints
 * {@code ready <conf-dir> <hdfs-uri-of-a-lake-folder>} and serves until killed.
 */
public final class ClusterServer {

    private ClusterServer() {
    }

    public static void main(String[] args) throws Exception {
        MiniCluster cluster = MiniCluster.start(Path.of(args[0]).toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        System.out.println("ready " + cluster.confDir() + " " + cluster.hdfsUri("lake"));
        System.out.flush();
        Thread.currentThread().join();
    }
}
