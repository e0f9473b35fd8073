package io.etl.transform;

import java.io.IOException;
import java.util.List;

import org.apache.pig.EvalFunc;
import org.apache.pig.data.DataType;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;
import org.apache.pig.impl.logicalLayer.schema.Schema;

/**
 * The transform's last check of a child table's rows and their parent's, in the epilogue its script runs with: null
 * for a row the warehouse will load as it is, or the reject it is instead ({@link RowCheck}). A child table's row
 * rejects its document.
 */
public final class LoadableRow extends EvalFunc<Tuple> {

    private final RowCheck check;
    private final TupleFactory tuples = TupleFactory.getInstance();

    /** @param contract {@link RowContract#encoded()} */
    public LoadableRow(String contract) {
        this.check = new RowCheck(RowContract.decode(contract));
    }

    @Override
    public Tuple exec(Tuple row) throws IOException {
        return check.reject(row).map(tuples::newTuple).orElse(null);
    }

    /** Called as Pig plans the script, before any job: where rows that are not the table's columns stop it. */
    @Override
    public Schema outputSchema(Schema input) {
        check.contract().check(input == null ? null : input.getFields().stream().map(field -> field.alias).toList());
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
