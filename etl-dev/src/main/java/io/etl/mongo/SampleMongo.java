package io.etl.mongo;

import io.etl.config.Settings;
import io.etl.sample.SampleCollection;
import io.etl.sample.SampleFile;
import io.etl.state.StateDirectory;
import io.etl.task.PermanentFailure;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * The embedded sample MongoDB of a state directory, the source when setting {@code mongo.uri} is
 * absent: mongo-java-server on a free loopback port, its documents in an H2 file ({@value #STORE}) that keeps them
 * between runs. The first start seeds it from the {@link SampleFile}s.
 *
 * <p>One server per state directory and process, started when first acquired and shared; it stops when its last
 * user releases it, or when the JVM exits (its netty threads would keep the JVM alive, and H2 writes its file
 * completely only when closed).
 */
public final class SampleMongo {

    private static final String DATABASE = "etl";
    private static final String STORE = "mongo/etl.mv.db";
    /** Seeding happens in this file, renamed to {@link #STORE} once complete: an interrupted seeding leaves no store. */
    private static final String SEEDING_STORE = "mongo/etl-seeding.mv.db";
    private static final Map<Path, SampleMongo> RUNNING = new HashMap<>();

    private final Path store;
    private final MongoServer server;
    private final MongoSource source;
    private final Thread shutdownHook;
    private int users;

    private SampleMongo(Path store, MongoServer server, MongoSource source) {
        this.store = store;
        this.server = server;
        this.source = source;
        this.shutdownHook = new Thread(server::shutdown, "etl-sample-mongo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * The server of the settings' state directory, started (and on first use seeded) if it is not running in this
     * process. Each call must be matched by a {@link #release()}.
     *
     * @throws IOException      if another process holds the store
     * @throws PermanentFailure if the sample files cannot be read or the settings are malformed
     */
    public static SampleMongo acquire(Settings settings) throws IOException, PermanentFailure {
        StateDirectory state = StateDirectory.from(settings);
        Duration timeout = settings.get(MongoSource.TIMEOUT);
        Path store = state.resolve(STORE);
        synchronized (RUNNING) {
            SampleMongo mongo = RUNNING.get(store);
            if (mongo == null) {
                if (!Files.exists(store)) {
                    seed(state, timeout, settings);
                }
                MongoServer server = open(store, state);
                mongo = new SampleMongo(store, server, source(server, state, timeout));
                RUNNING.put(store, mongo);
            }
            mongo.users++;
            return mongo;
        }
    }

    public MongoSource source() {
        return source;
    }

    /** Stops the server once every user has released it. */
    public void release() {
        synchronized (RUNNING) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(store);
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException exiting) {
                return; // the hook is stopping the server
            }
            server.shutdown();
        }
    }

    private static void seed(StateDirectory state, Duration timeout, Settings settings) throws IOException, PermanentFailure {
        List<SampleFile> files = SampleFile.find(settings);
        Path seeding = state.resolve(SEEDING_STORE);
        Files.deleteIfExists(seeding);
        MongoServer server = open(seeding, state);
        try {
            SampleSeed.fill(source(server, state, timeout), files,
                    SampleCollection.all().stream().map(SampleCollection::spec).toList());
        } finally {
            server.shutdown();
        }
        try {
            Files.move(seeding, state.resolve(STORE));
        } catch (FileAlreadyExistsException seededMeanwhile) {
            Files.delete(seeding); // another process seeded it first: its store serves
        }
    }

    private static MongoServer open(Path file, StateDirectory state) throws IOException {
        Files.createDirectories(file.getParent());
        H2Backend backend;
        try {
            backend = new H2Backend(file.toString());
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new IOException("the embedded sample MongoDB of state dir " + state.root() + " is in use by another"
                        + " process (its file " + file + " is locked): wait for it to end, or set " + MongoSource.URI.name(), e);
            }
            throw e;
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return server;
    }

    private static MongoSource source(MongoServer server, StateDirectory state, Duration timeout) {
        return MongoSource.embedded(server.getLocalAddress().getPort(), DATABASE, state, timeout);
    }
}
