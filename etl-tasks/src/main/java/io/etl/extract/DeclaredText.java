package io.etl.extract;

import io.etl.spec.FieldType;
import io.etl.window.Window;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.BSONObject;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * A document's value as the text of the type its field is declared with ({@link FieldType}), or the reason it
 * cannot be that type. A value is converted only where nothing of it is lost: {@code 17.0} is the whole number 17,
 * {@code 17.5} is not.
 */
public final class DeclaredText {

    private static final double LONG_BOUND = 0x1p63;

    private DeclaredText() {
    }

    /**
     * A document's key as the warehouse holds it; a key that does not fit its type (its document is rejected) as
     * the extract shows it.
     */
    public static String key(FieldType type, Object value) {
        try {
            return of(type, value);
        } catch (TypeMismatch e) {
            return BsonText.of(value);
        }
    }

    /** @param value a non-null BSON value */
    static String of(FieldType type, Object value) throws TypeMismatch {
        return switch (type) {
            case OBJECT_ID, STRING -> single(value);
            case LONG -> wholeNumber(value);
            case DOUBLE -> number(value);
            case DECIMAL -> decimal(value);
            case BOOLEAN -> {
                if (value instanceof Boolean) {
                    yield value.toString();
                }
                throw TypeMismatch.expected("true or false", value);
            }
            case TIMESTAMP -> date(value);
            case ARRAY -> {
                if (value instanceof List<?>) {
                    yield BsonText.of(value);
                }
                throw TypeMismatch.expected("an array", value);
            }
            case JSON -> BsonText.json(value);
        };
    }

    private static String single(Object value) throws TypeMismatch {
        if (value instanceof List<?> || value instanceof BSONObject) {
            throw TypeMismatch.expected("a single value", value);
        }
        return BsonText.of(value);
    }

    private static String wholeNumber(Object value) throws TypeMismatch {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Double d && Double.isFinite(d) && d == Math.rint(d)) {
            if (Math.abs(d) >= LONG_BOUND) {
                throw new TypeMismatch("a whole number beyond the range of BIGINT");
            }
            return Long.toString(d.longValue());
        }
        if (value instanceof Decimal128 decimal && !decimal.isNaN() && !decimal.isInfinite()) {
            BigDecimal exact = decimal.bigDecimalValue().stripTrailingZeros();
            try {
                return Long.toString(exact.longValueExact());
            } catch (ArithmeticException notWholeOrTooLarge) {
                throw new TypeMismatch(exact.scale() > 0 ? "expected a whole number, got a fraction"
                        : "a whole number beyond the range of BIGINT");
            }
        }
        if (value instanceof Double) {
            throw new TypeMismatch("expected a whole number, got a fraction");
        }
        throw TypeMismatch.expected("a whole number", value);
    }

    private static String number(Object value) throws TypeMismatch {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new TypeMismatch("expected a finite number, got " + d);
            }
            return d.toString();
        }
        if (value instanceof Decimal128 decimal && !decimal.isNaN() && !decimal.isInfinite()) {
            return decimal.bigDecimalValue().toString();
        }
        throw TypeMismatch.expected("a number", value);
    }

    private static String decimal(Object value) throws TypeMismatch {
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof Decimal128 decimal && !decimal.isNaN() && !decimal.isInfinite()) {
            return decimal.bigDecimalValue().toPlainString();
        }
        return number(value);
    }

    private static String date(Object value) throws TypeMismatch {
        if (!(value instanceof Date date)) {
            throw TypeMismatch.expected("a date", value);
        }
        Instant instant = date.toInstant();
        if (instant.isBefore(Window.BEGINNING) || !instant.isBefore(Window.END)) {
            throw new TypeMismatch("a date outside the years 1 to 9999");
        }
        return BsonText.of(value);
    }

    /** What a value is, for a reason a person reads: "a string", "an array". */
    static String kind(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Integer || value instanceof Long) {
            return "a whole number";
        }
        if (value instanceof Double || value instanceof Decimal128) {
            return "a number";
        }
        if (value instanceof Date) {
            return "a date";
        }
        if (value instanceof ObjectId) {
            return "an ObjectId";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof BSONObject) {
            return "a document";
        }
        if (value instanceof Binary || value instanceof byte[]) {
            return "binary data";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
