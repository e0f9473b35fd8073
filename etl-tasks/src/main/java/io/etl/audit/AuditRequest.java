package io.etl.audit;

import io.etl.window.Bucketing;

import java.time.Instant;
import java.util.Optional;

/**
 * What to audit: a range of the cursor (by default, from the first window loaded to the end of the last), in buckets.
 *
 * @param allowUnindexed count even without an index on the cursor, accepting a scan of the collection per bucket
 */
public record AuditRequest(Optional<Instant> since, Optional<Instant> until, Bucketing by, boolean allowUnindexed) {
}
