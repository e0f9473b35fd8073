package io.etl.audit;

import io.etl.extract.UnselectableDocuments.Unselectable;
import io.etl.window.Bucketing;
import io.etl.window.Window;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an audit found: every bucket of the range with both sides' counts, the documents no bucket can hold, and how
 * long it took.
 *
 * @param range                 empty buckets included; null when nothing is loaded and none was given
 * @param unselectable          documents of the source without a usable cursor value, by kind
 * @param rejectedWithoutCursor rejects of the warehouse that name no cursor value, so no bucket counts them
 */
public record AuditResult(String etl, Bucketing by, Window range, List<BucketCount> buckets, List<Unselectable> unselectable,
                          long rejectedWithoutCursor, Instant checkedAt, Duration took) {

    public AuditResult {
        buckets = List.copyOf(buckets);
        unselectable = List.copyOf(unselectable);
    }

    public List<BucketCount> differing() {
        return buckets.stream().filter(BucketCount::differs).toList();
    }

    public boolean matches() {
        return differing().isEmpty();
    }

    /** The whole range as one bucket: the totals of both sides. */
    public BucketCount total() {
        return new BucketCount(range, buckets.stream().mapToLong(BucketCount::source).sum(),
                buckets.stream().mapToLong(BucketCount::warehouse).sum(), buckets.stream().mapToLong(BucketCount::rejected).sum());
    }

    /** Documents of the source the warehouse does not account for, summed over the buckets short of rows. */
    public long missing() {
        return differing().stream().mapToLong(b -> Math.max(0, b.difference())).sum();
    }

    /** Rows of the warehouse beyond the source's documents, summed over the buckets with too many. */
    public long extra() {
        return differing().stream().mapToLong(b -> Math.max(0, -b.difference())).sum();
    }
}
