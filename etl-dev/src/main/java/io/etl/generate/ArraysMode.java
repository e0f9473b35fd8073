package io.etl.generate;

/** What becomes of an array of scalars; an array of documents is always JSON text. */
public enum ArraysMode {
    /**
     * Its first elements as the columns {@code name_1 … name_N} (the {@code ArrayColumns} UDF); the elements past
     * them are counted in {@code array_elements_dropped}.
     */
    COLUMNS,
    /** As {@link #COLUMNS}, and the elements past them kept as a JSON array in the column {@code name_rest}. */
    COLUMNS_AND_REST,
    /** The whole array as one JSON text column. */
    JSON
}
