package io.etl.testing;

import io.etl.config.Settings;
import io.etl.state.StateDirectory;

import java.nio.file.Path;

/** Settings for a test: the state directory in a temporary folder, plus {@code key, value} pairs. */
public final class TestSettings {

    private TestSettings() {
    }

    public static Settings of(Path home, String... keysAndValues) {
        Settings.Builder settings = Settings.builder().set(StateDirectory.HOME.name(), home.toString(), "test");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.set(keysAndValues[i], keysAndValues[i + 1], "test");
        }
        return settings.build();
    }
}
