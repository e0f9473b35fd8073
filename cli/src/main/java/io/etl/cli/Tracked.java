package io.etl.cli;

import io.etl.history.AttemptRecord;
import io.etl.history.RunRecord;

import java.util.List;
import java.util.Optional;

/** What {@code etl status} and {@code etl dashboard} follow: an ETL, which loads windows, or a SQL model, which is built. */
enum Tracked {

    ETL(RunLoad.ROWS_METRIC),
    /** Its rows: those of the table it built. */
    MODEL("rows");

    private final String rowsMetric;

    Tracked(String rowsMetric) {
        this.rowsMetric = rowsMetric;
    }

    /**
     * The rows of one run of {@code name}: for an ETL, those its loads recorded; for a model, those its own task
     * recorded, not those of the models it read that the run built too.
     */
    Optional<Long> rows(String name, RunRecord run, List<AttemptRecord> attempts) {
        if (this == ETL) {
            return run.total(rowsMetric);
        }
        return attempts.stream().filter(a -> name.equals(a.family()) && a.metrics() != null && a.metrics().containsKey(rowsMetric))
                .map(a -> a.metrics().get(rowsMetric)).reduce((first, last) -> last);
    }
}
