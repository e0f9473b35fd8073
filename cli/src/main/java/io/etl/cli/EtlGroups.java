package io.etl.cli;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;
import io.etl.task.TaskGroup;
import io.etl.task.TaskRegistry;
import io.etl.task.TaskType;
import io.etl.text.Closest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The groups of ETLs that {@code etl run <group>} runs as one graph: {@value #ALL}, every ETL of the pipeline
 * catalogs and every SQL model, and each group of the settings ({@code group.hourly = actions_taken, updates}).
 */
final class EtlGroups {

    static final String ALL = "all";

    static final SettingKey<Optional<List<String>>> GROUP = SettingKey.family("group", SettingType.names(),
            "ETLs that 'etl run <name>' runs as one, separated by commas (group.hourly = actions_taken, updates)");

    private final Settings settings;
    private final TaskRegistry registry;
    private final List<String> etls;
    /** Every group by name, {@value #ALL} first, each with the ETLs it names. */
    private final Map<String, List<String>> groups = new LinkedHashMap<>();

    /**
     * @param etls   the ETLs of the pipeline catalogs, by name
     * @param models the SQL models, by name: {@value #ALL} builds them after the ETLs
     */
    EtlGroups(Settings settings, TaskRegistry registry, List<String> etls, List<String> models) {
        this.settings = settings;
        this.registry = registry;
        this.etls = etls;
        groups.put(ALL, Stream.concat(etls.stream(), models.stream()).toList());
        settings.members(GROUP).forEach(groups::putIfAbsent);
    }

    /** Every group by name, {@value #ALL} first, with the ETLs it names. */
    Map<String, List<String>> members() {
        return Collections.unmodifiableMap(groups);
    }

    /**
     * The task type of each group that {@code etl run} can offer, of the ETLs (and models) it names that exist: {@link #check()}
     * refuses the others before any command runs, and a group named like a task is not offered at all.
     */
    List<TaskType<TaskGroup>> types() {
        return groups.entrySet().stream().filter(group -> registry.find(group.getKey()).isEmpty())
                .map(group -> TaskGroup.type(group.getKey(), description(group.getKey(), group.getValue()),
                        group.getValue().stream().filter(member -> registry.find(member).isPresent())
                                .<TaskType<?>>map(registry::require).toList()))
                .toList();
    }

    /**
     * @throws ConfigurationException for a group of the settings that names a task (or {@value #ALL}), or an ETL that
     *                                does not exist (naming the closest)
     */
    void check() {
        settings.members(GROUP).forEach((name, members) -> {
            String group = "group " + name + " (" + settings.source(GROUP.member(name)) + ")";
            clash(name).ifPresent(taken -> {
                throw new ConfigurationException(group + " is named like " + taken + ": give it another name");
            });
            members.stream().filter(etl -> !etls.contains(etl)).findFirst().ifPresent(unknown -> {
                throw new ConfigurationException(group + " names " + unknown + ", which is not an ETL"
                        + Closest.to(unknown, etls).map(etl -> ": did you mean " + etl + "?").orElse(" ('etl list' shows them)"));
            });
        });
    }

    /** What else goes by this name in {@code etl run}, if anything. */
    private Optional<String> clash(String name) {
        if (name.equals(ALL)) {
            return Optional.of("the group of every ETL");
        }
        return registry.find(name).map(task -> etls.contains(name) ? "an ETL" : "a task");
    }

    private static String description(String name, List<String> etls) {
        return (name.equals(ALL) ? "Every ETL and SQL model" : "Group " + name + " of the settings") + ", in one run: "
                + String.join(", ", etls);
    }
}
