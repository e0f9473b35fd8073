package io.etl.transform;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.pig.data.Tuple;

/**
 * The output of a {@link WarehouseStorage}: each task writes its rows into its part ({@code part-m-00000}) and the
 * rejects its rows are into {@value #REJECTS}{@code -m-00000} beside it, made at the first reject. Both are in the
 * task's work folder, so the job's commit keeps both or neither; the transform then moves the rejects in with the
 * others. Lines are written as the store gives them, fields already in their form, joined by tabs.
 */
final class RowsAndRejects extends FileOutputFormat<WritableComparable, Tuple> {

    /** The name the rejects' files start with, in place of {@code part}. */
    static final String REJECTS = "rejects";
    private static final int BUFFER = 1 << 16;

    @Override
    public RecordWriter<WritableComparable, Tuple> getRecordWriter(TaskAttemptContext task) throws IOException {
        Path part = getDefaultWorkFile(task, "");
        FileSystem files = part.getFileSystem(task.getConfiguration());
        return new Writer(create(files, part), files, new Path(part.getParent(), getUniqueFile(task, REJECTS, "")));
    }

    private static OutputStream create(FileSystem files, Path file) throws IOException {
        return new BufferedOutputStream(files.create(file, false), BUFFER);
    }

    /** Writes {@link #row}s into the task's part, and {@link #reject}s into its rejects' file. */
    static final class Writer extends RecordWriter<WritableComparable, Tuple> {

        private final OutputStream rows;
        private final FileSystem files;
        private final Path rejectsFile;
        private OutputStream rejects;

        private Writer(OutputStream rows, FileSystem files, Path rejectsFile) {
            this.rows = rows;
            this.files = files;
            this.rejectsFile = rejectsFile;
        }

        /** @param fields the row's fields in the warehouse's form */
        void row(String[] fields) throws IOException {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    rows.write('\t');
                }
                rows.write(fields[i].getBytes(StandardCharsets.UTF_8));
            }
            rows.write('\n');
        }

        /** @param reject {@code (document_id, field, reason, value)} in the lake's form */
        void reject(List<String> reject) throws IOException {
            if (rejects == null) {
                rejects = create(files, rejectsFile);
            }
            rejects.write((String.join("\t", reject) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        /** Pig gives rows to {@link WarehouseStorage#putNext}, which writes them whole with {@link #row}. */
        @Override
        public void write(WritableComparable key, Tuple row) {
            throw new UnsupportedOperationException("rows are written by " + WarehouseStorage.class.getSimpleName());
        }

        @Override
        public void close(TaskAttemptContext context) throws IOException {
            try {
                rows.close();
            } finally {
                if (rejects != null) {
                    rejects.close();
                }
            }
        }
    }
}
