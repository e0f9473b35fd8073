package io.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Awkward MongoDB names become names that SQL, Java and Pig all accept. */
class NamesTest {

    @Test
    void spaces_dashes_dots_and_capitals_become_lower_snake() {
        assertEquals(Optional.of("order_date"), Names.column("Order Date"));
        assertEquals(Optional.of("order_date"), Names.column("orderDate"));
        assertEquals(Optional.of("customer_address_line"), Names.column("customer.address-line"));
        assertEquals(Optional.of("id"), Names.column("_id"));
    }

    @Test
    void a_leading_digit_gets_an_underscore_and_an_etl_name_a_prefix() {
        assertEquals(Optional.of("_2nd"), Names.column("2nd"));
        assertEquals("etl_2024_orders", Names.etl("2024-Orders"));
    }

    @Test
    void a_reserved_word_stays_a_column_but_not_a_java_package() {
        assertEquals(Optional.of("select"), Names.column("select"));
        assertEquals("class_", Names.javaPackage("class"));
        assertEquals("OrderItems", Names.javaClass("order_items"));
    }

    @Test
    void accents_go_and_letters_without_a_base_letter_are_written_out() {
        assertEquals(Optional.of("cafe_creme"), Names.column("Café Crème"));
        assertEquals(Optional.of("strasse_aero_lodz"), Names.column("Straße Ærø Łódź"));
    }

    @Test
    void a_name_without_latin_letters_or_digits_has_no_column_and_a_collection_of_such_a_name_is_refused() {
        assertEquals(Optional.empty(), Names.column("$%!"));
        assertEquals(Optional.empty(), Names.column("名前"));
        assertEquals("field_", Names.fallback("名前").substring(0, 6));
        assertEquals(Names.fallback("名前"), Names.fallback("名前"), "the same name every time the ETL is generated");
        assertNotEquals(Names.fallback("名前"), Names.fallback("価格"));

        GenerateException refused = assertThrows(GenerateException.class, () -> Names.etl("注文"));
        assertEquals("collection '注文' has no Latin letter or digit to make a name of; rename it in MongoDB", refused.getMessage());
    }

    @Test
    void an_etl_name_leaves_room_for_its_staging_table_in_postgresql() {
        String etl = Names.etl("events_of_the_marketing_department_of_the_company_since_2019_v2");

        assertEquals(55, etl.length(), etl);
        assertEquals("events_of_the_marketing_department_of_the_comp_", etl.substring(0, 47));
        assertNotEquals(etl, Names.etl("events_of_the_marketing_department_of_the_company_since_2019_v3"));
    }

    @Test
    void names_that_collide_after_normalisation_get_suffixes_and_array_columns_stay_clear_of_them() {
        UniqueNames names = new UniqueNames();

        assertEquals("order_date", names.take("order_date"));
        assertEquals("order_date_2", names.take("order_date"));
        assertEquals(List.of("tags", "tags_1", "tags_2"), names.takeGroup("tags", 2));
        assertEquals("tags_1_2", names.take("tags_1"));
    }

    @Test
    void a_name_too_long_for_postgresql_keeps_its_start_and_its_numbered_columns_fit_too() {
        UniqueNames names = new UniqueNames();
        String long70 = "x".repeat(70);

        List<String> group = names.takeGroup(long70, 12);
        String again = names.take(long70);

        assertEquals(List.of(63, 63, 63), List.of(group.get(0).length() + 3, group.get(12).length(), again.length()));
        assertTrue(group.get(12).endsWith("_12"), group::toString);
        assertNotEquals(group.get(0), again);
    }
}
