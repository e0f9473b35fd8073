package io.etl.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ColumnFitTest {

    @Test
    void a_varchar_counts_characters_in_postgresql_and_utf8_bytes_in_redshift() {
        SqlType four = SqlType.varchar(4);
        assertEquals(Optional.empty(), ColumnFit.problem(four, "éééé", Dialect.POSTGRES));
        assertEquals(Optional.of("longer than VARCHAR(4): 8 bytes"), ColumnFit.problem(four, "éééé", Dialect.REDSHIFT));
        assertEquals(Optional.of("longer than VARCHAR(4): 8 bytes"), ColumnFit.problem(four, "🎉🎉", Dialect.REDSHIFT));
        assertEquals(Optional.empty(), ColumnFit.problem(four, "🎉🎉", Dialect.POSTGRES));
        assertEquals(Optional.of("longer than VARCHAR(4): 5 characters"), ColumnFit.problem(four, "abcde", Dialect.POSTGRES));
    }

    @Test
    void a_nul_counts_as_the_replacement_character_the_load_writes_for_it() {
        assertEquals(Optional.of("longer than VARCHAR(2): 3 bytes"), ColumnFit.problem(SqlType.varchar(2), "\0", Dialect.REDSHIFT));
    }

    @Test
    void numbers_must_parse_and_fit() {
        assertEquals(Optional.empty(), ColumnFit.problem(SqlType.bigint(), "-9223372036854775808", Dialect.POSTGRES));
        assertEquals(Optional.of("a whole number beyond the range of BIGINT"),
                ColumnFit.problem(SqlType.bigint(), "9223372036854775808", Dialect.POSTGRES));
        assertEquals(Optional.of("not a whole number"), ColumnFit.problem(SqlType.bigint(), "17.0", Dialect.POSTGRES));
        assertEquals(Optional.of("not a whole number"), ColumnFit.problem(SqlType.bigint(), "", Dialect.POSTGRES));
        assertEquals(Optional.empty(), ColumnFit.problem(SqlType.doublePrecision(), "1.0E-5", Dialect.REDSHIFT));
        assertEquals(Optional.of("not a finite number"), ColumnFit.problem(SqlType.doublePrecision(), "Infinity", Dialect.REDSHIFT));
        assertEquals(Optional.empty(), ColumnFit.problem(SqlType.decimal(), "12.5000000000000", Dialect.REDSHIFT));
        assertEquals(Optional.of("more than 10 decimal places for DECIMAL(38,10)"),
                ColumnFit.problem(SqlType.decimal(), "0.00000000001", Dialect.REDSHIFT));
    }

    @Test
    void a_timestamp_fits_exactly_when_it_is_a_real_date_and_time_from_the_year_1_as_a_strict_parse_finds() {
        DateTimeFormatter strict = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd HH:mm:ss")
                .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 6, true).optionalEnd()
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        List<String> values = new ArrayList<>();
        for (String year : List.of("0000", "0001", "1900", "2000", "2023", "2024", "9999")) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    values.add(String.format("%s-%02d-%02d 10:00:00", year, month, day));
                }
            }
        }
        for (String time : List.of("23:59:59", "24:00:00", "00:60:00", "00:00:60", "0:00:00", "00:00:00.", "00:00:00.1",
                "00:00:00.123456", "00:00:00.1234567", "00:00:00,1", "00-00-00", "00:00:00Z")) {
            values.add("2024-02-29 " + time);
        }
        values.addAll(List.of("2024-2-29 10:00:00", "+2024-02-29 10:00:00", "12024-02-29 10:00:00", "2024-02-29T10:00:00", "２０２４-02-29 10:00:00"));
        for (String value : values) {
            boolean parses;
            try {
                parses = LocalDateTime.parse(value, strict).getYear() >= 1;
            } catch (DateTimeParseException e) {
                parses = false;
            }
            assertEquals(parses, ColumnFit.problem(SqlType.timestamp(), value, Dialect.POSTGRES).isEmpty(), value);
        }
    }

    @Test
    void a_whole_number_is_an_optional_minus_and_ascii_digits() {
        for (String value : List.of("+1", "1-", "--1", "-", "１", "1 ", "0x1", "1e3")) {
            assertEquals(Optional.of("not a whole number"), ColumnFit.problem(SqlType.bigint(), value, Dialect.POSTGRES), value);
        }
        assertEquals(Optional.empty(), ColumnFit.problem(SqlType.bigint(), "-0", Dialect.POSTGRES));
    }

    @Test
    void a_timestamp_is_a_real_date_and_time_in_the_transforms_form() {
        assertEquals(Optional.empty(), ColumnFit.problem(SqlType.timestamp(), "2026-11-01 10:00:00", Dialect.POSTGRES));
        assertEquals(Optional.empty(), ColumnFit.problem(SqlType.timestamp(), "2026-11-01 10:00:00.123", Dialect.POSTGRES));
        assertEquals(Optional.of("not a timestamp of the form 2026-11-01 10:00:00"),
                ColumnFit.problem(SqlType.timestamp(), "2026-02-30 10:00:00", Dialect.POSTGRES));
        assertEquals(Optional.of("not a timestamp of the form 2026-11-01 10:00:00"),
                ColumnFit.problem(SqlType.timestamp(), "1 Nov 2026", Dialect.POSTGRES));
    }

    @Test
    void null_fits_every_column() {
        assertEquals(Optional.empty(), ColumnFit.problem(SqlType.bigint(), null, Dialect.REDSHIFT));
    }
}
