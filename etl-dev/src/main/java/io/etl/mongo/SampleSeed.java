package io.etl.mongo;

import io.etl.sample.JsonLines;
import io.etl.sample.SampleFile;
import io.etl.spec.EtlSpec;
import io.etl.task.PermanentFailure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.mongodb.client.model.Indexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a new embedded source from the sample files, each into its collection, and indexes the cursor field of
 * every ETL reading a seeded collection (the extract refuses a collection without that index).
 */
final class SampleSeed {

    private static final Logger LOG = LoggerFactory.getLogger(SampleSeed.class);

    private SampleSeed() {
    }

    static void fill(MongoSource source, List<SampleFile> files, List<EtlSpec> specs) throws IOException, PermanentFailure {
        for (SampleFile file : files) {
            long inserted = insert(source, file);
            for (EtlSpec spec : specs) {
                if (spec.collection().equals(file.collection())) {
                    source.query(database -> database.getCollection(spec.collection())
                            .createIndex(Indexes.ascending(spec.cursorField())));
                }
            }
            LOG.info("seeded {} with {} documents from {}", source.describe(file.collection()), inserted, file.origin());
        }
    }

    private static long insert(MongoSource source, SampleFile file) throws IOException, PermanentFailure {
        try (BufferedReader in = file.open()) {
            return source.insert(file.collection(), JsonLines.read(in, file.origin()).iterator());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("cannot seed the embedded sample MongoDB: " + e.getMessage(), e);
        }
    }
}
