package io.etl.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Documents as MongoDB extended JSON, one a line: the form of the sample files. Dates and ObjectIds keep their BSON
 * types ({@code {"$date": …}}, {@code {"$oid": …}}), so a document read back equals the one written.
 */
public final class JsonLines {

    private static final JsonWriterSettings EXTENDED_JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private JsonLines() {
    }

    public static void write(Writer out, Iterator<Document> documents) throws IOException {
        while (documents.hasNext()) {
            out.write(documents.next().toJson(EXTENDED_JSON));
            out.write('\n');
        }
    }

    /**
     * The documents of the lines, read as the stream is consumed; blank lines are skipped.
     *
     * @param origin names the text in errors: a line that is not a document throws an IllegalArgumentException
     *               naming it and the line's number
     */
    public static Stream<Document> read(BufferedReader in, String origin) {
        AtomicLong lineNumber = new AtomicLong();
        return in.lines()
                .map(line -> new Line(lineNumber.incrementAndGet(), line))
                .filter(line -> !line.text().isBlank())
                .map(line -> line.document(origin));
    }

    private record Line(long number, String text) {
        Document document(String origin) {
            try {
                return Document.parse(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(origin + " line " + number + " is not a JSON document: " + e.getMessage(), e);
            }
        }
    }
}
