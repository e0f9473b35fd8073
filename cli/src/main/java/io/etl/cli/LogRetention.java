package io.etl.cli;

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
 * How long the logs of past runs are kept (setting {@value #SETTING}): the last N runs of an ETL ({@code 20}), or
 * the runs of a period ({@code 14d}, {@code 36h}).
 */
record LogRetention(Optional<Integer> runs, Optional<Duration> age) {

    static final String SETTING = "logs.keep";
    private static final String DEFAULT = "14d";

    /** @throws ConfigurationException if the setting is neither a count nor a duration */
    static LogRetention from(Settings settings) {
        String text = settings.get(SETTING, DEFAULT).strip();
        if (text.matches("\\d+")) {
            return new LogRetention(Optional.of(Integer.parseInt(text)), Optional.empty());
        }
        try {
            return new LogRetention(Optional.empty(), Optional.of(ParameterType.DURATION.parse(text)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("setting " + SETTING + " is '" + text + "': give a number of runs (20) or a duration (14d)");
        }
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
