package io.etl.parameter;

/** A parameter is unknown, missing or malformed; the message names it and is meant for the user as it is. */
public class ParameterException extends IllegalArgumentException {
    public ParameterException(String message) {
        super(message);
    }
}
