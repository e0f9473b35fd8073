package io.etl.scheduler;

/** The run cannot be planned: a cycle, or a root that cannot be built. Nothing was run. */
public class SchedulingException extends RuntimeException {
    public SchedulingException(String message) {
        super(message);
    }

    public SchedulingException(String message, Throwable cause) {
        super(message, cause);
    }
}
