package io.etl.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.etl.tsv.Tsv;

import java.io.IOException;
import java.util.List;

import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;
import org.junit.jupiter.api.Test;

class ArrayColumnsTest {

    private final ArrayColumns threeColumns = new ArrayColumns("value", "3");

    @Test
    void spreads_the_elements_over_the_columns_and_fills_the_rest_with_null_markers() throws IOException {
        assertEquals(List.of("home", "42", "\\N"), columns("[\"home\",42]"));
        assertEquals(List.of("\\N", "\\N", "\\N"), columns("[]"));
    }

    @Test
    void given_a_rest_column_the_elements_past_the_others_are_kept_there_as_json() throws IOException {
        ArrayColumns withRest = new ArrayColumns("value", "2", "value_rest");

        assertEquals(List.of("a", "2", "[\"c\\\\td\",[4],null]"),
                spread(withRest, Tsv.escape("[\"a\",2,\"c\\td\",[4],null]")));
        assertEquals(List.of("a", "\\N", "\\N"), spread(withRest, "[\"a\"]"));
        assertEquals("value_rest", withRest.outputSchema(null).getField(0).schema.getField(2).alias);
    }

    @Test
    void a_missing_array_gives_null_markers_in_every_column() throws IOException {
        assertEquals(List.of("\\N", "\\N", "\\N"), columns(Tsv.NULL));
    }

    @Test
    void a_null_element_is_null_and_nested_values_stay_json() throws IOException {
        assertEquals(List.of("\\N", "{\"k\":\"v\"}", "[1,2]"), columns("[null,{\"k\":\"v\"},[1,2]]"));
    }

    @Test
    void elements_keep_their_exact_text_escaped_for_the_lake() throws IOException {
        String array = "[\"tab\\there\",\"back\\\\slash\",\"naïve \\\"q\\\"\"]";

        List<String> columns = columns(Tsv.escape(array));

        assertEquals(List.of("tab\there", "back\\slash", "naïve \"q\""), columns.stream().map(Tsv::value).toList());
    }

    @Test
    void elements_past_the_last_column_are_left_out_of_the_columns() throws IOException {
        assertEquals(List.of("1", "2", "3"), columns("[1,2,3,4,5]"));
    }

    @Test
    void numbers_and_booleans_keep_the_text_the_extract_wrote() throws IOException {
        assertEquals(List.of("1.0E10", "-0.5", "9223372036854775807"), columns("[1.0E10,-0.5,9223372036854775807]"));
        assertEquals(List.of("true", "false", "\\N"), columns("[true,false]"));
    }

    @Test
    void nested_elements_are_whole_in_their_column_and_skipped_whole_past_the_last() throws IOException {
        assertEquals(List.of("[1,[2]]", "{\"k\":{\"j\":null}}", "3"), columns("[[1,[2]],{\"k\":{\"j\":null}},3,[4,[5]],{\"k\":[6]}]"));
        assertEquals(List.of("a", "2", "[{\"k\":[6]},[7]]"), spread(new ArrayColumns("value", "2", "value_rest"), "[\"a\",2,{\"k\":[6]},[7]]"));
    }

    @Test
    void a_field_that_is_not_an_array_is_an_error_naming_the_column_prefix_and_the_declaration_that_prevents_it() {
        IOException error = assertThrows(IOException.class, () -> columns("{\"a\":1}"));
        assertEquals("value holds {\"a\":1}, not an array: declare its field FieldType.ARRAY, so that the extract rejects such "
                + "documents", error.getMessage());
    }

    @Test
    void names_its_columns_after_the_prefix() {
        assertEquals("{value_columns: (value_1: chararray,value_2: chararray,value_3: chararray)}",
                threeColumns.outputSchema(null).toString());
    }

    private List<String> columns(String field) throws IOException {
        return spread(threeColumns, field);
    }

    private static List<String> spread(ArrayColumns udf, String field) throws IOException {
        Tuple row = udf.exec(TupleFactory.getInstance().newTuple(List.of(field)));
        return row.getAll().stream().map(String.class::cast).toList();
    }
}
