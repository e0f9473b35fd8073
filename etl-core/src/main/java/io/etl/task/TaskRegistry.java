package io.etl.task;

import io.etl.config.SettingKey;
import io.etl.config.Settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The task types known to this installation, by family. */
public final class TaskRegistry {

    private final Map<String, TaskType<?>> byFamily;
    private final Map<String, String> groupByFamily;
    private final List<SettingKey<?>> settingKeys;

    private TaskRegistry(Map<String, TaskType<?>> byFamily, Map<String, String> groupByFamily, List<SettingKey<?>> settingKeys) {
        this.byFamily = byFamily;
        this.groupByFamily = groupByFamily;
        this.settingKeys = settingKeys;
    }

    /** Every type, and every setting key, of every {@link TaskCatalog} on the class path. */
    public static TaskRegistry discover(Settings settings) {
        List<TaskCatalog> catalogs = ServiceLoader.load(TaskCatalog.class).stream().map(ServiceLoader.Provider::get).toList();
        Map<TaskType<?>, String> groups = new LinkedHashMap<>();
        catalogs.forEach(catalog -> catalog.taskTypes(settings).forEach(type -> groups.put(type, catalog.group())));
        return of(groups, catalogs.stream().flatMap(catalog -> catalog.settingKeys().stream()).toList());
    }

    public static TaskRegistry of(List<TaskType<?>> types) {
        Map<TaskType<?>, String> groups = new LinkedHashMap<>();
        types.forEach(type -> groups.put(type, TaskCatalog.ETLS));
        return of(groups, List.of());
    }

    private static TaskRegistry of(Map<TaskType<?>, String> groups, List<SettingKey<?>> settingKeys) {
        Map<String, TaskType<?>> byFamily = new LinkedHashMap<>();
        Map<String, String> groupByFamily = new LinkedHashMap<>();
        groups.keySet().stream().sorted(Comparator.comparing(TaskType::family)).forEach(type -> {
            if (byFamily.putIfAbsent(type.family(), type) != null) {
                throw new IllegalArgumentException("two task types are named '" + type.family() + "': rename one of"
                        + " the ETLs or tasks of that name");
            }
            groupByFamily.put(type.family(), groups.get(type));
        });
        return new TaskRegistry(byFamily, groupByFamily, settingKeys);
    }

    /** The types by the heading of their catalog ({@link TaskCatalog#group()}), the ETLs first. */
    public Map<String, List<TaskType<?>>> groups() {
        Map<String, List<TaskType<?>>> groups = new LinkedHashMap<>();
        groups.put(TaskCatalog.ETLS, new ArrayList<>());
        byFamily.values().forEach(type -> groups.computeIfAbsent(groupByFamily.get(type.family()), g -> new ArrayList<>()).add(type));
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    public Optional<TaskType<?>> find(String family) {
        return Optional.ofNullable(byFamily.get(family));
    }

    /** @throws UnknownTaskException naming the family and the closest known one */
    public TaskType<?> require(String family) {
        return find(family).orElseThrow(() -> new UnknownTaskException(family, byFamily.keySet()));
    }

    /** The settings the catalogs declared for their own tasks. */
    public List<SettingKey<?>> settingKeys() {
        return settingKeys;
    }

    public Collection<TaskType<?>> types() {
        return byFamily.values();
    }
}
