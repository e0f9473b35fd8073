package io.etl.extract;

import com.mongodb.hadoop.splitter.MongoPaginatingSplitter;
import com.mongodb.hadoop.splitter.SingleMongoSplitter;
import com.mongodb.hadoop.util.MongoConfigUtil;
import org.apache.hadoop.conf.Configuration;

/**
 * How the extract's input is split, chosen from the matched count, never left to mongo-hadoop's default (its
 * sample splitter duplicates documents without range queries, and its 1,000-document pages make hundreds of
 * splits). A window of up to the split size is one split; a larger one is paged on {@code _id} into splits of equal
 * size, at most the split size each (finding each page's end costs the source a sorted query). A split is not cut
 * only to be read in parallel: its map task converts on several threads ({@link DocumentMapper#run}) from one query.
 *
 * @param splits            how many splits the window is read in
 * @param documentsPerSplit the page size given to {@link MongoPaginatingSplitter} (the last page may be smaller)
 */
record SplitPlan(int splits, int documentsPerSplit) {

    /** @param splitSize the most documents one split should read */
    static SplitPlan forCount(long matched, int splitSize) {
        int splits = (int) Math.max(1, (matched + splitSize - 1) / splitSize);
        return new SplitPlan(splits, (int) Math.max(1, (matched + splits - 1) / splits));
    }

    void applyTo(Configuration conf) {
        // range queries, not $min/$max: MongoDB 4.2+ rejects those without a hint
        conf.setBoolean(MongoConfigUtil.SPLITS_USE_RANGEQUERY, true);
        if (splits == 1) {
            conf.set(MongoConfigUtil.MONGO_SPLITTER_CLASS, SingleMongoSplitter.class.getName());
        } else {
            conf.set(MongoConfigUtil.MONGO_SPLITTER_CLASS, MongoPaginatingSplitter.class.getName());
            conf.setInt(MongoConfigUtil.INPUT_SPLIT_MIN_DOCS, documentsPerSplit);
        }
    }
}
