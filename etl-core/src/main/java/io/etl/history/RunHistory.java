package io.etl.history;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.etl.config.Settings;
import io.etl.event.RunEvent;
import io.etl.event.RunListener;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.TaskOutcome;
import io.etl.scheduler.TaskState;
import io.etl.state.Json;
import io.etl.task.Failures;
import io.etl.task.Task;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps every run and every task attempt, as JSON lines under {@code history/<family>/}: {@code runs.jsonl} gets a
 * line when a run has taken its lock (before planning) and one when it ends (a run with no end was killed),
 * {@code attempts/<run>.jsonl} a line when an attempt starts and one when it ends. Each line reaches the file when it
 * happens, so a run killed with {@code kill -9} leaves what it had done. Runs of one family never write at once: they
 * hold its lock. Secrets are masked before writing.
 */
public final class RunHistory implements RunListener {

    private static final ObjectWriter LINE = Json.MAPPER.writer();

    private final Path directory;
    private final Settings settings;
    private final Map<Task, Instant> attemptStarts = new HashMap<>();
    private BufferedWriter attempts;

    public RunHistory(Path directory, Settings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    public void onEvent(RunEvent event) {
        try {
            if (event instanceof RunEvent.RunOpened opened) {
                Path family = directory.resolve(opened.root().family());
                Files.createDirectories(family.resolve("attempts"));
                attempts = Files.newBufferedWriter(family.resolve("attempts").resolve(opened.runId() + ".jsonl"), StandardCharsets.UTF_8);
                append(opened.root(), runRecord(opened.runId(), opened.root(), RunRecord.RUNNING, opened.at(), null, null, null));
            } else if (event instanceof RunEvent.TaskStarted started) {
                attemptStarts.put(started.task(), started.at());
                writeAttempt(new AttemptRecord(started.runId(), started.task().id().toString(), started.task().family(),
                        started.task().parameters().asText(), started.attempt(), AttemptRecord.RUNNING, started.at(), null,
                        null, null, null, null));
            } else if (event instanceof RunEvent.TaskSucceeded done) {
                writeAttempt(new AttemptRecord(done.runId(), done.task().id().toString(), done.task().family(),
                        done.task().parameters().asText(), done.attempt(), AttemptRecord.SUCCEEDED, attemptStarts.remove(done.task()),
                        done.duration(), null, null, done.metrics().isEmpty() ? null : done.metrics(),
                        done.notes().isEmpty() ? null : done.notes().stream().map(settings::mask).toList()));
            } else if (event instanceof RunEvent.TaskFailed failed) {
                writeAttempt(new AttemptRecord(failed.runId(), failed.task().id().toString(), failed.task().family(),
                        failed.task().parameters().asText(), failed.attempt(), "FAILED", attemptStarts.remove(failed.task()),
                        failed.duration(), settings.mask(Failures.text(failed.error())), failed.retryIn().isPresent(), null, null));
            } else if (event instanceof RunEvent.PlanAborted failed) {
                attempts.close();
                append(failed.root(), runRecord(failed.runId(), failed.root(), RunStatus.SCHEDULING_ERROR.name(), null,
                        failed.at(), null, Failures.firstLine(failed.error())));
            } else if (event instanceof RunEvent.RunFinished finished) {
                attempts.close();
                append(finished.summary().root(), finishedRecord(finished.summary()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run history in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A line of {@code runs.jsonl}; the end's fields are null in the start's line and the start's in the end's. */
    private RunRecord runRecord(String runId, Task root, String status, Instant startedAt, Instant finishedAt,
                                RunSummary summary, String error) {
        return new RunRecord(runId, root.family(), root.id().toString(), root.parameters().asText(), status, startedAt, finishedAt,
                summary == null ? null : summary.duration(), summary == null ? null : counts(summary),
                summary == null ? null : metrics(summary), error == null ? null : settings.mask(error),
                ProcessHandle.current().pid(), hostName());
    }

    private RunRecord finishedRecord(RunSummary summary) {
        Optional<String> error = summary.outcomes().stream()
                .filter(o -> o.state() == TaskState.FAILED || o.state() == TaskState.MISSING_INPUT)
                .findFirst()
                .map(o -> o.task().id() + ": " + o.error().orElse(o.state().label()));
        return runRecord(summary.runId(), summary.root(), summary.status().name(), summary.startedAt(), summary.finishedAt(),
                summary, error.orElse(null));
    }

    private static Map<String, Long> counts(RunSummary summary) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TaskState state : TaskState.values()) {
            long n = summary.count(state);
            if (n > 0) {
                counts.put(state.label(), n);
            }
        }
        return counts;
    }

    private static Map<String, Map<String, Long>> metrics(RunSummary summary) {
        Map<String, Map<String, Long>> metrics = new LinkedHashMap<>();
        for (TaskOutcome outcome : summary.outcomes()) {
            if (!outcome.metrics().isEmpty()) {
                metrics.put(outcome.task().id().toString(), outcome.metrics());
            }
        }
        return metrics;
    }

    /** Flushed at once: the operating system keeps what a killed process wrote, not what it buffered. */
    private void writeAttempt(AttemptRecord record) throws IOException {
        attempts.write(settings.mask(LINE.writeValueAsString(record)));
        attempts.newLine();
        attempts.flush();
    }

    private void append(Task root, RunRecord record) throws IOException {
        Files.writeString(directory.resolve(root.family()).resolve("runs.jsonl"), settings.mask(LINE.writeValueAsString(record)) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
