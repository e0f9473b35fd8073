package io.etl.cli;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The window of time a run of an ETL loaded, {@code [lower, upper)}, as its tasks' parameters name it (the load of
 * a pipeline has {@code lower} and {@code upper}; a chunked backfill's loads, one chunk each); kept as text, the way
 * the history stores parameters.
 */
record RunWindow(String lower, String upper) {

    /** From the first lower end to the last upper end of the tasks that have both: a chunked backfill's whole range. */
    static Optional<RunWindow> of(Stream<Map<String, String>> taskParameters) {
        List<Map<String, String>> windowed = taskParameters.filter(p -> p.containsKey("lower") && p.containsKey("upper")).toList();
        Comparator<String> byInstant = Comparator.comparing(Instant::parse);
        return windowed.stream().map(p -> p.get("lower")).min(byInstant)
                .map(lower -> new RunWindow(lower, windowed.stream().map(p -> p.get("upper")).max(byInstant).orElseThrow()));
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + ")";
    }
}
