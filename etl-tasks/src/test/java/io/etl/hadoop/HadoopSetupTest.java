package io.etl.hadoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etl.testing.TestSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopSetupTest {

    @TempDir
    Path home;

    @Test
    void by_default_jobs_run_locally_with_their_scratch_folders_in_the_state_directory() {
        HadoopSetup hadoop = HadoopSetup.from(TestSettings.of(home), Map.of());

        Configuration conf = hadoop.configuration(Map.of("fs.s3a.endpoint.region", "eu-west-1"));

        assertTrue(hadoop.local());
        assertEquals("local", conf.get("mapreduce.framework.name"));
        for (String folder : List.of("hadoop.tmp.dir", "mapreduce.cluster.local.dir", "mapreduce.jobtracker.staging.root.dir",
                "pig.temp.dir")) {
            assertTrue(conf.get(folder).startsWith(home.resolve("hadoop").toString()), folder + " = " + conf.get(folder));
        }
        assertEquals("eu-west-1", conf.get("fs.s3a.endpoint.region"));
        assertEquals("false", conf.get("mapreduce.fileoutputcommitter.marksuccessfuljobs"), "the stages write _SUCCESS last");
    }

    @Test
    void local_mode_runs_as_many_maps_at_once_as_the_cores_or_as_set_and_a_cluster_decides_its_own() {
        HadoopSetup byDefault = HadoopSetup.from(TestSettings.of(home), Map.of());
        HadoopSetup set = HadoopSetup.from(TestSettings.of(home, "hadoop.local.maps", "3"), Map.of());
        HadoopSetup cluster = HadoopSetup.from(TestSettings.of(home, "hadoop.local.maps", "3", "hadoop.conf.dir", home.toString()), Map.of());

        assertEquals(Runtime.getRuntime().availableProcessors(), byDefault.mapsAtOnce());
        assertEquals(String.valueOf(byDefault.mapsAtOnce()), byDefault.configuration(Map.of()).get("mapreduce.local.map.tasks.maximum"));
        assertEquals(3, set.mapsAtOnce());
        assertEquals("3", set.configuration(Map.of()).get("mapreduce.local.map.tasks.maximum"));
        assertEquals(1, cluster.mapsAtOnce());
    }

    @Test
    void a_cluster_configuration_folder_from_the_environment_or_the_settings_is_loaded_instead_with_our_committer() throws Exception {
        Path cluster = Files.createDirectory(home.resolve("cluster"));
        Files.writeString(cluster.resolve("mapred-site.xml"), """
                <configuration>
                  <property><name>mapreduce.framework.name</name><value>yarn</value></property>
                  <property><name>yarn.resourcemanager.address</name><value>rm.example:8032</value></property>
                  <property><name>mapreduce.fileoutputcommitter.algorithm.version</name><value>2</value></property>
                </configuration>
                """);

        HadoopSetup fromEnvironment = HadoopSetup.from(TestSettings.of(home), Map.of("HADOOP_CONF_DIR", cluster.toString()));
        HadoopSetup fromSettings = HadoopSetup.from(TestSettings.of(home, "hadoop.conf.dir", cluster.toString()), Map.of());

        assertEquals(fromEnvironment, fromSettings);
        assertFalse(fromSettings.local());
        Configuration conf = fromSettings.configuration(Map.of());
        assertEquals("yarn", conf.get("mapreduce.framework.name"));
        assertEquals("rm.example:8032", conf.get("yarn.resourcemanager.address"));
        assertEquals("1", conf.get("mapreduce.fileoutputcommitter.algorithm.version"),
                "algorithm 2 moves a task's files into the output before the job commits");
    }

    @Test
    void a_folder_without_site_files_is_refused_by_name() {
        HadoopSetup hadoop = HadoopSetup.from(TestSettings.of(home, "hadoop.conf.dir", home.toString()), Map.of());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> hadoop.configuration(Map.of()));
        assertEquals("Hadoop configuration folder " + home + " holds no *-site.xml file", refused.getMessage());
    }
}
