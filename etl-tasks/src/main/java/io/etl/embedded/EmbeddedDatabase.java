package io.etl.embedded;

import java.nio.file.Path;

/** The PostgreSQL that stands in when setting {@code warehouse.url} is not set: a development machine's, see {@link Embedded}. */
public interface EmbeddedDatabase {

    /** Starts it on {@code dataDirectory}, creating the database there on first use; its service is the JDBC address. */
    Running<String> start(Path dataDirectory);

    /** Whether a server runs on {@code dataDirectory}, another process's or one a killed run left behind. */
    boolean running(Path dataDirectory);
}
