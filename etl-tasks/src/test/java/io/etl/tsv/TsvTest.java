package io.etl.tsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.etl.testing.CopyText;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class TsvTest {

    @Test
    void tab_newline_carriage_return_backslash_and_nul_are_written_as_copy_escapes() {
        assertEquals("a\\tb\\nc\\rd\\\\e\\0f", Tsv.escape("a\tb\nc\rd\\e\0f"));
    }

    @Test
    void text_without_special_characters_is_written_as_it_is() {
        assertEquals("say \"hi\" — naïve 日本語 🎉", Tsv.escape("say \"hi\" — naïve 日本語 🎉"));
    }

    @Test
    void null_is_the_null_marker_and_the_marker_as_text_is_not() {
        assertEquals("\\N", Tsv.field(null));
        assertEquals("\\\\N", Tsv.field("\\N"));
        assertNull(Tsv.value("\\N"));
        assertEquals("\\N", Tsv.value("\\\\N"));
        assertEquals("", Tsv.value(""));
    }

    @Test
    void every_value_reads_back_exactly_as_written() {
        List<String> values = Arrays.asList("plain", "", null, "tab\there", "two\nlines", "cr\r\nlf", "C:\\dir\\",
                "\\N", "nul\0byte", "quotes \"'", "naïve café", "日本語", "emoji 🎉", "\\t is not a tab");
        String line = values.stream().map(Tsv::field).collect(Collectors.joining("\t"));

        assertEquals(1, line.lines().count(), "one line, whatever the values hold");
        assertEquals(values, Tsv.values(line));
    }

    @Test
    void a_line_splits_into_as_many_values_as_it_has_tabs_plus_one() {
        assertEquals(Arrays.asList("", "a", null, ""), Tsv.values("\ta\t\\N\t"));
    }

    @Test
    void a_warehouse_field_puts_a_backslash_before_a_real_tab_newline_carriage_return_or_backslash() {
        assertEquals("a\\\tb\\\nc\\\rd\\\\e", Tsv.warehouseField("a\tb\nc\rd\\e"));
        assertEquals("\\N", Tsv.warehouseField(null));
        assertEquals("\\\\N", Tsv.warehouseField("\\N"));
        assertEquals("say \"hi\" — naïve 日本語 🎉", Tsv.warehouseField("say \"hi\" — naïve 日本語 🎉"));
    }

    @Test
    void a_nul_in_a_warehouse_field_becomes_the_replacement_character() {
        assertEquals("nul\uFFFDbyte", Tsv.warehouseField("nul\0byte"));
    }

    @Test
    void a_lake_field_converted_to_a_warehouse_field_reads_back_the_same_in_postgresql_and_redshift() {
        String line = AWKWARD.stream().map(value -> Tsv.warehouseField(Tsv.value(Tsv.field(value))))
                .collect(Collectors.joining("\t")) + "\n";
        List<String> expected = AWKWARD.stream().map(TsvTest::storable).toList();

        assertEquals(List.of(expected), CopyText.POSTGRESQL.records(line));
        assertEquals(List.of(expected), CopyText.REDSHIFT.records(line));
    }

    /** Values that are hard to carry through a COPY. */
    static final List<String> AWKWARD = Arrays.asList("plain", "", null, "tab\there", "two\nlines", "cr\r\nlf", "lone\rcr",
            "C:\\dir\\", "\\", "\\\\", "\\N", "a\\Nb", "\\n is not a newline", "\\\n", "\n.", "\\.", "nul\0byte",
            "quotes \"'", "naïve café", "日本語", "emoji 🎉👍", "\t\n\r", " padded ");

    /** What a warehouse holds of a value: NUL cannot be stored. */
    static String storable(String value) {
        return value == null ? null : value.replace('\0', Tsv.NUL_REPLACEMENT);
    }

    @Test
    void rows_are_counted_by_their_unescaped_line_feeds_in_either_form() throws Exception {
        String warehouseForm = "a\\tb\\\nc\n"       // a data newline: backslash, then a real line feed
                + "ends in a backslash\\\\\n"        // an escaped backslash, then the row's end
                + "\\N\tlast row, no final line feed";

        assertEquals(3, Tsv.countRows(new java.io.ByteArrayInputStream(warehouseForm.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals(0, Tsv.countRows(new java.io.ByteArrayInputStream(new byte[0])));
    }
}
