package io.etl.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.etl.warehouse.Dialect;
import io.etl.warehouse.SqlType;
import io.etl.warehouse.Table;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class RowContractTest {

    private static final Table TABLE = Table.named("orders").column("id", SqlType.varchar(24))
            .column("Order Date \"local\"", SqlType.timestamp()).column("total", SqlType.decimal())
            .key("id").cursor("Order Date \"local\"").build();

    @Test
    void travels_as_one_pig_literal_and_arrives_whole_whatever_the_column_names_hold() {
        RowContract contract = RowContract.of(TABLE, Dialect.REDSHIFT);

        String encoded = contract.encoded();

        assertEquals(contract, RowContract.decode(encoded));
        assertEquals(-1, encoded.indexOf('\''), "no quote to end the literal early");
    }

    @Test
    void rows_must_be_the_tables_columns_in_order_named_as_pig_names_them() {
        RowContract contract = RowContract.of(TABLE, Dialect.POSTGRES);

        contract.check(List.of("id", "order_date__local_", "parts::total"));
        assertEquals("rows must have the table's columns in order (id, order_date__local_, total), but it has no field 3, total",
                assertThrows(RowContract.Mismatch.class, () -> contract.check(List.of("id", "order_date__local_"))).getMessage());
        assertEquals("rows must have the table's columns in order (id, order_date__local_, total), but Pig does not know its "
                + "fields' names: name them with AS", assertThrows(RowContract.Mismatch.class, () -> contract.check(null)).getMessage());
        assertEquals("rows must have the table's columns in order (id, order_date__local_, total), but field 2 is (unnamed) "
                + "where the table has order_date__local_",
                assertThrows(RowContract.Mismatch.class, () -> contract.check(Arrays.asList("id", null, "total"))).getMessage());
    }
}
