package io.etl.warehouse;

/**
 * What a load did to the target table.
 *
 * @param rowsLoaded   rows copied into staging and merged into the target
 * @param rowsReplaced rows of the target replaced by a newer version with the same key (or removed by a full refresh)
 * @param rowsDeleted  rows of the window whose documents are gone from the source, deleted ({@link LoadMode#MERGE_DELETING_MISSING})
 * @param tableChanges what the load changed in the table for its declaration (columns added, strings widened)
 */
public record LoadResult(long rowsLoaded, long rowsReplaced, long rowsDeleted, TableChanges tableChanges) {

    /** A load that changed no row. */
    static final LoadResult NOTHING = new LoadResult(0, 0, 0, TableChanges.NONE);

    /** The same rows, after these changes to the table. */
    LoadResult after(TableChanges changes) {
        return new LoadResult(rowsLoaded, rowsReplaced, rowsDeleted, changes);
    }

    /** Rows whose key the table did not hold before. */
    public long rowsNew() {
        return Math.max(0, rowsLoaded - rowsReplaced);
    }
}
