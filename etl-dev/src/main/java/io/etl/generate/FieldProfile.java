package io.etl.generate;

import io.etl.extract.BsonText;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What the sample showed of one field path: its types, how often it had a value, its longest text, its arrays. */
final class FieldProfile {

    private final String path;
    private final Set<ValueType> types = EnumSet.noneOf(ValueType.class);
    private final Set<ValueType> elementTypes = EnumSet.noneOf(ValueType.class);
    private long values;
    private int maxBytes;
    private int maxArrayLength;
    private int maxElementBytes;

    FieldProfile(String path) {
        this.path = path;
    }

    /** One document's value at the path; null when the path is missing or null there. */
    void add(Object value) {
        if (value == null) {
            return;
        }
        values++;
        ValueType type = ValueType.of(value);
        types.add(type);
        maxBytes = Math.max(maxBytes, bytes(value));
        if (value instanceof List<?> array) {
            maxArrayLength = Math.max(maxArrayLength, array.size());
            for (Object element : array) {
                if (element != null) {
                    elementTypes.add(ValueType.of(element));
                    maxElementBytes = Math.max(maxElementBytes, bytes(element));
                }
            }
        }
    }

    String path() {
        return path;
    }

    /** Only sub-documents (or nulls): its fields become columns of their own. */
    boolean isDocument() {
        return types.equals(EnumSet.of(ValueType.DOCUMENT));
    }

    /** Only arrays whose elements are all scalars: they can be spread over columns. */
    boolean isScalarArray() {
        return types.equals(EnumSet.of(ValueType.ARRAY)) && !elementTypes.contains(ValueType.DOCUMENT)
                && !elementTypes.contains(ValueType.ARRAY);
    }

    ColumnType type() {
        return ColumnType.of(types);
    }

    ColumnType elementType() {
        return ColumnType.of(elementTypes);
    }

    Set<ValueType> types() {
        return Set.copyOf(types);
    }

    /** It had a value in each of the sampled documents. */
    boolean alwaysPresent(long documents) {
        return values == documents;
    }

    int maxBytes() {
        return maxBytes;
    }

    int maxArrayLength() {
        return maxArrayLength;
    }

    int maxElementBytes() {
        return maxElementBytes;
    }

    /** The length of the text the extract writes for the value, in UTF-8 bytes as Redshift counts. */
    private static int bytes(Object value) {
        return BsonText.of(value).getBytes(StandardCharsets.UTF_8).length;
    }
}
