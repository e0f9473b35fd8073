package io.etl.transform;

import io.etl.tsv.Tsv;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.pig.StoreFunc;
import org.apache.pig.data.Tuple;
import org.apache.pig.tools.pigstats.PigStatusReporter;

/**
 * Stores a transform's rows for the warehouses, one line of tab-separated fields each, every field rewritten from the
 * lake's form (escaped text, or {@code \N}) into the one both warehouses' COPY read alike ({@link Tsv#warehouseField}).
 * A NUL, which neither warehouse can store, becomes U+FFFD and is counted in the Hadoop counter
 * {@value #COUNTER_GROUP}/{@value #NULS_REPLACED}.
 *
 * <pre>{@code STORE rows INTO '$output' USING io.etl.transform.WarehouseStorage('<contract>');}</pre>
 *
 * Given a {@link RowContract} ({@link RowContract#encoded()}), it checks each row ({@link RowCheck}) on the values it
 * writes and writes the reject a row is instead of the row, into the task's {@link RowsAndRejects#REJECTS} file
 * beside its part: one operator where a check, a split and a projection in Pig cost two fifths of the transform.
 * Without one, the rows were checked before ({@link LoadableRow}, where a document's rows load whole).
 */
public final class WarehouseStorage extends StoreFunc {

    static final String COUNTER_GROUP = "etl";
    static final String NULS_REPLACED = "nuls_replaced";

    private final Optional<RowCheck> check;
    private RowsAndRejects.Writer writer;

    /** The rows were checked before they reach the store. */
    public WarehouseStorage() {
        this.check = Optional.empty();
    }

    /** @param contract {@link RowContract#encoded()}: the rows checked, the rejects written beside them */
    public WarehouseStorage(String contract) {
        this.check = Optional.of(new RowCheck(RowContract.decode(contract)));
    }

    @Override
    public OutputFormat getOutputFormat() {
        return new RowsAndRejects();
    }

    @Override
    public void setStoreLocation(String location, Job job) throws IOException {
        FileOutputFormat.setOutputPath(job, new Path(location));
    }

    @Override
    public void prepareToWrite(RecordWriter writer) {
        this.writer = (RowsAndRejects.Writer) writer;
    }

    @Override
    public void putNext(Tuple row) throws IOException {
        String[] values = new String[row.size()];
        String[] fields = new String[row.size()];
        long nuls = 0;
        for (int i = 0; i < values.length; i++) {
            Object field = row.get(i);
            if (field instanceof String lakeField && lakeField.indexOf('\\') < 0) {
                // nothing escaped: no tab, newline, backslash or NUL, so the value and both forms are the same text
                values[i] = lakeField;
                fields[i] = lakeField;
            } else {
                values[i] = RowCheck.value(field);
                nuls += nuls(values[i]);
                fields[i] = Tsv.warehouseField(values[i]);
            }
        }
        if (check.isPresent()) {
            Optional<List<String>> reject = check.get().reject(values);
            if (reject.isPresent()) {
                writer.reject(reject.get());
                return;
            }
        }
        if (nuls > 0) {
            PigStatusReporter.getInstance().incrCounter(COUNTER_GROUP, NULS_REPLACED, nuls);
        }
        writer.row(fields);
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
}
