package io.etl.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoClient;
import com.mongodb.MongoClientURI;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.hadoop.MongoInputFormat;
import com.mongodb.hadoop.splitter.SingleMongoSplitter;
import com.mongodb.hadoop.util.MongoConfigUtil;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.bson.BSONObject;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mongo-java-server -> mongo-hadoop MongoInputFormat -> Hadoop local MapReduce -> TSV files. */
class MongoHadoopExtractTest {
    static final long BASE = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
    static final long HOUR = 3_600_000L;

    @TempDir Path tmp;

    public static class DocToLine extends Mapper<Object, BSONObject, NullWritable, Text> {
        @Override
        protected void map(Object key, BSONObject doc, Context ctx) throws IOException, InterruptedException {
            Date date = (Date) doc.get("date");
            ctx.write(NullWritable.get(), new Text(doc.get("_id") + "\t" + doc.get("user_id") + "\t" + date.getTime()));
        }
    }

    @Test
    void mapReduceJobReadsExactlyTheDateWindow() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try {
            int port = server.getLocalAddress().getPort();
            String uri = "mongodb://127.0.0.1:" + port + "/etl.actions_taken";
            try (MongoClient client = new MongoClient(new MongoClientURI(uri))) {
                MongoCollection<Document> coll = client.getDatabase("etl").getCollection("actions_taken");
                List<Document> docs = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    docs.add(new Document("user_id", i % 37).append("action", "click")
                            .append("date", new Date(BASE + i * HOUR)));
                }
                coll.insertMany(docs);
                coll.createIndex(Indexes.ascending("date"));
                // the extract checks that the cursor field is indexed before it queries
                List<String> indexes = new ArrayList<>();
                for (Document ix : coll.listIndexes()) {
                    indexes.add(ix.getString("name"));
                }
                assertTrue(indexes.contains("date_1"), indexes.toString());
            }
            // documents 200..699 fall in [lower, upper)
            long lower = BASE + 200 * HOUR;
            long upper = BASE + 700 * HOUR;

            Configuration conf = HadoopLocal.conf(tmp);
            conf.set(MongoConfigUtil.INPUT_URI, uri);
            conf.set(MongoConfigUtil.INPUT_QUERY,
                    "{\"date\": {\"$gte\": {\"$date\": " + lower + "}, \"$lt\": {\"$date\": " + upper + "}}}");
            conf.setBoolean(MongoConfigUtil.SPLITS_USE_RANGEQUERY, true);
            conf.set(MongoConfigUtil.MONGO_SPLITTER_CLASS, SingleMongoSplitter.class.getName());

            Job job = Job.getInstance(conf, "extract-actions_taken");
            job.setJarByClass(MongoHadoopExtractTest.class);
            job.setInputFormatClass(MongoInputFormat.class);
            job.setMapperClass(DocToLine.class);
            job.setNumReduceTasks(0);
            job.setOutputKeyClass(NullWritable.class);
            job.setOutputValueClass(Text.class);
            job.setOutputFormatClass(TextOutputFormat.class);
            Path out = tmp.resolve("extract");
            FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(out.toUri()));

            assertTrue(job.waitForCompletion(false), "job failed");
            assertEquals(500, job.getCounters().findCounter(TaskCounter.MAP_INPUT_RECORDS).getValue());

            List<String> lines = new ArrayList<>();
            try (Stream<Path> parts = Files.list(out)) {
                for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-m-")).toList()) {
                    lines.addAll(Files.readAllLines(p));
                }
            }
            assertEquals(500, lines.size());
            assertTrue(Files.exists(out.resolve("_SUCCESS")));
            assertTrue(lines.stream().mapToLong(l -> Long.parseLong(l.split("\t")[2]))
                    .allMatch(t -> t >= lower && t < upper));
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void h2BackendKeepsDocumentsAcrossRestart() {
        String file = tmp.resolve("source.mv").toString();
        for (int round = 1; round <= 2; round++) {
            MongoServer server = new MongoServer(new H2Backend(file));
            server.bind("127.0.0.1", 0);
            try (MongoClient client = new MongoClient("127.0.0.1", server.getLocalAddress().getPort())) {
                MongoCollection<Document> coll = client.getDatabase("etl").getCollection("seed");
                if (round == 1) {
                    coll.insertOne(new Document("_id", 1).append("date", new Date(BASE)));
                }
                assertEquals(1, coll.countDocuments());
            } finally {
                server.shutdown();
            }
        }
    }
}
