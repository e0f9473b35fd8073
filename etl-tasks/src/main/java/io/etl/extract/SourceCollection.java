package io.etl.extract;

import io.etl.mongo.MongoSource;
import io.etl.task.PermanentFailure;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;

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

    private static String names(List<String> collections) {
        List<String> sorted = collections.stream().sorted().toList();
        return String.join(", ", sorted.subList(0, Math.min(NAMES_SHOWN, sorted.size())))
                + (sorted.size() > NAMES_SHOWN ? " and " + (sorted.size() - NAMES_SHOWN) + " more" : "");
    }
}
