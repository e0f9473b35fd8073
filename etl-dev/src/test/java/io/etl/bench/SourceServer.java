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
 * A MongoDB source for the end-to-end benchmark, in its own process so that the timed {@code etl} runs pay for
 * nothing but themselves: mongo-java-server (in memory) holding N generated actions_taken documents, indexed on
 * date. Prints {@code ready <uri>} and serves until killed.
 */
public final class SourceServer {

    private SourceServer() {
    }

    public static void main(String[] args) throws Exception {
        long documents = Long.parseLong(args[0]);
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/bench";
        try (EtlEnvironment environment = new EtlEnvironment(TestSettings.of(Files.createTempDirectory("etl-source"), "mongo.uri", uri))) {
            MongoSource source = environment.mongo();
            source.query(database -> database.getCollection("actions_taken").createIndex(Indexes.ascending("date")));
            source.insert("actions_taken", new ActionsTakenGenerator(7, documents, ActionsTakenGenerator.START,
                    ActionsTakenGenerator.START.plus(ActionsTakenGenerator.SPAN)));
        }
        System.out.println("ready " + uri);
        System.out.flush();
        Thread.currentThread().join();
    }
}
