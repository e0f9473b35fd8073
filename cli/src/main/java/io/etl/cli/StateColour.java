package io.etl.cli;

import io.etl.scheduler.TaskState;

/** The colour of a task's outcome in a picture of the run: greens for complete, red for what broke, grey for what did not run. */
final class StateColour {

    private StateColour() {
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
