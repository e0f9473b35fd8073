package io.etl.spec;

/**
 * What a field of the source holds, as the ETL declares it. MongoDB enforces no type, so the extract converts each
 * value to the text of its declared type, and a document whose value cannot be that type is rejected with the field
 * and the reason, never loaded as something else.
 */
public enum FieldType {
    /** An ObjectId, written as its 24 hex digits; any other single value is written as its text. */
    OBJECT_ID,
    /** Text; any other single value is written as its text (a number as its digits, a date in ISO-8601). */
    STRING,
    /** A whole number: an int, a long, or a double or decimal with no fraction. */
    LONG,
    /** Any finite number. */
    DOUBLE,
    /** A Decimal128 or any number, written as its plain text: {@code 12.50}. */
    DECIMAL,
    BOOLEAN,
    /** A date, written as UTC ISO-8601 with milliseconds: {@code 2026-11-01T10:00:00.000Z}. */
    TIMESTAMP,
    /** An array, written as JSON text, for a transform to spread over columns; anything else is rejected. */
    ARRAY,
    /** Any value as JSON text: an array or sub-document as it is, a string quoted. */
    JSON
}
