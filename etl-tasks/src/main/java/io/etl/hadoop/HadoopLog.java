package io.etl.hadoop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

/**
 * What only the libraries' log holds about a failure. Hadoop's local job runner keeps no diagnostics of a failed
 * task: it logs the task's exception (as a warning whose message is the job id) and reports the job failed. This
 * keeps those exceptions by job id, for the failure's message. And a run of the command line keeps the libraries'
 * log in a file (the appender {@value #RUN_LOG_APPENDER}), which failure messages name.
 * Works when logback is the SLF4J binding (the command line's, the tests'); otherwise knows nothing.
 */
public final class HadoopLog {

    /** The name of the appender that writes a run's log file. */
    public static final String RUN_LOG_APPENDER = "run-log";
    private static final String LOCAL_RUNNER = "org.apache.hadoop.mapred.LocalJobRunner";
    private static final Map<String, Throwable> TASK_ERRORS = new ConcurrentHashMap<>();
    private static final Duration TASK_ERROR_WAIT = Duration.ofSeconds(2);
    private static volatile boolean listening;

    private HadoopLog() {
    }

    /** Starts keeping the local job runner's task errors; idempotent, cheap after the first call. */
    public static void listen() {
        if (!listening && logback()) {
            Logback.listen();
            listening = true;
        }
    }

    /**
     * The exception a task of a local job failed with, taken (each is told once). The runner marks the job failed a
     * moment before it logs why, so this waits for it a little.
     */
    public static Optional<Throwable> taskError(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + TASK_ERROR_WAIT.toNanos();
        Throwable error = TASK_ERRORS.remove(String.valueOf(jobId));
        while (error == null && listening && System.nanoTime() < deadline) {
            Thread.sleep(10);
            error = TASK_ERRORS.remove(String.valueOf(jobId));
        }
        return Optional.ofNullable(error);
    }

    /** The file this run's log is written to, if a run log is kept. */
    public static Optional<Path> runLog() {
        return logback() ? Logback.runLog() : Optional.empty();
    }

    /** {@code " (log: <file>)"}, or nothing when no run log is kept: where the rest of a failure's story is. */
    public static String seeRunLog() {
        return runLog().map(file -> " (log: " + file + ")").orElse("");
    }

    private static boolean logback() {
        return LoggerFactory.getILoggerFactory().getClass().getName().equals("ch.qos.logback.classic.LoggerContext");
    }

    /** Logback's side, in a class of its own so that nothing of logback is loaded without it. */
    private static final class Logback {

        static synchronized void listen() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            Logger runner = context.getLogger(LOCAL_RUNNER);
            if (runner.getAppender(TaskErrorCapture.NAME) != null) {
                return;
            }
            TaskErrorCapture capture = new TaskErrorCapture();
            capture.setContext(context);
            capture.setName(TaskErrorCapture.NAME);
            capture.start();
            runner.addAppender(capture);
            // a quiet console turns Hadoop's logging off: the task's error must still be heard
            if (!runner.isWarnEnabled()) {
                runner.setLevel(Level.WARN);
            }
        }

        static Optional<Path> runLog() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            return context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(RUN_LOG_APPENDER) instanceof FileAppender<?> file
                    && file.isStarted() ? Optional.of(Path.of(file.getFile())) : Optional.empty();
        }
    }

    private static final class TaskErrorCapture extends AppenderBase<ILoggingEvent> {
        static final String NAME = "etl-task-errors";

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel() == Level.WARN && event.getThrowableProxy() instanceof ThrowableProxy thrown
                    && event.getFormattedMessage().startsWith("job_")) {
                TASK_ERRORS.put(event.getFormattedMessage(), thrown.getThrowable());
            }
        }
    }
}
