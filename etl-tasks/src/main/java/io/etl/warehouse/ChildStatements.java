package io.etl.warehouse;

import java.util.List;

/**
 * The SQL of loading a child table with its parent: its own staging, copy and insert are a table's
 * ({@link #rows()}); what differs is which rows a load replaces, chosen by the parent's rows.
 */
final class ChildStatements {

    private final ChildTable child;
    private final Statements parent;
    private final Statements rows;

    ChildStatements(Dialect dialect, ChildTable child, Statements parent) {
        this.child = child;
        this.parent = parent;
        this.rows = new Statements(dialect, child.asLoaded(parent.table()));
    }

    ChildTable child() {
        return child;
    }

    /** Its staging, copy, insert and count. */
    Statements rows() {
        return rows;
    }

    String createTable() {
        return rows.createTable(List.of(child.parentKey(), ChildTable.POSITION));
    }

    /** The children of every parent the parent's staging holds: all of them are replaced, however many it has now. */
    String deleteChildrenOfStaged() {
        String staging = Identifiers.quote(parent.staging());
        return "DELETE FROM " + child.qualified() + " USING " + staging + " WHERE " + child.qualified() + "."
                + Identifiers.quote(child.parentKey()) + " = " + staging + "." + Identifiers.quote(parent.table().key());
    }

    /** The children whose parent's row is gone (deleted as missing from the source, or by a full refresh). */
    String deleteOrphans() {
        Table table = parent.table();
        return "DELETE FROM " + child.qualified() + " WHERE NOT EXISTS (SELECT 1 FROM " + table.qualified() + " WHERE "
                + table.qualified() + "." + Identifiers.quote(table.key()) + " = " + child.qualified() + "."
                + Identifiers.quote(child.parentKey()) + ")";
    }
}
