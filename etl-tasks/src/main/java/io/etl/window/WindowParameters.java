package io.etl.window;

import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterException;
import io.etl.parameter.ParameterValues;

import java.time.Instant;

/**
 * The {@code --lower} and {@code --upper} parameters that every stage of an ETL run takes, read as one {@link Window},
 * and {@code --reload}, which makes a reading of a window already loaded a task of its own.
 */
public final class WindowParameters {

    public static final Parameter<Instant> LOWER = Parameter.instant("lower")
            .describedAs("start of the window, inclusive (UTC)");
    public static final Parameter<Instant> UPPER = Parameter.instant("upper")
            .describedAs("end of the window, exclusive (UTC)");
    /**
     * Set, a reading of the window as of this instant: its stages write to a lake folder of their own, and its load is
     * complete only once the window is loaded at or after it. Unset, the window's first reading.
     */
    public static final Parameter<Instant> RELOAD = Parameter.instant("reload").asOptional()
            .describedAs("re-read a window already loaded, as of this instant (UTC); its rows are replaced");

    private WindowParameters() {
    }

    /** @throws ParameterException if the window is empty or reversed */
    public static Window window(ParameterValues values) {
        try {
            return Window.of(values.get(LOWER), values.get(UPPER));
        } catch (IllegalArgumentException e) {
            throw new ParameterException("--lower " + values.get(LOWER) + " must be before --upper " + values.get(UPPER));
        }
    }
}
