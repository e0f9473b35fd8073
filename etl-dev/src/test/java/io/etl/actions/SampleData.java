package io.etl.actions;

import io.etl.sample.JsonLines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bson.Document;

/** The committed sample of {@code actions_taken}, found from the project folder or a module folder below it. */
final class SampleData {

    /** The sample's path from the project folder; tests run in the module's folder, one below. */
    private static final Path SAMPLE = Path.of("src-test-data", "actions_taken.jsonl");

    private SampleData() {
    }

    /** Regenerates the committed sample: run from the project folder after changing the generator. */
    public static void main(String[] args) throws IOException {
        write(SAMPLE);
        System.out.println("wrote " + ActionsTakenGenerator.SAMPLE_SIZE + " documents to " + SAMPLE.toAbsolutePath());
    }

    static Path file() {
        return Files.exists(SAMPLE) ? SAMPLE : Path.of("..").resolve(SAMPLE);
    }

    /** The sample as {@link ActionsTakenGenerator#sample()} makes it. */
    static void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            JsonLines.write(out, ActionsTakenGenerator.sample());
        }
    }

    /** The sample's documents, extended JSON read back into BSON types (dates, ObjectIds). */
    static List<Document> documents() throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            return JsonLines.read(in, file().toString()).toList();
        }
    }
}
