package io.etl.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void a_wrapper_that_only_repeats_its_cause_shows_the_cause_words_not_a_java_class_name() {
        Throwable wrapped = new RuntimeException(new ExecutionException(new IOException("disk full\nat /lake")));

        assertEquals("disk full", Failures.firstLine(wrapped));
        assertEquals("disk full\nat /lake", Failures.text(wrapped));
    }

    @Test
    void a_wrapper_with_words_of_its_own_shows_them() {
        assertEquals("load failed", Failures.firstLine(new IllegalStateException("load failed", new IOException("x"))));
        assertEquals("IllegalStateException", Failures.firstLine(new IllegalStateException()));
    }
}
