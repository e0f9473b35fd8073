package io.etl.window;

import io.etl.parameter.ParameterValues;
import io.etl.task.Task;
import io.etl.task.TaskType;

/** A task over one window of time: its {@link WindowParameters#LOWER} and {@link WindowParameters#UPPER}, checked once. */
public abstract class WindowTask extends Task {

    private final Window window;

    /** @throws io.etl.parameter.ParameterException if the window is empty or reversed */
    protected WindowTask(TaskType<?> type, ParameterValues values) {
        super(type, values);
        this.window = WindowParameters.window(values);
    }

    public final Window window() {
        return window;
    }
}
