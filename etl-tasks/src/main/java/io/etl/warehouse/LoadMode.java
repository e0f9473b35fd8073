package io.etl.warehouse;

/** What a load does to the rows of the table that its window's rows do not replace. */
public enum LoadMode {
    /** Keeps them: rows are replaced by key, others stay. */
    MERGE,
    /**
     * Deletes those whose cursor is in the window: the window was read whole, so their documents are gone from the
     * source (a repair with {@code --delete-missing}).
     */
    MERGE_DELETING_MISSING,
    /** Deletes every row first (a full refresh). */
    REPLACE_ALL
}
