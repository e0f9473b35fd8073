package io.etl.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * HDFS and YARN in the test JVM (MiniDFSCluster, MiniMRYarnCluster), once per test class, described to the ETL as a
 * real cluster is: a folder of {@code *-site.xml} files ({@link #confDir()}).
 *
 * <p>The minicluster normally gives containers the whole test class path. Here they get only what a cluster's
 * installation holds (this class path without our code, MongoDB's, Pig's and their libraries), so a job passes only
 * if it ships what it needs.
 */
public final class HadoopCluster implements BeforeAllCallback, AfterAllCallback {

    /** What the ETL ships and a cluster lacks: our modules, mongo-hadoop and its driver, Pig (with its RoaringBitmap) and its libraries. */
    private static final Pattern SHIPPED = Pattern.compile(
            ".*(/target/(test-)?classes|/etl-[^/]*\\.jar|/mongo-hadoop-core-|/mongo-java-driver-|/pig-[^/]*\\.jar"
                    + "|/antlr-runtime-|/automaton-|/joda-time-).*");

    /** The minicluster's own test folder convention: under the module's {@code target}. */
    private final Path base = Path.of("target", "minicluster").toAbsolutePath();
    private MiniDFSCluster dfs;
    private MiniMRYarnCluster yarn;
    private Path confDir;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        FileUtil.fullyDelete(base.toFile());
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("dfs").toString());
        dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        Configuration yarnConf = new Configuration(dfs.getConfiguration(0));
        yarnConf.set("yarn.nodemanager.local-dirs", base.resolve("nm-local").toString());
        yarnConf.set("yarn.nodemanager.log-dirs", base.resolve("nm-logs").toString());
        yarn = new MiniMRYarnCluster("etl", 1);
        yarn.init(yarnConf);
        yarn.start();
        confDir = writeSiteFile(new Configuration(yarn.getConfig()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (yarn != null) {
            yarn.stop();
        }
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    /** The folder to point setting {@code hadoop.conf.dir} at. */
    public Path confDir() {
        return confDir;
    }

    /** {@code hdfs://localhost:port/path}. */
    public String hdfsUri(String path) {
        return dfs.getURI() + "/" + path;
    }

    private Path writeSiteFile(Configuration cluster) throws IOException {
        cluster.setBoolean("yarn.is.minicluster", false);
        cluster.set("mapreduce.application.classpath", installation());
        Path dir = Files.createDirectories(base.resolve("conf"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("cluster-site.xml"))) {
            cluster.writeXml(out);
        }
        return dir;
    }

    /** This JVM's class path without what the ETL must ship: what the cluster's nodes hold. */
    private static String installation() {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        return entries.stream().filter(entry -> !SHIPPED.matcher(entry).matches()).collect(Collectors.joining(","));
    }
}
