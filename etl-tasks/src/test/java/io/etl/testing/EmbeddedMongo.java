package io.etl.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real MongoDB wire-protocol server (mongo-java-server, in memory) on loopback, one per test class:
 * {@code @RegisterExtension static final EmbeddedMongo MONGO = new EmbeddedMongo();}. Each test takes its own
 * database with {@link #database()}, so tests of a class do not see each other's documents.
 */
public final class EmbeddedMongo implements BeforeAllCallback, AfterAllCallback {

    private MongoServer server;
    private MongoClient client;
    private int databases;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = new MongoClient("127.0.0.1", server.getLocalAddress().getPort());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        // its netty threads would keep the JVM alive
        server.shutdownNow();
    }

    /** A fresh, empty database. */
    public synchronized MongoDatabase database() {
        return client.getDatabase("test" + ++databases);
    }

    /** The {@code mongo.uri} of a database on this server. */
    public String uri(MongoDatabase database) {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database.getName();
    }

    /** A collection holding the documents, with an ascending index on the cursor field. */
    public static MongoCollection<Document> indexedCollection(MongoDatabase database, String name, String cursor,
                                                              Iterable<Document> documents) {
        MongoCollection<Document> collection = database.getCollection(name);
        collection.createIndex(Indexes.ascending(cursor));
        insert(collection, documents);
        return collection;
    }

    public static void insert(MongoCollection<Document> collection, Iterable<Document> documents) {
        List<Document> batch = new ArrayList<>();
        documents.forEach(batch::add);
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }
}
