package io.etl.extract;

import java.io.IOException;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.bson.BSONObject;

/** The extract's map task: one TSV line per document, with the fields the job names in {@value #PATHS}. */
public final class DocumentMapper extends Mapper<Object, BSONObject, NullWritable, Text> {

    /** The field paths in column order. */
    static final String PATHS = "etl.extract.paths";

    private final Text line = new Text();
    private DocumentRow row;

    static void configure(Configuration conf, List<String> paths) {
        conf.setStrings(PATHS, paths.toArray(String[]::new));
    }

    @Override
    protected void setup(Context context) {
        row = DocumentRow.of(List.of(context.getConfiguration().getStrings(PATHS)));
    }

    @Override
    protected void map(Object key, BSONObject document, Context context) throws IOException, InterruptedException {
        line.set(row.line(document));
        context.write(NullWritable.get(), line);
    }
}
