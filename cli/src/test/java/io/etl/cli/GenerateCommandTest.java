package io.etl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code etl generate} against the embedded sample MongoDB: printing, refusing to overwrite, unknown collections. */
class GenerateCommandTest {

    private static final String SERVICES = "etls/src/main/resources/META-INF/services/io.etl.task.TaskCatalog";

    /** Shared: seeding the embedded sample MongoDB takes seconds, and these tests only read it. */
    @TempDir
    static Path home;
    @TempDir
    Path project;

    private Etl etl() {
        return new Etl(home);
    }

    private void emptyProject() throws Exception {
        Files.createDirectories(project.resolve(SERVICES).getParent());
        Files.writeString(project.resolve(SERVICES), "io.etl.actions.ActionsTakenCatalog\n");
    }

    @Test
    void dry_run_prints_every_file_under_a_header_and_writes_nothing() throws Exception {
        emptyProject();

        Etl.Result generated = etl().run("generate", "actions_taken", "--dry-run", "--project", project.toString());

        assertEquals(ExitCodes.OK, generated.exitCode(), generated::toString);
        List<String> headers = generated.out().lines().filter(line -> line.startsWith("==> ")).toList();
        assertEquals(List.of("==> etls/src/main/java/io/etl/generated/actions_taken/ActionsTaken.java <==",
                "==> etls/src/main/java/io/etl/generated/actions_taken/ActionsTakenCatalog.java <==",
                "==> etls/pig/actions_taken.pig <=="), headers);
        assertTrue(generated.out().contains(".column(\"id\", SqlType.varchar(24)) // never null in the sample"), generated::toString);
        assertTrue(generated.out().contains("DEFINE Columns_value io.etl.transform.ArrayColumns('value', '5');"), generated::toString);
        assertFalse(Files.exists(project.resolve("etls/pig")));
        assertEquals("io.etl.actions.ActionsTakenCatalog\n", Files.readString(project.resolve(SERVICES)));
    }

    @Test
    void generating_writes_the_files_and_registers_the_catalog_once_and_refuses_to_overwrite_without_force() throws Exception {
        emptyProject();

        Etl.Result first = etl().run("generate", "actions_taken", "--project", project.toString());
        Etl.Result again = etl().run("generate", "actions_taken", "--project", project.toString());
        Etl.Result forced = etl().run("generate", "actions_taken", "--force", "--project", project.toString());

        assertEquals(ExitCodes.OK, first.exitCode(), first::toString);
        assertTrue(Files.exists(project.resolve("etls/pig/actions_taken.pig")));
        assertEquals(ExitCodes.USAGE, again.exitCode(), again::toString);
        assertEquals("etl: these files exist; --force overwrites them: etls/src/main/java/io/etl/generated/actions_taken/"
                + "ActionsTaken.java, etls/src/main/java/io/etl/generated/actions_taken/ActionsTakenCatalog.java, "
                + "etls/pig/actions_taken.pig\n", again.err());
        assertEquals(ExitCodes.OK, forced.exitCode(), forced::toString);
        assertEquals("io.etl.actions.ActionsTakenCatalog\nio.etl.generated.actions_taken.ActionsTakenCatalog\n",
                Files.readString(project.resolve(SERVICES)));
    }

    @Test
    void exclude_leaves_a_field_out_rename_names_its_column_and_a_mistyped_field_exits_2() throws Exception {
        emptyProject();

        Etl.Result generated = etl().run("generate", "actions_taken", "--dry-run", "--project", project.toString(),
                "--exclude", "value", "--rename", "user_id=customer_id");
        Etl.Result mistyped = etl().run("generate", "actions_taken", "--dry-run", "--project", project.toString(),
                "--exclude", "valeu");

        assertEquals(ExitCodes.OK, generated.exitCode(), generated::toString);
        assertTrue(generated.out().contains(".column(\"customer_id\", SqlType.bigint())"), generated::toString);
        assertFalse(generated.out().contains("\"value_1\"") || generated.out().contains(".column(\"user_id\""), generated::toString);
        assertEquals(ExitCodes.USAGE, mistyped.exitCode(), mistyped::toString);
        assertEquals("etl: --exclude valeu: no sampled document has that field\n", mistyped.err());
    }

    @Test
    void a_collection_that_does_not_exist_exits_2_naming_it() throws Exception {
        emptyProject();

        Etl.Result generated = etl().run("generate", "no-such", "--dry-run", "--project", project.toString());

        assertEquals(ExitCodes.USAGE, generated.exitCode(), generated::toString);
        assertTrue(generated.err().startsWith("etl: there is no collection 'no-such' in database etl in the embedded sample"),
                generated::toString);
    }
}
