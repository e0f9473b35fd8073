package io.etl.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One attempt of one task: SUCCEEDED, or FAILED with its error (and whether a retry followed).
 *
 * @param notes what a successful attempt noted for a person to read; null when none
 */
public record AttemptRecord(String runId, String task, String family, Map<String, String> parameters, int attempt,
                            String status, Instant startedAt, Duration duration, String error, Boolean retried,
                            Map<String, Long> metrics, List<String> notes) {
}
