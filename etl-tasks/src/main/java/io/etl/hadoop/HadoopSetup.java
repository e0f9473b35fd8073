package io.etl.hadoop;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;
import io.etl.state.StateDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;

/**
 * Where Hadoop jobs (and Pig) run. By default in this process, in local mode, with every scratch folder inside the
 * state directory; on a cluster when setting {@code hadoop.conf.dir} or {@code HADOOP_CONF_DIR} names a folder
 * of {@code *-site.xml} files.
 *
 * @param clusterConfDir the cluster's configuration folder; empty for local mode
 * @param scratch        where local mode keeps temporary, staging and spill files
 * @param localMaps      how many map tasks local mode runs at once, and threads an extract's map task converts on
 */
public record HadoopSetup(Optional<Path> clusterConfDir, Path scratch, int localMaps) {

    public static final SettingKey<Optional<Path>> CONF_DIR = SettingKey.optional("hadoop.conf.dir", SettingType.path(),
            "A Hadoop cluster's folder of *-site.xml files, to run jobs there (default: HADOOP_CONF_DIR, else local mode)");
    public static final SettingKey<Optional<Integer>> LOCAL_MAPS = SettingKey.optional("hadoop.local.maps", SettingType.atLeast(1),
            "How many map tasks local mode runs at once (the transform's), and on how many threads an extract's map task converts documents (default: the available cores)");
    private static final String TMP = "tmp";
    private static final String LOCAL = "local";
    private static final String STAGING = "staging";
    private static final String PIG = "pig";
    /** The scratch folders of local-mode jobs, each job's files in folders of its own. */
    private static final List<String> JOB_FOLDERS = List.of(TMP, LOCAL, STAGING, PIG);

    public static HadoopSetup from(Settings settings, Map<String, String> environment) {
        Optional<Path> confDir = settings.get(CONF_DIR)
                .or(() -> Optional.ofNullable(environment.get("HADOOP_CONF_DIR")).filter(s -> !s.isBlank()).map(Path::of));
        return new HadoopSetup(confDir, StateDirectory.from(settings).resolve("hadoop"),
                settings.get(LOCAL_MAPS).orElseGet(Runtime.getRuntime()::availableProcessors));
    }

    public boolean local() {
        return clusterConfDir.isEmpty();
    }

    /**
     * How many map tasks of a job this setup runs at once, as far as it decides, and on how many threads an
     * extract's map task converts: {@link #localMaps} in local mode; 1 on a cluster, whose free containers decide
     * (there the split size cuts a window).
     */
    public int mapsAtOnce() {
        return local() ? localMaps : 1;
    }

    /**
     * What a job ships to the cluster's containers: the jar of {@code jobClass} and those of the library classes
     * its tasks load. Empty in local mode, where the tasks run on this process's class path.
     */
    public Optional<JobJars> jobJars(Class<?> jobClass, List<Class<?>> libraryClasses) {
        return local() ? Optional.empty() : Optional.of(JobJars.of(scratch.resolve("jars"), jobClass, libraryClasses));
    }

    /** A configuration for one job: the mode's settings, then {@code extra} (a lake's s3a settings, the job's own). */
    public Configuration configuration(Map<String, String> extra) {
        Configuration conf = new Configuration();
        if (clusterConfDir.isPresent()) {
            siteFiles(clusterConfDir.get()).forEach(file -> conf.addResource(new org.apache.hadoop.fs.Path(file.toUri())));
        } else {
            localSettings().forEach(conf::set);
            HadoopLog.listen();
        }
        // no "Implement the Tool interface" warning: our jobs take no Hadoop command-line options
        conf.setBoolean("mapreduce.client.genericoptionsparser.used", true);
        // our stages flag their output complete themselves, after their own checks
        conf.setBoolean("mapreduce.fileoutputcommitter.marksuccessfuljobs", false);
        // tasks' files reach the output only when the job commits: a failed job leaves no part that looks finished
        conf.setInt("mapreduce.fileoutputcommitter.algorithm.version", 1);
        extra.forEach(conf::set);
        return conf;
    }

    /**
     * Removes what jobs left in the scratch folders of local mode (temporary, job and staging folders, Pig's
     * temporary files) that is older than {@code before}: a job killed with its run never removes its own. The
     * folders are shared by the ETLs of this state directory, which may run at once, so only what is older than any
     * run goes; the shipped jars stay.
     *
     * @return how many files and folders were removed
     */
    public int pruneScratch(Instant before) throws IOException {
        int removed = 0;
        for (String folder : JOB_FOLDERS) {
            Path root = scratch.resolve(folder);
            if (!Files.isDirectory(root)) {
                continue;
            }
            // the times as they were before removing: removing a file makes its folder look new
            List<Path> oldDeepestFirst;
            try (Stream<Path> walk = Files.find(root, Integer.MAX_VALUE,
                    (path, attributes) -> attributes.lastModifiedTime().toInstant().isBefore(before))) {
                oldDeepestFirst = walk.filter(path -> !path.equals(root)).sorted(Comparator.reverseOrder()).toList();
            }
            for (Path path : oldDeepestFirst) {
                if (removable(path)) {
                    Files.delete(path);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** A file, or a folder emptied by the files removed before it. */
    private static boolean removable(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    private Map<String, String> localSettings() {
        Map<String, String> local = new LinkedHashMap<>();
        local.put("fs.defaultFS", "file:///");
        local.put("mapreduce.framework.name", "local");
        local.put("hadoop.tmp.dir", scratch.resolve(TMP).toString());
        local.put("mapreduce.cluster.local.dir", scratch.resolve(LOCAL).toString());
        local.put("mapreduce.jobtracker.staging.root.dir", scratch.resolve(STAGING).toString());
        local.put("yarn.app.mapreduce.am.staging-dir", scratch.resolve(STAGING).toString());
        local.put("pig.temp.dir", scratch.resolve(PIG).toString());
        // the local runner runs one map at a time unless told; splits exist to use the cores
        local.put("mapreduce.local.map.tasks.maximum", String.valueOf(localMaps));
        // the default (5 s) adds up to 5 s to every job
        local.put("mapreduce.client.completion.pollinterval", "50");
        return local;
    }

    private static List<Path> siteFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sites = files.filter(f -> f.getFileName().toString().endsWith("-site.xml")).sorted().toList();
            if (sites.isEmpty()) {
                throw new IllegalArgumentException("Hadoop configuration folder " + dir + " holds no *-site.xml file");
            }
            return sites;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Hadoop configuration folder " + dir, e);
        }
    }
}
