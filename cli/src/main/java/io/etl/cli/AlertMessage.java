package io.etl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.etl.config.Settings;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.TaskOutcome;
import io.etl.scheduler.TaskState;
import io.etl.state.Json;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an alert says about a run, as a Slack-compatible message: a one-line {@code text} for the notification and
 * an attachment whose fields name the ETL, the window, the rows loaded or the failed task and its first error line,
 * the run, the host and the link to the run's report. Every value is masked: a secret in an error message never leaves the machine.
 */
final class AlertMessage {

    private AlertMessage() {
    }

    /** @param reportLink where the run's HTML report can be read, if it was asked for */
    static ObjectNode of(FinishedRun run, Settings settings, Optional<String> reportLink) {
        RunSummary summary = run.summary();
        Optional<TaskOutcome> failure = run.firstFailure();
        String host = hostName();
        long rejected = Rejected.of(summary);
        String headline = "etl " + summary.root().family() + " " + summary.status()
                + (rejected > 0 ? String.format(" with %,d document(s) rejected", rejected) : "")
                + failure.map(f -> ": " + f.task().id() + ": " + run.firstErrorLine(f)).orElse("") + " (" + host + ")";
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("text", settings.mask(headline));
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("color", summary.status() == RunStatus.LOCKED_OUT || summary.status() == RunStatus.SUCCESS && rejected > 0
                ? "warning" : summary.status() != RunStatus.SUCCESS ? "danger" : "good");
        ArrayNode fields = attachment.putArray("fields");
        field(fields, "ETL", summary.root().family(), settings);
        field(fields, "Status", summary.status().name(), settings);
        field(fields, "Window", run.window().map(RunWindow::toString).orElse(summary.status() == RunStatus.SUCCESS
                ? "nothing new to load" : "none: the run stopped before it chose one"), settings);
        field(fields, "Parameters", parameters(summary.root().parameters().asText()), settings);
        if (summary.status() == RunStatus.SUCCESS) {
            field(fields, "Rows loaded", String.format("%,d", run.rowsLoaded()), settings);
        }
        if (rejected > 0) {
            field(fields, "Rejected", String.format("%,d document(s), in etl_rejects:%n", rejected)
                    + String.join("\n", summary.outcomes().stream().flatMap(o -> o.notes().stream()).toList()), settings);
        }
        List<String> skipped = summary.outcomes(TaskState.LOCKED_OUT).stream()
                .map(o -> o.task().family() + ": " + String.join("; ", o.notes())).toList();
        if (!skipped.isEmpty()) {
            field(fields, "Skipped, another run holds their lock", String.join("\n", skipped), settings);
        }
        failure.ifPresent(f -> {
            field(fields, "Failed task", f.task().id().toString(), settings);
            field(fields, "Error", run.firstErrorLine(f), settings);
        });
        field(fields, "Run", summary.runId(), settings);
        field(fields, "Host", host, settings);
        reportLink.ifPresent(link -> field(fields, "Report", link, settings));
        return message;
    }

    private static void field(ArrayNode fields, String title, String value, Settings settings) {
        fields.addObject().put("title", title).put("value", settings.mask(value)).put("short", value.length() < 40);
    }

    private static String parameters(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).collect(Collectors.joining(" "));
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
