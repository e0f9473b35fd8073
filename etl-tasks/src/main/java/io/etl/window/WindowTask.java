package io.etl.window;

import io.etl.parameter.ParameterValues;
import io.etl.task.Task;
import io.etl.task.TaskType;

import java.time.Instant;
import java.util.Optional;

/**
 * A task over one window of time: its {@link WindowParameters#LOWER} and {@link WindowParameters#UPPER}, checked once,
 * and its {@link WindowParameters#RELOAD}, which names a reading of that window (every type declares the three).
 */
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

    /** The instant of this reading when it is a reload, empty for the window's first reading. */
    public final Optional<Instant> reload() {
        return find(WindowParameters.RELOAD);
    }

    /** The task of {@code type} over the same reading of the same window, to set the type's other parameters on. */
    protected final <T extends Task> TaskType.Builder<T> sameWindow(TaskType<T> type) {
        return type.with(WindowParameters.LOWER, window.lower())
                .with(WindowParameters.UPPER, window.upper())
                .with(WindowParameters.RELOAD, reload().orElse(null));
    }
}
