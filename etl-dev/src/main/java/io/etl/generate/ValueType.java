package io.etl.generate;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.BSONObject;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/** The BSON type of one sampled value, as the driver decodes it for the extract. */
enum ValueType {
    STRING, INT, LONG, DOUBLE, DECIMAL, BOOLEAN, DATE, OBJECT_ID, DOCUMENT, ARRAY,
    /** Binary, timestamps, regular expressions…: the extract writes their text. */
    OTHER;

    /** The scalar types by the class the driver decodes them to (the exact classes it decodes to). */
    private static final Map<Class<?>, ValueType> SCALARS = Map.of(String.class, STRING, Integer.class, INT,
            Long.class, LONG, Double.class, DOUBLE, Decimal128.class, DECIMAL, Boolean.class, BOOLEAN, Date.class, DATE,
            ObjectId.class, OBJECT_ID);

    /** @param value not null */
    static ValueType of(Object value) {
        if (value instanceof List<?>) {
            return ARRAY; // before BSONObject: the driver's arrays are both
        }
        if (value instanceof BSONObject) {
            return DOCUMENT;
        }
        return SCALARS.getOrDefault(value.getClass(), OTHER);
    }
}
