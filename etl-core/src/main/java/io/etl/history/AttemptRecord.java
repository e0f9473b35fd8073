package io.etl.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One attempt of one task: RUNNING from its start, then SUCCEEDED, or FAILED with its error (and whether a retry
 * followed); one that never ended reads as its run ended, KILLED when its process died.
 *
 * @param duration null until the attempt ends
 * @param notes    what a successful attempt noted for a person to read; null when none
 */
public record AttemptRecord(String runId, String task, String family, Map<String, String> parameters, int attempt,
                            String status, Instant startedAt, Duration duration, String error, Boolean retried,
                            Map<String, Long> metrics, List<String> notes) {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";

    /** The task and attempt number: what the start's line and the end's have in common. */
    String key() {
        return task + "#" + attempt;
    }

    boolean ended() {
        return !RUNNING.equals(status);
    }

    /** An attempt that never ended, as its run ended: KILLED, INTERRUPTED. */
    AttemptRecord endedAs(String runStatus) {
        return new AttemptRecord(runId, task, family, parameters, attempt, runStatus, startedAt, duration, error, retried, metrics, notes);
    }
}
