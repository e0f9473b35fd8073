package io.etl.audit;

import io.etl.audit.IdDifference.Side;
import io.etl.spec.FieldType;
import io.etl.window.Window;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdComparisonTest {

    private static final Window BUCKET = Window.of(Instant.parse("2026-10-15T00:00:00Z"), Instant.parse("2026-10-16T00:00:00Z"));

    private static List<String> compare(FieldType type, List<String> source, List<String> warehouse, Set<String> rejected, long limit) {
        return compare(type, source, Set.of(), warehouse, rejected, limit);
    }

    private static List<String> compare(FieldType type, List<String> source, Set<String> elsewhere, List<String> warehouse,
                                        Set<String> rejected, long limit) {
        List<String> found = new ArrayList<>();
        IdComparison comparison = new IdComparison(BUCKET, type, source.iterator(), elsewhere, rejected, limit,
                d -> found.add((d.side() == Side.MISSING_FROM_WAREHOUSE ? "+" : "-") + d.id()));
        for (String key : warehouse) {
            if (!comparison.warehouseKey(key)) {
                break;
            }
        }
        comparison.finish();
        return found;
    }

    @Test
    void ids_on_one_side_only_are_told_and_a_rejected_document_is_accounted_for() {
        List<String> found = compare(FieldType.OBJECT_ID, List.of("a", "b", "c", "e", "f"), Set.of("x-loaded", "x-missing", "x-rejected"),
                List.of("a", "c", "d", "f", "x-loaded"), Set.of("e", "x-rejected"), 10);

        assertEquals(List.of("+b", "-d", "+x-missing"), found, "keys of another type match by membership");
    }

    @Test
    void numbers_compare_by_value_and_texts_by_code_point() {
        assertEquals(List.of("+9", "-100"), compare(FieldType.LONG, List.of("2", "9", "10"), List.of("2", "10", "100"),
                Set.of(), 10));
        assertEquals(List.of("+\uD83D\uDE00"), compare(FieldType.STRING, List.of("B", "b", "\uFFFD", "\uD83D\uDE00"),
                List.of("B", "b", "\uFFFD"), Set.of(), 10), "a character beyond U+FFFF sorts last, as in UTF-8");
    }

    @Test
    void the_limit_stops_the_comparison() {
        assertEquals(List.of("+a", "+b"), compare(FieldType.STRING, List.of("a", "b", "c", "d"), List.of(), Set.of(), 2));
    }

    @Test
    void keys_out_of_order_stop_rather_than_report_false_differences() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> compare(FieldType.STRING, List.of("b", "a"), List.of("a", "b"), Set.of(), 10));
        assertTrue(e.getMessage().contains("gave key a after b"), e.getMessage());
    }
}
