package io.etl.task;

/** How failures are told apart and shown. */
public final class Failures {

    private Failures() {
    }

    /** The first line of the error's message (its class name if it has none): what summaries and alerts show. */
    public static String firstLine(Throwable error) {
        if (error instanceof InterruptedException) {
            return "interrupted";
        }
        String message = error.getMessage();
        String text = message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
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
