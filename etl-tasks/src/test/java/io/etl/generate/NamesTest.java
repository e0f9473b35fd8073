package io.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Awkward MongoDB names become names that SQL, Java and Pig all accept. */
class NamesTest {

    @Test
    void spaces_dashes_dots_and_capitals_become_lower_snake() {
        assertEquals("order_date", Names.column("Order Date", "field"));
        assertEquals("order_date", Names.column("orderDate", "field"));
        assertEquals("customer_address_line", Names.column("customer.address-line", "field"));
        assertEquals("id", Names.column("_id", "field"));
    }

    @Test
    void a_leading_digit_gets_an_underscore_and_an_etl_name_a_prefix() {
        assertEquals("_2nd", Names.column("2nd", "field"));
        assertEquals("etl_2024_orders", Names.etl("2024-Orders"));
    }

    @Test
    void a_reserved_word_stays_a_column_but_not_a_java_package() {
        assertEquals("select", Names.column("select", "field"));
        assertEquals("class_", Names.javaPackage("class"));
        assertEquals("OrderItems", Names.javaClass("order_items"));
    }

    @Test
    void a_name_of_only_symbols_or_nothing_is_refused_naming_it() {
        GenerateException symbols = assertThrows(GenerateException.class, () -> Names.column("$%!", "field"));
        assertThrows(GenerateException.class, () -> Names.etl(""));

        assertEquals("field '$%!' has no letter or digit to make a name of; rename it in MongoDB or leave it out", symbols.getMessage());
    }

    @Test
    void names_that_collide_after_normalisation_get_suffixes_and_array_columns_stay_clear_of_them() {
        UniqueNames names = new UniqueNames();

        assertEquals("order_date", names.take("order_date"));
        assertEquals("order_date_2", names.take("order_date"));
        assertEquals(List.of("tags", "tags_1", "tags_2"), names.takeGroup("tags", 2));
        assertEquals("tags_1_2", names.take("tags_1"));
    }
}
