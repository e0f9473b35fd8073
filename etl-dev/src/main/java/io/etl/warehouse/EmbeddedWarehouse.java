package io.etl.warehouse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The local warehouse of the embedded default: a PostgreSQL server of our own (zonky's binaries from Maven), its
 * data in the state directory so that loads persist from one run to the next, on a loopback port.
 */
public final class EmbeddedWarehouse implements AutoCloseable {

    private static final String PID_FILE = "postmaster.pid";

    private final EmbeddedPostgres postgres;

    private EmbeddedWarehouse(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts it on {@code dataDirectory}, creating the database there on first use. */
    public static EmbeddedWarehouse start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            stopLeftoverServer(dataDirectory);
            return new EmbeddedWarehouse(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded warehouse in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /**
     * A run killed with SIGKILL leaves its PostgreSQL running (and {@code postmaster.pid} behind), which would keep
     * the next one from starting: stop that server, or forget the stale pid file of one that is gone.
     */
    private static void stopLeftoverServer(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> leftover = server(dataDirectory);
        if (leftover.isPresent()) {
            leftover.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown
            leftover.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        }
        Files.deleteIfExists(dataDirectory.resolve(PID_FILE));
    }

    /**
     * Whether a server runs on {@code dataDirectory}: another etl process's (starting one here would stop it, see
     * {@link #start}), or one a killed run left behind.
     */
    public static boolean running(Path dataDirectory) {
        try {
            return server(dataDirectory).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /** The PostgreSQL whose pid {@code postmaster.pid} holds, if it is still alive. */
    private static Optional<ProcessHandle> server(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst()
                .map(String::trim).filter(s -> s.matches("\\d+")).map(Long::parseLong).flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
