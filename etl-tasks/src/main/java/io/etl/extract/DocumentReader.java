package io.etl.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

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
 * and reports the split finished, silently short); documents come in batches of {@value #BATCH_SIZE} (some servers
 * answer an unbounded first batch with the whole split, too large for one reply); and a thread of its own fetches
 * and decodes the next batch while the mapper writes this one (the driver fetches only when a batch is used up, so
 * server and mapper would otherwise take turns).
 */
final class DocumentReader extends RecordReader<Object, BSONObject> {

    static final int BATCH_SIZE = 1_000;

    /** What the fetching thread hands over: documents, and whether the split ends with them or how reading failed. */
    private record Batch(List<BSONObject> documents, boolean last, RuntimeException failure) {
    }

    private final BlockingQueue<Batch> fetched = new ArrayBlockingQueue<>(2);
    private final Thread fetcher;
    private final DBCursor cursor;
    private Iterator<BSONObject> batch = Collections.emptyIterator();
    private boolean last;
    private BSONObject current;

    DocumentReader(MongoInputSplit split) {
        this.cursor = split.getCursor().batchSize(BATCH_SIZE);
        this.fetcher = new Thread(this::fetch, "extract read-ahead");
        fetcher.setDaemon(true);
    }

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) {
        fetcher.start();
    }

    /** On the fetching thread, the only one to touch the cursor. */
    private void fetch() {
        try {
            Batch next;
            do {
                next = nextBatch();
                fetched.put(next);
            } while (!next.last());
        } catch (InterruptedException e) {
            // closed before the split was read to its end
        } finally {
            cursor.close();
        }
    }

    private Batch nextBatch() {
        try {
            List<BSONObject> documents = new ArrayList<>(BATCH_SIZE);
            while (documents.size() < BATCH_SIZE && cursor.hasNext()) {
                documents.add(cursor.next());
            }
            return new Batch(documents, !cursor.hasNext(), null);
        } catch (RuntimeException e) {
            return new Batch(List.of(), true, e);
        }
    }

    @Override
    public boolean nextKeyValue() throws IOException, InterruptedException {
        while (!batch.hasNext() && !last) {
            Batch next = fetched.take();
            if (next.failure() != null) {
                throw new IOException("reading " + cursor.getCollection().getFullName() + " failed: " + next.failure().getMessage(),
                        next.failure());
            }
            batch = next.documents().iterator();
            last = next.last();
        }
        current = batch.hasNext() ? batch.next() : null;
        return current != null;
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
        return last && !batch.hasNext() ? 1 : 0;
    }

    @Override
    public void close() throws IOException {
        if (fetcher.getState() == Thread.State.NEW) {
            cursor.close();
        }
        fetcher.interrupt();
        try {
            fetcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while closing the read of " + cursor.getCollection().getFullName(), e);
        } finally {
            MongoConfigUtil.close(cursor.getCollection().getDB().getMongo());
        }
    }
}
