package io.etl.task;

/**
 * A failure that another attempt cannot fix (bad input, counts that do not reconcile, a rejected configuration):
 * the scheduler does not retry it.
 */
public class PermanentFailure extends Exception {
    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
