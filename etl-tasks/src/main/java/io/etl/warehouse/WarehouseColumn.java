package io.etl.warehouse;

import java.util.Locale;
import java.util.Optional;

/**
 * A column as the warehouse's {@code information_schema.columns} describes it, which both warehouses answer alike.
 *
 * @param length the most characters (PostgreSQL) or bytes (Redshift) of a string column; 0 for other types
 */
record WarehouseColumn(String name, String dataType, int length) {

    /** The type, if it is one an ETL can declare. */
    Optional<SqlType> type() {
        return Optional.ofNullable(switch (dataType.toLowerCase(Locale.ROOT)) {
            case "character varying" -> SqlType.varchar(length);
            case "bigint" -> SqlType.bigint();
            case "double precision" -> SqlType.doublePrecision();
            case "boolean" -> SqlType.bool();
            case "timestamp without time zone" -> SqlType.timestamp();
            case "numeric" -> SqlType.decimal();
            default -> null;
        });
    }

    /** As a user would write it: {@code VARCHAR(256)}, or the warehouse's own name of a type no ETL declares. */
    String describe() {
        return type().map(SqlType::sql).orElse(dataType.toUpperCase(Locale.ROOT));
    }
}
