package io.etl.cli;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The window of time a run of an ETL loaded, {@code [lower, upper)}, as its tasks' parameters name it (the load of
 * a pipeline has {@code lower} and {@code upper}); kept as text, the way the history stores parameters.
 */
record RunWindow(String lower, String upper) {

    static Optional<RunWindow> of(Stream<Map<String, String>> taskParameters) {
        return taskParameters
                .filter(p -> p.containsKey("lower") && p.containsKey("upper"))
                .map(p -> new RunWindow(p.get("lower"), p.get("upper")))
                .findFirst();
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + ")";
    }
}
