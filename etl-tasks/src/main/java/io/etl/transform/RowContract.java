package io.etl.transform;

import io.etl.warehouse.ChildTable;
import io.etl.warehouse.Column;
import io.etl.warehouse.Dialect;
import io.etl.warehouse.SqlType;
import io.etl.warehouse.Table;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * What every row a transform writes must be: the table's columns in order, the key never NULL, each value one the
 * column holds in the warehouse's dialect. Travels to {@link LoadableRow} and {@link WarehouseStorage} as one Pig
 * string literal, for their {@link RowCheck}.
 *
 * @param key      the column naming the row's document: the table's key, or a child table's parent key
 * @param elements for a child table, the unwound array's name, which its rejects name a field by
 *                 ({@code media.3.url}); empty for a table
 */
public record RowContract(Dialect dialect, String key, List<Column> columns, String elements) {

    public RowContract {
        columns = List.copyOf(columns);
    }

    public static RowContract of(Table table, Dialect dialect) {
        return new RowContract(dialect, table.key(), table.columns(), "");
    }

    public static RowContract of(ChildTable child, Dialect dialect) {
        return new RowContract(dialect, child.parentKey(), child.columns(), child.elements());
    }

    /**
     * @param fields the names of the fields of {@code rows}, as Pig has them ({@code value_columns::value_1}); null
     *               when Pig does not know them
     * @throws Mismatch naming the first field that is not the table's column at its place
     */
    void check(List<String> fields) {
        List<String> expected = PigNames.of(columns.stream().map(Column::name).toList());
        String order = relation() + " must have the table's columns in order (" + String.join(", ", expected) + ")";
        if (fields == null) {
            throw new Mismatch(order + ", but Pig does not know its fields' names: name them with AS");
        }
        List<String> actual = fields.stream().map(RowContract::unqualified).toList();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : null;
            String got = i < actual.size() ? actual.get(i) : null;
            if (want == null || !want.equals(got)) {
                throw new Mismatch(order + ", but " + (got == null ? "it has no field " + (i + 1) + ", " + want
                        : want == null ? "it has a field more, " + got : "field " + (i + 1) + " is " + got + " where the table has " + want));
            }
        }
    }

    /** The script's relation these rows are: {@code rows}, or a child table's {@code <elements>_rows}. */
    String relation() {
        return elements.isEmpty() ? TransformScript.ROWS : elements + "_" + TransformScript.ROWS;
    }

    /** {@code value_1} of Pig's {@code value_columns::value_1}. */
    private static String unqualified(String alias) {
        if (alias == null) {
            return "(unnamed)";
        }
        int separator = alias.lastIndexOf("::");
        return separator < 0 ? alias : alias.substring(separator + 2);
    }

    /** Rows that are not the table's columns: the script is wrong, and no job starts. */
    static final class Mismatch extends IllegalArgumentException {
        Mismatch(String message) {
            super(message);
        }
    }

    int keyIndex() {
        return columns.stream().map(Column::name).toList().indexOf(key);
    }

    /**
     * Base64 of lines: the dialect, the key, the elements' name, then a column a line ({@code kind, length, name}, tab-separated; a name
     * holds no control character). Safe inside a Pig string literal, and read in a cluster's tasks with nothing but
     * this module's classes.
     */
    String encoded() {
        StringBuilder text = new StringBuilder(dialect.name()).append('\n').append(key).append('\n').append(elements);
        for (Column column : columns) {
            text.append('\n').append(column.type().kind()).append('\t').append(column.type().length()).append('\t').append(column.name());
        }
        return Base64.getEncoder().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static RowContract decode(String encoded) {
        List<String> lines = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).lines().toList();
        List<Column> columns = lines.subList(3, lines.size()).stream().map(line -> line.split("\t", 3))
                .map(c -> Column.of(c[2], new SqlType(SqlType.Kind.valueOf(c[0]), Integer.parseInt(c[1])))).toList();
        return new RowContract(Dialect.valueOf(lines.get(0)), lines.get(1), columns, lines.get(2));
    }
}
