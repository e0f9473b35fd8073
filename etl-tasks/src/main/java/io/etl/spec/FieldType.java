package io.etl.spec;

/**
 * What a column holds in the warehouse. The extract writes every value by its actual BSON type (Mongo does not
 * enforce one); this is the type the ETL promises downstream, from which the table's DDL is derived.
 */
public enum FieldType {
    /** An ObjectId, written as its 24 hex digits. */
    OBJECT_ID,
    STRING,
    LONG,
    DOUBLE,
    /** A Decimal128, written as its text: {@code 12.50}. */
    DECIMAL,
    BOOLEAN,
    /** A date, written as UTC ISO-8601 with milliseconds: {@code 2026-11-01T10:00:00.000Z}. */
    TIMESTAMP,
    /** An array or sub-document, written as JSON text. */
    JSON
}
