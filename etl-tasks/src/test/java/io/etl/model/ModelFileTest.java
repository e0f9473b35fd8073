package io.etl.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a model's file says: its query, what it declares it reads, and the tables its FROM and JOIN name. */
class ModelFileTest {

    @TempDir
    Path folder;

    private ModelFile read(String sql) throws IOException {
        return ModelFile.read(Files.writeString(folder.resolve("daily.sql"), sql));
    }

    @Test
    void the_tables_after_from_and_join_are_its_references_not_those_in_comments_or_strings() throws IOException {
        ModelFile file = read("""
                -- counts FROM comments
                SELECT a.user_id, 'FROM quoted' AS text /* JOIN hidden */
                FROM raw.actions_taken a
                LEFT JOIN "Daily Totals" t ON t.user_id = a.user_id
                JOIN public."users" u ON u.id = a.user_id
                WHERE a.user_id IN (SELECT user_id FROM Blocked)
                """);

        assertEquals(List.of("actions_taken", "Daily Totals", "users", "blocked"), file.references());
        assertEquals(Optional.empty(), file.reads());
    }

    @Test
    void a_reads_line_among_the_comments_before_the_query_declares_its_inputs() throws IOException {
        assertEquals(Optional.of(List.of("actions_taken", "daily_users")),
                read("-- Daily actions\n--reads: actions_taken, daily_users\nSELECT 1 FROM x").reads());
        assertEquals(Optional.empty(), read("SELECT 1 FROM x\n-- reads: actions_taken").reads());
    }

    @Test
    void the_query_is_the_text_up_to_its_closing_semicolon_so_positions_in_it_are_the_files() throws IOException {
        assertEquals("-- reads: x\nWITH d AS (SELECT 1 AS n FROM x)\nSELECT n FROM d",
                read("-- reads: x\nWITH d AS (SELECT 1 AS n FROM x)\nSELECT n FROM d ;  -- done\n\n").select());
    }
}
