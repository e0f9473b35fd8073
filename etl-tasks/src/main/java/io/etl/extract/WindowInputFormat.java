package io.etl.extract;

import com.mongodb.hadoop.MongoInputFormat;
import com.mongodb.hadoop.input.MongoInputSplit;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.bson.BSONObject;

/** mongo-hadoop's input format (its splitters, its query and projection settings) with a reader that fails loudly. */
public final class WindowInputFormat extends MongoInputFormat {

    @Override
    public RecordReader<Object, BSONObject> createRecordReader(InputSplit split, TaskAttemptContext context) {
        return new DocumentReader((MongoInputSplit) split);
    }
}
