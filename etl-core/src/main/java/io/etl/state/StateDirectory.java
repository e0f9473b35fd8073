package io.etl.state;

import io.etl.config.Settings;

import java.nio.file.Path;

/**
 * Where a installation keeps its state: run locks, run history, logs and, by default, the local lake and the
 * embedded databases. {@code ETL_HOME} (the setting {@code home}) or {@code .etl} in the working directory.
 */
public record StateDirectory(Path root) {

    public static final String HOME_SETTING = "home";

    public static StateDirectory from(Settings settings) {
        return new StateDirectory(Path.of(settings.get(HOME_SETTING, ".etl")).toAbsolutePath().normalize());
    }

    public Path locks() {
        return root.resolve("locks");
    }

    public Path history() {
        return root.resolve("history");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }
}
