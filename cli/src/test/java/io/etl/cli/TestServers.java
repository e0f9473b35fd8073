package io.etl.cli;

import io.etl.warehouse.EmbeddedWarehouse;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A test's own source and warehouse for the command line to run against: a {@link TestSource} and a real PostgreSQL,
 * both in the test's folder.
 */
final class TestServers implements AutoCloseable {

    private final TestSource source;
    private final EmbeddedWarehouse warehouse;

    private TestServers(TestSource source, EmbeddedWarehouse warehouse) {
        this.source = source;
        this.warehouse = warehouse;
    }

    static TestServers start(Path home) {
        return new TestServers(TestSource.start(home.resolve("source.mv")), EmbeddedWarehouse.start(home.resolve("warehouse-of-the-test")));
    }

    MongoCollection<Document> actions() {
        return source.actionsTaken();
    }

    /** {@code count} clicks into {@code actions_taken}, a second apart from {@code first}; returns their ids. */
    List<String> clicks(Instant first, int count) {
        return source.clicks(first, count);
    }

    /** Setting {@code mongo.uri}. */
    String mongoUri() {
        return source.setting().substring("mongo.uri=".length());
    }

    /** Setting {@code warehouse.url}, as the superuser. */
    String warehouseUrl() {
        return warehouse.jdbcUrl();
    }

    @Override
    public void close() {
        warehouse.close();
        source.close();
    }
}
