package io.etl.extract;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The field paths an extract's documents had that the ETL does not declare, most frequent first, kept next to the
 * extract's parts as {@value #FILE} for the run's summary and reports (and anyone reading the lake) to show.
 *
 * @param capped whether more distinct paths turned up than {@value #MAX_PATHS}, the most an extract tracks: those
 *               past it are not listed
 */
public record UnmappedFields(List<UnmappedField> fields, boolean capped) {

    public static final String FILE = "_UNMAPPED_FIELDS.json";
    /**
     * Jackson's own, not etl-core's {@code Json}: a map task on a cluster has Hadoop's libraries (Jackson among them)
     * and the jars the job ships, not etl-core.
     */
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What each map task leaves, {@code _UNMAPPED_FIELDS-m-00000.json} and on: hidden from Pig as {@value #FILE} is. */
    static final String TASK_FILE_PREFIX = "_UNMAPPED_FIELDS-m-";
    /** Bounds the memory of a map task over documents whose keys are data (ids, dates as field names). */
    public static final int MAX_PATHS = 1_000;
    private static final Comparator<UnmappedField> MOST_FIRST = Comparator.comparingLong(UnmappedField::documents).reversed()
            .thenComparing(UnmappedField::path);

    public UnmappedFields {
        fields = fields.stream().sorted(MOST_FIRST).toList();
    }

    /** What the map tasks of one extract found, as one: counts added, types joined, the first example kept. */
    static UnmappedFields merge(List<UnmappedFields> tasks) {
        Map<String, UnmappedField> byPath = new LinkedHashMap<>();
        for (UnmappedFields task : tasks) {
            task.fields().forEach(field -> byPath.merge(field.path(), field, UnmappedFields::sum));
        }
        List<UnmappedField> merged = byPath.values().stream().sorted(MOST_FIRST).toList();
        boolean capped = merged.size() > MAX_PATHS || tasks.stream().anyMatch(UnmappedFields::capped);
        return new UnmappedFields(merged.subList(0, Math.min(MAX_PATHS, merged.size())), capped);
    }

    private static UnmappedField sum(UnmappedField a, UnmappedField b) {
        TreeSet<String> types = new TreeSet<>(a.types());
        types.addAll(b.types());
        return new UnmappedField(a.path(), List.copyOf(types), a.documents() + b.documents(), a.exampleId());
    }

    static String taskFile(int task) {
        return String.format("%s%05d.json", TASK_FILE_PREFIX, task);
    }

    /** Not public, so that Jackson does not take it for a property. */
    boolean isEmpty() {
        return fields.isEmpty();
    }

    String json() throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    }

    static UnmappedFields parse(String json) throws IOException {
        return JSON.readValue(json, UnmappedFields.class);
    }
}
