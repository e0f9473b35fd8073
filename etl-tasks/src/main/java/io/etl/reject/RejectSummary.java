package io.etl.reject;

import io.etl.lake.LakeDirectory;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** What a window's rejects come to: how many, and how many for each cause ({@link Reject#cause()}), most first. */
public record RejectSummary(long count, Map<String, Long> byCause) {

    /** How many rejects a run lists by id; the rest are counted, and all are in the lake and the warehouse. */
    public static final int LISTED = 10;

    public RejectSummary {
        byCause = mostFirst(byCause);
    }

    public static RejectSummary of(LakeDirectory rejects) throws IOException {
        long[] count = {0};
        Map<String, Long> byCause = new TreeMap<>();
        RejectLines.read(rejects, reject -> {
            count[0]++;
            byCause.merge(reject.cause(), 1L, Long::sum);
        });
        return new RejectSummary(count[0], byCause);
    }

    private static Map<String, Long> mostFirst(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
