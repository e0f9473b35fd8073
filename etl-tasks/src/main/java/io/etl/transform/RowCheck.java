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
        if (row.size() != columns.size()) {
            throw new IOException("a row has " + row.size() + " fields but the table " + columns.size() + " columns");
        }
        String id = WarehouseStorage.value(row.get(key));
        for (int i = 0; i < columns.size(); i++) {
            String value = i == key ? id : WarehouseStorage.value(row.get(i));
            Optional<String> problem = i == key && value == null ? Optional.of("the key is missing")
                    : ColumnFit.problem(columns.get(i).type(), value, contract.dialect());
            if (problem.isPresent()) {
                return Optional.of(List.of(Tsv.field(id), Tsv.escape(field(row, columns.get(i).name())), Tsv.escape(problem.get()),
                        Tsv.field(Reject.excerpt(value))));
            }
        }
        return Optional.empty();
    }

    /** The column, or for a child table's row the element's field as the document has it: {@code media.3.url}. */
    private String field(Tuple row, String column) throws IOException {
        return contract.elements().isEmpty() ? column
                : contract.elements() + "." + WarehouseStorage.value(row.get(1)) + "." + column;
    }
}
