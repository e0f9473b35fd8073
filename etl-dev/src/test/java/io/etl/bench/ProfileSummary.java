package io.etl.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a run's CPU went, from a flight recording of the {@code etl} process ({@code PROFILE=1 bench/end-to-end.sh}):
 * the execution samples sorted into the stage whose code is on their stack (extract, transform, load, other), and for
 * each stage the methods most often on top (self) and the methods most often anywhere on the stack (total), as shares
 * of the stage's samples.
 * <pre>{@code ProfileSummary <recording.jfr> [methods per list [from instant]]}</pre>
 * With an instant ({@code 2026-12-03T07:24:00Z}), only the samples taken after it count: a process's part in one run
 * of several, from a recording dumped while it served.
 */
public final class ProfileSummary {

    /** A stage and the code whose presence on a stack puts a sample in it, tried in order. */
    private record Stage(String name, List<String> marks) {
        boolean holds(RecordedStackTrace stack) {
            return stack.getFrames().stream().map(ProfileSummary::method).anyMatch(method -> marks.stream().anyMatch(method::startsWith));
        }
    }

    private static final List<Stage> STAGES = List.of(
            new Stage("extract", List.of("io.etl.extract.", "com.mongodb.hadoop.")),
            new Stage("transform", List.of("org.apache.pig.", "io.etl.transform.")),
            new Stage("load", List.of("io.etl.warehouse.", "org.postgresql.")));

    private final Map<String, Integer> samples = new HashMap<>();
    private final Map<String, Map<String, Integer>> self = new HashMap<>();
    private final Map<String, Map<String, Integer>> total = new HashMap<>();

    public static void main(String[] args) throws IOException {
        ProfileSummary summary = new ProfileSummary();
        Instant from = args.length > 2 ? Instant.parse(args[2]) : Instant.MIN;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null
                    && event.getStartTime().isAfter(from)) {
                summary.add(event.getStackTrace());
            }
        }
        summary.print(args.length > 1 ? Integer.parseInt(args[1]) : 15);
    }

    private void add(RecordedStackTrace stack) {
        String stage = STAGES.stream().filter(s -> s.holds(stack)).map(Stage::name).findFirst().orElse("other");
        samples.merge(stage, 1, Integer::sum);
        List<RecordedFrame> frames = stack.getFrames();
        if (!frames.isEmpty()) {
            self.computeIfAbsent(stage, s -> new HashMap<>()).merge(method(frames.get(0)), 1, Integer::sum);
        }
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            if (seen.add(method(frame))) {
                total.computeIfAbsent(stage, s -> new HashMap<>()).merge(method(frame), 1, Integer::sum);
            }
        }
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private void print(int top) {
        int all = samples.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("%d execution samples (JFR samples running Java threads about every 20 ms each)%n", all);
        for (String stage : List.of("extract", "transform", "load", "other")) {
            int count = samples.getOrDefault(stage, 0);
            if (count == 0) {
                continue;
            }
            System.out.printf("%n%s: %d samples, %.0f %% of all%n", stage, count, 100.0 * count / all);
            print("self", self.get(stage), count, top);
            print("total", total.get(stage), count, top);
        }
    }

    private static void print(String label, Map<String, Integer> methods, int count, int top) {
        System.out.println("  " + label + ":");
        methods.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / count, e.getKey()));
    }
}
