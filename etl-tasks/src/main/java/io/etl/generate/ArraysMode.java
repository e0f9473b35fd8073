package io.etl.generate;

/** What becomes of an array of scalars; an array of documents is always JSON text. */
public enum ArraysMode {
    /** Its first elements as the columns {@code name_1 … name_N} (the {@code ArrayColumns} UDF). */
    COLUMNS,
    /** The whole array as one JSON text column. */
    JSON
}
