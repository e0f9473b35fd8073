package io.etl.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etl.actions.ActionsTaken;
import io.etl.environment.EtlEnvironment;
import io.etl.extract.ExtractCounts;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.testing.Documents;
import io.etl.testing.EmbeddedMongo;
import io.etl.testing.LakeLines;
import io.etl.testing.LocalS3;
import io.etl.testing.TestSettings;
import io.etl.transform.TransformTask;
import io.etl.window.WindowParameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The extract's MapReduce job and the transform's Pig job writing through s3a into an S3 lake (s3proxy on loopback). */
class S3PipelineTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    @RegisterExtension
    final S3ProxyExtension s3proxy = LocalS3.server();

    @TempDir
    Path home;

    @Test
    void extract_and_transform_write_their_parts_counts_and_flags_into_an_s3_lake() throws Exception {
        MongoDatabase database = MONGO.database();
        EmbeddedMongo.indexedCollection(database, "actions_taken", "date", Documents.hourly("2026-11-01T00:00:00Z", 30));
        List<String> settings = new ArrayList<>(List.of("mongo.uri", MONGO.uri(database)));
        settings.addAll(List.of(LocalS3.lake(s3proxy, "s3://lake/warehouse")));

        try (EtlEnvironment environment = new EtlEnvironment(TestSettings.of(home, settings.toArray(String[]::new)))) {
            TransformTask transform = ActionsTaken.pipeline(environment).transform()
                    .with(WindowParameters.LOWER, Instant.parse("2026-11-01T06:00:00Z"))
                    .with(WindowParameters.UPPER, Instant.parse("2026-11-01T18:00:00Z"))
                    .create();

            RunSummary summary = Scheduler.builder().build().run(transform);

            assertEquals(RunStatus.SUCCESS, summary.status());
            LakeDirectory extract = transform.requires().get(0).output().get(0);
            LakeDirectory transformed = transform.output().get(0);
            assertEquals("s3a://lake/warehouse/actions_taken/20261101T060000Z_20261101T180000Z/transform", transformed.hadoopPath());
            assertTrue(extract.exists() && transformed.exists());
            assertEquals(12, ExtractCounts.read(extract).rowsExtracted());
            List<String> rows = LakeLines.of(transformed);
            assertEquals(12, rows.size());
            assertTrue(rows.get(0).endsWith("\tclick\t2026-11-01 06:00:00.000\t6\t\\N\t\\N\t\\N\t\\N"), rows.get(0));
            assertEquals(List.of("_COUNTS.json", "_SUCCESS", "_UNMAPPED_FIELDS-m-00000.json", "_UNMAPPED_FIELDS.json", "part-m-00000"),
                    environment.lake().list(extract.path()), "nothing left of the job's temporary files; the map task's fields kept");
        }
    }
}
