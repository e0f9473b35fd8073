package io.etl.cli;

import io.etl.warehouse.EmbeddedWarehouse;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A test's own source and warehouse for the command line to run against, started before each test and stopped
 * after it: a {@link TestSource} and a real PostgreSQL, in a folder of their own.
 * {@code @RegisterExtension final TestServers servers = new TestServers();}
 */
final class TestServers implements BeforeEachCallback, AfterEachCallback {

    private Path folder;
    private TestSource source;
    private EmbeddedWarehouse warehouse;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("etl-test-servers");
        source = TestSource.start(folder.resolve("source.mv"));
        warehouse = EmbeddedWarehouse.start(folder.resolve("warehouse"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        warehouse.close();
        source.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    MongoCollection<Document> actions() {
        return source.actionsTaken();
    }

    /** A collection of the source's database, with no index but {@code _id}'s unless the test makes one. */
    MongoCollection<Document> collection(String name) {
        return source.collection(name);
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
}
