package io.etl.config;

/**
 * A setting that is wrong (unknown, malformed, missing, at odds with another): the message says which and what to
 * set. Trying again does not help; the run stops as a configuration error.
 */
public class SettingException extends IllegalArgumentException {

    public SettingException(String message) {
        super(message);
    }
}
