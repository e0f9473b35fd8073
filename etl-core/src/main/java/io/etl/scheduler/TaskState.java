package io.etl.scheduler;

/** Where a task of the plan ended up. */
public enum TaskState {
    /** Its outputs existed before the run: nothing to do. */
    ALREADY_COMPLETE("already complete"),
    /** It ran in this run and is now complete. */
    DONE("ran"),
    /** It failed on its last attempt, or its requires()/complete() threw. */
    FAILED("failed"),
    /** A task it needs failed or is missing, so it was not run. */
    UPSTREAM_FAILED("upstream failed"),
    /** External input that does not exist. */
    MISSING_INPUT("missing input"),
    /** The run was stopped before it could run. */
    NOT_RUN("not run"),
    /** A member of a group run ({@link io.etl.task.TaskGroup}) whose lock another run holds: left to that run. */
    LOCKED_OUT("skipped, another run holds its lock");

    private final String label;

    TaskState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean complete() {
        return this == ALREADY_COMPLETE || this == DONE;
    }
}
