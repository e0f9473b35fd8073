package io.etl.extract;

import io.etl.task.TaskContext;
import io.etl.window.Window;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The documents no window can select: without the cursor field (or null), with a cursor that is not a date (a
 * string such as {@code "2025-11-01T00:00:00Z"}, a number), or with a date before the year 1 or after 9999. No extract ever copies them, not even a full refresh, so
 * the reconciliation of matched and loaded rows cannot see them: every extract counts them and names the first few.
 * Both queries select by the cursor's type, which the cursor index serves.
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

    /** Each kind of unselectable document, counted, with the first few named: three counts on the cursor index. */
    public static List<Unselectable> find(MongoCollection<Document> collection, String cursor) {
        Bson notDate = Filters.or(NOT_DATES.stream().map(type -> Filters.type(cursor, type)).toList());
        Bson outOfRange = Filters.or(Filters.lt(cursor, FIRST_DATE), Filters.gte(cursor, AFTER_LAST_DATE));
        return List.of(
                find(collection, Filters.eq(cursor, null), WITHOUT_CURSOR, cursor, "without '" + cursor + "'"),
                find(collection, notDate, CURSOR_NOT_DATE, cursor, "whose '" + cursor + "' is not a date"),
                find(collection, outOfRange, CURSOR_OUT_OF_RANGE, cursor, "whose '" + cursor + "' is before the year 1 or after 9999"));
    }

    /** Records each count and notes the first documents of each kind there are. */
    static void report(MongoCollection<Document> collection, String cursor, String source, TaskContext context) {
        for (Unselectable kind : find(collection, cursor)) {
            context.record(kind.metric(), kind.count());
            if (kind.count() > 0) {
                context.note(kind.sentence(source));
            }
        }
    }

    private static Unselectable find(MongoCollection<Document> collection, Bson filter, String metric, String cursor, String what) {
        long count = collection.countDocuments(filter);
        List<String> named = new ArrayList<>();
        if (count > 0) {
            for (Document document : collection.find(filter).projection(Projections.include(cursor)).limit(NAMED)) {
                Object value = document.get(cursor);
                named.add(BsonText.of(document.get("_id")) + (value == null ? "" : " (" + cursor + ": " + BsonText.json(value) + ")"));
            }
        }
        return new Unselectable(metric, what, count, named);
    }
}
