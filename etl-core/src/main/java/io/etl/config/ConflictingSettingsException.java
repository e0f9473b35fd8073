package io.etl.config;

/** Settings valid one by one that cannot be used together; the message says which, and what to set. */
public class ConflictingSettingsException extends SettingException {

    public ConflictingSettingsException(String message) {
        super(message);
    }
}
