package io.etl.task;

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

    private TaskRegistry(Map<String, TaskType<?>> byFamily) {
        this.byFamily = byFamily;
    }

    /** Every type of every {@link TaskCatalog} on the class path. */
    public static TaskRegistry discover(Settings settings) {
        return of(ServiceLoader.load(TaskCatalog.class).stream()
                .flatMap(provider -> provider.get().taskTypes(settings).stream())
                .toList());
    }

    public static TaskRegistry of(List<TaskType<?>> types) {
        Map<String, TaskType<?>> byFamily = new LinkedHashMap<>();
        types.stream().sorted(Comparator.comparing(TaskType::family)).forEach(type -> {
            if (byFamily.putIfAbsent(type.family(), type) != null) {
                throw new IllegalStateException("two task types are named '" + type.family() + "'");
            }
        });
        return new TaskRegistry(byFamily);
    }

    public Optional<TaskType<?>> find(String family) {
        return Optional.ofNullable(byFamily.get(family));
    }

    /** @throws UnknownTaskException naming the family and the closest known one */
    public TaskType<?> require(String family) {
        return find(family).orElseThrow(() -> new UnknownTaskException(family, byFamily.keySet()));
    }

    public Collection<TaskType<?>> types() {
        return byFamily.values();
    }
}
