package io.etl.cli;

import io.etl.hadoop.HadoopJobs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.List;

/**
 * Logging without XML (fast to start): warnings on stderr, and the libraries (Hadoop, Pig, the Mongo driver…)
 * silenced, so the terminal shows the run and not their chatter (their errors reach the user through the failing
 * task's own message); {@code --verbose} shows it all.
 * Found by logback through {@code META-INF/services}.
 */
public final class QuietLogging extends ContextAwareBase implements Configurator {

    private static final String VERBOSE_PROPERTY = "etl.verbose";
    private static final List<String> CHATTY_LIBRARIES = List.of("org.apache.hadoop", "org.apache.pig", "com.mongodb",
            "org.mongodb", "de.bwaldvogel", "io.zonky", "org.apache.http", "software.amazon", "io.netty", "org.eclipse.jetty",
            "org.gaul", "com.hubspot");

    /** Must run before the first logger is created. */
    static void configure(boolean verbose) {
        System.setProperty(VERBOSE_PROPERTY, Boolean.toString(verbose));
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        boolean verbose = Boolean.getBoolean(VERBOSE_PROPERTY);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss} %-5level %logger{30} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("stderr");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(console);
        root.setLevel(verbose ? Level.INFO : Level.WARN);
        if (!verbose) {
            CHATTY_LIBRARIES.forEach(name -> context.getLogger(name).setLevel(Level.OFF));
            // a cluster job's id and tracking URL are what a user looks for when a run is slow
            context.getLogger(HadoopJobs.CLUSTER_JOBS_LOG).setLevel(Level.INFO);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
