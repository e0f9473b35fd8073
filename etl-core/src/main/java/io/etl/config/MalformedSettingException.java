package io.etl.config;

/** A setting's value cannot be read as what it configures; the message names the setting and is meant for the user. */
public class MalformedSettingException extends SettingException {

    public MalformedSettingException(String setting, String expected, String value, String source) {
        super("setting " + setting + " is '" + value + "' (" + source + "): expected " + expected);
    }
}
