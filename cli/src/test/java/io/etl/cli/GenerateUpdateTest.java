package io.etl.cli;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code etl generate <collection> --update}: how the collection drifted from the declaration of the ETL reading it. */
class GenerateUpdateTest {

    @TempDir
    Path home;

    @RegisterExtension
    final TestServers servers = new TestServers();

    private Etl.Result update(String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "actions_taken", "--update", "--set", "mongo.uri=" + servers.mongoUri()));
        args.addAll(List.of(more));
        return new Etl(home).run(args.toArray(String[]::new));
    }

    @Test
    void lists_new_fields_strings_longer_than_their_column_other_types_and_declared_fields_no_document_has() {
        Date date = Date.from(Instant.parse("2026-11-30T10:00:00Z"));
        servers.actions().insertOne(new Document("_id", new ObjectId()).append("user_id", 7L).append("action", "click")
                .append("date", date).append("device", "phone"));
        servers.actions().insertOne(new Document("_id", new ObjectId()).append("user_id", "u-8").append("action", "x".repeat(600))
                .append("date", date));

        Etl.Result update = update();

        assertEquals(ExitCodes.OK, update.exitCode(), update::toString);
        assertEquals("""
                actions_taken: 4 change(s) in the 2 documents sampled from actions_taken since its declaration:
                  field user_id is long, string in the sample, and column user_id is BIGINT: values it cannot hold are rejected
                  column action VARCHAR(256) is too narrow for the sample's action: declare it VARCHAR(2048), and the next load widens it
                  new field device (string): declare it as device VARCHAR(16), and the next load adds the column
                  field value is declared but no sampled document has it
                """, update.out());
        Etl.Result forced = update("--force");
        assertEquals(ExitCodes.USAGE, forced.exitCode(), forced::toString);
        assertEquals("etl: actions_taken: generating it again cannot make 2 of these changes (the first: field user_id is long,"
                + " string in the sample, and column user_id is BIGINT: values it cannot hold are rejected); edit its declaration"
                + " by hand\n", forced.err());
    }

    @Test
    void an_etl_not_written_by_the_generator_is_not_written_again() throws Exception {
        Path services = Files.createDirectories(home.resolve("etls/src/main/resources/META-INF/services")).resolve("io.etl.task.TaskCatalog");
        Files.writeString(services, "io.etl.actions.ActionsTakenCatalog\n");
        servers.actions().insertOne(new Document("_id", new ObjectId()).append("user_id", 7L).append("action", "click")
                .append("date", Date.from(Instant.parse("2026-11-30T10:00:00Z"))).append("value", List.of("a")).append("device", "phone"));

        Etl.Result forced = update("--force", "--project", home.toString());

        assertEquals(ExitCodes.USAGE, forced.exitCode(), forced::toString);
        assertEquals("etl: actions_taken was not written by etl generate (no etls/src/main/java/io/etl/generated/actions_taken/"
                + "ActionsTaken.java): edit its declaration by hand\n", forced.err());
    }

    @Test
    void a_collection_the_declaration_maps_whole_has_no_change() {
        servers.clicks(Instant.parse("2026-11-30T10:00:00Z"), 5);

        Etl.Result update = update();

        assertEquals(ExitCodes.OK, update.exitCode(), update::toString);
        assertEquals("actions_taken: its declaration maps every field of the 5 documents sampled from actions_taken\n", update.out());
    }
}
