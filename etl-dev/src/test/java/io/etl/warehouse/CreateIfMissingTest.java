package io.etl.warehouse;

import io.etl.testing.LocalWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two loads creating the tables they share at the same moment (the ETLs of {@code etl run all} on a new warehouse):
 * the one that waited on the other's creation fails on PostgreSQL's catalog, and the second attempt finds it made.
 */
class CreateIfMissingTest {

    @RegisterExtension
    static final LocalWarehouse POSTGRES = new LocalWarehouse();

    private static final String CREATE = "CREATE TABLE IF NOT EXISTS shared (etl VARCHAR(64))";

    @Test
    void a_creation_that_raced_another_one_finds_the_table_made_by_it() throws Exception {
        try (Connection first = DriverManager.getConnection(POSTGRES.jdbcUrl());
             Connection second = DriverManager.getConnection(POSTGRES.jdbcUrl())) {
            first.setAutoCommit(false);
            try (Statement create = first.createStatement()) {
                create.execute(CREATE);
            }
            CompletableFuture<Void> racing = CompletableFuture.runAsync(() -> createIfMissing(second));
            Thread.sleep(500);
            assertFalse(racing.isDone(), "the second creation waits on the first one's catalog rows");
            first.commit();
            racing.get(30, TimeUnit.SECONDS);
            try (Statement query = second.createStatement(); ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM shared")) {
                assertTrue(rows.next());
                assertEquals(0, rows.getLong(1));
            }
        }
    }

    @Test
    void a_plain_statement_in_the_same_race_fails_which_is_why_it_is_tried_again() throws Exception {
        try (Connection first = DriverManager.getConnection(POSTGRES.jdbcUrl());
             Connection second = DriverManager.getConnection(POSTGRES.jdbcUrl())) {
            String create = CREATE.replace("shared", "shared_plain");
            first.setAutoCommit(false);
            try (Statement statement = first.createStatement()) {
                statement.execute(create);
            }
            CompletableFuture<SQLException> racing = CompletableFuture.supplyAsync(() -> assertThrows(SQLException.class, () -> {
                try (Statement statement = second.createStatement()) {
                    statement.execute(create);
                }
            }));
            Thread.sleep(500);
            first.commit();
            assertEquals("23505", racing.get(30, TimeUnit.SECONDS).getSQLState(), "a duplicate key in the catalog");
        }
    }

    private static void createIfMissing(Connection connection) {
        try {
            CreateIfMissing.run(connection, CREATE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
