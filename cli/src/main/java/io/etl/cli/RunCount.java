package io.etl.cli;

import io.etl.scheduler.Plan;
import io.etl.scheduler.SummaryText;
import io.etl.task.Task;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How far a run is, counted over the tasks it runs: in all, and for the family it runs most of, the one whose pace
 * says how long is left (the loads of a chunked backfill, the ETLs of a run of all).
 */
final class RunCount {

    private final long planned;
    private final Map<String, long[]> byFamily;
    private final String most;
    private final long startedNanos;
    private long done;
    private long failed;

    private RunCount(long planned, Map<String, long[]> byFamily, long startedNanos) {
        this.planned = planned;
        this.byFamily = byFamily;
        // of as many, the one run last: a chunk's load, which ends it
        this.most = byFamily.entrySet().stream().reduce((a, b) -> b.getValue()[0] >= a.getValue()[0] ? b : a)
                .map(Map.Entry::getKey).orElse("");
        this.startedNanos = startedNanos;
    }

    /** The tasks the plan runs (those not complete), each family's planned and done. */
    static RunCount of(Plan plan, long startedNanos) {
        Map<String, long[]> byFamily = new LinkedHashMap<>();
        plan.pending().forEach(task -> byFamily.computeIfAbsent(task.family(), f -> new long[2])[0]++);
        return new RunCount(plan.pending().size(), byFamily, startedNanos);
    }

    void done(Task task) {
        done++;
        long[] family = byFamily.get(task.family());
        if (family != null) {
            family[1]++;
        }
    }

    void failed() {
        failed++;
    }

    /** Worth a line: the run has several tasks. */
    boolean shown() {
        return planned > 1;
    }

    /** "  12 of 92 tasks done; actions_taken_load 4 of 30, 1 failed; 2m10s, about 14m left" */
    String line(long now) {
        long[] family = byFamily.getOrDefault(most, new long[2]);
        Duration elapsed = Duration.ofNanos(now - startedNanos);
        String left = family[1] == 0 || family[1] >= family[0] ? ""
                : ", about " + SummaryText.duration(elapsed.multipliedBy(family[0] - family[1]).dividedBy(family[1])) + " left";
        return String.format(Locale.ROOT, "  %,d of %,d tasks done; %s %,d of %,d%s; %s%s", done, planned, most, family[1], family[0],
                failed == 0 ? "" : String.format(Locale.ROOT, ", %,d failed", failed), SummaryText.duration(elapsed), left);
    }
}
