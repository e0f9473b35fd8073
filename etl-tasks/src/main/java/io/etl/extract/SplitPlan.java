package io.etl.extract;

import com.mongodb.hadoop.splitter.MongoPaginatingSplitter;
import com.mongodb.hadoop.splitter.SingleMongoSplitter;
import com.mongodb.hadoop.util.MongoConfigUtil;
import org.apache.hadoop.conf.Configuration;

/**
 * How the extract's input is split, chosen from the matched count, never left to mongo-hadoop's default (its
 * sample splitter duplicates documents without range queries, and its 1,000-document pages make hundreds of
 * splits). A small window is one split; a large one is paged on {@code _id} into splits of equal size, at most the
 * split size each, and at least as many as maps run at once when each would still read {@value #MIN_PARALLEL_SPLIT}
 * documents or more: the splits are read in parallel, and finding each page's end costs the source a sorted query.
 *
 * @param splits            how many splits the window is read in
 * @param documentsPerSplit the page size given to {@link MongoPaginatingSplitter} (the last page may be smaller)
 */
record SplitPlan(int splits, int documentsPerSplit) {

    /** The fewest documents worth a split of their own only to read in parallel. */
    static final int MIN_PARALLEL_SPLIT = 50_000;

    /**
     * @param splitSize  the most documents one split should read
     * @param mapsAtOnce how many splits are read at once
     */
    static SplitPlan forCount(long matched, int splitSize, int mapsAtOnce) {
        long bySize = (matched + splitSize - 1) / splitSize;
        long byMaps = Math.min(mapsAtOnce, matched / MIN_PARALLEL_SPLIT);
        int splits = (int) Math.max(1, Math.max(bySize, byMaps));
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
