package io.etl.example;

import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterValues;
import io.etl.targets.LocalFileTarget;
import io.etl.task.Task;
import io.etl.task.TaskContext;
import io.etl.task.TaskType;
import io.etl.task.WrapperTask;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The engine benchmark: one wrapper requiring N no-op tasks that each write a small file. It measures what the
 * orchestrator itself costs per task (planning, completeness checks, scheduling, history), nothing else.
 */
public final class FanIn {

    static final Parameter<Integer> TASKS = Parameter.integer("tasks").withDefault(1000).describedAs("how many leaf tasks");
    static final Parameter<String> DIRECTORY = Parameter.string("dir").withDefault("fan_in")
            .describedAs("where the leaves write their files");
    static final Parameter<Integer> INDEX = Parameter.integer("index").describedAs("which leaf");

    private FanIn() {
    }

    static final class Types {
        private final Path directory;
        private final TaskType<Wrapper> wrapper;
        private final TaskType<Leaf> leaf;

        /** @param directory where relative {@code --dir} values point */
        Types(Path directory) {
            this.directory = directory;
            this.wrapper = TaskType.of("fan_in", "Benchmark: a wrapper requiring --tasks no-op tasks that each write a file",
                    values -> new Wrapper(this, values), TASKS, DIRECTORY);
            this.leaf = TaskType.of("fan_in_leaf", "Benchmark: one no-op task that writes a small file",
                    values -> new Leaf(this, values), INDEX, DIRECTORY);
        }

        List<TaskType<?>> all() {
            return List.of(wrapper, leaf);
        }
    }

    static final class Wrapper extends WrapperTask {
        private final Types types;

        Wrapper(Types types, ParameterValues values) {
            super(types.wrapper, values);
            this.types = types;
        }

        @Override
        public List<Leaf> requires() {
            return IntStream.range(0, get(TASKS))
                    .mapToObj(i -> types.leaf.with(INDEX, i).with(DIRECTORY, get(DIRECTORY)).create())
                    .toList();
        }
    }

    static final class Leaf extends Task {
        private final LocalFileTarget file;

        Leaf(Types types, ParameterValues values) {
            super(types.leaf, values);
            int index = get(INDEX);
            this.file = LocalFileTarget.at(types.directory.resolve(get(DIRECTORY)).resolve(String.valueOf(index / 1000)).resolve(index + ".done"));
        }

        @Override
        public List<LocalFileTarget> output() {
            return List.of(file);
        }

        @Override
        public void run(TaskContext context) throws Exception {
            file.writeString(get(INDEX) + "\n");
        }
    }
}
