package io.etl.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.MongoClient;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mongo-java-server's H2 back end (the embedded default's source) keeps documents across a restart. */
class MongoJavaServerH2Test {
    @TempDir Path tmp;

    @Test
    void h2BackendKeepsDocumentsAcrossRestart() {
        String file = tmp.resolve("source.mv").toString();
        for (int round = 1; round <= 2; round++) {
            MongoServer server = new MongoServer(new H2Backend(file));
            server.bind("127.0.0.1", 0);
            try (MongoClient client = new MongoClient("127.0.0.1", server.getLocalAddress().getPort())) {
                MongoCollection<Document> coll = client.getDatabase("etl").getCollection("seed");
                if (round == 1) {
                    coll.insertOne(new Document("_id", 1).append("date", new Date(1_704_067_200_000L)));
                }
                assertEquals(1, coll.countDocuments());
            } finally {
                server.shutdown();
            }
        }
    }
}
