package io.etl.scheduler;

/** How a run ended, most serious first. Only {@link #SUCCESS} means the root is complete. */
public enum RunStatus {
    INTERRUPTED,
    /** A task cannot be planned because a setting is wrong: trying again would not help. */
    CONFIGURATION_ERROR,
    SCHEDULING_ERROR,
    FAILED,
    /** Everything that ran is complete, but another run held the lock of some member of a group, which was skipped. */
    LOCKED_OUT,
    SUCCESS
}
