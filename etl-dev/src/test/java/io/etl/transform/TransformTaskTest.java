package io.etl.transform;

import io.etl.actions.ActionsTaken;
import io.etl.environment.EtlEnvironment;
import io.etl.event.RunEvent;
import io.etl.event.RunListener;
import io.etl.extract.ExtractCounts;
import io.etl.lake.LakeDirectory;
import io.etl.lake.Stage;
import io.etl.pipeline.EtlPipeline;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.scheduler.TaskOutcome;
import io.etl.scheduler.TaskState;
import io.etl.spec.EtlSpec;
import io.etl.spec.FieldType;
import io.etl.task.Failures;
import io.etl.task.PermanentFailure;
import io.etl.task.RetryPolicy;
import io.etl.testing.Await;
import io.etl.testing.Documents;
import io.etl.testing.EmbeddedMongo;
import io.etl.testing.LakeLines;
import io.etl.testing.RecordingContext;
import io.etl.testing.SlowPigScript;
import io.etl.testing.TestSettings;
import io.etl.warehouse.SqlType;
import io.etl.warehouse.Table;
import io.etl.window.WindowParameters;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.etl.state.StateDirectory;
import java.io.IOException;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransformTaskTest {

    /** An extract's line of one document of actions_taken, none of its fields refused. */
    private static final String ONE_DOCUMENT = "6565a1b2c3d4e5f601234567\t7\tclick\t2026-11-01T10:00:00.000Z\t[1]\t\\N\t\\N\t\\N";

    private static final RetryPolicy RETRY_AT_ONCE = RetryPolicy.retries(2).withBackoff(Duration.ZERO);

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    @TempDir
    Path home;
    private MongoDatabase database;
    private EtlEnvironment environment;

    @BeforeEach
    void sampleActions() {
        database = MONGO.database();
        EmbeddedMongo.indexedCollection(database, "actions_taken", "date", List.of(
                Documents.action("view_page").id("6565a1b2c3d4e5f601234567").user(7).at("2026-11-01T10:00:00.123Z")
                        .values("/home", 3).build(),
                Documents.action("comment").id("6565a1b2c3d4e5f601234568").without("user_id").at("2026-11-01T23:59:59.999Z")
                        .values("tab\there \"q\"", "C:\\x", "日本", null, 5.5, "sixth").build(),
                Documents.action("logout").id("6565a1b2c3d4e5f601234569").at("2026-11-01T12:00:00Z").without("value").build()));
    }

    @AfterEach
    void closeEnvironment() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void turns_dates_into_utc_timestamps_to_the_millisecond_and_the_value_array_into_five_columns() throws Exception {
        TransformTask transform = transform();

        RunSummary summary = Scheduler.builder().build().run(transform);

        assertEquals(RunStatus.SUCCESS, summary.status());
        assertEquals(List.of(
                "6565a1b2c3d4e5f601234567\t7\tview_page\t2026-11-01 10:00:00.123\t/home\t3\t\\N\t\\N\t\\N",
                "6565a1b2c3d4e5f601234568\t\\N\tcomment\t2026-11-01 23:59:59.999\ttab\\\there \"q\"\tC:\\\\x\t日本\t\\N\t5.5",
                "6565a1b2c3d4e5f601234569\t1\tlogout\t2026-11-01 12:00:00.000\t\\N\t\\N\t\\N\t\\N\t\\N"),
                LakeLines.of(transform.output().get(0)));
        assertEquals(3, summary.rootOutcome().metrics().get("rows_transformed"));
        assertEquals(new TransformCounts(3, 0, 0, 1, Map.of(), Map.of(), Map.of()), TransformCounts.read(transform.output().get(0)));
        assertTrue(transform.complete());
    }

    @Test
    void documents_the_extract_refused_and_rows_a_column_cannot_hold_go_to_the_rejects_with_id_field_and_reason() throws Exception {
        String tooLong = "x".repeat(257);
        TransformTask transform = transformOfExtract(
                "6565a1b2c3d4e5f601234567\t7\tclick\t2026-11-01T10:00:00.000Z\t[1]\t\\N\t\\N\t\\N",
                "6565a1b2c3d4e5f601234568\ttrue\tclick\t2026-11-01T10:00:00.000Z\t[2]\tuser_id\texpected a whole number, got a boolean\ttrue",
                "6565a1b2c3d4e5f601234569\t7\t" + tooLong + "\t2026-11-01T10:00:00.000Z\t[3]\t\\N\t\\N\t\\N",
                "\\N\t7\tno key\t2026-11-01T10:00:00.000Z\t[4]\t\\N\t\\N\t\\N",
                "6565a1b2c3d4e5f60123456a\t7\tlong element\t2026-11-01T10:00:00.000Z\t[\"" + "é".repeat(4097) + "\"]\t\\N\t\\N\t\\N");
        RecordingContext context = new RecordingContext();

        transform.run(context);

        assertEquals(List.of("6565a1b2c3d4e5f601234567\t7\tclick\t2026-11-01 10:00:00.000\t1\t\\N\t\\N\t\\N\t\\N"),
                LakeLines.of(transform.output().get(0)));
        assertEquals(List.of(
                        "6565a1b2c3d4e5f601234568\tuser_id\texpected a whole number, got a boolean\ttrue",
                        "6565a1b2c3d4e5f601234569\taction\tlonger than VARCHAR(256): 257 characters\t" + "x".repeat(120) + "…",
                        "6565a1b2c3d4e5f60123456a\tvalue_1\tlonger than VARCHAR(4096): 4097 characters\t" + "é".repeat(120) + "…",
                        "\\N\tid\tthe key is missing\t\\N"),
                LakeLines.of(transform.rejects()).stream().sorted().toList());
        assertEquals(1, context.metric("rows_transformed"));
        assertEquals(Map.of("user_id: expected a whole number, got a boolean", 1L, "action: longer than VARCHAR(256): 257 characters", 1L,
                        "id: the key is missing", 1L, "value_1: longer than VARCHAR(4096): 4097 characters", 1L),
                TransformCounts.read(transform.output().get(0)).rejectsByCause());
    }

    @Test
    void rows_rejected_in_every_part_of_a_transform_in_several_parts_are_all_in_its_rejects_and_none_with_its_rows() throws Exception {
        String tooLong = "x".repeat(257);
        List<String> lines = new ArrayList<>();
        List<String> rejectedIds = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            String id = String.format("6565a1b2c3d4e5f6%08x", i);
            boolean rejected = i % 10 == 0;
            lines.add(id + "\t7\t" + (rejected ? tooLong : "click") + "\t2026-11-01T10:00:00.000Z\t[1]\t\\N\t\\N\t\\N");
            if (rejected) {
                rejectedIds.add(id);
            }
        }
        TransformTask transform = extracted(transform("transform.parts", "2"), lines.toArray(String[]::new));

        transform.run(new RecordingContext());

        LakeDirectory output = transform.output().get(0);
        assertEquals(List.of("part-m-00000", "part-m-00001"), output.parts());
        assertEquals(3600, LakeLines.of(output).size());
        assertTrue(LakeLines.of(output).stream().noneMatch(row -> row.contains(tooLong)));
        try (Stream<Path> files = Files.list(Path.of(URI.create(output.hadoopPath())))) {
            assertEquals(List.of(), files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("rejects")).toList(),
                    "the rows' rejects moved out of the folder the warehouse loads");
        }
        List<String> rejects = LakeLines.of(transform.rejects());
        assertEquals(rejectedIds, rejects.stream().map(reject -> reject.split("\t")[0]).sorted().toList());
        assertTrue(rejects.stream().allMatch(reject -> reject.contains("\taction\tlonger than VARCHAR(256): 257 characters\t")));
        assertEquals(new TransformCounts(3600, 400, 0, 0, Map.of("action: longer than VARCHAR(256): 257 characters", 400L), Map.of(), Map.of()),
                TransformCounts.read(output));
    }

    @Test
    void a_nul_no_warehouse_can_store_is_written_as_the_replacement_character_and_counted() throws Exception {
        TransformTask transform = transformOfExtract(
                "6565a1b2c3d4e5f601234567\t7\tnul\\0here\t2026-11-01T10:00:00.000Z\t[\"\\\\u0000\"]\t\\N\t\\N\t\\N");
        RecordingContext context = new RecordingContext();

        transform.run(context);

        assertEquals(List.of("6565a1b2c3d4e5f601234567\t7\tnul\uFFFDhere\t2026-11-01 10:00:00.000\t\uFFFD\t\\N\t\\N\t\\N\t\\N"),
                LakeLines.of(transform.output().get(0)));
        assertEquals(2, context.metric("nuls_replaced"));
        assertEquals(new TransformCounts(1, 0, 2, 0, Map.of(), Map.of(), Map.of()), TransformCounts.read(transform.output().get(0)));
    }

    @Test
    void a_pig_syntax_error_reaches_the_user_as_the_script_name_and_line() throws Exception {
        Path scripts = Files.createDirectory(home.resolve("pig"));
        Files.writeString(scripts.resolve("actions_taken.pig"), """
                actions = LOAD '$input' USING PigStorage('\\t') AS (id:chararray);
                -- the next statement lacks its semicolon
                rows = FOREACH actions GENERATE id
                STORE rows INTO '$output';
                """);
        TransformTask transform = extracted(transform("pig.dir", scripts.toString()), ONE_DOCUMENT);

        TaskOutcome outcome = Scheduler.builder().build().run(transform).rootOutcome();

        assertEquals("actions_taken.pig line 3, column 32: Syntax error, unexpected symbol at or near 'id'",
                outcome.error().orElseThrow());
        assertEquals(1, outcome.attempts(), "a script error is not retried");
        assertFalse(transform.complete());
    }

    @Test
    void rows_that_are_not_the_tables_columns_stop_the_transform_naming_the_field_before_any_job() throws Exception {
        Path scripts = Files.createDirectory(home.resolve("pig"));
        Files.writeString(scripts.resolve("actions_taken.pig"), "rows = FOREACH documents GENERATE id, action, user_id;\n");
        TransformTask transform = extracted(transform("pig.dir", scripts.toString()), ONE_DOCUMENT);

        PermanentFailure failure = assertThrows(PermanentFailure.class, () -> transform.run(new RecordingContext()));

        assertEquals("actions_taken.pig: rows must have the table's columns in order (id, user_id, action, date, value_1, "
                + "value_2, value_3, value_4, value_5), but field 2 is action where the table has user_id", failure.getMessage());
        assertFalse(transform.complete());
    }

    @Test
    void rows_whose_fields_pig_cannot_name_stop_the_transform_before_any_job() throws Exception {
        Path scripts = Files.createDirectory(home.resolve("pig"));
        Files.writeString(scripts.resolve("actions_taken.pig"), "rows = FOREACH documents GENERATE FLATTEN(STRSPLIT(id, ','));\n");
        TransformTask transform = extracted(transform("pig.dir", scripts.toString()), ONE_DOCUMENT);

        PermanentFailure failure = assertThrows(PermanentFailure.class, () -> transform.run(new RecordingContext()));

        assertEquals("actions_taken.pig: rows must have the table's columns in order (id, user_id, action, date, value_1, "
                + "value_2, value_3, value_4, value_5), but Pig does not know its fields' names: name them with AS", failure.getMessage());
        assertFalse(transform.complete());
    }

    @Test
    void a_pig_job_failing_on_the_data_says_why_with_the_script_lines_and_is_not_retried() throws Exception {
        Path scripts = Files.createDirectory(home.resolve("pig"));
        Files.writeString(scripts.resolve("actions_taken.pig"), """
                dated = FOREACH documents GENERATE id, user_id, action, ToString(ToDate(action, 'yyyy-MM-dd')) AS date;
                rows = FOREACH dated GENERATE id, user_id, action, date, id AS value_1, id AS value_2, id AS value_3,
                    id AS value_4, id AS value_5;
                """);
        TransformTask transform = transform("pig.dir", scripts.toString());

        TaskOutcome outcome = Scheduler.builder().retryPolicy(RETRY_AT_ONCE).build().run(transform).rootOutcome();

        assertEquals("actions_taken.pig: the Pig job of dated (line 1), rows (line 2) failed: "
                + "IllegalArgumentException: Invalid format: \"view_page\"", outcome.error().orElseThrow());
        assertEquals(1, outcome.attempts(), "bad data fails every attempt alike");
        assertFalse(transform.complete());
    }

    @Test
    void an_extract_of_another_declaration_stops_the_transform_naming_the_declared_fields_and_stores_no_row() throws Exception {
        // the value field is missing: read by position, the rejects' columns would shift into the table's
        TransformTask transform = transformOfExtract(
                "6565a1b2c3d4e5f601234567\t7\tclick\t2026-11-01T10:00:00.000Z\t\\N\t\\N\t\\N");

        TaskOutcome outcome = Scheduler.builder().retryPolicy(RETRY_AT_ONCE).build().run(transform).rootOutcome();

        assertEquals("actions_taken.pig: the Pig job of rows (line 10) failed: a line of the lake has 7 fields, not "
                + "the 8 (id, user_id, action, date, value, etl_reject_field, etl_reject_reason, etl_reject_value) of the "
                + "declaration: the lake holds an extract of another one", outcome.error().orElseThrow());
        assertFalse(transform.complete());
        assertFalse(transform.output().get(0).exists(), "no row stored");
    }

    @Test
    void a_pig_job_failing_on_the_filesystem_is_retried_and_the_next_attempt_loads() throws Exception {
        Path scripts = Files.createDirectory(home.resolve("pig"));
        Files.writeString(scripts.resolve("actions_taken.pig"), """
                rows = FOREACH documents GENERATE id, user_id, action, date, id AS value_1, id AS value_2, id AS value_3,
                    id AS value_4, id AS value_5;
                STORE rows INTO '$output/../copy/rows';
                """);
        TransformTask transform = transform("pig.dir", scripts.toString());
        Path window = Path.of(transform.output().get(0).hadoopPath().replaceFirst("^file:", "")).getParent();
        Files.createDirectories(window);
        Path obstacle = Files.writeString(window.resolve("copy"), "a file where the script writes a folder");
        List<String> failures = new ArrayList<>();
        RunListener clearsTheObstacle = event -> {
            if (event instanceof RunEvent.TaskFailed failed) {
                failures.add(Failures.firstLine(failed.error()));
                obstacle.toFile().delete();
            }
        };

        TaskOutcome outcome = Scheduler.builder().retryPolicy(RETRY_AT_ONCE).listener(clearsTheObstacle).build()
                .run(transform).rootOutcome();

        assertEquals(TaskState.DONE, outcome.state(), outcome.error().orElse(""));
        assertEquals(2, outcome.attempts(), "filesystem trouble may be gone on the next attempt");
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).startsWith("actions_taken.pig: the Pig job of rows (line 1) failed: "), failures.get(0));
        assertTrue(failures.get(0).contains(window.resolve("copy").toString()), "names the path it could not write: " + failures.get(0));
    }

    @Test
    void an_interrupt_ends_a_running_pig_job_promptly_and_leaves_the_transform_incomplete() throws Exception {
        Path scripts = SlowPigScript.in(home.resolve("pig"), 120);
        TransformTask transform = transform("pig.dir", scripts.toString());
        transform.requires().get(0).run(new RecordingContext());
        FutureTask<Void> running = new FutureTask<>(() -> {
            transform.run(new RecordingContext());
            return null;
        });
        Thread worker = new Thread(running, "transform");
        worker.start();
        Await.condition("Pig's map task to start", Duration.ofMinutes(1), () -> !mapTasks().isEmpty());

        worker.interrupt();

        ExecutionException ended = assertThrows(ExecutionException.class, () -> running.get(30, TimeUnit.SECONDS));
        assertInstanceOf(InterruptedException.class, ended.getCause(), "interrupted, not failed: no retry");
        assertFalse(transform.complete());
    }

    @Test
    void reports_how_far_pig_is_in_percent() throws Exception {
        TransformTask transform = transform();
        transform.requires().get(0).run(new RecordingContext());
        RecordingContext context = new RecordingContext();

        transform.run(context);

        List<Long> progress = context.progressOf("transform");
        assertEquals(List.of(100L, 100L), progress.subList(progress.size() - 2, progress.size()),
                "Pig's report of its job done, then the task's own: " + progress);
        transform.run(new RecordingContext());
        assertEquals(progress, context.progressOf("transform"), "a later run in the same thread reports to its own task only");
    }

    @Test
    void a_missing_script_is_reported_with_both_places_looked_in() {
        PermanentFailure missing = assertThrows(PermanentFailure.class, () -> PigScript.find("nowhere", home));

        assertEquals("no Pig script nowhere.pig in " + home + " (setting pig.dir) nor on the class path under pig/",
                missing.getMessage());
    }

    @Test
    void an_empty_extract_runs_no_pig_but_a_missing_script_still_stops_it() throws Exception {
        EtlSpec spec = EtlSpec.named("events").collection("events").cursor("at")
                .field("_id", "id", FieldType.OBJECT_ID).field("at", "at", FieldType.TIMESTAMP).build();
        environment = new EtlEnvironment(TestSettings.of(home, "mongo.uri", MONGO.uri(database), "pig.dir", home.toString()));
        TransformTask transform = EtlPipeline.of(spec, Map.of(), schema -> Table.named("events").schema(schema)
                        .column("id", SqlType.varchar(24)).column("at", SqlType.timestamp()).key("id").cursor("at").build(), environment)
                .transform().with(WindowParameters.LOWER, Instant.parse("2026-11-01T00:00:00Z"))
                .with(WindowParameters.UPPER, Instant.parse("2026-11-02T00:00:00Z")).create();
        LakeDirectory extract = transform.requires().get(0).output().get(0);
        extract.write("part-m-00000", "");
        new ExtractCounts("events", "events", transform.window().lower(), transform.window().upper(), 0, 0, 1, Map.of()).writeTo(extract);
        extract.markComplete();

        PermanentFailure missing = assertThrows(PermanentFailure.class, () -> transform.run(new RecordingContext()));

        assertTrue(missing.getMessage().startsWith("no Pig script events.pig in " + home), missing.getMessage());
        assertFalse(transform.complete());
    }

    @Test
    void the_script_in_the_pig_folder_is_preferred_to_the_packaged_one() throws Exception {
        assertTrue(PigScript.find("actions_taken", home).text().contains("ValueColumns"), "the packaged script");

        Files.writeString(home.resolve("actions_taken.pig"), "-- edited\n");
        assertEquals(new PigScript("actions_taken.pig", "-- edited\n"), PigScript.find("actions_taken", home));
    }

    private static List<Thread> mapTasks() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("LocalJobRunner Map Task Executor")).toList();
    }

    @Test
    void writes_as_many_parts_as_set_for_the_warehouse_to_load_in_parallel_and_every_row_once() throws Exception {
        TransformTask transform = transform("transform.parts", "2");

        Scheduler.builder().build().run(transform);

        LakeDirectory output = transform.output().get(0);
        assertEquals(List.of("part-m-00000", "part-m-00001"), output.parts());
        assertEquals(3, LakeLines.of(output).size());
    }

    @Test
    void for_redshift_writes_two_parts_for_each_slice_by_default() throws Exception {
        TransformTask transform = transform("warehouse.url", "jdbc:redshift://cluster.example:5439/dw", "warehouse.slices", "1");

        Scheduler.builder().build().run(transform);

        assertEquals(2, transform.output().get(0).parts().size());
    }

    @Test
    void for_postgresql_writes_one_part_by_default() throws Exception {
        TransformTask transform = transform();

        Scheduler.builder().build().run(transform);

        assertEquals(1, transform.output().get(0).parts().size());
    }

    /** The transform of a window whose extract holds the lines given (as the extract would have written them). */
    private TransformTask transformOfExtract(String... lines) throws Exception {
        return extracted(transform(), lines);
    }

    /** Pig keeps a local job's state in statics: another ETL's script planned meanwhile broke it ("initialize was not called!"). */
    @Test
    void transforms_run_at_once_by_several_workers_each_write_every_row() throws Exception {
        String[] lines = IntStream.range(0, 10_000).mapToObj(i -> ONE_DOCUMENT.replace("01234567", String.format("%08x", i)))
                .toArray(String[]::new);
        List<TransformTask> transforms = new ArrayList<>(List.of(extracted(transform(), lines)));
        for (int day = 2; day <= 5; day++) {
            transforms.add(extracted(ActionsTaken.pipeline(environment).transform()
                    .with(WindowParameters.LOWER, Instant.parse("2026-11-0" + day + "T00:00:00Z"))
                    .with(WindowParameters.UPPER, Instant.parse("2026-11-" + String.format("%02d", day + 1) + "T00:00:00Z"))
                    .create(), lines));
        }
        ExecutorService workers = Executors.newFixedThreadPool(5);
        // another ETL's extract, meanwhile, has Pig plan its script
        ScriptCheck check = new ScriptCheck(ActionsTaken.SPEC, Map.of("value_columns", "5"), ActionsTaken::table, environment);
        Path planned = StateDirectory.from(environment.settings()).resolve(ScriptCheck.FOLDER);
        AtomicBoolean transforming = new AtomicBoolean(true);
        Future<Object> planning = workers.submit(() -> {
            while (transforming.get()) {
                forgetPlanned(planned);
                check.check(transforms.get(0).window());
            }
            return null;
        });
        try {
            List<Future<Object>> runs = new ArrayList<>();
            for (TransformTask transform : transforms) {
                runs.add(workers.submit(() -> {
                    transform.run(new RecordingContext());
                    return null;
                }));
            }
            for (Future<Object> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
            transforming.set(false);
            planning.get(1, TimeUnit.MINUTES);
        } finally {
            workers.shutdownNow();
        }

        for (TransformTask transform : transforms) {
            assertEquals(lines.length, TransformCounts.read(transform.output().get(0)).rowsTransformed(), transform::toString);
        }
    }

    private static void forgetPlanned(Path planned) throws IOException {
        if (Files.isDirectory(planned)) {
            try (Stream<Path> hashes = Files.list(planned)) {
                for (Path hash : hashes.toList()) {
                    Files.delete(hash);
                }
            }
        }
    }

    /** The transform, its window's extract written as these lines of the lake. */
    private static TransformTask extracted(TransformTask transform, String... lines) throws Exception {
        LakeDirectory extract = transform.requires().get(0).output().get(0);
        extract.write("part-m-00000", String.join("\n", lines) + "\n");
        new ExtractCounts("actions_taken", "actions_taken", transform.window().lower(), transform.window().upper(),
                lines.length, lines.length, 1, Map.of()).writeTo(extract);
        extract.markComplete();
        return transform;
    }

    private TransformTask transform(String... settings) {
        String[] all = new String[settings.length + 2];
        all[0] = "mongo.uri";
        all[1] = MONGO.uri(database);
        System.arraycopy(settings, 0, all, 2, settings.length);
        environment = new EtlEnvironment(TestSettings.of(home, all));
        return ActionsTaken.pipeline(environment).transform()
                .with(WindowParameters.LOWER, Instant.parse("2026-11-01T00:00:00Z"))
                .with(WindowParameters.UPPER, Instant.parse("2026-11-02T00:00:00Z"))
                .create();
    }

}
