package io.etl.cli;

import io.etl.config.SettingKey;
import io.etl.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code etl settings} (or {@code etl config}): every setting known, its effective value and where it comes from. */
@Command(name = "settings", aliases = "config",
        description = "Show every setting: its effective value (secrets masked), where it comes from and what it is for.")
public final class SettingsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TextOrJson output;

    private final CliEnvironment environment;

    SettingsCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /**
     * One setting as this command shows it.
     *
     * @param value  as given, or its default; null if neither
     * @param source its file and line, variable or flag; {@code default}, or {@code unset} when it has no default
     */
    record EffectiveSetting(String key, String value, String source, String description) {

        static EffectiveSetting of(SettingKey<?> key, Settings settings) {
            if (!settings.isSet(key)) {
                return new EffectiveSetting(key.name(), key.defaultValue().orElse(null),
                        key.defaultValue().isPresent() ? "default" : "unset", key.description());
            }
            String value = settings.all().get(key.name()).value();
            return new EffectiveSetting(key.name(), key.secret() ? "****" : settings.mask(value), settings.source(key),
                    key.description());
        }
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = environment.settings();
        List<EffectiveSetting> shown = environment.settingKeys().stream()
                .flatMap(key -> Stream.concat(Stream.of(key), settings.memberKeys(key).stream()))
                .sorted(Comparator.comparing(SettingKey::name))
                .map(key -> EffectiveSetting.of(key, settings))
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.render(shown, () -> table(shown)));
        out.flush();
        return ExitCodes.OK;
    }

    private static String table(List<EffectiveSetting> shown) {
        int keyWidth = shown.stream().mapToInt(s -> s.key().length()).max().orElse(0);
        int valueWidth = Math.min(40, shown.stream().mapToInt(s -> String.valueOf(s.value()).length()).max().orElse(0));
        int sourceWidth = shown.stream().mapToInt(s -> s.source().length()).max().orElse(0);
        String format = "%-" + keyWidth + "s  %-" + valueWidth + "s  %-" + sourceWidth + "s  %s%n";
        return String.format(format, "KEY", "VALUE", "SOURCE", "DESCRIPTION") + shown.stream()
                .map(s -> String.format(format, s.key(), s.value() == null ? "" : s.value(), s.source(), s.description()))
                .collect(Collectors.joining());
    }
}
