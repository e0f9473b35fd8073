package io.etl.cli;

import io.etl.history.RunRecord;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.TaskState;

/** The colour of a task's outcome in a picture of the run: greens for complete, red for what broke, grey for what did not run. */
final class StateColour {

    /** Documents a load rejected: amber, the colour of a warning (a run with rejects is Jenkins' unstable). */
    static final String REJECTED = "#ffb74d";

    private StateColour() {
    }

    /** A whole run's outcome as the history records it, in its tasks' colour for the same outcome. */
    static String ofRun(String status) {
        if (status.equals(RunStatus.SUCCESS.name())) {
            return of(TaskState.DONE);
        }
        if (status.equals(RunStatus.LOCKED_OUT.name())) {
            return of(TaskState.LOCKED_OUT);
        }
        return status.equals(RunRecord.RUNNING) ? of(TaskState.NOT_RUN) : of(TaskState.FAILED);
    }

    static String of(TaskState state) {
        return switch (state) {
            case ALREADY_COMPLETE -> "#b7e1a1";
            case DONE -> "#4caf50";
            case FAILED -> "#e53935";
            case MISSING_INPUT -> "#f4a3a3";
            case UPSTREAM_FAILED -> "#ffb74d";
            case NOT_RUN -> "#d9d9d9";
            case LOCKED_OUT -> "#9fa8da";
        };
    }
}
