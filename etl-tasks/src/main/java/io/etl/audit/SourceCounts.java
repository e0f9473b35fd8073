package io.etl.audit;

import io.etl.concurrent.Daemons;
import io.etl.extract.WindowFilter;
import io.etl.window.Window;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * The source's side of an audit: one range count per bucket on the cursor index, a few at a time, so the cost grows
 * with the number of buckets and the server is never asked for more than {@value #AT_ONCE} counts at once.
 */
final class SourceCounts {

    static final int AT_ONCE = 4;

    private SourceCounts() {
    }

    /** The documents whose cursor falls in each bucket, in the buckets' order. */
    static Map<Window, Long> count(MongoCollection<Document> collection, String cursor, List<Window> buckets)
            throws InterruptedException {
        ExecutorService counters = Daemons.pool(AT_ONCE, "audit-count");
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (Window bucket : buckets) {
                counts.add(counters.submit(() -> collection.countDocuments(new WindowFilter(cursor, bucket).query())));
            }
            Map<Window, Long> byBucket = new LinkedHashMap<>();
            for (int i = 0; i < buckets.size(); i++) {
                byBucket.put(buckets.get(i), Daemons.result(counts.get(i)));
            }
            return byBucket;
        } finally {
            counters.shutdownNow();
        }
    }
}
