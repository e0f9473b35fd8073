package io.etl.warehouse;

import io.etl.lake.Lake;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where the warehouse refused a row, as a person finds it: the lake file, the physical line the record starts on,
 * the column, and the document (the value of the table's key column in that record).
 */
final class RefusedRow {

    private RefusedRow() {
    }

    /** PostgreSQL: the COPY of one part file reports the record's number in it. */
    static String ofRecord(Lake lake, String part, Table table, long record, Optional<String> column) {
        return describe(lake, part, table, column, in -> PartRecord.numbered(in, record), "record " + record);
    }

    /** Redshift: STL_LOAD_ERRORS reports a line of the file, the last of the record when it spans several. */
    static String ofLine(Lake lake, String part, Table table, long line, Optional<String> column) {
        return describe(lake, part, table, column, in -> PartRecord.atLine(in, line), "line " + line);
    }

    @FunctionalInterface
    private interface Finder {
        Optional<PartRecord> find(InputStream part) throws IOException;
    }

    /** {@code file line 71, column c, document id 'x'}; the warehouse's own position when the file cannot be read. */
    private static String describe(Lake lake, String part, Table table, Optional<String> column, Finder finder, String reported) {
        Optional<PartRecord> record;
        try (InputStream in = lake.open(part)) {
            record = finder.find(in);
        } catch (IOException unreadable) {
            record = Optional.empty();
        }
        int key = table.columnNames().indexOf(table.key());
        return lake.objectUri(part)
                + record.map(r -> " line " + r.line()).orElse(" " + reported)
                + column.map(c -> ", column " + c).orElse("")
                + record.filter(r -> key < r.fields().size())
                        .map(r -> ", document " + table.key() + " '" + r.fields().get(key) + "'").orElse("");
    }
}
