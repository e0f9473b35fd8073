package io.etl.hadoop;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;
import io.etl.state.StateDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
public record HadoopSetup(Optional<Path> clusterConfDir, Path scratch) {

    public static final SettingKey<Optional<Path>> CONF_DIR = SettingKey.optional("hadoop.conf.dir", SettingType.path(),
            "A Hadoop cluster's folder of *-site.xml files, to run jobs there (default: HADOOP_CONF_DIR, else local mode)");

    public static HadoopSetup from(Settings settings, Map<String, String> environment) {
        Optional<Path> confDir = settings.get(CONF_DIR)
                .or(() -> Optional.ofNullable(environment.get("HADOOP_CONF_DIR")).filter(s -> !s.isBlank()).map(Path::of));
        return new HadoopSetup(confDir, StateDirectory.from(settings).resolve("hadoop"));
    }

    public boolean local() {
        return clusterConfDir.isEmpty();
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

    private Map<String, String> localSettings() {
        Map<String, String> local = new LinkedHashMap<>();
        local.put("fs.defaultFS", "file:///");
        local.put("mapreduce.framework.name", "local");
        local.put("hadoop.tmp.dir", scratch.resolve("tmp").toString());
        local.put("mapreduce.cluster.local.dir", scratch.resolve("local").toString());
        local.put("mapreduce.jobtracker.staging.root.dir", scratch.resolve("staging").toString());
        local.put("yarn.app.mapreduce.am.staging-dir", scratch.resolve("staging").toString());
        local.put("pig.temp.dir", scratch.resolve("pig").toString());
        // the local runner runs one map at a time unless told; splits exist to use the cores
        local.put("mapreduce.local.map.tasks.maximum", String.valueOf(Runtime.getRuntime().availableProcessors()));
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
