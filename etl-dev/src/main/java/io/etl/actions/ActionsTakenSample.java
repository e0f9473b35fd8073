package io.etl.actions;

import io.etl.sample.SampleCollection;
import io.etl.spec.EtlSpec;

import java.time.Instant;
import java.util.Iterator;

import org.bson.Document;

/** {@code actions_taken} documents from {@link ActionsTakenGenerator}. */
public final class ActionsTakenSample implements SampleCollection {

    @Override
    public EtlSpec spec() {
        return ActionsTaken.SPEC;
    }

    @Override
    public Iterator<Document> documents(long seed, long count, Instant from, Instant until) {
        return new ActionsTakenGenerator(seed, count, from, until);
    }
}
