package io.etl.transform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.pig.Expression;
import org.apache.pig.FileInputLoadFunc;
import org.apache.pig.LoadMetadata;
import org.apache.pig.ResourceSchema;
import org.apache.pig.ResourceStatistics;
import org.apache.pig.backend.hadoop.executionengine.mapReduceLayer.PigSplit;
import org.apache.pig.backend.hadoop.executionengine.mapReduceLayer.PigTextInputFormat;
import org.apache.pig.data.DataType;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;
import org.apache.pig.impl.logicalLayer.schema.Schema;

/**
 * Loads the lake's TSV as the text it is: each line one row of the given fields, each field a chararray as written
 * ({@code \N} for NULL stays {@code \N}, an empty field stays an empty string, where PigStorage would make it Pig's
 * null and the warehouse's NULL). Its fields are its schema, so Pig casts nothing: {@code PigStorage} with an
 * {@code AS (f:chararray, …)} made a bytearray of each field and then a cast of it, a fifth of a transform. Every
 * field is read (no projection is pushed down): the rows are cut from whole lines, and a transform uses every field
 * it loads. A line of another number of fields stops the job, naming the declared ones: the lake holds an extract of
 * another declaration, and reading it by position would load values into the wrong columns.
 *
 * <pre>{@code
 * documents = LOAD '$input/part-*' USING io.etl.transform.LakeStorage('id,user_id,action');
 * }</pre>
 */
public final class LakeStorage extends FileInputLoadFunc implements LoadMetadata {

    private static final TupleFactory TUPLES = TupleFactory.getInstance();

    private final List<String> fields;
    private RecordReader<?, ?> in;

    /** @param fields the fields' names, in the order of the lines' fields, separated by commas */
    public LakeStorage(String fields) {
        this.fields = List.of(fields.split(","));
    }

    @Override
    public InputFormat<?, ?> getInputFormat() {
        return new PigTextInputFormat();
    }

    @Override
    public void setLocation(String location, Job job) throws IOException {
        FileInputFormat.setInputPaths(job, location);
    }

    @Override
    public void prepareToRead(RecordReader reader, PigSplit split) {
        this.in = reader;
    }

    @Override
    public Tuple getNext() throws IOException {
        try {
            if (!in.nextKeyValue()) {
                return null;
            }
            Text text = (Text) in.getCurrentValue();
            return row(text.getBytes(), text.getLength());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted reading the lake", e);
        }
    }

    private Tuple row(byte[] bytes, int length) throws IOException {
        Tuple row = TUPLES.newTuple(fields.size());
        int field = 0;
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || bytes[i] == '\t') {
                if (field < fields.size()) {
                    row.set(field, new String(bytes, start, i - start, StandardCharsets.UTF_8));
                }
                field++;
                start = i + 1;
            }
        }
        if (field != fields.size()) {
            throw new IOException("a line of the lake has " + field + " fields, not the " + fields.size()
                    + " (" + String.join(", ", fields) + ") of the declaration: the lake holds an extract of another one");
        }
        return row;
    }

    @Override
    public ResourceSchema getSchema(String location, Job job) {
        Schema schema = new Schema();
        fields.forEach(name -> schema.add(new Schema.FieldSchema(name, DataType.CHARARRAY)));
        return new ResourceSchema(schema);
    }

    /** None: the lake's files say nothing of their rows but the rows. */
    @Override
    public ResourceStatistics getStatistics(String location, Job job) {
        return null;
    }

    /** None: an extract's folder is one window, not partitioned. */
    @Override
    public String[] getPartitionKeys(String location, Job job) {
        return null;
    }

    /** Never called: there are no partition keys to filter on. */
    @Override
    public void setPartitionFilter(Expression filter) {
    }
}
