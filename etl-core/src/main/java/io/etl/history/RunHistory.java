package io.etl.history;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.etl.config.Settings;
import io.etl.event.RunEvent;
import io.etl.event.RunListener;
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
 * line when a run starts and one when it ends (a run with no end was killed), {@code attempts/<run>.jsonl} a line
 * per attempt. Runs of one family never write at once: they hold its lock. Secrets are masked before writing.
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
            if (event instanceof RunEvent.RunStarted started) {
                Path family = directory.resolve(started.root().family());
                Files.createDirectories(family.resolve("attempts"));
                attempts = Files.newBufferedWriter(family.resolve("attempts").resolve(started.runId() + ".jsonl"), StandardCharsets.UTF_8);
                append(family.resolve("runs.jsonl"), new RunRecord(started.runId(), started.root().family(), started.root().id().toString(),
                        started.root().parameters().asText(), "RUNNING", started.at(), null, null, null, null, null,
                        ProcessHandle.current().pid(), hostName()));
            } else if (event instanceof RunEvent.TaskStarted started) {
                attemptStarts.put(started.task(), started.at());
            } else if (event instanceof RunEvent.TaskSucceeded done) {
                writeAttempt(new AttemptRecord(done.runId(), done.task().id().toString(), done.task().family(),
                        done.task().parameters().asText(), done.attempt(), "SUCCEEDED", attemptStarts.remove(done.task()),
                        done.duration(), null, null, done.metrics().isEmpty() ? null : done.metrics(),
                        done.notes().isEmpty() ? null : done.notes().stream().map(settings::mask).toList()));
            } else if (event instanceof RunEvent.TaskFailed failed) {
                writeAttempt(new AttemptRecord(failed.runId(), failed.task().id().toString(), failed.task().family(),
                        failed.task().parameters().asText(), failed.attempt(), "FAILED", attemptStarts.remove(failed.task()),
                        failed.duration(), settings.mask(Failures.text(failed.error())), failed.retryIn().isPresent(), null, null));
            } else if (event instanceof RunEvent.RunFinished finished) {
                attempts.close();
                RunSummary summary = finished.summary();
                append(directory.resolve(summary.root().family()).resolve("runs.jsonl"), finishedRecord(summary));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run history in " + directory + ": " + e.getMessage(), e);
        }
    }

    private RunRecord finishedRecord(RunSummary summary) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TaskState state : TaskState.values()) {
            long n = summary.count(state);
            if (n > 0) {
                counts.put(state.label(), n);
            }
        }
        Map<String, Map<String, Long>> metrics = new LinkedHashMap<>();
        for (TaskOutcome outcome : summary.outcomes()) {
            if (!outcome.metrics().isEmpty()) {
                metrics.put(outcome.task().id().toString(), outcome.metrics());
            }
        }
        Optional<String> error = summary.outcomes().stream()
                .filter(o -> o.state() == TaskState.FAILED || o.state() == TaskState.MISSING_INPUT)
                .findFirst()
                .map(o -> o.task().id() + ": " + o.error().orElse(o.state().label()));
        return new RunRecord(summary.runId(), summary.root().family(), summary.root().id().toString(),
                summary.root().parameters().asText(), summary.status().name(), summary.startedAt(), summary.finishedAt(),
                summary.duration(), counts, metrics, error.map(settings::mask).orElse(null),
                ProcessHandle.current().pid(), hostName());
    }

    private void writeAttempt(AttemptRecord record) throws IOException {
        attempts.write(settings.mask(LINE.writeValueAsString(record)));
        attempts.newLine();
    }

    private void append(Path file, RunRecord record) throws IOException {
        Files.writeString(file, settings.mask(LINE.writeValueAsString(record)) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
