package io.etl.cli;

import io.etl.config.SettingKey;
import io.etl.config.Settings;
import io.etl.environment.EtlEnvironment;
import io.etl.model.ModelCatalog;
import io.etl.pipeline.PipelineCatalog;
import io.etl.state.StateDirectory;
import io.etl.task.TaskRegistry;
import io.etl.task.TaskType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the commands stand on, built once from the global options and the process environment: the settings
 * (the settings file, then environment variables, then flags, over the declared defaults), the state directory and
 * the registry of task types. The settings are {@link #check() checked} before any command runs; they are read before
 * that only to find the task catalogs, whose keys are known too.
 */
public final class CliEnvironment {

    /** The settings of the command line and those the stages of every ETL share; catalogs declare their own. */
    private static final List<SettingKey<?>> BUILT_IN_SETTINGS = Stream.concat(
            Stream.of(StateDirectory.HOME, RunOptions.WORKERS, RunOptions.RETRIES, RunOptions.RETRY_DELAY,
                    LogRetention.KEEP, WebhookAlert.WEBHOOK, WebhookAlert.ON_SUCCESS, EtlJars.PATH, EtlGroups.GROUP),
            EtlEnvironment.settingKeys().stream()).toList();

    /** Jenkins' address of the build running etl, if it is one: the reports' links start with it. */
    private static final String BUILD_URL = "BUILD_URL";

    private final GlobalOptions options;
    private final Settings settings;
    private final Optional<String> buildUrl;
    private TaskRegistry registry;
    private EtlGroups groups;

    private CliEnvironment(GlobalOptions options, Settings settings, Optional<String> buildUrl) {
        this.options = options;
        this.settings = settings;
        this.buildUrl = buildUrl;
    }

    /** @throws ConfigurationException if a settings file named explicitly is missing or a settings file is unreadable */
    public static CliEnvironment of(GlobalOptions options, Map<String, String> processEnvironment) {
        Path explicit = options.config != null ? options.config
                : processEnvironment.containsKey("ETL_CONFIG") ? Path.of(processEnvironment.get("ETL_CONFIG")) : null;
        if (explicit != null && !Files.isRegularFile(explicit)) {
            throw new ConfigurationException("settings file " + explicit + " does not exist");
        }
        Settings settings;
        try {
            Settings.Builder builder = Settings.builder()
                    .file(explicit != null ? explicit : Path.of("etl.properties"))
                    .environment(processEnvironment);
            if (options.home != null) {
                builder.set(StateDirectory.HOME.name(), options.home.toString(), "--home");
            }
            settings = builder.overrides(options.overrides).build();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
        return new CliEnvironment(options, settings,
                Optional.ofNullable(processEnvironment.get(BUILD_URL)).filter(url -> !url.isBlank()));
    }

    /** @throws ConfigurationException if a setting is unknown, malformed or at odds with another */
    public void check() {
        try {
            settings.check(settingKeys());
            EtlEnvironment.requireRealSourceForRealWarehouse(settings);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(settings.mask(e.getMessage()));
        }
        groups().check();
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

    /** Every setting known: the built-in ones and those the task catalogs declare. */
    public List<SettingKey<?>> settingKeys() {
        return Stream.concat(BUILT_IN_SETTINGS.stream(), registry().settingKeys().stream()).toList();
    }

    public StateDirectory state() {
        return StateDirectory.from(settings);
    }

    /**
     * What finds the task catalogs and the ETLs' Pig scripts: {@code parent}, and the jars of setting {@code etls.path}.
     *
     * @throws ConfigurationException if that setting is malformed
     */
    public ClassLoader classLoader(ClassLoader parent) {
        try {
            return EtlJars.loader(settings, parent);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(settings.mask(e.getMessage()));
        }
    }

    /**
     * The groups of ETLs that {@code etl run} runs as one: every ETL of the pipeline catalogs and every SQL model, and
     * those of the settings.
     *
     * @throws ConfigurationException if a setting the catalogs read, or a group's value, is malformed
     */
    EtlGroups groups() {
        if (groups == null) {
            try {
                List<String> etls = PipelineCatalog.discover(new EtlEnvironment(settings)).stream()
                        .map(pipeline -> pipeline.run().family()).sorted().toList();
                List<String> models = registry().groups().getOrDefault(ModelCatalog.HEADING, List.of()).stream()
                        .map(TaskType::family).toList();
                groups = new EtlGroups(settings, registry(), etls, models);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(settings.mask(e.getMessage()));
            }
        }
        return groups;
    }

    /** @throws ConfigurationException if a setting the task catalogs read to declare their tasks is malformed */
    public TaskRegistry registry() {
        if (registry == null) {
            try {
                registry = TaskRegistry.discover(settings);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(settings.mask(e.getMessage()));
            }
        }
        return registry;
    }
}
