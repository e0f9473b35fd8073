package io.etl.cli;

import io.etl.config.Settings;
import io.etl.state.StateDirectory;
import io.etl.task.TaskRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the commands stand on, built once from the global options and the process environment: the settings
 * (defaults, then the settings file, then environment variables, then flags), the state directory and the
 * registry of task types.
 */
public final class CliEnvironment {

    private static final Map<String, String> DEFAULTS = Map.of(
            "workers", "1",
            "retries", "2",
            "retry.delay", "5s");

    /** Jenkins' address of the build running etl, if it is one: the reports' links start with it. */
    private static final String BUILD_URL = "BUILD_URL";

    private final GlobalOptions options;
    private final Settings settings;
    private final Optional<String> buildUrl;
    private TaskRegistry registry;

    private CliEnvironment(GlobalOptions options, Settings settings, Optional<String> buildUrl) {
        this.options = options;
        this.settings = settings;
        this.buildUrl = buildUrl;
    }

    /** @throws ConfigurationException if a settings file named explicitly is missing or a setting is malformed */
    public static CliEnvironment of(GlobalOptions options, Map<String, String> processEnvironment) {
        Path explicit = options.config != null ? options.config
                : processEnvironment.containsKey("ETL_CONFIG") ? Path.of(processEnvironment.get("ETL_CONFIG")) : null;
        if (explicit != null && !Files.isRegularFile(explicit)) {
            throw new ConfigurationException("settings file " + explicit + " does not exist");
        }
        try {
            Settings.Builder builder = Settings.builder()
                    .defaults(DEFAULTS)
                    .file(explicit != null ? explicit : Path.of("etl.properties"))
                    .environment(processEnvironment);
            if (options.home != null) {
                builder.set(StateDirectory.HOME_SETTING, options.home.toString(), "--home");
            }
            return new CliEnvironment(options, builder.overrides(options.overrides).build(),
                    Optional.ofNullable(processEnvironment.get(BUILD_URL)).filter(url -> !url.isBlank()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    public boolean verbose() {
        return options.verbose;
    }

    /** The Jenkins build this runs in ({@code BUILD_URL}), if any. */
    public Optional<String> buildUrl() {
        return buildUrl;
    }

    public Settings settings() {
        return settings;
    }

    public StateDirectory state() {
        return StateDirectory.from(settings);
    }

    public TaskRegistry registry() {
        if (registry == null) {
            registry = TaskRegistry.discover(settings);
        }
        return registry;
    }
}
