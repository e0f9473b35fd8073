package io.etl.scheduler;

/** How a run ended, most serious first. Only {@link #SUCCESS} means the root is complete. */
public enum RunStatus {
    INTERRUPTED,
    SCHEDULING_ERROR,
    FAILED,
    SUCCESS
}
