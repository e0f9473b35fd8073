package io.etl.warehouse;

import io.etl.task.PermanentFailure;

/** The warehouse refused the data: which file, which line and column, and why. Retrying would fail the same way. */
public class LoadException extends PermanentFailure {
    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
