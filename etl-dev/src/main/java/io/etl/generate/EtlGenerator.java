package io.etl.generate;

import io.etl.extract.CursorIndex;
import io.etl.mongo.MongoSource;
import io.etl.task.PermanentFailure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.BasicDBObject;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Samples a live collection and plans its ETL. Documents are read as the extract reads them (legacy
 * {@code BasicDBObject}s), the newest first by {@code _id}, so the text lengths measured are those the extract writes.
 */
public final class EtlGenerator {

    private final MongoSource source;

    public EtlGenerator(MongoSource source) {
        this.source = source;
    }

    /** @throws GenerateException if the collection is empty or no cursor can be chosen */
    public EtlPlan plan(String collection, GenerateOptions options) throws IOException, PermanentFailure {
        return sample(collection, options.sampleSize()).plan(options);
    }

    /** Reads the newest {@code size} documents of the collection, and its indexes. */
    public SampledCollection sample(String collection, int size) throws IOException, PermanentFailure {
        return source.query(database -> {
            if (!exists(database, collection)) {
                throw new GenerateException("there is no collection '" + collection + "' in " + source.describe());
            }
            MongoCollection<BasicDBObject> documents = database.getCollection(collection, BasicDBObject.class);
            List<BasicDBObject> sampled = documents.find().sort(new BasicDBObject("_id", -1)).limit(size).into(new ArrayList<>());
            return new SampledCollection(collection, Sample.of(sampled), indexedPaths(database.getCollection(collection)));
        });
    }

    /** The mongo shell command that creates the index the extract needs on the plan's cursor. */
    public static String createIndexCommand(EtlPlan plan) {
        return CursorIndex.createCommand(plan.collection(), plan.cursor().path());
    }

    private static boolean exists(MongoDatabase database, String collection) {
        return database.listCollectionNames().into(new ArrayList<>()).contains(collection);
    }

    /** The fields that an index able to serve a range query starts with, as the extract's own check sees them. */
    private static Set<String> indexedPaths(MongoCollection<Document> collection) {
        Set<String> paths = new LinkedHashSet<>();
        for (Document index : collection.listIndexes()) {
            Document key = index.get("key", Document.class);
            if (key != null && !key.isEmpty() && CursorIndex.exists(collection, key.keySet().iterator().next())) {
                paths.add(key.keySet().iterator().next());
            }
        }
        return paths;
    }
}
