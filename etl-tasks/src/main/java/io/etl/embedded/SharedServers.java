package io.etl.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The embedded servers of this process, one per data folder: every environment that asks for the server of a folder
 * (each catalog of ETLs has its own, and {@code etl run all} uses them all) shares the one started first, since a
 * second server on the folder would stop the first; the last release stops it.
 */
public final class SharedServers {

    private static final Map<Path, Shared> STARTED = new HashMap<>();

    private SharedServers() {
    }

    private record Shared(Running<?> server, int users) {
    }

    /** The server of {@code folder}: the one this process runs, or the one {@code start} starts. Release it once. */
    @SuppressWarnings("unchecked")
    public static synchronized <T> Running<T> share(Path folder, Supplier<Running<T>> start) {
        Path key = folder.toAbsolutePath().normalize();
        Shared shared = STARTED.get(key);
        Running<T> server = shared == null ? start.get() : (Running<T>) shared.server();
        STARTED.put(key, new Shared(server, shared == null ? 1 : shared.users() + 1));
        AtomicBoolean released = new AtomicBoolean();
        return new Running<>(server.service(), () -> {
            if (released.compareAndSet(false, true)) {
                release(key);
            }
        });
    }

    private static synchronized void release(Path key) {
        Shared shared = STARTED.remove(key);
        if (shared.users() > 1) {
            STARTED.put(key, new Shared(shared.server(), shared.users() - 1));
        } else {
            shared.server().close();
        }
    }
}
