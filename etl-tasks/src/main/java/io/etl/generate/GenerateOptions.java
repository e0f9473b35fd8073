package io.etl.generate;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How {@code etl generate} samples and shapes the ETL.
 *
 * @param sampleSize   how many documents are read (the newest by {@code _id})
 * @param arrayColumns how many columns an array of scalars becomes; without it, the longest array seen, at most
 *                     {@value #DEFAULT_MAX_ARRAY_COLUMNS}
 * @param cursor       the cursor field's path, when the collection's indexes do not name exactly one date field
 */
public record GenerateOptions(int sampleSize, ArraysMode arrays, OptionalInt arrayColumns, Optional<String> cursor) {

    public static final int DEFAULT_SAMPLE_SIZE = 1_000;
    public static final int DEFAULT_MAX_ARRAY_COLUMNS = 10;

    public GenerateOptions {
        if (sampleSize < 1) {
            throw new GenerateException("--sample must be at least 1, got " + sampleSize);
        }
        if (arrayColumns.isPresent() && arrayColumns.getAsInt() < 1) {
            throw new GenerateException("--array-columns must be at least 1, got " + arrayColumns.getAsInt());
        }
    }

    public static GenerateOptions defaults() {
        return new GenerateOptions(DEFAULT_SAMPLE_SIZE, ArraysMode.COLUMNS, OptionalInt.empty(), Optional.empty());
    }

    int columnsFor(int longestArray) {
        return arrayColumns.orElse(Math.max(1, Math.min(longestArray, DEFAULT_MAX_ARRAY_COLUMNS)));
    }
}
