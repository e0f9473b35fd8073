package io.etl.transform;

import java.util.Map;

/**
 * What a run of a Pig script counted: the counters of group {@value WarehouseStorage#COUNTER_GROUP} that the
 * script's functions incremented. (Rows are counted from the output files: Pig's record counts can come out short.)
 */
record PigResult(Map<String, Long> counters) {

    PigResult {
        counters = Map.copyOf(counters);
    }

    long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }
}
