package io.etl.cli;

import io.etl.config.Settings;
import io.etl.event.RunEvent;
import io.etl.event.RunListener;
import io.etl.hadoop.HadoopLog;
import io.etl.task.Failures;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;

/**
 * Keeps the log of each run, the libraries' INFO lines included (Hadoop's and Pig's), in
 * {@code <home>/logs/<etl>/<run id>/etl.log}, while the console stays quiet: a failure's message names the file
 * ({@link HadoopLog#seeRunLog()}). Runs past {@link LogRetention} are deleted when a run starts. A log that cannot
 * be kept is a warning, never the run's failure.
 */
final class RunLog implements RunListener {

    static final String FILE_NAME = "etl.log";

    private final Path logs;
    private final LogRetention retention;
    private final PrintWriter err;
    private final Settings settings;
    private FileAppender<ILoggingEvent> appender;

    RunLog(Path logs, LogRetention retention, PrintWriter err, Settings settings) {
        this.logs = logs;
        this.retention = retention;
        this.err = err;
        this.settings = settings;
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.RunStarted started) {
            Path run = logs.resolve(started.root().family()).resolve(started.runId());
            try {
                Files.createDirectories(run);
                retention.prune(run.getParent(), run, started.at());
            } catch (IOException e) {
                err.println("etl: warning: " + settings.mask("cannot keep this run's log in " + run + ": " + Failures.firstLine(e)));
                err.flush();
                return;
            }
            start(run.resolve(FILE_NAME));
        } else if (event instanceof RunEvent.RunFinished && appender != null) {
            root().detachAppender(appender);
            appender.stop();
            appender = null;
        }
    }

    private void start(Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(HadoopLog.RUN_LOG_APPENDER);
        appender.setFile(file.toString());
        appender.setEncoder(maskingEncoder(context));
        appender.start();
        root().addAppender(appender);
    }

    /** The console's line format, with secrets masked: a library may log a URI that holds a password. */
    private LayoutWrappingEncoder<ILoggingEvent> maskingEncoder(LoggerContext context) {
        PatternLayout lines = new PatternLayout();
        lines.setContext(context);
        lines.setPattern(QuietLogging.PATTERN);
        lines.start();
        LayoutBase<ILoggingEvent> masked = new LayoutBase<>() {
            @Override
            public String doLayout(ILoggingEvent event) {
                return settings.mask(lines.doLayout(event));
            }
        };
        masked.setContext(context);
        masked.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(masked);
        encoder.start();
        return encoder;
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    }
}
