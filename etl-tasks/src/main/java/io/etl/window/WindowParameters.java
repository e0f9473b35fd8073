package io.etl.window;

import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterException;
import io.etl.parameter.ParameterValues;

import java.time.Instant;

/** The {@code --lower} and {@code --upper} parameters that every stage of an ETL run takes, read as one {@link Window}. */
public final class WindowParameters {

    public static final Parameter<Instant> LOWER = Parameter.instant("lower")
            .describedAs("start of the window, inclusive (UTC)");
    public static final Parameter<Instant> UPPER = Parameter.instant("upper")
            .describedAs("end of the window, exclusive (UTC)");

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
