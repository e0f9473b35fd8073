package io.etl.extract;

import io.etl.tsv.Tsv;

import java.util.List;
import java.util.regex.Pattern;

import org.bson.BSONObject;

/** Turns a document into its TSV line: the values at the ETL's field paths, in column order. */
final class DocumentRow {

    private static final Pattern DOT = Pattern.compile("\\.");
    private static final Pattern INDEX = Pattern.compile("\\d{1,9}");

    private final List<String[]> paths;
    private final StringBuilder line = new StringBuilder(256);

    private DocumentRow(List<String[]> paths) {
        this.paths = paths;
    }

    static DocumentRow of(List<String> paths) {
        return new DocumentRow(paths.stream().map(DOT::split).toList());
    }

    String line(BSONObject document) {
        line.setLength(0);
        for (String[] path : paths) {
            if (line.length() > 0) {
                line.append('\t');
            }
            line.append(Tsv.field(BsonText.of(valueAt(document, path))));
        }
        return line.toString();
    }

    /** The value at a dot path; null where a step is missing. A numeric step indexes an array. */
    static Object valueAt(BSONObject document, String[] path) {
        Object current = document;
        for (String step : path) {
            if (current instanceof List<?> list) {
                int index = INDEX.matcher(step).matches() ? Integer.parseInt(step) : list.size();
                current = index < list.size() ? list.get(index) : null;
            } else if (current instanceof BSONObject object) {
                current = object.get(step);
            } else {
                return null;
            }
        }
        return current;
    }
}
