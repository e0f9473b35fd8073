package io.etl.generate;

import io.etl.warehouse.SqlType;

/**
 * How long a text column is made: the next power of two at least twice the longest value sampled (in UTF-8 bytes,
 * as Redshift counts), at least {@value #MIN} and at most {@link SqlType#MAX_VARCHAR}; the headroom is for the
 * values the sample did not see.
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
