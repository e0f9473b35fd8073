package io.etl.transform;

import java.io.IOException;
import java.util.List;

import org.apache.hadoop.mapreduce.Job;
import org.apache.pig.Expression;
import org.apache.pig.LoadMetadata;
import org.apache.pig.ResourceSchema;
import org.apache.pig.ResourceStatistics;
import org.apache.pig.builtin.PigStorage;
import org.apache.pig.data.DataByteArray;
import org.apache.pig.data.DataType;
import org.apache.pig.data.Tuple;
import org.apache.pig.impl.logicalLayer.schema.Schema;

/**
 * Loads the lake's TSV as the named chararray fields it is given: {@code PigStorage('\t')}, except that each field is
 * text already, so that Pig adds no cast of every field of every row (casts and their projections were a tenth of a
 * transform), and an empty field stays an empty string, where PigStorage reads Pig's null, which would reach the
 * warehouse as NULL; in the lake, NULL is written {@code \N}.
 *
 * <pre>{@code documents = LOAD '$input/part-*' USING io.etl.transform.LakeStorage('id, user_id, date');}</pre>
 */
public final class LakeStorage extends PigStorage implements LoadMetadata {

    private final List<String> fields;

    /** @param fields the names of the fields, in order, separated by commas */
    public LakeStorage(String fields) {
        super("\t");
        this.fields = List.of(fields.split(" *, *"));
    }

    @Override
    public Tuple getNext() throws IOException {
        Tuple row = super.getNext();
        if (row != null) {
            for (int i = 0; i < row.size(); i++) {
                Object field = row.get(i);
                row.set(i, field == null ? "" : field instanceof DataByteArray bytes ? bytes.toString() : field);
            }
        }
        return row;
    }

    /** Every field a chararray of its name: Pig takes the relation's fields from here, with no AS and no cast. */
    @Override
    public ResourceSchema getSchema(String location, Job job) {
        Schema schema = new Schema();
        fields.forEach(name -> schema.add(new Schema.FieldSchema(name, DataType.CHARARRAY)));
        return new ResourceSchema(schema);
    }

    @Override
    public ResourceStatistics getStatistics(String location, Job job) {
        return null;
    }

    @Override
    public String[] getPartitionKeys(String location, Job job) {
        return null;
    }

    @Override
    public void setPartitionFilter(Expression partitionFilter) {
        // no partitions
    }
}
