package io.etl.extract;

import java.io.IOException;
import io.etl.spec.EtlSpec;
import io.etl.spec.FieldType;

import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.bson.BSONObject;

/**
 * The extract's map task: one TSV line per document ({@link DocumentRow}), with the fields the job names in
 * {@value #PATHS} and declares in {@value #TYPES}.
 */
public final class DocumentMapper extends Mapper<Object, BSONObject, NullWritable, Text> {

    /** The field paths in column order. */
    static final String PATHS = "etl.extract.paths";
    /** Their declared types, in the same order. */
    static final String TYPES = "etl.extract.types";
    /** The index of the key among them. */
    static final String KEY = "etl.extract.key";

    private final Text line = new Text();
    private DocumentRow row;

    static void configure(Configuration conf, EtlSpec spec) {
        conf.setStrings(PATHS, spec.paths().toArray(String[]::new));
        conf.setStrings(TYPES, spec.fields().stream().map(field -> field.type().name()).toArray(String[]::new));
        conf.setInt(KEY, spec.keyIndex());
    }

    @Override
    protected void setup(Context context) {
        Configuration conf = context.getConfiguration();
        row = DocumentRow.of(List.of(conf.getStrings(PATHS)),
                Arrays.stream(conf.getStrings(TYPES)).map(FieldType::valueOf).toList(), conf.getInt(KEY, 0));
    }

    @Override
    protected void map(Object key, BSONObject document, Context context) throws IOException, InterruptedException {
        line.set(row.line(document));
        context.write(NullWritable.get(), line);
    }
}
