package io.etl.extract;

import io.etl.task.PermanentFailure;

import java.util.regex.Pattern;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * The check that a window query will use an index. An unindexed range query scans the whole collection on every
 * run; on a large production collection that is how outages start, so the extract refuses unless told otherwise.
 */
public final class CursorIndex {

    private static final int NAMESPACE_NOT_FOUND = 26;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CursorIndex() {
    }

    /**
     * Whether an ascending or descending index starts with the field: a compound one counts, a hashed one cannot
     * serve a range. A collection that does not exist has none (MongoDB answers NamespaceNotFound).
     */
    public static boolean exists(MongoCollection<Document> collection, String field) {
        try {
            for (Document index : collection.listIndexes()) {
                Document key = index.get("key", Document.class);
                if (key != null && !key.isEmpty() && key.keySet().iterator().next().equals(field)
                        && key.get(field) instanceof Number) {
                    return true;
                }
            }
            return false;
        } catch (MongoCommandException e) {
            if (e.getErrorCode() == NAMESPACE_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    public static PermanentFailure missing(String collectionDescription, String collection, String field) {
        return new PermanentFailure("collection " + collectionDescription + " has no index on '" + field
                + "', so every window query would scan all of it: create one with " + createCommand(collection, field)
                + " or run with --allow-unindexed to accept the scan");
    }

    /** The mongo shell command that creates the index. */
    public static String createCommand(String collection, String field) {
        String target = IDENTIFIER.matcher(collection).matches() ? "db." + collection
                : "db.getCollection(\"" + collection + "\")";
        return target + ".createIndex({\"" + field + "\": 1})";
    }
}
