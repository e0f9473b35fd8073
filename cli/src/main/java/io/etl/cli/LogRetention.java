package io.etl.cli;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;
import io.etl.parameter.ParameterType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How long the logs of past runs are kept (setting {@code logs.keep}): the last N runs of an ETL ({@code 20}), or
 * the runs of a period ({@code 14d}, {@code 36h}).
 */
record LogRetention(Optional<Integer> runs, Optional<Duration> age) {

    static final SettingKey<LogRetention> KEEP = SettingKey.of("logs.keep",
            SettingType.of("a number of runs (20) or a duration (14d)", LogRetention::parse), "14d",
            "How long the logs of past runs are kept: the last N runs of an ETL, or the runs of a period");

    static LogRetention from(Settings settings) {
        return settings.get(KEEP);
    }

    /** @throws IllegalArgumentException if the text is neither a count nor a duration */
    private static LogRetention parse(String text) {
        String trimmed = text.strip();
        if (trimmed.matches("\\d+")) {
            return new LogRetention(Optional.of(Integer.parseInt(trimmed)), Optional.empty());
        }
        return new LogRetention(Optional.empty(), Optional.of(ParameterType.DURATION.parse(trimmed)));
    }

    /** Deletes the folders of the runs in {@code family} that are past keeping, never {@code current}. */
    void prune(Path family, Path current, Instant now) throws IOException {
        List<Path> runs;
        try (Stream<Path> folders = Files.list(family)) {
            runs = folders.filter(Files::isDirectory).filter(run -> !run.equals(current))
                    .sorted(Comparator.comparing(LogRetention::modified).reversed()).toList();
        }
        for (int i = 0; i < runs.size(); i++) {
            Path run = runs.get(i);
            // the current run is one of the runs kept
            boolean beyondCount = runs().isPresent() && i + 1 >= runs().get();
            boolean tooOld = age().isPresent() && modified(run).toInstant().isBefore(now.minus(age().get()));
            if (beyondCount || tooOld) {
                delete(run);
            }
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
