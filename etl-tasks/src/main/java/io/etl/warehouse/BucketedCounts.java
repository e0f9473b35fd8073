package io.etl.warehouse;

import java.time.Instant;
import java.util.Map;

/**
 * What the warehouse holds of one ETL per bucket of the cursor, for an audit.
 *
 * @param rows                  the table's rows, by the start of their bucket
 * @param rejected              the documents rejected and not in the table, by the start of their bucket
 * @param rejectedWithoutCursor rejects that cannot be put in a bucket (written before rejects kept the cursor)
 */
public record BucketedCounts(Map<Instant, Long> rows, Map<Instant, Long> rejected, long rejectedWithoutCursor) {

    public BucketedCounts {
        rows = Map.copyOf(rows);
        rejected = Map.copyOf(rejected);
    }
}
