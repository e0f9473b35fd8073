package io.etl.task;

import io.etl.config.SettingKey;
import io.etl.config.Settings;

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
    private final List<SettingKey<?>> settingKeys;

    private TaskRegistry(Map<String, TaskType<?>> byFamily, List<SettingKey<?>> settingKeys) {
        this.byFamily = byFamily;
        this.settingKeys = settingKeys;
    }

    /** Every type, and every setting key, of every {@link TaskCatalog} on the class path. */
    public static TaskRegistry discover(Settings settings) {
        List<TaskCatalog> catalogs = ServiceLoader.load(TaskCatalog.class).stream().map(ServiceLoader.Provider::get).toList();
        return of(catalogs.stream().flatMap(catalog -> catalog.taskTypes(settings).stream()).toList(),
                catalogs.stream().flatMap(catalog -> catalog.settingKeys().stream()).toList());
    }

    public static TaskRegistry of(List<TaskType<?>> types) {
        return of(types, List.of());
    }

    private static TaskRegistry of(List<TaskType<?>> types, List<SettingKey<?>> settingKeys) {
        Map<String, TaskType<?>> byFamily = new LinkedHashMap<>();
        types.stream().sorted(Comparator.comparing(TaskType::family)).forEach(type -> {
            if (byFamily.putIfAbsent(type.family(), type) != null) {
                throw new IllegalStateException("two task types are named '" + type.family() + "'");
            }
        });
        return new TaskRegistry(byFamily, settingKeys);
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
