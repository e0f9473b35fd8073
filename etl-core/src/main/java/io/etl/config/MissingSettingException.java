package io.etl.config;

/** A setting that must be set for what was asked, and is not; the message names it and says what to set it to. */
public class MissingSettingException extends SettingException {

    public MissingSettingException(String message) {
        super(message);
    }
}
