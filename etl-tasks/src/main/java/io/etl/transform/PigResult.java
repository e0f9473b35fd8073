package io.etl.transform;

import java.util.Map;

/**
 * What a run of a Pig script wrote: the records each STORE wrote, by its location, and the values of the counters
 * of group {@value WarehouseStorage#COUNTER_GROUP} that the script's functions counted.
 */
record PigResult(Map<String, Long> recordsByLocation, Map<String, Long> counters) {

    PigResult {
        recordsByLocation = Map.copyOf(recordsByLocation);
        counters = Map.copyOf(counters);
    }

    /** The records stored into the location (0 if the script stores nothing there). */
    long records(String location) {
        return recordsByLocation.getOrDefault(location, 0L);
    }

    long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }
}
