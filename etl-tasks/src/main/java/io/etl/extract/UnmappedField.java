package io.etl.extract;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A field path that documents of a window have and the ETL does not declare, so that no column holds it.
 *
 * @param path      dotted through nested documents ({@code device.os}); an array is one field, whatever it holds
 * @param types     the BSON types its values had ({@link BsonTypeName}), sorted
 * @param documents how many documents of the window had it
 * @param exampleId the {@code _id} of one of them, as text
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UnmappedField(String path, List<String> types, long documents, String exampleId) {

    public UnmappedField {
        types = List.copyOf(types);
    }
}
