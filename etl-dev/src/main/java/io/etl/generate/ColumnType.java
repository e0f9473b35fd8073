package io.etl.generate;

import io.etl.spec.FieldType;
import io.etl.warehouse.SqlType;
import io.etl.warehouse.VarcharLength;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a column holds, decided from every type its field had in the sample. Mixed types resolve to the narrowest
 * type that still holds every value: int and long are long; int or long with double is double; int or long with
 * decimal is decimal; a document or array with anything is JSON text; any other mix is string.
 */
enum ColumnType {
    STRING(FieldType.STRING), LONG(FieldType.LONG), DOUBLE(FieldType.DOUBLE), DECIMAL(FieldType.DECIMAL),
    BOOLEAN(FieldType.BOOLEAN), TIMESTAMP(FieldType.TIMESTAMP), OBJECT_ID(FieldType.OBJECT_ID), JSON(FieldType.JSON);

    private static final Set<ValueType> INTEGERS = EnumSet.of(ValueType.INT, ValueType.LONG);

    final FieldType fieldType;

    ColumnType(FieldType fieldType) {
        this.fieldType = fieldType;
    }

    /** @param seen the types of the field's non-null values; none means only nulls were seen (a string) */
    static ColumnType of(Set<ValueType> seen) {
        if (seen.contains(ValueType.DOCUMENT) || seen.contains(ValueType.ARRAY)) {
            return JSON;
        }
        if (!seen.isEmpty() && INTEGERS.containsAll(seen)) {
            return LONG;
        }
        if (seen.size() == 1) {
            return single(seen.iterator().next());
        }
        if (seen.size() > 1 && withIntegers(ValueType.DOUBLE).containsAll(seen)) {
            return DOUBLE;
        }
        if (seen.size() > 1 && withIntegers(ValueType.DECIMAL).containsAll(seen)) {
            return DECIMAL;
        }
        return STRING;
    }

    /** The warehouse type; {@code maxBytes} sizes text columns. */
    SqlType sqlType(int maxBytes) {
        return switch (this) {
            case LONG -> SqlType.bigint();
            case DOUBLE -> SqlType.doublePrecision();
            case DECIMAL -> SqlType.decimal();
            case BOOLEAN -> SqlType.bool();
            case TIMESTAMP -> SqlType.timestamp();
            case OBJECT_ID -> SqlType.varchar(24);
            case STRING, JSON -> SqlType.varchar(VarcharLength.forMaxBytes(maxBytes));
        };
    }

    private static ColumnType single(ValueType type) {
        return switch (type) {
            case DOUBLE -> DOUBLE;
            case DECIMAL -> DECIMAL;
            case BOOLEAN -> BOOLEAN;
            case DATE -> TIMESTAMP;
            case OBJECT_ID -> OBJECT_ID;
            default -> STRING;
        };
    }

    private static Set<ValueType> withIntegers(ValueType type) {
        Set<ValueType> types = EnumSet.copyOf(INTEGERS);
        types.add(type);
        return types;
    }
}
