package io.etl.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etl.environment.EtlEnvironment;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.scheduler.TaskOutcome;
import io.etl.task.Task;
import io.etl.task.TaskRegistry;
import io.etl.testing.CopyText;
import io.etl.testing.LakeLines;
import io.etl.testing.TestSettings;
import io.etl.transform.TransformTask;
import io.etl.window.WindowParameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionsTakenTest {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @TempDir
    Path home;

    @Test
    void the_committed_sample_is_what_the_generator_writes() throws Exception {
        Path regenerated = home.resolve("actions_taken.jsonl");
        SampleData.write(regenerated);

        assertEquals(Files.readString(SampleData.file()), Files.readString(regenerated),
                "run io.etl.actions.SampleData from the project folder to regenerate the sample");
    }

    @Test
    void every_dated_sample_document_reaches_the_transform_from_the_embedded_source_seeded_on_first_use() throws Exception {
        List<Document> sample = SampleData.documents();
        long dated = sample.stream().filter(document -> document.get("date") != null).count();

        try (EtlEnvironment environment = new EtlEnvironment(TestSettings.of(home))) {
            TransformTask transform = ActionsTaken.pipeline(environment).transform()
                    .with(WindowParameters.LOWER, ActionsTakenGenerator.START)
                    .with(WindowParameters.UPPER, ActionsTakenGenerator.START.plus(ActionsTakenGenerator.SPAN))
                    .create();
            RunSummary summary = Scheduler.builder().build().run(transform);

            assertEquals(RunStatus.SUCCESS, summary.status(), summary::toString);
            Map<String, Map<String, Long>> metrics = summary.outcomes().stream()
                    .collect(Collectors.toMap(o -> o.task().family(), TaskOutcome::metrics));
            assertEquals(Map.of("documents_matched", dated, "rows_extracted", dated,
                    "documents_without_cursor", sample.size() - dated,
                    "documents_cursor_not_date", 0L, "documents_cursor_out_of_range", 0L,
                    "fields_unmapped", 0L), metrics.get("actions_taken_extract"), "the sample declares every field it has");
            assertEquals(Map.of("rows_transformed", dated, "nuls_replaced", 0L, "array_elements_dropped", 0L),
                    metrics.get("actions_taken_transform"));

            Map<String, List<String>> rows = CopyText.REDSHIFT.records(LakeLines.text(transform.output().get(0))).stream()
                    .collect(Collectors.toMap(values -> values.get(0), Function.identity()));
            assertTrue(rows.values().stream().allMatch(values -> values.size() == 9), "every row has 4 + 5 columns");
            assertEquals(rows, CopyText.POSTGRESQL.records(LakeLines.text(transform.output().get(0))).stream()
                    .collect(Collectors.toMap(values -> values.get(0), Function.identity())), "both warehouses read the same");
            Document awkward = sample.stream()
                    .filter(d -> String.valueOf(d.get("value")).contains("mixed\t\"all\"\n\\of\\ them")).findFirst().orElseThrow();
            List<?> values = awkward.getList("value", Object.class);
            assertEquals(Arrays.asList(awkward.getObjectId("_id").toHexString(), String.valueOf(awkward.get("user_id")),
                    awkward.getString("action"), timestamp(awkward), values.get(0), values.get(1), null, null, null),
                    rows.get(awkward.getObjectId("_id").toHexString()));
        }
    }

    @Test
    void the_catalog_offers_both_stages_without_connecting_to_anything() {
        TaskRegistry registry = TaskRegistry.discover(TestSettings.of(home,
                "mongo.uri", "mongodb://nowhere.invalid:1/db", "lake.uri", "s3://no-such-bucket/lake"));

        Task transform = registry.require("actions_taken_transform")
                .parse(Map.of("lower", "2026-11-01", "upper", "2026-11-01T01:00:00Z", "allow-unindexed", "true"));

        assertTrue(registry.find("actions_taken_extract").isPresent());
        assertEquals("actions_taken_transform(lower=2026-11-01T00:00:00Z, upper=2026-11-01T01:00:00Z)", transform.id().toString());
    }

    /** The date as the transform writes it for the warehouse: to the millisecond, always three digits. */
    private static String timestamp(Document document) {
        return MILLIS.format(document.getDate("date").toInstant());
    }
}
