package io.etl.hadoop;

import io.etl.task.PermanentFailure;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.pig.PigException;

/**
 * Why a Hadoop or Pig job failed, in words a user can act on, and whether another attempt may pass: decided by the
 * root cause. The network, a timeout, the filesystem (an {@link IOException} other than Pig's own) or an
 * environment Pig blames ({@link PigException#USER_ENVIRONMENT}, {@link PigException#REMOTE_ENVIRONMENT}) may be
 * fine on the next attempt; the data, the script or a bug (anything else) fail the same way every time.
 *
 * @param cause          the root cause's words
 * @param transientCause whether another attempt may pass
 * @param error          the exception itself, when this process holds it (for --verbose)
 */
public record JobError(String cause, boolean transientCause, Optional<Throwable> error) {

    private static final List<Class<?>> TRANSIENT_TYPES =
            List.of(IOException.class, TimeoutException.class, MongoSocketException.class, MongoTimeoutException.class);
    /** The first line of a task's diagnostics on a cluster: {@code Error: java.lang.X: message}. */
    private static final Pattern DIAGNOSTIC = Pattern.compile("^(?:Error: )?((?:[\\w$]+\\.)+[\\w$]+)(?:: (.*))?");

    public static JobError of(Throwable error) {
        Throwable root = rootCause(error);
        return new JobError(describe(root.getClass(), root.getMessage()), isTransient(root), Optional.of(error));
    }

    /** From a task's diagnostics on a cluster: a stack trace as text, whose first line names the exception. */
    public static JobError ofDiagnostics(String diagnostics) {
        String first = diagnostics.lines().findFirst().orElse("").strip();
        Matcher exception = DIAGNOSTIC.matcher(first);
        Optional<Class<?>> type = exception.find() ? load(exception.group(1)) : Optional.empty();
        if (type.isEmpty()) {
            return new JobError(first, true, Optional.empty());
        }
        // a Pig error's source is not in the text: its own errors are taken as the script's or the data's
        return new JobError(describe(type.get(), exception.group(2)), transientType(type.get()), Optional.empty());
    }

    /**
     * Fails with the message (and where the run's log is), as the scheduler reads it right: an {@link IOException},
     * which it retries, or a {@link PermanentFailure}. Never returns: typed so that {@code return error.raise(…)}
     * ends a method that must return a value.
     */
    public <T> T raise(String message) throws IOException, PermanentFailure {
        message += HadoopLog.seeRunLog();
        Throwable thrown = error.orElse(null);
        if (transientCause) {
            throw new IOException(message, thrown);
        }
        throw new PermanentFailure(message, thrown);
    }

    private static boolean isTransient(Throwable root) {
        if (root instanceof PigException pig) {
            return pig.getErrorSource() == PigException.USER_ENVIRONMENT || pig.getErrorSource() == PigException.REMOTE_ENVIRONMENT;
        }
        return transientType(root.getClass());
    }

    private static boolean transientType(Class<?> type) {
        return !PigException.class.isAssignableFrom(type) && TRANSIENT_TYPES.stream().anyMatch(t -> t.isAssignableFrom(type));
    }

    /**
     * The message alone when the exception's words are meant for people (I/O, Pig); with the class's name when the
     * class says what went wrong ({@code NumberFormatException: For input string: "x"}).
     */
    private static String describe(Class<?> type, String message) {
        if (message == null || message.isBlank()) {
            return type.getSimpleName();
        }
        boolean speaksForItself = IOException.class.isAssignableFrom(type);
        return speaksForItself ? message.strip() : type.getSimpleName() + ": " + message.strip();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, JobError.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
