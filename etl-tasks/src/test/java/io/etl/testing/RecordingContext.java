package io.etl.testing;

import io.etl.task.TaskContext;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A task context that keeps what the task recorded, and can act when the task reports a step (to stage a race). */
public final class RecordingContext implements TaskContext {

    private final Map<String, Long> metrics = new HashMap<>();
    private final Map<String, Runnable> onFirstProgress = new HashMap<>();
    private final Map<String, List<Long>> progress = new ConcurrentHashMap<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();

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

    /** What the task noted, in order. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** What the task reported done of {@code step}, in order. */
    public List<Long> progressOf(String step) {
        return List.copyOf(progress.getOrDefault(step, List.of()));
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
    public void note(String line) {
        notes.add(line);
    }

    @Override
    public void progress(String step, long done, long total, String unit) {
        progress.computeIfAbsent(step, s -> new CopyOnWriteArrayList<>()).add(done);
        Runnable action = onFirstProgress.remove(step);
        if (action != null) {
            action.run();
        }
    }
}
