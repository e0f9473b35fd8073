package io.etl.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** One attempt of one task: SUCCEEDED, or FAILED with its error (and whether a retry followed). */
public record AttemptRecord(String runId, String task, String family, Map<String, String> parameters, int attempt,
                            String status, Instant startedAt, Duration duration, String error, Boolean retried,
                            Map<String, Long> metrics) {
}
