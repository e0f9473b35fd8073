package io.etl.window;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BucketingTest {

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void buckets_follow_the_calendar_in_utc_and_the_first_and_last_are_cut_to_the_range() {
        Window range = Window.of(at("2026-01-30T12:30:00Z"), at("2026-03-02T06:00:00Z"));

        assertEquals(List.of(Window.of(at("2026-01-30T12:30:00Z"), at("2026-02-01T00:00:00Z")),
                Window.of(at("2026-02-01T00:00:00Z"), at("2026-03-01T00:00:00Z")),
                Window.of(at("2026-03-01T00:00:00Z"), at("2026-03-02T06:00:00Z"))), Bucketing.MONTH.buckets(range));
        assertEquals(3, Bucketing.MONTH.count(range));
        assertEquals(32, Bucketing.DAY.buckets(range).size());
        assertEquals(32, Bucketing.DAY.count(range));
        assertEquals(Bucketing.HOUR.buckets(range).size(), Bucketing.HOUR.count(range));
    }

    @Test
    void a_bucket_is_named_by_its_start_as_a_person_reads_it() {
        Instant instant = at("2026-10-15T13:45:10Z");

        assertEquals("2026-10-15 13:00", Bucketing.HOUR.label(instant));
        assertEquals("2026-10-15", Bucketing.DAY.label(instant));
        assertEquals("2026-10", Bucketing.MONTH.label(instant));
        assertEquals(at("2026-10-01T00:00:00Z"), Bucketing.MONTH.floor(instant));
        assertEquals(at("2026-11-01T00:00:00Z"), Bucketing.MONTH.next(instant));
        assertEquals(at("2026-10-15T14:00:00Z"), Bucketing.HOUR.next(instant));
    }
}
