package io.etl.extract;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.BSONObject;
import org.bson.types.BSONTimestamp;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.CodeWScope;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.bson.types.Symbol;

/** A value's BSON type as MongoDB names it in {@code $type} ("string", "int", "objectId"…), for a person to read. */
final class BsonTypeName {

    /** By the exact class the driver decodes each type to. */
    private static final Map<Class<?>, String> NAMES = Map.ofEntries(Map.entry(String.class, "string"),
            Map.entry(Integer.class, "int"), Map.entry(Long.class, "long"), Map.entry(Double.class, "double"),
            Map.entry(Decimal128.class, "decimal"), Map.entry(Boolean.class, "bool"), Map.entry(Date.class, "date"),
            Map.entry(ObjectId.class, "objectId"), Map.entry(Binary.class, "binData"), Map.entry(byte[].class, "binData"),
            Map.entry(UUID.class, "binData"), Map.entry(BSONTimestamp.class, "timestamp"), Map.entry(Pattern.class, "regex"),
            Map.entry(Code.class, "javascript"), Map.entry(CodeWScope.class, "javascriptWithScope"),
            Map.entry(Symbol.class, "symbol"), Map.entry(MinKey.class, "minKey"), Map.entry(MaxKey.class, "maxKey"));

    private BsonTypeName() {
    }

    static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?>) {
            return "array"; // before BSONObject: the driver's arrays are both
        }
        if (value instanceof BSONObject) {
            return "object";
        }
        return NAMES.getOrDefault(value.getClass(), value.getClass().getSimpleName());
    }
}
