package io.etl.task;

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

    /** Whether a {@link PermanentFailure} is anywhere in the chain of causes: retrying would not help. */
    public static boolean isPermanent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PermanentFailure) {
                return true;
            }
        }
        return false;
    }
}
