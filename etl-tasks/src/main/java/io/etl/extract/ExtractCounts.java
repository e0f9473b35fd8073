package io.etl.extract;

import io.etl.lake.LakeDirectory;
import io.etl.state.Json;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * What an extract read and wrote, kept next to its parts as {@value #FILE} for the load to reconcile against.
 *
 * @param documentsMatched what the source counted in the window before the job
 * @param rowsExtracted    the lines the job wrote (equal, or the extract failed)
 * @param elements         the lines written of each unwound array, by its name: the elements of the documents not
 *                         rejected
 */
public record ExtractCounts(String etl, String collection, Instant lower, Instant upper,
                            long documentsMatched, long rowsExtracted, int splits, Map<String, Long> elements) {

    public ExtractCounts {
        elements = elements == null ? Map.of() : Map.copyOf(elements); // null: written before arrays were unwound
    }

    /** Hidden from Hadoop and Pig, which skip names starting with '_'. */
    public static final String FILE = "_COUNTS.json";

    public static ExtractCounts read(LakeDirectory directory) throws IOException {
        return Json.MAPPER.readValue(directory.read(FILE), ExtractCounts.class);
    }

    public void writeTo(LakeDirectory directory) throws IOException {
        directory.write(FILE, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }
}
