package io.etl.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.etl.parameter.ParameterException;
import io.etl.parameter.ParameterValues;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class WindowTest {

    private static final Instant LOWER = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant UPPER = Instant.parse("2026-11-22T01:00:00Z");

    @Test
    void is_named_in_paths_by_its_bounds_in_compact_utc() {
        assertEquals("20261101T000000Z_20261122T010000Z", Window.of(LOWER, UPPER).pathName());
    }

    @Test
    void bounds_with_fractions_of_a_second_keep_them_in_the_name() {
        assertEquals("20261101T000000.25Z_20261122T010000Z", Window.of(LOWER.plusMillis(250), UPPER).pathName());
    }

    @Test
    void an_empty_or_reversed_window_is_refused_naming_both_parameters() {
        ParameterValues reversed = ParameterValues.builder(List.of(WindowParameters.LOWER, WindowParameters.UPPER))
                .set(WindowParameters.LOWER, UPPER).set(WindowParameters.UPPER, LOWER).build();

        ParameterException error = assertThrows(ParameterException.class, () -> WindowParameters.window(reversed));
        assertEquals("--lower 2026-11-22T01:00:00Z must be before --upper 2026-11-01T00:00:00Z", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Window.of(LOWER, LOWER));
    }
}
