package io.etl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.etl.spec.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.BasicBSONObject;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class DeclaredTextTest {

    @Test
    void a_whole_number_is_an_int_a_long_or_a_double_or_decimal_without_a_fraction() throws TypeMismatch {
        assertEquals("17", DeclaredText.of(FieldType.LONG, 17));
        assertEquals("-9007199254740993", DeclaredText.of(FieldType.LONG, -9007199254740993L));
        assertEquals("17", DeclaredText.of(FieldType.LONG, 17.0), "the mongo shell stores numbers as doubles");
        assertEquals("1200", DeclaredText.of(FieldType.LONG, new Decimal128(new BigDecimal("1.2E+3"))));
    }

    @Test
    void what_a_whole_number_column_cannot_hold_is_refused_with_what_it_got() {
        assertEquals("expected a whole number, got a boolean", reason(FieldType.LONG, true));
        assertEquals("expected a whole number, got a string", reason(FieldType.LONG, "u-17"));
        assertEquals("expected a whole number, got a string", reason(FieldType.LONG, "17"));
        assertEquals("expected a whole number, got a fraction", reason(FieldType.LONG, 17.5));
        assertEquals("a whole number beyond the range of BIGINT", reason(FieldType.LONG, 1e19));
        assertEquals("expected a whole number, got an array", reason(FieldType.LONG, List.of(1)));
    }

    @Test
    void text_takes_any_single_value_as_its_text_but_no_array_or_document() throws TypeMismatch {
        assertEquals("", DeclaredText.of(FieldType.STRING, ""));
        assertEquals("17", DeclaredText.of(FieldType.STRING, 17));
        assertEquals("6565a1b2c3d4e5f601234567", DeclaredText.of(FieldType.OBJECT_ID, new ObjectId("6565a1b2c3d4e5f601234567")));
        assertEquals("2026-11-01T10:00:00.000Z", DeclaredText.of(FieldType.STRING, Date.from(Instant.parse("2026-11-01T10:00:00Z"))));
        assertEquals("expected a single value, got an array", reason(FieldType.STRING, List.of("a")));
        assertEquals("expected a single value, got a document", reason(FieldType.STRING, new BasicBSONObject("x", 1)));
    }

    @Test
    void an_array_to_spread_must_be_an_array_and_json_takes_anything() throws TypeMismatch {
        assertEquals("[\"a\",2]", DeclaredText.of(FieldType.ARRAY, List.of("a", 2)));
        assertEquals("expected an array, got a string", reason(FieldType.ARRAY, "abc"));
        assertEquals("expected an array, got a document", reason(FieldType.ARRAY, new BasicBSONObject("x", 1)));
        assertEquals("\"abc\"", DeclaredText.of(FieldType.JSON, "abc"));
        assertEquals("{\"x\":1}", DeclaredText.of(FieldType.JSON, new BasicBSONObject("x", 1)));
    }

    @Test
    void dates_booleans_and_numbers_take_only_their_own_kind() throws TypeMismatch {
        assertEquals("expected a date, got a string", reason(FieldType.TIMESTAMP, "2025-11-01T00:00:00Z"));
        assertEquals("a date outside the years 1 to 9999", reason(FieldType.TIMESTAMP, new Date(Long.MAX_VALUE)));
        assertEquals("expected true or false, got a whole number", reason(FieldType.BOOLEAN, 1));
        assertEquals("expected a finite number, got NaN", reason(FieldType.DOUBLE, Double.NaN));
        assertEquals("expected a number, got a string", reason(FieldType.DOUBLE, "4.5"));
        assertEquals("12.50", DeclaredText.of(FieldType.DECIMAL, new Decimal128(new BigDecimal("12.50"))));
        assertEquals("0.1", DeclaredText.of(FieldType.DECIMAL, 0.1));
    }

    @Test
    void a_date_is_its_utc_time_to_the_millisecond_from_the_first_year_to_the_last() throws TypeMismatch {
        for (String text : List.of("0001-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00.000Z",
                "2024-02-29T07:08:09.010Z", "2026-10-01T00:00:00.556Z", "9999-12-31T23:59:59.999Z")) {
            assertEquals(text, DeclaredText.of(FieldType.TIMESTAMP, Date.from(Instant.parse(text))));
        }
    }

    private static String reason(FieldType type, Object value) {
        return assertThrows(TypeMismatch.class, () -> DeclaredText.of(type, value)).reason();
    }
}
