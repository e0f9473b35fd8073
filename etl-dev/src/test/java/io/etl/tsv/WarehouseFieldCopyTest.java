package io.etl.tsv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.etl.warehouse.EmbeddedWarehouse;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/** The warehouse form against a real PostgreSQL: what its text COPY reads back from each awkward value. */
class WarehouseFieldCopyTest {

    @TempDir
    Path tmp;

    @Test
    void postgresql_copy_reads_every_awkward_value_back_from_its_warehouse_field() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < TsvTest.AWKWARD.size(); i++) {
            rows.append(i).append('\t').append(Tsv.warehouseField(Tsv.value(Tsv.field(TsvTest.AWKWARD.get(i))))).append('\n');
        }

        List<String> loaded = new ArrayList<>();
        try (EmbeddedWarehouse postgres = EmbeddedWarehouse.start(tmp.resolve("pg"));
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TEMP TABLE awkward (n int, value text)");
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY awkward FROM STDIN", new StringReader(rows.toString()));
            try (ResultSet values = sql.executeQuery("SELECT value FROM awkward ORDER BY n")) {
                while (values.next()) {
                    loaded.add(values.getString(1));
                }
            }
        }

        assertEquals(TsvTest.AWKWARD.stream().map(TsvTest::storable).toList(), loaded);
    }
}
