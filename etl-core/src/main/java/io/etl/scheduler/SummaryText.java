package io.etl.scheduler;

import io.etl.task.Task;
import io.etl.task.TaskGroup;
import io.etl.task.TaskId;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The execution summary printed at the end of every run: what was already complete, what ran, what failed and
 * why, what could not run because of it. Long lists are folded by family so that 100,000 tasks stay readable.
 */
public final class SummaryText {

    private static final int LISTED_PER_STATE = 10;
    private static final int EXAMPLES_PER_FAMILY = 3;

    private SummaryText() {
    }

    public static String render(RunSummary summary) {
        StringBuilder out = new StringBuilder();
        out.append("===== etl summary: ").append(summary.root().id()).append(" (run ").append(summary.runId()).append(") =====\n");
        out.append(String.format(Locale.ROOT, "%d task%s planned, %s with %d worker%s%n", summary.outcomes().size(),
                summary.outcomes().size() == 1 ? "" : "s", duration(summary.duration()), summary.workers(),
                summary.workers() == 1 ? "" : "s"));
        for (TaskState state : TaskState.values()) {
            List<TaskOutcome> outcomes = summary.outcomes(state);
            if (outcomes.isEmpty()) {
                continue;
            }
            out.append("* ").append(outcomes.size()).append(' ').append(state.label()).append(":\n");
            if (outcomes.size() <= LISTED_PER_STATE) {
                outcomes.forEach(o -> out.append("    ").append(line(o)).append('\n'));
            } else {
                fold(outcomes, out);
            }
        }
        out.append(members(summary));
        out.append("Result: ").append(verdict(summary)).append('\n');
        return out.toString();
    }

    /** For a run of several ETLs ({@link TaskGroup}), a line for each: how it ended and, if it did not load, why. */
    private static String members(RunSummary summary) {
        if (!(summary.root() instanceof TaskGroup group)) {
            return "";
        }
        Map<TaskId, TaskOutcome> byId = summary.outcomes().stream().collect(Collectors.toMap(o -> o.task().id(), o -> o, (a, b) -> a));
        List<TaskOutcome> members = summary.outcomes().stream()
                .filter(o -> group.members().contains(o.task()) || o.state() == TaskState.LOCKED_OUT)
                .sorted(Comparator.comparing(TaskOutcome::task, Comparator.comparing(Task::family)))
                .toList();
        int width = members.stream().mapToInt(o -> o.task().family().length()).max().orElse(0);
        StringBuilder out = new StringBuilder("* by ETL:\n");
        members.forEach(o -> out.append(String.format("    %-" + width + "s  %s%n", o.task().family(), memberResult(o, byId))));
        return out.toString();
    }

    private static String memberResult(TaskOutcome member, Map<TaskId, TaskOutcome> byId) {
        return switch (member.state()) {
            case DONE -> "complete";
            case LOCKED_OUT -> "skipped, its lock " + String.join("; ", member.notes());
            case UPSTREAM_FAILED -> member.blockedBy().map(byId::get)
                    .map(blocker -> "failed in " + blocker.task().family() + ": " + blocker.error().orElse(blocker.state().label()))
                    .orElse(member.state().label());
            default -> member.state().label() + member.error().map(e -> ": " + e).orElse("");
        };
    }

    private static String line(TaskOutcome o) {
        StringBuilder line = new StringBuilder(o.task().id().toString());
        if (o.attempts() > 0) {
            line.append("  ").append(duration(o.duration()));
        }
        if (o.attempts() > 1) {
            line.append(", ").append(o.attempts()).append(" attempts");
        }
        if (!o.metrics().isEmpty()) {
            line.append("  ").append(o.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        }
        o.notes().forEach(note -> line.append("\n        ").append(note));
        o.error().ifPresent(e -> line.append("\n        error: ").append(e));
        o.blockedBy().ifPresent(b -> line.append("  (needs ").append(b).append(")"));
        return line.toString();
    }

    private static void fold(List<TaskOutcome> outcomes, StringBuilder out) {
        Map<String, List<TaskId>> byFamily = new LinkedHashMap<>();
        outcomes.forEach(o -> byFamily.computeIfAbsent(o.task().family(), f -> new java.util.ArrayList<>()).add(o.task().id()));
        byFamily.forEach((family, ids) -> {
            out.append("    ").append(family).append(": ").append(ids.size()).append(" task").append(ids.size() == 1 ? "" : "s");
            out.append(", e.g. ").append(ids.stream().limit(EXAMPLES_PER_FAMILY).map(TaskId::toString).collect(Collectors.joining("; ")));
            out.append('\n');
        });
        outcomes.stream().filter(o -> o.error().isPresent()).limit(LISTED_PER_STATE)
                .forEach(o -> out.append("    ").append(o.task().id()).append(": ").append(o.error().get()).append('\n'));
    }

    private static String verdict(RunSummary summary) {
        return switch (summary.status()) {
            case SUCCESS -> summary.count(TaskState.DONE) == 0 ? "SUCCESS: nothing to do, everything was already complete" : "SUCCESS";
            case FAILED -> "FAILED: " + summary.count(TaskState.FAILED) + " task(s) failed, "
                    + summary.count(TaskState.UPSTREAM_FAILED) + " could not run";
            case CONFIGURATION_ERROR -> "CONFIGURATION ERROR: a setting is wrong (above); nothing was read or written";
            case SCHEDULING_ERROR -> "SCHEDULING ERROR: missing input or a task that cannot be planned";
            case INTERRUPTED -> "INTERRUPTED: the run was stopped";
            case LOCKED_OUT -> "SKIPPED: another run holds the lock of " + summary.count(TaskState.LOCKED_OUT) + " of them; "
                    + (summary.root().requires().isEmpty() ? "nothing ran" : "everything else is complete");
        };
    }

    /** "350 ms", "4.2 s", "3m07s". */
    public static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%dm%02ds", millis / 60_000, (millis / 1000) % 60);
    }
}
