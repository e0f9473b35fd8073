package io.etl.cli;

import io.etl.hadoop.HadoopJobs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.List;

/**
 * Logging without XML (fast to start): warnings on stderr, and the libraries (Hadoop, Pig, the Mongo driver…) kept
 * off the console, so the terminal shows the run and not their chatter (their errors reach the user through the
 * failing task's own message); {@code --verbose} shows it all. The libraries still log at INFO, for the file
 * {@link RunLog} keeps of each run; nothing is written to a file until a run starts.
 * Found by logback through {@code META-INF/services}.
 */
public final class QuietLogging extends ContextAwareBase implements Configurator {

    /** One line per event, with the time and the logger: the console's form and the run log's. */
    static final String PATTERN = "%d{HH:mm:ss} %-5level %logger{30} - %msg%n";
    /** The quiet console's form: that of the run's progress lines ("[10:00:00] warning  …"), no logger name. */
    private static final String QUIET_PATTERN = "[%d{HH:mm:ss, UTC}] %replace(%replace(%replace(%level){'INFO', ''}){'WARN', 'warning '}){'ERROR', 'ERROR   '}%msg%n";
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
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("stderr");
        console.setTarget("System.err");
        console.setEncoder(encoder(context, verbose ? PATTERN : QUIET_PATTERN));
        if (!verbose) {
            console.addFilter(new QuietConsole());
        }
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(console);
        root.setLevel(Level.INFO);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    /**
     * What a quiet console shows: our warnings and errors, and the cluster jobs' ids and tracking URLs (what a user
     * looks for when a run is slow); nothing of the libraries.
     */
    private static final class QuietConsole extends Filter<ILoggingEvent> {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            String logger = event.getLoggerName();
            if (logger.equals(HadoopJobs.CLUSTER_JOBS_LOG)) {
                return FilterReply.NEUTRAL;
            }
            boolean library = CHATTY_LIBRARIES.stream().anyMatch(name -> logger.equals(name) || logger.startsWith(name + "."));
            return library || !event.getLevel().isGreaterOrEqual(Level.WARN) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }
}
