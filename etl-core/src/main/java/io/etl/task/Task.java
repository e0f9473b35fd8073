package io.etl.task;

import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterValues;
import io.etl.targets.Target;

import java.util.List;
import java.util.Optional;

/**
 * A unit of work: what it needs ({@link #requires()}), what it produces ({@link #output()}) and how
 * ({@link #run(TaskContext)}). Tasks are immutable values: two tasks with the same {@link TaskId} are equal, and
 * the scheduler runs one of them at most once per run.
 *
 * <p>Subclasses declare their parameters as constants and a {@link TaskType} that creates them:
 * <pre>{@code
 * public final class Greet extends Task {
 *     static final Parameter<String> NAME = Parameter.string("name").withDefault("world");
 *     public static final TaskType<Greet> TYPE = TaskType.of("greet", "Writes a greeting", Greet::new, NAME);
 *
 *     private Greet(ParameterValues values) { super(TYPE, values); }
 *
 *     public List<Target> output() { return List.of(LocalFileTarget.at(Path.of("hello-" + get(NAME)))); }
 *     public void run(TaskContext context) throws IOException { ... }
 * }
 * }</pre>
 */
public abstract class Task {

    private final TaskType<?> type;
    private final ParameterValues parameters;
    private final TaskId id;

    protected Task(TaskType<?> type, ParameterValues parameters) {
        this.type = type;
        this.parameters = parameters;
        this.id = new TaskId(type.family(), parameters.identity());
    }

    public final TaskId id() {
        return id;
    }

    public final String family() {
        return type.family();
    }

    public final TaskType<?> type() {
        return type;
    }

    public final ParameterValues parameters() {
        return parameters;
    }

    protected final <T> T get(Parameter<T> parameter) {
        return parameters.get(parameter);
    }

    protected final <T> Optional<T> find(Parameter<T> parameter) {
        return parameters.find(parameter);
    }

    /** The tasks that must be complete before this one runs. */
    public List<? extends Task> requires() {
        return List.of();
    }

    /** What this task produces; it is complete when all of them exist. */
    public List<? extends Target> output() {
        return List.of();
    }

    /**
     * Whether this task's work is already done. By default: it has outputs and all of them exist. A task without
     * outputs is never complete and runs every time, unless it overrides this.
     */
    public boolean complete() {
        List<? extends Target> outputs = output();
        if (outputs.isEmpty()) {
            return false;
        }
        for (Target target : outputs) {
            if (!target.exists()) {
                return false;
            }
        }
        return true;
    }

    /** Does the work. Throwing fails this attempt; outputs must be written atomically so a failure leaves none. */
    public abstract void run(TaskContext context) throws Exception;

    /** How this task is retried when {@link #run} throws; empty means the run's default policy. */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.empty();
    }

    /**
     * The lock a run of this task as its root holds, so that two runs holding the same one never overlap: its type's
     * ({@link TaskType#lockName()}), by default its family. Tasks that write what another family writes (the stages
     * and the repair of an ETL) share that family's lock.
     */
    public String lockName() {
        return type.lockName();
    }

    /**
     * Every lock a run of this task as its root holds: its own ({@link #lockName()}), and those of the runs it makes
     * part of its own (a SQL model runs the ETLs it reads), so that no other run of them overlaps it.
     */
    public List<String> lockNames() {
        return List.of(lockName());
    }

    /** Among tasks ready at the same time, higher priority runs first. */
    public int priority() {
        return 0;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof Task other && id.equals(other.id);
    }

    @Override
    public final int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
