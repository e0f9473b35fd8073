package io.etl.generate;

import io.etl.pipeline.EtlPipeline;
import io.etl.spec.Child;
import io.etl.spec.Field;
import io.etl.task.PermanentFailure;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * {@code etl generate <collection> --update}: the collection sampled again, on the cursor of the ETL that reads it and
 * with its fields' columns named as declared, and how it drifted from that declaration.
 *
 * @param sampled the ETL as generating it now would write it
 */
public record EtlUpdate(EtlPipeline pipeline, EtlPlan sampled, DeclarationDrift drift) {

    public static EtlUpdate sample(EtlGenerator generator, EtlPipeline pipeline, GenerateOptions options)
            throws IOException, PermanentFailure {
        SampledCollection collection = generator.sample(pipeline.spec().collection(), options.sampleSize());
        GenerateOptions onCursor = options.withCursor(pipeline.spec().cursorField())
                .withUnwound(pipeline.spec().children().stream().map(Child::array).collect(Collectors.toSet()));
        // a declared field no sampled document has keeps no name: naming it would be a --rename of nothing
        EtlPlan sampled = collection.plan(onCursor.withColumns(pipeline.spec().fields().stream()
                .filter(field -> collection.has(field.path(), onCursor)).collect(Collectors.toMap(Field::path, Field::column))));
        return new EtlUpdate(pipeline, sampled, DeclarationDrift.between(pipeline.spec(), pipeline.table(), sampled));
    }

    /**
     * The ETL written again with the changes generating can make: its fields keep their columns' names and never get
     * narrower strings, and the new fields join them.
     *
     * @throws GenerateException naming the first change that needs the declaration edited by hand
     */
    public EtlPlan rewritten() {
        if (!drift.byHand().isEmpty()) {
            throw new GenerateException(drift.etl() + ": generating it again cannot make " + drift.byHand().size()
                    + " of these changes (the first: " + drift.byHand().get(0) + "); edit its declaration by hand");
        }
        return sampled.keepingWidths(pipeline.table());
    }
}
