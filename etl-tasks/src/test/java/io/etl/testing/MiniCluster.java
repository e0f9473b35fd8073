package io.etl.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;

/**
 * HDFS and YARN in this JVM (MiniDFSCluster with one datanode, MiniMRYarnCluster with one node manager), described
 * to the ETL as a real cluster is: a folder of {@code *-site.xml} files ({@link #confDir()}).
 *
 * <p>The minicluster normally gives containers the whole class path. Here they get only what a cluster's
 * installation holds (this class path without our code, MongoDB's, Pig's and their libraries), so a job passes only
 * if it ships what it needs.
 *
 * <p>The node manager keeps the minicluster's default of 4,096 MB for containers: the application master (1,536 MB)
 * and two tasks of 1,024 MB at a time, one per core of a small machine. Its vcores do not limit anything: the
 * capacity scheduler counts memory only.
 */
public final class MiniCluster implements AutoCloseable {

    /** What the ETL ships and a cluster lacks: our modules, mongo-hadoop and its driver, Pig (with its RoaringBitmap) and its libraries. */
    private static final Pattern SHIPPED = Pattern.compile(
            ".*(/target/(test-)?classes|/etl-[^/]*\\.jar|/mongo-hadoop-core-|/mongo-java-driver-|/pig-[^/]*\\.jar"
                    + "|/antlr-runtime-|/automaton-|/joda-time-).*");

    private static final String CONTAINER_LOGGING = "container-logback.xml";
    /** The JVM options of the application master's and the tasks' containers that belong to the cluster's administrator, with Hadoop's defaults. */
    private static final Map<String, String> ADMIN_JAVA_OPTS = Map.of(
            MRJobConfig.MR_AM_ADMIN_COMMAND_OPTS, MRJobConfig.DEFAULT_MR_AM_ADMIN_COMMAND_OPTS,
            MRJobConfig.MAPRED_MAP_ADMIN_JAVA_OPTS, MRJobConfig.DEFAULT_MAPRED_ADMIN_JAVA_OPTS,
            MRJobConfig.MAPRED_REDUCE_ADMIN_JAVA_OPTS, MRJobConfig.DEFAULT_MAPRED_ADMIN_JAVA_OPTS);

    private final MiniDFSCluster dfs;
    private final MiniMRYarnCluster yarn;
    private final Path confDir;

    private MiniCluster(MiniDFSCluster dfs, MiniMRYarnCluster yarn, Path confDir) {
        this.dfs = dfs;
        this.yarn = yarn;
        this.confDir = confDir;
    }

    /** Starts both, with every folder they write (HDFS blocks, container files and logs, the site file) under {@code base}, emptied first. */
    public static MiniCluster start(Path base) throws IOException {
        FileUtil.fullyDelete(base.toFile());
        // the node manager's local and log folders and the job staging folder go where the minicluster's test folder is
        System.setProperty("test.build.data", base.toString());
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("dfs").toString());
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        MiniMRYarnCluster yarn = new MiniMRYarnCluster("etl", 1);
        try {
            yarn.init(new Configuration(dfs.getConfiguration(0)));
            yarn.start();
            return new MiniCluster(dfs, yarn, writeSiteFile(new Configuration(yarn.getConfig()), base.resolve("conf")));
        } catch (RuntimeException | IOException e) {
            yarn.stop();
            dfs.shutdown();
            throw e;
        }
    }

    @Override
    public void close() {
        yarn.stop();
        dfs.shutdown();
    }

    /** The folder to point setting {@code hadoop.conf.dir} at. */
    public Path confDir() {
        return confDir;
    }

    /** {@code hdfs://localhost:port/path}. */
    public String hdfsUri(String path) {
        return dfs.getURI() + "/" + path;
    }

    private static Path writeSiteFile(Configuration cluster, Path dir) throws IOException {
        cluster.setBoolean("yarn.is.minicluster", false);
        cluster.set("mapreduce.application.classpath", installation());
        Files.createDirectories(dir);
        configureContainerLogging(cluster, dir.resolve(CONTAINER_LOGGING));
        try (OutputStream out = Files.newOutputStream(dir.resolve("cluster-site.xml"))) {
            cluster.writeXml(out);
        }
        return dir;
    }

    /** Containers log as a cluster's installation has them log: the administrator's JVM options name the file. */
    private static void configureContainerLogging(Configuration cluster, Path file) throws IOException {
        try (InputStream logging = MiniCluster.class.getResourceAsStream("/" + CONTAINER_LOGGING)) {
            Files.copy(logging, file, StandardCopyOption.REPLACE_EXISTING);
        }
        ADMIN_JAVA_OPTS.forEach((option, hadoopDefault) ->
                cluster.set(option, cluster.get(option, hadoopDefault) + " -Dlogback.configurationFile=" + file));
    }

    /** This JVM's class path without what the ETL must ship: what the cluster's nodes hold. */
    private static String installation() {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        return entries.stream().filter(entry -> !SHIPPED.matcher(entry).matches()).collect(Collectors.joining(","));
    }
}
