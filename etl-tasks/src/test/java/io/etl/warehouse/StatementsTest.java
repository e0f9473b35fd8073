package io.etl.warehouse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatementsTest {

    private static final Table AWKWARD = Table.named("Actions \"Taken\"").schema("bi")
            .column("id", SqlType.varchar(24))
            .column("select", SqlType.bigint())
            .column("when", SqlType.timestamp())
            .key("id").cursor("when").distKey("select").sortKey("when", "id").build();

    @Test
    void every_identifier_is_quoted_so_reserved_words_and_quotes_are_safe() {
        Statements postgres = new Statements(Dialect.POSTGRES, AWKWARD);

        assertEquals("CREATE TABLE IF NOT EXISTS \"bi\".\"Actions \"\"Taken\"\"\" (\"id\" VARCHAR(24) NOT NULL, "
                + "\"select\" BIGINT, \"when\" TIMESTAMP, PRIMARY KEY (\"id\"))", postgres.createTable());
        assertEquals("DELETE FROM \"bi\".\"Actions \"\"Taken\"\"\" USING \"Actions \"\"Taken\"\"_staging\" WHERE "
                + "\"bi\".\"Actions \"\"Taken\"\"\".\"id\" = \"Actions \"\"Taken\"\"_staging\".\"id\"", postgres.deleteReplaced());
    }

    @Test
    void redshift_tables_get_their_distribution_and_sort_keys() {
        Statements redshift = new Statements(Dialect.REDSHIFT, AWKWARD);

        assertEquals("CREATE TABLE IF NOT EXISTS \"bi\".\"Actions \"\"Taken\"\"\" (\"id\" VARCHAR(24) NOT NULL, "
                + "\"select\" BIGINT, \"when\" TIMESTAMP, PRIMARY KEY (\"id\")) DISTSTYLE KEY DISTKEY(\"select\") "
                + "SORTKEY(\"when\", \"id\")", redshift.createTable());
        assertEquals("CREATE TEMP TABLE \"Actions \"\"Taken\"\"_staging\" (LIKE \"bi\".\"Actions \"\"Taken\"\"\")",
                redshift.createStaging());
    }

    @Test
    void a_table_must_name_its_key_and_cursor_among_its_columns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Table.named("t").column("id", SqlType.bigint()).key("id").cursor("updated_at").build());

        assertEquals("table t: cursor 'updated_at' is not one of its columns", e.getMessage());
    }

    @Test
    void the_dialect_follows_the_jdbc_url_and_another_database_has_none() {
        assertEquals(Dialect.REDSHIFT, Dialect.of("jdbc:redshift://cluster.example:5439/dw"));
        assertEquals(Dialect.POSTGRES, Dialect.of("jdbc:postgresql://db:5432/dw"));
        assertEquals(java.util.Optional.empty(), Dialect.find("jdbc:mysql://db:3306/dw"));
    }
}
