package io.etl.warehouse;

/**
 * How long a text column is made for the longest value seen (by {@code etl generate} in its sample, by a reject's
 * width proposal): the next power of two at least twice it (in UTF-8 bytes, as Redshift counts), at least
 * {@value #MIN} and at most {@link SqlType#MAX_VARCHAR}; the headroom is for the values not seen.
 */
public final class VarcharLength {

    static final int MIN = 16;

    private VarcharLength() {
    }

    public static int forMaxBytes(int maxBytes) {
        long wanted = Math.max(MIN, 2L * maxBytes);
        long power = Long.highestOneBit(wanted) == wanted ? wanted : Long.highestOneBit(wanted) << 1;
        return (int) Math.min(power, SqlType.MAX_VARCHAR);
    }
}
