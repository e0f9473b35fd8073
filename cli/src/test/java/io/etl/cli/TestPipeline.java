package io.etl.cli;

import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterValues;
import io.etl.targets.LocalFileTarget;
import io.etl.task.Task;
import io.etl.task.TaskContext;
import io.etl.task.TaskType;
import io.etl.task.WrapperTask;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * An ETL in the shape of the real ones, without their databases: {@code events --since --until} requires
 * {@code events_load(lower, upper)}, which records {@code --rows} as its rows loaded
 * (and fails when it is negative).
 */
final class TestPipeline {

    static final Parameter<Instant> SINCE = Parameter.instant("since");
    static final Parameter<Instant> UNTIL = Parameter.instant("until");
    static final Parameter<Long> ROWS = Parameter.longInteger("rows").withDefault(3L).insignificant();
    static final Parameter<Instant> LOWER = Parameter.instant("lower");
    static final Parameter<Instant> UPPER = Parameter.instant("upper");

    private final Path directory;
    private final TaskType<Task> load;
    private final TaskType<Task> etl;

    TestPipeline(Path directory) {
        this.directory = directory;
        this.load = TaskType.of("events_load", "loads a window of test events", Load::new, LOWER, UPPER, ROWS);
        this.etl = TaskType.of("events", "a test ETL", Etl::new, SINCE, UNTIL, ROWS);
    }

    List<TaskType<?>> types() {
        return List.of(etl, load);
    }

    private final class Etl extends WrapperTask {
        Etl(ParameterValues values) {
            super(etl, values);
        }

        @Override
        public List<Task> requires() {
            return List.of(load.with(LOWER, get(SINCE)).with(UPPER, get(UNTIL)).with(ROWS, get(ROWS)).create());
        }
    }

    private final class Load extends Task {
        Load(ParameterValues values) {
            super(load, values);
        }

        @Override
        public List<LocalFileTarget> output() {
            return List.of(LocalFileTarget.at(directory.resolve("events_" + get(LOWER).getEpochSecond() + "_" + get(UPPER).getEpochSecond())));
        }

        @Override
        public void run(TaskContext context) throws Exception {
            if (get(ROWS) < 0) {
                throw new IllegalStateException("the source did not answer");
            }
            context.record(RunLoad.ROWS_METRIC, get(ROWS));
            output().get(0).writeString("loaded");
        }
    }
}
