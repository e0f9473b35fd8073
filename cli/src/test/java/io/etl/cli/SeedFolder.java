package io.etl.cli;

import io.etl.sample.JsonLines;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * A folder of sample files ({@code mongo.seed.dir}) that seeds the embedded sample MongoDB with a few
 * {@code actions_taken} documents instead of the 12,000 of the committed sample: a run over them takes seconds.
 */
final class SeedFolder {

    private SeedFolder() {
    }

    /** One click at each instant; returns the setting to pass with {@code --set}. */
    static String actionsTaken(Path folder, String... dates) throws IOException {
        Files.createDirectories(folder);
        try (Writer out = Files.newBufferedWriter(folder.resolve("actions_taken.jsonl"), StandardCharsets.UTF_8)) {
            JsonLines.write(out, clicks(dates).iterator());
        }
        return "mongo.seed.dir=" + folder;
    }

    /** One {@code actions_taken} click at each instant. */
    static List<Document> clicks(String... dates) {
        return Arrays.stream(dates).map(date -> new Document("_id", new ObjectId())
                .append("user_id", 1).append("action", "click").append("date", Date.from(Instant.parse(date)))
                .append("value", List.of(1))).toList();
    }
}
