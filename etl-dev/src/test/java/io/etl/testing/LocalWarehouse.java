package io.etl.testing;

import io.etl.warehouse.EmbeddedWarehouse;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL (the embedded warehouse) for one test class, started once:
 * {@code @RegisterExtension static final LocalWarehouse POSTGRES = new LocalWarehouse();}.
 */
public final class LocalWarehouse implements BeforeAllCallback, AfterAllCallback {

    private Path directory;
    private EmbeddedWarehouse postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("etl-warehouse");
        postgres = EmbeddedWarehouse.start(directory.resolve("pg"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }
}
