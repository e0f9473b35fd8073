package io.etl.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work a task hands to threads of its own for a while: daemon threads, so that one left behind never keeps the
 * command from exiting, and results that fail with the work's own exception. In this module, not etl-core, as the
 * extract's map tasks use it on a cluster's nodes, which get this module's jar alone.
 */
public final class Daemons {

    private Daemons() {
    }

    /** A pool of {@code threads} daemon threads named {@code name}; the caller shuts it down. */
    public static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The work's result, or the unchecked exception (or error) it failed with, as if it had run on this thread. */
    public static <T> T result(Future<T> work) throws InterruptedException {
        try {
            return work.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
