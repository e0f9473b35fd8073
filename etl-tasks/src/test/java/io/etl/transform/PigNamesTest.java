package io.etl.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PigNamesTest {

    @Test
    void a_name_pig_would_misread_gets_a_prefix_and_every_name_stays_unique() {
        assertEquals(List.of("f_order", "f__2nd", "id", "f_order_2", "order_date", "f_select"),
                PigNames.of(List.of("order", "_2nd", "id", "f_order", "Order Date", "select")));
    }
}
