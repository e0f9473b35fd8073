package io.etl.parameter;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterTest {

    enum Mode { INCREMENTAL, FULL_REFRESH }

    static final Parameter<LocalDate> DATE = Parameter.date("date").describedAs("day to load");
    static final Parameter<Integer> LIMIT = Parameter.integer("limit").withDefault(100);
    static final Parameter<Instant> SINCE = Parameter.instant("since").asOptional();
    static final Parameter<Duration> LOOKBACK = Parameter.duration("lookback").withDefault(Duration.ZERO);
    static final Parameter<Mode> MODE = Parameter.enumeration("mode", Mode.class).withDefault(Mode.INCREMENTAL);
    static final Parameter<Boolean> VERBOSE = Parameter.flag("verbose").insignificant();
    static final Parameter<Long> BATCH = Parameter.longInteger("batch").withDefault(1L);
    static final Parameter<String> TABLE = Parameter.string("table").withDefault("events");

    static final List<Parameter<?>> ALL = List.of(DATE, LIMIT, SINCE, LOOKBACK, MODE, VERBOSE, BATCH, TABLE);

    @Test
    void every_type_reads_the_forms_people_type() {
        ParameterValues values = ParameterValues.builder(ALL)
                .parse("date", "2026-11-22")
                .parse("limit", " 7 ")
                .parse("since", "2026-11-01 10:30")
                .parse("lookback", "1h30m")
                .parse("mode", "full-refresh")
                .parse("verbose", "yes")
                .parse("batch", "5000000000")
                .parse("table", "actions taken")
                .build();

        assertEquals(LocalDate.of(2026, 11, 22), values.get(DATE));
        assertEquals(7, values.get(LIMIT));
        assertEquals(Instant.parse("2026-11-01T10:30:00Z"), values.get(SINCE));
        assertEquals(Duration.ofMinutes(90), values.get(LOOKBACK));
        assertEquals(Mode.FULL_REFRESH, values.get(MODE));
        assertEquals(true, values.get(VERBOSE));
        assertEquals(5_000_000_000L, values.get(BATCH));
        assertEquals("actions taken", values.get(TABLE));
    }

    @Test
    void instants_accept_a_date_alone_as_midnight_utc_and_durations_accept_iso() {
        assertEquals(Instant.parse("2026-11-22T00:00:00Z"), SINCE.parse("2026-11-22"));
        assertEquals(Instant.parse("2026-11-22T05:00:00Z"), SINCE.parse("2026-11-22T06:00:00+01:00"));
        assertEquals(Duration.ofDays(2), LOOKBACK.parse("2d"));
        assertEquals(Duration.ofHours(1), LOOKBACK.parse("PT1H"));
        assertEquals(Duration.ofMillis(1500), LOOKBACK.parse("1s500ms"));
    }

    @Test
    void defaults_apply_and_optional_values_may_be_missing() {
        ParameterValues values = ParameterValues.builder(ALL).set(DATE, LocalDate.of(2026, 1, 1)).build();

        assertEquals(100, values.get(LIMIT));
        assertTrue(values.find(SINCE).isEmpty());
        assertEquals(false, values.get(VERBOSE));
    }

    @Test
    void identity_is_canonical_and_leaves_out_insignificant_values() {
        ParameterValues typed = ParameterValues.builder(ALL).parse("date", "2026-11-22").parse("lookback", "90m")
                .parse("verbose", "true").build();
        ParameterValues spelledOtherwise = ParameterValues.builder(ALL).parse("date", "2026-11-22").parse("lookback", "PT1H30M")
                .build();

        assertEquals("date=2026-11-22, limit=100, lookback=PT1H30M, mode=incremental, batch=1, table=events", typed.identity());
        assertEquals(typed.identity(), spelledOtherwise.identity());
    }

    @Test
    void a_missing_required_value_is_named_with_an_example() {
        ParameterException e = assertThrows(ParameterException.class, () -> ParameterValues.builder(ALL).build());

        assertEquals("missing required parameter --date (date, e.g. 2026-11-22)", e.getMessage());
    }

    @Test
    void a_malformed_value_is_named_with_the_expected_form() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> ParameterValues.builder(ALL).parse("date", "22/11/2026"));

        assertEquals("--date: expected date like 2026-11-22, got '22/11/2026'", e.getMessage());
        assertEquals("--mode: expected incremental|full_refresh like incremental, got 'sometimes'",
                assertThrows(ParameterException.class, () -> MODE.parse("sometimes")).getMessage());
        assertThrows(ParameterException.class, () -> LOOKBACK.parse("1 hour"));
    }

    @Test
    void an_unknown_parameter_is_named_with_the_known_ones() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> ParameterValues.builder(List.of(DATE, LIMIT)).parse("dat", "2026-11-22"));

        assertEquals("unknown parameter --dat; known: --date, --limit", e.getMessage());
    }

    @Test
    void names_must_be_command_line_words() {
        assertThrows(IllegalArgumentException.class, () -> Parameter.string("Full_Refresh"));
        assertThrows(IllegalArgumentException.class, () -> ParameterValues.builder(List.of(DATE, Parameter.date("date"))));
    }
}
