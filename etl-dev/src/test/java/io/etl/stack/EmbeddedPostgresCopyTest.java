package io.etl.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/** zonky embedded PostgreSQL + pgjdbc CopyManager (COPY FROM STDIN in text format). */
class EmbeddedPostgresCopyTest {
    @TempDir Path tmp;

    @Test
    void copyFromStdinLoadsRows() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(tmp.resolve("pgdata")).setCleanDataDirectory(true).start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            // redshift-jdbc42 is on the classpath too: jdbc:postgresql: URLs must still go to pgjdbc
            assertInstanceOf(org.postgresql.Driver.class, DriverManager.getDriver(url));
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE actions (id bigint, action text, at timestamp)");
                String tsv = "1\tclick\t2024-01-01 00:00:00\n"
                        + "2\ttab\\there\t2024-01-01 01:00:00\n"      // escaped tab in a value
                        + "3\t\\N\t2024-01-01 02:00:00\n";            // NULL
                long n = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY actions FROM STDIN WITH (FORMAT text)", new StringReader(tsv));
                assertEquals(3, n);
                try (ResultSet rs = st.executeQuery("SELECT count(*), count(action), max(action) FROM actions")) {
                    rs.next();
                    assertEquals(3, rs.getLong(1));
                    assertEquals(2, rs.getLong(2));
                    assertEquals("tab\there", rs.getString(3));
                }
            }
        }
    }
}
