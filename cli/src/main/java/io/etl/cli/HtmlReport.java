package io.etl.cli;

import io.etl.config.Settings;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.SummaryText;
import io.etl.scheduler.TaskOutcome;
import io.etl.targets.LocalFileTarget;
import io.etl.task.Failures;
import io.etl.task.Task;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code --report FILE.html}: one self-contained page about the run (no script, nothing fetched), for Jenkins to
 * archive: the graph of tasks coloured by outcome, the window, each task's duration and figures, and the errors.
 * Written as well-formed XHTML, so that a test can read it back as XML. Every text is masked before it is escaped.
 */
record HtmlReport(Path file, Settings settings) implements RunReport {

    private static final String TEMPLATE = "report.html.jinja";

    @Override
    public String description() {
        return "HTML report " + file;
    }

    @Override
    public void write(FinishedRun run) throws Exception {
        String html = Pages.render(TEMPLATE, context(run));
        LocalFileTarget.at(file).writeString(html);
    }

    private Map<String, Object> context(FinishedRun run) {
        RunSummary summary = run.summary();
        Map<Task, TaskOutcome> outcomes = summary.outcomes().stream()
                .collect(Collectors.toMap(TaskOutcome::task, Function.identity()));
        DagLayout layout = DagLayout.of(run.plan());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("root", masked(summary.root().id().toString()));
        context.put("run", Map.of("id", summary.runId(), "status", summary.status().name(),
                "started", summary.startedAt().truncatedTo(ChronoUnit.SECONDS).toString(), "duration", SummaryText.duration(summary.duration())));
        context.put("parameters", masked(summary.root().parameters().asText()));
        context.put("window", run.window().map(w -> masked(w.toString())).orElse(""));
        context.put("graph", Map.of("width", layout.width(), "height", layout.height(),
                "boxWidth", DagLayout.BOX_WIDTH, "boxHeight", DagLayout.BOX_HEIGHT,
                "boxes", layout.boxes().stream().map(b -> box(b, outcomes.get(b.task()))).toList(),
                "edges", layout.edges().stream().map(e -> Map.of("x1", e.x1(), "y1", e.y1(), "x2", e.x2(), "y2", e.y2())).toList()));
        context.put("tasks", summary.outcomes().stream().map(this::task).toList());
        context.put("errors", run.errors().entrySet().stream()
                .map(e -> Map.of("task", masked(e.getKey().id().toString()), "text", masked(Failures.text(e.getValue()))))
                .toList());
        return context;
    }

    private Map<String, Object> box(DagLayout.Box box, TaskOutcome outcome) {
        return Map.of("x", box.x(), "y", box.y(), "family", box.task().family(),
                "id", masked(box.task().id().toString()), "state", outcome.state().name(),
                "label", outcome.state().label() + (outcome.duration().isZero() ? "" : ", " + SummaryText.duration(outcome.duration())),
                "colour", StateColour.of(outcome.state()));
    }

    private Map<String, Object> task(TaskOutcome outcome) {
        return Map.of("id", masked(outcome.task().id().toString()), "state", outcome.state().label(),
                "colour", StateColour.of(outcome.state()), "attempts", outcome.attempts(),
                "duration", SummaryText.duration(outcome.duration()),
                "metrics", outcome.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(m -> m.getKey() + " = " + String.format("%,d", m.getValue())).toList(),
                "notes", outcome.notes().stream().map(this::masked).toList());
    }

    private String masked(String text) {
        return settings.mask(text);
    }

    private Map<String, String> masked(Map<String, String> values) {
        Map<String, String> masked = new LinkedHashMap<>();
        values.forEach((k, v) -> masked.put(k, masked(v)));
        return masked;
    }
}
