package io.etl.transform;

import io.etl.reject.Reject;
import io.etl.tsv.Tsv;
import io.etl.warehouse.Column;
import io.etl.warehouse.ColumnFit;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.apache.pig.data.Tuple;

/**
 * A transform's last check of each row it writes against its {@link RowContract}: empty for a row the warehouse will
 * load as it is, or the reject it is instead, {@code (document_id, field, reason, value)} in the lake's form, for the
 * first column whose value the column cannot hold ({@link ColumnFit}) or a missing key.
 */
final class RowCheck {

    private final RowContract contract;
    private final List<Column> columns;
    private final int key;

    RowCheck(RowContract contract) {
        this.contract = contract;
        this.columns = contract.columns();
        this.key = contract.keyIndex();
    }

    RowContract contract() {
        return contract;
    }

    /** @param row a row of {@link RowContract#relation()}, its fields in the lake's form */
    Optional<List<String>> reject(Tuple row) throws IOException {
        String[] values = new String[row.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(row.get(i));
        }
        return reject(values);
    }

    /** @param values a row of {@link RowContract#relation()}, its fields' values ({@link #value}) */
    Optional<List<String>> reject(String[] values) throws IOException {
        if (values.length != columns.size()) {
            throw new IOException("a row has " + values.length + " fields but the table " + columns.size() + " columns");
        }
        for (int i = 0; i < columns.size(); i++) {
            Optional<String> problem = i == key && values[i] == null ? Optional.of("the key is missing")
                    : ColumnFit.problem(columns.get(i).type(), values[i], contract.dialect());
            if (problem.isPresent()) {
                return Optional.of(List.of(Tsv.field(values[key]), Tsv.escape(field(values, columns.get(i).name())),
                        Tsv.escape(problem.get()), Tsv.field(Reject.excerpt(values[i]))));
            }
        }
        return Optional.empty();
    }

    /** The value a field of a row holds: a chararray is a lake field; Pig's own null is NULL, and any other type its text. */
    static String value(Object field) {
        if (field instanceof String lakeField) {
            return Tsv.value(lakeField);
        }
        return field == null ? null : field.toString();
    }

    /** The column, or for a child table's row the element's field as the document has it: {@code media.3.url}. */
    private String field(String[] values, String column) {
        return contract.elements().isEmpty() ? column : contract.elements() + "." + values[1] + "." + column;
    }
}
