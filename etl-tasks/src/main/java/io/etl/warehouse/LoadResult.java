package io.etl.warehouse;

import java.util.List;

/**
 * What a load did to the target table.
 *
 * @param rowsLoaded   rows copied into staging and merged into the target
 * @param rowsReplaced rows of the target replaced by a newer version with the same key (or removed by a full refresh)
 * @param rowsDeleted  rows of the window whose documents are gone from the source, deleted ({@link LoadMode#MERGE_DELETING_MISSING})
 * @param tableChanges what the load changed in the table for its declaration (columns added, strings widened)
 * @param children     what it did to each child table, in their declared order
 */
public record LoadResult(long rowsLoaded, long rowsReplaced, long rowsDeleted, TableChanges tableChanges,
                         List<ChildLoaded> children) {

    public LoadResult {
        children = List.copyOf(children);
    }

    /** A load that changed no row, only the tables' columns. */
    static LoadResult nothing(TableChanges changes, List<ChildLoaded> children) {
        return new LoadResult(0, 0, 0, changes, children);
    }

    /** Rows whose key the table did not hold before. */
    public long rowsNew() {
        return Math.max(0, rowsLoaded - rowsReplaced);
    }
}
