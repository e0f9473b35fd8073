package io.etl.audit;

import io.etl.window.Window;

/** One document that the two sides disagree on, by key: in the source only, or in the warehouse only. */
public record IdDifference(Window bucket, String id, Side side) {

    public enum Side {
        /** In the source, neither a row of the table nor a reject. */
        MISSING_FROM_WAREHOUSE,
        /** A row of the table whose document the source does not have (in this bucket). */
        NOT_IN_SOURCE
    }
}
