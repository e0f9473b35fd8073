package io.etl.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etl.config.Settings;
import io.etl.environment.EtlEnvironment;
import io.etl.sample.SampleFile;
import io.etl.task.PermanentFailure;
import io.etl.testing.TestSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleMongoTest {

    @TempDir
    Path home;
    @TempDir
    Path seeds;
    private Settings settings;

    @BeforeEach
    void sampleFiles() throws IOException {
        Files.writeString(seeds.resolve("actions_taken.jsonl"), """
                {"_id": {"$oid": "6565a1b2c3d4e5f601234567"}, "action": "click", "date": {"$date": "2026-11-01T10:00:00Z"}}
                {"_id": {"$oid": "6565a1b2c3d4e5f601234568"}, "action": "view", "date": {"$date": "2026-11-01T11:00:00Z"}}

                {"_id": {"$oid": "6565a1b2c3d4e5f601234569"}, "action": "no date"}
                """);
        Files.writeString(seeds.resolve("notes.jsonl"), "{\"text\": \"a collection no ETL reads\"}\n");
        settings = TestSettings.of(home, SampleFile.DIR.name(), seeds.toString());
    }

    @Test
    void without_a_mongo_uri_the_source_is_the_embedded_sample_seeded_from_its_files_with_the_cursor_indexed() throws Exception {
        try (EtlEnvironment environment = new EtlEnvironment(settings)) {
            MongoSource source = environment.mongo();

            assertEquals("etl.actions_taken in the embedded sample MongoDB (state dir " + home + ")", source.describe("actions_taken"));
            assertEquals(List.of(3L, 1L), source.query(database -> List.of(count(database, "actions_taken"), count(database, "notes"))));
            assertEquals(List.of("_id_", "date_1"), indexes(source, "actions_taken"));
            assertEquals(List.of("_id_"), indexes(source, "notes"));
            assertTrue(Files.exists(home.resolve("mongo/etl.mv.db")));
        }
    }

    @Test
    void a_second_start_reopens_the_store_with_what_was_added_and_seeds_nothing_again() throws Exception {
        try (EtlEnvironment environment = new EtlEnvironment(settings)) {
            environment.mongo().insert("actions_taken", List.of(new Document("action", "added")).iterator());
        }
        Files.delete(seeds.resolve("notes.jsonl"));

        try (EtlEnvironment environment = new EtlEnvironment(settings)) {
            MongoSource source = environment.mongo();

            assertEquals(List.of(4L, 1L), source.query(database -> List.of(count(database, "actions_taken"), count(database, "notes"))));
            assertEquals(List.of("_id_", "date_1"), indexes(source, "actions_taken"));
        }
    }

    @Test
    void users_in_one_process_share_one_server_which_stops_when_the_last_releases_it() throws Exception {
        Settings quick = settings.with(MongoSource.TIMEOUT.name(), "200ms");
        SampleMongo first = SampleMongo.acquire(quick);
        SampleMongo second = SampleMongo.acquire(quick);
        MongoSource source = first.source();

        first.release();
        long stillUp = source.query(database -> count(database, "actions_taken"));
        second.release();

        assertEquals(first, second);
        assertEquals(3, stillUp, "up for the second user after the first released it");
        assertThrows(IOException.class, () -> source.query(database -> count(database, "actions_taken")));
    }

    @Test
    void a_store_held_by_another_process_is_reported_with_the_state_directory() throws Exception {
        try (EtlEnvironment environment = new EtlEnvironment(settings)) {
            environment.mongo();
        }
        H2Backend otherProcess = new H2Backend(home.resolve("mongo/etl.mv.db").toString());
        try {
            IOException inUse = assertThrows(IOException.class, () -> SampleMongo.acquire(settings));

            assertTrue(inUse.getMessage().startsWith("the embedded sample MongoDB of state dir " + home
                    + " is in use by another process"), inUse.getMessage());
        } finally {
            otherProcess.close();
        }
    }

    @Test
    void a_sample_line_that_is_not_a_document_fails_naming_the_file_and_line_and_leaves_no_store() throws Exception {
        Files.writeString(seeds.resolve("actions_taken.jsonl"), "{\"action\": \"ok\"}\n{\"action\": \n");

        PermanentFailure failure = assertThrows(PermanentFailure.class, () -> SampleMongo.acquire(settings));

        assertTrue(failure.getMessage().startsWith("cannot seed the embedded sample MongoDB: " + seeds.resolve("actions_taken.jsonl")
                + " line 2 is not a JSON document"), failure.getMessage());
        assertTrue(Files.notExists(home.resolve("mongo/etl.mv.db")), "seeded again at the next start");
    }

    @Test
    void a_seed_folder_set_but_missing_is_a_permanent_failure_naming_it() {
        Settings missing = settings.with(SampleFile.DIR.name(), home.resolve("nowhere").toString());

        PermanentFailure failure = assertThrows(PermanentFailure.class, () -> SampleMongo.acquire(missing));

        assertEquals("setting mongo.seed.dir names no folder: " + home.resolve("nowhere"), failure.getMessage());
    }

    private static long count(MongoDatabase database, String collection) {
        return database.getCollection(collection).countDocuments();
    }

    private static List<String> indexes(MongoSource source, String collection) throws Exception {
        return source.query(database -> database.getCollection(collection).listIndexes()
                .map(index -> index.getString("name")).into(new ArrayList<>())).stream().sorted().toList();
    }
}
