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
import io.etl.testing.Documents;
import io.etl.testing.EmbeddedMongo;
import io.etl.testing.HadoopCluster;
import io.etl.testing.LocalWarehouse;
import io.etl.testing.TestSettings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hourly job on a cluster: the same ETL, only its settings changed, with its jobs on YARN and its lake on HDFS
 * (MiniDFSCluster and MiniMRYarnCluster in this JVM, whose containers get none of our libraries unless the jobs ship
 * them). The warehouse must end as a local-mode run on the same documents leaves it.
 */
@Tag("cluster")
class ClusterRunTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    @RegisterExtension
    static final HadoopCluster CLUSTER = new HadoopCluster();

    @TempDir
    static Path home;
    @RegisterExtension
    static final LocalWarehouse POSTGRES = new LocalWarehouse();


    @Test
    void an_incremental_run_on_yarn_with_the_lake_on_hdfs_loads_what_a_local_run_loads() throws Exception {
        MongoDatabase database = MONGO.database();
        EmbeddedMongo.indexedCollection(database, "actions_taken", "date", Documents.hourly("2026-10-01T00:00:00Z", 48));

        RunSummary local = run(database, "local", home.resolve("local"));
        RunSummary cluster = run(database, "cluster", home.resolve("cluster"),
                "hadoop.conf.dir", CLUSTER.confDir().toString(), "lake.uri", CLUSTER.hdfsUri("lake"), "transform.parts", "4");

        assertEquals(RunStatus.SUCCESS, local.status(), local.toString());
        assertEquals(RunStatus.SUCCESS, cluster.status(), cluster.toString());
        Map<String, List<String>> expected = rows("local");
        assertEquals(48, expected.size());
        assertEquals(expected, rows("cluster"));
        assertEquals(4, transformParts(cluster), "as many parts as set, one per map task");
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
        TaskOutcome transform = summary.outcomes().stream()
                .filter(outcome -> outcome.task().family().equals("actions_taken_transform")).findFirst().orElseThrow();
        return ((LakeDirectory) transform.task().output().get(0)).parts().size();
    }

    private RunSummary run(MongoDatabase database, String schema, Path state, String... settings) {
        List<String> all = new ArrayList<>(List.of("mongo.uri", MONGO.uri(database), "warehouse.url", POSTGRES.jdbcUrl(),
                "warehouse.schema", schema));
        all.addAll(List.of(settings));
        try (EtlEnvironment environment = new EtlEnvironment(TestSettings.of(state, all.toArray(String[]::new)))) {
            return Scheduler.builder().build().run(ActionsTaken.pipeline(environment).run().parse(Map.of("incremental", "true")));
        }
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
