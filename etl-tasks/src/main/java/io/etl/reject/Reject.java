package io.etl.reject;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A document that could not be loaded, and why: kept in the lake with its window and loaded into the warehouse's
 * {@code etl_rejects} table in the same transaction as the window's rows.
 *
 * @param documentId the document's key, as text; null when the key itself is missing
 * @param field      where the problem is: the document's field (a type the declaration does not allow) or the
 *                   table's column (a value the column cannot hold)
 * @param reason     what is wrong, without the value, so that rejects group by it
 * @param value      the start of the offending value ({@value #VALUE_EXCERPT} characters at most)
 * @param document   the fields the ETL reads of the document, as JSON; null when it could not be found
 * @param cursor     the document's cursor value, which puts it in an audit's bucket; null when it could not be found
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Reject(String documentId, String field, String reason, String value, String document, Instant cursor) {

    public static final int VALUE_EXCERPT = 120;

    /**
     * The columns the extract adds after the ETL's fields: the field, reason and value of the first problem a
     * document has, or NULL in all three. Named for the transform's generated Pig.
     */
    public static final List<String> EXTRACT_COLUMNS = List.of("etl_reject_field", "etl_reject_reason", "etl_reject_value");

    /** The start of a value, as a reject shows it; null stays null. */
    public static String excerpt(String value) {
        if (value == null || value.length() <= VALUE_EXCERPT) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(VALUE_EXCERPT - 1)) ? VALUE_EXCERPT - 1 : VALUE_EXCERPT;
        return value.substring(0, end) + "…";
    }

    /** "field: reason", what a summary groups and counts. */
    public String cause() {
        return field + ": " + reason;
    }

    public Reject withDocument(String document, Instant cursor) {
        return new Reject(documentId, field, reason, value, document, cursor);
    }
}
