package io.etl.extract;

import com.mongodb.hadoop.splitter.MongoPaginatingSplitter;
import com.mongodb.hadoop.splitter.SingleMongoSplitter;
import com.mongodb.hadoop.util.MongoConfigUtil;
import org.apache.hadoop.conf.Configuration;

/**
 * How the extract's input is split, chosen from the matched count, never left to mongo-hadoop's default (its
 * sample splitter duplicates documents without range queries, and its 1,000-document pages make hundreds of
 * splits). A small window is one split; a large one is paged on {@code _id} into splits of equal size.
 *
 * @param splits            how many splits the window is read in
 * @param documentsPerSplit the page size given to {@link MongoPaginatingSplitter} (the last page may be smaller)
 */
record SplitPlan(int splits, int documentsPerSplit) {

    /** @param splitSize the most documents one split should read */
    static SplitPlan forCount(long matched, int splitSize) {
        if (matched <= splitSize) {
            return new SplitPlan(1, (int) Math.max(matched, 1));
        }
        int splits = (int) ((matched + splitSize - 1) / splitSize);
        return new SplitPlan(splits, (int) ((matched + splits - 1) / splits));
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
