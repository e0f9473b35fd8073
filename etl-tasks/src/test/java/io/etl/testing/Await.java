package io.etl.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/** Polls what another thread, or another process, brings about, failing the test after a limit. */
public final class Await {

    private static final long POLL_MILLIS = 100;

    private Await() {
    }

    /** What {@code probe} returns first that is not null. */
    public static <T> T value(String what, Duration limit, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        for (T found = probe.call(); ; found = probe.call()) {
            if (found != null) {
                return found;
            }
            assertTrue(System.nanoTime() < deadline, "waited " + limit + " for " + what);
            Thread.sleep(POLL_MILLIS);
        }
    }

    public static void condition(String what, Duration limit, BooleanSupplier condition) throws Exception {
        value(what, limit, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }
}
