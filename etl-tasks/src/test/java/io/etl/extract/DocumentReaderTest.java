package io.etl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.etl.testing.Documents;
import io.etl.testing.EmbeddedMongo;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.MongoClient;
import com.mongodb.MongoClientURI;
import com.mongodb.hadoop.input.MongoInputSplit;
import com.mongodb.hadoop.util.MongoConfigUtil;
import org.apache.hadoop.conf.Configuration;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {

    private static final int DOCUMENTS = 10 * DocumentReader.BATCH_SIZE + 7;

    private MongoServer server;
    private MongoInputSplit split;

    @BeforeEach
    void serverWithDocuments() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/shop.orders";
        try (MongoClient client = new MongoClient(new MongoClientURI(uri))) {
            List<Document> documents = IntStream.range(0, DOCUMENTS)
                    .mapToObj(i -> Documents.action("order").set("n", i).build()).toList();
            EmbeddedMongo.insert(client.getDatabase("shop").getCollection("orders"), documents);
        }
        Configuration conf = new Configuration();
        MongoConfigUtil.setInputURI(conf, uri);
        split = new MongoInputSplit(conf);
    }

    @AfterEach
    void stopServer() {
        server.shutdownNow();
    }

    @Test
    void reads_every_document_of_the_split_once_across_its_batches() throws Exception {
        DocumentReader reader = new DocumentReader(split);
        reader.initialize(split, null);
        int read = 0;
        while (reader.nextKeyValue()) {
            assertEquals(read, reader.getCurrentValue().get("n"));
            read++;
        }
        reader.close();
        assertEquals(DOCUMENTS, read);
        assertEquals(1, reader.getProgress());
    }

    @Test
    void a_read_that_fails_mid_split_fails_the_task_instead_of_ending_the_split_short() throws Exception {
        DocumentReader reader = new DocumentReader(split);
        reader.initialize(split, null);
        assertTrue(reader.nextKeyValue());
        server.shutdownNow();

        IOException failure = assertThrows(IOException.class, () -> {
            while (reader.nextKeyValue()) {
                // the documents read ahead before the server went away
            }
        });
        reader.close();
        assertTrue(failure.getMessage().startsWith("reading shop.orders failed: "), failure.getMessage());
    }

    @Test
    void closing_before_the_end_stops_reading_ahead() throws Exception {
        DocumentReader reader = new DocumentReader(split);
        reader.initialize(split, null);
        assertTrue(reader.nextKeyValue());
        reader.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("extract read-ahead")),
                "the read-ahead thread outlived close()");
    }
}
