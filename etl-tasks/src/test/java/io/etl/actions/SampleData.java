package io.etl.actions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bson.Document;

/** The committed sample of {@code actions_taken}, found from the project folder or a module folder below it. */
final class SampleData {

    private SampleData() {
    }

    static Path file() {
        Path fromProject = ActionsTakenGenerator.SAMPLE;
        return Files.exists(fromProject) ? fromProject : Path.of("..").resolve(fromProject);
    }

    /** The sample's documents, extended JSON read back into BSON types (dates, ObjectIds). */
    static List<Document> documents() throws IOException {
        return Files.readAllLines(file(), StandardCharsets.UTF_8).stream().map(Document::parse).toList();
    }
}
