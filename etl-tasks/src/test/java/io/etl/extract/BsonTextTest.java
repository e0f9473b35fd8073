package io.etl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.BasicBSONObject;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class BsonTextTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void every_character_of_a_string_in_an_array_is_written_as_jackson_writes_it() throws JsonProcessingException {
        StringBuilder everyChar = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            everyChar.append(c);
        }
        List<String> strings = List.of(everyChar.toString(), "naïve \"q\" C:\\x\t日本", "😀 and a lone \uD83D surrogate", "\u2028\u2029\uFFFF", "");

        for (String string : strings) {
            assertEquals(JACKSON.writeValueAsString(List.of(string)), BsonText.json(List.of(string)), string);
        }
    }

    @Test
    void nested_documents_and_arrays_numbers_booleans_and_nulls_are_written_as_jackson_writes_them() throws JsonProcessingException {
        BasicBSONObject inner = new BasicBSONObject("k\"ey", Arrays.asList(1, -2L, 0.5, 1.0E10, true, null));
        inner.put("empty", new BasicBSONObject());
        List<Object> document = Arrays.asList("a", inner, List.of(), Long.MAX_VALUE, false);

        Map<String, Object> innerAsJackson = new LinkedHashMap<>();
        innerAsJackson.put("k\"ey", Arrays.asList(1, -2L, 0.5, 1.0E10, true, null));
        innerAsJackson.put("empty", Map.of());
        List<Object> expected = new ArrayList<>(Arrays.asList("a", innerAsJackson, List.of(), Long.MAX_VALUE, false));

        assertEquals(JACKSON.writeValueAsString(expected), BsonText.json(document));
    }

    @Test
    void values_json_has_no_form_for_are_strings_of_their_text() {
        ObjectId id = new ObjectId("6565a1b2c3d4e5f601234567");
        Date date = Date.from(Instant.parse("2026-10-01T00:00:00.556Z"));

        assertEquals("[\"6565a1b2c3d4e5f601234567\",\"2026-10-01T00:00:00.556Z\",\"NaN\",\"Infinity\"]",
                BsonText.json(List.of(id, date, Double.NaN, Double.POSITIVE_INFINITY)));
    }
}
