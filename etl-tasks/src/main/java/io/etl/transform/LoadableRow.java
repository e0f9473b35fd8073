package io.etl.transform;

import io.etl.reject.Reject;
import io.etl.tsv.Tsv;
import io.etl.warehouse.Column;
import io.etl.warehouse.ColumnFit;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.apache.pig.EvalFunc;
import org.apache.pig.data.DataType;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;
import org.apache.pig.impl.logicalLayer.schema.Schema;

/**
 * The transform's last check, in the epilogue its script runs with: null for a row the warehouse will load as it
 * is, or the reject it is instead, {@code (document_id, field, reason, value)} in the lake's form, for the first
 * column whose value the column cannot hold ({@link ColumnFit}) or a missing key. A child table's row rejects its
 * document.
 */
public final class LoadableRow extends EvalFunc<Tuple> {

    private final RowContract contract;
    private final int key;
    private final TupleFactory tuples = TupleFactory.getInstance();

    /** @param contract {@link RowContract#encoded()} */
    public LoadableRow(String contract) {
        this.contract = RowContract.decode(contract);
        this.key = this.contract.keyIndex();
    }

    @Override
    public Tuple exec(Tuple row) throws IOException {
        List<Column> columns = contract.columns();
        if (row.size() != columns.size()) {
            throw new IOException("a row has " + row.size() + " fields but the table " + columns.size() + " columns");
        }
        String id = WarehouseStorage.value(row.get(key));
        for (int i = 0; i < columns.size(); i++) {
            String value = i == key ? id : WarehouseStorage.value(row.get(i));
            Optional<String> problem = i == key && value == null ? Optional.of("the key is missing")
                    : ColumnFit.problem(columns.get(i).type(), value, contract.dialect());
            if (problem.isPresent()) {
                return tuples.newTuple(List.of(Tsv.field(id), Tsv.escape(field(row, columns.get(i).name())), Tsv.escape(problem.get()),
                        Tsv.field(Reject.excerpt(value))));
            }
        }
        return null;
    }

    /** The column, or for a child table's row the element's field as the document has it: {@code media.3.url}. */
    private String field(Tuple row, String column) throws IOException {
        return contract.elements().isEmpty() ? column
                : contract.elements() + "." + WarehouseStorage.value(row.get(1)) + "." + column;
    }

    /** Called as Pig plans the script, before any job: where rows that are not the table's columns stop it. */
    @Override
    public Schema outputSchema(Schema input) {
        contract.check(input == null ? null : input.getFields().stream().map(field -> field.alias).toList());
        Schema reject = new Schema();
        for (String field : List.of("document_id", "field", "reason", "value")) {
            reject.add(new Schema.FieldSchema(field, DataType.CHARARRAY));
        }
        try {
            return new Schema(new Schema.FieldSchema("etl_problem", reject, DataType.TUPLE));
        } catch (org.apache.pig.impl.logicalLayer.FrontendException e) {
            throw new IllegalStateException(e);
        }
    }
}
