package io.etl.cli;

import io.etl.scheduler.RunSummary;

/** What {@code etl} exits with, so that Jenkins or cron can tell success from each kind of failure. */
public final class ExitCodes {

    /** The root task is complete (it ran, or was already). */
    public static final int OK = 0;
    /** A task failed after its retries, so the root is not complete. */
    public static final int TASK_FAILED = 1;
    /** Bad usage: unknown command, task or parameter, malformed value. Nothing ran. */
    public static final int USAGE = 2;
    /** The run could not be planned: a dependency cycle, missing external input, a task that cannot say what it needs. */
    public static final int SCHEDULING_ERROR = 3;
    /**
     * Another run of the same ETL holds its lock: nothing ran. In a run of several ETLs, another run holds the lock of
     * some of them, which were skipped, and everything else is complete.
     */
    public static final int ALREADY_RUNNING = 4;
    /**
     * Configuration or environment is wrong: an unknown or malformed setting, a real warehouse without a real source,
     * an unreadable settings file, an unreachable service. Nothing ran.
     */
    public static final int CONFIGURATION_ERROR = 5;
    /**
     * Complete, but the loads rejected documents they could not load (listed in the summary and in the warehouse's
     * {@code etl_rejects}): Jenkins marks the build unstable.
     */
    public static final int REJECTS = 6;
    /** {@code etl audit}: the warehouse and the source differ in some bucket (listed); Jenkins marks the build unstable. */
    public static final int DIFFERENCES = 7;
    /** Stopped by Ctrl-C, SIGTERM or a Jenkins abort (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    public static int of(RunSummary summary) {
        return switch (summary.status()) {
            case SUCCESS -> Rejected.of(summary) > 0 ? REJECTS : OK;
            case FAILED -> TASK_FAILED;
            case LOCKED_OUT -> ALREADY_RUNNING;
            case CONFIGURATION_ERROR -> CONFIGURATION_ERROR;
            case SCHEDULING_ERROR -> SCHEDULING_ERROR;
            case INTERRUPTED -> INTERRUPTED;
        };
    }
}
