package io.etl.transform;

import io.etl.tsv.Tsv;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pig.EvalFunc;
import org.apache.pig.PigWarning;
import org.apache.pig.data.DataType;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;
import org.apache.pig.impl.logicalLayer.schema.Schema;

/**
 * A Pig UDF that spreads an extracted array over a fixed number of columns: {@code ["a", 2]} as
 * {@code (a, 2, \N, \N, \N)}. Its input is a lake field holding a JSON array (escaped TSV, or {@code \N}); each
 * output is a lake field again: the element's text escaped, {@code \N} where the array is shorter or the element is
 * null. Elements past the last column are dropped, with a Pig warning.
 *
 * <pre>{@code
 * DEFINE ValueColumns io.etl.transform.ArrayColumns('value', '5');
 * rows = FOREACH actions GENERATE id, FLATTEN(ValueColumns(value));   -- value_1 .. value_5
 * }</pre>
 */
public final class ArrayColumns extends EvalFunc<Tuple> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final int columns;

    /** @param prefix the columns' names are {@code prefix_1 … prefix_N} */
    public ArrayColumns(String prefix, String columns) {
        this.prefix = prefix;
        this.columns = Integer.parseInt(columns.trim());
        if (this.columns < 1) {
            throw new IllegalArgumentException("ArrayColumns needs at least one column, got " + columns);
        }
    }

    @Override
    public Tuple exec(Tuple input) throws IOException {
        Tuple row = TupleFactory.getInstance().newTuple(columns);
        for (int i = 0; i < columns; i++) {
            row.set(i, Tsv.NULL);
        }
        String array = input == null || input.size() == 0 || input.get(0) == null ? null : Tsv.value((String) input.get(0));
        if (array == null) {
            return row;
        }
        JsonNode elements = JSON.readTree(array);
        if (!elements.isArray()) {
            throw new IOException("expected a JSON array in " + prefix + ", got: " + array);
        }
        for (int i = 0; i < Math.min(columns, elements.size()); i++) {
            JsonNode element = elements.get(i);
            row.set(i, element.isNull() ? Tsv.NULL : Tsv.escape(text(element)));
        }
        if (elements.size() > columns) {
            warn(prefix + " has " + elements.size() + " elements; only the first " + columns + " become columns",
                    PigWarning.UDF_WARNING_1);
        }
        return row;
    }

    /** A scalar's own text; a nested array or document as JSON (its toString serializes, ten times slower). */
    private static String text(JsonNode element) {
        return element.isContainerNode() ? element.toString() : element.asText();
    }

    @Override
    public Schema outputSchema(Schema input) {
        Schema fields = new Schema();
        for (int i = 1; i <= columns; i++) {
            fields.add(new Schema.FieldSchema(prefix + "_" + i, DataType.CHARARRAY));
        }
        try {
            return new Schema(new Schema.FieldSchema(prefix + "_columns", fields, DataType.TUPLE));
        } catch (org.apache.pig.impl.logicalLayer.FrontendException e) {
            throw new IllegalStateException(e);
        }
    }
}
