package io.etl.task;

import io.etl.testing.TestDag;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The task types the command line offers, by family. */
class TaskRegistryTest {

    @TempDir
    Path directory;

    @Test
    void two_task_types_of_one_name_are_a_mistake_in_what_is_declared_naming_it() {
        TaskType<Task> first = new TestDag(directory.resolve("a")).type();
        TaskType<Task> second = new TestDag(directory.resolve("b")).type();

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> TaskRegistry.of(List.of(first, second)));

        assertEquals("two task types are named 'node': rename one of the ETLs or tasks of that name", twice.getMessage());
    }
}
