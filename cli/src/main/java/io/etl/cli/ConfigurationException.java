package io.etl.cli;

/** The configuration cannot be used as it is; the message says which setting or file, for the user as it is. */
public class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
