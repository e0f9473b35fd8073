package io.etl.audit;

import io.etl.environment.EtlEnvironment;
import io.etl.extract.DeclaredText;
import io.etl.extract.SourceCollection;
import io.etl.extract.UnselectableDocuments;
import io.etl.extract.UnselectableDocuments.Unselectable;
import io.etl.extract.WindowFilter;
import io.etl.mongo.MongoSource;
import io.etl.parameter.ParameterException;
import io.etl.spec.EtlSpec;
import io.etl.task.PermanentFailure;
import io.etl.warehouse.BucketedCounts;
import io.etl.warehouse.Table;
import io.etl.warehouse.Warehouse;
import io.etl.window.Bucketing;
import io.etl.window.Window;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Whether an ETL's table holds what its collection holds: per bucket of the cursor, the documents of the source
 * against the rows of the table plus the documents rejected ({@code etl audit}). The source is asked one range count
 * per bucket on the cursor index, the warehouse one grouped query per side; then, for the buckets that differ, the ids
 * can be compared ({@link #differences}).
 */
public final class EtlAudit {

    /** More buckets than this is a mistake of {@code --by} or the range, not an audit anyone reads. */
    static final long MAX_BUCKETS = 100_000;
    private static final int KEYS_PER_BATCH = 10_000;

    private final EtlSpec spec;
    private final Table table;
    private final EtlEnvironment environment;

    public EtlAudit(EtlSpec spec, Table table, EtlEnvironment environment) {
        this.spec = spec;
        this.table = table;
        this.environment = environment;
    }

    public String etl() {
        return spec.name();
    }

    /**
     * Counts both sides in every bucket of the range.
     *
     * @throws ParameterException if the range is empty or has too many buckets
     * @throws PermanentFailure   if the collection is missing or, unless allowed, its cursor has no index
     * @throws IOException        if the source does not answer
     * @throws SQLException       if the warehouse does not
     */
    public AuditResult audit(AuditRequest request) throws IOException, PermanentFailure, SQLException, InterruptedException {
        Instant started = environment.clock().instant();
        return onCollection(request, collection -> {
            Optional<Window> range = range(request, collection);
            if (range.isEmpty()) {
                return result(request.by(), null, List.of(), UnselectableDocuments.find(collection, spec.cursorField()), 0, started);
            }
            return audit(request, collection, bucketsOf(range.get(), request.by()), range.get(), started);
        });
    }

    /** Counts both sides again in these buckets only (after a repair). */
    public AuditResult again(AuditRequest request, List<Window> buckets) throws IOException, PermanentFailure, SQLException,
            InterruptedException {
        Instant started = environment.clock().instant();
        Window range = Window.of(buckets.get(0).lower(), buckets.get(buckets.size() - 1).upper());
        return onCollection(request, collection -> audit(request, collection, buckets, range, started));
    }

    private AuditResult audit(AuditRequest request, MongoCollection<Document> collection, List<Window> buckets, Window range,
                              Instant started) throws SQLException, PermanentFailure, InterruptedException {
        Map<Window, Long> source = SourceCounts.count(collection, spec.cursorField(), buckets);
        BucketedCounts warehouse = environment.warehouse().countsByBucket(table, spec.name(), request.by(), range);
        List<BucketCount> counts = buckets.stream().map(bucket -> new BucketCount(bucket, source.get(bucket),
                warehouse.rows().getOrDefault(request.by().floor(bucket.lower()), 0L),
                warehouse.rejected().getOrDefault(request.by().floor(bucket.lower()), 0L))).toList();
        return result(request.by(), range, counts, UnselectableDocuments.find(collection, spec.cursorField()),
                warehouse.rejectedWithoutCursor(), started);
    }

    private AuditResult result(Bucketing by, Window range, List<BucketCount> counts, List<Unselectable> unselectable,
                               long rejectedWithoutCursor, Instant started) {
        Instant now = environment.clock().instant();
        return new AuditResult(spec.name(), by, range, counts, unselectable, rejectedWithoutCursor, now, Duration.between(started, now));
    }

    /**
     * Tells {@code differences} the ids the sides disagree on in each bucket, up to {@code limit} in all: per bucket,
     * the source's keys sorted by the server and the table's sorted by the warehouse, merged.
     *
     * @return how many were told
     */
    public long differences(AuditRequest request, List<Window> buckets, long limit, Consumer<IdDifference> differences)
            throws Exception {
        return onCollection(request, collection -> {
            long found = 0;
            for (Window bucket : buckets) {
                if (found >= limit) {
                    break;
                }
                found += differences(collection, bucket, limit - found, differences);
            }
            return found;
        });
    }

    private long differences(MongoCollection<Document> collection, Window bucket, long limit, Consumer<IdDifference> differences)
            throws Exception {
        Set<String> rejected = environment.warehouse().rejectedIdsIn(table, spec.name(), bucket);
        Bson inBucket = new WindowFilter(spec.cursorField(), bucket).query();
        Bson sorted = sortedTypes().map(types -> Filters.and(inBucket, Filters.or(types.stream()
                .map(type -> Filters.type(spec.keyField(), type)).toList()))).orElse(inBucket);
        Set<String> elsewhere = new HashSet<>();
        if (sortedTypes().isPresent()) {
            try (MongoCursor<Document> others = collection.find(Filters.and(inBucket, Filters.nor(sorted)))
                    .projection(Projections.include(spec.keyField())).iterator()) {
                keyTexts(others).forEachRemaining(elsewhere::add);
            }
        }
        try (MongoCursor<Document> keys = collection.find(sorted)
                .projection(Projections.include(spec.keyField())).sort(Sorts.ascending(spec.keyField()))
                .batchSize(KEYS_PER_BATCH).iterator()) {
            IdComparison comparison = new IdComparison(bucket, spec.key().type(), keyTexts(keys), elsewhere, rejected, limit,
                    differences);
            environment.warehouse().forEachKey(table, bucket, comparison::warehouseKey);
            return comparison.finish();
        }
    }

    /**
     * The BSON types of the keys the server sorts in the order the warehouse sorts their text: the declared type's,
     * for a key of ObjectIds or of numbers. Keys of other types (a string {@code _id} among ObjectIds) sort apart on the
     * server and are compared by membership. Empty: every key is sorted together.
     */
    private Optional<List<BsonType>> sortedTypes() {
        return switch (spec.key().type()) {
            case OBJECT_ID -> Optional.of(List.of(BsonType.OBJECT_ID));
            case STRING -> Optional.of(List.of(BsonType.STRING));
            case LONG, DOUBLE, DECIMAL -> Optional.of(List.of(BsonType.INT32, BsonType.INT64, BsonType.DOUBLE, BsonType.DECIMAL128));
            default -> Optional.empty();
        };
    }

    /** The keys as the warehouse holds them; documents without a key (rejected for it) are left out. */
    private Iterator<String> keyTexts(MongoCursor<Document> documents) {
        List<String> path = Arrays.asList(spec.keyField().split("\\."));
        return Stream.generate(() -> documents.hasNext() ? documents.next() : null)
                .takeWhile(document -> document != null)
                .map(document -> document.getEmbedded(path, Object.class))
                .filter(key -> key != null)
                .map(key -> DeclaredText.key(spec.key().type(), key))
                .iterator();
    }

    /**
     * The range asked for; by default from the first window loaded to the end of the last, starting no earlier than
     * the bucket of the oldest date on either side (a first window starts at the year 1).
     */
    private Optional<Window> range(AuditRequest request, MongoCollection<Document> collection) throws SQLException, PermanentFailure {
        Warehouse warehouse = environment.warehouse();
        List<Window> loaded = warehouse.loadedWindows(spec.name());
        if (loaded.isEmpty() && (request.since().isEmpty() || request.until().isEmpty())) {
            throw new ParameterException(spec.name() + " has no window loaded yet: run it first, or audit a range with --since and --until");
        }
        Instant upper = request.until().orElseGet(() -> loaded.stream().map(Window::upper).max(Comparator.naturalOrder()).orElseThrow());
        Instant lower = request.since().orElse(null);
        if (lower == null) {
            Instant firstLoaded = loaded.stream().map(Window::lower).min(Comparator.naturalOrder()).orElseThrow();
            Optional<Instant> oldest = Stream.of(SourceCollection.oldestCursor(collection, spec.cursorField()), warehouse.minCursor(table))
                    .flatMap(Optional::stream).min(Comparator.naturalOrder());
            if (oldest.isEmpty()) {
                return Optional.empty();
            }
            lower = Stream.of(firstLoaded, request.by().floor(oldest.get())).max(Comparator.naturalOrder()).orElseThrow();
        }
        if (!lower.isBefore(upper)) {
            if (request.since().isPresent()) {
                throw new ParameterException("--since " + lower + " is not before the end of the range, " + upper);
            }
            return Optional.empty();
        }
        return Optional.of(Window.of(lower, upper));
    }

    private static List<Window> bucketsOf(Window range, Bucketing by) {
        long count = by.count(range);
        if (count > MAX_BUCKETS) {
            throw new ParameterException("auditing " + range + " by " + by.sqlUnit() + " makes " + count + " buckets, more than "
                    + MAX_BUCKETS + ": choose a larger --by or a shorter range with --since and --until");
        }
        return by.buckets(range);
    }

    /**
     * A call on the collection, on one connection, once the collection is known to exist with an index on the cursor
     * (or the scans are allowed).
     */
    private <T> T onCollection(AuditRequest request, CollectionCall<T> call) throws IOException, PermanentFailure, SQLException,
            InterruptedException {
        MongoSource source = environment.mongo();
        try {
            return source.query(database -> {
                MongoCollection<Document> collection = SourceCollection.checked(source, database, spec.collection(),
                        spec.cursorField(), request.allowUnindexed());
                try {
                    return call.apply(collection);
                } catch (PermanentFailure | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CallFailed(e);
                }
            });
        } catch (CallFailed failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        }
    }

    @FunctionalInterface
    private interface CollectionCall<T> {
        T apply(MongoCollection<Document> collection) throws Exception;
    }

    /** Carries a checked failure of a call out of {@link MongoSource#query}, which passes only its own. */
    private static final class CallFailed extends RuntimeException {
        CallFailed(Exception cause) {
            super(cause);
        }
    }
}
