package io.etl.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hubspot.jinjava.Jinjava;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Driver;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The smaller libraries load and work next to the Hadoop/Pig stack. */
class LibrariesTest {
    @Test
    void redshiftDriverLoads() throws Exception {
        Driver d = (Driver) Class.forName("com.amazon.redshift.jdbc42.Driver").getDeclaredConstructor().newInstance();
        assertTrue(d.acceptsURL("jdbc:redshift://example:5439/dev"));
        assertFalse(d.acceptsURL("jdbc:postgresql://localhost:5432/postgres"), "redshift driver would steal pg URLs");
    }

    @Test
    void jinjavaRenders() {
        String out = new Jinjava().render("{% for c in cols %}{{ c | upper }}{% if not loop.last %},{% endif %}{% endfor %}",
                Map.of("cols", java.util.List.of("id", "date")));
        assertEquals("ID,DATE", out);
    }

    @Test
    void progressBarRuns() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ProgressBar pb = new ProgressBarBuilder().setTaskName("extract").setInitialMax(10)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(new PrintStream(buf, true, StandardCharsets.UTF_8)))
                .build()) {
            pb.stepTo(10);
        }
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("extract"));
        // Hadoop's YARN client drags org.jline:jline 3.9 (an uber jar); it must not shadow progressbar's jline-terminal
        assertTrue(jarOf(org.jline.terminal.TerminalBuilder.class).contains("jline-terminal-3"),
                jarOf(org.jline.terminal.TerminalBuilder.class));
    }

    @Test
    void oneSlf4jBindingAndBridgesInPlace() {
        assertEquals("ch.qos.logback.classic.LoggerContext", LoggerFactory.getILoggerFactory().getClass().getName());
        // log4j 1 and commons-logging API calls land in SLF4J, not in reload4j / commons-logging
        assertTrue(jarOf(org.apache.log4j.Logger.class).contains("log4j-over-slf4j"), jarOf(org.apache.log4j.Logger.class));
        assertTrue(jarOf(org.apache.commons.logging.LogFactory.class).contains("jcl-over-slf4j"));
        assertFalse(resource("org/slf4j/impl/StaticLoggerBinder.class").contains(".jar"), "an SLF4J 1.7 binding is present");
        assertEquals("null", resource("org/apache/log4j/ConsoleAppender$SystemErrStream.class"), "real log4j/reload4j present");
    }

    private static String jarOf(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation().toString();
    }

    private static String resource(String name) {
        return String.valueOf(LibrariesTest.class.getClassLoader().getResource(name));
    }
}
