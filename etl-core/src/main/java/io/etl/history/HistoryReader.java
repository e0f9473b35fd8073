package io.etl.history;

import io.etl.scheduler.TaskState;
import io.etl.state.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads what {@link RunHistory} wrote: runs newest first, and the attempts of one run. */
public final class HistoryReader {

    private final Path directory;

    public HistoryReader(Path directory) {
        this.directory = directory;
    }

    /** The runs of one family, or of every family when {@code family} is empty, newest first. */
    public List<RunRecord> runs(Optional<String> family) {
        List<RunRecord> runs = new ArrayList<>();
        for (Path runsFile : runFiles(family)) {
            Map<String, RunRecord> byId = new LinkedHashMap<>();
            forEachLine(runsFile, RunRecord.class, record -> byId.merge(record.runId(), record,
                    (start, end) -> start.finishedAs(end)));
            byId.values().forEach(r -> runs.add(RunRecord.RUNNING.equals(r.status()) && !alive(r) ? killed(r) : r));
        }
        runs.sort(Comparator.comparing(RunRecord::startedAt).reversed());
        return runs;
    }

    /**
     * The attempts of a run, in the order they started, each as it ended; one that has not ended is RUNNING while its
     * run is, and reads as its run ended otherwise (KILLED, INTERRUPTED).
     */
    public List<AttemptRecord> attempts(RunRecord run) {
        Map<String, AttemptRecord> byAttempt = new LinkedHashMap<>();
        Path file = directory.resolve(run.family()).resolve("attempts").resolve(run.runId() + ".jsonl");
        if (Files.exists(file)) {
            forEachLine(file, AttemptRecord.class, attempt -> byAttempt.put(attempt.key(), attempt));
        }
        return byAttempt.values().stream().map(a -> a.ended() ? a : a.endedAs(run.status())).toList();
    }

    /** A run whose process died before its end, with the tasks it had run and their figures, from its attempts. */
    private RunRecord killed(RunRecord run) {
        RunRecord killed = run.killed(null, null);
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> metrics = new LinkedHashMap<>();
        for (AttemptRecord attempt : attempts(killed)) {
            if (AttemptRecord.SUCCEEDED.equals(attempt.status())) {
                counts.merge(TaskState.DONE.label(), 1L, Long::sum);
                if (attempt.metrics() != null) {
                    metrics.put(attempt.task(), attempt.metrics());
                }
            } else if (RunRecord.KILLED.equals(attempt.status())) {
                counts.merge("killed", 1L, Long::sum);
            }
        }
        return run.killed(counts, metrics);
    }

    private List<Path> runFiles(Optional<String> family) {
        if (family.isPresent()) {
            return List.of(directory.resolve(family.get()).resolve("runs.jsonl")).stream().filter(Files::exists).toList();
        }
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> families = Files.list(directory)) {
            return families.map(f -> f.resolve("runs.jsonl")).filter(Files::exists).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> void forEachLine(Path file, Class<T> type, java.util.function.Consumer<T> consumer) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    readLine(line, type).ifPresent(consumer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run history " + file + ": " + e.getMessage(), e);
        }
    }

    /** A line cut short by a killed process is skipped, not fatal: the rest of the history still reads. */
    private static <T> Optional<T> readLine(String line, Class<T> type) {
        try {
            return Optional.of(Json.MAPPER.readValue(line, type));
        } catch (com.fasterxml.jackson.core.JsonProcessingException truncated) {
            return Optional.empty();
        }
    }

    private static boolean alive(RunRecord run) {
        return run.host() != null && run.host().equals(RunHistory.hostName())
                && ProcessHandle.of(run.pid()).map(ProcessHandle::isAlive).orElse(false);
    }
}
