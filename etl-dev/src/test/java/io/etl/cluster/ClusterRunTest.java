package io.etl.cluster;

import io.etl.actions.ActionsTaken;
import io.etl.environment.EtlEnvironment;
import io.etl.lake.HdfsLake;
import io.etl.lake.Lake;
import io.etl.lake.LakeDirectory;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.scheduler.TaskOutcome;
import io.etl.testing.Await;
import io.etl.testing.Documents;
import io.etl.testing.EmbeddedMongo;
import io.etl.testing.HadoopCluster;
import io.etl.testing.LocalS3;
import io.etl.testing.LocalWarehouse;
import io.etl.testing.SlowPigScript;
import io.etl.testing.TestSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hourly job on a cluster: the same ETL, only its settings changed, with its jobs on YARN and its lake on HDFS or
 * S3 (MiniDFSCluster and MiniMRYarnCluster in this JVM, whose containers get none of our libraries unless the jobs
 * ship them; s3proxy on loopback). The warehouse must end as a local-mode run on the same documents leaves it, and
 * cancelling a run must not leave its jobs running on the cluster.
 */
@Tag("cluster")
class ClusterRunTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    @RegisterExtension
    static final HadoopCluster CLUSTER = new HadoopCluster();

    @RegisterExtension
    final S3ProxyExtension s3 = LocalS3.server();

    @TempDir
    static Path home;
    @RegisterExtension
    static final LocalWarehouse POSTGRES = new LocalWarehouse();

    private static final Set<YarnApplicationState> ENDED =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.KILLED, YarnApplicationState.FAILED);

    private static MongoDatabase source;
    /** What the same ETL loads from {@link #source} in local mode, the default. */
    private static Map<String, List<String>> localRows;

    @BeforeAll
    static void sourceAndItsLocalRun() throws Exception {
        source = MONGO.database();
        EmbeddedMongo.indexedCollection(source, "actions_taken", "date", Documents.hourly("2026-10-01T00:00:00Z", 48));
        RunSummary local = run("local", home.resolve("local"));
        assertEquals(RunStatus.SUCCESS, local.status(), local.toString());
        localRows = rows("local");
        assertEquals(48, localRows.size());
    }

    @Test
    void an_incremental_run_on_yarn_with_the_lake_on_hdfs_loads_what_a_local_run_loads() throws Exception {
        RunSummary cluster = run("cluster", home.resolve("cluster"),
                "hadoop.conf.dir", CLUSTER.confDir().toString(), "lake.uri", CLUSTER.hdfsUri("lake"), "transform.parts", "4");

        assertEquals(RunStatus.SUCCESS, cluster.status(), cluster.toString());
        assertEquals(localRows, rows("cluster"));
        assertEquals(4, transformParts(cluster), "as many parts as set, one per map task");
    }

    @Test
    void an_incremental_run_on_yarn_with_the_lake_on_s3_loads_what_a_local_run_loads() throws Exception {
        List<String> settings = new ArrayList<>(List.of("hadoop.conf.dir", CLUSTER.confDir().toString()));
        // a bucket no other test class uses: Hadoop caches a FileSystem per bucket, with the endpoint it was made with
        settings.addAll(List.of(LocalS3.lake(s3, "s3://cluster-lake/etl")));

        RunSummary cluster = run("s3", home.resolve("s3"), settings.toArray(String[]::new));

        assertEquals(RunStatus.SUCCESS, cluster.status(), cluster.toString());
        assertEquals(localRows, rows("s3"));
        TaskOutcome transform = outcome(cluster, "actions_taken_transform");
        assertTrue(((LakeDirectory) transform.task().output().get(0)).hadoopPath().startsWith("s3a://cluster-lake/etl/"));
    }

    @Test
    void cancelling_a_run_during_its_extract_kills_the_extract_job_on_yarn() throws Exception {
        assertCancellingKills("extract actions_taken", "cancelled_extract");
    }

    @Test
    void cancelling_a_run_during_its_transform_kills_the_pig_job_on_yarn() throws Exception {
        assertCancellingKills("PigLatin", "cancelled_transform",
                "pig.dir", SlowPigScript.in(home.resolve("slow-pig"), 600).toString());
    }

    /**
     * Cancels a run on the cluster (as Ctrl-C, SIGTERM or a Jenkins abort do) once a job whose name starts with
     * {@code job} runs on YARN: the run must end interrupted, and the job killed.
     */
    private static void assertCancellingKills(String job, String name, String... settings) throws Exception {
        List<String> all = new ArrayList<>(List.of("hadoop.conf.dir", CLUSTER.confDir().toString(), "lake.uri", CLUSTER.hdfsUri(name)));
        all.addAll(List.of(settings));
        Scheduler scheduler = Scheduler.builder().build();
        FutureTask<RunSummary> run = new FutureTask<>(() -> run(scheduler, name, home.resolve(name), all.toArray(String[]::new)));
        try (YarnClient yarn = yarnClient()) {
            new Thread(run, name).start();
            // the job before it (the extract, on YARN too) may take minutes on a busy machine
            ApplicationId running = Await.value("'" + job + "…' to run on YARN", Duration.ofMinutes(5),
                    () -> runningApplication(yarn, job));

            scheduler.cancel();

            assertEquals(RunStatus.INTERRUPTED, run.get(60, TimeUnit.SECONDS).status());
            // a killed MapReduce job's master unregisters: the application FINISHED, its final status KILLED
            ApplicationReport ended = Await.value("'" + job + "…' to end on YARN", Duration.ofMinutes(2), () -> {
                ApplicationReport report = yarn.getApplicationReport(running);
                return ENDED.contains(report.getYarnApplicationState()) ? report : null;
            });
            assertEquals(FinalApplicationStatus.KILLED, ended.getFinalApplicationStatus());
        }
    }

    @Test
    void an_hdfs_lake_replaces_files_whole_lists_its_files_and_clears_a_directory() throws Exception {
        try (Lake lake = Lake.open(TestSettings.of(home, "hadoop.conf.dir", CLUSTER.confDir().toString(),
                "lake.uri", CLUSTER.hdfsUri("contract/")))) {
            LakeDirectory directory = new LakeDirectory(lake, "etl/window/extract");
            directory.write("part-m-00001", "old");
            directory.write("part-m-00001", "naïve\t日本語\n");
            directory.write("part-m-00000", "a");
            assertFalse(directory.exists(), "parts without a flag are not complete");
            directory.markComplete();

            assertEquals(HdfsLake.class, lake.getClass());
            assertEquals(CLUSTER.hdfsUri("contract/etl/window/extract"), directory.hadoopPath());
            assertEquals("naïve\t日本語\n", directory.read("part-m-00001"));
            assertEquals(List.of("_SUCCESS", "part-m-00000", "part-m-00001"), lake.list(directory.path()));
            assertTrue(directory.exists());
            directory.clear();
            assertFalse(directory.exists());
            assertEquals(List.of(), lake.list(directory.path()));
        }
    }

    /** The part files of the run's transform, read while the run's lake is still open. */
    private static int transformParts(RunSummary summary) throws Exception {
        return ((LakeDirectory) outcome(summary, "actions_taken_transform").task().output().get(0)).parts().size();
    }

    private static TaskOutcome outcome(RunSummary summary, String family) {
        return summary.outcomes().stream().filter(outcome -> outcome.task().family().equals(family)).findFirst().orElseThrow();
    }

    private static RunSummary run(String schema, Path state, String... settings) {
        return run(Scheduler.builder().build(), schema, state, settings);
    }

    /** actions_taken --incremental from {@link #source} into the warehouse schema given, with the settings given. */
    private static RunSummary run(Scheduler scheduler, String schema, Path state, String... settings) {
        List<String> all = new ArrayList<>(List.of("mongo.uri", MONGO.uri(source), "warehouse.url", POSTGRES.jdbcUrl(),
                "warehouse.schema", schema));
        all.addAll(List.of(settings));
        try (EtlEnvironment environment = new EtlEnvironment(TestSettings.of(state, all.toArray(String[]::new)))) {
            return scheduler.run(ActionsTaken.pipeline(environment).run().parse(Map.of("incremental", "true")));
        }
    }

    /** A client of the cluster's resource manager, configured as the ETL is: from the cluster's site files. */
    private static YarnClient yarnClient() {
        Configuration conf = new YarnConfiguration();
        conf.addResource(new org.apache.hadoop.fs.Path(CLUSTER.confDir().resolve("cluster-site.xml").toUri()));
        YarnClient yarn = YarnClient.createYarnClient();
        yarn.init(conf);
        yarn.start();
        return yarn;
    }

    /** A running application whose name starts so: Pig names its jobs PigLatin:…, the extract "extract <etl> <window>". */
    private static ApplicationId runningApplication(YarnClient yarn, String name) throws Exception {
        return yarn.getApplications(EnumSet.of(YarnApplicationState.RUNNING)).stream().filter(app -> app.getName().startsWith(name))
                .map(ApplicationReport::getApplicationId).findFirst().orElse(null);
    }


    /** Every row of the table, by id, every column as text. */
    private static Map<String, List<String>> rows(String schema) throws Exception {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(POSTGRES.jdbcUrl()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM \"" + schema + "\".actions_taken")) {
            ResultSetMetaData columns = r.getMetaData();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.add(columns.getColumnName(i) + "=" + r.getString(i));
                }
                rows.put(r.getString("id"), row);
            }
        }
        return rows;
    }
}
