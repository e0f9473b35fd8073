package io.etl.task;

import io.etl.config.SettingException;

import java.util.Optional;

/** How failures are told apart and shown. */
public final class Failures {

    private Failures() {
    }

    /** The first line of the error's {@link #text}: what summaries and alerts show. */
    public static String firstLine(Throwable error) {
        String text = text(error);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /**
     * The message of the first error in the chain that says something of its own (its class name if none does): a
     * wrapper whose message is only its cause's {@code toString()} ({@code new RuntimeException(cause)}, an
     * {@code ExecutionException}) hides the cause's words behind a Java class name.
     */
    public static String text(Throwable error) {
        if (error instanceof InterruptedException) {
            return "interrupted";
        }
        Throwable meaningful = error;
        while (meaningful.getCause() != null && meaningful.getCause() != meaningful && wraps(meaningful)) {
            meaningful = meaningful.getCause();
        }
        String message = meaningful.getMessage();
        return message == null || message.isBlank() ? meaningful.getClass().getSimpleName() : message;
    }

    private static boolean wraps(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() || message.equals(error.getCause().toString());
    }

    /** Whether a {@link PermanentFailure} or a wrong setting is anywhere in the chain of causes: retrying would not help. */
    public static boolean isPermanent(Throwable error) {
        return cause(error, PermanentFailure.class).isPresent() || setting(error).isPresent();
    }

    /** The wrong setting anywhere in the chain of causes, if there is one. */
    public static Optional<SettingException> setting(Throwable error) {
        return cause(error, SettingException.class);
    }

    private static <T extends Throwable> Optional<T> cause(Throwable error, Class<T> kind) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return Optional.of(kind.cast(t));
            }
        }
        return Optional.empty();
    }
}
