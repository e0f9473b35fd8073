package io.etl.state;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;

import java.nio.file.Path;

/**
 * Where a installation keeps its state: run locks, run history, logs and, by default, the local lake and the
 * embedded databases. {@code ETL_HOME} (the setting {@code home}) or {@code .etl} in the working directory.
 */
public record StateDirectory(Path root) {

    public static final SettingKey<Path> HOME = SettingKey.of("home", SettingType.path(), ".etl",
            "State directory: locks, history, logs and, by default, the lake and the embedded databases (also --home, ETL_HOME)");

    public static StateDirectory from(Settings settings) {
        return new StateDirectory(settings.get(HOME).toAbsolutePath().normalize());
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
