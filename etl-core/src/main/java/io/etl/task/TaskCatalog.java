package io.etl.task;

import io.etl.config.SettingKey;
import io.etl.config.Settings;

import java.util.List;

/**
 * A set of task types offered to the command line, found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.etl.task.TaskCatalog}. Creating the types must be cheap (no connections): it
 * happens on every start, {@code etl --help} included.
 */
public interface TaskCatalog {

    /** The group of task types that {@code etl list} shows first: the ETLs people run. */
    String ETLS = "ETLs and their tasks";

    /** The heading {@code etl list} shows these types under, so that examples and benchmarks stay apart from the ETLs. */
    default String group() {
        return ETLS;
    }

    List<TaskType<?>> taskTypes(Settings settings);

    /** The settings this catalog's tasks read beyond the built-in ones: declared, they are known to the command line. */
    default List<SettingKey<?>> settingKeys() {
        return List.of();
    }
}
