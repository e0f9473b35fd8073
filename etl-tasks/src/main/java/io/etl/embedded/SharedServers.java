package io.etl.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One embedded server per data directory in this process, whoever asks for it: each catalog of tasks has an environment
 * of its own (the ETLs', the SQL models'), and a second server started on the same directory would stop the first
 * (it takes a directory over from a server left running). The server stops when its last user releases it.
 */
public final class SharedServers<T> {

    private final Map<Path, Shared<T>> running = new HashMap<>();

    /** The server of {@code directory}, started by {@code start} if this process runs none there yet. */
    public synchronized Running<T> start(Path directory, Function<Path, Running<T>> start) {
        Shared<T> shared = running.computeIfAbsent(directory, d -> new Shared<>(start.apply(d)));
        shared.users++;
        return new Running<>(shared.server.service(), () -> release(directory, shared));
    }

    private synchronized void release(Path directory, Shared<T> shared) {
        if (--shared.users == 0) {
            running.remove(directory);
            shared.server.close();
        }
    }

    private static final class Shared<T> {
        private final Running<T> server;
        private int users;

        private Shared(Running<T> server) {
            this.server = server;
        }
    }
}
