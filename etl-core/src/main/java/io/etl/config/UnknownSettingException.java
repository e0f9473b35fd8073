package io.etl.config;

import io.etl.text.Closest;

import java.util.Collection;

/** A setting no one declared: most likely a typo, which must not quietly leave the default in force. */
public class UnknownSettingException extends SettingException {

    public UnknownSettingException(String key, String source, Collection<String> known) {
        super("unknown setting " + key + " in " + source
                + Closest.to(key, known).map(k -> ": did you mean " + k + "?").orElse(" ('etl settings' lists them all)"));
    }
}
