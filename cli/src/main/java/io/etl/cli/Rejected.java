package io.etl.cli;

import io.etl.scheduler.RunSummary;
import io.etl.scheduler.TaskState;

/**
 * The documents a run's loads rejected ({@value #METRIC}): each is in the warehouse's {@code etl_rejects} with its
 * id and reason, and a run with any is not silently green (exit code {@value ExitCodes#REJECTS}, an alert).
 */
final class Rejected {

    static final String METRIC = "rows_rejected";

    private Rejected() {
    }

    static long of(RunSummary summary) {
        return summary.outcomes(TaskState.DONE).stream().mapToLong(o -> o.metrics().getOrDefault(METRIC, 0L)).sum();
    }

    /** The line under the summary of a run with rejects; empty without. */
    static String line(RunSummary summary) {
        long rejected = of(summary);
        return rejected == 0 ? "" : String.format("Rejected: %,d document(s), each in the warehouse table etl_rejects with "
                + "its id and reason (exit code %d)%n", rejected, ExitCodes.REJECTS);
    }
}
