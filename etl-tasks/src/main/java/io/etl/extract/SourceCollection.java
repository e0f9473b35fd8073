package io.etl.extract;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.etl.mongo.MongoSource;
import io.etl.task.PermanentFailure;
import io.etl.window.Window;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The check that the collection an ETL reads exists. MongoDB answers a query on a database or collection that does
 * not exist with nothing, so a misspelt name would look like an empty window (or, worse, a missing index); it is
 * refused, naming which of the two is missing. A database exists while it holds a collection: an empty list means
 * the database itself is missing, which needs no right to list the server's databases.
 */
public final class SourceCollection {

    private static final int NAMES_SHOWN = 10;

    private SourceCollection() {
    }

    public static void requireExists(MongoSource source, MongoDatabase database, String collection) throws PermanentFailure {
        List<String> collections = database.listCollectionNames().into(new ArrayList<>());
        if (collections.contains(collection)) {
            return;
        }
        if (collections.isEmpty()) {
            throw new PermanentFailure("MongoDB " + source.describe() + " does not exist (it holds no collection), so "
                    + "collection '" + collection + "' cannot be read: check the database in setting " + MongoSource.URI.name());
        }
        throw new PermanentFailure("MongoDB " + source.describe() + " has no collection '" + collection
                + "': check the ETL's collection name (the database holds " + names(collections) + ")");
    }

    /**
     * The collection, once it is known to exist with an index on the cursor (or scans are allowed).
     *
     * @throws PermanentFailure naming what is missing
     */
    public static MongoCollection<Document> checked(MongoSource source, MongoDatabase database, String collection,
                                                    String cursorField, boolean allowUnindexed) throws PermanentFailure {
        requireExists(source, database, collection);
        MongoCollection<Document> checked = database.getCollection(collection);
        if (!allowUnindexed && !CursorIndex.exists(checked, cursorField)) {
            throw CursorIndex.missing(source.describe(collection), collection, cursorField);
        }
        return checked;
    }

    /** The oldest date of the cursor field in the collection (on its index); empty when no document has one. */
    public static Optional<Instant> oldestCursor(MongoCollection<Document> collection, String cursorField) {
        Document oldest = collection.find(Filters.gte(cursorField, Date.from(Window.BEGINNING)))
                .projection(Projections.include(cursorField)).sort(Sorts.ascending(cursorField)).first();
        return Optional.ofNullable(oldest).map(d -> d.getDate(cursorField).toInstant());
    }

    private static String names(List<String> collections) {
        List<String> sorted = collections.stream().sorted().toList();
        return String.join(", ", sorted.subList(0, Math.min(NAMES_SHOWN, sorted.size())))
                + (sorted.size() > NAMES_SHOWN ? " and " + (sorted.size() - NAMES_SHOWN) + " more" : "");
    }
}
