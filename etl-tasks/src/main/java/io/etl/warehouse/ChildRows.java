package io.etl.warehouse;

import java.util.List;

/**
 * One window's rows of a child table, for the load of its parent's: the part files and how many rows they hold.
 *
 * @param elements the unwound array's name ({@link ChildTable#elements()})
 * @param copy     how they reach the child's staging
 */
public record ChildRows(String elements, StagingCopy copy, List<String> parts, long rows) {

    public ChildRows {
        parts = List.copyOf(parts);
    }
}
