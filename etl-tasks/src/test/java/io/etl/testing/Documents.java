package io.etl.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Builds test documents shaped like {@code actions_taken}:
 * {@code Documents.action("click").user(7).at("2026-11-01T10:00:00Z").values("a", 2).build()}.
 */
public final class Documents {

    private final Document document = new Document();

    private Documents() {
    }

    /** An action by user 1, with a fresh {@code _id}; set the date with {@link #at}. */
    public static Documents action(String action) {
        return new Documents().set("_id", new ObjectId()).set("user_id", 1).set("action", action);
    }

    /** {@code count} clicks an hour apart from {@code start}, values {@code [i]}. */
    public static List<Document> hourly(String start, int count) {
        Instant first = Instant.parse(start);
        return IntStream.range(0, count)
                .mapToObj(i -> action("click").user(i % 7).at(first.plus(Duration.ofHours(i))).values(i).build())
                .toList();
    }

    public Documents id(String hex) {
        return set("_id", new ObjectId(hex));
    }

    public Documents user(Object id) {
        return set("user_id", id);
    }

    public Documents at(String instant) {
        return at(Instant.parse(instant));
    }

    public Documents at(Instant instant) {
        return set("date", Date.from(instant));
    }

    public Documents values(Object... values) {
        return set("value", Arrays.asList(values));
    }

    public Documents set(String field, Object value) {
        document.put(field, value);
        return this;
    }

    public Documents without(String field) {
        document.remove(field);
        return this;
    }

    public Document build() {
        return new Document(document);
    }
}
