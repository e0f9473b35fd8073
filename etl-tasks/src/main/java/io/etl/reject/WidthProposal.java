package io.etl.reject;

import io.etl.warehouse.VarcharLength;
import io.etl.warehouse.SqlType;
import io.etl.warehouse.TooLong;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A wider VARCHAR for a column whose values a window rejected as too long: the width {@code etl generate} gives a
 * text column ({@link VarcharLength}: twice the widest value, up to a power of two), since the values just rejected
 * show what the source now writes and a width that fits only the widest of them would reject the next one a little
 * longer. Lengths are in the warehouse's unit: bytes on Redshift, characters on PostgreSQL.
 *
 * @param values how many values were rejected for being too long for it
 */
public record WidthProposal(String column, int declared, int proposed, long values, int widest, String unit) {

    /** The proposals for a window's rejects ({@link RejectSummary#byCause()}), the column with the most first. */
    public static List<WidthProposal> of(Map<String, Long> rejectsByCause) {
        Map<String, WidthProposal> byColumn = new LinkedHashMap<>();
        rejectsByCause.forEach((cause, count) -> tooLong(cause).ifPresent(tooLong -> byColumn.merge(column(cause),
                proposal(column(cause), tooLong, count), WidthProposal::plus)));
        return byColumn.values().stream()
                .sorted(Comparator.comparingLong(WidthProposal::values).reversed().thenComparing(WidthProposal::column)).toList();
    }

    /** A cause is "column: reason", and a column's name holds no colon. */
    private static String column(String cause) {
        return cause.substring(0, cause.indexOf(": "));
    }

    private static Optional<TooLong> tooLong(String cause) {
        int colon = cause.indexOf(": ");
        return colon < 0 ? Optional.empty() : TooLong.in(cause.substring(colon + 2));
    }

    private static WidthProposal proposal(String column, TooLong tooLong, long values) {
        return new WidthProposal(column, tooLong.declared(), VarcharLength.forMaxBytes(tooLong.actual()), values,
                tooLong.actual(), tooLong.unit());
    }

    private WidthProposal plus(WidthProposal other) {
        return new WidthProposal(column, declared, Math.max(proposed, other.proposed), values + other.values,
                Math.max(widest, other.widest), unit);
    }

    /** {@code note_text VARCHAR(256) → VARCHAR(2048) would fit 3 rejected values (widest 731 bytes)}. */
    public String line() {
        String rejected = String.format(Locale.ROOT, "%,d rejected value%s (widest %,d %s", values, values == 1 ? "" : "s", widest, unit);
        if (widest > SqlType.MAX_VARCHAR) {
            return column + " VARCHAR(" + declared + "): no VARCHAR fits " + rejected + ", at most " + SqlType.MAX_VARCHAR
                    + "): shorten the value in the Pig script or leave the field out";
        }
        return column + " VARCHAR(" + declared + ") → VARCHAR(" + proposed + ") would fit " + rejected + ")";
    }
}
