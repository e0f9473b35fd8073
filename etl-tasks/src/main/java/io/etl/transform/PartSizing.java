package io.etl.transform;

import java.io.IOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Makes the transform write about {@code parts} files of equal size, so that one warehouse COPY loads them in
 * parallel: the input is cut into splits of at most 1/parts of its bytes, and each map task (the script has no
 * reduce) writes one part. Cheaper than a reduce phase (no sort, no shuffle); as a split never spans two input
 * files, an extract of several files can give a few more, smaller parts.
 */
record PartSizing(int parts) {

    PartSizing {
        if (parts < 1) {
            throw new IllegalArgumentException("a transform writes at least one part, not " + parts);
        }
    }

    /** Sets the split size for the input directory at {@code inputPath} (as Hadoop names it). */
    void applyTo(Configuration conf, String inputPath) throws IOException {
        Path input = new Path(inputPath);
        long bytes = 0;
        for (FileStatus file : input.getFileSystem(conf).listStatus(input, PartSizing::isRead)) {
            bytes += file.getLen();
        }
        conf.setLong("mapreduce.input.fileinputformat.split.maxsize", Math.max(1, ceilDiv(bytes, parts)));
        // Pig would otherwise combine the small splits into one again
        conf.setBoolean("pig.splitCombination", false);
    }

    /** What Pig reads of a directory: not the files Hadoop hides (the extract's counts and fields, its flag). */
    private static boolean isRead(Path file) {
        return !file.getName().startsWith("_") && !file.getName().startsWith(".");
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
