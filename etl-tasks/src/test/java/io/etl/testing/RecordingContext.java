package io.etl.testing;

import io.etl.task.TaskContext;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A task context that keeps what the task recorded, and can act when the task reports a step (to stage a race). */
public final class RecordingContext implements TaskContext {

    private final Map<String, Long> metrics = new HashMap<>();
    private final Map<String, Runnable> onFirstProgress = new HashMap<>();

    /** Runs {@code action} the first time the task reports progress of {@code step}. */
    public RecordingContext onFirstProgress(String step, Runnable action) {
        onFirstProgress.put(step, action);
        return this;
    }

    public long metric(String name) {
        Long value = metrics.get(name);
        if (value == null) {
            throw new AssertionError("no metric " + name + " recorded; recorded: " + metrics);
        }
        return value;
    }

    @Override
    public String runId() {
        return "test-run";
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public void record(String metric, long value) {
        metrics.put(metric, value);
    }

    @Override
    public void progress(String step, long done, long total) {
        Runnable action = onFirstProgress.remove(step);
        if (action != null) {
            action.run();
        }
    }
}
