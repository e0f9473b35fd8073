package io.etl.extract;

import io.etl.concurrent.Daemons;
import io.etl.task.TaskContext;
import io.etl.window.Window;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import com.mongodb.MongoInterruptedException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Facet;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The documents no window can select: without the cursor field (or null), with a cursor that is not a date (a
 * string such as {@code "2025-11-01T00:00:00Z"}, a number), or with a date before the year 1 or after 9999. No extract ever copies them, not even a full refresh, so
 * the reconciliation of matched and loaded rows cannot see them: every extract counts them and names the first few.
 * They are selected by the cursor's type and range, which the cursor index serves.
 */
public final class UnselectableDocuments {

    static final String WITHOUT_CURSOR = "documents_without_cursor";
    static final String CURSOR_NOT_DATE = "documents_cursor_not_date";
    static final String CURSOR_OUT_OF_RANGE = "documents_cursor_out_of_range";
    /** The dates windows can select: from the first of the year 1 to the end of the year 9999. */
    private static final Date FIRST_DATE = Date.from(Window.BEGINNING);
    private static final Date AFTER_LAST_DATE = Date.from(Window.END);
    /** How many of each kind a run names. */
    static final int NAMED = 5;
    private static final String NAMED_SUFFIX = "_named";
    private static final String COUNT = "count";

    /**
     * The BSON types of values that a window's date range never matches: all but date and null, less JavaScript
     * code, symbols and min/max keys, which no application stores as a time (and the embedded server cannot query).
     */
    private static final List<BsonType> NOT_DATES = List.of(BsonType.DOUBLE, BsonType.STRING, BsonType.DOCUMENT,
            BsonType.ARRAY, BsonType.BINARY, BsonType.OBJECT_ID, BsonType.BOOLEAN, BsonType.TIMESTAMP,
            BsonType.REGULAR_EXPRESSION, BsonType.INT32, BsonType.INT64, BsonType.DECIMAL128);

    private UnselectableDocuments() {
    }

    /**
     * The documents of one kind no window selects.
     *
     * @param metric what a run records their count as
     * @param what   which they are, for a sentence: "without 'date'"
     * @param named  the first few ({@value #NAMED}), as their id and cursor value
     */
    public record Unselectable(String metric, String what, long count, List<String> named) {

        public Unselectable {
            named = List.copyOf(named);
        }

        /** "db.c: no window selects the 3 document(s) without 'date', so they are never loaded: a, b, c" */
        public String sentence(String source) {
            return source + ": no window selects the " + count + " document(s) " + what + ", so they are never loaded: "
                    + String.join(", ", named) + (count > named.size() ? ", …" : "");
        }
    }

    /**
     * Each kind of unselectable document, counted, with the first few named: one aggregation, whose first stage selects
     * them all on the cursor index as the cursor not within the dates windows select (one test of each document where
     * a source without range indexes, such as the embedded one, scans: four made its scan twice as long), and whose
     * facets count and name each kind by its own filter.
     */
    public static List<Unselectable> find(MongoCollection<Document> collection, String cursor) {
        List<Kind> kinds = List.of(
                new Kind(WITHOUT_CURSOR, "without '" + cursor + "'", Filters.eq(cursor, null)),
                new Kind(CURSOR_NOT_DATE, "whose '" + cursor + "' is not a date",
                        notDate(cursor)),
                new Kind(CURSOR_OUT_OF_RANGE, "whose '" + cursor + "' is before the year 1 or after 9999",
                        Filters.or(Filters.lt(cursor, FIRST_DATE), Filters.gte(cursor, AFTER_LAST_DATE))));
        List<Facet> facets = new ArrayList<>();
        for (Kind kind : kinds) {
            facets.add(countOf(kind.metric(), kind.filter()));
            facets.add(new Facet(kind.metric() + NAMED_SUFFIX, Aggregates.match(kind.filter()), Aggregates.limit(NAMED),
                    Aggregates.project(Projections.include(cursor))));
        }
        Document found = collection.aggregate(List.of(Aggregates.match(Filters.not(
                Filters.and(Filters.gte(cursor, FIRST_DATE), Filters.lt(cursor, AFTER_LAST_DATE)))), Aggregates.facet(facets))).first();
        return kinds.stream().map(kind -> kind.found(found, cursor)).toList();
    }

    /**
     * The documents of a window counted while the unselectable ones are found, each on a connection of its own. The
     * count is apart from the facets, which would hold every document of the window and match each against every
     * facet (a million-document window cost the embedded source 10 CPU seconds so); a real MongoDB counts it on the
     * cursor index without fetching a document.
     */
    static Survey survey(MongoCollection<Document> collection, WindowFilter window) {
        ExecutorService counting = Daemons.pool(1, "count " + collection.getNamespace());
        try {
            Future<Long> matched = counting.submit(() -> collection.countDocuments(window.query()));
            List<Unselectable> unselectable = find(collection, window.cursorField());
            return new Survey(Daemons.result(matched), unselectable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MongoInterruptedException("interrupted while counting the window's documents", e);
        } finally {
            counting.shutdownNow();
        }
    }

    /** The window's documents ({@code matched}) and each kind of unselectable document. */
    record Survey(long matched, List<Unselectable> unselectable) {

        Survey {
            unselectable = List.copyOf(unselectable);
        }
    }

    /**
     * One {@code $type} of the list rather than a {@code $type} per type: the same documents and index bounds, and a
     * source that scans tests each document once (twelve tests made the embedded server's scan several times slower).
     */
    private static Bson notDate(String cursor) {
        return new Document(cursor, new Document("$type", NOT_DATES.stream().map(BsonType::getValue).toList()));
    }

    private static Facet countOf(String name, Bson filter) {
        return new Facet(name, Aggregates.match(filter), Aggregates.group(null, Accumulators.sum(COUNT, 1)));
    }

    /** The count of a {@link #countOf} facet, or 0 when the facet is absent or nothing matched (no group). */
    private static long count(Document facets, String name) {
        List<Document> count = facets.getList(name, Document.class, List.of());
        return count.isEmpty() ? 0 : count.get(0).get(COUNT, Number.class).longValue();
    }

    /** A kind of unselectable document: what a run records its count as, which they are for a sentence, its filter. */
    private record Kind(String metric, String what, Bson filter) {

        Unselectable found(Document facets, String cursor) {
            List<String> named = new ArrayList<>();
            for (Document document : facets.getList(metric + NAMED_SUFFIX, Document.class)) {
                Object value = document.get(cursor);
                named.add(BsonText.of(document.get("_id")) + (value == null ? "" : " (" + cursor + ": " + BsonText.json(value) + ")"));
            }
            return new Unselectable(metric, what, count(facets, metric), named);
        }
    }

    /** Records each count and notes the first documents of each kind there are. */
    static void report(List<Unselectable> unselectable, String source, TaskContext context) {
        for (Unselectable kind : unselectable) {
            context.record(kind.metric(), kind.count());
            if (kind.count() > 0) {
                context.note(kind.sentence(source));
            }
        }
    }
}
