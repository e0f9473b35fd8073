package io.etl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.hadoop.splitter.MongoPaginatingSplitter;
import com.mongodb.hadoop.splitter.SingleMongoSplitter;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class SplitPlanTest {

    @Test
    void a_window_up_to_the_split_size_is_read_in_one_split() {
        assertEquals(new SplitPlan(1, 200), SplitPlan.forCount(200, 200));
        assertEquals(new SplitPlan(1, 1), SplitPlan.forCount(0, 200));
    }

    @Test
    void a_larger_window_is_paged_into_splits_of_equal_size() {
        assertEquals(new SplitPlan(2, 101), SplitPlan.forCount(201, 200));
        assertEquals(new SplitPlan(5, 200_000), SplitPlan.forCount(1_000_000, 200_000));
    }

    @Test
    void a_window_is_not_cut_below_the_split_size_to_be_read_in_parallel() {
        assertEquals(new SplitPlan(1, 1_000_000), SplitPlan.forCount(1_000_000, 1_000_000));
        assertEquals(new SplitPlan(1, 120_000), SplitPlan.forCount(120_000, 1_000_000));
    }

    @Test
    void the_splitter_is_always_chosen_explicitly_with_range_queries() {
        Configuration single = new Configuration(false);
        SplitPlan.forCount(10, 200).applyTo(single);
        Configuration paged = new Configuration(false);
        SplitPlan.forCount(450, 200).applyTo(paged);

        assertEquals(SingleMongoSplitter.class.getName(), single.get("mongo.splitter.class"));
        assertEquals("true", single.get("mongo.input.split.use_range_queries"));
        assertEquals(MongoPaginatingSplitter.class.getName(), paged.get("mongo.splitter.class"));
        assertEquals("true", paged.get("mongo.input.split.use_range_queries"));
        assertEquals("150", paged.get("mongo.input.splits.min_docs"));
    }
}
