package io.etl.cli;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code etl generate <collection> --update}: how the collection drifted from the declaration of the ETL reading it. */
class GenerateUpdateTest {

    @TempDir
    Path home;

    @RegisterExtension
    final TestServers servers = new TestServers();

    private Etl.Result update() {
        return new Etl(home).run("generate", "actions_taken", "--update", "--set", "mongo.uri=" + servers.mongoUri());
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
    }

    @Test
    void a_collection_the_declaration_maps_whole_has_no_change() {
        servers.clicks(Instant.parse("2026-11-30T10:00:00Z"), 5);

        Etl.Result update = update();

        assertEquals(ExitCodes.OK, update.exitCode(), update::toString);
        assertEquals("actions_taken: its declaration maps every field of the 5 documents sampled from actions_taken\n", update.out());
    }
}
