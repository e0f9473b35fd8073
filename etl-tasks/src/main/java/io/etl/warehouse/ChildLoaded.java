package io.etl.warehouse;

/**
 * What a load did to a child table.
 *
 * @param rowsLoaded   rows inserted: every element of every parent loaded
 * @param rowsReplaced rows removed first: the earlier children of the parents loaded (all of them for a full refresh,
 *                     and those of parents deleted as missing)
 * @param tableChanges what the load changed in the table for its declaration
 */
public record ChildLoaded(ChildTable table, long rowsLoaded, long rowsReplaced, TableChanges tableChanges) {
}
