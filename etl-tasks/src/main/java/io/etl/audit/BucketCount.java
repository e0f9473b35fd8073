package io.etl.audit;

import io.etl.window.Window;

/**
 * One bucket of an audit: the documents the source has whose cursor falls in it, and what the warehouse accounts
 * for of them, as rows of the table or as rejects.
 */
public record BucketCount(Window bucket, long source, long warehouse, long rejected) {

    /** Source less what the warehouse accounts for: above zero, documents are missing; below, rows are extra. */
    public long difference() {
        return source - warehouse - rejected;
    }

    public boolean differs() {
        return difference() != 0;
    }
}
