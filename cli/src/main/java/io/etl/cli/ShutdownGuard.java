package io.etl.cli;

import io.etl.scheduler.Scheduler;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * On Ctrl-C or SIGTERM (a Jenkins abort), cancels the run and holds the JVM until the run has written its summary
 * and history, so an interrupted run is recorded as such rather than vanishing.
 */
final class ShutdownGuard implements AutoCloseable {

    private static final long GRACE_SECONDS = 30;

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);

    private ShutdownGuard(Scheduler scheduler) {
        this.hook = new Thread(() -> {
            scheduler.cancel();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "etl-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static ShutdownGuard cancelling(Scheduler scheduler) {
        return new ShutdownGuard(scheduler);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the latch is open
        }
    }
}
