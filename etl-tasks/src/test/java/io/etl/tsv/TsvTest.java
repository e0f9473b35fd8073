package io.etl.tsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
