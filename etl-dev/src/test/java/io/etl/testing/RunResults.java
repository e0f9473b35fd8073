package io.etl.testing;

import io.etl.scheduler.RunSummary;
import io.etl.scheduler.TaskOutcome;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a run left for a person to see: a task's outcome and metrics, and rows of the warehouse. */
public final class RunResults {

    private RunResults() {
    }

    public static TaskOutcome outcome(RunSummary summary, String family) {
        return summary.outcomes().stream().filter(o -> o.task().family().equals(family)).findFirst()
                .orElseThrow(() -> new AssertionError(family + " was not planned: " + summary));
    }

    public static long metric(RunSummary summary, String family, String metric) {
        Long value = outcome(summary, family).metrics().get(metric);
        if (value == null) {
            throw new AssertionError(family + " recorded no " + metric + ": " + summary);
        }
        return value;
    }

    /** The rows of a query, columns joined by '|', NULL as {@code null}. */
    public static List<String> rows(String jdbcUrl, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(r.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
