package io.etl.cli;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import com.mongodb.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.nio.file.Path;

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

    private MongoCollection<Document> actionsTaken() {
        return client.getDatabase("app").getCollection("actions_taken");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
