package io.etl.cli;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import com.mongodb.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A MongoDB-protocol server of the test's own on loopback, database {@code app}, with {@code actions_taken} indexed
 * on its cursor: the real source a run into a real warehouse needs (the embedded sample loads only into the
 * embedded warehouse).
 */
final class TestSource implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    private TestSource(MongoServer server) {
        this.server = server;
        this.client = new MongoClient("127.0.0.1", server.getLocalAddress().getPort());
        actionsTaken().createIndex(Indexes.ascending("date"));
    }

    /** @param file where the server keeps its data */
    static TestSource start(Path file) {
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        server.bind("127.0.0.1", 0);
        return new TestSource(server);
    }

    /** The setting that points a command at it, for {@code --set}. */
    String setting() {
        return "mongo.uri=mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/app";
    }

    /** Inserts one click at each instant. */
    TestSource clicksAt(String... dates) {
        actionsTaken().insertMany(SeedFolder.clicks(dates));
        return this;
    }

    /** {@code count} clicks, a second apart from {@code first}; returns their ids. */
    List<String> clicks(Instant first, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectId id = new ObjectId();
            actionsTaken().insertOne(new Document("_id", id).append("user_id", 7L).append("action", "click")
                    .append("date", Date.from(first.plusSeconds(i))).append("value", List.of("a")));
            ids.add(id.toHexString());
        }
        return ids;
    }

    MongoCollection<Document> actionsTaken() {
        return collection("actions_taken");
    }

    MongoCollection<Document> collection(String name) {
        return client.getDatabase("app").getCollection(name);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
