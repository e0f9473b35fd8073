package io.etl.generate;

import java.util.Set;

/** A collection as one sampling read it: its documents' fields, and the fields an index serves; planned from as often as needed. */
public record SampledCollection(String name, Sample sample, Set<String> indexedPaths) {

    /** @throws GenerateException if the collection is empty or no cursor can be chosen */
    public EtlPlan plan(GenerateOptions options) {
        return Planner.plan(name, sample, indexedPaths, options);
    }

    /** Whether a sampled document has the field at {@code path}, and the options keep it. */
    boolean has(String path, GenerateOptions options) {
        return !options.isExcluded(path) && sample.fields().stream().anyMatch(field -> field.path().equals(path));
    }
}
