package io.etl.extract;

import io.etl.window.Window;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import com.mongodb.BasicDBObject;

/**
 * The query that selects a window: {@code {cursor: {$gte: lower, $lt: upper}}}. The same object serves the count
 * and mongo-hadoop's {@code mongo.input.query}, so both read exactly the same documents.
 */
public record WindowFilter(String cursorField, Window window) {

    public BasicDBObject query() {
        return new BasicDBObject(cursorField,
                new BasicDBObject("$gte", date(window.lower())).append("$lt", date(window.upper())));
    }

    /**
     * A BSON date holds milliseconds: an instant between two is rounded up, so that a document at the millisecond
     * before {@code lower} stays out and one at the millisecond before {@code upper} stays in.
     */
    static Date date(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return Date.from(millis.equals(instant) ? millis : millis.plusMillis(1));
    }
}
