package io.etl.mongo;

import io.etl.config.Settings;
import io.etl.task.PermanentFailure;

import com.mongodb.MongoClient;
import com.mongodb.MongoClientURI;

/**
 * The MongoDB deployment the ETLs read, from setting {@value #URI_SETTING} ({@code mongodb://host:27017/db}); the
 * database comes from the URI. Messages name its hosts and database, never the URI, which may hold a password.
 */
public record MongoSource(MongoClientURI uri) {

    public static final String URI_SETTING = "mongo.uri";

    /** @throws PermanentFailure if the setting is missing, malformed or names no database */
    public static MongoSource from(Settings settings) throws PermanentFailure {
        String text = settings.get(URI_SETTING).orElseThrow(() -> new PermanentFailure("setting " + URI_SETTING
                + " is not set: give the source as mongodb://host:27017/database (environment ETL_MONGO_URI)"));
        MongoClientURI uri;
        try {
            uri = new MongoClientURI(text);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("setting " + URI_SETTING + " is not a MongoDB URI: " + e.getMessage());
        }
        if (uri.getDatabase() == null || uri.getDatabase().isBlank()) {
            throw new PermanentFailure("setting " + URI_SETTING + " names no database: add it, as in mongodb://"
                    + String.join(",", uri.getHosts()) + "/database");
        }
        return new MongoSource(uri);
    }

    public String database() {
        return uri.getDatabase();
    }

    public MongoClient connect() {
        return new MongoClient(uri);
    }

    /**
     * The URI of one collection, as mongo-hadoop takes it: the database in the path becomes {@code db.collection},
     * credentials and options kept.
     */
    public MongoClientURI collectionUri(String collection) {
        String text = uri.getURI();
        int hostsStart = text.indexOf("://") + 3;
        int pathStart = text.indexOf('/', hostsStart);
        int optionsStart = text.indexOf('?', pathStart);
        int databaseEnd = optionsStart < 0 ? text.length() : optionsStart;
        return new MongoClientURI(text.substring(0, pathStart + 1) + database() + "." + collection + text.substring(databaseEnd));
    }

    /** The collection for messages: {@code db.collection on host:port}. */
    public String describe(String collection) {
        return database() + "." + collection + " on " + String.join(",", uri.getHosts());
    }
}
