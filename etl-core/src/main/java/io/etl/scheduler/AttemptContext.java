package io.etl.scheduler;

import io.etl.task.Task;
import io.etl.task.TaskContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The context of one attempt of one task; progress goes back to the coordinator, at most a few times a second. */
final class AttemptContext implements TaskContext {

    private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

    private final String runId;
    private final Task task;
    private final int attempt;
    private final Clock clock;
    private final Consumer<Execution.Message> coordinator;
    private final Map<String, Long> metrics = new ConcurrentHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private volatile long lastProgressNanos;

    AttemptContext(String runId, Task task, int attempt, Clock clock, Consumer<Execution.Message> coordinator) {
        this.runId = runId;
        this.task = task;
        this.attempt = attempt;
        this.clock = clock;
        this.coordinator = coordinator;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void record(String metric, long value) {
        metrics.put(metric, value);
    }

    @Override
    public void note(String line) {
        synchronized (notes) {
            if (notes.size() < NOTES_KEPT) {
                notes.add(line);
            }
        }
    }

    @Override
    public void progress(String step, long done, long total, String unit) {
        long now = System.nanoTime();
        if (done >= total || now - lastProgressNanos >= PROGRESS_INTERVAL_NANOS) {
            lastProgressNanos = now;
            coordinator.accept(new Execution.Progressed(task, step, done, total, unit));
        }
    }

    Map<String, Long> metrics() {
        return Map.copyOf(metrics);
    }

    List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }
}
