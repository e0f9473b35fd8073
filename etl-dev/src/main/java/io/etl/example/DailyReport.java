package io.etl.example;

import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterValues;
import io.etl.targets.LocalFileTarget;
import io.etl.task.Task;
import io.etl.task.TaskContext;
import io.etl.task.TaskType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An example pipeline: for each day, generate that day's events, count them by action; then a report over the days.
 * {@code etl run example_report --days 7} plans 15 tasks, runs the daily branches in parallel with {@code --workers},
 * and a second run finds everything complete.
 */
public final class DailyReport {

    static final Parameter<LocalDate> DATE = Parameter.date("date").describedAs("the day");
    static final Parameter<LocalDate> UNTIL = Parameter.date("until").asOptional()
            .describedAs("last day of the report (default: yesterday, UTC)");
    static final Parameter<Integer> DAYS = Parameter.integer("days").withDefault(7).describedAs("how many days, ending at --until");
    static final Parameter<Integer> EVENTS = Parameter.integer("events-per-day").withDefault(1000).insignificant()
            .describedAs("how many events to generate per day");

    private static final List<String> ACTIONS = List.of("view", "click", "share", "purchase", "refund");

    private DailyReport() {
    }

    /** The three task types, sharing where they write and which clock says what "yesterday" is. */
    static final class Types {
        private final Path directory;
        private final Clock clock;
        private final TaskType<Generate> generate;
        private final TaskType<Count> count;
        private final TaskType<Report> report;

        Types(Path directory, Clock clock) {
            this.directory = directory;
            this.clock = clock;
            this.generate = TaskType.of("example_generate", "Example: writes one day of synthetic events",
                    values -> new Generate(this, values), DATE, EVENTS);
            this.count = TaskType.of("example_count", "Example: counts one day's events by action",
                    values -> new Count(this, values), DATE);
            this.report = TaskType.of("example_report", "Example: a report of event counts over several days (no servers needed)",
                    values -> new Report(this, values), UNTIL, DAYS);
        }

        List<TaskType<?>> all() {
            return List.of(generate, count, report);
        }
    }

    static final class Generate extends Task {
        private final Types types;

        Generate(Types types, ParameterValues values) {
            super(types.generate, values);
            this.types = types;
        }

        @Override
        public List<LocalFileTarget> output() {
            return List.of(LocalFileTarget.at(types.directory.resolve("events").resolve(get(DATE) + ".tsv")));
        }

        @Override
        public void run(TaskContext context) throws Exception {
            SplittableRandom random = new SplittableRandom(get(DATE).toEpochDay());
            int events = get(EVENTS);
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < events; i++) {
                LocalTime time = LocalTime.ofSecondOfDay(random.nextInt(86_400));
                lines.append(get(DATE)).append('T').append(time).append('\t')
                        .append("user-").append(random.nextInt(500)).append('\t')
                        .append(ACTIONS.get(random.nextInt(ACTIONS.size()))).append('\n');
            }
            output().get(0).writeString(lines.toString());
            context.record("events", events);
        }
    }

    static final class Count extends Task {
        private final Types types;

        Count(Types types, ParameterValues values) {
            super(types.count, values);
            this.types = types;
        }

        @Override
        public List<Generate> requires() {
            return List.of(types.generate.with(DATE, get(DATE)).create());
        }

        @Override
        public List<LocalFileTarget> output() {
            return List.of(LocalFileTarget.at(types.directory.resolve("counts").resolve(get(DATE) + ".tsv")));
        }

        @Override
        public void run(TaskContext context) throws Exception {
            Map<String, Long> counts;
            try (Stream<String> lines = Files.lines(requires().get(0).output().get(0).path(), StandardCharsets.UTF_8)) {
                counts = lines.map(line -> line.split("\t")[2])
                        .collect(Collectors.groupingBy(action -> action, TreeMap::new, Collectors.counting()));
            }
            output().get(0).writeString(counts.entrySet().stream()
                    .map(e -> get(DATE) + "\t" + e.getKey() + "\t" + e.getValue() + "\n")
                    .collect(Collectors.joining()));
            context.record("actions", counts.size());
        }
    }

    static final class Report extends Task {
        private final Types types;

        Report(Types types, ParameterValues values) {
            super(types.report, values);
            this.types = types;
        }

        private LocalDate until() {
            return find(UNTIL).orElse(LocalDate.now(types.clock).minusDays(1));
        }

        @Override
        public List<Count> requires() {
            LocalDate until = until();
            return Stream.iterate(until.minusDays(get(DAYS) - 1L), day -> !day.isAfter(until), day -> day.plusDays(1))
                    .map(day -> types.count.with(DATE, day).create())
                    .toList();
        }

        @Override
        public List<LocalFileTarget> output() {
            LocalDate until = until();
            return List.of(LocalFileTarget.at(types.directory
                    .resolve("report-" + until.minusDays(get(DAYS) - 1L) + "-" + until + ".tsv")));
        }

        @Override
        public void run(TaskContext context) throws Exception {
            StringBuilder report = new StringBuilder("date\taction\tevents\n");
            for (Count count : requires()) {
                report.append(count.output().get(0).readString());
            }
            output().get(0).writeString(report.toString());
            context.record("days", get(DAYS));
        }
    }
}
