package io.etl.extract;

import com.mongodb.DBCursor;
import com.mongodb.hadoop.input.MongoInputSplit;
import com.mongodb.hadoop.util.MongoConfigUtil;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.bson.BSONObject;

/**
 * Reads one split's documents. Unlike mongo-hadoop's own reader, a failed read fails the task (mongo-hadoop logs it
 * and reports the split finished, silently short), and documents come in batches of {@value #BATCH_SIZE} (some
 * servers answer an unbounded first batch with the whole split, too large for one reply).
 */
final class DocumentReader extends RecordReader<Object, BSONObject> {

    static final int BATCH_SIZE = 1_000;

    private final DBCursor cursor;
    private BSONObject current;
    private boolean finished;

    DocumentReader(MongoInputSplit split) {
        this.cursor = split.getCursor().batchSize(BATCH_SIZE);
    }

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) {
        // the cursor is the split's, opened in the constructor
    }

    @Override
    public boolean nextKeyValue() {
        finished = !cursor.hasNext();
        current = finished ? null : cursor.next();
        return !finished;
    }

    /** The mapper needs no key. */
    @Override
    public Object getCurrentKey() {
        return NullWritable.get();
    }

    @Override
    public BSONObject getCurrentValue() {
        return current;
    }

    @Override
    public float getProgress() {
        return finished ? 1 : 0;
    }

    @Override
    public void close() {
        cursor.close();
        MongoConfigUtil.close(cursor.getCollection().getDB().getMongo());
    }
}
