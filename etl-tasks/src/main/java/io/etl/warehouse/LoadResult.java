package io.etl.warehouse;

/**
 * What a load did to the target table.
 *
 * @param rowsLoaded   rows copied into staging and merged into the target
 * @param rowsReplaced rows of the target replaced by a newer version with the same key (or removed by a full refresh)
 * @param rowsDeleted  rows of the window whose documents are gone from the source, deleted ({@link LoadMode#MERGE_DELETING_MISSING})
 */
public record LoadResult(long rowsLoaded, long rowsReplaced, long rowsDeleted) {

    /** A load that changed no row. */
    static final LoadResult NOTHING = new LoadResult(0, 0, 0);

    /** Rows whose key the table did not hold before. */
    public long rowsNew() {
        return Math.max(0, rowsLoaded - rowsReplaced);
    }
}
