package io.etl.cli;

import io.etl.warehouse.EmbeddedWarehouse;

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
 * A test's own source and warehouse for the command line to run against: a MongoDB-protocol server whose database
 * {@code app} holds {@code actions_taken}, indexed on its cursor, and a real PostgreSQL, both in the test's folder.
 */
final class TestServers implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final EmbeddedWarehouse warehouse;

    private TestServers(MongoServer server, MongoClient client, EmbeddedWarehouse warehouse) {
        this.server = server;
        this.client = client;
        this.warehouse = warehouse;
    }

    static TestServers start(Path home) {
        MongoServer server = new MongoServer(new H2Backend(home.resolve("source.mv").toString()));
        server.bind("127.0.0.1", 0);
        MongoClient client = new MongoClient("127.0.0.1", server.getLocalAddress().getPort());
        client.getDatabase("app").getCollection("actions_taken").createIndex(Indexes.ascending("date"));
        return new TestServers(server, client, EmbeddedWarehouse.start(home.resolve("warehouse-of-the-test")));
    }

    MongoCollection<Document> actions() {
        return client.getDatabase("app").getCollection("actions_taken");
    }

    /** {@code count} clicks into {@code actions_taken}, a second apart from {@code first}; returns their ids. */
    List<String> clicks(Instant first, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectId id = new ObjectId();
            actions().insertOne(new Document("_id", id).append("user_id", 7L).append("action", "click")
                    .append("date", Date.from(first.plusSeconds(i))).append("value", List.of("a")));
            ids.add(id.toHexString());
        }
        return ids;
    }

    /** Setting {@code mongo.uri}. */
    String mongoUri() {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/app";
    }

    /** Setting {@code warehouse.url}, as the superuser. */
    String warehouseUrl() {
        return warehouse.jdbcUrl();
    }

    @Override
    public void close() {
        warehouse.close();
        client.close();
        server.shutdownNow();
    }
}
