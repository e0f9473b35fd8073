package io.etl.mongo;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;
import io.etl.state.StateDirectory;
import io.etl.task.PermanentFailure;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.mongodb.MongoClient;
import com.mongodb.MongoClientURI;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * The MongoDB database the ETLs read: the one of setting {@code mongo.uri} ({@code mongodb://host:27017/db}), or
 * the embedded sample of a development machine ({@link io.etl.embedded.Embedded}). Messages name its hosts and database, never the URI, which may hold a
 * password. A server that does not answer fails a call within setting {@code mongo.timeout} (5 s by default,
 * unless the URI sets {@code serverSelectionTimeoutMS}), so a run retries it soon rather than hanging for 30 s.
 *
 * @param where the deployment for messages: {@code on host:port} or which embedded one
 */
public record MongoSource(MongoClientURI uri, String where) {

    /** Parsed by the driver's own parser, so that what is accepted here is what the driver connects to. */
    public static final SettingKey<Optional<MongoClientURI>> URI = SettingKey.optional("mongo.uri",
            SettingType.of("a MongoDB URI with a database, such as mongodb://host:27017/app", MongoClientURI::new)
                    .requiring(uri -> uri.getDatabase() != null && !uri.getDatabase().isBlank()),
            "The MongoDB database the ETLs read; unset, the embedded sample one (only with the embedded warehouse)");
    public static final SettingKey<Duration> TIMEOUT = SettingKey.of("mongo.timeout", SettingType.positiveDuration(), "5s",
            "How long a call waits for a MongoDB server that does not answer, unless the URI sets serverSelectionTimeoutMS");
    private static final String TIMEOUT_OPTION = "serverSelectionTimeoutMS";
    private static final int BATCH_SIZE = 1_000;

    /** A call on the source's database. */
    @FunctionalInterface
    public interface DatabaseCall<T> {
        T apply(MongoDatabase database) throws PermanentFailure;
    }

    /** The source of setting {@link #URI}; empty if it is not set. */
    public static Optional<MongoSource> configured(Settings settings) {
        Duration timeout = settings.get(TIMEOUT);
        return settings.get(URI).map(uri -> new MongoSource(new MongoClientURI(withTimeout(uri.getURI(), timeout)),
                "on " + String.join(",", uri.getHosts())));
    }

    /** The embedded sample source listening on loopback at {@code port}. */
    public static MongoSource embedded(int port, String database, StateDirectory state, Duration timeout) {
        return new MongoSource(new MongoClientURI(withTimeout("mongodb://127.0.0.1:" + port + "/" + database, timeout)),
                "in the embedded sample MongoDB (state dir " + state.root() + ")");
    }

    public String database() {
        return uri.getDatabase();
    }

    /**
     * Runs a call on one connection to the database.
     *
     * @throws IOException      if the server does not answer in time (a later attempt may find it up)
     * @throws PermanentFailure if it rejects the credentials, or the call fails permanently
     */
    public <T> T query(DatabaseCall<T> call) throws IOException, PermanentFailure {
        try (MongoClient client = new MongoClient(uri)) {
            return call.apply(client.getDatabase(database()));
        } catch (MongoTimeoutException e) {
            throw MongoFailures.unreachable(this, e);
        } catch (MongoSecurityException e) {
            throw MongoFailures.rejected(this, e);
        }
    }

    /** Inserts the documents in batches; returns how many. */
    public long insert(String collection, Iterator<Document> documents) throws IOException, PermanentFailure {
        return query(database -> {
            MongoCollection<Document> target = database.getCollection(collection);
            List<Document> batch = new ArrayList<>(BATCH_SIZE);
            long inserted = 0;
            while (documents.hasNext()) {
                batch.add(documents.next());
                if (batch.size() == BATCH_SIZE || !documents.hasNext()) {
                    target.insertMany(batch);
                    inserted += batch.size();
                    batch.clear();
                }
            }
            return inserted;
        });
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

    /** The database for messages: {@code database app on host:port}. */
    public String describe() {
        return "database " + database() + " " + where;
    }

    /** The collection for messages: {@code db.collection on host:port}. */
    public String describe(String collection) {
        return database() + "." + collection + " " + where;
    }

    /**
     * The URI (with its database) plus the timeout of the settings, unless it has its own; in the text, so that
     * mongo-hadoop's clients get it too.
     */
    private static String withTimeout(String text, Duration timeout) {
        if (text.toLowerCase(Locale.ROOT).contains(TIMEOUT_OPTION.toLowerCase(Locale.ROOT) + "=")) {
            return text;
        }
        return text + (text.contains("?") ? "&" : "?") + TIMEOUT_OPTION + "=" + timeout.toMillis();
    }
}
