package io.etl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.hadoop.splitter.MongoPaginatingSplitter;
import com.mongodb.hadoop.splitter.SingleMongoSplitter;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class SplitPlanTest {

    @Test
    void a_window_up_to_the_split_size_is_read_in_one_split() {
        assertEquals(new SplitPlan(1, 200), SplitPlan.forCount(200, 200, 1));
        assertEquals(new SplitPlan(1, 1), SplitPlan.forCount(0, 200, 1));
    }

    @Test
    void a_larger_window_is_paged_into_splits_of_equal_size() {
        assertEquals(new SplitPlan(2, 101), SplitPlan.forCount(201, 200, 1));
        assertEquals(new SplitPlan(5, 200_000), SplitPlan.forCount(1_000_000, 200_000, 1));
    }

    @Test
    void a_large_window_is_read_in_as_many_splits_as_maps_run_at_once() {
        assertEquals(new SplitPlan(2, 500_000), SplitPlan.forCount(1_000_000, 1_000_000, 2));
        assertEquals(new SplitPlan(8, 125_000), SplitPlan.forCount(1_000_000, 1_000_000, 8));
        assertEquals(new SplitPlan(5, 200_000), SplitPlan.forCount(1_000_000, 200_000, 2), "the split size cuts finer");
    }

    @Test
    void a_window_too_small_to_gain_from_parallel_reads_stays_whole() {
        assertEquals(new SplitPlan(1, 1_400), SplitPlan.forCount(1_400, 1_000_000, 2));
        assertEquals(new SplitPlan(1, 99_999), SplitPlan.forCount(99_999, 1_000_000, 2));
        assertEquals(new SplitPlan(2, 60_000), SplitPlan.forCount(120_000, 1_000_000, 8), "splits of no less than 50,000");
    }

    @Test
    void the_splitter_is_always_chosen_explicitly_with_range_queries() {
        Configuration single = new Configuration(false);
        SplitPlan.forCount(10, 200, 1).applyTo(single);
        Configuration paged = new Configuration(false);
        SplitPlan.forCount(450, 200, 1).applyTo(paged);

        assertEquals(SingleMongoSplitter.class.getName(), single.get("mongo.splitter.class"));
        assertEquals("true", single.get("mongo.input.split.use_range_queries"));
        assertEquals(MongoPaginatingSplitter.class.getName(), paged.get("mongo.splitter.class"));
        assertEquals("true", paged.get("mongo.input.split.use_range_queries"));
        assertEquals("150", paged.get("mongo.input.splits.min_docs"));
    }
}
