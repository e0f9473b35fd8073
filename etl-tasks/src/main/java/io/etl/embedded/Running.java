package io.etl.embedded;

/**
 * A server started for this process, and what it serves (a source, a JDBC address); closing it releases the server.
 */
public record Running<T>(T service, Runnable release) implements AutoCloseable {

    @Override
    public void close() {
        release.run();
    }
}
