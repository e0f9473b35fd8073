package io.etl.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Driver;
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
