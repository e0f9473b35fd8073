package io.etl.generate;

/** Why {@code etl generate} cannot write an ETL for what it was given; the message says what to change. */
public final class GenerateException extends RuntimeException {

    public GenerateException(String message) {
        super(message);
    }
}
