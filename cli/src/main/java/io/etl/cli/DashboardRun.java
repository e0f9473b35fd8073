package io.etl.cli;

import io.etl.history.AttemptRecord;
import io.etl.history.HistoryReader;
import io.etl.history.RunRecord;
import io.etl.scheduler.RunStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of an ETL as the dashboard shows it, read back from the history: what it loaded and rejected, how long
 * each stage took, and what went wrong first.
 *
 * @param rejected    documents its loads rejected ({@value Rejected#METRIC})
 * @param firstError  the first failure's line, if it failed
 * @param firstReject the first rejected document with its reason, as the load noted it
 */
record DashboardRun(String runId, Instant startedAt, String status, RunLoad load, long rejected, Duration duration,
                    Optional<String> firstError, Optional<String> firstReject, Map<EtlStage, Duration> stages) {

    /** How the load notes each rejected document (see {@code LoadTask}): "rejected &lt;id&gt;: &lt;reason&gt;". */
    private static final String REJECT_NOTE = "rejected ";

    static DashboardRun of(EtlStatus etl, RunRecord run, HistoryReader history) {
        List<AttemptRecord> attempts = history.attempts(run);
        Optional<String> firstReject = attempts.stream().filter(a -> a.notes() != null).flatMap(a -> a.notes().stream())
                .filter(note -> note.startsWith(REJECT_NOTE)).findFirst();
        return new DashboardRun(run.runId(), run.startedAt(), run.status(), RunLoad.of(etl.etl(), etl.kind(), run, attempts),
                run.total(Rejected.METRIC).orElse(0L), run.duration() == null ? Duration.ZERO : run.duration(),
                Optional.ofNullable(run.error()).flatMap(error -> error.lines().findFirst()), firstReject,
                EtlStage.durations(etl.etl(), attempts));
    }

    /** Ended without completing: failed, killed, interrupted, not planned. A run still going or locked out is not. */
    boolean failed() {
        return !status.equals(RunStatus.SUCCESS.name()) && !status.equals(RunStatus.LOCKED_OUT.name())
                && !status.equals(RunRecord.RUNNING);
    }

    long rowsLoaded() {
        return load.rows().orElse(0L);
    }
}
