package io.etl.transform;

import java.io.IOException;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.pig.backend.hadoop.executionengine.mapReduceLayer.PigTextOutputFormat;
import org.apache.pig.data.Tuple;

/**
 * The output of a {@link WarehouseStorage} that checks its rows: each task writes its rows into its part
 * ({@code part-m-00000}) and the rejects its rows are into {@value #REJECTS}{@code -m-00000} beside it, made at the
 * first reject. Both are in the task's work folder, so the job's commit keeps both or neither; the transform then
 * moves the rejects in with the others.
 */
final class RowsAndRejects extends PigTextOutputFormat {

    /** The name the rejects' files start with, in place of {@code part}. */
    static final String REJECTS = "rejects";

    RowsAndRejects() {
        super((byte) '\t');
    }

    @Override
    public RecordWriter<WritableComparable, Tuple> getRecordWriter(TaskAttemptContext task) throws IOException, InterruptedException {
        Path workFolder = getDefaultWorkFile(task, "").getParent();
        return new Writer(super.getRecordWriter(task), new Path(workFolder, getUniqueFile(task, REJECTS, "")), task);
    }

    /** Writes rows into the task's part, and {@link #reject} into its rejects' file. */
    static final class Writer extends RecordWriter<WritableComparable, Tuple> {

        private final RecordWriter<WritableComparable, Tuple> rows;
        private final Path rejectsFile;
        private final TaskAttemptContext task;
        private PigLineRecordWriter rejects;

        private Writer(RecordWriter<WritableComparable, Tuple> rows, Path rejectsFile, TaskAttemptContext task) {
            this.rows = rows;
            this.rejectsFile = rejectsFile;
            this.task = task;
        }

        @Override
        public void write(WritableComparable key, Tuple row) throws IOException, InterruptedException {
            rows.write(key, row);
        }

        /** @param reject {@code (document_id, field, reason, value)} in the lake's form */
        void reject(Tuple reject) throws IOException {
            if (rejects == null) {
                rejects = new PigLineRecordWriter(rejectsFile.getFileSystem(task.getConfiguration()).create(rejectsFile, false), (byte) '\t');
            }
            rejects.write(null, reject);
        }

        @Override
        public void close(TaskAttemptContext context) throws IOException, InterruptedException {
            try {
                rows.close(context);
            } finally {
                if (rejects != null) {
                    rejects.close(context);
                }
            }
        }
    }
}
