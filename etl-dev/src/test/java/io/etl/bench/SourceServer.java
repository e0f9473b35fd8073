package io.etl.bench;

import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.etl.actions.ActionsTakenGenerator;
import io.etl.environment.EtlEnvironment;
import io.etl.mongo.MongoSource;
import io.etl.testing.TestSettings;

import java.nio.file.Files;

/**
 * A MongoDB source for the benchmarks, in its own process so that the timed {@code etl} runs pay for nothing but
 * themselves: mongo-java-server (in memory) holding N generated actions_taken documents, indexed on date, and with a
 * second argument C as many in each of C more collections, {@code collection_01} to {@code collection_C} (for
 * {@code bench/run-all.sh}). Prints {@code ready <uri>} and serves until killed.
 */
public final class SourceServer {

    private SourceServer() {
    }

    public static void main(String[] args) throws Exception {
        long documents = Long.parseLong(args[0]);
        int collections = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/bench";
        try (EtlEnvironment environment = new EtlEnvironment(TestSettings.of(Files.createTempDirectory("etl-source"), "mongo.uri", uri))) {
            MongoSource source = environment.mongo();
            for (int i = 0; i <= collections; i++) {
                String collection = i == 0 ? "actions_taken" : String.format("collection_%02d", i);
                source.query(database -> database.getCollection(collection).createIndex(Indexes.ascending("date")));
                source.insert(collection, new ActionsTakenGenerator(7 + i, documents, ActionsTakenGenerator.START,
                        ActionsTakenGenerator.START.plus(ActionsTakenGenerator.SPAN)));
            }
        }
        System.out.println("ready " + uri);
        System.out.flush();
        Thread.currentThread().join();
    }
}
