package io.etl.cli;

import io.etl.history.HistoryReader;
import io.etl.history.RunRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What the dashboard shows of one ETL: its state now and its runs of the period. Anything with a run history and a
 * state (a SQL model too) is one.
 *
 * @param runs the runs started in the period, newest first
 */
record EtlDashboard(EtlStatus status, List<DashboardRun> runs) {

    static EtlDashboard read(EtlStatus status, HistoryReader history, Instant periodStart) {
        List<RunRecord> inPeriod = history.runs(Optional.of(status.etl())).stream()
                .filter(run -> !run.startedAt().isBefore(periodStart)).toList();
        return new EtlDashboard(status, inPeriod.stream().map(run -> DashboardRun.of(status, run, history)).toList());
    }

    List<DashboardRun> oldestFirst() {
        List<DashboardRun> oldestFirst = new ArrayList<>(runs);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    String name() {
        return status.etl();
    }

    long failures() {
        return runs.stream().filter(DashboardRun::failed).count();
    }

    /** The page of the ETL, beside the index. */
    String page() {
        return name() + ".html";
    }
}
