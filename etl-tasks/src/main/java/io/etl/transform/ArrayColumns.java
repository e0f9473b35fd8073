package io.etl.transform;

import io.etl.tsv.Tsv;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.pig.EvalFunc;
import org.apache.pig.data.DataType;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;
import org.apache.pig.impl.logicalLayer.schema.Schema;
import org.apache.pig.tools.pigstats.PigStatusReporter;

/**
 * A Pig UDF that spreads an extracted array over a fixed number of columns: {@code ["a", 2]} as
 * {@code (a, 2, \N, \N, \N)}. Its input is a lake field holding a JSON array (escaped TSV, or {@code \N}); each
 * output is a lake field again: the element's text escaped, {@code \N} where the array is shorter or the element is
 * null. Elements past the last column are counted in the Hadoop counter {@value WarehouseStorage#COUNTER_GROUP}/
 * {@value #ELEMENTS_DROPPED} and reported by the transform, or, given a third argument, kept as a JSON array in one
 * more column of that name ({@code \N} when there are none). Its field must be declared {@link io.etl.spec.FieldType#ARRAY}: the extract rejects a
 * document whose value is not an array.
 *
 * <pre>{@code
 * DEFINE ValueColumns io.etl.transform.ArrayColumns('value', '5');
 * rows = FOREACH actions GENERATE id, FLATTEN(ValueColumns(value));   -- value_1 .. value_5
 * DEFINE TagColumns io.etl.transform.ArrayColumns('tags', '3', 'tags_rest');   -- tags_1 .. tags_3, tags_rest
 * }</pre>
 */
public final class ArrayColumns extends EvalFunc<Tuple> {

    static final String ELEMENTS_DROPPED = "array_elements_dropped";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final int columns;
    private final Optional<String> rest;

    /** @param prefix the columns' names are {@code prefix_1 … prefix_N} */
    public ArrayColumns(String prefix, String columns) {
        this(prefix, columns, Optional.empty());
    }

    /** @param rest the name of the column that keeps the elements past the last, as a JSON array */
    public ArrayColumns(String prefix, String columns, String rest) {
        this(prefix, columns, Optional.of(rest));
    }

    private ArrayColumns(String prefix, String columns, Optional<String> rest) {
        this.prefix = prefix;
        this.columns = Integer.parseInt(columns.trim());
        this.rest = rest;
        if (this.columns < 1) {
            throw new IllegalArgumentException("ArrayColumns needs at least one column, got " + columns);
        }
    }

    @Override
    public Tuple exec(Tuple input) throws IOException {
        int width = columns + (rest.isPresent() ? 1 : 0);
        Tuple row = TupleFactory.getInstance().newTuple(width);
        for (int i = 0; i < width; i++) {
            row.set(i, Tsv.NULL);
        }
        String array = input == null || input.size() == 0 || input.get(0) == null ? null : Tsv.value((String) input.get(0));
        if (array == null) {
            return row;
        }
        // Read as tokens, not as a tree: building every array's tree was a tenth of a transform's time.
        try (JsonParser elements = JSON.createParser(array)) {
            if (elements.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException(prefix + " holds " + array + ", not an array: declare its field FieldType.ARRAY, so that the "
                        + "extract rejects such documents");
            }
            int index = 0;
            // the elements past the last column, kept only where the rest column holds them
            ArrayNode past = rest.isPresent() ? JSON.createArrayNode() : null;
            for (JsonToken token = elements.nextToken(); token != JsonToken.END_ARRAY; token = elements.nextToken(), index++) {
                if (index < columns) {
                    row.set(index, token == JsonToken.VALUE_NULL ? Tsv.NULL : Tsv.escape(text(elements, token)));
                } else if (past != null) {
                    past.add(JSON.<JsonNode>readTree(elements));
                } else {
                    elements.skipChildren();
                }
            }
            if (index > columns && past != null) {
                row.set(columns, Tsv.escape(past.toString()));
            } else if (index > columns) {
                PigStatusReporter.getInstance().incrCounter(WarehouseStorage.COUNTER_GROUP, ELEMENTS_DROPPED, index - columns);
            }
        }
        return row;
    }

    /** A scalar's own text, as written; a nested array or document as JSON. */
    private static String text(JsonParser elements, JsonToken token) throws IOException {
        return token.isStructStart() ? JSON.<JsonNode>readTree(elements).toString() : elements.getText();
    }

    @Override
    public Schema outputSchema(Schema input) {
        Schema fields = new Schema();
        for (int i = 1; i <= columns; i++) {
            fields.add(new Schema.FieldSchema(prefix + "_" + i, DataType.CHARARRAY));
        }
        rest.ifPresent(name -> fields.add(new Schema.FieldSchema(name, DataType.CHARARRAY)));
        try {
            return new Schema(new Schema.FieldSchema(prefix + "_columns", fields, DataType.TUPLE));
        } catch (org.apache.pig.impl.logicalLayer.FrontendException e) {
            throw new IllegalStateException(e);
        }
    }
}
