package io.etl.task;

import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterSet;
import io.etl.parameter.ParameterValues;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A family of tasks: its name, what it does, its parameters and how to create one from parameter values.
 * The command line runs task types by family; Java code creates tasks with {@link #with} or {@link #create}.
 */
public final class TaskType<T extends Task> {

    private static final Pattern FAMILY = Pattern.compile("[a-z][a-z0-9_]*(-[a-z0-9_]+)*");

    private final String family;
    private final String description;
    private final ParameterSet parameters;
    private final Function<ParameterValues, T> factory;
    private final String lockName;

    private TaskType(String family, String description, List<Parameter<?>> parameters,
                     Function<ParameterValues, T> factory, String lockName) {
        if (!FAMILY.matcher(family).matches()) {
            throw new IllegalArgumentException("task family '" + family + "' must be lower-case letters, digits, '_' or '-'");
        }
        this.family = family;
        this.description = description;
        this.parameters = ParameterSet.of(parameters);
        this.factory = factory;
        this.lockName = lockName;
    }

    public static <T extends Task> TaskType<T> of(String family, String description,
                                                  Function<ParameterValues, T> factory, Parameter<?>... parameters) {
        return new TaskType<>(family, description, List.of(parameters), factory, family);
    }

    /**
     * The same type, whose tasks run as a root under the lock {@code name} instead of their family's: the stages of an
     * ETL share the ETL's, so that running one of them never overlaps a run of the whole.
     */
    public TaskType<T> lockedAs(String name) {
        return new TaskType<>(family, description, parameters.list(), factory, name);
    }

    public String family() {
        return family;
    }

    /** The lock a run of one of its tasks holds: its family unless {@link #lockedAs} said otherwise. */
    public String lockName() {
        return lockName;
    }

    public String description() {
        return description;
    }

    public List<Parameter<?>> parameters() {
        return parameters.list();
    }

    public ParameterValues.Builder values() {
        return parameters.values();
    }

    public T create(ParameterValues values) {
        return factory.apply(values);
    }

    /** A task with every parameter at its default. */
    public T create() {
        return create(values().build());
    }

    /** Starts a task with one parameter set: {@code Report.TYPE.with(Report.DATE, day).create()}. */
    public <V> Builder<T> with(Parameter<V> parameter, V value) {
        return new Builder<>(this).with(parameter, value);
    }

    /** A task from parameter values as text, as given on the command line. */
    public T parse(Map<String, String> text) {
        ParameterValues.Builder values = values();
        text.forEach(values::parse);
        return create(values.build());
    }

    @Override
    public String toString() {
        return family;
    }

    public static final class Builder<T extends Task> {
        private final TaskType<T> type;
        private final ParameterValues.Builder values;

        private Builder(TaskType<T> type) {
            this.type = type;
            this.values = type.values();
        }

        public <V> Builder<T> with(Parameter<V> parameter, V value) {
            values.set(parameter, value);
            return this;
        }

        public T create() {
            return type.create(values.build());
        }
    }
}
