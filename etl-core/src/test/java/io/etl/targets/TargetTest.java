package io.etl.targets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetTest {

    @TempDir
    Path dir;

    private static List<Path> filesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_file_appears_only_once_written_whole() throws Exception {
        LocalFileTarget target = LocalFileTarget.at(dir.resolve("out/report.csv"));

        target.write(temporary -> {
            Files.writeString(temporary, "a,b\n");
            assertFalse(target.exists(), "not visible while being written");
        });

        assertTrue(target.exists());
        assertEquals("a,b\n", target.readString());
        assertEquals(List.of(target.path()), filesIn(dir.resolve("out")));
    }

    @Test
    void a_file_is_absent_after_a_failed_write_and_no_temporary_is_left() {
        LocalFileTarget target = LocalFileTarget.at(dir.resolve("report.csv"));

        assertThrows(IllegalStateException.class, () -> target.write(temporary -> {
            Files.writeString(temporary, "half a file");
            throw new IllegalStateException("crashed half way");
        }));

        assertFalse(target.exists());
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void a_directory_counts_only_with_its_success_flag() throws Exception {
        LocalDirectoryTarget target = LocalDirectoryTarget.at(dir.resolve("extract"));
        Files.createDirectories(target.path());
        Files.writeString(target.path().resolve("part-00000"), "left by a failed attempt");
        assertFalse(target.exists());

        target.write(temporary -> {
            Files.writeString(temporary.resolve("part-00000"), "row 1\n");
            Files.writeString(temporary.resolve("part-00001"), "row 2\n");
        });

        assertTrue(target.exists());
        assertEquals(List.of(target.path().resolve("part-00000"), target.path().resolve("part-00001")), target.parts());
        assertEquals("row 1\n", Files.readString(target.path().resolve("part-00000")));
    }

    @Test
    void a_failed_directory_write_leaves_nothing_complete() {
        LocalDirectoryTarget target = LocalDirectoryTarget.at(dir.resolve("transform"));

        assertThrows(IOException.class, () -> target.write(temporary -> {
            Files.writeString(temporary.resolve("part-00000"), "row 1\n");
            throw new IOException("disk full");
        }));

        assertFalse(target.exists());
        assertEquals(List.of(), filesIn(dir));
    }
}
