package io.etl.transform;

import io.etl.tsv.Tsv;

import java.io.IOException;

import org.apache.hadoop.mapreduce.OutputFormat;
import org.apache.pig.builtin.PigStorage;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;
import org.apache.pig.tools.pigstats.PigStatusReporter;

/**
 * Stores a transform's rows for the warehouses: {@code PigStorage('\t')} with each field rewritten from the lake's
 * form (escaped text, or {@code \N}) into the one both warehouses' COPY read alike ({@link Tsv#warehouseField}). A
 * NUL, which neither warehouse can store, becomes U+FFFD and is counted in the Hadoop counter
 * {@value #COUNTER_GROUP}/{@value #NULS_REPLACED}.
 *
 * <pre>{@code STORE rows INTO '$output' USING io.etl.transform.WarehouseStorage();}</pre>
 *
 * Given a {@link RowContract} ({@link RowContract#encoded()}), it also checks each row ({@link RowCheck}) and writes
 * the reject a row is instead of the row, into the task's {@link RowsAndRejects#REJECTS} file beside its part: one
 * operator where a check, a split and a projection in Pig cost two fifths of the transform.
 */
public final class WarehouseStorage extends PigStorage {

    static final String COUNTER_GROUP = "etl";
    static final String NULS_REPLACED = "nuls_replaced";

    private final TupleFactory tuples = TupleFactory.getInstance();
    private final RowCheck check;

    public WarehouseStorage() {
        super("\t");
        this.check = null;
    }

    /** @param contract {@link RowContract#encoded()}: the rows checked, the rejects written beside them */
    public WarehouseStorage(String contract) {
        super("\t");
        this.check = new RowCheck(RowContract.decode(contract));
    }

    @Override
    public OutputFormat getOutputFormat() {
        return check == null ? super.getOutputFormat() : new RowsAndRejects();
    }

    @Override
    public void putNext(Tuple row) throws IOException {
        if (check != null) {
            var reject = check.reject(row);
            if (reject.isPresent()) {
                ((RowsAndRejects.Writer) writer).reject(tuples.newTuple(reject.get()));
                return;
            }
        }
        Tuple fields = tuples.newTuple(row.size());
        long nuls = 0;
        for (int i = 0; i < row.size(); i++) {
            Object field = row.get(i);
            if (field instanceof String lakeField && lakeField.indexOf('\\') < 0) {
                // nothing escaped: no tab, newline, backslash or NUL, so both forms are the same text
                fields.set(i, lakeField);
                continue;
            }
            String value = value(field);
            nuls += nuls(value);
            fields.set(i, Tsv.warehouseField(value));
        }
        if (nuls > 0) {
            PigStatusReporter.getInstance().incrCounter(COUNTER_GROUP, NULS_REPLACED, nuls);
        }
        super.putNext(fields);
    }

    private static long nuls(String value) {
        long nuls = 0;
        if (value != null) {
            for (int i = value.indexOf('\0'); i >= 0; i = value.indexOf('\0', i + 1)) {
                nuls++;
            }
        }
        return nuls;
    }

    /** A chararray is a lake field; Pig's own null is NULL, and any other type its text. */
    static String value(Object field) {
        if (field instanceof String lakeField) {
            return Tsv.value(lakeField);
        }
        return field == null ? null : field.toString();
    }
}
