package io.etl.cli;

import io.etl.history.AttemptRecord;
import io.etl.history.HistoryReader;
import io.etl.history.RunRecord;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one past run of an ETL loaded, read back from the history: its window (the parameters of the tasks it
 * attempted) and the rows its load recorded ({@value #ROWS_METRIC}), if it loaded any.
 */
record RunLoad(Optional<RunWindow> window, Optional<Long> rows) {

    static final String ROWS_METRIC = "rows_loaded";

    static RunLoad of(RunRecord run, HistoryReader history) {
        return of(run, history.attempts(run));
    }

    static RunLoad of(RunRecord run, List<AttemptRecord> attempts) {
        return new RunLoad(window(attempts), run.total(ROWS_METRIC));
    }

    /** One run of an ETL or a model ({@code kind}) named {@code name}. */
    static RunLoad of(String name, Tracked kind, RunRecord run, List<AttemptRecord> attempts) {
        return new RunLoad(window(attempts), kind.rows(name, run, attempts));
    }

    private static Optional<RunWindow> window(List<AttemptRecord> attempts) {
        return RunWindow.of(attempts.stream().map(a -> a.parameters() == null ? Map.<String, String>of() : a.parameters()));
    }

    String windowText() {
        return window.map(RunWindow::toString).orElse("-");
    }

    String rowsText() {
        return rows.map(n -> String.format("%,d", n)).orElse("-");
    }
}
