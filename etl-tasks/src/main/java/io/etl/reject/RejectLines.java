package io.etl.reject;

import io.etl.lake.LakeDirectory;
import io.etl.tsv.Tsv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rejects a transform wrote: part files of lake TSV lines {@code document_id, field, reason, value}, read one
 * at a time, so that a window with many rejects needs no memory for them.
 */
public final class RejectLines {

    /** Told each reject in turn. */
    @FunctionalInterface
    public interface Visitor {
        void accept(Reject reject) throws IOException;
    }

    private RejectLines() {
    }

    public static void read(LakeDirectory rejects, Visitor visitor) throws IOException {
        for (String part : rejects.parts()) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                    rejects.lake().open(rejects.file(part)), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    visitor.accept(parse(line));
                }
            }
        }
    }

    static Reject parse(String line) {
        List<String> values = Tsv.values(line);
        if (values.size() != 4) {
            throw new IllegalArgumentException("a reject line has " + values.size() + " fields, not 4: " + line);
        }
        return new Reject(values.get(0), values.get(1), values.get(2), values.get(3), null, null);
    }
}
