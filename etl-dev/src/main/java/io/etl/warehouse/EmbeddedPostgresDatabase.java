package io.etl.warehouse;

import io.etl.embedded.EmbeddedDatabase;
import io.etl.embedded.Running;

import java.nio.file.Path;

/** The {@link EmbeddedWarehouse} as the warehouse of an installation with no {@code warehouse.url}. */
public final class EmbeddedPostgresDatabase implements EmbeddedDatabase {

    @Override
    public Running<String> start(Path dataDirectory) {
        EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(dataDirectory);
        return new Running<>(warehouse.jdbcUrl(), warehouse::close);
    }

    @Override
    public boolean running(Path dataDirectory) {
        return EmbeddedWarehouse.running(dataDirectory);
    }
}
