package io.etl.warehouse;

/**
 * A column type both warehouses understand. Strings carry a length because Redshift needs one
 * ({@code VARCHAR(65535)} at most, counted in bytes).
 */
public record SqlType(Kind kind, int length) {

    public enum Kind { VARCHAR, BIGINT, DOUBLE, BOOLEAN, TIMESTAMP, DECIMAL }

    public static final int MAX_VARCHAR = 65535;

    public SqlType {
        if (kind == Kind.VARCHAR && (length < 1 || length > MAX_VARCHAR)) {
            throw new IllegalArgumentException("VARCHAR length must be 1 to " + MAX_VARCHAR + ", got " + length);
        }
    }

    public static SqlType varchar(int length) {
        return new SqlType(Kind.VARCHAR, length);
    }

    public static SqlType bigint() {
        return new SqlType(Kind.BIGINT, 0);
    }

    public static SqlType doublePrecision() {
        return new SqlType(Kind.DOUBLE, 0);
    }

    public static SqlType bool() {
        return new SqlType(Kind.BOOLEAN, 0);
    }

    public static SqlType timestamp() {
        return new SqlType(Kind.TIMESTAMP, 0);
    }

    /** DECIMAL(38, 10): Mongo's Decimal128 in a form both warehouses take. */
    public static SqlType decimal() {
        return new SqlType(Kind.DECIMAL, 0);
    }

    public String sql() {
        return switch (kind) {
            case VARCHAR -> "VARCHAR(" + length + ")";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP";
            case DECIMAL -> "DECIMAL(38,10)";
        };
    }
}
