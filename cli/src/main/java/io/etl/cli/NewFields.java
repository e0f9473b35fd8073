package io.etl.cli;

import io.etl.history.RunRecord;

import java.util.List;
import java.util.Optional;

/**
 * How many fields the documents of an ETL's latest profiled extract had that the ETL does not declare
 * ({@value #METRIC}), as {@code etl status} shows it from the run history; that run's history names them.
 */
record NewFields(String runId, long count) {

    static final String METRIC = "fields_unmapped";

    /** @param runs newest first */
    static Optional<NewFields> latest(List<RunRecord> runs) {
        return runs.stream().flatMap(run -> run.total(METRIC).map(count -> new NewFields(run.runId(), count)).stream()).findFirst();
    }

    /** The status line's text; empty when there are none. */
    Optional<String> summary() {
        return count == 0 ? Optional.empty() : Optional.of(String.format("%,d new field%s in the documents of its last extract, "
                + "not loaded: etl history --run %s --format json names them", count, count == 1 ? "" : "s", runId));
    }
}
