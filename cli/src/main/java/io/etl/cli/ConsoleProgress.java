package io.etl.cli;

import io.etl.config.Settings;
import io.etl.event.RunEvent;
import io.etl.event.RunListener;
import io.etl.scheduler.Plan;
import io.etl.scheduler.SummaryText;
import io.etl.task.Failures;
import io.etl.task.Task;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plain progress lines for a terminal or a Jenkins log: each task's start, end and failure while a run has few
 * tasks; for a large fan-out, a count every few seconds instead (failures are always shown).
 */
final class ConsoleProgress implements RunListener {

    private static final int TASKS_SHOWN_ONE_BY_ONE = 100;
    private static final Duration COUNT_INTERVAL = Duration.ofSeconds(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PrintWriter err;
    private final Settings settings;
    private final boolean barsShowProgress;
    private boolean oneByOne;
    private long toRun;
    private long done;
    private long failed;
    private long lastCountNanos;
    private final Map<Task, Long> lastProgressNanos = new HashMap<>();

    /** @param barsShowProgress a terminal shows progress on the running tasks' lines ({@link TerminalProgress}), not as lines */
    ConsoleProgress(PrintWriter err, Settings settings, boolean barsShowProgress) {
        this.err = err;
        this.settings = settings;
        this.barsShowProgress = barsShowProgress;
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.RunStarted started) {
            Plan plan = started.plan();
            toRun = plan.count(Plan.Status.PENDING);
            oneByOne = toRun <= TASKS_SHOWN_ONE_BY_ONE;
            lastCountNanos = System.nanoTime();
            print(event, String.format(Locale.ROOT, "run %s of %s: %d task(s), %d already complete, %d to run, %d worker(s)",
                    started.runId(), started.root().id(), plan.tasks().size(), plan.count(Plan.Status.COMPLETE), toRun,
                    started.workers()));
            started.tookOverLockFrom().ifPresent(owner -> print(event,
                    "took over the lock left by a run that did not finish: " + owner));
        } else if (event instanceof RunEvent.PlanFailed f) {
            print(event, "cannot plan " + f.root().id() + " (attempt " + f.attempt() + "): " + Failures.firstLine(f.error())
                    + "; planning again in " + SummaryText.duration(f.retryIn()));
        } else if (event instanceof RunEvent.TaskStarted started && oneByOne) {
            print(event, "start   " + started.task().id() + (started.attempt() > 1 ? " (attempt " + started.attempt() + ")" : ""));
        } else if (event instanceof RunEvent.TaskProgressed p && oneByOne && !barsShowProgress && progressDue(p)) {
            String share = p.total() > 0 ? String.format(Locale.ROOT, " %d%% (%,d of %,d)", 100 * p.done() / p.total(), p.done(), p.total()) : "";
            print(event, "        " + p.task().id() + ": " + p.step() + share);
        } else if (event instanceof RunEvent.TaskSucceeded succeeded) {
            done++;
            if (oneByOne) {
                print(event, "done    " + succeeded.task().id() + "  " + SummaryText.duration(succeeded.duration()) + metrics(succeeded.metrics()));
            } else {
                countNow(event, false);
            }
        } else if (event instanceof RunEvent.TaskFailed f) {
            String retry = f.retryIn().map(wait -> "; retrying in " + SummaryText.duration(wait)).orElse("");
            if (f.retryIn().isEmpty()) {
                failed++;
            }
            print(event, "FAILED  " + f.task().id() + " (attempt " + f.attempt() + "): " + Failures.firstLine(f.error()) + retry);
        } else if (event instanceof RunEvent.RunFinished && !oneByOne) {
            countNow(event, true);
        }
    }

    /** A step's progress every few seconds, and its end: enough for a log, not a line per update. */
    private boolean progressDue(RunEvent.TaskProgressed p) {
        long now = System.nanoTime();
        Long last = lastProgressNanos.get(p.task());
        if (p.done() >= p.total() || last == null || now - last >= COUNT_INTERVAL.toNanos()) {
            lastProgressNanos.put(p.task(), now);
            return true;
        }
        return false;
    }

    private void countNow(RunEvent event, boolean force) {
        long now = System.nanoTime();
        if (force || now - lastCountNanos >= COUNT_INTERVAL.toNanos()) {
            lastCountNanos = now;
            print(event, String.format(Locale.ROOT, "%,d of %,d tasks done, %,d failed", done, toRun, failed));
        }
    }

    private void print(RunEvent event, String line) {
        err.println("[" + TIME.format(event.at()) + "] " + settings.mask(line));
        err.flush();
    }

    private static String metrics(Map<String, Long> metrics) {
        return metrics.isEmpty() ? "" : "  " + metrics.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
