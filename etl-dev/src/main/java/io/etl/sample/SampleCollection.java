package io.etl.sample;

import io.etl.spec.EtlSpec;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import org.bson.Document;

/**
 * Generated documents for the collection of one ETL: what {@code etl add-sample} inserts, and what the committed
 * sample file that seeds the embedded source was made from. List implementations in
 * {@code META-INF/services/io.etl.sample.SampleCollection}.
 */
public interface SampleCollection {

    /** The ETL whose collection this fills: the collection's name and its cursor field. */
    EtlSpec spec();

    /** {@code count} documents dated in order over {@code [from, until)} on the ETL's cursor field. */
    Iterator<Document> documents(long seed, long count, Instant from, Instant until);

    default String collection() {
        return spec().collection();
    }

    /** Every sample collection on the class path. */
    static List<SampleCollection> all() {
        return ServiceLoader.load(SampleCollection.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    static Optional<SampleCollection> named(String collection) {
        return all().stream().filter(sample -> sample.collection().equals(collection)).findFirst();
    }
}
