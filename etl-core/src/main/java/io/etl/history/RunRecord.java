package io.etl.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run as the history keeps it.
 *
 * @param status  SUCCESS, FAILED, SCHEDULING_ERROR, CONFIGURATION_ERROR or INTERRUPTED once finished; RUNNING while its process lives;
 *                KILLED when its process died before finishing
 * @param counts  tasks per outcome ("ran", "already complete", "failed", …)
 * @param metrics figures recorded by the tasks that ran, by task
 */
public record RunRecord(String runId, String family, String task, Map<String, String> parameters, String status,
                        Instant startedAt, Instant finishedAt, Duration duration, Map<String, Long> counts,
                        Map<String, Map<String, Long>> metrics, String error, long pid, String host) {

    public static final String RUNNING = "RUNNING";
    public static final String KILLED = "KILLED";

    RunRecord finishedAs(RunRecord end) {
        return new RunRecord(runId, family, task, parameters, end.status, startedAt, end.finishedAt, end.duration,
                end.counts, end.metrics, end.error, pid, host);
    }

    /** A figure added up over the tasks that recorded it; empty when none did. */
    public Optional<Long> total(String metric) {
        return metrics == null ? Optional.empty()
                : metrics.values().stream().map(m -> m.get(metric)).filter(Objects::nonNull).reduce(Long::sum);
    }

    /** A run whose process died before its end, with what its attempts say it had done. */
    RunRecord killed(Map<String, Long> attemptCounts, Map<String, Map<String, Long>> attemptMetrics) {
        return new RunRecord(runId, family, task, parameters, KILLED, startedAt, finishedAt, duration, attemptCounts,
                attemptMetrics, error, pid, host);
    }
}
